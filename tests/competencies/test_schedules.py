"""Managing scheduled reports: who sees which, pause, resume, delete, last and next run."""

import datetime as dt

import pytest
from django.conf import settings
from django.urls import reverse

from competencies.models import ReportExport, ScheduledReport
from competencies.selectors import scheduled_report_next_run, scheduled_reports_visible
from competencies.services import scheduled_report_create, scheduled_reports_run
from lms.accounts.models import AuditLogEntry, OrgUnitResponsibility
from lms.accounts.services import responsibility_grant
from tests.conftest import log_in


@pytest.fixture
def org(frameworks, make_unit, make_user):
    agency = make_unit("Landesamt", kind="agency", code="agency")
    unit_a = make_unit("Referat A", parent=agency, code="ref-a")
    unit_b = make_unit("Referat B", parent=agency, code="ref-b")
    hr_a = make_user(groups=("Learner", "HR"), org_unit=unit_a)
    hr_b = make_user(groups=("Learner", "HR"), org_unit=unit_b)
    hr_all = make_user(groups=("Learner", "HR"), org_unit=agency)
    responsibility_grant(user=hr_a, org_unit=unit_a, kind=OrgUnitResponsibility.Kind.HR)
    responsibility_grant(user=hr_b, org_unit=unit_b, kind=OrgUnitResponsibility.Kind.HR)
    responsibility_grant(user=hr_all, org_unit=agency, kind=OrgUnitResponsibility.Kind.HR)
    schedules = {
        "a": scheduled_report_create(user=hr_a, params={"unit": unit_a.pk}, fmt="pdf"),
        "b": scheduled_report_create(user=hr_b, params={"unit": unit_b.pk}, fmt="csv"),
        "all": scheduled_report_create(user=hr_all, params={}, fmt="xlsx"),
    }
    return {
        "hr_a": hr_a,
        "hr_b": hr_b,
        "hr_all": hr_all,
        "admin": make_user(groups=("Administrator",), org_unit=agency),
        "learner": make_user(org_unit=unit_a),
        "schedules": schedules,
    }


def _visible(user):
    return set(scheduled_reports_visible(user=user).values_list("pk", flat=True))


def test_who_sees_which_schedule(org):
    s = {key: schedule.pk for key, schedule in org["schedules"].items()}
    assert _visible(org["hr_a"]) == {s["a"]}
    assert _visible(org["hr_b"]) == {s["b"]}
    # HR of the agency: their own, and those about units below it.
    assert _visible(org["hr_all"]) == {s["a"], s["b"], s["all"]}
    assert _visible(org["admin"]) == set(s.values())
    assert _visible(org["learner"]) == set()


def test_list_page_in_german_and_english(client, org, django_assert_max_num_queries):
    schedule = org["schedules"]["a"]
    ReportExport.objects.create(
        requested_by=org["hr_a"], format="pdf", schedule=schedule, status="done"
    )
    log_in(client, org["hr_all"])
    with django_assert_max_num_queries(12):
        response = client.get(reverse("competencies:schedules"), HTTP_ACCEPT_LANGUAGE="de")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Geplante Berichte" in body and "Pausieren" in body and "Fertig" in body
    assert body.count('<tr id="schedule-') == 3
    for _extra in range(5):  # more schedules, more runs: the same number of queries
        other = scheduled_report_create(user=org["hr_a"], params={}, fmt="csv")
        ReportExport.objects.create(requested_by=org["hr_a"], format="csv", schedule=other)
    with django_assert_max_num_queries(12):
        client.get(reverse("competencies:schedules"))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = client.get(reverse("competencies:schedules")).content.decode()
    assert "Scheduled reports" in body and "Pause" in body and "Pausieren" not in body


