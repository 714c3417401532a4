"""Report exports: the report's data tables as CSV, XLSX or PDF (with PNG charts).

The tables are the same ones the page shows; suppressed cells are written as the word
for "suppressed", never as a number. Names come from people who author courses, units
and frameworks, so CSV and XLSX cells go through ``lms.spreadsheets`` (no formulas).
"""

import datetime as dt
import io
import struct
from pathlib import Path

import matplotlib
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from fpdf import FPDF
from openpyxl import Workbook

from competencies import charts
from competencies.reporting import Report, hidden_label
from lms.spreadsheets import csv_bytes, xlsx_append


def _fmt(value, digits=1):
    """A figure rounded for the table, still a number (spreadsheets can compute with it)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return round(float(value), digits) if digits else round(float(value))
    return value


def report_tables(report: Report) -> list[tuple[str, list[str], list[list]]]:
    """(title, header, rows) for every table of the report."""
    hidden = hidden_label()
    heat = []
    for row in report.rows:
        for competency, cell in zip(report.competencies, row.cells, strict=True):
            if cell.suppressed:
                heat.append([row.unit.name, competency.code, competency.name, hidden, "", "", ""])
            else:
                s = cell.stats
                heat.append(
                    [
                        row.unit.name,
                        competency.code,
                        competency.name,
                        s.people,
                        s.below,
                        _fmt(s.average_gap),
                        _fmt(100 * s.share_below if s.people else None, 0),
                    ]
                )
    roles = []
    for group in report.role_gaps:
        for competency, cell, target in group.cells:
            if cell.suppressed:
                roles.append([group.role.name, competency.code, target, hidden, "", ""])
            else:
                roles.append(
                    [
                        group.role.name,
                        competency.code,
                        target,
                        cell.stats.people,
                        cell.stats.below,
                        _fmt(cell.stats.average_gap),
                    ]
                )
    dist = []
    for competency, cell in report.distribution:
        if cell.suppressed:
            dist.append([competency.code, hidden] + [""] * len(report.levels))
        else:
            dist.append(
                [competency.code, cell.stats.people]
                + [cell.stats.reached.get(level, 0) for level in report.levels]
            )
    trend = [
        [
            month,
            met if met is not None else "",
            pairs if pairs is not None else "",
            _fmt(100 * met / pairs, 0) if pairs else "",
        ]
        for month, met, pairs in report.trend
    ]
    plan = [
        [
            line.title,
            line.levels_closed,
            line.gaps_closed,
            line.people_reached,
            ", ".join(line.competencies),
        ]
        for line in report.plan
    ]
    return [
        (
            _("Gap heatmap"),
            [
                _("Org unit"),
                _("Code"),
                _("Competency"),
                _("People with a target"),
                _("Below target"),
                _("Average gap (levels)"),
                _("Below target (%)"),
            ],
            heat,
        ),
        (
            _("Gaps per job role"),
            [
                _("Job role"),
                _("Code"),
                _("Target level"),
                _("People"),
                _("Below target"),
                _("Average gap (levels)"),
            ],
            roles,
        ),
        (
            _("Level distribution"),
            [_("Code"), _("People")] + [_("Level %(n)s") % {"n": n} for n in report.levels],
            dist,
        ),
        (
            _("Trend: targets met"),
            [_("Month end"), _("Targets met"), _("Targets"), _("Met (%)")],
            trend,
        ),
        (
            _("Training-needs plan"),
            [
                _("Course"),
                _("Levels closed"),
                _("Gaps closed"),
                _("Gaps narrowed"),
                _("Competencies"),
            ],
            plan,
        ),
    ]


def to_csv(report: Report) -> bytes:
    """All tables one below the other, each with its title and header row."""
    lines = []
    for title, header, rows in report_tables(report):
        lines += [[title], header, *rows, []]
    return csv_bytes(lines)


def to_xlsx(report: Report) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, header, rows in report_tables(report):
        safe = "".join(ch for ch in title if ch not in "[]:*?/\\")
        sheet = workbook.create_sheet(safe[:31])
        xlsx_append(sheet, header)
        for row in rows:
            xlsx_append(sheet, row)
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class _PDF(FPDF):
    footer_text = ""

    def footer(self):
        self.set_y(-12)
        self.set_font("DejaVu", size=7)
        self.cell(0, 8, f"{self.footer_text} · {self.page_no()}/{{nb}}", align="C")


def _font_path() -> str:
    """DejaVu Sans ships with matplotlib: a Unicode font for German text, no download."""
    return str(Path(matplotlib.get_data_path()) / "fonts" / "ttf")


#: Dots per inch the PNG charts are drawn at (``charts._render``).
_PNG_DPI = 110
#: Charts of more rows than this are split over several images in the PDF, so that no
#: image has to shrink below a readable size to fit a page.
PDF_CHART_ROWS = 30


def report_scope_lines(report: Report) -> list[tuple[str, str]]:
    """(label, value) lines that say what a report covers: the title page of the PDF."""
    filters = report.filters
    if filters.unit is not None:
        units = _("%(unit)s with its sub-units") % {"unit": filters.unit.name}
    else:
        top = [row.unit.name for row in report.rows if row.depth == 0]
        units = ", ".join(top) or _("none")
    months = [month for month, _met, _pairs in report.trend]
    period = (
        f"{date_format(months[0], 'SHORT_DATE_FORMAT')} – "
        f"{date_format(months[-1], 'SHORT_DATE_FORMAT')}"
        if months
        else "–"
    )
    return [
        (_("As of"), date_format(timezone.localdate(), "SHORT_DATE_FORMAT")),
        (_("Org units"), units),
        (_("Job role"), filters.role.name if filters.role else _("All job roles")),
        (_("Framework"), filters.framework.title if filters.framework else _("All frameworks")),
        (_("Trend period (month ends)"), period),
        (_("Minimum group size k (QD_MIN_GROUP_SIZE)"), str(report.k)),
    ]


def _table_cell(value) -> str:
    if isinstance(value, float):
        return number_format(value, decimal_pos=1)
    if isinstance(value, dt.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    return str(value)


class _Layout:
    """A4 portrait: a title page, then per section its heading, its charts (each kept whole
    and sized to its data) and its table; a heading never ends a page."""

    def __init__(self, footer: str):
        pdf = _PDF(orientation="P", format="A4")
        pdf.footer_text = footer
        fonts = _font_path()
        pdf.add_font("DejaVu", "", f"{fonts}/DejaVuSans.ttf")
        pdf.add_font("DejaVu", "B", f"{fonts}/DejaVuSans-Bold.ttf")
        pdf.set_margins(15, 15, 15)
        pdf.set_auto_page_break(auto=True, margin=18)
        pdf.set_title(footer)
        self.pdf = pdf

    def room(self) -> float:
        return self.pdf.page_break_trigger - self.pdf.get_y()

    def need(self, height: float) -> None:
        """Start a new page unless ``height`` mm still fit on this one."""
        if self.room() < height:
            self.pdf.add_page()

    def heading(self, text: str, *, keep_with: float) -> None:
        self.need(10 + keep_with)
        self.pdf.set_font("DejaVu", "B", 13)
        self.pdf.start_section(text)
        self.pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(1)

    def text(self, text: str, size: float = 9) -> None:
        self.pdf.set_font("DejaVu", size=size)
        self.pdf.multi_cell(0, 4.5, text, new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(2)

    def image_size(self, png: bytes) -> tuple[float, float]:
        """Width and height in mm: natural size, narrowed to the page width and, if need
        be, shortened to the height of a page (keeping the aspect ratio)."""
        pixels_wide, pixels_high = struct.unpack(">II", png[16:24])  # the PNG's IHDR
        width = pixels_wide / _PNG_DPI * 25.4
        height = pixels_high / _PNG_DPI * 25.4
        scale = min(1.0, self.pdf.epw / width)
        full_page = self.pdf.page_break_trigger - self.pdf.t_margin - 12
        scale = min(scale, full_page / height)
        return width * scale, height * scale

    def image(self, png: bytes, caption: str) -> None:
        width, height = self.image_size(png)
        self.need(height + 6)
        self.pdf.image(io.BytesIO(png), x=self.pdf.l_margin, w=width, h=height)
        self.pdf.set_font("DejaVu", size=7)
        self.pdf.multi_cell(0, 4, caption, new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(3)

    def table(self, title: str, header: list[str], rows: list[list], widths=None) -> None:
        self.need(25)  # the title, the header row and some rows together
        self.pdf.set_font("DejaVu", "B", 10)
        self.pdf.multi_cell(
            0, 6, _("Table: %(title)s") % {"title": title}, new_x="LMARGIN", new_y="NEXT"
        )
        self.pdf.set_font("DejaVu", size=7)
        if not rows:
            self.text(_("No data."), size=8)
            return
        with self.pdf.table(
            col_widths=widths,
            text_align="LEFT",
            first_row_as_headings=True,
            line_height=3.6,
            repeat_headings=1,
        ) as table:
            table.row([str(h) for h in header])
            for row in rows:
                table.row([_table_cell(v) for v in row])
        self.pdf.ln(4)

    def grid(self, title: str, header: list[str], rows: list[list[str]], first: float) -> None:
        """A table of one-line cells (drawn with ``cell``, much faster than ``table`` for
        thousands of cells); the header row is repeated on every page."""
        pdf = self.pdf
        width = (pdf.epw - first) / max(1, len(header) - 1)

        def header_row():
            pdf.set_font("DejaVu", "B", 6.5)
            for index, label in enumerate(header):
                pdf.cell(first if index == 0 else width, 4.5, label, border=1, align="C")
            pdf.ln()
            pdf.set_font("DejaVu", size=6.5)

        self.need(25)
        pdf.set_font("DejaVu", "B", 10)
        pdf.multi_cell(
            0, 6, _("Table: %(title)s") % {"title": title}, new_x="LMARGIN", new_y="NEXT"
        )
        header_row()
        for row in rows:
            if self.room() < 4.2:
                pdf.add_page()
                header_row()
            for index, value in enumerate(row):
                text = value if index else _fit(pdf, value, first - 1)
                pdf.cell(
                    first if index == 0 else width,
                    4.2,
                    text,
                    border=1,
                    align="L" if index == 0 else "C",
                )
            pdf.ln()
        pdf.ln(4)


def _fit(pdf, text: str, width: float) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` mm in the current font."""
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "…") > width:
        text = text[:-1]
    return text + "…"


