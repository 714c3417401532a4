import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from competencies.demo import load_evidence
from competencies.models import CompetencyProfile, Evidence, ReportExport
from competencies.reporting import ReportFilters, report_build
from competencies.selectors import competency_get_by_ref
from competencies.services import competency_validate, scheduled_reports_run
from lms.accounts.models import AuditLogEntry, JobRole, OrgUnitResponsibility
from lms.accounts.services import consent_record, responsibility_grant
from lms.xapi import vocabulary
from lms.xapi.models import Statement
from tests.conftest import log_in


@pytest.fixture
def org(frameworks, make_unit, make_user):
    agency = make_unit("Landesamt", kind="agency", code="agency")
    unit_a = make_unit("Referat A", parent=agency, code="ref-a")
    unit_b = make_unit("Referat B", parent=agency, code="ref-b")
    case = JobRole.objects.get(code="sachbearbeitung")
    trainee = JobRole.objects.get(code="nachwuchskraft")
    trainer = make_user(groups=("Learner", "Trainer"), org_unit=agency)
    people = {"a": [], "b": []}
    for _index in range(7):
        people["a"].append(make_user(org_unit=unit_a, job_roles=[case]))
    for _index in range(6):
        people["b"].append(make_user(org_unit=unit_b, job_roles=[case]))
    people["b"].append(make_user(org_unit=unit_b, job_roles=[trainee]))
    qd1 = competency_get_by_ref("qd:QD.1")
    for person in people["a"]:
        competency_validate(user=person, competency=qd1, rank=4, validator=trainer)
    hr_a = make_user(groups=("Learner", "HR"), org_unit=unit_a)
    responsibility_grant(user=hr_a, org_unit=unit_a, kind=OrgUnitResponsibility.Kind.HR)
    hr_all = make_user(groups=("Learner", "HR"), org_unit=agency)
    responsibility_grant(user=hr_all, org_unit=agency, kind=OrgUnitResponsibility.Kind.HR)
    return {
        "agency": agency,
        "a": unit_a,
        "b": unit_b,
        "people": people,
        "hr_a": hr_a,
        "hr_all": hr_all,
        "trainer": trainer,
    }


