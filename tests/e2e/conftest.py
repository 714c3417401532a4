"""Browser tests: Debian's Chromium driven by Playwright, with axe-core for accessibility."""

import os
import shutil
from pathlib import Path

import pytest
from django.core.cache import cache

from lms.home.services import site_root_ensure

ROOT = Path(__file__).resolve().parent.parent.parent
AXE_PATH = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("QD_CHROMIUM", "/usr/bin/chromium")

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}; install Debian's 'chromium' package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, transactional_db):
    # Transactional tests flush the database, Wagtail's page tree included.
    site_root_ensure()
    cache.clear()
    # bypass_csp lets the tests inject axe-core; the pages themselves keep their strict policy.
    context = browser.new_context(base_url=live_server.url, locale="de-DE", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


# Reports every Content-Security-Policy violation of any document and frame of the context
# (the browser fires securitypolicyviolation for each blocked script, style, image, frame).
_REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__qdCspViolation({
    page: location.pathname,
    directive: event.violatedDirective,
    blocked: event.blockedURI,
    source: event.sourceFile,
    line: event.lineNumber,
  });
});
"""


@pytest.fixture
def strict_page(browser, live_server, transactional_db):
    """A page whose Content-Security-Policy is enforced (no ``bypass_csp``), with the list
    of violations the browser reported as ``page.csp_violations``."""
    site_root_ensure()
    cache.clear()
    context = browser.new_context(base_url=live_server.url, locale="de-DE")
    violations = []
    context.expose_binding("__qdCspViolation", lambda _source, report: violations.append(report))
    context.add_init_script(_REPORT_CSP_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.csp_violations = violations
    yield page
    context.close()


def axe_violations(page, *, tags=("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")):
    """Run axe-core in the page and return the WCAG 2.1 A/AA violations."""
    page.add_script_tag(path=str(AXE_PATH))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        list(tags),
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]


def browser_log_in(page, email, password):
    page.goto("/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