#: Competency columns per block of the PDF heatmap table (A4 portrait).
_HEATMAP_COLUMNS = 8


def _heatmap_grid(layout: _Layout, report: Report) -> None:
    """The heatmap as on the page: org units × competencies, the average gap (share below
    target) per cell, in blocks of columns that fit the page; then the competency names."""
    hidden = hidden_label()
    codes = [c.code for c in report.competencies]
    for start in range(0, len(codes), _HEATMAP_COLUMNS):
        columns = range(start, min(start + _HEATMAP_COLUMNS, len(codes)))
        rows = []
        for row in report.rows:
            line = [("  " * row.depth) + row.unit.name]
            for index in columns:
                cell = row.cells[index]
                if cell.suppressed:
                    line.append(hidden)
                elif cell.stats.people:
                    gap = number_format(cell.stats.average_gap, decimal_pos=1)
                    line.append(f"{gap} ({round(100 * cell.stats.share_below)} %)")
                else:
                    line.append("·")
            rows.append(line)
        layout.grid(
            _(
                "Average gap in levels (share of people below target) per org unit, "
                "sub-units included"
            ),
            [_("Org unit")] + [codes[i] for i in columns],
            rows,
            first=48,
        )
    layout.table(
        _("Competencies"),
        [_("Code"), _("Competency")],
        [[c.code, c.name] for c in report.competencies],
        widths=(15, 85),
    )


