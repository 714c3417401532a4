"""The HR report PDF for A4: title page with date, scope and k, every role and every
chart row, charts that fit their page."""

import io

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override

from competencies import exports, services
from competencies.reporting import ReportFilters, report_build
from lms.accounts.models import JobRole, OrgUnitResponsibility
from lms.accounts.services import responsibility_grant

pypdf = pytest.importorskip("pypdf")

ROLES = ("sachbearbeitung", "fuehrungskraft", "nachwuchskraft")


@pytest.fixture
def agency(frameworks, make_unit, make_user, settings):
    """Three job roles of six people each over eight units."""
    settings.QD_MIN_GROUP_SIZE = 3
    root = make_unit("Landesamt für Prüfberichte", kind="agency", code="agency")
    units = [make_unit(f"Referat {n}", parent=root, code=f"ref-{n}") for n in range(1, 9)]
    for index, code in enumerate(ROLES):
        role = JobRole.objects.get(code=code)
        for person in range(6):
            make_user(org_unit=units[(index + person) % len(units)], job_roles=[role])
    hr = make_user(groups=("Learner", "HR"), org_unit=root)
    responsibility_grant(user=hr, org_unit=root, kind=OrgUnitResponsibility.Kind.HR)
    return hr


def _pdf(report) -> tuple[bytes, list[str]]:
    with override("de"):
        content = services.report_pdf(report)
    reader = pypdf.PdfReader(io.BytesIO(content))
    return reader, [page.extract_text() for page in reader.pages]


def test_title_page_names_date_scope_k_and_suppression(agency):
    role = JobRole.objects.get(code="sachbearbeitung")
    report = report_build(user=agency, filters=ReportFilters(role=role), months=6)

    reader, pages = _pdf(report)

    title = pages[0]
    with override("de"):
        today = date_format(timezone.localdate(), "SHORT_DATE_FORMAT")
    assert "Kompetenzlückenbericht" in title or "Kompetenz" in title
    assert today in title
    assert "Landesamt für Prüfberichte" in title
    assert role.name in title
    assert "QD_MIN_GROUP_SIZE" in title and "3" in title
    assert "weniger als 3 Personen" in title  # the suppression note
    assert reader.pages[0].mediabox.width < reader.pages[0].mediabox.height  # A4 portrait


def test_every_role_and_chart_row_is_in_the_pdf(agency):
    report = report_build(user=agency, filters=ReportFilters(), months=6)
    assert len(report.role_gaps) == len(ROLES)
    images = exports.pdf_chart_images(report)

    reader, pages = _pdf(report)

    text = "\n".join(pages)
    for group in report.role_gaps:  # every role: its own chart and its table rows
        assert group.role.name in text
    assert len(images["roles"]) == len(ROLES)
    for row in report.rows:
        assert row.unit.name in text
    # One image per chart part, each drawn whole on one page.
    expected = sum(len(parts) for parts in images.values())
    assert sum(len(page.images) for page in reader.pages) == expected
    layout = exports._Layout(footer="x")
    page_height = layout.pdf.page_break_trigger - layout.pdf.t_margin
    for parts in images.values():
        for _caption, png in parts:
            width, height = layout.image_size(png)
            assert width <= layout.pdf.epw + 0.01 and height <= page_height


def test_long_charts_are_split_so_no_row_is_lost(agency, make_unit, settings):
    settings.QD_MIN_GROUP_SIZE = 1
    root = OrgUnitResponsibility.objects.get(user=agency).org_unit
    for n in range(exports.PDF_CHART_ROWS + 5):
        make_unit(f"Sachgebiet {n}", parent=root, code=f"sg-{n}")
    report = report_build(user=agency, filters=ReportFilters(), with_trend=False)

    parts = exports.pdf_chart_images(report)["heatmap"]

    assert len(report.rows) > exports.PDF_CHART_ROWS
    assert len(parts) == 2 and "(2/2)" in parts[1][0]
