"""The demo steps build courses, curricula and activity through the services."""

import datetime as dt
import io

import pytest
from django.utils import timezone
from wagtail.models import WorkflowPage

from assessments.models import Assessment, Question
from courses import demo, selectors
from courses.models import CoursePage, Curriculum, Enrolment, LessonPage
from lms.xapi.models import Statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample_content(monkeypatch):
    monkeypatch.setattr(demo, "CONTENT_MODULES", ("tests.courses.demo_sample",))


def test_demo_builds_pages_curricula_and_activity_idempotently(
    sample_content, framework, make_user, make_role
):
    sb = make_role("sachbearbeitung", "Sachbearbeitung")
    make_role("fuehrungskraft", "Führungskraft")
    lea = make_user("lea@example.org", job_roles=[sb])
    colleagues = [make_user(job_roles=[sb]) for _ in range(6)]
    out = io.StringIO()
    for _ in range(2):
        demo.load_courses_demo(out, personas={"Learner": lea}, colleagues=colleagues)
        demo.load_courses_activity_demo(out, personas={"Learner": lea}, colleagues=colleagues)
    assert CoursePage.objects.live().count() == 2
    assert LessonPage.objects.live().count() == 8
    statistik = CoursePage.objects.get(slug="statistik-lesen")
    assert list(statistik.prerequisites.values_list("slug", flat=True)) == ["datenqualitaet"]
    dq = CoursePage.objects.get(slug="datenqualitaet")
    assert dq.final_assessment.title == "Abschlusstest: Datenqualität"
    assert [d.level.rank for d in dq.develops.all()] == [3]
    assert dq.validity_months == 24 and statistik.validity_months is None
    assert Assessment.objects.count() == 1
    assert Question.objects.count() == 4 * 2 + 1  # a knowledge check per lesson + the test
    assert set(Curriculum.objects.values_list("slug", flat=True)) >= {
        "datenkompetenz-probe",
        "rolle-sachbearbeitung",
        "rolle-fuehrungskraft",
    }
    union = selectors.curriculum_for_user(user=lea)
    assert {entry.course.slug for entry in union} == {"datenqualitaet", "statistik-lesen"}
    outline = selectors.course_outline(course=union[0].course, user=lea)
    assert outline["lessons_completed"] == 2
    assert outline["resume_lesson"] == outline["outline"][2].lesson
    assert Enrolment.objects.exclude(user=lea).exists()
    # The colleagues' learning is spread over the past year (so HR trends show a history)
    # and never lies in the future.
    stamps = list(
        Statement.objects.filter(user__in=colleagues)
        .order_by("timestamp")
        .values_list("timestamp", flat=True)
    )
    now = timezone.now()
    assert stamps and stamps[-1] < now
    assert stamps[0] < now - dt.timedelta(days=30)
    assert len({(now - stamp).days // 30 for stamp in stamps}) >= 3
    index = CoursePage.objects.get(slug="datenqualitaet").get_parent()
    assert WorkflowPage.objects.get(page=index).workflow.name == "Kursfreigabe"


def test_demo_fills_legal_status_sources_and_the_review_cycle(sample_content, framework, make_user):
    trainer = make_user("trainer@example.org", groups=("Learner", "Trainer"))
    demo.load_courses_demo(io.StringIO(), personas={"Trainer": trainer}, colleagues=[])
    dq = CoursePage.objects.get(slug="datenqualitaet")
    assert dq.content_owner == trainer and dq.review_interval_months == 6
    assert CoursePage.objects.get(slug="statistik-lesen").review_interval_months == 12
    first = LessonPage.objects.get(slug="dq-1")
    assert first.legal_status == dt.date(2026, 12, 4)
    assert [(s.value["kind"], s.value["label"]) for s in first.sources] == [
        ("norm", "§ 35a VwVfG"),
        ("judgment", "EuGH, Urt. v. 07.12.2023, C-634/21 (SCHUFA)"),
    ]
    second = LessonPage.objects.get(slug="dq-2")
    assert second.legal_status is None and len(second.sources) == 0
    assert [c.lesson.slug for c in selectors.lessons_citing(norm="§ 35a VwVfG")] == [
        "dq-1",
        "st-1",
    ]


def test_demo_without_content_does_nothing(monkeypatch):
    monkeypatch.setattr(demo, "CONTENT_MODULES", ("tests.courses.not_there",))
    out = io.StringIO()
    demo.load_courses_demo(out, personas={}, colleagues=[])
    assert "no demo content" in out.getvalue()
    assert not CoursePage.objects.exists()


def test_demo_appends_each_simulator_to_its_named_lesson_once(
    sample_content, framework, monkeypatch
):
    from lms.demo.content import simulators

    lesson_slug = next(iter(demo.content_modules()[0].COURSES[0]["lessons"]))["slug"]
    placed = [("datenqualitaet", lesson_slug, value) for _c, _l, value in simulators.SIMULATORS]
    placed.append(("gibt-es-nicht", lesson_slug, simulators.PARKING))  # skipped quietly
    monkeypatch.setattr(simulators, "SIMULATORS", placed)
    for _ in range(2):
        demo.load_courses_demo(io.StringIO(), personas={}, colleagues=[])
    lesson = LessonPage.objects.get(slug=lesson_slug, url_path__contains="/datenqualitaet/")
    titles = [b.value["title"] for b in lesson.body if b.block_type == "decision_simulator"]
    assert titles == [value["title"] for _c, _l, value in simulators.SIMULATORS[:3]]
    assert lesson.live and not lesson.has_unpublished_changes


def test_demo_recertification_gives_the_manager_two_certificates(
    sample_content, framework, make_user, make_role, make_unit
):
    from courses.models import Certificate

    sb = make_role("sachbearbeitung", "Sachbearbeitung")
    make_role("fuehrungskraft", "Führungskraft")
    manager = make_user("fuehrung@example.org", job_roles=[sb])
    colleague = make_user(job_roles=[sb], org_unit=make_unit("Referat 22", code="ref-22"))
    personas = {"Manager": manager}
    out = io.StringIO()
    demo.load_courses_demo(out, personas=personas, colleagues=[colleague])
    for _ in range(2):  # idempotent
        demo.load_recertification_demo(out, personas=personas, colleagues=[colleague])

    course = CoursePage.objects.get(slug="datenqualitaet")
    earlier, latest = Certificate.objects.filter(user=manager, course=course).order_by("issued_at")
    assert earlier.is_expired and not latest.is_expired
    assert [e.attempt for e in Enrolment.objects.filter(user=manager).order_by("attempt")] == [1, 2]
    outline = selectors.course_outline(course=course, user=manager)
    assert outline["certificate"] == latest
    assert [past.certificate for past in outline["history"]] == [earlier]
    lapsed = Certificate.objects.get(user=colleague, course=course)
    assert lapsed.is_expired
    assert "recertification: 3 certificates" in out.getvalue()
