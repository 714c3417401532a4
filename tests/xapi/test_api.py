"""The xAPI HTTP contract at /xapi/: auth, versions, statements, documents, CORS, scopes."""

import base64
import hashlib
import json
import uuid

import pytest

from lms.xapi import identity
from lms.xapi.models import Document, Statement
from lms.xapi.services import lrs_client_create
from tests.pglocks import committed_once_blocked, connect_test_database, insert_statement

# The SQLite smoke suite runs these too: they cover every connection.vendor branch.
pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

V = {"HTTP_X_EXPERIENCE_API_VERSION": "1.0.3"}


def auth(client_row, secret=None):
    token = base64.b64encode(f"{client_row.key}:{secret or client_row.plain_secret}".encode())
    return {"HTTP_AUTHORIZATION": f"Basic {token.decode()}", **V}


def post(client, lrs_client, data, **extra):
    return client.post(
        "/xapi/statements",
        json.dumps(data),
        content_type="application/json",
        **auth(lrs_client),
        **extra,
    )


def get(client, lrs_client, path="/xapi/statements", **params):
    return client.get(path, params, **auth(lrs_client))


def test_credentials_and_version_header_are_required(client, lrs_client, statement_factory):
    data = statement_factory()
    assert client.post("/xapi/statements", data, content_type="application/json").status_code == 401
    response = client.get("/xapi/statements", **auth(lrs_client, secret="wrong-secret"))
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Basic")
    no_version = auth(lrs_client)
    del no_version["HTTP_X_EXPERIENCE_API_VERSION"]
    response = client.get("/xapi/statements", **no_version)
    assert response.status_code == 400
    assert "X-Experience-API-Version" in response.json()["error"]["message"]
    assert client.get("/xapi/about").json()["version"][-2:] == ["1.0.3", "2.0.0"]


def test_read_only_clients_cannot_write(client, statement_factory):
    reader, secret = lrs_client_create(name="Reader", read_only=True)
    reader.plain_secret = secret
    assert post(client, reader, statement_factory()).status_code == 403
    assert get(client, reader).status_code == 200


def test_batch_with_one_bad_statement_is_rejected_whole(client, lrs_client, statement_factory):
    batch = [statement_factory(), statement_factory(object={"objectType": "Activity"})]

    response = post(client, lrs_client, batch)

    assert response.status_code == 400
    assert "statements[1].object.id" in response.json()["error"]["message"]
    assert Statement.objects.count() == 0


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"actor": {"mbox": "learner@example.org"}}, "actor.mbox"),
        ({"verb": {"id": "not an iri"}}, "verb.id"),
        ({"result": {"score": {"scaled": 2}}}, "result.score.scaled"),
        ({"timestamp": "yesterday"}, "timestamp"),
        ({"context": {"registration": "123"}}, "context.registration"),
        ({"unexpected": True}, "unexpected"),
    ],
)
def test_bad_input_gets_400_naming_the_field(client, lrs_client, statement_factory, change, field):
    response = post(client, lrs_client, statement_factory(**change))
    assert response.status_code == 400
    assert field in response.json()["error"]["message"]


def test_malformed_json_and_wrong_content_type_are_400(client, lrs_client):
    bad = client.post("/xapi/statements", "{", content_type="application/json", **auth(lrs_client))
    assert bad.status_code == 400
    wrong = client.post("/xapi/statements", "x", content_type="text/plain", **auth(lrs_client))
    assert wrong.status_code == 400


def test_put_then_conflicting_put_is_409(client, lrs_client, statement_factory):
    data = statement_factory()
    statement_id = data.pop("id")
    url = f"/xapi/statements?statementId={statement_id}"
    put = lambda body: client.put(  # noqa: E731
        url, json.dumps(body), content_type="application/json", **auth(lrs_client)
    )
    assert put(data).status_code == 204
    assert put(data).status_code == 204
    assert put(dict(data, verb={"id": "http://example.org/other"})).status_code == 409
    stored = get(client, lrs_client, statementId=statement_id).json()
    assert stored["authority"]["account"]["name"] == f"lrs-client:{lrs_client.key}"


def test_get_filters_paging_and_consistent_through(client, lrs_client, statement_factory):
    registration = str(uuid.uuid4())
    mine = {"mbox": "mailto:me@example.org"}
    batch = [
        statement_factory(actor=mine, context={"registration": registration}) for _ in range(5)
    ] + [statement_factory() for _ in range(3)]
    ids = post(client, lrs_client, batch).json()
    assert len(ids) == 8

    page = get(client, lrs_client, agent=json.dumps(mine), limit=2)
    assert page.status_code == 200
    assert page["X-Experience-API-Consistent-Through"]
    body = page.json()
    seen = [s["id"] for s in body["statements"]]
    while body["more"]:
        body = client.get(body["more"], **auth(lrs_client)).json()
        seen += [s["id"] for s in body["statements"]]
    assert seen == list(reversed(ids[:5]))

    by_registration = get(client, lrs_client, registration=registration, ascending="true")
    assert [s["id"] for s in by_registration.json()["statements"]] == ids[:5]
    assert get(client, lrs_client, verb="nope").status_code == 400
    assert get(client, lrs_client, unknown="1").status_code == 400


