"""SCIM 2.0 provisioning against PostgreSQL: the RFC 7644 request bodies as fixtures."""

import datetime
import json
from pathlib import Path

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from lms.accounts.models import AuditLogEntry, JobRole, OrgUnitResponsibility, RoleAssignment, User
from lms.accounts.scim.protocol import ENTERPRISE
from lms.accounts.scim.tokens import scim_token_create, scim_token_revoke
from lms.xapi import identity
from lms.xapi.services import lrs_client_create
from tests.conftest import log_in

RFC = json.loads((Path(__file__).parent / "files" / "scim_rfc7644.json").read_text())
CT = "application/scim+json"


@pytest.fixture
def scim(client, db, groups):
    _token, value = scim_token_create(name="idm")

    class Scim:
        def __init__(self):
            self.headers = {"HTTP_AUTHORIZATION": f"Bearer {value}"}

        def get(self, path, **extra):
            return client.get(f"/scim/v2/{path}", **self.headers, **extra)

        def send(self, method, path, body=None, **extra):
            data = body if isinstance(body, (str, bytes)) else json.dumps(body)
            return getattr(client, method)(
                f"/scim/v2/{path}", data=data, content_type=CT, **self.headers, **extra
            )

    return Scim()


def assert_scim_error(response, status, scim_type=None):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith(CT)
    body = response.json()
    assert body["schemas"] == ["urn:ietf:params:scim:api:messages:2.0:Error"]
    assert body["status"] == str(status)
    if scim_type:
        assert body["scimType"] == scim_type
    return body


def test_create_get_filter_and_replace_map_unit_and_manager(scim, make_unit, make_user):
    unit = make_unit(code="referat-11")
    boss = make_user("chefin@example.org", org_unit=unit)
    boss.personnel_number = "100"
    boss.save()
    created = scim.send("post", "Users", RFC["create_user"])
    assert created.status_code == 201, created.content
    resource = created.json()
    assert resource["userName"] == "bjensen@example.com"
    assert resource["externalId"] == "bjensen"
    assert created["Location"].endswith(f"/scim/v2/Users/{resource['id']}")
    person = User.objects.get(email="bjensen@example.com")
    assert (person.first_name, person.last_name, person.is_active) == ("Barbara", "Jensen", True)
    assert person.groups.filter(name="Learner").exists()

    found = scim.get("Users", data={"filter": 'userName eq "BJENSEN@example.com"'}).json()
    assert found["totalResults"] == 1 and found["Resources"][0]["id"] == resource["id"]
    by_external = scim.get("Users", data={"filter": 'externalId eq "bjensen"'}).json()
    assert by_external["totalResults"] == 1

    body = {**RFC["replace_user"]}
    body[ENTERPRISE] = {**body[ENTERPRISE], "manager": {"value": "100"}}
    replaced = scim.send("put", f"Users/{resource['id']}", body)
    assert replaced.status_code == 200, replaced.content
    person.refresh_from_db()
    assert (person.first_name, person.org_unit, person.personnel_number) == ("Babs", unit, "701984")
    assert OrgUnitResponsibility.objects.filter(
        user=boss, org_unit=unit, kind=OrgUnitResponsibility.Kind.MANAGER
    ).exists()
    extension = replaced.json()[ENTERPRISE]
    assert extension["department"] == "referat-11"
    assert extension["manager"]["value"] == str(boss.pseudonym)
    assert AuditLogEntry.objects.filter(
        action="person.provisioned", actor_label="scim:idm"
    ).exists()
    assert AuditLogEntry.objects.filter(action="person.synchronised").exists()


def test_move_to_another_unit_by_patch(scim, make_unit, make_user):
    old, new = make_unit(code="alt"), make_unit(code="neu")
    person = make_user("mover@example.org", org_unit=old)
    response = scim.send(
        "patch",
        f"Users/{person.pseudonym}",
        {
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            "Operations": [{"op": "replace", "path": f"{ENTERPRISE}:department", "value": "neu"}],
        },
    )
    assert response.status_code == 200, response.content
    person.refresh_from_db()
    assert person.org_unit == new


