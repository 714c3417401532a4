"""Hostile and malformed input for every LRS resource: a 4xx with a message, nothing
stored, and never a 500 (the test client re-raises any unhandled exception)."""

import base64
import copy
import hashlib
import json
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lms.xapi.models import Document, Statement
from lms.xapi.services import lrs_client_create

pytestmark = pytest.mark.django_db

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
VERSION = "1.0.3"

# Values that break naive code: control characters and NUL (PostgreSQL's jsonb rejects
# \u0000), lone surrogates, huge numbers, deep nesting, wrong types, very long strings.
nasty_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            "\x00",
            "a\x00b",
            "\ud800",
            "mailto:",
            "mailto:a@b\x00.org",
            "javascript:alert(1)",
            "../../etc/passwd",
            "' OR 1=1 --",
            "%00",
            "http://",
            "not an iri",
            "2026-13-45T25:61:61Z",
            "-1",
            "9" * 400,
            "x" * 5000,
            "{}",
            "[]",
            "null",
        ]
    ),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    nasty_text,
)
json_values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(nasty_text, children, max_size=4)
    ),
    max_leaves=12,
)

VALID = {
    "actor": {"objectType": "Agent", "mbox": "mailto:learner@example.org"},
    "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced", "display": {"en-US": "x"}},
    "object": {"objectType": "Activity", "id": "https://example.org/activities/one"},
    "result": {"score": {"scaled": 0.5}, "success": True, "duration": "PT1M"},
    "context": {
        "registration": "9f1c2f0e-8a43-4a7b-9f2f-0d1c2b3a4e5f",
        "contextActivities": {"parent": [{"id": "https://example.org/activities/course"}]},
    },
    "timestamp": "2026-01-01T10:00:00Z",
}
PATHS = [
    (),
    ("id",),
    ("actor",),
    ("actor", "mbox"),
    ("actor", "objectType"),
    ("actor", "account"),
    ("verb",),
    ("verb", "id"),
    ("verb", "display"),
    ("object",),
    ("object", "id"),
    ("object", "objectType"),
    ("object", "definition"),
    ("result",),
    ("result", "score"),
    ("result", "score", "scaled"),
    ("result", "duration"),
    ("result", "extensions"),
    ("context",),
    ("context", "registration"),
    ("context", "contextActivities"),
    ("context", "contextActivities", "parent"),
    ("context", "statement"),
    ("timestamp",),
    ("stored",),
    ("authority",),
    ("version",),
    ("attachments",),
    ("unknownProperty",),
]


def _mutate(path, value, delete):
    statement = copy.deepcopy(VALID)
    statement["id"] = str(uuid.uuid4())
    if not path:
        return value
    target = statement
    for key in path[:-1]:
        target = target[key]
    if delete and path[-1] in target:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return statement


mutated_statements = st.builds(_mutate, st.sampled_from(PATHS), json_values, st.booleans())


@pytest.fixture
def lrs(client):
    lrs_client, secret = lrs_client_create(name="Hostile input")
    token = base64.b64encode(f"{lrs_client.key}:{secret}".encode()).decode()
    client.defaults.update(
        HTTP_AUTHORIZATION=f"Basic {token}", HTTP_X_EXPERIENCE_API_VERSION=VERSION
    )
    return client


def _counts():
    return Statement.objects.count(), Document.objects.count()


def _assert_rejected_or_fine(response, before, *, stored_ok: bool):
    assert response.status_code < 500, response.content[:500]
    if response.status_code >= 400:
        assert response.status_code < 500
        body = json.loads(response.content) if response.content else {}
        message = (body.get("error") or {}).get("message") if isinstance(body, dict) else None
        assert message, f"a {response.status_code} without a message: {response.content[:200]}"
        assert _counts() == before, "a rejected request stored something"
    elif not stored_ok:
        assert _counts() == before


