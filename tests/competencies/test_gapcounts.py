"""The maintained gap counts equal the counts computed from scratch after every change."""

import datetime as dt
import random
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from competencies import gapcounts, projection, reporting
from competencies.models import (
    Competency,
    CompetencyProfile,
    GapCount,
    GapTrendCount,
    RoleProfile,
)
from competencies.services import (
    competency_self_assess,
    competency_validate,
    role_target_delete,
    role_target_set,
)
from lms.accounts.services import (
    people_set_active,
    role_assignment_add,
    role_assignment_remove,
    role_assignments_set,
    user_create_or_update,
    user_set_org_unit,
)
from lms.accounts.trackers import people_changing
from lms.xapi import events, identity, vocabulary
from lms.xapi.iris import activity_iri
from lms.xapi.services import actor_erase, projections_rebuild, statements_store

# The SQLite smoke suite runs these too: they cover every connection.vendor branch.
pytestmark = pytest.mark.sqlite


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
    if connection.vendor != "postgresql":
        pytest.skip("advisory locks are PostgreSQL's")
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


# --------------------------------------------------------------------------- rebuild = live

SCALE_PEOPLE, SCALE_UNITS, SCALE_ROLES = 5, 3, 3
EVIDENCE_KINDS = ["assessment", "failed", "course", "validation", "self"]
PERSON_STEPS = {"evidence", "move", "roles", "add_role", "remove_role", "active", "erase"}
PROFILE_COLUMNS = (
    "user_id",
    "competency_id",
    "reached_rank",
    "reached_at",
    "expires_at",
    "self_assessed_rank",
    "self_assessed_at",
    "last_evidence_at",
    "next_expiry_at",
)


@st.composite
def histories(draw):
    """A scale of 2..20 levels, role targets, five people's units and roles, the evidence
    validity, and up to eight steps: evidence of every kind (dated up to 400 days back),
    voiding, time passing (then the daily expiry refresh), moves, role changes, leaving
    and coming back, target changes and removals, erasure with deletion."""
    levels = draw(st.integers(2, 20))
    rank = st.integers(1, levels)
    person = st.integers(0, SCALE_PEOPLE - 1)
    unit = st.one_of(st.none(), st.integers(0, SCALE_UNITS - 1))
    role = st.integers(0, SCALE_ROLES - 1)
    roles = st.frozensets(role)
    competency = st.integers(0, 1)
    targets = draw(st.dictionaries(st.tuples(role, competency), rank, max_size=6))
    people = draw(st.lists(st.tuples(unit, roles), min_size=SCALE_PEOPLE, max_size=SCALE_PEOPLE))
    validity = draw(st.sampled_from([None, 1, 6]))
    step = st.one_of(
        st.tuples(
            st.just("evidence"),
            person,
            competency,
            rank,
            st.sampled_from(EVIDENCE_KINDS),
            st.integers(0, 400),
        ),
        st.tuples(st.just("void"), st.integers(0, 50)),
        st.tuples(st.just("time"), st.integers(1, 400)),
        st.tuples(st.just("move"), person, unit),
        st.tuples(st.just("roles"), person, roles),
        st.tuples(st.just("add_role"), person, role),
        st.tuples(st.just("remove_role"), person, role),
        st.tuples(st.just("active"), person, st.booleans()),
        st.tuples(st.just("target"), role, competency, st.one_of(st.none(), rank)),
        st.tuples(st.just("erase"), person),
    )
    return levels, validity, targets, people, draw(st.lists(step, min_size=1, max_size=8))


@pytest.fixture
def world(make_unit, make_role, make_user):
    """Made once per test: hypothesis examples share function-scoped fixtures, and each
    example rolls back what it did."""
    return {
        "units": [make_unit(f"Referat {i}") for i in range(SCALE_UNITS)],
        "roles": [make_role(code=f"rolle-{i}", name=f"Rolle {i}") for i in range(SCALE_ROLES)],
        "people": [make_user().pk for _ in range(SCALE_PEOPLE)],
        "trainer": make_user(groups=("Learner", "Trainer")),
    }


def _profile_rows():
    return sorted(CompetencyProfile.objects.values_list(*PROFILE_COLUMNS))


def _assert_live_equals_rebuild(now):
    """The daily refresh runs at ``now``; then a full rebuild at ``now`` (undone
    afterwards; its counts are a count from scratch) gives the same profiles and counts."""
    projection.profiles_refresh_expired(now=now)
    live_counts, live_profiles = gapcounts.stored(), _profile_rows()
    savepoint = transaction.savepoint()
    projection.profiles_rebuild_from_evidence(now=now)
    assert _profile_rows() == live_profiles
    assert gapcounts.stored() == live_counts
    transaction.savepoint_rollback(savepoint)


