"""The HR heatmap in a real browser: hidden small groups, accessibility, export download."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP

from competencies.demo import load_frameworks
from competencies.selectors import competency_get_by_ref
from competencies.services import competency_self_assess, competency_validate
from lms.accounts.models import JobRole, OrgUnitResponsibility
from lms.accounts.services import responsibility_grant
from tests.conftest import TEST_PASSWORD, TOTP_SECRET, current_totp
from tests.e2e.conftest import axe_violations, browser_log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def organisation(make_unit, make_user, make_role):
    for code in ("sachbearbeitung", "nachwuchskraft"):
        make_role(code=code, name=code.title())
    load_frameworks()
    agency = make_unit("Landesamt", kind="agency", code="agency")
    ref_a = make_unit("Referat Wohngeld", parent=agency, code="ref-a")
    ref_b = make_unit("Referat Elterngeld", parent=agency, code="ref-b")
    case = JobRole.objects.get(code="sachbearbeitung")
    trainee = JobRole.objects.get(code="nachwuchskraft")
    trainer = make_user(groups=("Learner", "Trainer"), org_unit=agency)
    qd1 = competency_get_by_ref("qd:QD.1")
    for index in range(8):
        person = make_user(org_unit=ref_a, job_roles=[case])
        competency_validate(user=person, competency=qd1, rank=2 + index % 3, validator=trainer)
    for _index in range(6):
        make_user(org_unit=ref_b, job_roles=[case])
    learner = make_user("trainee@example.org", org_unit=ref_b, job_roles=[trainee])
    competency_self_assess(user=learner, competency=qd1, rank=5)
    hr = make_user("hr@example.org", groups=("Learner", "HR"), org_unit=agency)
    TOTP.activate(hr, TOTP_SECRET)
    responsibility_grant(user=hr, org_unit=agency, kind=OrgUnitResponsibility.Kind.HR)
    return {"hr": hr, "learner": learner}


def _log_in_with_totp(page, email):
    browser_log_in(page, email, TEST_PASSWORD)
    page.fill("input[name=code]", current_totp())
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")


def test_hr_heatmap_hides_small_groups_and_exports(page, organisation):
    _log_in_with_totp(page, "hr@example.org")
    response = page.goto("/competencies/reports/")
    assert response.status == 200
    table = page.locator("#heatmap-table")
    assert table.locator("caption").is_visible()
    assert table.locator("th[scope=row]", has_text="Referat Wohngeld").count() == 1
    # All roles: Referat Elterngeld (6 case workers + 1 trainee) is shown as a whole.
    assert table.locator("td.heat--hidden").count() == 0
    assert page.locator("img[src^='data:image/svg+xml']").first.is_visible()
    assert page.locator("#report-summary").inner_text().strip()
    assert axe_violations(page) == []

    trainee = JobRole.objects.get(code="nachwuchskraft")
    page.select_option("#id_role", str(trainee.pk))
    page.click("form[method=get] button[type=submit]")
    page.wait_for_load_state("networkidle")
    # One trainee in the whole agency: every cell of this filter is hidden.
    assert page.locator("#heatmap-table td.heat--hidden").count() > 0
    shown = "#heatmap-table td:not(.heat--hidden):not(.heat--empty)"
    assert page.locator(shown).count() == 0  # only groups without anyone are shown

    case = JobRole.objects.get(code="sachbearbeitung")
    page.select_option("#id_role", str(case.pk))
    page.click("form[method=get] button[type=submit]")
    page.wait_for_load_state("networkidle")
    # Case workers of Referat Elterngeld are hidden too: unit total minus them would
    # reveal the trainee (complementary suppression); Referat Wohngeld stays visible.
    elterngeld = page.locator("#heatmap-table tr", has_text="Referat Elterngeld")
    wohngeld = page.locator("#heatmap-table tr", has_text="Referat Wohngeld")
    assert elterngeld.locator("td.heat--hidden").count() > 0
    assert wohngeld.locator("td.heat--hidden").count() == 0

    page.goto("/competencies/reports/")
    page.select_option("#export-format", "xlsx")
    page.click("#export-button")
    page.wait_for_selector("#export-download:not([hidden])")
    assert axe_violations(page) == []
    with page.expect_download() as info:
        page.click("#export-download a")
    download = info.value
    assert download.suggested_filename.endswith(".xlsx")
    with open(download.path(), "rb") as handle:
        assert handle.read(2) == b"PK"


def test_learner_profile_page_is_accessible_and_reports_are_closed(page, organisation):
    browser_log_in(page, "trainee@example.org", TEST_PASSWORD)
    page.goto("/competencies/me/")
    assert page.locator("h1").inner_text() in ("Meine Kompetenzen", "My competencies")
    assert page.locator("table caption").count() == 1
    assert axe_violations(page) == []
    assert page.goto("/competencies/reports/").status == 403


def test_schedule_keeps_filters_and_delete_asks_first_without_javascript(
    browser, live_server, organisation
):
    """Schedule a monthly report for one job role, then delete it: a confirmation page
    (no JavaScript) comes first, and the schedule is gone only after confirming."""
    from competencies.models import ScheduledReport
    from lms.home.services import site_root_ensure

    site_root_ensure()
    context = browser.new_context(
        base_url=live_server.url, locale="de-DE", java_script_enabled=False
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        _log_in_with_totp(page, "hr@example.org")
        case = JobRole.objects.get(code="sachbearbeitung")
        page.goto(f"/competencies/reports/?role={case.pk}&start=2026-01-01")
        page.select_option("#schedule-format", "csv")
        page.click("form[action$='/reports/schedule/'] button[type=submit]")
        schedule = ScheduledReport.objects.get()
        assert schedule.role == case and str(schedule.trend_start) == "2026-01-01"
        page.goto("/competencies/reports/schedules/")
        row = page.locator(f"#schedule-{schedule.pk}")
        assert "Sachbearbeitung" in row.inner_text()
        row.get_by_role("link", name="Löschen").click()
        assert page.locator("h1").inner_text() == "Geplanten Bericht löschen?"
        assert ScheduledReport.objects.filter(pk=schedule.pk).exists()
        page.click("#confirm-delete")
        assert page.url.endswith("/competencies/reports/schedules/")
        assert not ScheduledReport.objects.filter(pk=schedule.pk).exists()
    finally:
        context.close()
