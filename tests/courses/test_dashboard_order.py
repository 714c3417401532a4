"""The dashboard: courses in progress first, one deadline per course across curricula."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from courses import services
from courses.services import CurriculumEntry
from lms.accounts.services import role_assignment_add
from tests.conftest import log_in

pytestmark = pytest.mark.django_db


def test_courses_in_progress_come_first(make_course, learner):
    course = make_course(lessons=1)
    services.course_continue(user=learner, course=course)
    html = log_in(Client(), learner).get("/learn/").content.decode()
    assert html.index("Kurse in Bearbeitung") < html.index("Als Nächstes empfohlen")
    assert html.index("Kurse in Bearbeitung") < html.index("Meine Curricula")
    continue_url = reverse("courses:course_continue", args=[course.pk])
    assert html.index(continue_url) < html.index("Als Nächstes empfohlen")


def test_a_course_in_two_curricula_shows_the_earliest_due_date_and_its_source(
    make_course, make_user, make_role
):
    course = make_course(lessons=1, title="Datenschutz im Verwaltungsalltag")
    clerk = make_role()
    lead = make_role(code="fuehrung", name="Führungskraft")
    services.curriculum_update_or_create(
        slug="einarbeitung",
        title="Einarbeitung Sachbearbeitung",
        job_roles=[clerk],
        entries=[CurriculumEntry(course, True, 90)],
    )
    services.curriculum_update_or_create(
        slug="fuehrung",
        title="Führen in der digitalen Verwaltung",
        job_roles=[lead],
        entries=[CurriculumEntry(course, True, 30)],
    )
    person = make_user("paula@example.org")
    since = datetime.date.today() - datetime.timedelta(days=10)
    role_assignment_add(user=person, job_role=clerk, since=since)
    role_assignment_add(user=person, job_role=lead, since=since)
    html = log_in(Client(), person).get("/learn/").content.decode()
    due = (since + datetime.timedelta(days=30)).strftime("%d.%m.%Y")
    later = (since + datetime.timedelta(days=90)).strftime("%d.%m.%Y")
    assert later not in html
    assert html.count(due) == 2
    assert "(aus dem Curriculum „Führen in der digitalen Verwaltung“)" in html
