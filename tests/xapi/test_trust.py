"""Who may write and read what: launch credentials, answer keys, shared documents, signatures."""

import base64
import hashlib
import importlib
import json
import uuid

import pytest
from django.apps import apps as django_apps

from lms.xapi import identity, iris, trust, vocabulary
from lms.xapi.models import Activity as ActivityRow
from lms.xapi.models import Statement
from lms.xapi.services import lrs_client_create, statements_store
from tests.xapi.test_api import auth, get, post

pytestmark = pytest.mark.django_db

PACKAGE = "https://lernen.example.org/pakete/golf"


def test_within_means_the_activity_or_a_sub_activity():
    scope = {PACKAGE}
    assert trust.within(PACKAGE, scope)
    for sub in (f"{PACKAGE}/loch-1", f"{PACKAGE}#frage", f"{PACKAGE}?seite=2"):
        assert trust.within(sub, scope)
    for outside in (f"{PACKAGE}-2", "https://lernen.example.org/pakete", "urn:x"):
        assert not trust.within(outside, scope)


def _scope(**overrides):
    values = {
        "actor_key": "account:https://qualifica-digitalis.example|p",
        "registration": uuid.UUID(int=1),
        "activity_ids": frozenset({PACKAGE}),
        "forbidden_verbs": frozenset({vocabulary.LAUNCHED.id}),
    }
    values.update(overrides)
    return trust.Scope(**values)


def _mine(object_id=PACKAGE, **extra):
    data = {
        "actor": {"account": {"homePage": "https://qualifica-digitalis.example", "name": "p"}},
        "verb": {"id": vocabulary.COMPLETED.id},
        "object": {"objectType": "Activity", "id": object_id},
        "context": {"registration": str(uuid.UUID(int=1))},
    }
    data.update(extra)
    return data


def test_a_statement_is_in_scope_by_its_object_never_by_its_context():
    scope = _scope()
    assert trust.statements_refusal(scope, [_mine(), _mine(f"{PACKAGE}/loch-2")]) is None
    placed_by_context = _mine(
        iris.activity_iri("lesson", "x"),
        context={
            "registration": str(uuid.UUID(int=1)),
            "contextActivities": {"grouping": [{"id": PACKAGE}], "parent": [{"id": PACKAGE}]},
        },
    )
    refusal = trust.statements_refusal(scope, [_mine(), placed_by_context])
    assert str(refusal) == "statements[1].object: outside this credential's scope"
    sub_statement = _mine(object={"objectType": "StatementRef", "id": str(uuid.uuid4())})
    assert trust.statements_refusal(scope, [sub_statement]).path == "statements[0].object"
    assert trust.statements_refusal(_scope(activity_ids=frozenset()), [_mine()]) is not None
    launched = _mine(verb={"id": vocabulary.LAUNCHED.id})
    assert trust.statements_refusal(scope, [launched]).path == "statements[0].verb"


def test_documents_a_launch_credential_may_use():
    scope = _scope()
    registration = str(uuid.UUID(int=1))
    state = {"kind": "state", "activity_id": PACKAGE, "agent_key": scope.actor_key}
    assert trust.document_refusal(scope, writes=True, registration=registration, **state) is None
    assert trust.document_refusal(scope, writes=False, registration="", **state) is not None
    assert (
        trust.document_refusal(scope, writes=True, registration=str(uuid.uuid4()), **state)
        is not None
    )
    profile = {"kind": "activity_profile", "activity_id": PACKAGE}
    assert trust.document_refusal(scope, writes=False, **profile) is None
    assert "read-only" in str(trust.document_refusal(scope, writes=True, **profile))
    assert trust.document_refusal(None, writes=True, **profile) is None


@pytest.fixture
def learner(make_user):
    return make_user("lea@example.org")


@pytest.fixture
def launch(learner):
    """A launch credential as lms.packages issues it, for the package above."""
    registration = uuid.uuid4()
    client, secret = lrs_client_create(
        name="Start",
        scope_actor_key=identity.actor_key_for_user(learner),
        scope_registration=registration,
        scope_activity_id=PACKAGE,
    )
    client.plain_secret = secret
    return client, registration


QUESTION = iris.activity_iri("question", "9b1c")
KEYED_DEFINITION = {
    "type": vocabulary.TYPE_QUESTION,
    "interactionType": "choice",
    "correctResponsesPattern": ["b"],
    "choices": [{"id": "a", "description": {"de-DE": "A"}}, {"id": "b", "description": {}}],
}


def _legacy_answer(user, registration):
    """An answer as the platform recorded it before it stopped emitting answer keys."""
    statements_store(
        statements=[
            {
                "actor": identity.actor_for_user(user),
                "verb": {"id": vocabulary.ANSWERED.id},
                "object": {"id": QUESTION, "definition": dict(KEYED_DEFINITION)},
                "context": {"registration": str(registration)},
                "result": {"response": "b", "success": True},
            }
        ]
    )


def test_no_credential_reads_a_platform_questions_answer_key(client, learner, launch, lrs_client):
    scoped, registration = launch
    _legacy_answer(learner, registration)
    url = f"/xapi/activities?activityId={QUESTION}"

    full = client.get(url, **auth(lrs_client))
    assert full.status_code == 200
    assert full.json()["definition"]["interactionType"] == "choice"
    assert "correctResponsesPattern" not in full.content.decode()
    # The launch credential does not even see the definition: the question is not its own.
    assert client.get(url, **auth(scoped)).status_code == 403
    # Nor the statements in its own registration that are not about its package.
    assert get(client, scoped).json()["statements"] == []
    answered = Statement.objects.get(object_id=QUESTION)
    single = client.get(f"/xapi/statements?statementId={answered.id}", **auth(scoped))
    assert single.status_code == 404


