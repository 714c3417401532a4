"""People services: every change reaches the gap counts (compared with a count from
scratch after each step), and org units keep a valid tree."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from competencies import gapcounts
from competencies.models import Competency
from competencies.services import role_target_set
from lms.accounts.models import OrgUnit, RoleAssignment
from lms.accounts.services import (
    org_unit_update,
    people_set_active,
    person_save,
    role_assignment_add,
    role_assignment_remove,
    role_assignments_add_many,
    role_assignments_set,
    user_set_org_unit,
)
from lms.accounts.trackers import people_changing

pytestmark = pytest.mark.django_db


def _counted() -> int:
    return sum(n for key, n in gapcounts.stored().items() if key[0] == gapcounts.GAP)


def _assert_counted(expected: int) -> None:
    assert gapcounts.stored() == gapcounts.contributions()
    assert _counted() == expected


@pytest.fixture
def org(framework, make_unit, make_role, make_user):
    units = [make_unit(f"Referat {i}") for i in range(2)]
    roles = [make_role(code=f"rolle-{i}", name=f"Rolle {i}") for i in range(2)]
    qd1 = Competency.objects.filter(framework=framework).order_by("code").first()
    role_target_set(job_role=roles[0], competency=qd1, rank=3)
    role_target_set(job_role=roles[1], competency=qd1, rank=5)
    people = [make_user(org_unit=units[0]) for _ in range(4)]
    return {"units": units, "roles": roles, "people": people}


def test_each_people_service_moves_the_counts(org):
    units, roles, people = org["units"], org["roles"], org["people"]
    _assert_counted(0)
    # Bulk load (one statement), one role, replace, remove.
    role_assignments_add_many(
        assignments=[(p.pk, roles[0].pk) for p in people], since=datetime.date(2026, 1, 1)
    )
    _assert_counted(4)
    assert {a.since for a in RoleAssignment.objects.all()} == {datetime.date(2026, 1, 1)}
    role_assignment_add(user=people[0], job_role=roles[1])
    _assert_counted(4)
    assert {k[4] for k in gapcounts.stored() if k[0] == gapcounts.GAP} == {3, 5}
    role_assignments_set(user=people[1], job_roles=[roles[1]])
    _assert_counted(4)
    assert role_assignment_remove(user=people[2], job_role=roles[0])
    assert not role_assignment_remove(user=people[2], job_role=roles[0])
    _assert_counted(3)
    # Moves and leaving.
    user_set_org_unit(user=people[3], org_unit=units[1])
    _assert_counted(3)
    user_set_org_unit(user=people[3], org_unit=None)
    _assert_counted(2)
    assert people_set_active(user_ids=[people[0].pk, people[1].pk], active=False) == 2
    _assert_counted(0)
    people_set_active(user_ids=[people[0].pk], active=True)
    _assert_counted(1)


def test_person_save_counts_a_new_person_and_a_changed_one(org):
    units, roles = org["units"], org["roles"]
    person = get_user_model()(email="neu@example.org", org_unit=units[1])
    person_save(user=person, job_roles=[roles[0]])
    _assert_counted(1)
    person.org_unit, person.is_active = units[0], False
    person_save(user=person)  # roles unchanged
    assert RoleAssignment.objects.filter(user=person).count() == 1
    _assert_counted(0)


def test_changes_in_one_block_are_counted_once(org):
    units, roles, people = org["units"], org["roles"], org["people"]
    with people_changing({p.pk for p in people}):
        role_assignments_add_many(assignments=[(p.pk, roles[0].pk) for p in people])
        user_set_org_unit(user=people[0], org_unit=units[1])
        people[1].delete()
    _assert_counted(3)


def test_a_failed_change_leaves_the_counts_as_they_were(org):
    people, roles = org["people"], org["roles"]
    role_assignment_add(user=people[0], job_role=roles[0])
    with pytest.raises(RuntimeError), people_changing({people[0].pk}):
        role_assignment_remove(user=people[0], job_role=roles[0])
        raise RuntimeError("abgebrochen")
    _assert_counted(1)


def test_a_unit_cannot_move_below_itself(org, make_unit):
    parent = org["units"][0]
    child = make_unit("Sachgebiet", parent=parent)
    with pytest.raises(ValidationError):
        org_unit_update(unit=parent, code=parent.code, name=parent.name, kind=parent.kind,
                        parent=child)  # fmt: skip
    parent.refresh_from_db()
    assert parent.get_parent() is None and OrgUnit.find_problems() == ([], [], [], [], [])