def test_learner_profile_page(client, org, django_assert_max_num_queries):
    person = org["people"]["a"][0]
    log_in(client, person)
    with django_assert_max_num_queries(25):
        response = client.get(reverse("competencies:me"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "data:image/svg+xml;base64," in body
    assert "Automatisierte Entscheidungen erklären" in body


def test_self_assessment_form_and_bad_input(client, org):
    person = org["people"]["b"][0]
    qd1 = competency_get_by_ref("qd:QD.1")
    log_in(client, person)
    url = reverse("competencies:self_assess", args=[qd1.pk])
    response = client.post(url, {f"c{qd1.pk}-rank": "6"})
    assert response.status_code == 302
    profile = CompetencyProfile.objects.get(user=person, competency=qd1)
    assert (profile.self_assessed_rank, profile.reached_rank) == (6, 0)
    response = client.post(url, {f"c{qd1.pk}-rank": "99"}, follow=True)
    assert response.status_code == 200
    assert CompetencyProfile.objects.get(user=person, competency=qd1).self_assessed_rank == 6


def test_never_rated_competencies_show_as_not_rated(client, org):
    person = org["people"]["b"][0]
    qd1 = competency_get_by_ref("qd:QD.1")
    log_in(client, person)
    body = client.get(reverse("competencies:me")).content.decode()
    select = body.split(f'name="c{qd1.pk}-rank"', 1)[1].split("</select>", 1)[0]
    assert '<option value="" selected>– nicht eingeschätzt –</option>' in select
    assert 'value="1" selected' not in select
    # Saving without a choice stores nothing and says so.
    url = reverse("competencies:self_assess", args=[qd1.pk])
    response = client.post(url, {f"c{qd1.pk}-rank": ""}, follow=True)
    assert "bleibt die Kompetenz nicht eingeschätzt" in response.content.decode()
    assert not CompetencyProfile.objects.filter(
        user=person, competency=qd1, self_assessed_rank__gt=0
    ).exists()
    assert not Statement.objects.filter(user=person, verb=vocabulary.SELF_ASSESSED.id).exists()
    # A rating once given is preselected.
    client.post(url, {f"c{qd1.pk}-rank": "3"})
    body = client.get(reverse("competencies:me")).content.decode()
    select = body.split(f'name="c{qd1.pk}-rank"', 1)[1].split("</select>", 1)[0]
    assert 'value="3" selected' in select


def test_evidence_trail_shows_only_own_statements(client, org):
    person, other = org["people"]["a"][:2]
    qd1 = competency_get_by_ref("qd:QD.1")
    log_in(client, person)
    body = client.get(reverse("competencies:evidence", args=[qd1.pk])).content.decode()
    own = person.competency_evidence.get().statement_id
    assert str(own) in body
    assert str(other.competency_evidence.get().statement_id) not in body


def test_learners_cannot_see_reports(client, org):
    log_in(client, org["people"]["a"][0])
    assert client.get(reverse("competencies:reports")).status_code == 403


def test_hr_of_unit_a_sees_nothing_of_unit_b(client, org):
    log_in(client, org["hr_a"])
    response = client.get(reverse("competencies:reports"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Referat A" in body and "Referat B" not in body
    response = client.get(reverse("competencies:reports"), {"unit": org["b"].pk})
    assert response.status_code == 400


def test_report_hides_small_groups_and_their_complements(client, org, settings):
    settings.QD_MIN_GROUP_SIZE = 5
    log_in(client, org["hr_all"])
    response = client.get(reverse("competencies:reports"))
    report = response.context["report"]
    qd1_index = [c.code for c in report.competencies].index("QD.1")
    rows = {row.unit.code: row.cells[qd1_index] for row in report.rows}
    assert not rows["ref-a"].suppressed and rows["ref-a"].stats.people == 7
    assert rows["ref-a"].stats.average_gap == 0
    # Referat B: 6 case workers + 1 trainee; the trainee alone is hidden, and so is the
    # case-worker group it was merged with, but the whole unit is shown.
    trainee_ref = "qd:QD.3"
    response = client.get(
        reverse("competencies:reports"),
        {"role": JobRole.objects.get(code="nachwuchskraft").pk},
    )
    role_report = response.context["report"]
    index = [c.code for c in role_report.competencies].index(trainee_ref.split(":")[1])
    role_rows = {row.unit.code: row.cells[index] for row in role_report.rows}
    assert role_rows["ref-b"].suppressed
    assert role_rows["agency"].suppressed  # agency − case workers would reveal the trainee


def test_report_query_count_does_not_grow_with_people(
    client, org, make_user, django_assert_max_num_queries
):
    log_in(client, org["hr_all"])
    url = reverse("competencies:reports")
    with django_assert_max_num_queries(40) as small:
        client.get(url)
    case = JobRole.objects.get(code="sachbearbeitung")
    for _ in range(15):
        make_user(org_unit=org["b"], job_roles=[case])
    with django_assert_max_num_queries(40) as large:
        client.get(url)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_export_runs_as_task_and_downloads(
    client, org, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    log_in(client, org["hr_all"])
    for fmt, magic in (("csv", b"\xef\xbb\xbf"), ("xlsx", b"PK"), ("pdf", b"%PDF")):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("competencies:report_export"), {"format": fmt})
        export = ReportExport.objects.latest("created_at")
        assert response.url == reverse("competencies:export_status", args=[export.pk])
        assert export.status == "done", export.message
        download = client.get(reverse("competencies:export_download", args=[export.pk]))
        assert b"".join(download.streaming_content).startswith(magic)
    client.logout()
    log_in(client, org["hr_a"])
    assert client.get(reverse("competencies:export_download", args=[export.pk])).status_code == 404


def test_monthly_schedule_sends_a_download_link(
    client, org, settings, tmp_path, mailoutbox, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    log_in(client, org["hr_all"])
    client.post(reverse("competencies:report_schedule"), {"format": "csv"})
    with django_capture_on_commit_callbacks(execute=True):
        assert scheduled_reports_run() == 1
    assert scheduled_reports_run() == 0  # once per month
    assert len(mailoutbox) == 1
    assert "/competencies/reports/exports/" in mailoutbox[0].body


def test_individual_views_need_switch_consent_and_are_audited(client, org, settings):
    log_in(client, org["hr_all"])
    url = reverse("competencies:people")
    settings.QD_INDIVIDUAL_VIEWS_ENABLED = False
    assert client.get(url, {"unit": org["a"].pk}).status_code == 404
    settings.QD_INDIVIDUAL_VIEWS_ENABLED = True
    consenting = org["people"]["a"][0]
    consent_record(user=consenting, purpose="individual_profile", granted=True)
    withdrawn = org["people"]["a"][1]
    consent_record(user=withdrawn, purpose="individual_profile", granted=True)
    consent_record(user=withdrawn, purpose="individual_profile", granted=False)
    response = client.get(url, {"unit": org["a"].pk})
    people = response.context["people"]
    assert [p.user for p in people] == [consenting]
    entry = AuditLogEntry.objects.filter(action="competencies.individual_profiles.viewed").get()
    assert entry.details["people"] == [str(consenting.pseudonym)]


def test_demo_evidence_is_idempotent(org):
    personas = {
        "Trainer": org["trainer"],
        "Learner": org["people"]["b"][0],
        "HR": org["hr_a"],
        "Administrator": org["hr_all"],
    }
    first = load_evidence(None, personas=personas, colleagues=org["people"]["b"][1:])
    assert first > 0
    assert load_evidence(None, personas=personas, colleagues=org["people"]["b"][1:]) == 0


def test_demo_evidence_is_spread_over_the_year_so_the_trend_rises(org):
    personas = {
        "Trainer": org["trainer"],
        "Learner": org["people"]["b"][0],
        "HR": org["hr_a"],
        "Administrator": org["hr_all"],
    }
    load_evidence(None, personas=personas, colleagues=org["people"]["b"][1:])
    people = [p.pk for p in org["people"]["b"]]
    now = timezone.now()
    dates = list(Evidence.objects.filter(user__in=people).values_list("occurred_at", flat=True))
    assert len({(d.year, d.month) for d in dates}) >= 4
    assert all(now - dt.timedelta(days=366) <= d <= now for d in dates)
    statements = Statement.objects.filter(user__in=people)
    assert {s.timestamp for s in statements} == set(dates)  # dated at the source
    report = report_build(user=org["hr_all"], filters=ReportFilters())
    met = [m for _month, m, _pairs in report.trend if m is not None]
    assert met == sorted(met) and met[0] < met[-1]
