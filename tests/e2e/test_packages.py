"""Learners launch packages from a course in Chromium; their statements become progress.

Besides a minimal Tin Can package, two of our own packages reproduce what published
content does: a cmi5 AU that works like ADL's CATAPULT examples (fetch URL, LaunchData,
statements about a video under the video's own IRI) and a framed Tin Can course like the
classic Golf Example (bookmark in the state API, pages as sub-activities, the last page
calling into its parent frame, a confirm() before exit).
"""

import io
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from courses import services as course_services
from courses.models import CourseProgress
from lms.home.models import HomePage
from lms.packages import demo as package_demo
from lms.packages import services
from lms.packages.models import ContentPackagePage, PackageProgress
from lms.xapi import vocabulary
from lms.xapi.models import Statement
from tests.conftest import TEST_PASSWORD
from tests.e2e.conftest import axe_violations, browser_log_in

FILES = Path(__file__).resolve().parent.parent / "packages" / "files"


@pytest.fixture(autouse=True)
def _package_files(package_storage):
    """Package files in this test's folder, not in the checkout's package_files/."""
    return package_storage


def _zip(folder="tincan_basic") -> SimpleUploadedFile:
    return package_demo.zip_folder(FILES / folder)


def _course_with_unit(package, title="Datenschutz am Schalter"):
    index = course_services.course_index_create_or_update(
        parent=HomePage.objects.get(), title="Kurse", slug="kurse"
    )
    course = course_services.course_create_or_update(
        index=index,
        title="Datenschutz im Bürgerkontakt",
        slug="datenschutz",
        summary="Personenbezogene Daten am Schalter und am Telefon schützen.",
    )
    unit = ContentPackagePage(title=title, slug="einheit", package=package)
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
    # Tin Can content runs in a window of its own (it has no way back to the course).
    with page.expect_popup() as opened:
        page.click("#package-start")
    content = opened.value
    content.wait_for_url(re.compile(rf"/content/files/{package.uuid}/index.html\?"))
    status = content.locator("#status")
    status.filter(has_text="Bereit.").wait_for()
    progress = PackageProgress.objects.get(user=learner, package=package)
    assert progress.attempted_at is not None and progress.satisfied_at is None
    assert CourseProgress.objects.get(user=learner, course=course).completed_at is None
    content.click("#finish")
    status.filter(has_text="Abgeschlossen.").wait_for()
    progress.refresh_from_db()
    assert progress.completed_at is not None and progress.satisfied_at is not None
    assert CourseProgress.objects.get(user=learner, course=course).completed_at is not None
    # The package ran in an opaque origin: it cannot read the platform's cookies.
    cookies = "() => { try { return document.cookie; } catch (e) { return 'blocked'; } }"
    assert content.evaluate(cookies) == "blocked"
    assert content.evaluate("() => window.origin") == "null"
    # Nor reach the page that opened it.
    assert content.evaluate("() => window.opener") is None
    page.goto(course.url)
    unit_item = page.locator(".outline__item", has_text="Datenschutz am Schalter")
    assert unit_item.locator(".badge--success").inner_text() == "Abgeschlossen"
    context.close()


