"""Learners and trainers in Chromium: curriculum, lessons, resume, certificate, authoring."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP

from courses import selectors, services
from courses.models import Certificate, CoursePage, CourseProgress, LessonPage
from courses.services import CurriculumEntry
from lms.home.services import site_root_ensure
from tests.conftest import TEST_PASSWORD, TOTP_SECRET, current_totp
from tests.courses.conftest import SAMPLE_BODY
from tests.e2e.conftest import axe_violations, browser_log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _course_index():
    return services.course_index_create_or_update(
        parent=site_root_ensure(), title="Kurse", slug="kurse"
    )


def _course(index, *, title, slug, lessons=3, roles=()):
    course = services.course_create_or_update(
        index=index,
        title=title,
        slug=slug,
        summary="Wie Verwaltungsdaten entstehen und wo sie verzerrt sind.",
        objectives=["Sie können Verzerrungen in Verwaltungsdaten erkennen."],
        duration_minutes=90,
        audience_roles=roles,
    )
    for n in range(1, lessons + 1):
        services.lesson_create_or_update(
            course=course,
            title=f"Lektion {n}: Datenquellen prüfen",
            slug=f"lektion-{n}",
            summary="Woher die Zahlen stammen.",
            body=SAMPLE_BODY,
        )
    return course


@pytest.fixture
def curriculum_course(make_role):
    role = make_role()
    course = _course(_course_index(), title="Datenqualität verstehen", slug="daten", roles=[role])
    services.curriculum_update_or_create(
        slug="sb",
        title="Pflichtprogramm Sachbearbeitung",
        job_roles=[role],
        entries=[CurriculumEntry(course, True, 90)],
    )
    return role, course


def _log_out(page):
    page.click("form[action='/accounts/logout/'] button[type=submit]")
    page.wait_for_load_state("networkidle")


def test_learner_follows_curriculum_resumes_finishes_and_downloads_certificate(
    page, make_user, curriculum_course
):
    role, course = curriculum_course
    learner = make_user("lea@example.org", job_roles=[role], first_name="Lea", last_name="Lindner")
    lessons = selectors.course_lessons(course=course)
    browser_log_in(page, "lea@example.org", TEST_PASSWORD)

    page.goto("/learn/")
    assert page.get_by_role("heading", name="Pflichtprogramm Sachbearbeitung").is_visible()
    start = page.locator(f"form[action='/learn/courses/{course.pk}/continue/'] button").first
    assert start.inner_text().startswith("Beginnen")
    start.click()
    page.wait_for_url(f"**{lessons[0].url}")
    page.get_by_role("button", name="Lektion abschließen und weiter").click()
    page.wait_for_url(f"**{lessons[1].url}")
    page.wait_for_load_state("networkidle")  # the "experienced" beacon has been sent

    # Leave, come back later, and resume at the exact lesson.
    _log_out(page)
    browser_log_in(page, "lea@example.org", TEST_PASSWORD)
    page.goto("/learn/")
    resume = page.locator(f"form[action='/learn/courses/{course.pk}/continue/'] button").first
    assert not resume.inner_text().startswith("Beginnen")
    resume.click()
    page.wait_for_url(f"**{lessons[1].url}")
    assert page.get_by_text("1 von 3 Lektionen abgeschlossen").is_visible()

    page.get_by_role("button", name="Lektion abschließen und weiter").click()
    page.wait_for_url(f"**{lessons[2].url}")
    page.get_by_role("button", name="Lektion abschließen", exact=True).click()
    page.wait_for_url(f"**{course.url}")
    assert CourseProgress.objects.get(user=learner, course=course).completed_at is not None
    certificate = Certificate.objects.get(user=learner, course=course)
    with page.expect_download() as download:
        page.get_by_role("link", name="Zertifikat herunterladen (PDF)").click()
    assert download.value.suggested_filename == f"zertifikat-{certificate.code}.pdf"

    page.goto(f"/learn/certificates/verify/?code={certificate.code}")
    assert page.get_by_text("Dieses Zertifikat ist echt.").is_visible()
    assert page.locator("main dd").first.inner_text() == "Lea Lindner"


def _submit(page, *, slug):
    """Set the slug (on the Promote tab) and submit the page to the release in the actions
    menu (trainers cannot publish; tests/e2e/test_course_release.py walks the reviewer's
    side in the browser)."""
    page.evaluate("(slug) => { document.querySelector('#id_slug').value = slug; }", slug)
    page.locator("button[name=action-submit]").dispatch_event("click")
    page.wait_for_url(lambda url: "/add/" not in url)


def _approve(page_object, reviewer):
    """A reviewer approves the page's waiting release task (publishing it)."""
    task_state = page_object.current_workflow_task_state
    task_state.task.specific.on_action(task_state, reviewer, "approve")


