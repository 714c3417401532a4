"""A small LRS load generator for the fault tests: concurrent clients posting batches.

Each client is one actor and posts its batches in order. A batch is retried with the same
statement ids after a connection error or a 503 (honouring ``Retry-After``), as a
well-behaved LRS client does; any other answer is recorded and the batch abandoned. What
was sent, what was acknowledged and every HTTP status seen are kept for the assertions.
"""

from __future__ import annotations

import collections
import datetime as dt
import threading
import time
import uuid
from dataclasses import dataclass, field

import requests

VERSION = "1.0.3"
VERB = {"id": "http://adlnet.gov/expapi/verbs/experienced", "display": {"en-US": "experienced"}}


def actor(n: int) -> dict:
    return {"objectType": "Agent", "mbox": f"mailto:load-client-{n}@example.org"}


def make_batch(client: int, batch: int, size: int) -> list[dict]:
    base = dt.datetime(2026, 1, 1, tzinfo=dt.UTC) + dt.timedelta(seconds=batch * size)
    return [
        {
            "id": str(uuid.uuid4()),
            "actor": actor(client),
            "verb": VERB,
            "object": {
                "objectType": "Activity",
                "id": f"https://example.org/activities/load/{client}/{batch}/{n}",
            },
            "timestamp": (base + dt.timedelta(seconds=n)).isoformat().replace("+00:00", "Z"),
            "result": {"response": f"client {client} batch {batch} item {n}"},
        }
        for n in range(size)
    ]


@dataclass
class Batch:
    client: int
    number: int
    statements: list[dict]
    acknowledged: bool = False
    attempts: int = 0
    statuses: list = field(default_factory=list)
    acknowledged_at: float | None = None

    @property
    def ids(self) -> list[str]:
        return [item["id"] for item in self.statements]


class LoadRun:
    """``clients`` threads × ``batches`` × ``batch_size`` statements against ``base_url``."""

    def __init__(
        self,
        base_url: str,
        auth_header: str,
        *,
        clients: int = 4,
        batches: int = 25,
        batch_size: int = 50,
        give_up_after: float = 90.0,
        pause: float = 0.0,
    ):
        self.url = base_url.rstrip("/") + "/xapi/statements"
        self.headers = {
            "Authorization": auth_header,
            "X-Experience-API-Version": VERSION,
            "Content-Type": "application/json",
        }
        self.give_up_after = give_up_after
        self.pause = pause
        self.batches = [
            Batch(client=c, number=b, statements=make_batch(c, b, batch_size))
            for c in range(clients)
            for b in range(batches)
        ]
        self.clients = clients
        self.started_at: float | None = None
        self.finished_at: float | None = None
        self._threads: list[threading.Thread] = []
        self.lock = threading.Lock()
        self.statuses: collections.Counter = collections.Counter()
        self.bodies_5xx: list[str] = []

    # -- running -----------------------------------------------------------------------

    def start(self) -> LoadRun:
        self.started_at = time.monotonic()
        for client in range(self.clients):
            thread = threading.Thread(target=self._client, args=(client,), daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def join(self, timeout: float = 300) -> LoadRun:
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(0.1, deadline - time.monotonic()))
        if any(thread.is_alive() for thread in self._threads):
            raise TimeoutError("load clients did not finish in time")
        self.finished_at = time.monotonic()
        return self

    def _client(self, client: int):
        session = requests.Session()
        for batch in (b for b in self.batches if b.client == client):
            self._post(session, batch)
            if self.pause:
                time.sleep(self.pause)

    def _post(self, session: requests.Session, batch: Batch):
        deadline = time.monotonic() + self.give_up_after
        while time.monotonic() < deadline:
            batch.attempts += 1
            try:
                response = session.post(
                    self.url, json=batch.statements, headers=self.headers, timeout=(3, 30)
                )
            except requests.RequestException as error:
                self._record(batch, type(error).__name__)
                session.close()
                time.sleep(0.2)
                continue
            self._record(batch, response.status_code)
            if response.status_code == 200:
                returned = response.json()
                assert returned == batch.ids, "the LRS answered with other statement ids"
                batch.acknowledged = True
                batch.acknowledged_at = time.monotonic()
                return
            if response.status_code >= 500:
                with self.lock:
                    self.bodies_5xx.append(f"{response.status_code} {response.text[:300]}")
            if response.status_code == 503:
                time.sleep(min(float(response.headers.get("Retry-After", "1")), 1.0))
                continue
            return  # any other answer: recorded, not retried

    def _record(self, batch: Batch, status):
        batch.statuses.append(status)
        with self.lock:
            self.statuses[status] += 1

    # -- figures -----------------------------------------------------------------------

    @property
    def acknowledged_count(self) -> int:
        return sum(len(b.statements) for b in self.batches if b.acknowledged)

    def acknowledged_so_far(self) -> int:
        return sum(1 for b in self.batches if b.acknowledged)

    @property
    def sent_count(self) -> int:
        return sum(len(b.statements) for b in self.batches if b.attempts)

    def all_ids(self) -> set[str]:
        return {statement_id for b in self.batches for statement_id in b.ids}

    def acknowledged_ids(self) -> set[str]:
        return {statement_id for b in self.batches if b.acknowledged for statement_id in b.ids}


def wait_for_progress(run: LoadRun, batches: int, timeout: float = 120):
    deadline = time.monotonic() + timeout
    while run.acknowledged_so_far() < batches:
        if time.monotonic() > deadline:
            raise TimeoutError(f"only {run.acknowledged_so_far()} batches acknowledged")
        time.sleep(0.05)


def fetch_all_ids(base_url: str, auth_header: str, *, timeout: float = 120) -> list[str]:
    """Every statement id the LRS returns through GET /xapi/statements, following ``more``."""
    headers = {"Authorization": auth_header, "X-Experience-API-Version": VERSION}
    base = base_url.rstrip("/")
    url = f"{base}/xapi/statements?limit=500&format=ids"
    ids: list[str] = []
    deadline = time.monotonic() + timeout
    while url:
        assert time.monotonic() < deadline, "paging through the statements took too long"
        response = requests.get(url, headers=headers, timeout=30)
        assert response.status_code == 200, response.text[:500]
        body = response.json()
        ids.extend(item["id"] for item in body["statements"])
        more = body.get("more") or ""
        url = (more if more.startswith("http") else base + more) if more else ""
    return ids