def test_deactivate_ends_sessions_and_launch_credentials_then_reactivate(scim, client, make_user):
    from django.test import Client

    person = make_user("leaver@example.org")
    browser = Client()
    log_in(browser, person)
    assert Session.objects.count() == 1
    launch, _secret = lrs_client_create(
        name="launch", scope_actor_key=identity.actor_key_for_user(person)
    )
    response = scim.send("patch", f"Users/{person.pseudonym}", RFC["patch_deactivate"])
    assert response.status_code == 200, response.content
    assert response.json()["active"] is False
    person.refresh_from_db()
    assert not person.is_active and person.deactivated_at is not None
    assert Session.objects.count() == 0
    launch.refresh_from_db()
    assert not launch.is_active
    assert browser.get("/me/").status_code in (302, 403)
    assert AuditLogEntry.objects.filter(action="person.deactivated").exists()

    response = scim.send("patch", f"Users/{person.pseudonym}", RFC["patch_replace_user"])
    assert response.status_code == 200, response.content
    person.refresh_from_db()
    assert person.is_active and person.deactivated_at is None
    assert person.first_name == "Barbara"


def test_delete_erases_the_person(scim, make_user):
    person = make_user("gone@example.org")
    response = scim.send("delete", f"Users/{person.pseudonym}")
    assert response.status_code == 204
    assert not User.objects.filter(pk=person.pk).exists()
    assert scim.get(f"Users/{person.pseudonym}").status_code == 404
    assert AuditLogEntry.objects.filter(action="person.erased", actor_label="scim:idm").exists()


@pytest.mark.parametrize(
    "query",
    [
        "userName eq bjensen",
        'userName co "x"',
        'password eq "x"',
        'userName eq "x" or userName eq "y"',
        "((((",
        'userName eq "\\x"',
    ],
)
def test_malformed_filters_are_invalid_filter(scim, query):
    assert_scim_error(scim.get("Users", data={"filter": query}), 400, "invalidFilter")


def test_bad_requests_get_scim_errors_and_write_nothing(scim, make_user, make_unit):
    make_user("taken@example.org")
    before = User.objects.count()
    duplicate = {**RFC["create_user"], "userName": "Taken@example.org"}
    assert_scim_error(scim.send("post", "Users", duplicate), 409, "uniqueness")
    unknown_unit = {**RFC["replace_user"], ENTERPRISE: {"department": "no-such-unit"}}
    body = assert_scim_error(scim.send("post", "Users", unknown_unit), 400, "invalidValue")
    assert "no-such-unit" in body["detail"]
    assert_scim_error(
        scim.send("post", "Users", RFC["create_user_rfc_username"]), 400, "invalidValue"
    )
    assert_scim_error(scim.send("post", "Users", "{not json"), 400, "invalidSyntax")
    assert_scim_error(scim.send("post", "Users", [1, 2]), 400, "invalidSyntax")
    assert_scim_error(scim.send("post", "Users", {"name": {}}), 400, "invalidValue")
    assert User.objects.count() == before

    person = User.objects.get(email="taken@example.org")
    path = f"Users/{person.pseudonym}"
    bad_patches = [
        ({"Operations": []}, "invalidSyntax"),
        ({"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"]}, "invalidSyntax"),
        (
            {
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations": [{"op": "explode", "path": "active"}],
            },
            "invalidSyntax",
        ),
        (
            {
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations": [{"op": "replace", "path": "id", "value": "x"}],
            },
            "mutability",
        ),
        (
            {
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations": [{"op": "replace", "path": "active", "value": "vielleicht"}],
            },
            "invalidValue",
        ),
        (
            {
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations": [{"op": "remove"}],
            },
            "noTarget",
        ),
    ]
    for patch, scim_type in bad_patches:
        assert_scim_error(scim.send("patch", path, patch), 400, scim_type)
    person.refresh_from_db()
    assert person.is_active
    assert_scim_error(scim.get("Users/not-a-uuid"), 404)