def _launch_context(browser, live_server, email):
    # No bypass_csp here: the launch runs with every policy in force.
    context = browser.new_context(base_url=live_server.url, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    refused = []
    # On the context: Tin Can content runs in a window of its own.
    context.on(
        "response",
        lambda response: (
            refused.append(response.url)
            if "/xapi/" in response.url
            and response.status >= 400
            and "LaunchData" not in response.url
            and "cmi5LearnerPreferences" not in response.url
            and "lesezeichen" not in response.url
            else None
        ),
    )
    browser_log_in(page, email, TEST_PASSWORD)
    return context, page, refused


@pytest.mark.django_db(transaction=True)
def test_cmi5_au_reporting_a_video_as_a_part_of_itself(
    page, browser, live_server, make_user, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    package = services.package_create(title="", upload=_zip("cmi5_video"))
    course, unit = _course_with_unit(package, title="Akteneinsicht")
    learner = make_user("lernende@example.org")
    course_services.course_enrol(user=learner, course=course)
    context, page, refused = _launch_context(browser, live_server, "lernende@example.org")
    page.goto(unit.url)
    page.click("#package-start")
    status = page.locator("#status")
    status.filter(has_text="Bereit.").wait_for()
    page.click("#video")
    status.filter(has_text="Video gesehen.").wait_for()
    page.click("#submit")
    # The AU returns to the unit page (LaunchData returnURL) after terminated.
    page.wait_for_url(re.compile(rf"{re.escape(unit.url)}$"))
    assert refused == []
    video = Statement.objects.get(
        object_id=f"{unit.package.aus[0]['activity_id']}/video/akteneinsicht-1"
    )
    assert video.user_id == learner.pk and video.registration is not None
    verbs = set(Statement.objects.filter(user=learner).values_list("verb", flat=True))
    assert {vocabulary.LAUNCHED.id, vocabulary.PASSED.id, vocabulary.SATISFIED.id} <= verbs
    progress = PackageProgress.objects.get(user=learner, package=package)
    assert progress.passed_at and progress.completed_at and progress.satisfied_at
    assert progress.score_scaled == 0.9
    assert CourseProgress.objects.get(user=learner, course=course).completed_at is not None
    context.close()


@pytest.mark.django_db(transaction=True)
def test_framed_tincan_course_on_the_content_host(
    page, browser, live_server, make_user, settings, tmp_path
):
    """Frames that call their parent need one origin for the package: QD_CONTENT_ORIGIN."""
    settings.MEDIA_ROOT = tmp_path
    # The same server under a second host name: another origin, no session cookies.
    settings.QD_CONTENT_ORIGIN = live_server.url.replace("localhost", "127.0.0.1")
    package = services.package_create(title="", upload=_zip("tincan_frames"))
    course, unit = _course_with_unit(package, title="Bescheide")
    learner = make_user("lernende@example.org")
    course_services.course_enrol(user=learner, course=course)
    context, page, refused = _launch_context(browser, live_server, "lernende@example.org")
    dialogs = []
    page.goto(unit.url)
    with page.expect_popup() as opened:
        page.click("#package-start")
    content = opened.value
    content.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))
    content.wait_for_url(re.compile(r"^http://127\.0\.0\.1:\d+/content/files/"))
    status = content.locator("#status")
    status.filter(has_text="Bereit.").wait_for()
    assert content.evaluate("() => document.cookie") == ""  # no platform cookies on this host
    content.click("#weiter")
    content.frame_locator("#seite").locator("#antwort").click()
    status.filter(has_text="Abgeschlossen.").wait_for()
    # "Save and exit" closes the content's window, as published courses do: the learner is
    # back on the unit page, which shows the new progress.
    with content.expect_event("close"):
        content.click("#beenden")
    assert dialogs == ["Wirklich beenden?"]
    # Headless Chromium moves no focus between tabs; a browser on a desktop blurs the
    # learner's tab when the content's opens and focuses it again when that one closes.
    page.bring_to_front()
    page.evaluate(
        "() => { window.dispatchEvent(new Event('blur'));"
        " window.dispatchEvent(new Event('focus')); }"
    )
    page.locator(".package-state .badge--success").filter(has_text="Abgeschlossen").wait_for()
    assert refused == []
    course_id = package.activity_id
    stored = set(Statement.objects.filter(user=learner).values_list("verb", "object_id"))
    assert ("http://adlnet.gov/expapi/verbs/experienced", f"{course_id}/seiten/frage") in stored
    assert ("http://adlnet.gov/expapi/verbs/terminated", course_id) in stored
    progress = PackageProgress.objects.get(user=learner, package=package)
    assert progress.completed_at and progress.passed_at and progress.satisfied_at
    assert CourseProgress.objects.get(user=learner, course=course).completed_at is not None
    context.close()


def _do_exercise(page, unit, ready: str, third_answer: str, outcome: str) -> None:
    """Start the demo exercise from its unit page, answer, submit and leave it again."""
    page.click("#package-start")
    page.locator("#status").filter(has_text=ready).wait_for()
    page.check("input[name=fall1][value=eindeutigkeit]")
    page.check("input[name=fall2][value=aktualitaet]")
    page.check(f"input[name=fall3][value={third_answer}]")
    page.click("#abgeben")
    page.locator("#status").filter(has_text=outcome).wait_for()
    # Every case explains its answer, right or wrong.
    assert page.inner_text("#rueckmeldung-fall1").startswith("Richtig. Eindeutigkeit")
    third = page.inner_text("#rueckmeldung-fall3")
    expected = "Richtig." if third_answer == "vollstaendigkeit" else "Nicht ganz."
    assert third.startswith(expected) and "Vollständigkeit" in third
    page.click("#beenden")
    page.wait_for_url(re.compile(rf"{re.escape(unit.url)}$"))


@pytest.mark.django_db(transaction=True)
def test_demo_cmi5_exercise_runs_in_the_browser(
    page, browser, live_server, make_user, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    course, _unit = _course_with_unit(services.package_create(title="", upload=_zip()))
    learner = make_user("lernende@example.org")
    course_services.course_enrol(user=learner, course=course)
    unit = package_demo.load_packages_demo(
        io.StringIO(), personas={}, colleagues=[], course_slug=course.slug
    )
    context, page, refused = _launch_context(browser, live_server, "lernende@example.org")
    page.goto(unit.url)
    _do_exercise(page, unit, "Bereit.", "konsistenz", "2 von 3 richtig: bestanden.")
    assert refused == []
    progress = PackageProgress.objects.get(user=learner, package=unit.package)
    assert progress.passed_at and progress.completed_at and progress.satisfied_at
    assert progress.score_scaled == 0.67
    answered = Statement.objects.filter(
        user=learner, verb="http://adlnet.gov/expapi/verbs/answered"
    )
    assert answered.count() == 3
    # Launched again the passed exercise is a review (cmi5 launchMode): nothing new is stored
    # but the session itself.
    _do_exercise(page, unit, "Wiederholung", "vollstaendigkeit", "3 von 3 richtig (Wiederholung")
    assert refused == []
    assert answered.count() == 3
    progress.refresh_from_db()
    assert progress.score_scaled == 0.67
    assert (
        Statement.objects.filter(
            user=learner, verb="http://adlnet.gov/expapi/verbs/terminated"
        ).count()
        == 2
    )
    context.close()