@SETTINGS
@given(statement=mutated_statements)
def test_post_hostile_statement(lrs, statement):
    before = _counts()
    response = lrs.post("/xapi/statements", json.dumps(statement), content_type="application/json")
    _assert_rejected_or_fine(response, before, stored_ok=True)


@SETTINGS
@given(bad=mutated_statements, position=st.integers(min_value=0, max_value=3))
def test_a_batch_with_one_hostile_statement_stores_nothing(lrs, bad, position):
    batch = [dict(copy.deepcopy(VALID), id=str(uuid.uuid4())) for _ in range(3)]
    batch.insert(position, bad)
    before = _counts()
    response = lrs.post("/xapi/statements", json.dumps(batch), content_type="application/json")
    _assert_rejected_or_fine(response, before, stored_ok=True)
    if response.status_code == 200:
        assert Statement.objects.count() == before[0] + 4


@SETTINGS
@given(statement=mutated_statements, statement_id=nasty_text)
def test_put_hostile_statement_or_id(lrs, statement, statement_id):
    before = _counts()
    response = lrs.put(
        "/xapi/statements?" + _qs({"statementId": statement_id}),
        json.dumps(statement),
        content_type="application/json",
    )
    _assert_rejected_or_fine(response, before, stored_ok=True)


RAW_BODIES = st.one_of(
    st.binary(max_size=200),
    st.sampled_from(
        [
            b"",
            b"\xff\xfe\x00",
            b"[" * 100_000 + b"]" * 100_000,
            b'{"actor": ' * 5000,
            b'{"a": NaN}',
            b'{"a": Infinity}',
            b'{"id": "1", "id": "2"}',
            b"[]",
            b"[[]]",
            b"null",
            b"1e999999",
            json.dumps([VALID] * 3).encode(),  # same content, no ids: fine
        ]
    ),
)


@SETTINGS
@given(
    body=RAW_BODIES,
    content_type=st.sampled_from(
        ["application/json", "text/plain", "multipart/mixed", "multipart/mixed; boundary=x", ""]
    ),
)
def test_post_raw_garbage(lrs, body, content_type):
    before = _counts()
    response = lrs.generic("POST", "/xapi/statements", body, content_type=content_type)
    _assert_rejected_or_fine(response, before, stored_ok=True)


def _qs(params: dict) -> str:
    from urllib.parse import urlencode

    return urlencode(params, errors="surrogatepass")  # lone surrogates go out as raw bytes


GET_PARAMS = [
    "statementId", "voidedStatementId", "agent", "verb", "activity", "registration",
    "related_activities", "related_agents", "since", "until", "limit", "format",
    "attachments", "ascending", "more", "unknown",
]  # fmt: skip
param_values = st.one_of(nasty_text, json_values.map(json.dumps))


@SETTINGS
@given(params=st.dictionaries(st.sampled_from(GET_PARAMS), param_values, max_size=4))
def test_get_statements_with_hostile_parameters(lrs, params):
    before = _counts()
    response = lrs.get("/xapi/statements?" + _qs(params))
    _assert_rejected_or_fine(response, before, stored_ok=False)


DOCUMENT_RESOURCES = {
    "/xapi/activities/state": ["activityId", "agent", "registration", "stateId", "since"],
    "/xapi/activities/profile": ["activityId", "profileId", "since"],
    "/xapi/agents/profile": ["agent", "profileId", "since"],
    "/xapi/activities": ["activityId"],
    "/xapi/agents": ["agent"],
    "/xapi/about": [],
}
GOOD_PARAMS = {
    "activityId": "https://example.org/activities/one",
    "agent": json.dumps({"objectType": "Agent", "mbox": "mailto:learner@example.org"}),
    "stateId": "bookmark",
    "profileId": "profile",
    "registration": "9f1c2f0e-8a43-4a7b-9f2f-0d1c2b3a4e5f",
}


