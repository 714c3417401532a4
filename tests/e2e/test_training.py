"""Mandatory training in the browser: the manager's team view, HR's status list with its
export and chart, and the learner's deadlines with the calendar feed."""

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.utils import timezone

from lms.accounts.models import AuditLogEntry, OrgUnitResponsibility
from lms.accounts.services import responsibility_grant
from lms.assignments.models import CalendarFeed
from lms.spreadsheets import CSV_DELIMITER
from tests.assignments.conftest import complete, make_assignment, start  # noqa: F401
from tests.conftest import TEST_PASSWORD, TOTP_SECRET, current_totp
from tests.courses.conftest import course_index, make_course  # noqa: F401
from tests.e2e.conftest import axe_violations, browser_log_in

pytestmark = pytest.mark.django_db(transaction=True)

STATUS_LABELS = {"Nicht begonnen", "In Bearbeitung", "Erledigt", "Überfällig"}


def _german(day: dt.date) -> str:
    return f"{day:%d.%m.%Y}"


@pytest.fixture
def org(make_unit, make_user, make_course, make_assignment):  # noqa: F811
    """Referat 11 (a manager, four people in four different states), Referat 12 (one
    person), HR for Referat 11; a unit training due in ten days, one overdue since three
    days, and a named training for one person."""
    unit = make_unit("Referat 11")
    other = make_unit("Referat 12")
    privacy = make_course(title="Datenschutz kompakt", lessons=1)
    security = make_course(title="IT-Sicherheit", lessons=1)
    ethics = make_course(title="Korruptionsprävention", lessons=1)
    boss = make_user("chefin@example.org", first_name="Clara", last_name="Chefin", org_unit=unit)
    responsibility_grant(user=boss, org_unit=unit, kind=OrgUnitResponsibility.Kind.MANAGER)
    names = ["Anna Abel", "Bernd Berg", "Cem Celik", "Dora Dahl"]
    people = [
        make_user(
            f"p{n}@example.org",
            first_name=name.split()[0],
            last_name=name.split()[1],
            org_unit=unit,
        )
        for n, name in enumerate(names)
    ]
    outsider = make_user("out@example.org", first_name="Otto", last_name="Außen", org_unit=other)
    hr = make_user(
        "hr@example.org", first_name="Hanna", last_name="Personal", groups=("Learner", "HR")
    )
    TOTP.activate(hr, TOTP_SECRET)  # HR signs in with a second factor
    responsibility_grant(user=hr, org_unit=unit, kind=OrgUnitResponsibility.Kind.HR)
    today = timezone.localdate()
    upcoming, overdue = today + dt.timedelta(days=10), today - dt.timedelta(days=3)
    make_assignment(
        title="DSGVO-Pflicht Referat 11", course=privacy, org_unit=unit, deadline_date=upcoming
    )
    make_assignment(
        title="IT-Grundschutz Referat 11", course=security, org_unit=unit, deadline_date=overdue
    )
    make_assignment(title="Andere Pflicht", course=privacy, org_unit=other, deadline_date=upcoming)
    make_assignment(
        title="Persönlich benannt", course=ethics, people=[people[3]], deadline_date=upcoming
    )
    now = timezone.now()
    complete(people[0], privacy, now - dt.timedelta(days=2))
    complete(people[0], security, now - dt.timedelta(days=2))
    start(people[1], privacy, now - dt.timedelta(days=1))
    return {
        "unit": unit,
        "other": other,
        "boss": boss,
        "people": people,
        "outsider": outsider,
        "hr": hr,
        "courses": (privacy, security, ethics),
        "upcoming": upcoming,
        "overdue": overdue,
    }


def _table(page, selector):
    """The body rows of a table as lists of cell texts."""
    return page.locator(f"{selector} tbody tr").evaluate_all(
        "rows => rows.map(r => [...r.cells].map(c => c.innerText.trim()))"
    )


def test_the_manager_sees_exactly_their_units_people_and_their_state(page, org):
    browser_log_in(page, "chefin@example.org", TEST_PASSWORD)
    response = page.goto("/team/")
    assert response.status == 200
    headers = page.locator("table.team-status thead th").all_inner_texts()
    assert headers == [
        "Person",
        "Organisationseinheit",
        "Kurs",
        "Verpflichtend wegen",
        "Frist",
        "Status",
        "Abgeschlossen am",
    ]
    rows = _table(page, "table.team-status")
    by_person_course = {(row[0], row[2]): row for row in rows}
    names = {row[0] for row in rows}
    assert names == {person.display_name for person in org["people"]}
    assert org["outsider"].display_name not in page.content()
    assert org["boss"].display_name not in names  # not her own row
    anna, bernd, cem, dora = (person.display_name for person in org["people"])
    upcoming, overdue = _german(org["upcoming"]), _german(org["overdue"])
    # Done (no deadline open), in progress, not started, overdue; each with its source.
    assert by_person_course[(anna, "Datenschutz kompakt")][3:6] == [
        "DSGVO-Pflicht Referat 11",
        "–",
        "Erledigt",
    ]
    assert by_person_course[(bernd, "Datenschutz kompakt")][3:6] == [
        "DSGVO-Pflicht Referat 11",
        upcoming,
        "In Bearbeitung",
    ]
    assert by_person_course[(cem, "Datenschutz kompakt")][4:6] == [upcoming, "Nicht begonnen"]
    assert by_person_course[(cem, "IT-Sicherheit")][3:6] == [
        "IT-Grundschutz Referat 11",
        overdue,
        "Überfällig",
    ]
    assert by_person_course[(dora, "Korruptionsprävention")][3:6] == [
        "Persönlich benannt",
        upcoming,
        "Nicht begonnen",
    ]
    assert {row[5] for row in rows} == STATUS_LABELS
    # The state only: no scores, points, levels or percentages anywhere in the list.
    text = page.locator("main").inner_text()
    for word in ("Punkte", "Ergebnis", "Niveau", "Stufe", "%"):
        assert word not in text, word
    entry = AuditLogEntry.objects.get(action="assignments.team.viewed", actor=org["boss"])
    assert entry.details["people"] == 4 and entry.details["units"] == [org["unit"].pk]
    assert axe_violations(page) == []


