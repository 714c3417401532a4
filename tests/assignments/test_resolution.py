"""Who an assignment applies to, and each person's effective deadline."""

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from courses.services import CurriculumEntry, curriculum_update_or_create
from lms.accounts.models import JobRole, OrgUnit
from lms.accounts.services import (
    people_set_active,
    role_assignment_add,
    role_assignment_remove,
    user_create_or_update,
    user_set_org_unit,
)
from lms.assignments import selectors
from lms.assignments.models import Assignment
from tests.assignments.conftest import at, complete, start

pytestmark = pytest.mark.django_db

# A random org tree: unit i's parent is one of the units before it (or none).
trees = st.integers(min_value=1, max_value=7).flatmap(
    lambda n: st.tuples(*[st.integers(min_value=-1, max_value=i - 1) for i in range(n)])
)
people = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=6),  # unit index (mod tree size)
        st.sets(st.integers(min_value=0, max_value=2), max_size=3),  # roles
        st.booleans(),  # active
    ),
    max_size=10,
)
scopes = st.fixed_dictionaries(
    {
        "unit": st.one_of(st.none(), st.integers(min_value=0, max_value=6)),
        "sub_units": st.booleans(),
        "role": st.one_of(st.none(), st.integers(min_value=0, max_value=2)),
        "named": st.sets(st.integers(min_value=0, max_value=9), max_size=3),
        # a role change after the assignment: (person, role, add or remove)
        "changes": st.lists(
            st.tuples(st.integers(0, 9), st.integers(0, 2), st.booleans()), max_size=4
        ),
    }
)


def _expected(tree, units, staff, scope):
    """The oracle: the scope rule spelled out over plain Python data."""

    def ancestors(index):
        while index != -1:
            yield index
            index = tree[index]

    wanted = set()
    for number, (unit, roles, active) in enumerate(staff):
        if not active:
            continue
        match = scope["unit"] is not None or scope["role"] is not None
        if scope["unit"] is not None:
            target = scope["unit"] % len(tree)
            match &= target in (ancestors(unit) if scope["sub_units"] else [unit])
        if scope["role"] is not None:
            match &= scope["role"] in roles
        if match or number in scope["named"]:
            wanted.add(number)
    return wanted


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(tree=trees, staff=people, scope=scopes)
def test_scope_matches_the_rule_over_random_trees_and_role_changes(tree, staff, scope, make_course):
    course = make_course()
    with transaction.atomic():
        units = []
        for index, parent in enumerate(tree):
            unit = OrgUnit(code=f"u{index}", name=f"U{index}", kind=OrgUnit.Kind.UNIT)
            units.append(
                OrgUnit.add_root(instance=unit)
                if parent == -1
                else OrgUnit.objects.get(pk=units[parent].pk).add_child(instance=unit)
            )
        roles = [JobRole.objects.create(code=f"r{i}", name=f"R{i}") for i in range(3)]
        users, staff = (
            [],
            [(unit % len(tree), set(person_roles), active) for unit, person_roles, active in staff],
        )
        for number, (unit, person_roles, _active) in enumerate(staff):
            users.append(
                user_create_or_update(
                    email=f"p{number}@example.org",
                    first_name="P",
                    last_name=str(number),
                    org_unit=units[unit],
                    job_roles=[roles[r] for r in person_roles],
                )
            )
        people_set_active(
            user_ids=[u.pk for u, s in zip(users, staff, strict=True) if not s[2]], active=False
        )
        assignment = Assignment.objects.create(
            title="A",
            course=course,
            org_unit=units[scope["unit"] % len(tree)] if scope["unit"] is not None else None,
            include_sub_units=scope["sub_units"],
            job_role=roles[scope["role"]] if scope["role"] is not None else None,
            deadline_date=dt.date(2030, 1, 1),
        )
        assignment.people.set([users[n] for n in scope["named"] if n < len(users)])
        for number, role, add in scope["changes"]:
            if number >= len(users):
                continue
            if add:
                role_assignment_add(user=users[number], job_role=roles[role])
                staff[number][1].add(role)
            else:
                role_assignment_remove(user=users[number], job_role=roles[role])
                staff[number][1].discard(role)
        named = {n for n in scope["named"] if n < len(users)}
        got = set(selectors.scope(assignment).values_list("pk", flat=True))
        expected = {users[n].pk for n in _expected(tree, units, staff, {**scope, "named": named})}
        assert got == expected
        transaction.set_rollback(True)


