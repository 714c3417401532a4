"""Management commands: create_lrs_client and rebuild_projections."""

import io

import pytest
from django.core.management import CommandError, call_command

from lms.xapi import credentials
from lms.xapi.models import LRSClient
from lms.xapi.services import statements_store

pytestmark = pytest.mark.django_db


def test_create_lrs_client_prints_generated_credentials_once():
    out = io.StringIO()
    call_command("create_lrs_client", "Autorenwerkzeug", stdout=out)

    lines = dict(line.split(": ", 1) for line in out.getvalue().splitlines())
    client = LRSClient.objects.get(key=lines["key"])
    assert client.name == "Autorenwerkzeug"
    assert credentials.secret_matches(lines["secret"], client.secret_digest)
    assert lines["secret"] not in client.secret_digest
    assert len(lines["secret"]) >= 40


def test_create_lrs_client_with_given_key_secret_and_read_only():
    call_command(
        "create_lrs_client",
        "Berichte",
        "--key",
        "reports",
        "--secret",
        "s3cret-value",
        "--read-only",
        stdout=io.StringIO(),
    )
    client = LRSClient.objects.get(key="reports")
    assert client.read_only is True
    assert credentials.secret_matches("s3cret-value", client.secret_digest)
    with pytest.raises(CommandError):
        call_command("create_lrs_client", "Doppelt", "--key", "reports", stdout=io.StringIO())


def test_rebuild_projections_command_resets_and_replays(isolated_projections, statement_factory):
    seen = []
    isolated_projections.register_projection(
        "count", apply=lambda rows: seen.extend(r.id for r in rows), reset=seen.clear
    )
    statements_store(statements=[statement_factory() for _ in range(3)])
    seen.append("stale")
    out = io.StringIO()

    call_command("rebuild_projections", "--batch-size", "2", stdout=out)

    assert len(seen) == 3 and "stale" not in seen
    assert "Replayed 3 statements" in out.getvalue()