def test_voided_statements_are_only_returned_by_voided_statement_id(
    client, lrs_client, statement_factory
):
    target = statement_factory()
    post(client, lrs_client, target)
    voiding = statement_factory(
        verb={"id": "http://adlnet.gov/expapi/verbs/voided"},
        object={"objectType": "StatementRef", "id": target["id"]},
    )
    assert post(client, lrs_client, voiding).status_code == 200

    assert get(client, lrs_client, statementId=target["id"]).status_code == 404
    assert get(client, lrs_client, voidedStatementId=target["id"]).json()["id"] == target["id"]
    listed = [s["id"] for s in get(client, lrs_client).json()["statements"]]
    assert target["id"] not in listed
    assert voiding["id"] in listed


def _post_with_attachment(client, lrs_client, statement: dict, content: bytes, content_type):
    """POST one statement with one attachment part as multipart/mixed."""
    boundary = "xapi-boundary"
    sha2 = hashlib.sha256(content).hexdigest()
    body = (
        (
            f"--{boundary}\r\nContent-Type: application/json\r\n\r\n{json.dumps(statement)}\r\n"
            f"--{boundary}\r\nContent-Type: {content_type}\r\n"
            f"Content-Transfer-Encoding: binary\r\nX-Experience-API-Hash: {sha2}\r\n\r\n"
        ).encode()
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return client.post(
        "/xapi/statements",
        body,
        content_type=f"multipart/mixed; boundary={boundary}",
        **auth(lrs_client),
    )


def test_attachments_multipart_round_trip(client, lrs_client, statement_factory):
    content = "Bescheinigung über die Teilnahme".encode()
    sha2 = hashlib.sha256(content).hexdigest()
    data = statement_factory(
        attachments=[
            {
                "usageType": "http://id.tincanapi.com/attachment/certificate",
                "display": {"de-DE": "Zertifikat"},
                "contentType": "text/plain",
                "length": len(content),
                "sha2": sha2,
            }
        ]
    )
    response = _post_with_attachment(client, lrs_client, data, content, "text/plain")
    assert response.status_code == 200, response.content

    missing = statement_factory(attachments=data["attachments"])
    assert post(client, lrs_client, missing).status_code == 400

    fetched = get(client, lrs_client, statementId=data["id"], attachments="true")
    assert fetched["Content-Type"].startswith("multipart/mixed")
    assert content in fetched.content


def test_cors_preflight_needs_no_credentials(client):
    response = client.options(
        "/xapi/statements",
        HTTP_ORIGIN="https://content.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "X-Experience-API-Version" in response["Access-Control-Allow-Headers"]
    assert "ETag" in response["Access-Control-Expose-Headers"]


def test_state_documents_with_etags_and_merge(client, lrs_client):
    params = (
        "activityId=https%3A%2F%2Fexample.org%2Fa&stateId=bookmark"
        f"&agent={json.dumps({'mbox': 'mailto:me@example.org'})}"
    )
    url = f"/xapi/activities/state?{params}"
    put = client.put(
        url, json.dumps({"page": 1}), content_type="application/json", **auth(lrs_client)
    )
    assert put.status_code == 204
    fetched = client.get(url, **auth(lrs_client))
    etag = fetched["ETag"]
    assert fetched.json() == {"page": 1}
    merged = client.post(
        url, json.dumps({"score": 3}), content_type="application/json", **auth(lrs_client)
    )
    assert merged.status_code == 204
    assert client.get(url, **auth(lrs_client)).json() == {"page": 1, "score": 3}
    stale = client.put(
        url, "{}", content_type="application/json", HTTP_IF_MATCH=etag, **auth(lrs_client)
    )
    assert stale.status_code == 412
    not_object = client.post(url, "[1]", content_type="application/json", **auth(lrs_client))
    assert not_object.status_code == 400
    assert client.delete(url, **auth(lrs_client)).status_code == 204
    assert client.get(url, **auth(lrs_client)).status_code == 404


def test_profiles_require_a_precondition_on_put(client, lrs_client):
    agent = json.dumps({"mbox": "mailto:me@example.org"})
    url = f"/xapi/agents/profile?profileId=prefs&agent={agent}"
    no_header = client.put(url, "{}", content_type="application/json", **auth(lrs_client))
    assert no_header.status_code == 400
    created = client.put(
        url, "{}", content_type="application/json", HTTP_IF_NONE_MATCH="*", **auth(lrs_client)
    )
    assert created.status_code == 204
    again = client.put(url, "{}", content_type="application/json", **auth(lrs_client))
    assert again.status_code == 409
    assert client.get(f"/xapi/agents?agent={agent}", **auth(lrs_client)).json()["mbox"] == [
        "mailto:me@example.org"
    ]


def test_scoped_credentials_only_reach_their_actor_registration_and_activity(
    client, lrs_client, statement_factory, make_user
):
    user = make_user()
    actor = identity.actor_for_user(user)
    registration = uuid.uuid4()
    activity = "https://example.org/packages/golf"
    scoped, secret = lrs_client_create(
        name="Launch",
        scope_actor_key=identity.actor_key_for_user(user),
        scope_registration=registration,
        scope_activity_id=activity,
    )
    scoped.plain_secret = secret
    context = {"registration": str(registration)}
    allowed = statement_factory(actor=actor, object={"id": f"{activity}/hole-1"}, context=context)
    assert post(client, scoped, allowed).status_code == 200
    assert Statement.objects.get(pk=allowed["id"]).user_id == user.pk
    other_actor = statement_factory(object={"id": activity}, context=context)
    assert post(client, scoped, other_actor).status_code == 403
    other_activity = statement_factory(
        actor=actor, object={"id": "https://x.org/a"}, context=context
    )
    assert post(client, scoped, other_activity).status_code == 403
    post(client, lrs_client, statement_factory())
    visible = get(client, scoped).json()["statements"]
    assert [s["id"] for s in visible] == [allowed["id"]]
    state = (
        f"/xapi/activities/state?activityId={activity}&stateId=s&registration={uuid.uuid4()}"
        f"&agent={json.dumps(actor)}"
    )
    assert (
        client.put(state, "{}", content_type="application/json", **auth(scoped)).status_code == 403
    )


def test_statement_post_uses_few_queries(
    client, lrs_client, statement_factory, django_assert_max_num_queries
):
    batch = [statement_factory() for _ in range(100)]
    with django_assert_max_num_queries(10):
        assert post(client, lrs_client, batch).status_code == 200


@pytest.mark.django_db(transaction=True)
@pytest.mark.postgresql
@pytest.mark.parametrize(("same_content", "status"), [(True, 204), (False, 409)])
def test_a_concurrent_insert_of_the_same_id_is_decided_by_the_conflict_rules(
    client, lrs_client, statement_factory, same_content, status
):
    """Another request stores the id between our existence check and our insert: no 500."""
    data = statement_factory()
    statement_id = data.pop("id")
    theirs = dict(data, id=statement_id)
    if not same_content:
        theirs["verb"] = {"id": "http://example.org/verbs/other"}
    other = connect_test_database()
    # Their row is written but not committed: our insert waits for it on the primary key.
    insert_statement(other, theirs)
    with committed_once_blocked(other):
        response = client.put(
            f"/xapi/statements?statementId={statement_id}",
            json.dumps(data),
            content_type="application/json",
            **auth(lrs_client),
        )
    assert response.status_code == status, response.content
    assert Statement.objects.filter(id=statement_id).count() == 1


def _signed_post(client, lrs_client, statement: dict, jws: bytes):
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
    return _post_with_attachment(client, lrs_client, statement, jws, "application/octet-stream")


def _jws(payload: dict, key, certificate, alg="RS256") -> bytes:
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding

    def b64(raw: bytes) -> str:
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    der = certificate.public_bytes(serialization.Encoding.DER)
    header = {"alg": alg, "x5c": [base64.b64encode(der).decode()]}
    signing_input = f"{b64(json.dumps(header).encode())}.{b64(json.dumps(payload).encode())}"
    digest = {"RS256": hashes.SHA256, "RS384": hashes.SHA384}[alg]()
    signature = key.sign(signing_input.encode(), padding.PKCS1v15(), digest)
    return f"{signing_input}.{b64(signature)}".encode()


@pytest.fixture(scope="module")
def signing_identity():
    """An RSA key with a self-signed X.509 certificate, as a signing tool would hold it."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Lernplattform Signatur")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    return key, certificate


@pytest.mark.parametrize("alg", ["RS256", "RS384"])
def test_signed_statement_verifies_against_its_x5c_certificate(
    client, lrs_client, statement_factory, signing_identity, alg
):
    key, certificate = signing_identity
    statement = statement_factory()
    response = _signed_post(client, lrs_client, statement, _jws(statement, key, certificate, alg))
    assert response.status_code == 200, response.content
    assert Statement.objects.filter(id=statement["id"]).exists()


def test_signed_statement_with_a_broken_signature_is_rejected(
    client, lrs_client, statement_factory, signing_identity
):
    from cryptography.hazmat.primitives.asymmetric import rsa

    key, certificate = signing_identity
    statement = statement_factory()
    # Signed by another key than the certificate's: well-formed, but it does not verify.
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    response = _signed_post(client, lrs_client, statement, _jws(statement, other_key, certificate))
    assert response.status_code == 400
    assert "x5c" in response.json()["error"]["message"]
    # A payload that is another statement is rejected too, before any crypto.
    changed = dict(statement, verb={"id": "http://example.org/verbs/other"})
    response = _signed_post(client, lrs_client, statement, _jws(changed, key, certificate))
    assert response.status_code == 400
    assert not Statement.objects.filter(id=statement["id"]).exists()


def test_a_deactivated_or_deleted_client_is_refused_at_once(client, statement_factory):
    lrs_client, secret = lrs_client_create(name="Wird gesperrt")
    lrs_client.plain_secret = secret
    assert get(client, lrs_client).status_code == 200  # the lookup is cached now
    lrs_client.is_active = False
    lrs_client.save(update_fields=["is_active"])
    assert get(client, lrs_client).status_code == 401
    lrs_client.is_active = True
    lrs_client.save(update_fields=["is_active"])
    assert get(client, lrs_client).status_code == 200
    lrs_client.delete()
    assert get(client, lrs_client).status_code == 401


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"verb": {"id": "http://example.org/verbs/" + "v" * 600}}, "verb.id"),
        ({"object": {"id": "http://example.org/activities/" + "a" * 2000}}, "object.id"),
        ({"actor": {"mbox": "mailto:" + "p" * 600 + "@example.org"}}, "actor.mbox"),
        (
            {"actor": {"account": {"homePage": "http://example.org", "name": "n" * 600}}},
            "actor.account.name",
        ),
    ],
)
def test_identifiers_longer_than_the_store_keeps_are_400(
    client, lrs_client, statement_factory, change, field
):
    response = post(client, lrs_client, statement_factory(**change))
    assert response.status_code == 400
    assert field in response.json()["error"]["message"]
    assert not Statement.objects.exists()


def test_document_identifiers_longer_than_the_store_keeps_are_400(client, lrs_client):
    from urllib.parse import urlencode

    agent = json.dumps({"mbox": "mailto:learner@example.org"})
    good = {"activityId": "http://example.org/a", "agent": agent, "stateId": "s"}

    def put(params, content_type="application/json"):
        return client.put(
            f"/xapi/activities/state?{urlencode(params)}",
            b"{}",
            content_type=content_type,
            **auth(lrs_client),
        )

    assert put(dict(good, activityId="http://example.org/" + "x" * 2000)).status_code == 400
    assert put(dict(good, stateId="s" * 2000)).status_code == 400
    assert put(good, content_type="application/json; x=" + "y" * 300).status_code == 400
    assert not Document.objects.exists()
    assert put(good).status_code == 204


@pytest.mark.parametrize(
    ("content_origin", "alias", "origin", "credentialed"),
    [
        # the configured content host
        ("https://inhalte.example.org", "", "https://inhalte.example.org", True),
        ("https://inhalte.example.org", "", "https://evil.example.org", False),
        # the demo's second name of this server, on the port it was reached on
        ("", "localhost", "http://localhost", True),
        ("", "localhost", "http://localhost:8000", False),
        # content on the platform's own host runs sandboxed: its origin is opaque
        ("", "", "null", True),
        ("", "", "https://evil.example.org", False),
        ("https://inhalte.example.org", "", "null", False),
    ],
)
def test_cors_with_credentials_only_for_the_content_origin(
    client, lrs_client, settings, content_origin, alias, origin, credentialed
):
    """Content that saves state with ``credentials: "include"`` (Rise at unload) needs its
    origin echoed with Allow-Credentials; any other origin keeps "*" without credentials."""
    settings.QD_CONTENT_ORIGIN, settings.QD_CONTENT_HOST_ALIAS = content_origin, alias
    preflight = client.options(
        "/xapi/activities/state",
        HTTP_ORIGIN=origin,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="PUT",
    )
    answer = client.get("/xapi/statements", **auth(lrs_client), HTTP_ORIGIN=origin)
    for response in (preflight, answer):
        assert "Origin" in response["Vary"]
        if credentialed:
            assert response["Access-Control-Allow-Origin"] == origin
            assert response["Access-Control-Allow-Credentials"] == "true"
        else:
            assert response["Access-Control-Allow-Origin"] == "*"
            assert not response.has_header("Access-Control-Allow-Credentials")


def test_an_empty_batch_stores_nothing_and_lists_no_ids(client, lrs_client):
    """cmi5 players post ``[]`` after a review session; the batch is valid and empty."""
    response = post(client, lrs_client, [])
    assert response.status_code == 200
    assert response.json() == []
    assert not Statement.objects.exists()
