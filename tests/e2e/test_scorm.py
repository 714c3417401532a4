"""SCORM 1.2 and 2004 packages in Chromium: the player on the content host, resume, rollup.

The SCOs are our own (``tests/packages/files/scorm12_basic`` and ``scorm2004_multi``):
they look for the run-time API in their parent frames as published SCORM content does,
and report location, suspend data, interactions and scores.
"""

import re
import time
from pathlib import Path

import pytest

from courses import services as course_services
from courses.models import CourseProgress
from lms.home.models import HomePage
from lms.packages import demo as package_demo
from lms.packages import services
from lms.packages.models import ContentPackagePage, PackageProgress, ScormAttempt
from tests.conftest import TEST_PASSWORD
from tests.e2e.conftest import browser_log_in

FILES = Path(__file__).resolve().parent.parent / "packages" / "files"
PLAYER = re.compile(r"^http://127\.0\.0\.1:\d+/content/scorm/player/$")


@pytest.fixture(autouse=True)
def _package_files(package_storage):
    return package_storage


def _course_with_unit(folder: str, title: str):
    package = services.package_create(title="", upload=package_demo.zip_folder(FILES / folder))
    index = course_services.course_index_create_or_update(
        parent=HomePage.objects.get(), title="Kurse", slug="kurse"
    )
    course = course_services.course_create_or_update(
        index=index, title="Aktenführung", slug="akten", summary="Ordnungsgemäße Aktenführung."
    )
    unit = ContentPackagePage(title=title, slug="scorm", package=package)
    course.add_child(instance=unit)
    unit.save_revision().publish()
    return course, unit, package


