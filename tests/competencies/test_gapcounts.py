"""The maintained gap counts equal the counts computed from scratch after every change."""

import datetime as dt
import random

import pytest
from django.utils import timezone

from competencies import gapcounts, projection, reporting
from competencies.models import Competency, GapCount, GapTrendCount, RoleProfile
from competencies.services import (
    competency_self_assess,
    competency_validate,
    role_target_delete,
    role_target_set,
)
from lms.accounts.services import (
    people_set_active,
    role_assignment_add,
    role_assignments_set,
    user_create_or_update,
    user_set_org_unit,
)
from lms.accounts.trackers import people_changing
from lms.xapi.services import actor_erase, projections_rebuild


def _assert_consistent():
    assert gapcounts.stored() == gapcounts.contributions()


@pytest.fixture
def org(framework, make_unit, make_role, make_user):
    agency = make_unit("Behörde", kind="agency")
    units = [make_unit(f"Referat {i}", parent=agency) for i in range(3)]
    roles = [make_role(code=f"rolle-{i}", name=f"Rolle {i}") for i in range(3)]
    qd1, qd2 = Competency.objects.filter(framework=framework).order_by("code")
    role_target_set(job_role=roles[0], competency=qd1, rank=3)
    role_target_set(job_role=roles[0], competency=qd2, rank=4)
    role_target_set(job_role=roles[1], competency=qd1, rank=5)
    role_target_set(job_role=roles[2], competency=qd2, rank=2)
    people = [
        make_user(org_unit=units[i % 3], job_roles=[roles[i % 3]] + ([roles[2]] if i % 4 else []))
        for i in range(12)
    ]
    trainer = make_user(groups=("Learner", "Trainer"))
    return {"units": units, "roles": roles, "comps": [qd1, qd2], "people": people, "t": trainer}


def test_counts_follow_every_kind_of_change(org, settings):
    rng = random.Random(5)
    people, comps, units, roles = org["people"], org["comps"], org["units"], org["roles"]
    _assert_consistent()
    assert gapcounts.stored()  # people with targets count at level 0 before any evidence

    for person in people:  # evidence and self-assessments through the xAPI projection
        comp = rng.choice(comps)
        competency_validate(
            user=person, competency=comp, rank=rng.randint(1, 8), validator=org["t"]
        )
        competency_self_assess(user=person, competency=rng.choice(comps), rank=rng.randint(1, 8))
    _assert_consistent()

    # Expiry: evidence that lapses is dropped by the daily refresh.
    settings.QD_EVIDENCE_VALIDITY_MONTHS = 1
    competency_validate(user=people[0], competency=comps[0], rank=8, validator=org["t"])
    _assert_consistent()
    later = timezone.now() + dt.timedelta(days=40)
    projection.profiles_refresh_expired(now=later)
    _assert_consistent()
    settings.QD_EVIDENCE_VALIDITY_MONTHS = None

    # A move to another unit through the provisioning service, and one on its own.
    mover = people[1]
    user_create_or_update(
        email=mover.email,
        first_name=mover.first_name,
        last_name=mover.last_name,
        org_unit=units[2],
        job_roles=[roles[1]],
    )
    _assert_consistent()
    user_set_org_unit(user=people[2], org_unit=units[0])
    _assert_consistent()

    # Role changes: a second role (changes the reporting role and the targets), then none.
    role_assignment_add(user=people[4], job_role=roles[0])
    _assert_consistent()
    role_assignments_set(user=people[3], job_roles=[])
    _assert_consistent()

    # Leaving, a changed role target, a removed target, erasure and deletion.
    people_set_active(user_ids=[people[5].pk], active=False)
    _assert_consistent()
    role_target_set(job_role=roles[1], competency=comps[1], rank=6)
    role_target_set(job_role=roles[0], competency=comps[0], rank=7)
    _assert_consistent()
    for target in RoleProfile.objects.filter(job_role=roles[2]):
        role_target_delete(target=target)
    _assert_consistent()
    actor_erase(user=people[6])
    _assert_consistent()
    with people_changing({people[7].pk}):
        people[7].delete()
    _assert_consistent()

    # Full rebuilds reproduce the same counts (evaluated at the same time).
    maintained = gapcounts.stored()
    projection.profiles_rebuild_from_evidence(now=later)
    assert gapcounts.stored() == maintained
    projections_rebuild()  # replays at the real time: the lapsed level counts again
    _assert_consistent()


