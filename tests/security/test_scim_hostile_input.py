"""Hostile input at /scim/v2/: never a 500, always a SCIM error, nothing half-written."""

import json

import pytest

from lms.accounts.models import JobRole, User
from lms.accounts.scim.protocol import ENTERPRISE, PATCH
from lms.accounts.scim.tokens import scim_token_create

CT = "application/scim+json"

HOSTILE_BODIES = [
    b"",
    b"\xff\xfe\x00",
    b"null",
    b'"string"',
    b"[" * 5000 + b"]" * 5000,
    json.dumps({"userName": "a" * 10_000 + "@example.org"}).encode(),
    json.dumps({"userName": "x@example.org\x00"}).encode(),
    json.dumps({"userName": "'; DROP TABLE accounts_user; --"}).encode(),
    json.dumps({"userName": ["list@example.org"]}).encode(),
    json.dumps({"userName": "n@example.org", "name": "string"}).encode(),
    json.dumps({"userName": "n@example.org", "name": {"givenName": {"x": 1}}}).encode(),
    json.dumps({"userName": "n@example.org", "active": "perhaps"}).encode(),
    json.dumps({"userName": "n@example.org", ENTERPRISE: []}).encode(),
    json.dumps({"userName": "n@example.org", ENTERPRISE: {"department": "../../etc"}}).encode(),
    json.dumps({"userName": "n@example.org", ENTERPRISE: {"manager": {"value": 12}}}).encode(),
    json.dumps({"userName": "n@example.org", ENTERPRISE: {"manager": "x" * 500}}).encode(),
    json.dumps({"userName": "n@example.org", "externalId": "e" * 1000}).encode(),
    b"{" + b'"a":1,' * 200_000 + b'"b":2}',
]

HOSTILE_FILTERS = [
    "",
    " ",
    'userName eq "' + "a" * 5000 + '"',
    'userName eq "\\u0000"',
    'userName eq "x") or 1=1 --',
    'emails[type eq "work"]',
    'meta.lastModified gt "2011-05-13T04:42:34Z"',
    "userName pr",
    'userName eq "x" and active eq true',
]

HOSTILE_PATCHES = [
    {"schemas": [PATCH], "Operations": "replace"},
    {"schemas": [PATCH], "Operations": [None]},
    {"schemas": [PATCH], "Operations": [{"op": "replace", "path": 42, "value": 1}]},
    {"schemas": [PATCH], "Operations": [{"op": "replace", "path": "name.givenName.x", "value": 1}]},
    {"schemas": [PATCH], "Operations": [{"op": "replace", "path": "meta", "value": {}}]},
    {"schemas": [PATCH], "Operations": [{"op": "add", "path": 'emails[type eq "w"]'}]},
    {"schemas": [PATCH], "Operations": [{"op": "replace", "value": ["x"]}]},
    {"schemas": [PATCH], "Operations": [{"op": "replace", "path": "userName", "value": None}]},
    {"schemas": [PATCH], "Operations": [{"op": "remove", "path": "userName"}]},
    {"schemas": [PATCH], "Operations": [{"op": "replace", "path": ENTERPRISE, "value": 3}]},
]


@pytest.fixture
def scim_headers(db, groups):
    _token, value = scim_token_create(name="hostile")
    return {"HTTP_AUTHORIZATION": f"Bearer {value}"}


def _is_scim_error(response):
    assert 400 <= response.status_code < 500, (response.status_code, response.content[:300])
    assert response["Content-Type"].startswith(CT)
    assert response.json()["status"] == str(response.status_code)


@pytest.mark.parametrize("body", HOSTILE_BODIES, ids=range(len(HOSTILE_BODIES)))
def test_hostile_user_bodies(client, scim_headers, body):
    before = User.objects.count()
    _is_scim_error(client.post("/scim/v2/Users", data=body, content_type=CT, **scim_headers))
    _is_scim_error(client.post("/scim/v2/Groups", data=body, content_type=CT, **scim_headers))
    assert User.objects.count() == before
    assert not JobRole.objects.exists()


@pytest.mark.parametrize("query", HOSTILE_FILTERS, ids=range(len(HOSTILE_FILTERS)))
def test_hostile_filters(client, scim_headers, query):
    response = client.get("/scim/v2/Users", {"filter": query}, **scim_headers)
    if response.status_code == 200:  # a well-formed filter on a value nobody has
        assert response.json()["totalResults"] == 0
    else:
        _is_scim_error(response)
        assert response.json()["scimType"] == "invalidFilter"


@pytest.mark.parametrize("patch", HOSTILE_PATCHES, ids=range(len(HOSTILE_PATCHES)))
def test_hostile_patches(client, scim_headers, make_user, patch):
    person = make_user("target@example.org")
    before = (person.email, person.first_name, person.is_active)
    response = client.patch(
        f"/scim/v2/Users/{person.pseudonym}",
        data=json.dumps(patch),
        content_type=CT,
        **scim_headers,
    )
    _is_scim_error(response)
    person.refresh_from_db()
    assert (person.email, person.first_name, person.is_active) == before


@pytest.mark.parametrize(
    "header",
    ["Bearer " + "a" * 10_000, "Bearer \x00", "bearer", "Bearer  ", "Token abc", "Bearer ä"],
)
def test_hostile_authorization_headers(client, db, header):
    response = client.get("/scim/v2/Users", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401


@pytest.mark.parametrize(
    "params",
    [
        {"startIndex": "-5"},
        {"count": "-1"},
        {"startIndex": "1e9"},
        {"count": "9" * 50},
        {"startIndex": "99999999999"},
    ],
)
def test_hostile_pagination(client, scim_headers, params):
    response = client.get("/scim/v2/Users", params, **scim_headers)
    assert response.status_code in (200, 400)
    assert response.status_code < 500
