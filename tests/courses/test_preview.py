"""Wagtail's preview of course and lesson pages shows what learners will see.

Through Wagtail's own preview views: the edit form's data is posted to the preview URL,
then the preview is rendered, exactly as the preview panel of the editor does it. Pages
built from form data hold their relations in memory (modelcluster's ``FakeQuerySet``),
and a new course's lessons are not live yet.
"""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from courses import services
from courses.models import CoursePage, LessonPage
from tests.conftest import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer_client(make_user):
    return log_in(Client(), make_user("trainer@example.org", groups=("Learner", "Trainer")))


def _course_form(course, *, title=None, prerequisites=()):
    data = nested_form_data(
        {
            "title": title or course.title,
            "slug": course.slug,
            "summary": course.summary,
            "objectives": streamfield([("objective", "Sie erkennen Verzerrungen.")]),
            "duration_minutes": str(course.duration_minutes),
            "final_assessment": str(course.final_assessment_id or ""),
            "develops": inline_formset([]),
            "content_owner": "",
            "review_interval_months": "12",
            "comments": inline_formset([]),
        }
    )
    data["prerequisites"] = [str(p.pk) for p in prerequisites]  # a multiple-choice field
    return data


def _lesson_form(lesson, *, title=None, question=None):
    body = [("paragraph", rich_text("<p>Verwaltungsdaten entstehen im Vollzug.</p>"))]
    if question is not None:
        body.append(("knowledge_check", question.pk))
    return nested_form_data(
        {
            "title": title or lesson.title,
            "slug": lesson.slug,
            "summary": lesson.summary,
            "body": streamfield(body),
            "completion_rule": lesson.completion_rule,
            "required": "on" if lesson.required else "",
            "legal_status": "",
            "sources": streamfield([]),
            "comments": inline_formset([]),
        }
    )


def _preview(client, page, data):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    posted = client.post(url, data)
    assert posted.status_code == 200
    assert posted.json()["is_valid"], posted.json()
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _draft_course(make_course, course_index, **kwargs):
    """A new course: the course and its lessons saved as drafts, nothing live yet."""
    course = services.course_create_or_update(
        index=course_index,
        title="Neuer Kurs: Daten erklären",
        slug="neuer-kurs",
        summary="Noch nicht freigegeben.",
        publish=False,
        **kwargs,
    )
    lessons = [
        services.lesson_create_or_update(
            course=course,
            title=f"Entwurf {n}: Datenquellen",
            slug=f"entwurf-{n}",
            body=[("paragraph", "<p>Text</p>")],
            publish=False,
        )
        for n in (1, 2, 3)
    ]
    return course, lessons


def test_preview_of_a_published_course_renders_its_outline_and_prerequisites(
    make_course, trainer_client
):
    basics = make_course(lessons=1, title="Grundlagen")
    course = make_course(lessons=3, prerequisites=[basics])
    form = _course_form(course, title="Geänderter Titel", prerequisites=[basics])
    html = _preview(trainer_client, course, form)
    assert "Geänderter Titel" in html
    assert "Grundlagen" in html  # the prerequisites from the form, not the database
    assert "Lektion 1: Datenquellen" in html
    assert "0 von 3 Lektionen" in html or "0 of 3 lessons" in html


def test_preview_of_a_new_course_lists_its_unpublished_lessons(
    make_course, course_index, trainer_client
):
    course, _lessons = _draft_course(make_course, course_index)
    assert not course.live
    html = _preview(trainer_client, course, _course_form(course))
    for n in (1, 2, 3):
        assert f"Entwurf {n}: Datenquellen" in html
    assert "0 von 3 Lektionen" in html or "0 of 3 lessons" in html
    # Nothing in a preview writes: no enrolment form.
    assert reverse("courses:course_continue", args=[course.pk]) not in html


def test_preview_of_a_lesson_shows_its_place_and_its_knowledge_check(
    make_course, question, trainer_client
):
    course = make_course(lessons=3)
    lesson = LessonPage.objects.child_of(course).order_by("path")[1]
    html = _preview(trainer_client, lesson, _lesson_form(lesson, question=question))
    assert "Lektion 2 von 3" in html or "Lesson 2 of 3" in html
    assert "0 von 3 Lektionen" in html or "0 of 3 lessons" in html
    assert "None" not in html
    # The knowledge check as learners get it: the question and its answer fields.
    assert "Ein Bescheid darf nie vollautomatisch ergehen." in html
    assert f'name="q_{question.uuid}"' in html


def test_preview_of_a_draft_lesson_in_a_new_course(
    make_course, course_index, question, trainer_client
):
    _course, lessons = _draft_course(make_course, course_index)
    html = _preview(
        trainer_client, lessons[2], _lesson_form(lessons[2], title="Neu", question=question)
    )
    assert "Lektion 3 von 3" in html or "Lesson 3 of 3" in html
    assert "Entwurf 1: Datenquellen" in html  # the outline holds the other draft lessons
    assert "Ein Bescheid darf nie vollautomatisch ergehen." in html
    # Nothing in a preview writes: no completion form.
    assert reverse("courses:lesson_complete", args=[lessons[2].pk]) not in html


def test_previews_of_demo_courses_and_lessons_from_their_revisions(
    monkeypatch, framework, make_user, make_role, trainer_client
):
    """The demo's pages, previewed through Wagtail's revision preview (relations again in
    memory): a course with a prerequisite, a lesson with a knowledge check."""
    import io

    from courses import demo

    monkeypatch.setattr(demo, "CONTENT_MODULES", ("tests.courses.demo_sample",))
    make_role("sachbearbeitung", "Sachbearbeitung")
    make_role("fuehrungskraft", "Führungskraft")
    demo.load_courses_demo(io.StringIO(), personas={}, colleagues=[])
    course = CoursePage.objects.get(slug="statistik-lesen")
    lesson = LessonPage.objects.child_of(course).order_by("path").first()
    pages = {}
    for page in (course, lesson):
        url = reverse("wagtailadmin_pages:revisions_view", args=[page.pk, page.latest_revision_id])
        response = trainer_client.get(url)
        assert response.status_code == 200
        pages[page] = response.content.decode()
    assert "Datenqualität und Verzerrungen" in pages[course]  # its prerequisite
    assert "0 von 4 Lektionen" in pages[course] or "0 of 4 lessons" in pages[course]
    assert "Lektion 1 von 4" in pages[lesson] or "Lesson 1 of 4" in pages[lesson]
    assert "Ein Bescheid darf nie vollautomatisch ergehen." in pages[lesson]
