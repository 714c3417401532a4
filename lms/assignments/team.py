"""The team view for managers and the status list for HR (thin views; rules in selectors)."""

import io

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook

from competencies import charts
from competencies.suppression import build_blocks
from lms import spreadsheets
from lms.accounts import selectors as account_selectors
from lms.accounts.services import audit_log
from lms.assignments import selectors

STATUSES = (selectors.NOT_STARTED, selectors.IN_PROGRESS, selectors.DONE, selectors.OVERDUE)


def _status_label(status: str) -> str:
    return {
        selectors.NOT_STARTED: pgettext("training status", "Not started"),
        selectors.IN_PROGRESS: pgettext("training status", "In progress"),
        selectors.DONE: pgettext("training status", "Done"),
        selectors.OVERDUE: pgettext("training status", "Overdue"),
    }[status]


@login_required
def team(request):
    """Managers: the state of each mandatory training of the people in their units."""
    if not getattr(settings, "QD_TEAM_VIEW_ENABLED", False):
        raise Http404
    units = account_selectors.units_responsible_for(
        user=request.user, kind=account_selectors.ResponsibilityKind.MANAGER
    )
    unit_ids = list(units.values_list("pk", flat=True))
    if not unit_ids:
        raise PermissionDenied
    rows = selectors.status_rows(people_filter=Q(org_unit__in=unit_ids) & ~Q(pk=request.user.pk))
    audit_log(
        actor=request.user,
        action="assignments.team.viewed",
        details={"units": unit_ids, "people": len({row.user_id for row in rows})},
    )
    return render(request, "assignments/team.html", {"rows": rows})


def _hr_units(request):
    if not account_selectors.user_is_hr(user=request.user):
        raise PermissionDenied
    units = list(account_selectors.units_responsible_for(user=request.user))
    if not units:
        raise PermissionDenied
    return units


@login_required
def hr_status(request):
    """HR: the same list across their units, filterable by unit and state, with export and
    a completion-rate chart per unit that hides small groups."""
    units = _hr_units(request)
    by_id = {unit.pk: unit for unit in units}
    chosen = request.GET.get("unit", "")
    status = request.GET.get("status", "")
    if (chosen and (not chosen.isdigit() or int(chosen) not in by_id)) or (
        status and status not in STATUSES
    ):
        return HttpResponse(_("Unknown filter."), status=400, content_type="text/plain")
    selected = [u for u in units if u.path.startswith(by_id[int(chosen)].path)] if chosen else units
    rows = selectors.status_rows(people_filter=Q(org_unit__in=[u.pk for u in selected]))
    if status:
        rows = [row for row in rows if row.status == status]
    fmt = request.GET.get("format", "")
    details = {"units": [u.pk for u in selected], "status": status, "rows": len(rows)}
    if fmt in ("csv", "xlsx"):
        audit_log(
            actor=request.user,
            action="assignments.status.exported",
            details={**details, "format": fmt},
        )
        return _export(rows, fmt)
    if fmt:
        return HttpResponse(_("Unknown format."), status=400, content_type="text/plain")
    audit_log(actor=request.user, action="assignments.status.viewed", details=details)
    return render(
        request,
        "assignments/hr_status.html",
        {
            "rows": rows,
            "units": units,
            "chosen": chosen,
            "status": status,
            "statuses": [(s, _status_label(s)) for s in STATUSES],
            "chart": _completion_chart(units, rows if not status else None),
        },
    )


def _completion_chart(units, rows):
    """Share of done mandatory courses per unit (with its sub-units), where the unit's
    people form whole suppression blocks of at least k people."""
    if rows is None:
        return None
    parent, _all_units = account_selectors.org_unit_tree()
    atoms = {
        (unit, None): count for unit, count in account_selectors.active_people_per_unit().items()
    }
    blocks = build_blocks(atoms=atoms, parent=parent, k=settings.QD_MIN_GROUP_SIZE)
    labels, shares = [], []
    for unit in units:
        subtree = [u for u in units if u.path.startswith(unit.path)]
        ids = {u.pk for u in subtree}
        own = [row for row in rows if row.unit_id in ids]
        visible = blocks.visible([(u.pk, None) for u in subtree])
        labels.append(unit.name)
        done = sum(row.status == selectors.DONE for row in own)
        shares.append(round(100 * done / len(own)) if own and visible else None)
    svg = charts.share_bars_chart(
        labels=labels,
        shares=shares,
        label=_("Mandatory courses done (%)"),
        hidden_label=_("hidden: fewer than %(k)s people") % {"k": settings.QD_MIN_GROUP_SIZE},
    )
    return {"uri": charts.data_uri(svg), "rows": list(zip(labels, shares, strict=True))}


def _export(rows, fmt):
    header = [
        _("Person"),
        _("Org unit"),
        _("Course"),
        _("Mandatory because"),
        _("Deadline"),
        _("Status"),
        _("Completed on"),
    ]
    table = [
        [
            row.name,
            row.unit,
            row.course_title,
            row.source,
            row.deadline.isoformat() if row.deadline else "",
            _status_label(row.status),
            row.completed_at.date().isoformat() if row.completed_at else "",
        ]
        for row in rows
    ]
    if fmt == "csv":
        response = HttpResponse(
            spreadsheets.csv_bytes([header, *table]), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="pflichtschulungen.csv"'
        return response
    book = Workbook()
    sheet = book.active
    sheet.title = _("Mandatory training")
    for values in [header, *table]:
        spreadsheets.xlsx_append(sheet, values)
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="pflichtschulungen.xlsx"'
    return response
