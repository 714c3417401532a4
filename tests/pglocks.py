"""Deterministic concurrency in tests: a second PostgreSQL session that holds locks or
uncommitted rows, committed only once the code under test is waiting for it."""

import contextlib
import json
import threading
import time

import psycopg

WAITING_ON_A_LOCK = (
    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
    " AND wait_event_type = 'Lock'"
)


def connect_test_database():
    """A psycopg connection of its own to the test database Django uses."""
    from django.db import connection

    db = connection.settings_dict
    return psycopg.connect(host=db["HOST"], port=db["PORT"], user=db["USER"], dbname=db["NAME"])


def someone_waits_on_a_lock(conn) -> bool:
    return bool(conn.execute(WAITING_ON_A_LOCK).fetchone()[0])


@contextlib.contextmanager
def committed_once_blocked(other, *, timeout: float = 20):
    """Commit ``other`` as soon as some session waits on a lock (or after ``timeout`` s).

    Run the code that should wait on ``other`` inside the block; ``other`` and the
    watching connection are closed when the block ends.
    """
    watcher = connect_test_database()

    def commit_once_someone_waits():
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not someone_waits_on_a_lock(watcher):
            time.sleep(0.02)
        other.commit()

    committer = threading.Thread(target=commit_once_someone_waits)
    committer.start()
    try:
        yield
    finally:
        committer.join()
        other.close()
        watcher.close()


def insert_statement(conn, data: dict, *, registration=None, user_id=None) -> None:
    """Write a statement row on ``conn`` (uncommitted until ``conn`` commits)."""
    from lms.xapi import identity

    conn.execute(
        "INSERT INTO xapi_statement (id, data, stored, timestamp, actor_key, verb, object_id,"
        " object_type, object_agent_key, voided, registration, user_id)"
        " VALUES (%s, %s, now(), now(), %s, %s, %s, 'Activity', '', false, %s, %s)",
        [
            data["id"],
            json.dumps(data),
            identity.agent_key(data["actor"]),
            data["verb"]["id"],
            data["object"]["id"],
            registration,
            user_id,
        ],
    )