def test_the_migration_strips_answer_keys_from_stored_definitions():
    ActivityRow.objects.create(activity_id=QUESTION, definition=dict(KEYED_DEFINITION))
    ActivityRow.objects.create(activity_id="https://other.example/q", definition=KEYED_DEFINITION)
    migration = importlib.import_module(
        "lms.xapi.migrations.0004_platform_questions_without_answer_keys"
    )
    migration.strip_answer_keys(django_apps, None)
    assert "correctResponsesPattern" not in ActivityRow.objects.get(activity_id=QUESTION).definition
    other = ActivityRow.objects.get(activity_id="https://other.example/q").definition
    assert other["correctResponsesPattern"] == ["b"]  # a package's own key is its own


def test_a_launch_credential_reads_only_its_own_statements(
    client, learner, launch, statement_factory
):
    scoped, registration = launch
    actor = identity.actor_for_user(learner)
    context = {"registration": str(registration)}
    own = statement_factory(actor=actor, object={"id": f"{PACKAGE}/loch-1"}, context=context)
    assert post(client, scoped, own).status_code == 200
    # The platform's statements of the same person and registration about something else.
    statements_store(
        statements=[statement_factory(actor=actor, object={"id": "urn:kurs"}, context=context)]
    )
    visible = get(client, scoped).json()["statements"]
    assert [s["id"] for s in visible] == [own["id"]]


def test_shared_activity_profiles_are_read_only_and_state_needs_the_registration(
    client, learner, launch, lrs_client
):
    scoped, registration = launch
    profile = f"/xapi/activities/profile?activityId={PACKAGE}&profileId=bestenliste"
    put = {"content_type": "application/json", "HTTP_IF_NONE_MATCH": "*"}
    assert client.put(profile, "{}", **put, **auth(lrs_client)).status_code == 204
    assert client.get(profile, **auth(scoped)).status_code == 200
    for method in ("put", "post", "delete"):
        response = getattr(client, method)(profile, "{}", **put, **auth(scoped))
        assert response.status_code == 403, (method, response.content)
        assert "read-only" in response.json()["error"]["message"]

    agent = json.dumps(identity.actor_for_user(learner))
    state = f"/xapi/activities/state?activityId={PACKAGE}&agent={agent}&stateId=lesezeichen"
    without = client.put(state, "{}", content_type="application/json", **auth(scoped))
    assert without.status_code == 403
    assert "registration" in without.json()["error"]["message"]
    assert client.get(state, **auth(scoped)).status_code == 403
    everything = f"/xapi/activities/state?activityId={PACKAGE}&agent={agent}"
    assert client.delete(everything, **auth(scoped)).status_code == 403
    with_registration = f"{state}&registration={registration}"
    assert (
        client.put(with_registration, "{}", content_type="application/json", **auth(scoped))
    ).status_code == 204


def _signed(statement: dict, jws: bytes) -> tuple[bytes, str]:
    sha2 = hashlib.sha256(jws).hexdigest()
    statement = dict(
        statement,
        attachments=[
            {
                "usageType": "http://adlnet.gov/expapi/attachments/signature",
                "display": {"de-DE": "Signatur"},
                "contentType": "application/octet-stream",
                "length": len(jws),
                "sha2": sha2,
            }
        ],
    )
    boundary = "grenze"
    body = (
        (
            f"--{boundary}\r\nContent-Type: application/json\r\n\r\n{json.dumps(statement)}\r\n"
            f"--{boundary}\r\nContent-Type: application/octet-stream\r\n"
            f"Content-Transfer-Encoding: binary\r\nX-Experience-API-Hash: {sha2}\r\n\r\n"
        ).encode()
        + jws
        + f"\r\n--{boundary}--".encode()
    )
    return body, f"multipart/mixed; boundary={boundary}"


def _jws(payload: dict) -> bytes:
    def part(value):
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=")

    return part({"alg": "RS256"}) + b"." + part(payload) + b"." + b"c2ln"


def test_scope_is_checked_before_the_signature(client, learner, launch, statement_factory):
    scoped, registration = launch
    statement = statement_factory(
        actor=identity.actor_for_user(learner),
        object={"id": "https://anderes.example/kurs"},
        context={"registration": str(registration)},
    )
    body, content_type = _signed(statement, b"not-a-jws")
    response = client.post("/xapi/statements", body, content_type=content_type, **auth(scoped))
    assert response.status_code == 403, response.content
    assert not Statement.objects.exists()


@pytest.mark.timeout(30)
def test_a_long_duration_in_a_signature_payload_costs_linear_time(
    client, lrs_client, statement_factory
):
    """Before: a backtracking pattern took ~9 s for 33 KB, hours for 2 MB (quadratic)."""
    statement = statement_factory(result={"duration": "PT1.5S"})
    payload = dict(statement, result={"duration": "PT" + "1" * 400_000 + ".1" + "1" * 400_000})
    body, content_type = _signed(statement, _jws(payload))
    response = client.post("/xapi/statements", body, content_type=content_type, **auth(lrs_client))
    assert response.status_code == 400
    assert "does not match the statement" in response.json()["error"]["message"]


@pytest.mark.parametrize("payload_id", [None, 7, ["x"], {"id": "x"}])
def test_a_signature_payload_with_an_odd_id_is_refused_not_a_crash(
    client, lrs_client, statement_factory, payload_id
):
    statement = statement_factory()
    payload = dict(statement, id=payload_id)
    body, content_type = _signed(statement, _jws(payload))
    response = client.post("/xapi/statements", body, content_type=content_type, **auth(lrs_client))
    assert response.status_code == 400
    assert "id differs" in response.json()["error"]["message"]
