"""Curriculum resolution, the dashboard's data and analytics."""

import datetime

import pytest

from competencies.models import Competency, ProficiencyLevel
from competencies.providers import offers
from courses import selectors, services
from courses.models import CourseCompetency
from courses.services import CurriculumEntry
from lms.accounts.services import role_assignment_add

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles(make_role):
    return {
        "sb": make_role("sachbearbeitung", "Sachbearbeitung"),
        "fk": make_role("fuehrungskraft", "Führungskraft"),
        "it": make_role("it-digitalisierung", "IT-/Digitalisierungsfachkraft"),
    }


def test_curriculum_of_a_person_with_several_roles_is_the_union(make_course, make_user, roles):
    a, b, c, d = (make_course(lessons=1) for _ in range(4))
    services.curriculum_update_or_create(
        slug="sb",
        title="Einarbeitung Sachbearbeitung",
        job_roles=[roles["sb"]],
        entries=[CurriculumEntry(a, True, 30), CurriculumEntry(b, False, None)],
    )
    services.curriculum_update_or_create(
        slug="fk",
        title="Führen in der digitalen Verwaltung",
        job_roles=[roles["fk"]],
        entries=[CurriculumEntry(b, True, 60), CurriculumEntry(c, True, 10)],
    )
    services.curriculum_update_or_create(
        slug="it", title="IT", job_roles=[roles["it"]], entries=[CurriculumEntry(d, True, 5)]
    )
    person = make_user()
    role_assignment_add(user=person, job_role=roles["sb"], since=datetime.date(2026, 1, 1))
    role_assignment_add(user=person, job_role=roles["fk"], since=datetime.date(2026, 3, 1))
    union = selectors.curriculum_for_user(user=person, today=datetime.date(2026, 3, 5))
    by_course = {entry.course.pk: entry for entry in union}
    assert set(by_course) == {a.pk, b.pk, c.pk}
    assert by_course[a.pk].due_date == datetime.date(2026, 1, 31)
    assert by_course[a.pk].overdue
    # Optional in one curriculum, required in the other: required, due 60 days after joining.
    assert by_course[b.pk].required
    assert by_course[b.pk].due_date == datetime.date(2026, 4, 30)
    assert sorted(by_course[b.pk].curricula) == [
        "Einarbeitung Sachbearbeitung",
        "Führen in der digitalen Verwaltung",
    ]
    assert by_course[c.pk].due_date == datetime.date(2026, 3, 11)
    assert not by_course[c.pk].overdue
    assert len(selectors.user_curricula(user=person)) == 2


def test_person_without_roles_has_no_curriculum(make_user, make_course):
    make_course(lessons=1)
    assert selectors.curriculum_for_user(user=make_user()) == []


def test_curriculum_progress_counts_completed_required_courses(make_course, make_user, roles):
    a, b = make_course(lessons=1), make_course(lessons=1)
    services.curriculum_update_or_create(
        slug="sb",
        title="Einarbeitung",
        job_roles=[roles["sb"]],
        entries=[CurriculumEntry(a, True, 30), CurriculumEntry(b, True, 30)],
    )
    person = make_user(job_roles=[roles["sb"]])
    services.course_enrol(user=person, course=a)
    assert services.enrolment_ensure(user=person, course=a).source == "curriculum"
    services.lesson_complete(user=person, lesson=selectors.course_lessons(course=a)[0])
    (view,) = selectors.user_curricula(user=person)
    assert (view.required_completed, view.required_total, view.percent) == (1, 2, 50)
    recommended = selectors.recommended_courses(user=person)
    assert [card.course.pk for card in recommended] == [b.pk]


def test_catalogue_filters_by_role_and_duration_and_searches_text(make_course, roles):
    short = make_course(
        lessons=1,
        title="Statistik kritisch lesen",
        duration_minutes=45,
        audience_roles=[roles["sb"]],
    )
    long = make_course(
        lessons=1,
        title="Automatisierte Bescheide erklären",
        duration_minutes=240,
        audience_roles=[roles["fk"]],
    )
    assert selectors.catalogue(role_id=roles["sb"].pk) == [short]
    assert selectors.catalogue(duration="long") == [long]
    assert [c.pk for c in selectors.catalogue(query="Bescheide")] == [long.pk]
    assert selectors.catalogue(query="Bescheide", role_id=roles["sb"].pk) == []


def test_analytics_count_enrolled_started_completed_and_suppress_small_medians(
    make_course, make_user
):
    course = make_course(lessons=1)
    lesson = selectors.course_lessons(course=course)[0]
    people = [make_user() for _ in range(6)]
    for person in people[:5]:
        services.course_continue(user=person, course=course)
        services.lesson_complete(user=person, lesson=lesson)
    services.course_enrol(user=people[5], course=course)
    (figures,) = selectors.course_analytics(courses=[course], min_group_size=5)
    assert (figures.enrolled, figures.started, figures.completed) == (6, 5, 5)
    assert figures.completion_rate == 83
    assert figures.median_minutes is not None
    (figures,) = selectors.course_analytics(courses=[course], min_group_size=6)
    assert figures.median_minutes is None and figures.median_suppressed


def test_catalogue_filters_by_competency(make_course, framework):

    qd1 = Competency.objects.get(code="QD.1")
    tagged, other = make_course(lessons=1), make_course(lessons=1)
    CourseCompetency.objects.create(
        course=tagged, competency=qd1, level=ProficiencyLevel.objects.get(rank=3)
    )
    assert selectors.catalogue(competency_id=qd1.pk) == [tagged]
    assert other not in selectors.catalogue(competency_id=qd1.pk)


def test_live_courses_are_offered_to_the_training_needs_plan(
    make_course, framework, django_assert_max_num_queries
):
    qd1 = Competency.objects.get(code="QD.1")
    tagged, _untagged = make_course(lessons=1), make_course(lessons=1)
    CourseCompetency.objects.create(
        course=tagged, competency=qd1, level=ProficiencyLevel.objects.get(rank=3)
    )
    with django_assert_max_num_queries(4):
        offered = [offer for offer in offers() if offer.key.startswith("course:")]
    assert [(o.title, o.develops) for o in offered] == [(tagged.title, ((qd1.pk, 3),))]
    assert offered[0].url == tagged.url
