"""Rebuilding every projection from the statement log gives the state live ingest built.

Random histories go through the real services and the real LRS: lessons, final tests
passed and failed, cmi5 sessions through launch credentials, waivers, self-assessments,
trainer validations, and voiding by an integrator's key (of lessons, tests and package
statements). After each history every projection table (progress, certificates, package
state, evidence, competency profiles, gap and trend counts) is read, rebuilt from the
log, and read again: the two must be equal, and the log must not have grown.
"""

import json
import os

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments import services as assessment_services
from competencies import services as competency_services
from competencies.models import (
    Competency,
    CompetencyProfile,
    Evidence,
    GapCount,
    GapTrendCount,
    ProficiencyLevel,
)
from courses import services as course_services
from courses.models import (
    Certificate,
    CourseCompetency,
    CourseProgress,
    LessonPage,
    LessonProgress,
)
from lms.packages import services as package_services
from lms.packages.models import ContentPackagePage, PackageLaunch, PackageProgress
from lms.xapi import vocabulary
from lms.xapi.models import Statement
from lms.xapi.services import lrs_client_create, projections_rebuild
from tests.packages.test_services import au_statements, launch_params, xapi
from tests.xapi.test_api import post

# The SQLite smoke suite runs these too: they cover every connection.vendor branch.
pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

LEARNERS = 3
# ``make test`` runs a fixed set of histories; QD_REBUILD_EXAMPLES=300 explores at random.
DEFAULT_EXAMPLES = 8
EXAMPLES = int(os.environ.get("QD_REBUILD_EXAMPLES", DEFAULT_EXAMPLES))

actions = st.lists(
    st.one_of(
        st.tuples(st.just("lesson"), st.integers(0, LEARNERS - 1), st.integers(0, 1)),
        st.tuples(st.just("final"), st.integers(0, LEARNERS - 1), st.booleans()),
        st.tuples(st.just("unit_lesson"), st.integers(0, LEARNERS - 1), st.just(0)),
        st.tuples(st.just("au"), st.integers(0, LEARNERS - 1), st.sampled_from(["done", "fail"])),
        st.tuples(st.just("waive"), st.integers(0, LEARNERS - 1), st.integers(0, 1)),
        st.tuples(st.just("self"), st.integers(0, LEARNERS - 1), st.integers(1, 8)),
        st.tuples(st.just("validate"), st.integers(0, LEARNERS - 1), st.integers(1, 8)),
        st.tuples(st.just("void"), st.integers(0, 50), st.just(0)),
        st.tuples(st.just("retake"), st.integers(0, LEARNERS - 1), st.integers(0, 1)),
    ),
    min_size=3,
    max_size=14,
)


@pytest.fixture
def world(client, make_user, make_role, make_unit, make_course, make_package, final_assessment):
    """Two courses: one with two lessons and a final test, one with a lesson, a cmi5 unit and
    a validity period; learners whose role targets the competencies both develop; a trainer;
    an integrator."""
    framework = Competency.objects.get(code="QD.1").framework
    levels = {level.rank: level for level in ProficiencyLevel.objects.filter(scale=framework.scale)}
    role = make_role()
    unit = make_unit("Referat 11")
    for code, rank in (("QD.1", 4), ("QD.2", 3)):
        competency_services.role_target_set(
            job_role=role, competency=Competency.objects.get(code=code), rank=rank
        )
    course = make_course(lessons=2)
    course.final_assessment = final_assessment
    course.save_revision().publish()
    CourseCompetency.objects.create(
        course=course, competency=Competency.objects.get(code="QD.1"), level=levels[3]
    )
    # A validity period: its completions' evidence expires, and a rebuild must agree.
    with_unit = make_course(lessons=1, validity_months=12)
    CourseCompetency.objects.create(
        course=with_unit, competency=Competency.objects.get(code="QD.2"), level=levels[2]
    )
    page = ContentPackagePage(
        title="Aktenführung", slug="akten", package=make_package("cmi5_basic"), required=True
    )
    with_unit.add_child(instance=page)
    page.save_revision().publish()
    integrator, secret = lrs_client_create(name="Integration")
    integrator.plain_secret = secret
    return {
        "client": client,
        "learners": [
            make_user(f"person{n}@example.org", org_unit=unit, job_roles=[role])
            for n in range(LEARNERS)
        ],
        "trainer": make_user("trainer@example.org", groups=("Learner", "Trainer")),
        "course": course,
        "lessons": list(course.get_children().specific()),
        "with_unit": with_unit,
        "unit_lesson": with_unit.get_children().type(LessonPage).specific().first(),
        "package": page.package,
        "integrator": integrator,
    }


