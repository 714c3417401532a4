"""Every page type of the foundation passes axe-core's WCAG 2.1 A/AA rules."""

import pytest

from tests.conftest import TEST_PASSWORD
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
