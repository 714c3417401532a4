"""The learner's pages through HTTP: outline, lessons, dashboard, catalogue, certificates."""

import pytest
from django.test import Client

from courses import selectors, services
from courses.models import Certificate
from tests.conftest import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_for():
    def make(user):
        return log_in(Client(), user)

    return make


def test_course_and_lesson_pages_need_a_login(make_course):
    course = make_course(lessons=1)
    response = Client().get(course.url, follow=True)
    assert response.redirect_chain[-1][0].startswith("/accounts/login/?next=")
    assert Client().get("/learn/").status_code == 302


def test_learner_completes_a_lesson_and_sees_the_progress_after_reload(
    make_course, learner, client_for
):
    course = make_course(lessons=2)
    lessons = selectors.course_lessons(course=course)
    client = client_for(learner)
    response = client.post(f"/learn/courses/{course.pk}/continue/")
    assert response["Location"] == lessons[0].url
    assert client.post(f"/learn/lessons/{lessons[0].pk}/experienced/").status_code == 201
    response = client.post(f"/learn/lessons/{lessons[0].pk}/complete/")
    assert response["Location"] == lessons[1].url
    page = client.get(course.url).content.decode()
    assert "1 von 2 Lektionen abgeschlossen" in page or "1 of 2 lessons completed" in page
    lesson_page = client.get(lessons[0].url).content.decode()
    assert "lesson__finish" in lesson_page


def test_learner_actions_need_post_and_csrf(make_course, learner):
    course = make_course(lessons=1)
    lesson = selectors.course_lessons(course=course)[0]
    client = log_in(Client(), learner)
    client.handler.enforce_csrf_checks = True
    assert client.get(f"/learn/lessons/{lesson.pk}/complete/").status_code == 405
    assert client.post(f"/learn/lessons/{lesson.pk}/complete/").status_code == 403


def test_experienced_without_enrolment_is_a_json_error(make_course, learner, client_for):
    lesson = selectors.course_lessons(course=make_course(lessons=1))[0]
    response = client_for(learner).post(f"/learn/lessons/{lesson.pk}/experienced/")
    assert response.status_code == 409 and "error" in response.json()


def test_unknown_lesson_is_404(learner, client_for):
    assert client_for(learner).post("/learn/lessons/999999/complete/").status_code == 404


def test_certificate_pdf_is_for_its_owner_only(make_course, learner, make_user, client_for):
    course = make_course(lessons=1)
    services.lesson_complete(user=learner, lesson=selectors.course_lessons(course=course)[0])
    code = Certificate.objects.get(user=learner).code
    response = client_for(learner).get(f"/learn/certificates/{code}.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert client_for(make_user()).get(f"/learn/certificates/{code}.pdf").status_code == 404


def test_public_verification_shows_only_name_course_and_date(make_course, learner):
    course = make_course(lessons=1, title="Daten schützen im Alltag")
    services.lesson_complete(user=learner, lesson=selectors.course_lessons(course=course)[0])
    code = Certificate.objects.get(user=learner).code
    page = Client().get("/learn/certificates/verify/", {"code": code.lower()}).content.decode()
    assert "Daten schützen im Alltag" in page
    assert learner.get_full_name() in page
    assert learner.email not in page
    missing = Client().get("/learn/certificates/verify/", {"code": "QD-NOPE"}).content.decode()
    assert "Daten schützen im Alltag" not in missing


def test_catalogue_search_and_filters(make_course, learner, client_for):
    make_course(lessons=1, title="Diagramme, die täuschen")
    make_course(lessons=1, title="Datenschutz in der Sachbearbeitung", duration_minutes=300)
    client = client_for(learner)
    page = client.get("/learn/catalogue/", {"q": "Diagramme"}).content.decode()
    assert "Diagramme, die täuschen" in page and "Datenschutz in der Sachbearbeitung" not in page
    page = client.get("/learn/catalogue/", {"duration": "long"}).content.decode()
    assert "Diagramme, die täuschen" not in page and "Datenschutz in der Sachbearbeitung" in page
    assert client.get("/learn/catalogue/", {"duration": "forever"}).status_code == 200


def _queries_for(django_assert_max_num_queries, client, url, limit):
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("page", ["outline", "lesson", "dashboard"])
def test_query_count_does_not_grow_with_lessons(
    page, make_course, learner, client_for, django_assert_max_num_queries
):
    counts = []
    # The first course only warms the process's caches (content types, the site root): the
    # first request of a process costs more, whichever page it asks for.
    for lessons in (1, 2, 12):
        course = make_course(lessons=lessons)
        services.course_continue(user=learner, course=course)
        all_lessons = selectors.course_lessons(course=course)
        for lesson in all_lessons[: lessons // 2]:
            services.lesson_experience(user=learner, lesson=lesson)
            services.lesson_complete(user=learner, lesson=lesson)
        url = {
            "outline": course.url,
            "lesson": all_lessons[-1].url,
            "dashboard": "/learn/",
        }[page]
        counts.append(_queries_for(django_assert_max_num_queries, client_for(learner), url, 40))
    assert counts[1] == counts[2]


def test_course_analytics_in_the_admin_for_trainers_only(make_course, make_user, learner):
    course = make_course(lessons=2)
    services.course_continue(user=learner, course=course)
    trainer = make_user("trainer@example.org", groups=("Learner", "Trainer"))
    client = log_in(Client(), trainer)
    page = client.get("/cms/course-analytics/").content.decode()
    assert course.title in page
    detail = client.get(f"/cms/course-analytics/{course.pk}/")
    assert detail.status_code == 200
    assert "Lektion 1: Datenquellen" in detail.content.decode()
    learner_client = log_in(Client(), learner)
    assert learner_client.get("/cms/course-analytics/").status_code in (302, 403)


def test_trainer_edits_curricula_in_the_admin(make_user):
    trainer = make_user("trainer@example.org", groups=("Learner", "Trainer"))
    client = log_in(Client(), trainer)
    assert client.get("/cms/snippets/courses/curriculum/").status_code == 200
    assert client.get("/cms/snippets/courses/curriculum/add/").status_code == 200