def to_pdf(
    report: Report,
    *,
    images: dict[str, list[tuple[str, bytes]]],
    title: str,
    summary: str,
    note: str,
) -> bytes:
    """The report for A4: a title page (date, scope, k, suppression note, summary), then
    each section with its charts and its table."""
    layout = _Layout(footer=f"Qualifica Digitalis · {title}")
    pdf = layout.pdf
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 20)
    pdf.ln(20)
    pdf.multi_cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("DejaVu", size=10)
    with pdf.table(
        col_widths=(35, 65), text_align="LEFT", first_row_as_headings=False, line_height=6
    ) as table:
        for label, value in report_scope_lines(report):
            table.row([label, value])
    pdf.ln(6)
    pdf.set_font("DejaVu", "B", 11)
    pdf.multi_cell(0, 6, _("Summary"), new_x="LMARGIN", new_y="NEXT")
    layout.text(summary, size=10)
    pdf.set_font("DejaVu", "B", 11)
    pdf.multi_cell(0, 6, _("Protection of small groups"), new_x="LMARGIN", new_y="NEXT")
    layout.text(note, size=10)

    tables = report_tables(report)
    sections = list(zip(("heatmap", "roles", "distribution", "trend", "plan"), tables, strict=True))
    for key, (table_title, header, rows) in sections:
        charts_of = images.get(key, [])
        pdf.add_page()
        first = layout.image_size(charts_of[0][1])[1] if charts_of else 30
        layout.heading(table_title, keep_with=first)
        for caption, png in charts_of:
            layout.image(png, caption)
        if key == "heatmap":
            _heatmap_grid(layout, report)
        else:
            layout.table(table_title, header, rows, widths=_COLUMN_WIDTHS.get(key))
    return bytes(pdf.output())


#: Relative column widths of the PDF tables whose first columns hold long names.
_COLUMN_WIDTHS = {
    "roles": (34, 10, 14, 14, 14, 16),
    "plan": (50, 14, 14, 14, 30),
}