def test_pagination(scim, make_user, django_assert_max_num_queries):
    for n in range(7):
        make_user(f"p{n}@example.org")
    with django_assert_max_num_queries(8):
        first = scim.get("Users", data={"startIndex": 1, "count": 3}).json()
    second = scim.get("Users", data={"startIndex": 4, "count": 3}).json()
    last = scim.get("Users", data={"startIndex": 7, "count": 3}).json()
    assert first["totalResults"] == 7
    assert (first["itemsPerPage"], second["itemsPerPage"], last["itemsPerPage"]) == (3, 3, 1)
    ids = [r["id"] for page in (first, second, last) for r in page["Resources"]]
    assert len(set(ids)) == 7
    assert scim.get("Users", data={"count": 0}).json()["Resources"] == []
    assert_scim_error(scim.get("Users", data={"count": "many"}), 400, "invalidValue")


def test_etags(scim, make_user):
    person = make_user("etag@example.org")
    response = scim.get(f"Users/{person.pseudonym}")
    etag = response["ETag"]
    assert etag == response.json()["meta"]["version"] and etag.startswith('W/"')
    assert scim.get(f"Users/{person.pseudonym}", HTTP_IF_NONE_MATCH=etag).status_code == 304
    changed = scim.send(
        "patch", f"Users/{person.pseudonym}", RFC["patch_replace_user"], HTTP_IF_MATCH=etag
    )
    assert changed.status_code == 200 and changed["ETag"] != etag
    stale = scim.send(
        "patch", f"Users/{person.pseudonym}", RFC["patch_deactivate"], HTTP_IF_MATCH=etag
    )
    assert_scim_error(stale, 412)
    person.refresh_from_db()
    assert person.is_active


def test_groups_map_to_job_roles(scim, make_user):
    person = make_user("member@example.org")
    created = scim.send(
        "post",
        "Groups",
        {
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
            "displayName": "Sachbearbeitung",
            "externalId": "sachbearbeitung",
        },
    )
    assert created.status_code == 201, created.content
    group_id = created.json()["id"]
    role = JobRole.objects.get(code="sachbearbeitung")
    add = json.loads(json.dumps(RFC["patch_add_member"]).replace("MEMBER", str(person.pseudonym)))
    assert scim.send("patch", f"Groups/{group_id}", add).status_code == 200
    assert RoleAssignment.objects.filter(user=person, job_role=role).exists()
    user = scim.get(f"Users/{person.pseudonym}").json()
    assert user["groups"] == [{"value": group_id, "display": "Sachbearbeitung"}]
    assert (
        scim.get("Groups", data={"filter": 'externalId eq "sachbearbeitung"'}).json()[
            "totalResults"
        ]
        == 1
    )
    remove = json.loads(
        json.dumps(RFC["patch_remove_member"]).replace("MEMBER", str(person.pseudonym))
    )
    assert scim.send("patch", f"Groups/{group_id}", remove).status_code == 200
    assert not RoleAssignment.objects.filter(user=person, job_role=role).exists()
    assert_scim_error(
        scim.send("post", "Groups", {"displayName": "Sachbearbeitung"}), 409, "uniqueness"
    )
    bad_member = json.loads(json.dumps(RFC["patch_add_member"]).replace("MEMBER", "nobody"))
    assert_scim_error(scim.send("patch", f"Groups/{group_id}", bad_member), 400, "invalidValue")
    assert scim.send("delete", f"Groups/{group_id}").status_code == 204


def test_discovery_endpoints(scim):
    config = scim.get("ServiceProviderConfig").json()
    assert config["patch"]["supported"] and config["etag"]["supported"]
    types = scim.get("ResourceTypes").json()
    assert {t["id"] for t in types["Resources"]} == {"User", "Group"}
    schemas = scim.get("Schemas").json()
    assert ENTERPRISE in {s["id"] for s in schemas["Resources"]}


