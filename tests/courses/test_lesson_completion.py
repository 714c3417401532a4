"""Completing a lesson: enrolment is explicit, and the page says what a knowledge check
counts for."""

import pytest
from django.test import Client
from django.urls import reverse

from courses import services
from courses.models import Enrolment, LessonPage, LessonProgress
from tests.conftest import log_in

pytestmark = pytest.mark.django_db


def test_completing_a_lesson_without_enrolment_says_it_enrols(make_course, learner):
    course = make_course(lessons=2)
    lesson = course.get_children().live().first().specific
    client = log_in(Client(), learner)
    html = client.get(lesson.url).content.decode()
    assert "Sie sind in diesem Kurs noch nicht eingeschrieben" in html
    assert "Einschreiben und Lektion abschließen" in html
    response = client.post(reverse("courses:lesson_complete", args=[lesson.pk]), follow=True)
    assert "Sie sind jetzt in den Kurs" in response.content.decode()
    assert Enrolment.objects.filter(user=learner, course=course).exists()
    assert LessonProgress.objects.get(user=learner, lesson=lesson).completed_at is not None
    # Once enrolled, the page no longer warns and the message is not repeated.
    second = course.get_children().live().last().specific
    html = client.get(second.url).content.decode()
    assert "noch nicht eingeschrieben" not in html
    response = client.post(reverse("courses:lesson_complete", args=[second.pk]), follow=True)
    assert "Sie sind jetzt in den Kurs" not in response.content.decode()


def test_optional_knowledge_checks_are_labelled_as_practice(make_course, learner, question):
    course = make_course(lessons=0)
    lesson = services.lesson_create_or_update(
        course=course, title="Üben", slug="ueben", body=[("knowledge_check", question)]
    )
    services.course_enrol(user=learner, course=course)
    html = log_in(Client(), learner).get(lesson.url).content.decode()
    assert "ohne sie zu beantworten" in html


def test_a_lesson_that_needs_its_checks_offers_enrolment_not_completion(
    make_course, learner, question
):
    course = make_course(lessons=0)
    lesson = services.lesson_create_or_update(
        course=course,
        title="Prüfen",
        slug="pruefen",
        body=[("knowledge_check", question)],
        completion_rule=LessonPage.CompletionRule.CHECKS,
    )
    client = log_in(Client(), learner)
    html = client.get(lesson.url).content.decode()
    assert reverse("courses:lesson_complete", args=[lesson.pk]) not in html
    assert reverse("courses:course_enrol", args=[course.pk]) in html
    response = client.post(reverse("courses:course_enrol", args=[course.pk]), {"next": lesson.url})
    assert response.status_code == 302 and response.url == lesson.url
    html = client.get(lesson.url).content.decode()
    assert "Noch zu beantworten: 1 von 1 Wissenschecks" in html
    # Completing before answering is refused and leaves nothing behind.
    response = client.post(reverse("courses:lesson_complete", args=[lesson.pk]), follow=True)
    assert "Bitte beantworten Sie" in response.content.decode()
    assert not LessonProgress.objects.filter(
        user=learner, lesson=lesson, completed_at__isnull=False
    ).exists()


def test_enrol_refuses_a_foreign_next_address(make_course, learner):
    course = make_course(lessons=1)
    client = log_in(Client(), learner)
    response = client.post(
        reverse("courses:course_enrol", args=[course.pk]), {"next": "https://example.com/"}
    )
    assert response.url == course.url
