"""Learner deadlines, the calendar feed, the team view and the HR status list."""

import datetime as dt

import pytest
from django.utils import timezone

from lms.accounts.models import AuditLogEntry, OrgUnitResponsibility
from lms.accounts.services import responsibility_grant
from lms.assignments.models import CalendarFeed
from tests.assignments.conftest import complete
from tests.conftest import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(make_unit, make_user, make_course, make_assignment):
    unit = make_unit("Referat 11")
    other = make_unit("Referat 12")
    course = make_course(title="Datenschutz kompakt")
    people = [make_user(f"p{n}@example.org", org_unit=unit) for n in range(6)]
    outsider = make_user("out@example.org", org_unit=other)
    boss = make_user("chefin@example.org", org_unit=unit)
    responsibility_grant(user=boss, org_unit=unit, kind=OrgUnitResponsibility.Kind.MANAGER)
    hr = make_user("hr@example.org", groups=("Learner", "HR"))
    responsibility_grant(user=hr, org_unit=unit, kind=OrgUnitResponsibility.Kind.HR)
    deadline = timezone.localdate() + dt.timedelta(days=10)
    make_assignment(course=course, org_unit=unit, deadline_date=deadline, title="DSGVO-Pflicht")
    make_assignment(course=course, org_unit=other, deadline_date=deadline, title="Andere")
    complete(people[0], course, timezone.now() - dt.timedelta(days=1))
    return {
        "unit": unit,
        "people": people,
        "outsider": outsider,
        "boss": boss,
        "hr": hr,
        "deadline": deadline,
        "course": course,
    }


def test_the_dashboard_shows_upcoming_deadlines_with_their_source(client, org):
    log_in(client, org["people"][1])
    page = client.get("/learn/").content.decode()
    assert "Datenschutz kompakt" in page and "DSGVO-Pflicht" in page


def test_the_calendar_feed_shows_only_the_owners_deadlines_and_can_be_revoked(client, org):
    person = org["people"][1]
    log_in(client, person)
    client.post("/training/calendar/", {"action": "new"})
    token = CalendarFeed.objects.get(user=person).token
    client.logout()
    feed = client.get(f"/training/calendar/{token}.ics")
    assert feed.status_code == 200 and feed["Content-Type"].startswith("text/calendar")
    body = feed.content.decode()
    assert body.count("BEGIN:VEVENT") == 1
    assert f"DTSTART;VALUE=DATE:{org['deadline']:%Y%m%d}" in body
    assert "p1@example.org" not in body and "p2@example.org" not in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    log_in(client, person)
    client.post("/training/calendar/", {"action": "new"})
    client.logout()
    assert client.get(f"/training/calendar/{token}.ics").status_code == 404
    assert client.get("/training/calendar/nonsense.ics").status_code == 404
    assert client.get("/training/calendar/" + "x" * 300 + ".ics").status_code == 404


def test_the_team_view_shows_the_managers_units_only_and_is_audited(
    client, org, django_assert_max_num_queries
):
    log_in(client, org["boss"])
    with django_assert_max_num_queries(30):
        response = client.get("/team/")
    page = response.content.decode()
    assert response.status_code == 200
    for person in org["people"]:
        assert person.display_name in page
    assert org["outsider"].display_name not in page
    assert "Erledigt" in page and "Nicht begonnen" in page
    assert AuditLogEntry.objects.filter(
        action="assignments.team.viewed", actor=org["boss"]
    ).exists()


def test_the_team_view_is_refused_to_others_and_can_be_switched_off(client, org, settings):
    log_in(client, org["people"][1])
    assert client.get("/team/").status_code == 403
    assert client.get("/team/units/").status_code == 403
    client.logout()
    log_in(client, org["boss"])
    settings.QD_TEAM_VIEW_ENABLED = False
    assert client.get("/team/").status_code == 404


def test_hr_filter_export_and_hostile_filters(client, org):
    log_in(client, org["hr"])
    page = client.get("/team/units/?status=overdue")
    assert page.status_code == 200
    csv = client.get("/team/units/?format=csv")
    assert csv["Content-Type"].startswith("text/csv")
    assert csv.content.decode("utf-8-sig").count("\r\n") == 8  # header + 7 people
    xlsx = client.get("/team/units/?format=xlsx")
    assert xlsx.content[:2] == b"PK"
    assert client.get("/team/units/?unit=9999").status_code == 400
    assert client.get("/team/units/?unit=1%27%20OR%201=1").status_code == 400
    assert client.get("/team/units/?status=<script>").status_code == 400
    assert client.get("/team/units/?format=pdf").status_code == 400
    actions = set(AuditLogEntry.objects.values_list("action", flat=True))
    assert {"assignments.status.viewed", "assignments.status.exported"} <= actions


def test_the_completion_chart_hides_units_below_k(client, org, settings, make_user):
    settings.QD_MIN_GROUP_SIZE = 50
    log_in(client, org["hr"])
    page = client.get("/team/units/").content.decode()
    assert "hidden" in page or "ausgeblendet" in page
    settings.QD_MIN_GROUP_SIZE = 2
    # Referat 12 has one person: showing Referat 11 would reveal it by subtraction.
    assert "14 %" not in client.get("/team/units/").content.decode()
    make_user(org_unit=org["outsider"].org_unit)
    assert "14 %" in client.get("/team/units/").content.decode()  # 1 of 7 done