def test_trainer_creates_a_course_that_learners_find_once_released(page, make_user, browser):
    index = _course_index()
    trainer = make_user("trainer@example.org", groups=("Learner", "Trainer"))
    if not Authenticator.objects.filter(user=trainer).exists():
        TOTP.activate(trainer, TOTP_SECRET)
    make_user("lea@example.org")
    browser_log_in(page, "trainer@example.org", TEST_PASSWORD)
    page.fill("input[name=code]", current_totp())
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")

    page.goto(f"/cms/pages/add/courses/coursepage/{index.pk}/")
    page.wait_for_load_state("networkidle")
    page.fill("#id_title", "Open Data in der Kommune")
    page.fill("#id_summary", "Welche Daten eine Kommune veröffentlichen darf und wie.")
    _submit(page, slug="open-data")
    course = CoursePage.objects.get(title="Open Data in der Kommune")
    assert not course.live and course.workflow_in_progress

    page.goto(f"/cms/pages/add/courses/lessonpage/{course.pk}/")
    page.wait_for_load_state("networkidle")
    page.fill("#id_title", "Was offene Daten sind")
    page.locator("[data-streamfield-stream-container] button[title]").first.click()
    page.get_by_role("option", name="Überschrift").first.click()
    page.locator("input[name='body-0-value-text']").fill(
        "Offene Daten nach dem E-Government-Gesetz"
    )
    _submit(page, slug="was-offene-daten-sind")
    lesson = LessonPage.objects.child_of(course).get()
    assert not lesson.live and lesson.workflow_in_progress

    reviewer = make_user("freigabe@example.org", groups=("Learner", "Reviewer"))
    _approve(course, reviewer)
    _approve(lesson, reviewer)
    lesson.refresh_from_db()
    assert lesson.live and lesson.title == "Was offene Daten sind"

    learner_context = browser.new_context(base_url=page.url.split("/cms/")[0], locale="de-DE")
    learner_page = learner_context.new_page()
    browser_log_in(learner_page, "lea@example.org", TEST_PASSWORD)
    learner_page.goto("/learn/catalogue/?q=Open+Data")
    learner_page.get_by_role("link", name="Open Data in der Kommune").click()
    learner_page.wait_for_url(f"**{course.url}")
    assert learner_page.get_by_role("link", name="Was offene Daten sind").is_visible()
    learner_context.close()


def test_learner_pages_pass_axe(page, make_user, curriculum_course):
    role, course = curriculum_course
    learner = make_user("lea@example.org", job_roles=[role])
    lessons = selectors.course_lessons(course=course)
    services.course_continue(user=learner, course=course)
    services.lesson_experience(user=learner, lesson=lessons[0])
    services.lesson_complete(user=learner, lesson=lessons[0])
    browser_log_in(page, "lea@example.org", TEST_PASSWORD)
    for path in [
        "/learn/",
        "/learn/catalogue/",
        "/learn/catalogue/?q=Daten",
        course.url,
        lessons[1].url,
        "/kurse/",
        "/learn/certificates/verify/",
        "/learn/certificates/verify/?code=QD-XXXX",
    ]:
        page.goto(path)
        page.wait_for_load_state("networkidle")
        assert axe_violations(page) == [], path
    # The case study's model answer opens on request.
    page.goto(lessons[1].url)
    button = page.get_by_role("button", name="Musterlösung anzeigen").first
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
