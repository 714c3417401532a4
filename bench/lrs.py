"""LRS benchmark: ingest, single-statement latency and filtered GET over a million statements.

Runs against a real server: gunicorn (2 workers) with production settings on a scratch
PostgreSQL database. Steps:

1. create the database, migrate, create an LRS client;
2. fill it with ``--fill`` statements (default 1,000,000) by PostgreSQL ``COPY`` of the same
   rows the LRS writes (statement, agent and activity rows), timed: ``copy_statements_per_s``;
3. POST batches of 100 statements, ``--batch-total`` in all (default 20,000) from 4
   concurrent clients: ``batch_statements_per_s`` (and ``copy_vs_batch_factor``, how many
   times faster the raw COPY was);
4. 1,000 single-statement requests (PUT and POST alternating): ``single_p50_ms``;
5. filtered GETs (agent + verb, and registration) over the filled store:
   ``get_filtered_p50_ms`` (all), ``get_agent_verb_p50_ms``, ``get_registration_p50_ms``.

Usage (PostgreSQL at 127.0.0.1:5432, user postgres, trust auth)::

    python bench/lrs.py                       # full run
    python bench/lrs.py --fill 200000         # smaller store
    python bench/lrs.py --reuse               # keep an existing filled database

The load generator runs on the same machine as the server, as the targets assume.
"""

import argparse
import base64
import datetime as dt
import http.client
import io
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
KEY, SECRET = "bench", "bench-secret-with-enough-entropy-0123456789"
VERBS = [
    f"http://adlnet.gov/expapi/verbs/{v}"
    for v in (
        "experienced",
        "completed",
        "answered",
        "passed",
        "failed",
        "attempted",
        "launched",
        "initialized",
        "terminated",
        "progressed",
    )
]
HOMEPAGE = "https://qualifica-digitalis.example"


def statement(rng: random.Random, *, actor: int, registration: uuid.UUID, with_id=True) -> dict:
    verb = rng.choice(VERBS)
    data = {
        "actor": {
            "objectType": "Agent",
            "name": f"Person {actor}",
            "mbox": f"mailto:p{actor}@bench.example",
        },
        "verb": {"id": verb, "display": {"en-US": verb.rsplit("/", 1)[1]}},
        "object": {
            "objectType": "Activity",
            "id": f"https://bench.example/activities/lesson/{rng.randrange(2000)}",
            "definition": {
                "name": {"de-DE": "Lektion"},
                "type": "http://adlnet.gov/expapi/activities/lesson",
            },
        },
        "result": {"score": {"scaled": round(rng.random(), 2)}, "completion": True},
        "context": {
            "registration": str(registration),
            "contextActivities": {
                "parent": [{"id": f"https://bench.example/activities/course/{actor % 50}"}]
            },
            "platform": "Bench",
            "language": "de-DE",
        },
        "timestamp": dt.datetime.now(dt.UTC).isoformat(),
    }
    if with_id:
        data["id"] = str(uuid.uuid4())
    return data


def env_for(database: str) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="lms.settings.production",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{database}",
        SECRET_KEY="bench-only-secret-key",
        QD_ENCRYPTION_KEYS="30MSB036eosS41KVdyBr4s3niqJc9aUtV5B9D4ZqhUQ=",  # not secret
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        CACHE_URL=os.environ.get("CACHE_URL", "redis://127.0.0.1:6379/1"),
        PYTHONPATH=str(ROOT),
    )
    return env


