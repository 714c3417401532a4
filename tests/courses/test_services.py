"""Enrolment and progress through the services; progress is read from the projection."""

import pytest
from django.core.management import call_command

from courses import selectors, services, tracking
from courses.models import Certificate, CourseProgress, Enrolment, LessonProgress
from lms.xapi import events, vocabulary
from lms.xapi.models import Statement
from lms.xapi.services import actor_erase, statements_store

pytestmark = pytest.mark.django_db


def _finish(user, lessons):
    for lesson in lessons:
        services.course_enrol(user=user, course=selectors.course_of_lesson(lesson=lesson))
        services.lesson_experience(user=user, lesson=lesson)
        services.lesson_complete(user=user, lesson=lesson)


def test_continue_enrols_once_records_the_launch_and_returns_the_first_lesson(make_course, learner):
    course = make_course(lessons=3)
    first = selectors.course_lessons(course=course)[0]
    assert services.course_continue(user=learner, course=course) == first
    assert services.course_continue(user=learner, course=course) == first
    enrolment = Enrolment.objects.get(user=learner, course=course)
    assert enrolment.source == Enrolment.Source.SELF
    launches = Statement.objects.filter(user=learner, verb=vocabulary.LAUNCHED.id)
    assert launches.count() == 1
    assert launches.get().registration == enrolment.registration
    assert CourseProgress.objects.get(user=learner, course=course).started_at is not None


def test_lesson_events_are_statements_and_progress_follows_them(make_course, learner):
    course = make_course(lessons=3)
    lessons = selectors.course_lessons(course=course)
    services.course_continue(user=learner, course=course)
    services.lesson_experience(user=learner, lesson=lessons[0])
    following = services.lesson_complete(user=learner, lesson=lessons[0])
    assert following == lessons[1]
    statement = Statement.objects.get(user=learner, verb=vocabulary.COMPLETED.id)
    assert statement.object_id == tracking.lesson_iri(lessons[0])
    assert statement.data["context"]["contextActivities"]["parent"][0]["id"] == tracking.course_iri(
        course
    )
    row = LessonProgress.objects.get(user=learner, lesson=lessons[0])
    assert row.completed_at == statement.timestamp
    outline = selectors.course_outline(course=course, user=learner)
    assert [item.status for item in outline["outline"]] == [
        "completed",
        "not_started",
        "not_started",
    ]
    assert outline["percent"] == 33


def test_completing_a_lesson_twice_records_it_once(make_course, learner):
    course = make_course(lessons=2)
    lesson = selectors.course_lessons(course=course)[0]
    services.lesson_complete(user=learner, lesson=lesson)
    services.lesson_complete(user=learner, lesson=lesson)
    assert Statement.objects.filter(user=learner, verb=vocabulary.COMPLETED.id).count() == 1


def test_resume_returns_the_exact_lesson_last_opened(make_course, learner):
    course = make_course(lessons=4)
    lessons = selectors.course_lessons(course=course)
    services.course_continue(user=learner, course=course)
    _finish(learner, lessons[:1])
    services.lesson_experience(user=learner, lesson=lessons[2])
    assert services.course_continue(user=learner, course=course) == lessons[2]
    services.lesson_complete(user=learner, lesson=lessons[2])
    assert services.course_continue(user=learner, course=course) == lessons[3]


def test_course_completion_records_completion_and_certificate_once(make_course, learner):
    course = make_course(lessons=2)
    lessons = selectors.course_lessons(course=course)
    services.course_continue(user=learner, course=course)
    _finish(learner, lessons)
    completed = Statement.objects.filter(
        user=learner, verb=vocabulary.COMPLETED.id, object_id=tracking.course_iri(course)
    )
    assert completed.count() == 1
    earned = Statement.objects.get(user=learner, verb=vocabulary.EARNED.id)
    certificate = Certificate.objects.get(user=learner, course=course)
    assert earned.object_id == tracking.certificate_iri(certificate.code)
    progress = CourseProgress.objects.get(user=learner, course=course)
    assert progress.completed_at == completed.get().timestamp
    # Completing again (e.g. re-opening the course) changes nothing.
    services.lesson_complete(user=learner, lesson=lessons[1])
    assert completed.count() == 1
    assert Certificate.objects.filter(user=learner).count() == 1


