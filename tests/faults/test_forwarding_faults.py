"""Forwarding survives a remote LRS that is down and a broker that restarts empty.

The platform (gunicorn + a Celery worker with its beat sweep, private Redis) forwards to a
second platform instance acting as the remote LRS (its own database and client). Clients
post statements; the remote goes down; more statements arrive; the broker is restarted
(queued tasks are lost, the outbox is not); the remote comes back. Then every statement
must be at the remote exactly once, in the order of the platform's store per actor.
"""

import secrets
import time
import uuid

import psycopg

from tests.faults.load import LoadRun
from tests.faults.procs import django_env, manage, wait_until

CREATE_ENDPOINT = """
from lms.xapi.models import ForwardingEndpoint
ForwardingEndpoint.objects.create(
    name="Remote", url={url!r}, username={key!r}, password={secret!r}, batch_size=50,
    retry_base_seconds=1,
)
"""


def _rows(database_url, sql, params=()):
    with psycopg.connect(database_url) as conn:
        return conn.execute(sql, params).fetchall()


def test_forwarding_with_remote_down_and_broker_restart_delivers_each_statement_once_in_order(
    pg_cluster,
    migrated_template,
    fault_db,
    private_redis,
    platform_env,
    lrs_basic_auth,
    start_gunicorn,
    start_celery_worker,
):
    remote_db_name = f"remote_{uuid.uuid4().hex[:8]}"
    pg_cluster.create_database(remote_db_name, template=migrated_template)
    remote_db = pg_cluster.url(remote_db_name)
    try:
        remote_env = django_env(
            database_url=remote_db, broker_url=private_redis.url(2), cache_url=private_redis.url(3)
        )
        key, secret = f"remote-{uuid.uuid4().hex[:8]}", secrets.token_urlsafe(32)
        manage("create_lrs_client", "Source", "--key", key, f"--secret={secret}", env=remote_env)
        remote = start_gunicorn(remote_env, workers=1)
        manage(
            "shell", "-c",
            CREATE_ENDPOINT.format(url=f"{remote.url}/xapi", key=key, secret=secret),
            env=platform_env,
        )  # fmt: skip
        source = start_gunicorn(platform_env)
        start_celery_worker(platform_env, beat=True)

        def run(batches):
            load = LoadRun(source.url, lrs_basic_auth, clients=3, batches=batches, batch_size=20)
            load.start().join(timeout=120)
            assert all(batch.acknowledged for batch in load.batches)
            return load

        runs = [run(4)]  # remote up
        remote.stop()
        down_at = time.monotonic()
        runs.append(run(4))  # remote down: the outbox fills, retries back off
        time.sleep(3)
        private_redis.restart()  # queued forwarding tasks are lost; the outbox is not
        runs.append(run(4))
        time.sleep(3)
        remote = start_gunicorn(remote_env, workers=1, port=remote.port)
        up_at = time.monotonic()

        def outbox_empty():
            return _rows(fault_db, "SELECT count(*) FROM xapi_outboxentry")[0][0] == 0

        wait_until(outbox_empty, timeout=180, interval=0.5, what="the outbox draining")
        drained_in = time.monotonic() - up_at

        sent = {i for load in runs for i in load.acknowledged_ids()}
        at_remote = _rows(remote_db, "SELECT id::text FROM xapi_statement ORDER BY stored, id")
        remote_ids = [row[0] for row in at_remote]
        assert len(remote_ids) == len(set(remote_ids)), "a statement arrived twice"
        assert set(remote_ids) == sent, (
            f"{len(sent - set(remote_ids))} missing, {len(set(remote_ids) - sent)} unexpected"
        )
        # In order per actor: the remote's order equals the platform's stored order.
        source_rows = _rows(
            fault_db, "SELECT id::text, actor_key FROM xapi_statement ORDER BY stored, id"
        )
        position = {statement_id: n for n, statement_id in enumerate(remote_ids)}
        by_actor: dict[str, list[str]] = {}
        for statement_id, actor_key in source_rows:
            by_actor.setdefault(actor_key, []).append(statement_id)
        for actor_key, ids in by_actor.items():
            order = [position[i] for i in ids]
            assert order == sorted(order), f"statements of {actor_key} arrived out of order"
        # The remote saw only pseudonymous actors.
        actors = _rows(remote_db, "SELECT DISTINCT data->'actor' FROM xapi_statement")
        assert all("mbox" not in actor and "account" in actor for (actor,) in actors)
        print(
            f"forwarding: {len(sent)} statements acknowledged, {len(remote_ids)} at the remote "
            f"(each once, in order for {len(by_actor)} actors); remote down "
            f"{up_at - down_at:.1f} s, outbox drained {drained_in:.1f} s after it was back"
        )
    finally:  # the gunicorn fixture stops both servers
        with pg_cluster.connect("postgres") as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{remote_db_name}" WITH (FORCE)')