def manage(database: str, *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env_for(database),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def prepare_database(database: str, reuse: bool) -> bool:
    """Create (or reuse) the database; returns True when it was freshly created."""
    with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone()
        if exists and reuse:
            return False
        conn.execute(f'DROP DATABASE IF EXISTS "{database}"')
        conn.execute(f'CREATE DATABASE "{database}"')
    manage(database, "migrate", "-v0")
    manage(database, "create_lrs_client", "Benchmark", "--key", KEY, f"--secret={SECRET}")
    return True


def _copy_rows(rng, count, start_actor=0):
    """Rows for COPY: statement, statement-agent and statement-activity rows."""
    base = dt.datetime.now(dt.UTC) - dt.timedelta(days=365)
    statements, agents, activities = io.StringIO(), io.StringIO(), io.StringIO()
    authority = {
        "objectType": "Agent",
        "name": "Benchmark",
        "account": {"homePage": HOMEPAGE, "name": f"lrs-client:{KEY}"},
    }
    registrations = [uuid.uuid4() for _ in range(max(1, count // 10))]
    for n in range(count):
        actor = start_actor + rng.randrange(20_000)
        registration = registrations[rng.randrange(len(registrations))]
        data = statement(rng, actor=actor, registration=registration)
        stored = base + dt.timedelta(microseconds=n * 30)
        data["stored"] = stored.isoformat().replace("+00:00", "Z")
        data["authority"] = authority
        data["version"] = "1.0.0"
        text = json.dumps(data).replace("\\", "\\\\")
        actor_key = f"mbox:{data['actor']['mbox']}"
        statements.write(
            f"{data['id']}\t{text}\t{stored.isoformat()}\t{data['timestamp']}\t\\N\t{actor_key}\t"
            f"{data['verb']['id']}\t{data['object']['id']}\tActivity\t\t{registration}\tf\t\\N\n"
        )
        agents.write(f"{data['id']}\t{actor_key}\n")
        agents.write(f"{data['id']}\taccount:{HOMEPAGE}|lrs-client:{KEY}\n")
        activities.write(f"{data['id']}\t{data['object']['id']}\n")
        parent = data["context"]["contextActivities"]["parent"][0]["id"]
        activities.write(f"{data['id']}\t{parent}\n")
    return statements.getvalue(), agents.getvalue(), activities.getvalue()


def fill_by_copy(database: str, count: int, chunk: int = 100_000) -> float:
    """COPY ``count`` statements in chunks; returns statements per second of the COPY itself."""
    rng = random.Random(7)
    spent = 0.0
    columns = (
        "id, data, stored, timestamp, user_id, actor_key, verb, object_id, object_type, "
        "object_agent_key, registration, voided, client_id"
    )
    with psycopg.connect(f"postgres://postgres@127.0.0.1:5432/{database}") as conn:
        done = 0
        while done < count:
            size = min(chunk, count - done)
            st, ag, ac = _copy_rows(rng, size)
            started = time.perf_counter()
            with conn.cursor() as cur:
                with cur.copy(f"COPY xapi_statement ({columns}) FROM STDIN") as copy:
                    copy.write(st)
                with cur.copy(
                    "COPY xapi_statementagent (statement_id, agent_key) FROM STDIN"
                ) as copy:
                    copy.write(ag)
                with cur.copy(
                    "COPY xapi_statementactivity (statement_id, activity_id) FROM STDIN"
                ) as copy:
                    copy.write(ac)
            conn.commit()
            spent += time.perf_counter() - started
            done += size
        conn.execute("ANALYZE")
    return count / spent


class Client:
    def __init__(self, port: int):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        token = base64.b64encode(f"{KEY}:{SECRET}".encode()).decode()
        self.headers = {
            "Authorization": f"Basic {token}",
            "X-Experience-API-Version": "1.0.3",
            "Content-Type": "application/json",
        }

    def request(self, method: str, path: str, body=None) -> tuple[int, bytes]:
        payload = json.dumps(body).encode() if body is not None else None
        self.conn.request(method, path, body=payload, headers=self.headers)
        response = self.conn.getresponse()
        return response.status, response.read()


def bench_batches(port: int, total: int, clients: int = 4, size: int = 100) -> float:
    rng = random.Random(11)
    per_client = total // clients // size
    batches = [
        [
            [
                statement(rng, actor=rng.randrange(20_000), registration=uuid.uuid4())
                for _ in range(size)
            ]
            for _ in range(per_client)
        ]
        for _ in range(clients)
    ]
    errors = []

    def run(work):
        client = Client(port)
        for batch in work:
            status, body = client.request("POST", "/xapi/statements", batch)
            if status != 200:
                errors.append((status, body[:200]))

    threads = [threading.Thread(target=run, args=(work,)) for work in batches]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if errors:
        raise SystemExit(f"batch POST failed: {errors[:3]}")
    return clients * per_client * size / elapsed


def bench_single(port: int, count: int = 1000) -> float:
    rng = random.Random(13)
    client = Client(port)
    timings = []
    for n in range(count):
        data = statement(rng, actor=rng.randrange(20_000), registration=uuid.uuid4())
        started = time.perf_counter()
        if n % 2:
            status, body = client.request("POST", "/xapi/statements", data)
            ok = status == 200
        else:
            statement_id = data.pop("id")
            status, body = client.request(
                "PUT", f"/xapi/statements?statementId={statement_id}", data
            )
            ok = status == 204
        timings.append((time.perf_counter() - started) * 1000)
        if not ok:
            raise SystemExit(f"single request failed: {status} {body[:200]}")
    return statistics.median(timings)


def bench_get(port: int, database: str, count: int = 500) -> tuple[float, float]:
    from urllib.parse import quote

    with psycopg.connect(f"postgres://postgres@127.0.0.1:5432/{database}") as conn:
        pairs = conn.execute(
            "SELECT actor_key, verb FROM xapi_statement TABLESAMPLE SYSTEM (1) LIMIT %s", [count]
        ).fetchall()
        registrations = [
            row[0]
            for row in conn.execute(
                "SELECT registration FROM xapi_statement TABLESAMPLE SYSTEM (1) LIMIT %s", [count]
            ).fetchall()
        ]
    client = Client(port)

    def timed(path):
        started = time.perf_counter()
        status, body = client.request("GET", path)
        elapsed = (time.perf_counter() - started) * 1000
        if status != 200 or b'"statements":[{' not in body:
            raise SystemExit(f"GET {path} failed or empty: {status} {body[:200]}")
        return elapsed

    agent_verb = []
    for actor_key, verb in pairs:
        agent = json.dumps({"mbox": actor_key.removeprefix("mbox:")})
        agent_verb.append(
            timed(f"/xapi/statements?agent={quote(agent)}&verb={quote(verb)}&limit=10")
        )
    by_registration = [
        timed(f"/xapi/statements?registration={registration}&limit=10")
        for registration in registrations
    ]
    return statistics.median(agent_verb), statistics.median(by_registration)


def wait_for_server(port: int, process) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn exited")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/xapi/about")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", default="qd_xapi_bench")
    parser.add_argument("--port", type=int, default=8121)
    parser.add_argument("--fill", type=int, default=1_000_000)
    parser.add_argument("--batch-total", type=int, default=20_000)
    parser.add_argument("--single", type=int, default=1000)
    parser.add_argument("--reuse", action="store_true", help="reuse a filled database")
    args = parser.parse_args()

    fresh = prepare_database(args.database, args.reuse)
    copy_rate = None
    if fresh:
        copy_rate = fill_by_copy(args.database, args.fill)
        print(f"copy_statements_per_s: {copy_rate:.0f}", flush=True)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "lms.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{args.port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env_for(args.database),
    )
    try:
        wait_for_server(args.port, server)
        rate = bench_batches(args.port, args.batch_total)
        print(f"batch_statements_per_s: {rate:.0f}", flush=True)
        if copy_rate:
            print(f"copy_vs_batch_factor: {copy_rate / rate:.2f}", flush=True)
        single = bench_single(args.port, args.single)
        print(f"single_p50_ms: {single:.1f}", flush=True)
        agent_verb, registration = bench_get(args.port, args.database)
        print(f"get_agent_verb_p50_ms: {agent_verb:.1f}")
        print(f"get_registration_p50_ms: {registration:.1f}")
        print(f"get_filtered_p50_ms: {max(agent_verb, registration):.1f}")
        with psycopg.connect(f"postgres://postgres@127.0.0.1:5432/{args.database}") as conn:
            stored = conn.execute("SELECT count(*) FROM xapi_statement").fetchone()[0]
        print(f"stored_statements: {stored}")
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
