"""A learner launches a small Tin Can package from a course; its statements become progress."""

import io
import re
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from courses import services as course_services
from courses.models import CourseProgress
from lms.home.models import HomePage
from lms.packages import services
from lms.packages.models import ContentPackagePage, PackageProgress
from tests.conftest import TEST_PASSWORD
from tests.e2e.conftest import axe_violations, browser_log_in

FOLDER = Path(__file__).resolve().parent.parent / "packages" / "files" / "tincan_basic"


def _zip() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(FOLDER.iterdir()):
            archive.write(path, path.name)
    return SimpleUploadedFile("datenschutz.zip", buffer.getvalue())


def _course_with_unit(package):
    index = course_services.course_index_create_or_update(
        parent=HomePage.objects.get(), title="Kurse", slug="kurse"
    )
    course = course_services.course_create_or_update(
        index=index,
        title="Datenschutz im Bürgerkontakt",
        slug="datenschutz",
        summary="Personenbezogene Daten am Schalter und am Telefon schützen.",
    )
    unit = ContentPackagePage(title="Datenschutz am Schalter", slug="schalter", package=package)
    course.add_child(instance=unit)
    unit.save_revision().publish()
    return course, unit


@pytest.mark.django_db(transaction=True)
def test_learner_launches_tincan_package_and_progress_changes(
    page, browser, live_server, make_user, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    package = services.package_create(title="", upload=_zip())
    course, unit = _course_with_unit(package)
    learner = make_user("lernende@example.org")
    course_services.course_enrol(user=learner, course=course)

    browser_log_in(page, "lernende@example.org", TEST_PASSWORD)
    page.goto(unit.url)
    assert page.get_by_text("Sie haben diesen Inhalt noch nicht begonnen.").is_visible()
    assert axe_violations(page) == []
    page.goto(course.url)
    assert page.get_by_role("link", name="Datenschutz am Schalter").is_visible()
    assert axe_violations(page) == []

    # The ``page`` fixture bypasses CSP (to inject axe); the launch itself runs with every
    # policy in force, so the package's sandbox is real.
    context = browser.new_context(base_url=live_server.url, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    browser_log_in(page, "lernende@example.org", TEST_PASSWORD)
    page.goto(unit.url)
    page.click("#package-start")
    page.wait_for_url(re.compile(rf"/content/files/{package.uuid}/index.html\?"))
    status = page.locator("#status")
    status.filter(has_text="Bereit.").wait_for()
    progress = PackageProgress.objects.get(user=learner, package=package)
    assert progress.attempted_at is not None and progress.satisfied_at is None
    assert CourseProgress.objects.get(user=learner, course=course).completed_at is None
    page.click("#finish")
    status.filter(has_text="Abgeschlossen.").wait_for()
    progress.refresh_from_db()
    assert progress.completed_at is not None and progress.satisfied_at is not None
    assert CourseProgress.objects.get(user=learner, course=course).completed_at is not None
    # The package ran in an opaque origin: it cannot read the platform's cookies.
    cookies = "() => { try { return document.cookie; } catch (e) { return 'blocked'; } }"
    assert page.evaluate(cookies) == "blocked"
    assert page.evaluate("() => window.origin") == "null"
    page.goto(course.url)
    unit_item = page.locator(".package-units li", has_text="Datenschutz am Schalter")
    assert unit_item.locator(".badge--success").inner_text() == "Abgeschlossen"
    context.close()
