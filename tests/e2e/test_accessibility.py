"""Every page type of the foundation passes axe-core's WCAG 2.1 A/AA rules."""

import pytest

from tests.conftest import TEST_PASSWORD
from tests.courses.conftest import course_index, make_course  # noqa: F401
from tests.e2e.conftest import axe_violations, browser_log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(
    "path", ["/", "/accounts/login/", "/accounts/password/reset/", "/accounts/signup/"]
)
def test_public_pages_have_no_accessibility_violations(page, path):
    response = page.goto(path)
    assert response.status == 200
    assert axe_violations(page) == []


def test_english_pages_have_no_accessibility_violations(page):
    page.goto("/")
    page.select_option("#language-select", "en")
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "en"
    assert axe_violations(page) == []


def test_signed_in_pages_have_no_accessibility_violations(page, make_user):
    make_user("lea@example.org")
    browser_log_in(page, "lea@example.org", TEST_PASSWORD)
    for path in ["/", "/me/", "/accounts/password/change/", "/accounts/2fa/"]:
        page.goto(path)
        assert axe_violations(page) == [], path


def test_skip_link_moves_focus_to_main_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_information_pages_and_the_feedback_channel_have_no_accessibility_violations(page):
    import io

    from lms.home.demo import load_site_pages_demo

    load_site_pages_demo(io.StringIO(), personas={}, colleagues=[])
    for path in ["/barrierefreiheit/", "/leichte-sprache/", "/gebaerdensprache/"]:
        response = page.goto(path)
        assert response.status == 200, path
        assert axe_violations(page) == [], path
    # Reached from every page's footer; a bad submission shows its errors accessibly.
    page.goto("/")
    page.get_by_role("link", name="Barriere melden").click()
    page.wait_for_url("**/feedback/accessibility/")
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("Dieses Feld muss ausgefüllt werden.").is_visible()
    assert axe_violations(page) == []
    page.fill("textarea[name=message]", "Die Tabelle im Bericht hat keine Überschriften.")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/feedback/accessibility/thanks/")
    assert axe_violations(page) == []


def test_a_lesson_with_legal_status_and_sources_has_no_accessibility_violations(
    page,
    make_user,
    make_course,  # noqa: F811
):
    import datetime as dt

    from courses import services

    course = make_course(lessons=0)
    lesson = services.lesson_create_or_update(
        course=course,
        title="Begründungspflicht",
        slug="begruendung",
        body=[("paragraph", "<p>Ein Bescheid ist zu begründen.</p>")],
        legal_status=dt.date(2026, 12, 4),
        sources=[
            {
                "kind": "norm",
                "label": "§ 39 VwVfG",
                "url": "https://www.gesetze-im-internet.de/vwvfg/__39.html",
            }
        ],
    )
    make_user("lea@example.org")
    browser_log_in(page, "lea@example.org", TEST_PASSWORD)
    page.goto(lesson.url)
    assert page.get_by_text("Rechtsstand: 4. Dezember 2026").is_visible()
    assert page.get_by_role("link", name="§ 39 VwVfG").is_visible()
    assert axe_violations(page) == []
