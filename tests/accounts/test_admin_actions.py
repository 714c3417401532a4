"""Changes to people in the Wagtail admin keep the gap counts current.

Each test checks the counts against a count from scratch after the admin request (the
suite also does after every test) and that the change reached the counts at all.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from competencies import gapcounts
from competencies.models import Competency
from competencies.services import role_target_set
from lms.accounts.models import AuditLogEntry, OrgUnit, RoleAssignment
from tests.conftest import log_in

pytestmark = pytest.mark.django_db


def _people_counted() -> int:
    """People in the gap counts (each counts once per competency they have a target for)."""
    return sum(n for key, n in gapcounts.stored().items() if key[0] == gapcounts.GAP)


def _assert_consistent():
    assert gapcounts.stored() == gapcounts.contributions()


@pytest.fixture
def org(framework, make_unit, make_role, make_user):
    agency = make_unit("Behörde", kind="agency", code="behoerde")
    units = [make_unit(f"Referat {i}", parent=agency, code=f"ref-{i}") for i in range(2)]
    role = make_role()
    for competency in Competency.objects.filter(framework=framework):
        role_target_set(job_role=role, competency=competency, rank=4)
    people = [make_user(org_unit=units[i % 2], job_roles=[role]) for i in range(4)]
    admin = make_user("admin@example.org", groups=("Learner", "Administrator"))
    assert _people_counted() == 4 * 2
    return {"agency": agency, "units": units, "role": role, "people": people, "admin": admin}


def test_bulk_deactivation_in_the_admin_takes_people_out_of_the_counts(client, org):
    """Wagtail's own bulk action uses a queryset ``update()``, which no handler saw."""
    log_in(client, org["admin"])
    leaving = org["people"][:2]
    query = "&".join(f"id={person.pk}" for person in leaving)
    response = client.post(
        f"/cms/bulk/accounts/user/set_active_state/?{query}&next=/cms/users/",
        {"mark_as_active": "False"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert not get_user_model().objects.filter(pk__in=[p.pk for p in leaving], is_active=True)
    _assert_consistent()
    assert _people_counted() == 2 * 2


def test_bulk_delete_in_the_admin_takes_people_out_of_the_counts(client, org):
    log_in(client, org["admin"])
    query = "&".join(f"id={person.pk}" for person in org["people"][:3])
    response = client.post(f"/cms/bulk/accounts/user/delete/?{query}&next=/cms/users/")
    assert response.status_code == 302, response.content.decode()[:2000]
    assert get_user_model().objects.filter(pk__in=[p.pk for p in org["people"]]).count() == 1
    _assert_consistent()
    assert _people_counted() == 1 * 2
    # Each deletion is an erasure, audited.
    assert AuditLogEntry.objects.filter(action="person.erased").count() == 3


def test_deleting_one_person_in_the_admin_takes_them_out_of_the_counts(client, org):
    log_in(client, org["admin"])
    person = org["people"][0]
    response = client.post(f"/cms/users/delete/{person.pk}/")
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=person.pk).exists()
    assert AuditLogEntry.objects.filter(action="person.deleted").exists()
    _assert_consistent()
    assert _people_counted() == 3 * 2


def test_creating_and_editing_a_person_in_the_admin_keeps_the_counts(client, org):
    log_in(client, org["admin"])
    learner = Group.objects.get(name="Learner").pk
    response = client.post(
        "/cms/users/new/",
        {
            "email": "neu@example.org",
            "first_name": "Nora",
            "last_name": "Neu",
            "password1": "ein-langes-passwort-1",
            "password2": "ein-langes-passwort-1",
            "groups": [learner],
            "org_unit": org["units"][0].pk,
            "job_roles": [org["role"].pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    person = get_user_model().objects.get(email="neu@example.org")
    assert person.check_password("ein-langes-passwort-1")
    _assert_consistent()
    assert _people_counted() == 5 * 2

    edit = {
        "email": person.email,
        "first_name": "Nora",
        "last_name": "Neu",
        "is_active": "on",
        "groups": [learner],
        "org_unit": org["units"][1].pk,
        "job_roles": [org["role"].pk],
    }
    assert client.post(f"/cms/users/edit/{person.pk}/", edit).status_code == 302
    person.refresh_from_db()
    assert person.org_unit == org["units"][1]
    _assert_consistent()
    assert _people_counted() == 5 * 2

    del edit["is_active"]  # leaves
    assert client.post(f"/cms/users/edit/{person.pk}/", edit).status_code == 302
    _assert_consistent()
    assert _people_counted() == 4 * 2

    edit.update(is_active="on", job_roles=[])  # back, without a role
    assert client.post(f"/cms/users/edit/{person.pk}/", edit).status_code == 302
    assert not RoleAssignment.objects.filter(user=person).exists()
    _assert_consistent()
    assert _people_counted() == 4 * 2


def test_org_units_are_created_and_moved_in_the_admin_through_the_services(client, org):
    log_in(client, org["admin"])
    response = client.post(
        "/cms/snippets/accounts/orgunit/add/",
        {"name": "Sachgebiet 1", "code": "sg-1", "kind": "unit", "parent": org["units"][0].pk},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    unit = OrgUnit.objects.get(code="sg-1")
    assert unit.get_parent() == org["units"][0]
    response = client.post(
        f"/cms/snippets/accounts/orgunit/edit/{unit.pk}/",
        {"name": "Sachgebiet 1a", "code": "sg-1a", "kind": "unit", "parent": org["units"][1].pk},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    unit.refresh_from_db()
    assert (unit.name, unit.code, unit.get_parent()) == ("Sachgebiet 1a", "sg-1a", org["units"][1])
    assert OrgUnit.find_problems() == ([], [], [], [], [])
    _assert_consistent()


def test_the_replaced_actions_keep_wagtails_permission_checks(client, org, make_user):
    """A trainer enters the admin but may not deactivate or delete people."""
    trainer = make_user("trainer@example.org", groups=("Learner", "Trainer"))
    log_in(client, trainer)
    people = org["people"]
    query = "&".join(f"id={person.pk}" for person in people)
    client.post(f"/cms/bulk/accounts/user/set_active_state/?{query}", {"mark_as_active": "False"})
    client.post(f"/cms/bulk/accounts/user/delete/?{query}")
    client.post(f"/cms/users/delete/{people[0].pk}/")
    assert (
        get_user_model().objects.filter(pk__in=[p.pk for p in people], is_active=True).count() == 4
    )
    _assert_consistent()
    assert _people_counted() == 4 * 2
