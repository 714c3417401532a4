"""The reports page shows a job role at the level where it is large enough, and says
what is hidden and why."""

import pytest
from django.urls import reverse

from lms.accounts.models import JobRole, OrgUnitResponsibility
from lms.accounts.services import responsibility_grant
from tests.conftest import log_in


@pytest.fixture
def spread(frameworks, make_unit, make_user):
    """Six case workers and six trainees, three of each in two small units."""
    agency = make_unit("Landesamt", kind="agency", code="agency")
    units = [make_unit(f"Referat {n}", parent=agency, code=f"ref-{n}") for n in (1, 2)]
    case = JobRole.objects.get(code="sachbearbeitung")
    trainee = JobRole.objects.get(code="nachwuchskraft")
    for unit in units:
        for role in (case, trainee):
            for _index in range(3):
                make_user(org_unit=unit, job_roles=[role])
    hr = make_user(groups=("Learner", "HR"), org_unit=agency)
    responsibility_grant(user=hr, org_unit=agency, kind=OrgUnitResponsibility.Kind.HR)
    return {"agency": agency, "units": units, "hr": hr, "case": case}


def test_a_role_spread_over_small_units_is_shown_for_the_whole_agency(client, spread, settings):
    settings.QD_MIN_GROUP_SIZE = 5
    log_in(client, spread["hr"])
    response = client.get(reverse("competencies:reports"), {"role": spread["case"].pk})
    assert response.status_code == 200
    report = response.context["report"]
    rows = {row.unit.code: row.cells for row in report.rows}
    targeted = [i for i, cell in enumerate(rows["agency"]) if cell.stats and cell.stats.people]
    assert targeted
    assert all(not cell.suppressed for cell in rows["agency"])
    assert all(rows["agency"][i].stats.people == 6 for i in targeted)
    assert all(rows[unit][i].suppressed for unit in ("ref-1", "ref-2") for i in targeted)
    (group,) = report.role_gaps
    assert group.role == spread["case"]
    assert all(not cell.suppressed and cell.stats.people == 6 for _c, cell, _t in group.cells)
    body = response.content.decode()
    assert 'id="suppression-note"' in body
    assert "weniger als 5 Personen" in body
    assert "id_role-help" in body  # the role filter explains itself


def test_hidden_cells_are_labelled_in_the_role_table(client, spread, settings, make_user):
    settings.QD_MIN_GROUP_SIZE = 5
    lead = JobRole.objects.get(code="fuehrungskraft")
    make_user(org_unit=spread["units"][0], job_roles=[lead])
    log_in(client, spread["hr"])
    response = client.get(reverse("competencies:reports"), {"role": lead.pk})
    body = response.content.decode()
    report = response.context["report"]
    assert report.role_gaps and all(c.suppressed for _c, c, _t in report.role_gaps[0].cells)
    assert "verborgen (Schutz kleiner Gruppen)" in body
    assert "Fuehrungskraft" in response.context["summary"]


def test_reports_page_queries_stay_flat_and_charts_are_drawn_once(
    client, spread, make_unit, make_user, django_assert_max_num_queries
):
    """The page's cost does not grow with units or people; charts and suppression blocks
    are computed once per content (cache), not on every view."""
    from django.core.cache import cache

    cache.clear()
    log_in(client, spread["hr"])
    url = reverse("competencies:reports")
    with django_assert_max_num_queries(30) as first:
        assert client.get(url).status_code == 200
    keys = [k for k in cache._cache if ":qd:chart:" in k or ":qd:blocks:" in k]
    assert any(":qd:chart:" in k for k in keys) and any(":qd:blocks:" in k for k in keys)
    case = JobRole.objects.get(code="sachbearbeitung")
    for n in range(10):
        unit = make_unit(f"Sachgebiet {n}", parent=spread["agency"], code=f"sg-{n}")
        make_user(org_unit=unit, job_roles=[case])
    with django_assert_max_num_queries(30) as second:
        response = client.get(url)
    assert len(second.captured_queries) == len(first.captured_queries)
    body = response.content.decode()
    assert body.count('<th scope="row" class="depth-1">Sachgebiet') == 10  # heatmap rows


def test_heatmap_rows_escape_names(client, spread, make_unit):
    make_unit("<script>alert(1)</script>", parent=spread["agency"], code="evil")
    log_in(client, spread["hr"])
    body = client.get(reverse("competencies:reports")).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
