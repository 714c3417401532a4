"""Hostile input to mandatory training: the admin form, the scope preview, the HR filters
and the calendar token. A form error or a 4xx, never a 500, never a half-written record,
nothing executed in a page or in a calendar."""

import datetime as dt

import pytest
from django.utils import timezone

from lms.accounts.models import OrgUnitResponsibility
from lms.accounts.services import responsibility_grant
from lms.assignments.models import Assignment, CalendarFeed
from lms.assignments.services import calendar_feed_regenerate
from tests.assignments.conftest import make_assignment  # noqa: F401 (fixture)
from tests.conftest import log_in

pytestmark = pytest.mark.django_db

HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "Pflicht\x00mit Nullbyte",
    "x" * 5001,
    "\u202eSteuerzeichen\u202c",
    "{{ settings.SECRET_KEY }} {% debug %}",
    "1; DROP TABLE assignments_assignment; --",
    "-1",
    "99999999999999999999999",
    "14,,3,-2,a",
    "BEGIN:VEVENT\r\nSUMMARY:injected",
]


@pytest.fixture
def hr(make_unit, make_user, make_course):
    unit = make_unit("Referat 11")
    person = make_user("hr@example.org", groups=("Learner", "HR"))
    responsibility_grant(user=person, org_unit=unit, kind=OrgUnitResponsibility.Kind.HR)
    make_user(org_unit=unit)
    return person, unit, make_course()


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_in_every_field_of_the_admin_form(client, hr, value):
    person, unit, course = hr
    log_in(client, person)
    fields = {
        "title": value,
        "course": course.pk,
        "org_unit": unit.pk,
        "deadline_kind": "fixed",
        "deadline_date": (timezone.localdate() + dt.timedelta(days=30)).isoformat(),
        "reminder_days": "14,3,0",
        "renewal_lead_days": "60",
    }
    for name in [
        *list(fields),
        "deadline_days",
        "escalate_after_days",
        "validity_months",
        "people",
        "job_role",
        "curriculum",
    ]:
        data = {**fields, name: value}
        response = client.post("/cms/assignments/add/", data)
        assert response.status_code in (200, 302), (name, response.status_code)
        body = response.content.decode()
        assert "<script>alert(1)</script>" not in body and "onerror=alert(1)>" not in body
        if response.status_code == 302:
            assignment = Assignment.objects.get()
            assert assignment.org_unit == unit
            Assignment.objects.all().delete()
        else:
            assert not Assignment.objects.exists()


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_preview_and_filters_answer_4xx_or_a_count(client, hr, value):
    person, _unit, _course = hr
    log_in(client, person)
    for url, params in (
        ("/cms/assignments/preview.json", {"org_unit": value}),
        ("/cms/assignments/preview.json", {"people": value, "job_role": value}),
        ("/team/units/", {"unit": value}),
        ("/team/units/", {"status": value}),
        ("/team/units/", {"format": value}),
    ):
        response = client.get(url, params)
        assert response.status_code in (200, 400), (url, value, response.status_code)


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_calendar_tokens_find_nothing(client, hr, value):
    person, _unit, _course = hr
    calendar_feed_regenerate(user=person)
    response = client.get("/training/calendar/" + value.replace("/", "") + ".ics")
    assert response.status_code == 404
    assert CalendarFeed.objects.count() == 1


def test_course_titles_cannot_inject_calendar_lines(client, hr, make_assignment):  # noqa: F811
    person, unit, course = hr
    course.title = "Kurs\r\nBEGIN:VEVENT\r\nSUMMARY:eingeschleust; mit, Zeichen"
    course.save()
    make_assignment(course=course, org_unit=unit, deadline_date=dt.date(2030, 1, 1))
    person.org_unit = unit
    person.save()
    token = calendar_feed_regenerate(user=person).token
    body = client.get(f"/training/calendar/{token}.ics").content.decode()
    assert body.replace("\r\n ", "").split("\r\n").count("BEGIN:VEVENT") == 1
    assert (
        "SUMMARY:Frist: Kurs\\nBEGIN:VEVENT\\nSUMMARY:eingeschleust\\; mit\\, Zeichen"
        in body.replace("\r\n ", "")
    )