def test_token_auth(client, scim, db):
    for header in (
        {},
        {"HTTP_AUTHORIZATION": "Bearer wrong"},
        {"HTTP_AUTHORIZATION": "Basic eDp5"},
    ):
        response = client.get("/scim/v2/Users", **header)
        assert_scim_error(response, 401)
        assert response["WWW-Authenticate"].startswith("Bearer")
    assert scim.get("Users").status_code == 200
    scim_token_revoke(name="idm")
    assert_scim_error(scim.get("Users"), 401)


def test_session_of_an_administrator_opens_nothing(client, make_user):
    admin = make_user("admin@example.org", groups=("Administrator",))
    admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    assert_scim_error(client.get("/scim/v2/Users"), 401)
    path = f"/scim/v2/Users/{admin.pseudonym}"
    body = json.dumps(RFC["patch_deactivate"])
    assert_scim_error(client.patch(path, data=body, content_type=CT), 401)
    assert_scim_error(client.delete(path), 401)
    assert_scim_error(client.post("/scim/v2/Users", data=body, content_type=CT), 401)
    admin.refresh_from_db()
    assert admin.is_active


def test_token_commands(db, capsys):
    call_command("create_scim_token", "keycloak")
    value = capsys.readouterr().out.strip()
    assert len(value) >= 40
    from lms.accounts.models import ScimToken

    token = ScimToken.objects.get(name="keycloak")
    assert value not in token.token_digest
    call_command("revoke_scim_token", "keycloak")
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_retention_erases_leavers_after_the_period(db, make_user, settings):
    from lms.accounts.services import leavers_erase_expired, person_deactivate

    settings.QD_LEAVER_RETENTION_DAYS = 30
    old, recent, active = make_user(), make_user(), make_user()
    person_deactivate(user=old)
    person_deactivate(user=recent)
    User.objects.filter(pk=old.pk).update(
        deactivated_at=timezone.now() - datetime.timedelta(days=31)
    )
    assert leavers_erase_expired() == 1
    assert not User.objects.filter(pk=old.pk).exists()
    assert User.objects.filter(pk__in=[recent.pk, active.pk]).count() == 2


@pytest.mark.worker
def test_retention_task_runs_in_a_real_worker(celery_worker_process, make_user, settings):
    from lms.accounts.services import person_deactivate
    from lms.accounts.tasks import erase_expired_leavers

    person = make_user()
    person_deactivate(user=person)
    User.objects.filter(pk=person.pk).update(
        deactivated_at=timezone.now() - datetime.timedelta(days=400)
    )
    result = erase_expired_leavers.apply_async()
    assert result.get(timeout=60) == 1
    assert not User.objects.filter(pk=person.pk).exists()


def test_a_put_without_active_leaves_a_leaver_inactive(scim, make_user):
    from lms.accounts.services import person_deactivate

    person = make_user("bjensen@example.com")
    person_deactivate(user=person)
    response = scim.send("put", f"Users/{person.pseudonym}", RFC["create_user"])
    assert response.status_code == 200, response.content
    person.refresh_from_db()
    assert not person.is_active and person.first_name == "Barbara"


def test_the_admin_deactivates_the_same_way(make_user, groups):
    from django.test import Client

    from lms.accounts.admin_actions import PeopleSetActiveBulkAction
    from lms.accounts.services import person_save

    admin = make_user("admin@example.org", groups=("Administrator",))
    first, second = make_user("a@example.org"), make_user("b@example.org")
    for person in (first, second):
        log_in(Client(), person)
    launch, _secret = lrs_client_create(
        name="launch", scope_actor_key=identity.actor_key_for_user(first)
    )
    assert (
        PeopleSetActiveBulkAction.execute_action([first], mark_as_active=False, user=admin)[0] == 1
    )
    launch.refresh_from_db()
    assert not launch.is_active and Session.objects.count() == 1
    # The edit form: clearing "active" saves through person_save.
    second.is_active = False
    person_save(user=second)
    second.refresh_from_db()
    assert Session.objects.count() == 0 and second.deactivated_at is not None
    second.is_active = True
    person_save(user=second)
    second.refresh_from_db()
    assert second.deactivated_at is None