def _apply(world, action):
    kind, who, value = action
    learner = world["learners"][who] if kind != "void" else None
    client = world["client"]
    if kind == "lesson":
        course_services.course_continue(user=learner, course=world["course"])
        course_services.lesson_complete(user=learner, lesson=world["lessons"][value])
    elif kind == "unit_lesson":
        course_services.course_continue(user=learner, course=world["with_unit"])
        course_services.lesson_complete(user=learner, lesson=world["unit_lesson"])
    elif kind == "final":
        try:
            attempt = assessment_services.attempt_start(
                user=learner, assessment=world["course"].final_assessment, use_providers=True
            )
        except assessment_services.AttemptNotAllowed:
            return
        question = attempt.answers.first().question
        answer = "false" if value else "true"
        assessment_services.attempt_submit(
            attempt_uuid=attempt.uuid, user=learner, data={f"q_{question.uuid}": [answer]}
        )
    elif kind in ("au", "waive"):
        enrolment = course_services.course_enrol(user=learner, course=world["with_unit"])
        registration = enrolment.registration
        if kind == "waive":
            package_services.au_waive(
                user=learner,
                package=world["package"],
                au=value,
                registration=registration,
                reason="Administrative",
            )
            return
        au = 0 if value == "done" else 1
        params = launch_params(
            package_services.launch_url(
                user=learner,
                package=world["package"],
                registration=registration,
                au=au,
                return_url="http://testserver/",
                base_url="http://testserver",
            )
        )
        token = client.post(params["fetch"].replace("http://testserver", "")).json()
        if "auth-token" not in token:
            return
        launch_data = client.get(
            "/xapi/activities/state",
            {
                "activityId": params["activityId"],
                "agent": params["actor"],
                "registration": str(registration),
                "stateId": "LMS.LaunchData",
            },
            HTTP_AUTHORIZATION=f"Basic {token['auth-token']}",
            HTTP_X_EXPERIENCE_API_VERSION="1.0.3",
        ).json()
        session = (
            f"Basic {token['auth-token']}",
            json.loads(params["actor"]),
            params["activityId"],
            launch_data,
        )
        if launch_data["launchMode"] != "Normal":
            return
        result = (
            ("completed", {"completion": True, "duration": "PT3M"})
            if au == 0
            else ("failed", {"success": False, "score": {"scaled": 0.4}, "duration": "PT3M"})
        )
        steps = au_statements(session, registration, ("initialized", None), result)
        assert xapi(client, "post", "statements", session[0], steps).status_code == 200
    elif kind == "self":
        competency_services.competency_self_assess(
            user=learner, competency=Competency.objects.get(code="QD.2"), rank=value
        )
    elif kind == "validate":
        competency_services.competency_validate(
            user=learner,
            competency=Competency.objects.get(code="QD.2"),
            rank=value,
            validator=world["trainer"],
        )
    elif kind == "retake":
        course = world["with_unit"] if value else world["course"]
        try:
            course_services.course_retake(user=learner, course=course)
        except course_services.CourseActionError:
            return
    elif kind == "void":
        voidable = list(
            Statement.objects.filter(voided=False, user__isnull=False)
            .exclude(verb__in=[vocabulary.VOIDED.id, vocabulary.LAUNCHED.id])
            .order_by("stored", "id")
        )
        if not voidable:
            return
        target = voidable[who % len(voidable)]
        voiding = {
            "actor": target.data["actor"],
            "verb": {"id": vocabulary.VOIDED.id},
            "object": {"objectType": "StatementRef", "id": str(target.id)},
        }
        assert post(client, world["integrator"], voiding).status_code == 200


def _state() -> dict:
    """Every projection table, by natural keys (row ids differ after a rebuild)."""

    def rows(query, *fields):
        return sorted(query.values_list(*fields), key=repr)

    return {
        "lessons": rows(
            LessonProgress.objects.all(),
            "user_id",
            "lesson_id",
            "course_id",
            "first_experienced_at",
            "last_experienced_at",
            "completed_at",
            "answered_questions",
        ),
        "courses": rows(
            CourseProgress.objects.all(),
            "user_id",
            "course_id",
            "registration",
            "started_at",
            "last_activity_at",
            "last_lesson_id",
            "lessons_completed",
            "assessment_passed_at",
            "completed_at",
        ),
        "certificates": rows(
            Certificate.objects.all(), "user_id", "course_id", "code", "registration", "issued_at"
        ),
        "packages": rows(
            PackageProgress.objects.all(),
            "user_id",
            "package_id",
            "registration",
            "attempted_at",
            "completed_at",
            "passed_at",
            "failed_at",
            "satisfied_at",
            "score_scaled",
            "last_activity_at",
            "au_state",
        ),
        "evidence": rows(
            Evidence.objects.all(),
            "user_id",
            "competency_id",
            "level_id",
            "rank",
            "source",
            "statement_id",
            "occurred_at",
            "expires_at",
        ),
        "profiles": rows(
            CompetencyProfile.objects.all(),
            "user_id",
            "competency_id",
            "reached_rank",
            "reached_at",
            "self_assessed_rank",
            "self_assessed_at",
            "last_evidence_at",
            "expires_at",
        ),
        "gaps": rows(
            GapCount.objects.exclude(people=0),
            "unit_id",
            "role_id",
            "competency_id",
            "target_rank",
            "reached_rank",
            "people",
        ),
        "trend": rows(
            GapTrendCount.objects.exclude(people=0),
            "unit_id",
            "role_id",
            "competency_id",
            "month",
            "people",
        ),
    }


