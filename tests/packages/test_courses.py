"""A content package as a course unit: launch with the enrolment, completion counts."""

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import translation

from courses import selectors as course_selectors
from courses import services as course_services
from courses.models import Certificate, CourseProgress
from lms.packages import selectors as package_selectors
from lms.packages.models import ContentPackagePage
from tests.conftest import log_in
from tests.packages.test_services import TINCAN_ID, statement, xapi


@pytest.fixture
def course_with_unit(make_course, make_package):
    course = make_course(lessons=1)
    package = make_package()
    unit = ContentPackagePage(
        title="Datenschutz am Schalter", slug="datenschutz", package=package, required=True
    )
    course.add_child(instance=unit)
    unit.save_revision().publish()
    return course, unit


def test_course_allows_package_units(course_with_unit):
    course, unit = course_with_unit
    assert ContentPackagePage in course.specific_class.allowed_subpage_models()
    assert unit.get_parent().pk == course.pk


def test_unit_launch_needs_enrolment_and_counts_for_completion(client, make_user, course_with_unit):
    course, unit = course_with_unit
    learner = make_user("lea@example.org")
    log_in(client, learner)
    with translation.override("de"):
        refused = client.post(f"/content/unit/{unit.pk}/start/")
    assert refused.status_code == 403
    assert "Bitte schreiben Sie sich zuerst in den Kurs ein." in refused.content.decode()

    enrolment = course_services.course_enrol(user=learner, course=course)
    lesson = course.get_children().specific().first()
    course_services.course_continue(user=learner, course=course)
    course_services.lesson_complete(user=learner, lesson=lesson)
    progress = CourseProgress.objects.get(user=learner, course=course)
    assert progress.completed_at is None  # the package unit is still open

    page = client.get(course.url)
    assert "Datenschutz am Schalter" in page.content.decode()
    assert client.get(unit.url).status_code == 200

    response = client.post(f"/content/unit/{unit.pk}/start/")
    assert response.status_code == 302
    params = {k: v[0] for k, v in parse_qs(urlsplit(response["Location"]).query).items()}
    assert params["registration"] == str(enrolment.registration)
    actor = json.loads(params["actor"])
    done = statement(actor, "completed", TINCAN_ID, enrolment.registration)
    assert xapi(client, "post", "statements", params["auth"], done).status_code == 200

    progress.refresh_from_db()
    assert progress.completed_at is not None
    assert Certificate.objects.filter(user=learner, course=course).exists()
    assert "Abgeschlossen" in client.get(unit.url).content.decode()


def test_unit_resolution_ignores_foreign_and_odd_iris(course_with_unit, make_package):
    course, _unit = course_with_unit
    cmi5_package = make_package("cmi5_basic")
    au = cmi5_package.aus[0]["activity_id"]
    found = package_selectors.units_for_activities(
        iris={
            TINCAN_ID + "/schalter",
            au + "/slide/0",  # a cmi5 "allowed" statement about a part of the AU
            "https://qualifica-digitalis.example/xapi/activities/cmi5-au/kein-paket/x",
            "https://example.com/vid/id1924",
        }
    )
    assert [parent for _page, parent in found[TINCAN_ID + "/schalter"]] == [course.pk]
    assert set(found) == {TINCAN_ID + "/schalter"}  # the cmi5 package is in no course


def test_unit_page_lets_its_start_form_reach_the_content_host(
    client, make_user, course_with_unit, settings
):
    settings.QD_CONTENT_ORIGIN = "https://inhalte.example.org"
    course, unit = course_with_unit
    learner = make_user("lea@example.org")
    course_services.course_enrol(user=learner, course=course)
    log_in(client, learner)
    page = client.get(unit.url)
    assert page.status_code == 200
    assert "form-action 'self' https://inhalte.example.org" in page["Content-Security-Policy"]
    start = client.post(f"/content/unit/{unit.pk}/start/")
    assert start.status_code == 302
    assert start["Location"].startswith("https://inhalte.example.org/content/files/")


def test_package_units_stand_in_the_outline_in_order(
    client, make_user, course_with_unit, django_assert_max_num_queries
):
    course, unit = course_with_unit  # lesson 1, then the unit
    course_services.lesson_create_or_update(
        course=course,
        title="Lektion 2: Auskunftsrechte",
        slug="lektion-2",
        summary="Was Betroffene erfahren dürfen.",
        body=[],
    )
    learner = make_user("lea@example.org")
    enrolment = course_services.course_enrol(user=learner, course=course)
    outline = course_selectors.course_outline(course=course, user=learner)
    items = outline["outline"]
    assert [(item.number, item.lesson.title, item.kind) for item in items] == [
        (1, "Lektion 1: Datenquellen", "lesson"),
        (2, "Datenschutz am Schalter", "package"),
        (3, "Lektion 2: Auskunftsrechte", "lesson"),
    ]
    assert items[1].status == "not_started" and outline["lessons_total"] == 3

    params = {
        k: v[0]
        for k, v in parse_qs(urlsplit(_start(client, learner, unit)["Location"]).query).items()
    }
    actor = json.loads(params["actor"])
    done = statement(actor, "completed", TINCAN_ID, enrolment.registration)
    assert xapi(client, "post", "statements", params["auth"], done).status_code == 200
    outline = course_selectors.course_outline(course=course, user=learner)
    assert outline["outline"][1].status == "completed"
    assert outline["lessons_completed"] == 1

    # The course page and a lesson page show the unit in the outline, with its status.
    with django_assert_max_num_queries(40):
        page = client.get(course.url).content.decode()
    outline_html = page[page.index('class="outline"') :]
    assert outline_html.index("Lektion 1") < outline_html.index("Datenschutz am Schalter")
    assert outline_html.index("Datenschutz am Schalter") < outline_html.index("Lektion 2")
    lesson = course.get_children().specific().first()
    lesson_page = client.get(lesson.url).content.decode()
    assert f'href="{unit.url}"' in lesson_page


def _start(client, learner, unit):
    log_in(client, learner)
    response = client.post(f"/content/unit/{unit.pk}/start/")
    assert response.status_code == 302
    return response


def test_catalogue_dashboard_and_course_page_count_package_units_alike(
    client, make_user, course_with_unit
):
    course, _unit = course_with_unit
    learner = make_user("lea@example.org")
    course_services.course_continue(user=learner, course=course)
    log_in(client, learner)
    with translation.override("de"):
        catalogue = client.get("/learn/catalogue/").content.decode()
        dashboard = client.get("/learn/").content.decode()
        page = client.get(course.url).content.decode()
    assert "2 Lektionen" in catalogue
    assert "0 von 2 Lektionen abgeschlossen" in dashboard
    assert "0 von 2 Lektionen abgeschlossen" in page
    assert course_selectors.unit_counts([course]) == {course.pk: 2}
