"""The Wagtail admin works under its Content-Security-Policy, in Chromium with the policy
enforced: sign-in with the second factor, page explorer, page editor with StreamField and the
image chooser, a snippet with an inline panel and a page chooser, reports with a date filter.
The browser reports no violation on any of these pages."""

from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from PIL import Image

from courses import services
from courses.models import Curriculum, LessonPage
from courses.services import CurriculumEntry
from lms.home.services import site_root_ensure
from tests.conftest import TEST_PASSWORD, TOTP_SECRET, current_totp
from tests.courses.conftest import SAMPLE_BODY, root_collection  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def authoring(root_collection, make_user):  # noqa: F811
    # root_collection first: trainers' image permissions are granted on it (make_user's
    # groups), and transactional tests before this one may have flushed it.
    trainer = make_user("trainer@example.org", groups=("Learner", "Trainer"))
    TOTP.activate(trainer, TOTP_SECRET)
    index = services.course_index_create_or_update(
        parent=site_root_ensure(), title="Kurse", slug="kurse"
    )
    courses = []
    for slug, title in (("daten", "Datenqualität verstehen"), ("statistik", "Statistik lesen")):
        course = services.course_create_or_update(
            index=index, title=title, slug=slug, summary="Worum es geht.", duration_minutes=60
        )
        services.lesson_create_or_update(
            course=course, title="Datenquellen prüfen", slug="quellen", summary="", body=SAMPLE_BODY
        )
        courses.append(course)
    curriculum = services.curriculum_update_or_create(
        slug="sb", title="Pflichtprogramm", entries=[CurriculumEntry(courses[0], True, 90)]
    )
    return {"index": index, "courses": courses, "curriculum": curriculum}


def _directives(policy: str) -> dict[str, str]:
    parts = (part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    return dict(parts)


def _sign_in_through_the_admin(page):
    page.goto("/cms/")
    assert "/accounts/login/" in page.url  # Wagtail's own login page is gone
    page.fill("input[name=login]", "trainer@example.org")
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/accounts/2fa/authenticate/")
    page.fill("input[name=code]", current_totp())
    page.click("main form button[type=submit]")
    page.wait_for_url("**/cms/")


def test_the_admin_works_under_its_content_security_policy(
    strict_page, authoring, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    page = strict_page
    _sign_in_through_the_admin(page)

    # Page explorer, with the admin's policy on the response.
    response = page.goto(f"/cms/pages/{authoring['index'].pk}/")
    policy = _directives(response.headers["content-security-policy"])
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["style-src-elem"] == "'self' 'unsafe-inline'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'self'"
    assert page.get_by_role("link", name="Datenqualität verstehen").first.is_visible()

    # Page editor: a StreamField image block, its image uploaded in the chooser's modal.
    lesson = LessonPage.objects.child_of(authoring["courses"][0]).get()
    page.goto(f"/cms/pages/{lesson.pk}/edit/")
    page.wait_for_load_state("networkidle")
    # The lesson body (the sources below it are a stream too).
    body = page.locator("[data-contentpath=body]")
    body.locator("[data-streamfield-stream-container] button[title]").last.click()
    page.get_by_role("option", name="Bild", exact=True).click()
    choose_image = page.get_by_role("button", name="Bild auswählen").last
    choose_image.wait_for()
    choose_image.click()
    page.wait_for_selector(".modal-content [role=tab]", timeout=30_000)
    page.get_by_role("tab", name="Hochladen").click()
    image = Path(tmp_path) / "rechteck.png"
    Image.new("RGB", (64, 48), (200, 30, 30)).save(image)
    page.set_input_files(".modal-content input[type=file]", str(image))
    page.fill(".modal-content input[name='image-chooser-upload-title']", "Rechteck")
    page.locator(".modal-content form button[type=submit]").last.click()
    page.wait_for_selector(".modal-content", state="detached")
    page.locator("input[name$='-value-alt_text']").last.fill("Ein rotes Rechteck")
    page.get_by_role("button", name="Entwurf speichern").click()
    page.wait_for_load_state("networkidle")
    draft = LessonPage.objects.get(pk=lesson.pk).get_latest_revision_as_object()
    images = [block.value["image"] for block in draft.body if block.block_type == "image"]
    assert [image.title for image in images] == ["Rechteck"]

    # A snippet with an inline panel: a new row, its page chosen in the page chooser.
    curriculum = authoring["curriculum"]
    page.goto(f"/cms/snippets/courses/curriculum/edit/{curriculum.pk}/")
    page.wait_for_load_state("networkidle")
    page.locator("#id_items-ADD").click()
    row = page.locator("#inline_child_items-1")
    row.locator("button.chooser__choose-button").click()
    page.locator(".modal-content a.choose-page", has_text="Statistik lesen").click()
    page.wait_for_selector(".modal-content", state="detached")
    assert row.locator(".chooser__title").inner_text() == "Statistik lesen"
    page.locator("input[name='items-1-due_days']").fill("30")
    page.get_by_role("button", name="Speichern", exact=True).click()
    page.wait_for_load_state("networkidle")
    titles = Curriculum.objects.get(pk=curriculum.pk).items.values_list("course__title", flat=True)
    assert sorted(titles) == ["Datenqualität verstehen", "Statistik lesen"]

    # Reports: a listing with a date filter, whose date picker opens.
    page.goto("/cms/reports/site-history/")
    page.get_by_role("button", name="Filter anzeigen").click()
    page.get_by_role("button", name="Datum").click()
    page.locator("#id_timestamp_0").click()
    page.wait_for_selector(".xdsoft_datetimepicker", state="visible")
    for path in ("/cms/reports/locked/", "/cms/reports/aging-pages/", "/cms/snippets/"):
        page.goto(path)
        page.wait_for_load_state("networkidle")

    assert page.csp_violations == []