def test_pause_resume_and_delete(client, org):
    schedule = org["schedules"]["b"]
    url = reverse("competencies:schedule_change", args=[schedule.pk])
    log_in(client, org["hr_b"])
    assert client.post(url, {"action": "pause"}).status_code == 302
    schedule.refresh_from_db()
    assert not schedule.is_active
    assert scheduled_report_next_run(schedule) is None
    today = dt.date(2026, 3, 10)
    queued = scheduled_reports_run(today=today)
    assert schedule.pk not in set(
        ReportExport.objects.filter(schedule__isnull=False).values_list("schedule_id", flat=True)
    )
    assert queued == 2  # the other two schedules
    assert client.post(url, {"action": "resume"}).status_code == 302
    schedule.refresh_from_db()
    assert schedule.is_active
    assert scheduled_report_next_run(schedule, today=today) == today
    assert scheduled_reports_run(today=today) == 1
    schedule.refresh_from_db()
    assert scheduled_report_next_run(schedule, today=today) == dt.date(2026, 4, 1)
    assert client.post(url, {"action": "explode"}).status_code == 400
    # "Delete" asks first: the old form action leads to the confirmation page, deletes nothing.
    confirm = reverse("competencies:schedule_delete", args=[schedule.pk])
    response = client.post(url, {"action": "delete"})
    assert response.status_code == 302 and response.url == confirm
    assert ScheduledReport.objects.filter(pk=schedule.pk).exists()
    page = client.get(confirm, HTTP_ACCEPT_LANGUAGE="de")
    assert page.status_code == 200
    body = page.content.decode()
    assert "Geplanten Bericht löschen?" in body and 'method="post"' in body
    assert ScheduledReport.objects.filter(pk=schedule.pk).exists()
    assert client.post(confirm).status_code == 302
    assert not ScheduledReport.objects.filter(pk=schedule.pk).exists()
    assert set(AuditLogEntry.objects.values_list("action", flat=True)) >= {
        "competencies.schedule.paused",
        "competencies.schedule.resumed",
        "competencies.schedule.deleted",
    }


def test_others_cannot_touch_a_schedule(client, org):
    schedule = org["schedules"]["b"]
    url = reverse("competencies:schedule_change", args=[schedule.pk])
    confirm = reverse("competencies:schedule_delete", args=[schedule.pk])
    for person, status in (("hr_a", 404), ("learner", 403)):
        client.logout()
        log_in(client, org[person])
        assert client.post(url, {"action": "delete"}).status_code == status
        assert client.get(confirm).status_code == status
        assert client.post(confirm).status_code == status
    schedule.refresh_from_db()
    assert schedule.is_active
    client.logout()
    log_in(client, org["learner"])
    assert client.get(reverse("competencies:schedules")).status_code == 403
    client.logout()
    log_in(client, org["admin"])
    assert client.post(url, {"action": "pause"}).status_code == 302
    schedule.refresh_from_db()
    assert not schedule.is_active


def test_creating_a_schedule_is_audited_and_keeps_role_and_period(client, org):
    from lms.accounts.models import JobRole

    role = JobRole.objects.get(code="sachbearbeitung")
    log_in(client, org["hr_b"])
    response = client.post(
        reverse("competencies:report_schedule"),
        {"format": "pdf", "role": role.pk, "start": "2026-01-01", "end": "2026-06-30"},
    )
    assert response.status_code == 302
    schedule = ScheduledReport.objects.get(owner=org["hr_b"], role=role)
    assert (schedule.trend_start, schedule.trend_end) == (dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    entry = AuditLogEntry.objects.filter(
        action="competencies.schedule.created", actor=org["hr_b"]
    ).latest("pk")
    assert entry.details["schedule"] == schedule.pk and entry.details["role"] == role.pk
    body = client.get(reverse("competencies:schedules"), HTTP_ACCEPT_LANGUAGE="de")
    assert role.name in body.content.decode()
    # Each monthly run asks for the report with the same filters.
    scheduled_reports_run(today=dt.date(2026, 7, 3))
    export = ReportExport.objects.get(schedule=schedule)
    assert export.filters["role"] == role.pk
    assert (export.filters["start"], export.filters["end"]) == ("2026-01-01", "2026-06-30")


def test_bad_schedule_filters_create_nothing(client, org):
    audited = AuditLogEntry.objects.count()
    log_in(client, org["hr_b"])
    client.post(reverse("competencies:report_schedule"), {"format": "pdf", "start": "kaputt"})
    client.post(reverse("competencies:report_schedule"), {"format": "exe"})
    assert (
        not ScheduledReport.objects.filter(owner=org["hr_b"])
        .exclude(pk=org["schedules"]["b"].pk)
        .exists()
    )
    assert AuditLogEntry.objects.filter(action__startswith="competencies.schedule").count() == (
        audited
    )


def test_drill_down_switched_off_explains_the_setting(client, org, settings):
    settings.QD_INDIVIDUAL_VIEWS_ENABLED = False
    settings.DEBUG = True  # even with DEBUG, no technical 404 page
    log_in(client, org["hr_all"])
    response = client.get(reverse("competencies:people"), HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 404
    body = response.content.decode()
    assert "QD_INDIVIDUAL_VIEWS_ENABLED" in body
    assert "ausgeschaltet" in body
    assert "Page not found" not in body