def _context(browser, live_server, email):
    """A learner's browser with every policy in force, recording refused run-time calls."""
    context = browser.new_context(base_url=live_server.url, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    refused, errors = [], []
    context.on(
        "response",
        lambda response: (
            refused.append((response.url, response.status))
            if "/content/" in response.url and response.status >= 400
            else None
        ),
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    browser_log_in(page, email, TEST_PASSWORD)
    return context, page, refused, errors


def _wait_for(check, seconds=10.0):
    """Wait until the server has stored what the browser sent (requests are asynchronous)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out waiting for the server")


@pytest.mark.django_db(transaction=True)
def test_scorm_12_suspend_resume_score_and_course_completion(
    browser, live_server, make_user, settings, tmp_path, transactional_db
):
    settings.MEDIA_ROOT = tmp_path
    # The same server under a second host name: another origin, no session cookies.
    settings.QD_CONTENT_ORIGIN = live_server.url.replace("localhost", "127.0.0.1")
    from lms.home.services import site_root_ensure

    site_root_ensure()
    course, unit, package = _course_with_unit("scorm12_basic", "Grundbegriffe")
    learner = make_user("lernende@example.org")
    course_services.course_enrol(user=learner, course=course)
    context, page, refused, errors = _context(browser, live_server, "lernende@example.org")

    page.goto(unit.url)
    page.click("#package-start")
    page.wait_for_url(PLAYER)  # the credential left the address bar with the fragment
    assert page.evaluate("() => document.cookie") == ""  # no platform cookie on this host
    sco = page.frame_locator("#scorm-frame")
    sco.locator("body[data-api=found]").wait_for()
    assert sco.locator("#entry").inner_text() == "ab-initio"
    assert sco.locator("#launch-data").inner_text() == "mode=kurs"
    sco.locator("#page-2").click()
    _wait_for(lambda: ScormAttempt.objects.filter(user=learner, location="seite-2").exists())
    sco.locator("#suspend-exit").click()
    _wait_for(lambda: ScormAttempt.objects.filter(user=learner, exit="suspend").exists())

    # Close and launch again: the attempt resumes where it was suspended.
    page.goto(unit.url)
    page.locator(".package-state").wait_for()
    page.click("#package-start")
    page.wait_for_url(PLAYER)
    sco = page.frame_locator("#scorm-frame")
    sco.locator("body[data-api=found]").wait_for()
    assert sco.locator("#entry").inner_text() == "resume"
    assert sco.locator("#location").inner_text() == "seite-2"
    assert sco.locator("#suspend").inner_text() == "gelesen=1,2"
    sco.locator("#answer").click()
    sco.locator("#finish").click()
    attempt = _wait_for(
        lambda: ScormAttempt.objects.filter(
            user=learner, completion_status="passed", terminated=True
        ).first()
    )
    assert attempt.number == 1
    assert attempt.score_scaled == 0.9
    assert attempt.interactions[0]["id"] == "frage-1"
    assert attempt.total_seconds == 90 + 120

    page.click("#scorm-back")
    page.wait_for_url(re.compile(r"^http://localhost:\d+/"))
    page.locator(".package-state .badge--success").first.wait_for()
    progress = PackageProgress.objects.get(user=learner, package=package)
    assert progress.satisfied_at is not None and progress.score_scaled == 0.9
    assert CourseProgress.objects.get(user=learner, course=course).completed_at is not None

    # Finished: it opens again in review mode.
    page.click("#package-start")
    page.wait_for_url(PLAYER)
    page.locator("#scorm-message").filter(has_text="Wiederholungsmodus").wait_for()
    assert refused == []
    assert errors == []
    context.close()


@pytest.mark.django_db(transaction=True)
def test_scorm_2004_multi_sco_navigation_toc_and_rollup(
    browser, live_server, make_user, settings, tmp_path, transactional_db
):
    settings.MEDIA_ROOT = tmp_path
    settings.QD_CONTENT_ORIGIN = live_server.url.replace("localhost", "127.0.0.1")
    from lms.home.services import site_root_ensure

    site_root_ensure()
    course, unit, package = _course_with_unit("scorm2004_multi", "Aktenführung kompakt")
    learner = make_user("lernende@example.org")
    course_services.course_enrol(user=learner, course=course)
    context, page, refused, errors = _context(browser, live_server, "lernende@example.org")

    page.goto(unit.url)
    page.get_by_role("button", name="„Teil A: Grundsätze“ starten").click()
    page.wait_for_url(PLAYER)
    toc = page.locator("#scorm-toc")
    toc.wait_for()
    assert toc.locator("li").count() == 2
    sco = page.frame_locator("#scorm-frame")
    sco.locator("h1", has_text="Teil a").wait_for()
    sco.locator("body[data-api=found]").wait_for()
    assert sco.locator("#launch-data").inner_text() == "teil=a"
    sco.locator("#answer").click()
    # "Beenden" sets adl.nav.request=continue and terminates: the player goes on to B.
    sco.locator("#finish").click()
    page.locator("#scorm-title").filter(has_text="Teil B: Prüfung").wait_for()
    page.locator("[data-sco='0']").filter(has_text="Bestanden").wait_for()
    sco = page.frame_locator("#scorm-frame")
    sco.locator("h1", has_text="Teil b").wait_for()
    sco.locator("body[data-api=found]").wait_for()
    assert PackageProgress.objects.get(user=learner, package=package).satisfied_at is None
    sco.locator("#answer").click()
    page.locator("[data-sco='1']").filter(has_text="Bestanden").wait_for()
    # Choice: back to A from the table of contents (finished: review mode).
    page.locator("[data-sco='0'] button").click()
    page.locator("#scorm-message").filter(has_text="Wiederholungsmodus").wait_for()

    progress = _wait_for(
        lambda: PackageProgress.objects.filter(
            user=learner, package=package, satisfied_at__isnull=False
        ).first()
    )
    assert progress.au_state["1"]["passed"] is True
    assert CourseProgress.objects.get(user=learner, course=course).completed_at is not None
    page.click("#scorm-back")
    page.locator(".package-state .badge--success").first.wait_for()
    assert refused == []
    assert errors == []
    context.close()


@pytest.mark.django_db(transaction=True)
def test_closing_the_window_keeps_what_the_sco_set_and_relaunch_restores_it(
    browser, live_server, make_user, settings, tmp_path, transactional_db
):
    """No commit, no finish: the player's pagehide request (keepalive) saves the data."""
    settings.MEDIA_ROOT = tmp_path
    settings.QD_CONTENT_ORIGIN = live_server.url.replace("localhost", "127.0.0.1")
    from lms.home.services import site_root_ensure

    site_root_ensure()
    course, unit, _package = _course_with_unit("scorm12_basic", "Grundbegriffe")
    learner = make_user("lernende@example.org")
    course_services.course_enrol(user=learner, course=course)
    context, page, refused, errors = _context(browser, live_server, "lernende@example.org")
    page.goto(unit.url)
    page.click("#package-start")
    page.wait_for_url(PLAYER)
    sco = page.frame_locator("#scorm-frame")
    sco.locator("body[data-api=found]").wait_for()
    sco.locator("#note").click()
    sco.locator("#done").wait_for()
    page.close(run_before_unload=True)
    attempt = _wait_for(
        lambda: ScormAttempt.objects.filter(user=learner, location="seite-3").first()
    )
    assert attempt.suspend_data == "notiz" and not attempt.terminated

    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(unit.url)
    page.click("#package-start")
    page.wait_for_url(PLAYER)
    sco = page.frame_locator("#scorm-frame")
    sco.locator("body[data-api=found]").wait_for()
    assert sco.locator("#entry").inner_text() == ""  # not suspended, but not ended either
    assert sco.locator("#location").inner_text() == "seite-3"
    assert sco.locator("#suspend").inner_text() == "notiz"
    assert refused == []
    assert errors == []
    context.close()
