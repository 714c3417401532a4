import datetime as dt
import random
import uuid

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from competencies import projection, rules
from competencies.models import CompetencyProfile, Evidence
from competencies.selectors import competency_get_by_ref, gaps_for_user, level_for
from competencies.services import (
    competency_activity,
    competency_self_assess,
    competency_validate,
)
from lms.accounts.models import JobRole
from lms.xapi import events, identity, vocabulary
from lms.xapi.iris import activity_iri
from lms.xapi.services import actor_erase, projections_rebuild, statements_store

# The SQLite smoke suite runs these too: they cover every connection.vendor branch.
pytestmark = pytest.mark.sqlite


def _assessment(user, evidence, *, passed=True):
    return events.record(
        events.assessment_completed(
            user=user,
            assessment=events.Activity(
                iri=activity_iri("assessment", "test-1"),
                name="Test",
                type=vocabulary.TYPE_ASSESSMENT,
            ),
            registration=uuid.uuid4(),
            passed=passed,
            score_raw=8,
            score_max=10,
            evidence=evidence,
        )
    )


PROFILE_FIELDS = (
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


def _evidence(person, comp, rank, source, occurred, expires) -> Evidence:
    """An evidence row written directly: the rebuild tests need many of them."""
    return Evidence(
        user=person,
        competency=comp,
        level=level_for(competency=comp, rank=rank),
        rank=rank,
        source=source,
        statement_id=uuid.uuid4(),
        occurred_at=occurred,
        expires_at=expires,
    )


def _profiles():
    return sorted(
        CompetencyProfile.objects.values_list(
            "user_id",
            "competency_id",
            "reached_rank",
            "reached_at",
            "self_assessed_rank",
            "last_evidence_at",
        )
    )


@pytest.fixture
def learner(frameworks, make_user):
    return make_user(job_roles=[JobRole.objects.get(code="sachbearbeitung")])


@pytest.fixture
def trainer(make_user):
    return make_user(groups=("Learner", "Trainer"))


def test_passed_assessment_evidences_levels(learner):
    qd2 = competency_get_by_ref("qd:QD.2")
    _assessment(learner, [(qd2.uri, level_for(competency=qd2, rank=3).uri)])
    profile = CompetencyProfile.objects.get(user=learner, competency=qd2)
    assert profile.reached_rank == 3
    evidence = Evidence.objects.get(user=learner)
    assert evidence.source == "assessment"
    gap = next(g for g in gaps_for_user(user=learner) if g.competency == qd2)
    assert (gap.target_rank, gap.reached_rank, gap.gap) == (3, 3, 0)


def test_failed_assessment_is_no_evidence(learner):
    qd2 = competency_get_by_ref("qd:QD.2")
    _assessment(learner, [(qd2.uri, level_for(competency=qd2, rank=3).uri)], passed=False)
    assert not Evidence.objects.exists()


def test_self_assessment_is_kept_apart(learner):
    qd1 = competency_get_by_ref("qd:QD.1")
    competency_self_assess(user=learner, competency=qd1, rank=6)
    profile = CompetencyProfile.objects.get(user=learner, competency=qd1)
    assert (profile.reached_rank, profile.self_assessed_rank) == (0, 6)


def test_trainer_validation_counts_and_learners_cannot_validate(learner, trainer, make_user):
    qd4 = competency_get_by_ref("qd:QD.4")
    competency_validate(user=learner, competency=qd4, rank=4, validator=trainer, note="Praxisfall")
    assert CompetencyProfile.objects.get(user=learner, competency=qd4).reached_rank == 4
    with pytest.raises(PermissionDenied):
        competency_validate(user=learner, competency=qd4, rank=8, validator=make_user())
    with pytest.raises(PermissionDenied):
        competency_validate(user=trainer, competency=qd4, rank=8, validator=trainer)


def test_level_of_another_scale_and_unknown_competency_are_ignored(learner, make_user):
    qd2 = competency_get_by_ref("qd:QD.2")
    _assessment(
        learner,
        [
            ("https://elsewhere.example/competency/x", level_for(competency=qd2, rank=3).uri),
            (qd2.uri, "https://elsewhere.example/level/3"),
        ],
    )
    assert not Evidence.objects.exists()


def test_voiding_recomputes_the_profile(learner):
    qd2 = competency_get_by_ref("qd:QD.2")
    low = _assessment(learner, [(qd2.uri, level_for(competency=qd2, rank=2).uri)])
    high = _assessment(learner, [(qd2.uri, level_for(competency=qd2, rank=5).uri)])
    assert CompetencyProfile.objects.get(user=learner, competency=qd2).reached_rank == 5
    statements_store(
        statements=[
            {
                "actor": identity.actor_for_user(learner),
                "verb": {"id": vocabulary.VOIDED.id},
                "object": {"objectType": "StatementRef", "id": str(high.id)},
            }
        ]
    )
    assert CompetencyProfile.objects.get(user=learner, competency=qd2).reached_rank == 2
    statements_store(
        statements=[
            {
                "actor": identity.actor_for_user(learner),
                "verb": {"id": vocabulary.VOIDED.id},
                "object": {"objectType": "StatementRef", "id": str(low.id)},
            }
        ]
    )
    assert not CompetencyProfile.objects.filter(user=learner, competency=qd2).exists()


def test_rebuild_gives_the_incrementally_maintained_state(learner, trainer, make_user):
    other = make_user(job_roles=[JobRole.objects.get(code="nachwuchskraft")])
    rng = random.Random(7)
    refs = ["qd:QD.1", "qd:QD.2", "qd:QD.4", "digcomp:1.2"]
    for person in (learner, other):
        for _ in range(6):
            comp = competency_get_by_ref(rng.choice(refs))
            rank = rng.randint(1, 8)
            kind = rng.choice(["assessment", "self", "validation"])
            if kind == "assessment":
                _assessment(person, [(comp.uri, level_for(competency=comp, rank=rank).uri)])
            elif kind == "self":
                competency_self_assess(user=person, competency=comp, rank=rank)
            else:
                competency_validate(user=person, competency=comp, rank=rank, validator=trainer)
    incremental = _profiles()
    evidence_count = Evidence.objects.count()
    assert incremental
    projections_rebuild()
    assert _profiles() == incremental
    assert Evidence.objects.count() == evidence_count
    projection.profiles_rebuild_from_evidence()
    assert _profiles() == incremental


def test_erasure_removes_evidence_and_profiles(learner):
    qd2 = competency_get_by_ref("qd:QD.2")
    _assessment(learner, [(qd2.uri, level_for(competency=qd2, rank=3).uri)])
    competency_self_assess(user=learner, competency=qd2, rank=2)
    actor_erase(user=learner)
    assert not Evidence.objects.filter(user=learner).exists()
    assert not CompetencyProfile.objects.filter(user=learner).exists()


def test_projection_uses_a_constant_number_of_queries(learner, django_assert_max_num_queries):
    comps = [competency_get_by_ref(f"qd:QD.{n}") for n in range(1, 9)]
    evidence = [(c.uri, level_for(competency=c, rank=3).uri) for c in comps]
    statement = _assessment(learner, evidence[:1])
    with django_assert_max_num_queries(10):
        projection.apply([statement])
    many = _assessment(learner, evidence)
    Evidence.objects.filter(statement_id=many.id).delete()
    with django_assert_max_num_queries(10):
        projection.apply([many])
    assert CompetencyProfile.objects.filter(user=learner).count() == 8


def test_activity_of_a_competency_is_its_uri(frameworks):
    qd1 = competency_get_by_ref("qd:QD.1")
    assert competency_activity(qd1).iri == qd1.uri == activity_iri("competency", "qd/QD.1")


@pytest.mark.postgresql
def test_chunked_rebuild_follows_the_rule_on_ties_and_chunk_edges(frameworks, make_user):
    """Ties in rank and time, expiry at the reached rank and self-assessments at the same
    instant, spread over people that fall into different chunks of the rebuild."""
    people = [make_user() for _ in range(7)]
    comps = [competency_get_by_ref(r) for r in ("qd:QD.1", "qd:QD.2")]
    now = timezone.now().replace(microsecond=0)
    t0, t1 = now - dt.timedelta(days=30), now - dt.timedelta(days=3)
    soon, later, past = now + dt.timedelta(days=5), now + dt.timedelta(days=50), t1
    patterns = [
        [(5, "assessment", t0, None), (5, "course", t0, soon)],  # same rank, same time
        [(5, "assessment", t1, soon), (5, "validation", t0, later)],  # latest expiry wins
        [(6, "course", t0, past), (4, "validation", t1, None)],  # expired top rank
        [(3, "self", t1, None), (7, "self", t1, None), (2, "assessment", t0, None)],
        [(8, "self", t0, None)],  # only a self-assessment
        [(2, "course", t1, None), (2, "course", t1, later)],  # tie; one never expires
        [(4, "assessment", t0, past)],  # everything expired
    ]
    rows = []
    for person, pattern in zip(people, patterns, strict=True):
        for comp in comps:
            for rank, source, occurred, expires in pattern:
                rows.append(_evidence(person, comp, rank, source, occurred, expires))
    Evidence.objects.bulk_create(rows)
    calls = []
    count = projection.profiles_rebuild_from_evidence(
        now=now, chunk_people=2, progress=lambda done, total: calls.append((done, total))
    )
    set_based = sorted(CompetencyProfile.objects.values_list(*PROFILE_FIELDS))
    assert count == len(set_based) == len(people) * len(comps)
    assert len(calls) >= 3 and calls[-1][0] == calls[-1][1]
    CompetencyProfile.objects.all().delete()
    pairs = set(Evidence.objects.values_list("user_id", "competency_id"))
    projection.profiles_recompute(pairs=pairs, now=now)
    assert sorted(CompetencyProfile.objects.values_list(*PROFILE_FIELDS)) == set_based
    by_user = {row[0]: row for row in set_based}
    assert by_user[people[0].pk][2:5] == (5, t0, None)
    assert by_user[people[1].pk][2:5] == (5, t0, later)
    assert by_user[people[2].pk][2] == 4
    assert by_user[people[3].pk][5] == 7
    assert by_user[people[6].pk][2] == 0
    # The table keeps its unique constraint and keys after the bulk load.
    with pytest.raises(IntegrityError), transaction.atomic():
        CompetencyProfile.objects.create(user=people[0], competency=comps[0])


def test_rebuild_keeps_ranks_of_ten_and_more(make_framework, make_user):
    """A twelve-level scale: ranks 10, 11 and 12 survive the set-based rebuild unchanged
    (a rank packed as ``key * 10 + rank`` read 10 back as 0 and 12 as 2)."""
    framework = make_framework(levels=12)
    comp = framework.competencies.get(code="C.1")
    person = make_user()
    now = timezone.now().replace(microsecond=0)
    t0, t1 = now - dt.timedelta(days=10), now - dt.timedelta(days=2)
    Evidence.objects.bulk_create(
        [
            _evidence(person, comp, 11, "assessment", t0, None),
            _evidence(person, comp, 10, "self", t0, None),
            _evidence(person, comp, 12, "self", t1, None),
        ]
    )
    projection.profiles_rebuild_from_evidence(now=now)
    profile = CompetencyProfile.objects.get(user=person, competency=comp)
    assert (profile.reached_rank, profile.self_assessed_rank) == (11, 12)
    assert profile.self_assessed_at == t1


SOURCES = [*sorted(rules.MEASURED_SOURCES), rules.SELF_SOURCE]


@pytest.fixture
def three_people(make_user):
    """Made once per test (hypothesis examples share function-scoped fixtures)."""
    return [make_user() for _ in range(3)]


@st.composite
def scale_and_evidence(draw):
    """A scale of 2..20 levels and evidence rows on it: few distinct times (ties), expiry
    before, at and after the evaluation time, self-assessments, some rows later voided."""
    levels = draw(st.integers(2, 20))
    rows = draw(
        st.lists(
            st.tuples(
                st.integers(0, 2),  # person
                st.integers(0, 1),  # competency
                st.integers(1, levels),  # rank
                st.sampled_from(SOURCES),
                st.integers(0, 4),  # days before now (few values: ties in time)
                st.sampled_from([0, 1, 999_999]),  # microseconds (exactness)
                st.sampled_from([None, None, -30, -1, 0, 1, 400]),  # expiry, days from now
                st.booleans(),  # voided afterwards
            ),
            max_size=25,
        )
    )
    return levels, rows


@settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(drawn=scale_and_evidence())
def test_set_based_rebuild_equals_the_pure_rule_on_any_scale(drawn, make_framework, three_people):
    """``_REBUILD_SQL`` and ``rules.profile_state`` agree on every field, whatever the scale
    size (2..20 levels), with ties in rank and time, expiry at the edge, self-assessments
    and voided evidence, across chunk edges of the rebuild."""
    levels, rows = drawn
    now = timezone.now().replace(microsecond=500_000)
    people = three_people
    with transaction.atomic():  # each example starts from the same state
        framework = make_framework(levels=levels)
        comps = list(framework.competencies.order_by("code"))
        level_ids = dict(framework.scale.levels.values_list("rank", "id"))
        evidence, voided = [], []
        for person, comp, rank, source, days, micro, expiry, void in rows:
            occurred = (now - dt.timedelta(days=days)).replace(microsecond=micro)
            item = Evidence(
                user=people[person],
                competency=comps[comp],
                level_id=level_ids[rank],
                rank=rank,
                source=source,
                statement_id=uuid.uuid4(),
                occurred_at=occurred,
                expires_at=None if expiry is None else now + dt.timedelta(days=expiry),
            )
            evidence.append(item)
            if void:
                voided.append(item.statement_id)
        Evidence.objects.bulk_create(evidence)
        Evidence.objects.filter(statement_id__in=voided).delete()

        projection.profiles_rebuild_from_evidence(now=now, chunk_people=2)
        rebuilt = {
            row[:2]: row[2:] for row in CompetencyProfile.objects.values_list(*PROFILE_FIELDS)
        }
        expected_items = {}
        for item in evidence:
            if item.statement_id not in voided:
                expected_items.setdefault((item.user_id, item.competency_id), []).append(
                    rules.EvidenceItem(item.rank, item.source, item.occurred_at, item.expires_at)
                )
        expected = {}
        for pair, items in expected_items.items():
            state = rules.profile_state(items, now=now)
            expected[pair] = (
                state.reached_rank,
                state.reached_at,
                state.expires_at,
                state.self_assessed_rank,
                state.self_assessed_at,
                state.last_evidence_at,
                state.next_expiry_at,
            )
        assert rebuilt == expected
        transaction.set_rollback(True)


def test_the_daily_refresh_moves_reached_at_when_its_evidence_expires(make_framework, make_user):
    """Two pieces of evidence hold the reached rank; the earlier one expires first. From
    then on the reached level dates from the later one, in the live profile as in a
    rebuild, although the reached level itself has not expired."""
    framework = make_framework(levels=5)
    comp = framework.competencies.get(code="C.1")
    person = make_user()
    now = timezone.now().replace(microsecond=0)
    first, second = now - dt.timedelta(days=20), now - dt.timedelta(days=5)
    Evidence.objects.bulk_create(
        [
            _evidence(person, comp, 4, "assessment", first, now + dt.timedelta(days=10)),
            _evidence(person, comp, 4, "validation", second, now + dt.timedelta(days=60)),
        ]
    )
    projection.profiles_recompute(pairs={(person.pk, comp.pk)}, now=now)
    assert CompetencyProfile.objects.get(user=person).reached_at == first
    later = now + dt.timedelta(days=15)
    assert projection.profiles_refresh_expired(now=later) == 1
    live = CompetencyProfile.objects.values_list(*PROFILE_FIELDS).get(user=person)
    assert live[2:5] == (4, second, now + dt.timedelta(days=60))
    projection.profiles_rebuild_from_evidence(now=later)
    assert CompetencyProfile.objects.values_list(*PROFILE_FIELDS).get(user=person) == live
