"""PostgreSQL goes away under a running gunicorn: clear 503s, never a 500, then recovery."""

import time

import requests

from tests.faults.procs import wait_until

PROBES = [
    ("page", "/", {"Accept": "text/html"}, {}),
    ("json", "/", {"Accept": "application/json"}, {}),
    ("session", "/me/", {"Accept": "text/html"}, {"sessionid": "x" * 32}),
    ("health", "/healthz", {"Accept": "application/json"}, {}),
]


def _get(server, path, headers, cookies):
    return requests.get(
        server.url + path, headers=headers, cookies=cookies, timeout=15, allow_redirects=False
    )


def test_database_down_answers_503_and_recovers(pg_cluster, platform_env, start_gunicorn):
    server = start_gunicorn(platform_env)
    for _name, path, headers, cookies in PROBES:  # warm both workers' connections
        for _ in range(4):
            assert _get(server, path, headers, cookies).status_code < 500

    pg_cluster.stop(mode="immediate")
    down_at = time.monotonic()
    try:
        for name, path, headers, cookies in PROBES:
            for _ in range(3):  # both workers, stale pooled connections and new ones
                response = _get(server, path, headers, cookies)
                body = response.text
                assert response.status_code == 503, (name, response.status_code, body[:500])
                assert "Traceback" not in body and "psycopg" not in body, name
                if name != "health":
                    assert response.headers["Retry-After"] == "5", name
                if headers["Accept"] == "application/json" and name != "health":
                    assert response.json()["error"]["code"] == 503
    finally:
        pg_cluster.start()
    started_at = time.monotonic()

    def healthy():
        return all(
            _get(server, path, headers, cookies).status_code < 500
            for _name, path, headers, cookies in PROBES
        )

    wait_until(healthy, timeout=30, interval=0.2, what="pages answering after the restart")
    now = time.monotonic()
    print(
        f"database outage: pages healthy {now - started_at:.2f} s after PostgreSQL was back "
        f"({now - down_at:.2f} s after it went down)"
    )
    assert server.running() and len(server.worker_pids()) == 2
