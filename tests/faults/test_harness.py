"""The harness itself: private services start, answer, restart and stop cleanly."""

import psycopg
import requests

from tests.faults.procs import children_of, wait_until


def test_private_postgres_survives_an_immediate_restart(pg_cluster, fault_db):
    with psycopg.connect(fault_db, autocommit=True) as conn:
        conn.execute("CREATE TABLE probe (id int primary key)")
        conn.execute("INSERT INTO probe VALUES (1), (2)")
    downtime = pg_cluster.restart(mode="immediate")
    assert downtime < 30
    with psycopg.connect(fault_db) as conn:
        assert conn.execute("SELECT count(*) FROM probe").fetchone()[0] == 2


def test_private_redis_restart_loses_its_queue(private_redis):
    import redis

    client = redis.Redis.from_url(private_redis.url(3))
    client.rpush("queue", "a")
    private_redis.restart()
    client = redis.Redis.from_url(private_redis.url(3))
    assert client.llen("queue") == 0


def test_gunicorn_replaces_a_killed_worker(platform_env, start_gunicorn):
    server = start_gunicorn(platform_env)
    before = server.worker_pids()
    assert len(before) == 2
    victim = server.kill_worker()
    wait_until(
        lambda: victim not in server.worker_pids() and len(server.worker_pids()) == 2,
        timeout=30,
        what="a replacement worker",
    )
    response = requests.get(f"{server.url}/healthz", timeout=5)
    assert response.json()["checks"]["database"] == "ok"
    server.stop()
    assert not server.running()
    assert children_of(server.pid) == []


def test_celery_worker_starts_and_stops(platform_env, start_celery_worker):
    worker = start_celery_worker(platform_env)
    assert worker.running()
    worker.stop()
    assert not worker.running()