def _record_evidence(world, person, comp, level, kind, occurred):
    if kind == "self":
        return competency_self_assess(user=person, competency=comp, rank=level.rank,
                                      occurred_at=occurred)  # fmt: skip
    if kind == "validation":
        return competency_validate(user=person, competency=comp, rank=level.rank,
                                   validator=world["trainer"], occurred_at=occurred)  # fmt: skip
    if kind == "course":
        return events.record(
            events.course_completed(
                user=person,
                course=events.Activity(
                    iri=activity_iri("course", "k1"), name="Kurs", type=vocabulary.TYPE_COURSE
                ),
                registration=uuid.uuid4(),
                evidence=[(comp.uri, level.uri)],
                timestamp=occurred,
            )
        )
    return events.record(
        events.assessment_completed(
            user=person,
            assessment=events.Activity(
                iri=activity_iri("assessment", "t1"), name="Test", type=vocabulary.TYPE_ASSESSMENT
            ),
            registration=uuid.uuid4(),
            passed=kind == "assessment",
            score_raw=8,
            score_max=10,
            evidence=[(comp.uri, level.uri)],
            timestamp=occurred,
        )
    )


def _void(statement, person):
    statements_store(
        statements=[
            {
                "actor": identity.actor_for_user(person),
                "verb": {"id": vocabulary.VOIDED.id},
                "object": {"objectType": "StatementRef", "id": str(statement.id)},
            }
        ]
    )


@settings(
    max_examples=12,  # a full rebuild after every step: a few seconds
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=histories())
def test_rebuild_equals_live_for_random_histories(history, world, make_framework):
    levels, validity, targets, initial, steps = history
    units, roles = world["units"], world["roles"]
    start = timezone.now()
    with override_settings(QD_EVIDENCE_VALIDITY_MONTHS=validity), transaction.atomic():
        framework = make_framework(levels=levels)
        comps = list(framework.competencies.order_by("code"))
        level = {lv.rank: lv for lv in framework.scale.levels.all()}
        for (role, comp), rank in targets.items():
            role_target_set(job_role=roles[role], competency=comps[comp], rank=rank)
        # Fresh objects: deleting a person in an earlier example cleared its primary key.
        people = list(get_user_model().objects.filter(pk__in=world["people"]).order_by("pk"))
        with people_changing({person.pk for person in people}):  # one change for all five
            for person, (unit, held) in zip(people, initial, strict=True):
                user_set_org_unit(user=person, org_unit=None if unit is None else units[unit])
                role_assignments_set(user=person, job_roles=[roles[r] for r in sorted(held)])
        recorded = []  # (statement, person) that can still be voided
        now = start
        _assert_live_equals_rebuild(now)
        for kind, *args in steps:
            target = people[args[0]] if kind in PERSON_STEPS else None
            if kind in PERSON_STEPS and target is None:
                continue  # erased earlier
            if kind == "evidence":
                _p, comp, rank, source, days = args
                statement = _record_evidence(
                    world, target, comps[comp], level[rank], source,
                    start - dt.timedelta(days=days),
                )  # fmt: skip
                recorded.append((statement, target))
            elif kind == "void" and recorded:
                statement, person = recorded.pop(args[0] % len(recorded))
                _void(statement, person)
            elif kind == "time":
                now += dt.timedelta(days=args[0])
            elif kind == "move":
                user_set_org_unit(user=target, org_unit=None if args[1] is None else units[args[1]])
            elif kind == "roles":
                role_assignments_set(user=target, job_roles=[roles[r] for r in sorted(args[1])])
            elif kind == "add_role":
                role_assignment_add(user=target, job_role=roles[args[1]])
            elif kind == "remove_role":
                role_assignment_remove(user=target, job_role=roles[args[1]])
            elif kind == "active":
                people_set_active(user_ids=[target.pk], active=args[1])
            elif kind == "target":
                role, comp, rank = args
                if rank is None:
                    for old in RoleProfile.objects.filter(
                        job_role=roles[role], competency=comps[comp]
                    ):
                        role_target_delete(target=old)
                else:
                    role_target_set(job_role=roles[role], competency=comps[comp], rank=rank)
            elif kind == "erase":
                with people_changing({target.pk}):  # how erasure deletes a person
                    actor_erase(user=target)
                    target.delete()
                people[args[0]] = None
                recorded = [(s, p) for s, p in recorded if p is not target]
            _assert_live_equals_rebuild(now)
        transaction.set_rollback(True)
