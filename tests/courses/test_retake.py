"""Taking a course again: the next attempt starts afresh, earlier attempts stay as history."""

import datetime
from concurrent.futures import ThreadPoolExecutor
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client

from assessments import services as assessment_services
from courses import selectors, services
from courses.models import Certificate, CourseProgress, Enrolment, LessonProgress
from lms.xapi import vocabulary
from lms.xapi.models import Statement
from tests.conftest import log_in

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def _complete(user, course):
    for lesson in selectors.course_lessons(course=course):
        services.lesson_complete(user=user, lesson=lesson)


def test_a_completed_course_can_be_taken_again_and_earns_a_second_certificate(make_course, learner):
    course = make_course(lessons=2, validity_months=24)
    _complete(learner, course)
    first = Certificate.objects.get(user=learner, course=course)

    second_attempt = services.course_retake(user=learner, course=course)

    assert second_attempt.attempt == 2
    earlier = Enrolment.objects.get(user=learner, course=course, attempt=1)
    assert earlier.superseded_at is not None
    assert second_attempt.registration != earlier.registration
    # The new attempt starts afresh; the first one's certificate is history.
    assert not CourseProgress.objects.filter(user=learner, course=course).exists()
    assert not LessonProgress.objects.filter(user=learner, course=course).exists()
    assert selectors.course_outline(course=course, user=learner)["lessons_completed"] == 0
    assert list(Certificate.objects.filter(user=learner, course=course)) == [first]

    _complete(learner, course)

    certificates = Certificate.objects.filter(user=learner, course=course).order_by("issued_at")
    assert [c.registration for c in certificates] == [
        earlier.registration,
        second_attempt.registration,
    ]
    completions = Statement.objects.filter(user=learner, verb=vocabulary.COMPLETED.id)
    assert completions.filter(object_id__contains="/course/").count() == 2
    outline = selectors.course_outline(course=course, user=learner)
    assert outline["certificate"].registration == second_attempt.registration
    assert [(past.attempt, past.certificate) for past in outline["history"]] == [(1, first)]


def test_taking_again_needs_a_completed_attempt(make_course, learner):
    course = make_course(lessons=2)
    with pytest.raises(services.CourseActionError):
        services.course_retake(user=learner, course=course)
    services.lesson_complete(user=learner, lesson=selectors.course_lessons(course=course)[0])
    with pytest.raises(services.CourseActionError):
        services.course_retake(user=learner, course=course)
    _complete(learner, course)
    services.course_retake(user=learner, course=course)
    # The new attempt is not completed: no third attempt yet.
    with pytest.raises(services.CourseActionError):
        services.course_retake(user=learner, course=course)
    assert Enrolment.objects.filter(user=learner, course=course).count() == 2


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_requests_open_one_new_attempt(make_course, learner):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    course = make_course(lessons=1)
    _complete(learner, course)

    def retake(_):
        try:
            return services.course_retake(user=learner, course=course).attempt
        except services.CourseActionError:
            return None
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = sorted(pool.map(retake, range(2)), key=lambda n: n or 0)
    assert outcomes == [None, 2]
    assert Enrolment.objects.current().filter(user=learner, course=course).count() == 1


def test_course_states_keep_the_earlier_completion_while_the_new_attempt_runs(make_course, learner):
    course = make_course(lessons=1, validity_months=12)
    _complete(learner, course)
    issued = datetime.datetime(2025, 11, 20, 10, 0, tzinfo=BERLIN)
    Certificate.objects.filter(user=learner).update(issued_at=issued)
    CourseProgress.objects.filter(user=learner).update(completed_at=issued)
    services.course_retake(user=learner, course=course)

    state = selectors.course_states(course_ids=[course.pk], user_ids=[learner.pk])[
        (learner.pk, course.pk)
    ]

    # Still valid through the first certificate until it expires; restarted today.
    assert state.completed_at == issued
    assert state.valid_until == datetime.datetime(2026, 11, 21, 0, 0, tzinfo=BERLIN)
    assert state.started_at == Enrolment.objects.current().get(user=learner).enrolled_at


def test_the_final_assessment_can_be_sat_again_in_the_new_attempt(
    make_course, learner, final_assessment
):
    course = make_course(lessons=1)
    course.final_assessment = final_assessment
    course.save_revision().publish()
    final_assessment.max_attempts = 1
    final_assessment.save()
    _complete(learner, course)

    def sit():
        attempt = assessment_services.attempt_start(
            user=learner, assessment=final_assessment, use_providers=True
        )
        question = attempt.answers.first().question
        assessment_services.attempt_submit(
            attempt_uuid=attempt.uuid, user=learner, data={f"q_{question.uuid}": ["false"]}
        )
        return attempt

    first = sit()
    assert Certificate.objects.filter(user=learner).count() == 1
    with pytest.raises(assessment_services.AttemptNotAllowed):
        sit()

    services.course_retake(user=learner, course=course)
    _complete(learner, course)
    second = sit()

    assert second.registration != first.registration
    assert Certificate.objects.filter(user=learner).count() == 2


def test_course_page_offers_the_retake_and_shows_the_history(make_course, learner):
    course = make_course(lessons=1, validity_months=24)
    _complete(learner, course)
    client = log_in(Client(), learner)
    page = client.get(course.url).content.decode()
    assert f"/learn/courses/{course.pk}/retake/" in page

    assert client.get(f"/learn/courses/{course.pk}/retake/").status_code == 405
    response = client.post(f"/learn/courses/{course.pk}/retake/")
    assert response.status_code == 302

    page = client.get(course.url).content.decode()
    code = Certificate.objects.get(user=learner).code
    assert 'id="history-heading"' in page
    assert code in page
    assert f"/learn/courses/{course.pk}/retake/" not in page
    # The earlier certificate can still be downloaded by its owner.
    assert client.get(f"/learn/certificates/{code}.pdf").status_code == 200


def test_taking_again_before_completing_says_why(make_course, learner):
    course = make_course(lessons=2)
    client = log_in(Client(), learner)
    response = client.post(f"/learn/courses/{course.pk}/retake/", follow=True)
    assert response.status_code == 200
    assert not Enrolment.objects.filter(user=learner).exists()
    message = [str(m) for m in response.context["messages"]]
    assert any("abgeschlossen" in m or "completed" in m for m in message)


def test_the_course_page_stays_constant_in_queries_with_many_attempts(
    make_course, learner, django_assert_max_num_queries
):
    course = make_course(lessons=1, validity_months=12)
    client = log_in(Client(), learner)
    counts = []
    for _ in range(3):
        _complete(learner, course)
        services.course_retake(user=learner, course=course)
        client.get(course.url)  # warm up
        with django_assert_max_num_queries(200) as captured:
            assert client.get(course.url).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1] == counts[2]
