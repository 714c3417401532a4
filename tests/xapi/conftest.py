"""Builders for the LRS tests."""

import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from lms.xapi import projections
from lms.xapi.services import lrs_client_create
from tests.courses.conftest import (  # noqa: F401 (fixtures for the rebuild tests)
    course_index,
    final_assessment,
    make_course,
    question,
)
from tests.packages.conftest import _media, make_package  # noqa: F401 (fixtures)

ACTOR = {"objectType": "Agent", "mbox": "mailto:learner@example.org", "name": "Learner"}


def make_statement(**overrides) -> dict:
    statement = {
        "actor": dict(ACTOR),
        "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced", "display": {"en-US": "x"}},
        "object": {"id": "https://example.org/activities/one", "objectType": "Activity"},
    }
    statement.update(overrides)
    return statement


@pytest.fixture
def statement_factory():
    def make(**overrides):
        data = make_statement(**overrides)
        data.setdefault("id", str(uuid.uuid4()))
        return data

    return make


@pytest.fixture
def lrs_client(db):
    client, secret = lrs_client_create(name="Test client")
    client.plain_secret = secret
    return client


@pytest.fixture
def isolated_projections():
    """Only the projections a test registers run; the registry is restored afterwards."""
    saved = dict(projections._REGISTRY)
    projections._REGISTRY.clear()
    yield projections
    projections._REGISTRY.clear()
    projections._REGISTRY.update(saved)


@pytest.fixture(autouse=True)
def _forget_known_activity_definitions():
    """The per-process definition cache must not outlive a test's (flushed) database."""
    from lms.xapi import services

    services._KNOWN_DEFINITIONS.clear()
    yield
    services._KNOWN_DEFINITIONS.clear()


@pytest.fixture
def remote_http_server():
    """A real HTTP server on 127.0.0.1 standing in for a remote LRS.

    ``server.answers`` maps a path to (status, headers, body) (default: 200 and ``[]``);
    ``server.seen`` lists (path, Authorization header) of every POST it received.
    """
    answers: dict[str, tuple[int, dict, bytes]] = {}
    seen: list[tuple[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            seen.append((self.path, self.headers.get("Authorization", "")))
            status, headers, body = answers.get(self.path, (200, {}, b"[]"))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.answers, server.seen = answers, seen
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