def test_a_person_who_is_not_a_manager_is_refused_the_team_view(page, org):
    browser_log_in(page, "p2@example.org", TEST_PASSWORD)
    response = page.goto("/team/")
    assert response.status == 403
    assert org["people"][1].display_name not in page.content()
    assert page.goto("/team/units/").status == 403
    assert not AuditLogEntry.objects.filter(action="assignments.team.viewed").exists()


def test_hr_filters_exports_csv_and_small_groups_stay_hidden(page, org, settings, make_user):
    settings.QD_MIN_GROUP_SIZE = 50
    browser_log_in(page, "hr@example.org", TEST_PASSWORD)
    page.fill("input[name=code]", current_totp())
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    page.goto("/team/units/")
    # Five people (the manager too) with two unit trainings each, and one named training.
    assert len(_table(page, "table.team-status")) == 5 * 2 + 1
    # The chart and its table hide a unit smaller than the minimum group size.
    assert page.locator("main img[alt]").count() == 1
    chart_rows = _table(page, "main table:not(.team-status)")
    assert chart_rows == [["Referat 11", "ausgeblendet (kleine Gruppe)"]]
    assert "%" not in page.locator("main table:not(.team-status)").inner_text()
    # Filter: the overdue ones only.
    page.select_option("#filter-unit", str(org["unit"].pk))
    page.select_option("#filter-status", "overdue")
    page.get_by_role("button", name="Filtern").click()
    page.wait_for_url("**/team/units/?unit=*&status=overdue*")
    rows = _table(page, "table.team-status")
    overdue = {p.display_name for p in [*org["people"][1:], org["boss"]]}
    assert {row[0] for row in rows} == overdue
    assert {(row[2], row[5]) for row in rows} == {("IT-Sicherheit", "Überfällig")}
    # The export downloads what the filter shows.
    with page.expect_download() as download:
        page.get_by_role("button", name="CSV exportieren").click()
    assert download.value.suggested_filename == "pflichtschulungen.csv"
    content = Path(download.value.path()).read_text(encoding="utf-8-sig")
    table = list(csv.reader(io.StringIO(content), delimiter=CSV_DELIMITER))
    assert table[0][:3] == ["Person", "Organisationseinheit", "Kurs"]
    assert {row[0] for row in table[1:]} == overdue and len(table) == 1 + 4
    assert all(row[5] == "Überfällig" for row in table[1:])
    assert AuditLogEntry.objects.filter(
        action="assignments.status.exported", actor=org["hr"]
    ).exists()
    # With a small enough minimum the unit's share is shown: 2 of 11 courses done.
    # (Referat 12 needs a second person first, else its one person could be worked out by
    # subtracting Referat 11 from the whole.)
    settings.QD_MIN_GROUP_SIZE = 2
    page.goto("/team/units/")
    assert _table(page, "main table:not(.team-status)") == [
        ["Referat 11", "ausgeblendet (kleine Gruppe)"]
    ]
    make_user(org_unit=org["other"])
    page.goto("/team/units/")
    assert _table(page, "main table:not(.team-status)") == [["Referat 11", "18 %"]]


def test_the_learner_sees_deadlines_follows_the_course_link_and_renews_the_feed(page, org):
    person = org["people"][2]  # Cem: one deadline upcoming, one overdue
    browser_log_in(page, "p2@example.org", TEST_PASSWORD)
    page.goto("/learn/")
    dashboard = _table(page, "#deadlines-heading ~ .table-wrap table.deadlines")
    upcoming, overdue = _german(org["upcoming"]), _german(org["overdue"])
    assert dashboard == [
        ["IT-Sicherheit", overdue, "IT-Grundschutz Referat 11", "Überfällig"],
        ["Datenschutz kompakt", upcoming, "DSGVO-Pflicht Referat 11", "Nicht begonnen"],
    ]
    assert axe_violations(page) == []
    page.locator("#deadlines-heading ~ p a[href='/training/']").click()
    page.wait_for_url("**/training/")
    assert _table(page, "table.deadlines") == dashboard
    assert page.locator("#feed-url").count() == 0
    assert axe_violations(page) == []
    # The course link leads to the course.
    privacy = org["courses"][0]
    page.locator("table.deadlines").get_by_role("link", name="Datenschutz kompakt").click()
    page.wait_for_url(f"**{privacy.relative_url(None)}")
    assert page.locator("h1").inner_text() == "Datenschutz kompakt"
    # The calendar address: shown once created, works, and a new one ends the old one.
    page.goto("/training/")
    page.get_by_role("button", name="Kalenderadresse erzeugen").click()
    page.wait_for_url("**/training/")
    first = page.locator("#feed-url").input_value()
    assert first.endswith(f"/training/calendar/{CalendarFeed.objects.get(user=person).token}.ics")
    feed = page.request.get(first)
    assert feed.status == 200 and feed.headers["content-type"].startswith("text/calendar")
    assert feed.text().count("BEGIN:VEVENT") == 2
    assert axe_violations(page) == []
    page.get_by_role("button", name="Neue Adresse erzeugen").click()
    page.wait_for_url("**/training/")
    second = page.locator("#feed-url").input_value()
    assert second != first
    assert page.request.get(first).status == 404
    assert page.request.get(second).status == 200
