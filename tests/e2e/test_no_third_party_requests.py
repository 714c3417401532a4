"""Data protection: no page makes the browser contact anyone but the platform itself.

Chromium visits the main pages of the demo as learner, trainer (dashboard, page editor, image
chooser, images), HR and administrator (superuser), with the Content-Security-Policy
bypassed so that the pages' own behaviour is tested, not only the policy that would block
it. Every request the browser makes is recorded; a request to another host is answered by
the test and never leaves the machine.
"""

import io
from urllib.parse import urlsplit

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from competencies.demo import load_competencies_demo
from courses.demo import load_courses_demo
from courses.models import CoursePage, LessonPage
from lms.accounts.models import User
from lms.demo.people import DEMO_PASSWORD, DEMO_TOTP_SECRETS, load_people
from lms.home.services import site_root_ensure
from lms.packages.demo import load_packages_demo
from tests.courses.conftest import root_collection  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _code(secret):
    import time

    remaining = 30 - time.time() % 30
    if remaining < 3:
        time.sleep(remaining + 0.5)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@pytest.fixture
def recording(browser, live_server, settings, tmp_path, package_storage, root_collection):  # noqa: F811
    # root_collection first: the people step grants trainers' image permissions on it, and
    # transactional tests before this one may have flushed it.
    settings.MEDIA_ROOT = tmp_path
    site_root_ensure()
    # The demo's people, frameworks, courses and package, without its recorded activity
    # (thousands of statements that add no page).
    out = io.StringIO()
    personas, colleagues = load_people(out)
    for step in (load_competencies_demo, load_courses_demo, load_packages_demo):
        step(out, personas=personas, colleagues=colleagues)
    own_host = urlsplit(live_server.url).hostname
    foreign = []
    visited = []

    def route(route):
        url = route.request.url
        scheme, host = urlsplit(url).scheme, urlsplit(url).hostname
        if scheme in ("http", "https", "ws", "wss"):
            visited.append(url)
            if host != own_host:
                foreign.append(url)
                return route.abort()
        return route.continue_()

    def new_page():
        context = browser.new_context(base_url=live_server.url, locale="de-DE", bypass_csp=True)
        context.route("**/*", route)
        page = context.new_page()
        # Generous: the machine may be busy, and this test is about requests, not speed.
        page.set_default_timeout(60_000)
        contexts.append(context)
        return page

    contexts = []
    yield new_page, foreign, visited
    for context in contexts:
        context.close()


def _sign_in(page, email):
    page.goto("/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    if email in DEMO_TOTP_SECRETS:
        page.fill("input[name=code]", _code(DEMO_TOTP_SECRETS[email]))
        page.click("main form button[type=submit]")
        page.wait_for_load_state("networkidle")
    assert "/accounts/" not in page.url, f"{email} is not signed in: {page.url}"


def _visit(page, paths):
    for path in paths:
        response = page.goto(path)
        page.wait_for_load_state("networkidle")
        assert response.status < 400, f"{path} answered {response.status}"


def test_no_page_contacts_a_third_party(recording):
    new_page, foreign, visited = recording
    course = CoursePage.objects.live().first()
    lesson = LessonPage.objects.live().descendant_of(course).first()
    # An operator's superuser account sees what Wagtail shows superusers only (the
    # upgrade notification on the dashboard).
    User.objects.filter(email="admin@example.org").update(is_superuser=True)

    learner = new_page()
    _sign_in(learner, "lernende@example.org")
    _visit(
        learner,
        ["/learn/", "/learn/catalogue/", course.url, lesson.url, "/competencies/me/", "/me/"],
    )
    learner.context.close()

    trainer = new_page()
    _sign_in(trainer, "trainer@example.org")
    _visit(trainer, ["/cms/", f"/cms/pages/{lesson.pk}/edit/", "/cms/images/", "/cms/documents/"])
    # The image chooser, opened from the page editor as a trainer opens it.
    trainer.goto(f"/cms/pages/{lesson.pk}/edit/")
    trainer.wait_for_load_state("networkidle")
    # The lesson body (the sources below it are a stream too).
    body = trainer.locator("[data-contentpath=body]")
    body.locator("[data-streamfield-stream-container] button[title]").last.click()
    trainer.get_by_role("option", name="Bild", exact=True).click()
    trainer.get_by_role("button", name="Bild auswählen").last.click()
    trainer.wait_for_selector(".modal-content [role=tab]")
    assert trainer.get_by_role("tab", name="Hochladen").is_visible()
    trainer.wait_for_load_state("networkidle")
    trainer.context.close()

    hr = new_page()
    _sign_in(hr, "hr@example.org")
    _visit(hr, ["/competencies/reports/", "/competencies/reports/schedules/"])
    hr.context.close()

    admin = new_page()
    _sign_in(admin, "admin@example.org")
    _visit(
        admin,
        [
            "/cms/",
            "/cms/users/",
            "/cms/account/",
            "/cms/snippets/accounts/auditlogentry/",
            "/cms/snippets/xapi/lrsclient/",
        ],
    )
    admin.goto("/cms/")  # the dashboard again, with time for its scripts to run
    admin.wait_for_load_state("networkidle")
    admin.wait_for_timeout(2_000)
    admin.context.close()

    assert len(visited) > 50, "the recording saw too few requests to mean anything"
    assert foreign == []