def test_optional_lessons_are_not_needed_for_completion(course_index, make_course, learner):
    course = make_course(lessons=1)
    optional = services.lesson_create_or_update(
        course=course,
        title="Vertiefung: Open Data",
        slug="vertiefung",
        body=[("paragraph", "<p>Offene Daten der Verwaltung.</p>")],
        required=False,
    )
    first = selectors.course_lessons(course=course)[0]
    services.lesson_complete(user=learner, lesson=first)
    assert CourseProgress.objects.get(user=learner, course=course).completed_at is not None
    assert not LessonProgress.objects.filter(lesson=optional).exists()


def _snapshot():
    lessons = sorted(
        LessonProgress.objects.values_list(
            "user_id", "lesson_id", "first_experienced_at", "last_experienced_at", "completed_at"
        )
    )
    courses = sorted(
        CourseProgress.objects.values_list(
            "user_id",
            "course_id",
            "registration",
            "started_at",
            "last_activity_at",
            "last_lesson_id",
            "lessons_completed",
            "completed_at",
        )
    )
    certificates = sorted(
        Certificate.objects.values_list("user_id", "course_id", "code", "issued_at")
    )
    return lessons, courses, certificates


def test_rebuilt_projection_equals_the_incremental_one(make_course, make_user, learner):
    course, other = make_course(lessons=3), make_course(lessons=2)
    colleague = make_user("ben@example.org")
    services.course_continue(user=learner, course=course)
    _finish(learner, selectors.course_lessons(course=course))
    services.course_continue(user=colleague, course=other)
    _finish(colleague, selectors.course_lessons(course=other)[:1])
    services.lesson_experience(user=colleague, lesson=selectors.course_lessons(course=other)[1])
    before = _snapshot()
    statements_before = Statement.objects.count()
    call_command("rebuild_projections", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _snapshot() == before
    assert Statement.objects.count() == statements_before
    assert len(before[2]) == 1


def test_voiding_a_lesson_completion_recomputes_progress(make_course, learner):
    course = make_course(lessons=2)
    lessons = selectors.course_lessons(course=course)
    services.course_continue(user=learner, course=course)
    _finish(learner, lessons[:1])
    completion = Statement.objects.get(user=learner, verb=vocabulary.COMPLETED.id)
    statements_store(
        statements=[
            {
                "actor": completion.data["actor"],
                "verb": {"id": vocabulary.VOIDED.id},
                "object": {"objectType": "StatementRef", "id": str(completion.id)},
            }
        ]
    )
    row = LessonProgress.objects.get(user=learner, lesson=lessons[0])
    assert row.completed_at is None and row.first_experienced_at is not None
    assert CourseProgress.objects.get(user=learner, course=course).lessons_completed == 0


def test_statements_of_other_content_leave_progress_alone(make_course, learner):
    make_course(lessons=1)
    events.record(
        events.lesson_experienced(
            user=learner,
            lesson=events.Activity(
                iri="https://example.org/other/1", name="X", type=vocabulary.TYPE_LESSON
            ),
            course=events.Activity(
                iri="https://example.org/other", name="Y", type=vocabulary.TYPE_COURSE
            ),
            registration=None,
        )
    )
    assert not LessonProgress.objects.exists() and not CourseProgress.objects.exists()


def test_erasure_removes_progress_and_certificates(make_course, learner):
    course = make_course(lessons=1)
    _finish(learner, selectors.course_lessons(course=course))
    assert Certificate.objects.filter(user=learner).exists()
    actor_erase(user=learner)
    assert not Certificate.objects.filter(user=learner).exists()
    assert not LessonProgress.objects.filter(user=learner).exists()
    assert not CourseProgress.objects.filter(user=learner).exists()


def test_experiencing_a_lesson_needs_an_enrolment(make_course, learner):
    course = make_course(lessons=1)
    with pytest.raises(services.CourseActionError):
        services.lesson_experience(user=learner, lesson=selectors.course_lessons(course=course)[0])
    assert not Statement.objects.exists()


def test_unpublished_course_cannot_be_started(make_course, learner):
    course = make_course(lessons=1)
    course.unpublish()
    course.refresh_from_db()
    with pytest.raises(services.CourseActionError):
        services.course_continue(user=learner, course=course)
    assert not Enrolment.objects.exists()