def test_the_earliest_deadline_wins_and_names_its_source(
    make_user, make_unit, make_role, make_course, make_assignment, frozen
):
    frozen(at(dt.date(2027, 1, 10)))
    unit, role, course = make_unit(), make_role(), make_course(title="IT-Sicherheit")
    person = make_user(org_unit=unit, job_roles=[role])
    make_assignment(course=course, org_unit=unit, deadline_date=dt.date(2027, 3, 31), title="Alle")
    make_assignment(
        course=course,
        job_role=role,
        deadline_kind=Assignment.DeadlineKind.AFTER_ASSIGNMENT,
        deadline_days=30,
        title="Sachbearbeitung",
    )
    (due,) = selectors.person_deadlines(user=person)
    assert (due.deadline, due.source) == (dt.date(2027, 2, 9), "Sachbearbeitung")
    assert due.course_title == "IT-Sicherheit" and due.status == selectors.NOT_STARTED


def test_a_role_curriculum_stays_a_source(make_user, make_role, make_course, frozen):
    frozen(at(dt.date(2027, 1, 10)))
    role, course = make_role(), make_course()
    person = make_user(job_roles=[role])
    curriculum_update_or_create(
        slug="grund",
        title="Grundlagen",
        job_roles=[role],
        entries=[CurriculumEntry(course=course, due_days=20)],
    )
    (due,) = selectors.person_deadlines(user=person)
    assert due.assignment is None and due.source == "Grundlagen"
    assert due.deadline == dt.date(2027, 1, 30)


def test_moving_between_units_mid_cycle(make_user, make_unit, make_course, make_assignment, frozen):
    frozen(at(dt.date(2027, 1, 10)))
    old, new, course = make_unit(), make_unit(), make_course()
    person = make_user(org_unit=old)
    make_assignment(course=course, org_unit=old, deadline_date=dt.date(2027, 2, 1), title="Alt")
    make_assignment(
        course=course,
        org_unit=new,
        deadline_kind=Assignment.DeadlineKind.AFTER_UNIT,
        deadline_days=60,
        title="Neu",
    )
    assert [d.source for d in selectors.person_deadlines(user=person)] == ["Alt"]
    frozen(at(dt.date(2027, 1, 20)))
    user_set_org_unit(user=person, org_unit=new)
    (due,) = selectors.person_deadlines(user=person)
    assert (due.source, due.deadline) == ("Neu", dt.date(2027, 3, 21))


def test_states_and_leavers(make_user, make_unit, make_course, make_assignment, frozen):
    frozen(at(dt.date(2027, 4, 2)))
    unit, course = make_unit(), make_course()
    late, busy, done = (make_user(org_unit=unit) for _ in range(3))
    make_assignment(course=course, org_unit=unit, deadline_date=dt.date(2027, 4, 1))
    start(busy, course, at(dt.date(2027, 3, 1)))
    complete(done, course, at(dt.date(2027, 3, 1)))
    assert selectors.person_deadlines(user=late)[0].status == selectors.OVERDUE
    assert selectors.person_deadlines(user=done) == []
    people_set_active(user_ids=[late.pk], active=False)
    late.refresh_from_db()
    assert selectors.person_deadlines(user=late) == []


def test_deadline_end_is_midnight_in_berlin():
    end = selectors.deadline_end(dt.date(2027, 3, 31))
    assert end.utcoffset() == dt.timedelta(hours=2)
    assert end.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M") == "2027-03-31 21:59"
