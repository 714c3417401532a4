"""Report exports: the report's data tables as CSV, XLSX or PDF (with PNG charts).

The tables are the same ones the page shows; suppressed cells are written as the word
for "suppressed", never as a number. Names come from people who author courses, units
and frameworks, so CSV and XLSX cells go through ``lms.spreadsheets`` (no formulas).
"""

import io
from pathlib import Path

import matplotlib
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
    def footer(self):
        self.set_y(-12)
        self.set_font("DejaVu", size=7)
        self.cell(0, 8, f"Qualifica Digitalis · {self.page_no()}", align="C")


def _font_path() -> str:
    """DejaVu Sans ships with matplotlib: a Unicode font for German text, no download."""
    return str(Path(matplotlib.get_data_path()) / "fonts" / "ttf")


def to_pdf(
    report: Report, *, images: dict[str, tuple[str, bytes]], title: str, summary: str
) -> bytes:
    """A PDF with the summary, the charts as PNG and every data table."""
    pdf = _PDF(orientation="L", format="A4")
    fonts = _font_path()
    pdf.add_font("DejaVu", "", f"{fonts}/DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", f"{fonts}/DejaVuSans-Bold.ttf")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=9)
    pdf.multi_cell(0, 5, summary, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for caption, png in images.values():
        pdf.set_font("DejaVu", "B", 11)
        pdf.multi_cell(0, 7, caption, new_x="LMARGIN", new_y="NEXT")
        pdf.image(io.BytesIO(png), x=pdf.l_margin, w=min(250, pdf.epw))
        pdf.set_x(pdf.l_margin)
        pdf.ln(3)
    for table_title, header, rows in report_tables(report):
        pdf.add_page()
        pdf.set_font("DejaVu", "B", 11)
        pdf.multi_cell(0, 7, table_title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", size=7)
        if not rows:
            pdf.multi_cell(0, 5, _("No data."), new_x="LMARGIN", new_y="NEXT")
            continue
        with pdf.table(text_align="LEFT", first_row_as_headings=True, line_height=4.5) as table:
            table.row([str(h) for h in header])
            for row in rows:
                table.row([str(v) for v in row])
    return bytes(pdf.output())


def chart_images(report: Report, *, fmt: str) -> dict[str, tuple[str, bytes]]:
    """The report's charts: key -> (caption, image bytes)."""
    heat_values = [
        [None if c.suppressed else c.stats.average_gap for c in row.cells] for row in report.rows
    ]
    images = {}
    if report.rows and report.competencies:
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
        images["trend"] = (
            _("Trend: targets met"),
            charts.trend_chart(
                months=[m for m, _met, _pairs in report.trend],
                shares=[100 * met / pairs if pairs else None for _m, met, pairs in report.trend],
                label=_("Targets met (%)"),
                fmt=fmt,
            ),
        )
    return images