def chart_images(
    report: Report, *, fmt: str, heatmap_rows_max: int | None = None
) -> dict[str, tuple[str, bytes]]:
    """The report's charts: key -> (caption, image bytes).

    With ``heatmap_rows_max``, a heatmap of more rows is left out: the page's coloured
    table is the heatmap too, and an image of hundreds of rows is megabytes of SVG.
    """
    heat_values = [
        [None if c.suppressed else c.stats.average_gap for c in row.cells] for row in report.rows
    ]
    images = {}
    too_long = heatmap_rows_max is not None and len(report.rows) > heatmap_rows_max
    if report.rows and report.competencies and not too_long:
        images["heatmap"] = (
            _("Gap heatmap: average gap in levels"),
            charts.heatmap_chart(
                row_labels=[("  " * row.depth) + row.unit.name for row in report.rows],
                col_labels=[c.code for c in report.competencies],
                values=heat_values,
                label=_("Average gap (levels)"),
                fmt=fmt,
            ),
        )
    if report.role_gaps:
        images["roles"] = (
            _("Gaps per job role"),
            charts.role_gap_chart(
                groups=[
                    (
                        group.role.name,
                        [
                            (c.code, None if cell.suppressed else cell.stats.average_gap)
                            for c, cell, _target in group.cells
                        ],
                    )
                    for group in report.role_gaps
                ],
                label=_("Average gap (levels)"),
                hidden_label=hidden_label(),
                fmt=fmt,
            ),
        )
    if report.distribution:
        images["distribution"] = (
            _("Level distribution"),
            charts.distribution_chart(
                labels=[c.code for c, _cell in report.distribution],
                counts=[
                    None if cell.suppressed else dict(cell.stats.reached)
                    for _c, cell in report.distribution
                ],
                levels=report.levels,
                legend_title=_("Reached level"),
                fmt=fmt,
            ),
        )
    if report.trend:
        images["trend"] = chart_images_trend(report, fmt)
    return images


def _chunks(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def pdf_chart_images(report: Report) -> dict[str, list[tuple[str, bytes]]]:
    """The charts for the PDF as PNG, per section: one image per job role, and long charts
    split into parts of at most ``PDF_CHART_ROWS`` rows, so each image fits a page whole."""
    images: dict[str, list[tuple[str, bytes]]] = {}
    codes = [c.code for c in report.competencies]
    if report.rows and report.competencies:
        parts = _chunks(report.rows, PDF_CHART_ROWS)
        images["heatmap"] = [
            (
                _("Gap heatmap: average gap in levels")
                + (f" ({n}/{len(parts)})" if len(parts) > 1 else ""),
                charts.heatmap_chart(
                    row_labels=[("  " * row.depth) + row.unit.name for row in part],
                    col_labels=codes,
                    values=[
                        [None if c.suppressed else c.stats.average_gap for c in row.cells]
                        for row in part
                    ],
                    label=_("Average gap (levels)"),
                    fmt="png",
                ),
            )
            for n, part in enumerate(parts, start=1)
        ]
    images["roles"] = [
        (
            _("Gaps per job role: %(role)s") % {"role": group.role.name},
            charts.role_gap_chart(
                groups=[
                    (
                        group.role.name,
                        [
                            (c.code, None if cell.suppressed else cell.stats.average_gap)
                            for c, cell, _target in group.cells
                        ],
                    )
                ],
                label=_("Average gap (levels)"),
                hidden_label=hidden_label(),
                fmt="png",
            ),
        )
        for group in report.role_gaps
    ]
    if report.distribution:
        parts = _chunks(report.distribution, PDF_CHART_ROWS)
        images["distribution"] = [
            (
                _("Level distribution") + (f" ({n}/{len(parts)})" if len(parts) > 1 else ""),
                charts.distribution_chart(
                    labels=[c.code for c, _cell in part],
                    counts=[
                        None if cell.suppressed else dict(cell.stats.reached) for _c, cell in part
                    ],
                    levels=report.levels,
                    legend_title=_("Reached level"),
                    fmt="png",
                ),
            )
            for n, part in enumerate(parts, start=1)
        ]
    if report.trend:
        images["trend"] = [chart_images_trend(report)]
    return images


def chart_images_trend(report: Report, fmt: str = "png") -> tuple[str, bytes]:
    return (
        _("Trend: targets met"),
        charts.trend_chart(
            months=[m for m, _met, _pairs in report.trend],
            shares=[100 * met / pairs if pairs else None for _m, met, pairs in report.trend],
            label=_("Targets met (%)"),
            fmt=fmt,
        ),
    )
