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
    every = ForwardingEndpoint.objects.create(name="Alle", url="http://localhost:9/xapi")
    only = ForwardingEndpoint.objects.create(
        name="Nur Abschlüsse",
        url="http://localhost:9/xapi",
        verbs=vocabulary.COMPLETED.id,
        is_active=True,
    )
    ForwardingEndpoint.objects.create(name="Aus", url="http://localhost:9/xapi", is_active=False)
    user = make_user()
    registration = uuid.uuid4()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        events.record(
            events.lesson_experienced(
                user=user, lesson=lesson(1), course=COURSE, registration=registration
            )
        )
        events.record(
            events.lesson_completed(
                user=user, lesson=lesson(1), course=COURSE, registration=registration
            )
        )

    assert callbacks
    assert OutboxEntry.objects.filter(endpoint=every).count() == 2
    assert OutboxEntry.objects.filter(endpoint=only).count() == 1
    # Nothing listens on port 9: the eager forwarding attempt failed and was rescheduled.
    failed = OutboxEntry.objects.filter(endpoint=every).first()
    assert failed.attempts >= 1 and failed.last_error == "unreachable"
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
        events.record(
            events.lesson_completed(
                user=user, lesson=lesson(n), course=COURSE, registration=registration
            )
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
        events.record(
            events.lesson_completed(
                user=user, lesson=lesson(n), course=COURSE, registration=registration
            )
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


def _queue_one(endpoint, make_user):
    user = make_user()
    events.record(
        events.lesson_completed(
            user=user, lesson=lesson(1), course=COURSE, registration=uuid.uuid4()
        )
    )
    return OutboxEntry.objects.get(endpoint=endpoint)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("answer", "code"),
    [
        ((500, {}, b"<h1>Intern: db01.behoerde.local, Passwort=hunter2</h1>"), "http:500"),
        ((302, {"Location": "http://169.254.169.254/latest/"}, b"<a>Intern</a>"), "http:302"),
        ((200, {}, b"Intern: kein JSON"), "bad_answer"),
    ],
)
def test_a_failed_send_keeps_a_fixed_code_never_the_remote_answer(
    remote_http_server, make_user, monkeypatch, settings, caplog, answer, code
):
    settings.QD_FORWARDING_ALLOWED_HTTP_HOSTS = ["127.0.0.1"]
    monkeypatch.setattr(services, "_schedule_forwarding", lambda: None)
    remote_http_server.answers["/xapi/statements"] = answer
    endpoint = ForwardingEndpoint.objects.create(
        name="Landes-LRS", url=f"http://127.0.0.1:{remote_http_server.server_port}/xapi"
    )
    entry = _queue_one(endpoint, make_user)

    assert forwarding.outbox_send() == 0

    endpoint.refresh_from_db()
    entry.refresh_from_db()
    assert endpoint.last_error == entry.last_error == code
    assert [path for path, _auth in remote_http_server.seen] == ["/xapi/statements"]
    assert "Intern" not in caplog.text and "hunter2" not in caplog.text
    assert "Forwarding to Landes-LRS failed: The remote LRS" in caplog.text


@pytest.mark.django_db
def test_an_endpoint_stored_with_an_internal_address_is_refused_at_send_time(
    make_user, monkeypatch, settings
):
    # Saved before the rules existed (or straight into the database): checked on every send.
    settings.QD_FORWARDING_ALLOWED_HTTP_HOSTS = []
    monkeypatch.setattr(services, "_schedule_forwarding", lambda: None)
    connections = []
    monkeypatch.setattr(
        forwarding.egress.socket, "socket", lambda *a, **k: connections.append(a) or 1 / 0
    )
    endpoint = ForwardingEndpoint.objects.create(
        name="Metadaten", url="https://169.254.169.254/latest", password="x"
    )
    entry = _queue_one(endpoint, make_user)

    assert forwarding.outbox_send() == 0

    entry.refresh_from_db()
    assert entry.last_error == "target_refused" and entry.attempts == 1
    assert connections == []
    assert forwarding.error_text(entry.last_error).startswith("Die Adresse des Endpunkts")


@pytest.mark.django_db
def test_an_undecryptable_password_is_a_clear_failure_not_a_crash(make_user, monkeypatch, settings):
    from lms import crypto

    monkeypatch.setattr(services, "_schedule_forwarding", lambda: None)
    endpoint = ForwardingEndpoint.objects.create(
        name="Landes-LRS", url="https://lrs.example.org/xapi", password="remote-secret"
    )
    entry = _queue_one(endpoint, make_user)
    settings.QD_ENCRYPTION_KEYS = [crypto.new_key()]  # the key was lost

    assert forwarding.outbox_send() == 0

    entry.refresh_from_db()
    assert entry.last_error == "decryption" and OutboxEntry.objects.count() == 1
    assert "QD_ENCRYPTION_KEYS" in forwarding.error_text(entry.last_error)
