"""The course page and "continue" offer the real next step: a lesson, the final test, the
certificate and the next course of the curriculum; the test result says what it did to the
course."""

import pytest
from django.test import Client
from django.urls import reverse

from assessments import services as assessment_services
from assessments.models import Attempt
from courses import selectors, services
from courses.models import Certificate
from courses.services import CurriculumEntry
from tests.conftest import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def course_with_test(make_course, final_assessment):
    course = make_course(lessons=2)
    course.final_assessment = final_assessment
    course.save_revision().publish()
    return course


def finish_lessons(learner, course):
    services.course_continue(user=learner, course=course)
    for lesson in selectors.course_lessons(course=course):
        services.lesson_experience(user=learner, lesson=lesson)
        services.lesson_complete(user=learner, lesson=lesson)


def test_after_all_lessons_the_next_step_is_the_final_test(course_with_test, learner):
    finish_lessons(learner, course_with_test)
    client = log_in(Client(), learner)
    html = client.get(course_with_test.url).content.decode()
    assert "Dort weitermachen" not in html
    assert "Als Nächstes:" not in html
    assert "Sie haben alle Lektionen abgeschlossen" in html
    assert f"/assessments/{course_with_test.final_assessment.uuid}/?context=" in html
    # "Continue" (also from the dashboard card) leads to the final test, not a done lesson.
    response = client.post(reverse("courses:course_continue", args=[course_with_test.pk]))
    assert response.status_code == 302
    assert response.url.startswith(
        reverse("assessments:detail", args=[course_with_test.final_assessment.uuid])
    )
    assert "context=" in response.url


def test_unfinished_lessons_still_come_first(course_with_test, learner):
    services.course_continue(user=learner, course=course_with_test)
    first, second = selectors.course_lessons(course=course_with_test)
    services.lesson_experience(user=learner, lesson=first)
    services.lesson_complete(user=learner, lesson=first)
    html = log_in(Client(), learner).get(course_with_test.url).content.decode()
    assert "Dort weitermachen" in html
    assert f"Als Nächstes: {second.title}" in html


def test_completed_course_offers_certificate_and_next_curriculum_course(
    make_course, course_with_test, learner, question
):
    following = make_course(lessons=1, title="Bescheide verständlich begründen")
    services.curriculum_update_or_create(
        slug="einarbeitung",
        title="Einarbeitung",
        job_roles=list(learner.role_assignments.values_list("job_role", flat=True)),
        entries=[CurriculumEntry(course_with_test, True, 30), CurriculumEntry(following, True, 60)],
    )
    finish_lessons(learner, course_with_test)
    attempt = assessment_services.attempt_start(
        assessment=course_with_test.final_assessment, user=learner, use_providers=True
    )
    assessment_services.attempt_submit(
        attempt_uuid=attempt.uuid, user=learner, data={f"q_{question.uuid}": ["false"]}
    )
    certificate = Certificate.objects.get(user=learner, course=course_with_test)
    client = log_in(Client(), learner)
    html = client.get(course_with_test.url).content.decode()
    assert "Dort weitermachen" not in html and "Als Nächstes:" not in html
    assert reverse("courses:certificate_pdf", args=[certificate.code]) in html
    assert "Als Nächstes in Ihrem Curriculum:" in html
    assert following.url in html

    # The pass result says the course is complete and links the certificate.
    result = client.get(reverse("assessments:result", args=[attempt.uuid])).content.decode()
    assert f"Sie haben den Kurs „{course_with_test.title}“ abgeschlossen" in result
    assert reverse("courses:certificate_pdf", args=[certificate.code]) in result


def test_a_pass_with_lessons_open_says_the_course_is_not_complete(
    course_with_test, learner, question
):
    services.course_continue(user=learner, course=course_with_test)
    attempt = assessment_services.attempt_start(
        assessment=course_with_test.final_assessment, user=learner, use_providers=True
    )
    assessment_services.attempt_submit(
        attempt_uuid=attempt.uuid, user=learner, data={f"q_{question.uuid}": ["false"]}
    )
    result = (
        log_in(Client(), learner)
        .get(reverse("assessments:result", args=[attempt.uuid]))
        .content.decode()
    )
    assert "ist noch nicht abgeschlossen" in result
    assert Attempt.objects.get(pk=attempt.pk).passed