def test_login_does_not_touch_the_counts(org, django_assert_max_num_queries):
    person = org["people"][0]
    person.last_login = timezone.now()
    with django_assert_max_num_queries(1):
        person.save(update_fields=["last_login"])


@pytest.mark.counts_written_directly
def test_the_cube_reads_the_counts_not_the_profiles(org):
    """Counts written directly show up in the cube: it never scans the per-person rows."""
    unit, role, comp = org["units"][0], org["roles"][0], org["comps"][0]
    GapCount.objects.create(
        unit_id=unit.pk,
        role_id=role.pk,
        competency_id=comp.pk,
        target_rank=3,
        reached_rank=8,
        people=1000,
    )
    cube = reporting.cube_build(competency_ids=[comp.pk])
    ci, ui, ri = (
        cube.competency_index[comp.pk],
        cube.unit_index[unit.pk],
        cube.role_index[role.pk],
    )
    assert cube.counts[ci, ui, ri, 3, 8] == 1000


@pytest.mark.counts_written_directly
def test_the_trend_reads_the_monthly_counts(org):
    unit, role, comp = org["units"][0], org["roles"][0], org["comps"][0]
    today = dt.date.today()
    GapTrendCount.objects.create(
        unit_id=unit.pk,
        role_id=role.pk,
        competency_id=comp.pk,
        month=today.replace(day=1),
        people=40,
    )
    cube = reporting.cube_build(competency_ids=[comp.pk])
    trend = reporting.trend_build(
        cube=cube,
        competencies=[comp],
        atoms={(unit.pk, role.pk)},
        start=None,
        end=today,
        months=3,
    )
    assert [met for _month, met, _pairs in trend] == [0, 0, 40]


def test_trend_counts_follow_evidence_dates(org):
    """First met in the month of the first measured evidence at or above the target."""
    person, comp = org["people"][0], org["comps"][0]  # role 0: target 3 for QD.1
    now = timezone.now()
    before = now - dt.timedelta(days=100)
    competency_validate(
        user=person, competency=comp, rank=2, validator=org["t"], occurred_at=before
    )
    competency_validate(
        user=person, competency=comp, rank=4, validator=org["t"], occurred_at=before
    )
    competency_validate(user=person, competency=comp, rank=6, validator=org["t"])
    _assert_consistent()
    months = [
        key[4]
        for key in gapcounts.stored()
        if key[0] == gapcounts.TREND and key[3] == comp.pk and key[1] == person.org_unit_id
    ]
    assert months == [before.date().replace(day=1)]


def test_a_change_to_thousands_of_people_takes_a_bounded_number_of_locks(db):
    """One advisory lock per person exhausts PostgreSQL's shared lock table when one
    transaction (a CSV import) changes tens of thousands of people."""
    from django.db import connection

    with gapcounts.tracking(range(1, 3001)), connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"
        )
        held = cursor.fetchone()[0]
    assert 1 < held <= 1 + 256


def test_evidence_recorded_inside_a_people_change_is_counted_once(org):
    person, comp, units = org["people"][0], org["comps"][0], org["units"]
    with people_changing({person.pk}):
        user_set_org_unit(user=person, org_unit=units[1])
        competency_validate(user=person, competency=comp, rank=8, validator=org["t"])
        role_assignment_add(user=person, job_role=org["roles"][1])
    _assert_consistent()


def test_nesting_that_would_count_twice_is_refused(org):
    person, comps = org["people"][0], org["comps"]
    narrow = gapcounts.tracking({person.pk}, {comps[0].pk})
    with pytest.raises(RuntimeError), narrow, gapcounts.people_tracking({person.pk}):
        pass
    with pytest.raises(RuntimeError), people_changing({person.pk}):
        role_target_set(job_role=org["roles"][0], competency=comps[0], rank=2)
    _assert_consistent()