@st.composite
def document_requests(draw):
    resource = draw(st.sampled_from(sorted(DOCUMENT_RESOURCES)))
    names = DOCUMENT_RESOURCES[resource]
    params = {name: GOOD_PARAMS[name] for name in names if name in GOOD_PARAMS}
    for name in draw(st.lists(st.sampled_from([*names, "unknown", "method"]), max_size=3)):
        params[name] = draw(param_values)
    if draw(st.booleans()) and params:
        del params[draw(st.sampled_from(sorted(params)))]
    method = draw(st.sampled_from(["GET", "PUT", "POST", "DELETE", "HEAD"]))
    body = draw(st.one_of(json_values.map(lambda v: json.dumps(v).encode()), RAW_BODIES))
    content_type = draw(st.sampled_from(["application/json", "application/octet-stream", ""]))
    headers = {}
    if draw(st.booleans()):
        headers["HTTP_IF_MATCH"] = draw(st.sampled_from(['"abc"', "*", "", "\x00", '"' * 50]))
    if draw(st.booleans()):
        headers["HTTP_IF_NONE_MATCH"] = draw(st.sampled_from(["*", '"x"', ""]))
    return resource, method, params, body, content_type, headers


@SETTINGS
@given(request=document_requests())
def test_documents_and_resources_with_hostile_input(lrs, request):
    resource, method, params, body, content_type, headers = request
    before_docs = Document.objects.count()
    response = lrs.generic(
        method, f"{resource}?{_qs(params)}", body, content_type=content_type, **headers
    )
    assert response.status_code < 500, (resource, method, params, response.content[:300])
    if response.status_code >= 400 and method != "HEAD":
        body = json.loads(response.content)
        assert body["error"]["message"]
        assert Document.objects.count() == before_docs


@SETTINGS
@given(
    header=st.one_of(
        nasty_text,
        st.sampled_from(
            [
                "Basic",
                "Basic !!!",
                "Basic " + base64.b64encode(b"no-colon").decode(),
                "Basic " + base64.b64encode(b"\xff:\xfe").decode(),
                "Bearer x",
                "Basic " + "A" * 9000,
            ]
        ),
    ),
    version=st.one_of(nasty_text, st.sampled_from(["1.0.3", "2.0.0", "0.95", "1.0", "3.0.0"])),
)
def test_hostile_credentials_and_versions(client, settings, header, version):
    # Each example is one more failed sign-in from this address; the limit has its own test.
    settings.QD_XAPI_AUTH_FAILURE_LIMIT = None
    before = _counts()
    response = client.post(
        "/xapi/statements",
        json.dumps(dict(VALID, id=str(uuid.uuid4()))),
        content_type="application/json",
        HTTP_AUTHORIZATION=header,
        HTTP_X_EXPERIENCE_API_VERSION=version,
    )
    assert response.status_code in (400, 401), response.content[:200]
    assert json.loads(response.content)["error"]["message"]
    assert _counts() == before


UNSTORABLE = ["a\x00b", "\ud800", {"https://example.org/k\x00": "v"}, ["\udfff"]]


@pytest.mark.parametrize("path", PATHS[1:], ids="/".join)
def test_every_field_with_text_postgresql_cannot_store(lrs, path):
    """NUL characters and lone surrogates are valid JSON but not storable in jsonb."""
    for value in UNSTORABLE:
        before = _counts()
        statement = _mutate(path, value, delete=False)
        response = lrs.post(
            "/xapi/statements", json.dumps(statement), content_type="application/json"
        )
        _assert_rejected_or_fine(response, before, stored_ok=True)
        assert response.status_code == 400, (path, value, response.status_code)


@pytest.mark.parametrize(
    "query",
    [
        "agent=" + json.dumps({"mbox": "mailto:a\x00@example.org"}),
        "verb=https://example.org/v%00",
        "activity=https://example.org/a%00b",
        "registration=%00",
        "statementId=%00",
        "since=2026-01-01T00:00:00Z%00",
    ],
)
def test_get_statements_with_nul_in_parameters(lrs, query):
    response = lrs.get("/xapi/statements?" + query)
    assert response.status_code == 400
    assert json.loads(response.content)["error"]["message"]


