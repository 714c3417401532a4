"""Forwarding: durable outbox, pseudonymous actors, a real worker, failure and recovery."""

import datetime as dt
import json
import time
import uuid

import pytest
from django.utils import timezone

from lms.xapi import events, forwarding, iris, services, views, vocabulary
from lms.xapi.events import Activity
from lms.xapi.forwarding import backoff, endpoints_with_lag, pseudonymise_statement
from lms.xapi.models import ForwardingEndpoint, OutboxEntry, Statement
from lms.xapi.services import lrs_client_create

COURSE = Activity(
    iri=iris.activity_iri("course", "daten"), name="Daten verstehen", type=vocabulary.TYPE_COURSE
)


def lesson(n):
    return Activity(
        iri=iris.activity_iri("lesson", f"d{n}"), name=f"Lektion {n}", type=vocabulary.TYPE_LESSON
    )


def wait_for(condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


@pytest.fixture
def remote_spy(monkeypatch):
    """Records what the receiving /xapi/statements resource got (key and raw body)."""
    received = []
    original = views._statements_post

    def spy(req):
        received.append((req.client.key, req.body))
        return original(req)

    monkeypatch.setattr(views, "_statements_post", spy)
    return received


def test_pseudonymise_replaces_every_e_mail_and_name():
    data = {
        "id": str(uuid.uuid4()),
        "actor": {"mbox": "mailto:erika@example.org", "name": "Erika Muster"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
        "object": {
            "objectType": "Group",
            "member": [{"mbox_sha1sum": "a" * 40}, {"openid": "https://id.example.org/e"}],
        },
        "context": {"instructor": {"mbox": "mailto:trainer@example.org", "name": "T"}},
        "authority": {"mbox": "mailto:admin@example.org"},
        "stored": "2026-01-01T00:00:00Z",
    }

    out = pseudonymise_statement(data, salt="s")

    text = json.dumps(out)
    assert "mailto" not in text and "@" not in text and "Erika" not in text
    assert "a" * 40 not in text and "openid" not in text
    assert out["actor"]["account"]["homePage"] == "https://qualifica-digitalis.example"
    assert out["actor"] == pseudonymise_statement(data, salt="s")["actor"]  # stable
    assert "stored" not in out and "authority" not in out


def test_backoff_doubles_and_is_capped():
    assert backoff(1, 30) == dt.timedelta(seconds=30)
    assert backoff(3, 30) == dt.timedelta(seconds=120)
    assert backoff(20, 30) == dt.timedelta(hours=1)


@pytest.mark.django_db
def test_outbox_is_filled_in_the_insert_transaction_with_the_verb_filter(
    make_user, django_capture_on_commit_callbacks
):
    every = ForwardingEndpoint.objects.create(name="Alle", url="http://127.0.0.1:9/xapi")
    only = ForwardingEndpoint.objects.create(
        name="Nur Abschlüsse",
        url="http://127.0.0.1:9/xapi",
        verbs=vocabulary.COMPLETED.id,
        is_active=True,
    )
    ForwardingEndpoint.objects.create(name="Aus", url="http://127.0.0.1:9/xapi", is_active=False)
    user = make_user()
    registration = uuid.uuid4()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        events.lesson_experienced(
            user=user, lesson=lesson(1), course=COURSE, registration=registration
        )
        events.lesson_completed(
            user=user, lesson=lesson(1), course=COURSE, registration=registration
        )

    assert callbacks
    assert OutboxEntry.objects.filter(endpoint=every).count() == 2
    assert OutboxEntry.objects.filter(endpoint=only).count() == 1
    # Nothing listens on port 9: the eager forwarding attempt failed and was rescheduled.
    failed = OutboxEntry.objects.filter(endpoint=every).first()
    assert failed.attempts >= 1 and failed.last_error
    listed = endpoints_with_lag().get(pk=every.pk)
    assert listed.pending == 2 and listed.lag is not None


@pytest.mark.django_db(transaction=True)
def test_outbox_send_delivers_to_a_second_lrs_in_batches(
    live_server, make_user, remote_spy, monkeypatch
):
    # Queue nothing on commit: this test drives the sweep itself.
    monkeypatch.setattr(services, "_schedule_forwarding", lambda: None)
    remote, secret = lrs_client_create(name="Agency LRS")
    ForwardingEndpoint.objects.create(
        name="Agency",
        url=f"{live_server.url}/xapi",
        username=remote.key,
        password=secret,
        batch_size=2,
    )
    user = make_user("kein.export@example.org")
    registration = uuid.uuid4()
    for n in range(5):
        events.lesson_completed(
            user=user, lesson=lesson(n), course=COURSE, registration=registration
        )
    assert OutboxEntry.objects.count() == 5

    assert forwarding.outbox_send() == 5

    assert [len(json.loads(body)) for _key, body in remote_spy] == [2, 2, 1]
    assert {key for key, _body in remote_spy} == {remote.key}
    assert not OutboxEntry.objects.exists()
    for _key, body in remote_spy:
        assert b"kein.export" not in body and b"mailto" not in body


@pytest.mark.worker
@pytest.mark.slow
def test_forwarding_through_a_real_worker_survives_a_failing_remote(
    celery_worker_process, live_server, make_user, remote_spy
):
    remote, secret = lrs_client_create(name="Agency LRS")
    endpoint = ForwardingEndpoint.objects.create(
        name="Agency",
        url=f"{live_server.url}/xapi",
        username=remote.key,
        password="wrong-secret",
        retry_base_seconds=1,
    )
    user = make_user("lernende@example.org")
    registration = uuid.uuid4()

    stored = [
        events.lesson_completed(
            user=user, lesson=lesson(n), course=COURSE, registration=registration
        )
        for n in range(3)
    ]

    # The remote refuses the credentials: the worker records the failure, nothing is lost.
    # (Entries leave in order: later ones wait behind the failed head of the queue.)
    assert wait_for(
        lambda: OutboxEntry.objects.filter(endpoint=endpoint, attempts__gte=1).exists()
    ), "the worker did not try to forward"
    endpoint.refresh_from_db()
    assert endpoint.consecutive_failures >= 1
    assert "401" in endpoint.last_error
    assert OutboxEntry.objects.filter(endpoint=endpoint).count() == 3

    # An administrator fixes the secret; the next sweep delivers everything.
    endpoint.password = secret
    endpoint.save(update_fields=["password_encrypted"])

    # A task queued before the fix may still fail once more and push the retry further out,
    # so sweep like the periodic beat task does until the outbox is empty.
    def swept_empty():
        head = OutboxEntry.objects.filter(endpoint=endpoint).order_by("id").first()
        if head is None:
            return True
        if head.next_attempt_at <= timezone.now():
            celery_worker_process.send_task("lms.xapi.tasks.forward_outbox")
            time.sleep(0.5)
        return False

    assert wait_for(swept_empty, timeout=90)
    endpoint.refresh_from_db()
    assert endpoint.consecutive_failures == 0 and endpoint.last_success_at is not None

    delivered = [json.loads(body) for key, body in remote_spy if key == remote.key]
    assert any({s["id"] for s in batch} == {str(s.id) for s in stored} for batch in delivered)
    for _key, body in remote_spy:
        assert b"lernende@example.org" not in body and b"mailto" not in body
    assert Statement.objects.count() == 3