def _assert_same(rebuilt: dict, live: dict) -> None:
    for table, rows in live.items():
        missing = [row for row in rows if row not in rebuilt[table]]
        extra = [row for row in rebuilt[table] if row not in rows]
        assert not missing and not extra, f"{table}: live only {missing}, rebuilt only {extra}"


@settings(
    max_examples=EXAMPLES,
    derandomize=EXAMPLES == DEFAULT_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
@given(history=actions)
def test_rebuild_equals_live_ingest(world, history):
    # Each history starts from the same world: its writes are rolled back afterwards.
    with transaction.atomic():
        for action in history:
            _apply(world, action)
        live = _state()
        logged = Statement.objects.count()

        projections_rebuild(batch_size=7)

        _assert_same(_state(), live)
        assert Statement.objects.count() == logged
        transaction.set_rollback(True)


def test_a_course_taken_again_keeps_its_history_and_rebuild_agrees(world):
    """Complete, take again, complete again (two certificates), then start a third attempt:
    live and rebuilt state agree, and the first attempt's statements move nothing now."""
    learner = world["learners"][0]
    steps = [("unit_lesson", 0, 0), ("au", 0, "done"), ("waive", 0, 1)]
    for action in steps:
        _apply(world, action)
    first = Certificate.objects.get(user=learner, course=world["with_unit"])
    _apply(world, ("retake", 0, 1))
    assert not CourseProgress.objects.filter(user=learner, course=world["with_unit"]).exists()
    for action in steps:
        _apply(world, action)
    certificates = Certificate.objects.filter(user=learner, course=world["with_unit"])
    assert certificates.count() == 2
    assert first in certificates
    assert len({c.registration for c in certificates}) == 2
    _apply(world, ("retake", 0, 1))
    _apply(world, ("unit_lesson", 0, 0))
    progress = CourseProgress.objects.get(user=learner, course=world["with_unit"])
    assert progress.completed_at is None and progress.lessons_completed == 1
    live = _state()

    projections_rebuild(batch_size=3)

    _assert_same(_state(), live)


def test_a_voided_lesson_keeps_the_recorded_completion_and_rebuild_agrees(world):
    learner = world["learners"][0]
    for index in (0, 1):
        _apply(world, ("lesson", 0, index))
    _apply(world, ("final", 0, True))
    assert Certificate.objects.filter(user=learner).count() == 1
    completed = Statement.objects.filter(
        user=learner, verb=vocabulary.COMPLETED.id, object_id__contains="/lesson/"
    ).first()
    # Voiding one lesson does not take back the course completion the platform recorded.
    voiding = {
        "actor": completed.data["actor"],
        "verb": {"id": vocabulary.VOIDED.id},
        "object": {"objectType": "StatementRef", "id": str(completed.id)},
    }
    assert post(world["client"], world["integrator"], voiding).status_code == 200
    live = _state()
    assert len(live["certificates"]) == 1
    projections_rebuild()
    _assert_same(_state(), live)


def test_waived_units_complete_the_course_in_live_ingest_and_rebuild(world):
    learner = world["learners"][1]
    _apply(world, ("unit_lesson", 1, 0))
    _apply(world, ("waive", 1, 0))
    assert not Certificate.objects.filter(user=learner).exists()
    _apply(world, ("au", 1, "done"))  # a launch makes the waivers count (package progress)
    _apply(world, ("waive", 1, 1))
    progress = PackageProgress.objects.get(user=learner)
    assert progress.satisfied_at is not None
    assert Certificate.objects.filter(user=learner, course=world["with_unit"]).count() == 1
    live = _state()
    projections_rebuild()
    _assert_same(_state(), live)
    assert Statement.objects.filter(verb=vocabulary.SATISFIED.id, user=learner).count() == 2


def test_waivers_before_the_first_launch_complete_unit_and_course(world):
    """Recognised prior learning: every AU waived, the package never launched. Progress,
    the unit, the course and its certificate follow at once, and a rebuild agrees."""
    learner = world["learners"][1]
    _apply(world, ("unit_lesson", 1, 0))
    assert not PackageLaunch.objects.filter(user=learner).exists()
    _apply(world, ("waive", 1, 0))
    _apply(world, ("waive", 1, 1))
    assert not PackageLaunch.objects.filter(user=learner).exists()
    progress = PackageProgress.objects.get(user=learner)
    assert progress.satisfied_at is not None
    assert Certificate.objects.filter(user=learner, course=world["with_unit"]).count() == 1
    live = _state()
    projections_rebuild()
    _assert_same(_state(), live)
    assert Certificate.objects.filter(user=learner, course=world["with_unit"]).count() == 1
