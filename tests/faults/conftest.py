"""Fixtures for the fault tests: private PostgreSQL and Redis, gunicorn, Celery workers.

Every fixture stops what it started, also when the test fails; every wait has a deadline.
The shared PostgreSQL (5432) and Redis (6379) are never touched by these fixtures.
"""

import base64
import itertools
import os
import secrets
import signal
import sys
import tempfile
import uuid
from pathlib import Path

import pytest

from tests.faults.procs import (
    CeleryWorker,
    Gunicorn,
    PostgresCluster,
    RedisServer,
    django_env,
    manage,
)

TEMPLATE_DB = "qd_template"
FAULT_TEST_TIMEOUT = 480  # seconds per test, fixtures included (the first one migrates)
_counter = itertools.count(1)


def pytest_configure(config):
    # `timeout` and CI cancel with SIGTERM: turn it into SystemExit so fixtures' finally
    # blocks (and the atexit net in procs.py) stop every private process.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.faults)
            if item.get_closest_marker("timeout") is None:  # bounded, whatever happens
                item.add_marker(pytest.mark.timeout(FAULT_TEST_TIMEOUT))


@pytest.fixture(scope="session")
def fault_log_dir():
    path = Path(tempfile.mkdtemp(prefix="qd-faults-logs-"))
    yield path


@pytest.fixture(scope="session")
def pg_cluster():
    """A private PostgreSQL cluster for the whole session (tests may restart it)."""
    cluster = PostgresCluster()
    try:
        cluster.init().start()
        yield cluster
    finally:
        cluster.destroy()


@pytest.fixture(scope="session")
def migrated_template(pg_cluster):
    """A migrated database in the private cluster, copied for each test."""
    pg_cluster.create_database(TEMPLATE_DB)
    env = django_env(database_url=pg_cluster.url(TEMPLATE_DB), broker_url="memory://")
    manage("migrate", "--noinput", env=env, timeout=600)
    return TEMPLATE_DB


@pytest.fixture
def fault_db(pg_cluster, migrated_template):
    """A fresh, migrated database in the private cluster; yields its URL."""
    if not pg_cluster.started:
        pg_cluster.start()
    name = f"faults_{os.getpid()}_{next(_counter)}"
    pg_cluster.create_database(name, template=migrated_template)
    try:
        yield pg_cluster.url(name)
    finally:
        if not pg_cluster.started:
            pg_cluster.start()
        with pg_cluster.connect("postgres") as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def private_redis():
    server = RedisServer()
    try:
        server.start()
        yield server
    finally:
        server.destroy()


@pytest.fixture
def start_gunicorn(fault_log_dir):
    """``start_gunicorn(env, workers=2)`` → a running Gunicorn; all are stopped afterwards."""
    started: list[Gunicorn] = []

    def start(env: dict, *, workers: int = 2, port: int | None = None) -> Gunicorn:
        server = Gunicorn(env=env, workers=workers, port=port, log_dir=fault_log_dir)
        started.append(server)
        return server.start()

    try:
        yield start
    finally:
        for server in started:
            server.stop()


@pytest.fixture
def start_celery_worker(fault_log_dir):
    """``start_celery_worker(env)`` → a running CeleryWorker; all are stopped afterwards."""
    started: list[CeleryWorker] = []

    def start(env: dict, **kwargs) -> CeleryWorker:
        worker = CeleryWorker(env=env, log_dir=fault_log_dir, **kwargs)
        started.append(worker)
        return worker.start()

    try:
        yield start
    finally:
        for worker in started:
            worker.stop()


@pytest.fixture
def platform_env(fault_db, private_redis):
    """Environment for platform processes on this test's database and private Redis."""
    return django_env(
        database_url=fault_db, broker_url=private_redis.url(0), cache_url=private_redis.url(1)
    )


@pytest.fixture
def lrs_basic_auth(platform_env):
    """Credentials of a fresh LRS client in the test's database, as an Authorization header."""
    key, secret = f"faults-{uuid.uuid4().hex[:12]}", secrets.token_urlsafe(32)
    manage("create_lrs_client", "Fault tests", "--key", key, f"--secret={secret}", env=platform_env)
    token = base64.b64encode(f"{key}:{secret}".encode()).decode()
    return f"Basic {token}"
