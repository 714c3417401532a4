"""Authoring mandatory training in the admin: scope, clear errors, overlap, audit, preview."""

import datetime as dt

import pytest
from django.utils import timezone, translation

from lms.accounts.models import AuditLogEntry, OrgUnitResponsibility
from lms.accounts.services import responsibility_grant
from lms.assignments.models import Assignment
from tests.conftest import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(make_unit, make_user, make_course):
    own, other = make_unit("Referat 11"), make_unit("Referat 12")
    hr = make_user("hr@example.org", groups=("Learner", "HR"))
    responsibility_grant(user=hr, org_unit=own, kind=OrgUnitResponsibility.Kind.HR)
    people = [make_user(org_unit=own) for _ in range(3)]
    make_user(org_unit=other)
    return {"own": own, "other": other, "hr": hr, "people": people, "course": make_course()}


def _post(client, org, **changes):
    data = {
        "title": "Datenschutz 2027",
        "course": org["course"].pk,
        "org_unit": org["own"].pk,
        "include_sub_units": "on",
        "deadline_kind": "fixed",
        "deadline_date": (timezone.localdate() + dt.timedelta(days=60)).isoformat(),
        "reminder_days": "14,3,0",
        "renewal_lead_days": "60",
        "active": "on",
    }
    data.update(changes)
    data = {k: v for k, v in data.items() if v is not None}
    with translation.override("de"):
        return client.post("/cms/assignments/add/", data, HTTP_ACCEPT_LANGUAGE="de")


def test_hr_create_an_assignment_for_their_unit_and_it_is_audited(client, org):
    log_in(client, org["hr"])
    response = _post(client, org)
    assert response.status_code == 302
    assignment = Assignment.objects.get()
    assert assignment.created_by == org["hr"]
    entry = AuditLogEntry.objects.get(action="assignments.assignment.created")
    assert entry.details["people_in_scope"] == 3


def test_hr_cannot_assign_to_another_unit(client, org):
    log_in(client, org["hr"])
    response = _post(client, org, org_unit=org["other"].pk)
    assert response.status_code == 200
    assert "Auswahl" in response.content.decode()  # Django's "valid choice" error
    assert not Assignment.objects.exists()


def test_a_deadline_in_the_past_and_no_one_in_scope_are_clear_errors(client, org, make_unit):
    log_in(client, org["hr"])
    past = _post(client, org, deadline_date="2020-01-01")
    assert "Die Frist liegt in der Vergangenheit." in past.content.decode()
    empty = make_unit("Leer", parent=org["own"])
    nobody = _post(client, org, org_unit=empty.pk)
    assert "Niemand ist betroffen" in nobody.content.decode()
    assert not Assignment.objects.exists()


def test_an_overlap_is_warned_about_and_needs_confirming(client, org):
    log_in(client, org["hr"])
    assert _post(client, org).status_code == 302
    again = _post(client, org, title="Noch einmal")
    assert "Datenschutz 2027" in again.content.decode()
    assert Assignment.objects.count() == 1
    assert _post(client, org, title="Noch einmal", confirm_overlap="on").status_code == 302


def test_the_preview_counts_the_people_in_scope(client, org):
    log_in(client, org["hr"])
    response = client.get(
        f"/cms/assignments/preview.json?org_unit={org['own'].pk}&include_sub_units=on"
    )
    assert response.json() == {"count": 3}
    hostile = client.get("/cms/assignments/preview.json?org_unit=x'%20OR%201=1")
    assert hostile.status_code == 400


def test_learners_cannot_author(client, org):
    log_in(client, org["people"][0])
    assert client.get("/cms/assignments/").status_code in (302, 403)
    assert client.get("/cms/assignments/preview.json").status_code in (302, 403)