@pytest.mark.parametrize("resource", sorted(DOCUMENT_RESOURCES))
def test_documents_with_unstorable_json_and_parameters(lrs, resource):
    params = {
        name: GOOD_PARAMS[name] for name in DOCUMENT_RESOURCES[resource] if name in GOOD_PARAMS
    }
    before = Document.objects.count()
    for method in ("PUT", "POST"):
        response = lrs.generic(
            method,
            f"{resource}?{_qs(params)}",
            b'{"a": "\\u0000"}',
            content_type="application/json",
        )
        assert response.status_code < 500
    for name in params:
        response = lrs.generic(
            "PUT", f"{resource}?{_qs({**params, name: params[name] + chr(0)})}", b"{}",
            content_type="application/json",
        )  # fmt: skip
        assert 400 <= response.status_code < 500, (resource, name, response.status_code)
    assert Document.objects.count() <= before + 1


# --- Signed statements: hostile JWS parts -------------------------------------------------


def _segment(value) -> str:
    raw = value if isinstance(value, bytes) else json.dumps(value).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@st.composite
def hostile_jws(draw):
    """A JWS-shaped part: hostile headers, payloads (the statement with mutations, long
    durations, other types) and signature segments, or plain garbage bytes."""
    statement = copy.deepcopy(VALID)
    statement["id"] = str(uuid.uuid4())
    kind = draw(st.sampled_from(["garbage", "header", "payload", "duration", "segments"]))
    if kind == "garbage":
        return statement, draw(st.binary(max_size=300))
    header = {"alg": "RS256"}
    payload = copy.deepcopy(statement)
    if kind == "header":
        header = draw(json_values)
    elif kind == "payload":
        payload = _mutate(draw(st.sampled_from(PATHS)), draw(json_values), draw(st.booleans()))
    elif kind == "duration":
        digits = draw(st.integers(min_value=1, max_value=60_000))
        tail = draw(st.sampled_from(["", "S", ".", ".1", "1S", "M"]))
        payload["result"]["duration"] = "PT" + "1" * digits + "." + "9" * digits + tail
    parts = [_segment(header), _segment(payload), _segment(b"signature")]
    if kind == "segments":
        parts = draw(st.lists(st.sampled_from([*parts, "", "!!", "=" * 5, "a.b"]), max_size=5))
    return statement, ".".join(parts).encode()


@SETTINGS
@given(case=hostile_jws())
def test_post_statement_with_hostile_signature(lrs, case):
    statement, jws = case
    sha2 = hashlib.sha256(jws).hexdigest()
    statement["attachments"] = [
        {
            "usageType": "http://adlnet.gov/expapi/attachments/signature",
            "display": {"de-DE": "Signatur"},
            "contentType": "application/octet-stream",
            "length": len(jws),
            "sha2": sha2,
        }
    ]
    boundary = "hostile"
    body = (
        (
            f"--{boundary}\r\nContent-Type: application/json\r\n\r\n{json.dumps(statement)}\r\n"
            f"--{boundary}\r\nContent-Type: application/octet-stream\r\n"
            f"Content-Transfer-Encoding: binary\r\nX-Experience-API-Hash: {sha2}\r\n\r\n"
        ).encode()
        + jws
        + f"\r\n--{boundary}--".encode()
    )
    before = _counts()
    response = lrs.post(
        "/xapi/statements", body, content_type=f"multipart/mixed; boundary={boundary}"
    )
    # A payload that differs only where signatures may differ (id, timestamp) is a valid
    # signature of the statement; everything else is refused with a message.
    _assert_rejected_or_fine(response, before, stored_ok=True)
