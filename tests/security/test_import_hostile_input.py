"""Hostile CSV files for the organisation imports: an error naming the line, or success;
never an unhandled exception and never a partial import."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lms.accounts.imports import CSVImportError, import_org_units, import_people
from lms.accounts.models import JobRole, OrgUnit

pytestmark = pytest.mark.django_db

SETTINGS = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
cell = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        ["", "a\x00b", "x" * 250, "a" * 70, "ref-1", "root", "unit", "Referat", "=cmd|A0",
         "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"), "\u202e", "a;b;c",
         "Learner", "HR", "Administrator", "sachbearbeitung", "person@example.org",
         "p" * 250 + "@example.org", "\r\n", '"', "null"]
    ),
)  # fmt: skip


def _csv(header, rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8", "surrogatepass")


def _state():
    return (
        OrgUnit.objects.count(),
        get_user_model().objects.count(),
        list(OrgUnit.objects.order_by("code").values_list("code", "name", "depth")),
    )


def _import(function, data):
    before = _state()
    try:
        result = function(data)
    except CSVImportError as error:
        assert error.errors and all(e.line >= 1 and str(e) for e in error.errors)
        assert _state() == before, "a rejected file changed something"
        return None
    return result


UNIT_HEADER = ["code", "name", "kind", "parent_code"]


@SETTINGS
@given(rows=st.lists(st.lists(cell, min_size=0, max_size=6), max_size=6))
def test_org_unit_import_with_hostile_rows(rows):
    _import(import_org_units, _csv(UNIT_HEADER, rows))


@SETTINGS
@given(raw=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)))
def test_org_unit_import_with_arbitrary_bytes(raw):
    _import(import_org_units, raw)


@pytest.fixture
def known(make_unit, make_role):
    make_unit(code="root")
    make_role(code="sachbearbeitung", name="Sachbearbeitung")


PEOPLE_HEADER = ["email", "first_name", "last_name", "org_unit_code", "job_roles", "groups"]


@SETTINGS
@given(rows=st.lists(st.lists(cell, min_size=6, max_size=6), min_size=1, max_size=4))
def test_people_import_with_hostile_rows(known, rows):
    _import(import_people, _csv(PEOPLE_HEADER, rows))


@pytest.mark.parametrize(
    "row",
    [
        ["unit-a", "x" * 201, "unit", ""],  # longer than the name column
        ["a" * 61, "Zu langer Code", "unit", ""],
        ["unit-a", "Name mit \x00 NUL", "unit", ""],
    ],
    ids=["long-name", "long-code", "nul"],
)
def test_org_unit_values_the_database_cannot_hold_are_reported(row):
    with pytest.raises(CSVImportError) as error:
        import_org_units(_csv(UNIT_HEADER, [row]))
    assert error.value.errors[0].line == 2
    assert OrgUnit.objects.count() == 0


def test_a_deep_parent_chain_in_reverse_order_is_imported_or_reported():
    """2,000 units, each listed before its parent: no recursion limit may be hit."""
    rows = [[f"u{n}", f"Einheit {n}", "unit", f"u{n - 1}" if n else ""] for n in range(2000)]
    rows.reverse()
    result = _import(import_org_units, _csv(UNIT_HEADER, rows))
    if result is not None:
        assert OrgUnit.objects.count() == 2000


@pytest.mark.parametrize(
    "row",
    [
        ["person@example.org", "E" * 300, "Muster", "root", "", ""],
        ["person@example.org", "Erika\x00", "Muster", "root", "", ""],
        ["p" * 250 + "@example.org", "Erika", "Muster", "root", "", ""],
    ],
    ids=["long-first-name", "nul", "long-email"],
)
def test_people_values_the_database_cannot_hold_are_reported(known, row):
    before = get_user_model().objects.count()
    with pytest.raises(CSVImportError) as error:
        import_people(_csv(PEOPLE_HEADER, [row]))
    assert error.value.errors[0].line == 2
    assert get_user_model().objects.count() == before
    assert JobRole.objects.count() == 1
