"""Learner profile, evidence trail and HR reports. Views parse input, call one service or
selector, and render."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import (
    FileResponse,
    Http404,
    HttpResponseBadRequest,
    HttpResponseNotAllowed,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from competencies import charts, exports, reporting, selectors, services
from competencies.forms import ExportForm, ReportFilterForm, ScheduleForm, SelfAssessmentForm
from competencies.models import Competency, ProficiencyLevel, ReportExport
from lms.accounts.selectors import ConsentPurpose, user_is_administrator, user_is_hr
from lms.accounts.services import audit_log


def _require_hr(request):
    if not user_is_hr(user=request.user):
        raise PermissionDenied


@login_required
def my_profile(request):
    gaps = selectors.gaps_for_user(user=request.user)
    scale_ids = {g.competency.framework.scale_id for g in gaps}
    levels_by_scale: dict[int, list[ProficiencyLevel]] = {}
    for level in ProficiencyLevel.objects.filter(scale_id__in=scale_ids).order_by("rank"):
        levels_by_scale.setdefault(level.scale_id, []).append(level)
    rows = []
    for gap in gaps:
        levels = levels_by_scale.get(gap.competency.framework.scale_id, [])
        form = SelfAssessmentForm(
            levels=levels,
            initial={"rank": gap.self_assessed_rank or None},
            prefix=f"c{gap.competency.pk}",
        )
        rows.append({"gap": gap, "form": form})
    chart = None
    if gaps:
        chart = charts.data_uri(
            charts.profile_chart(
                [
                    (g.competency.code, g.target_rank, g.reached_rank, g.self_assessed_rank)
                    for g in gaps
                ],
                labels={
                    "reached": _("Reached (measured)"),
                    "target": _("Target of my role"),
                    "self": _("My own rating"),
                    "axis": _("Level"),
                },
            )
        )
    met = sum(1 for g in gaps if g.gap == 0)
    summary = _(
        "You meet %(met)s of %(total)s targets of your job role; the largest gap is in %(worst)s."
    ) % {
        "met": met,
        "total": len(gaps),
        "worst": gaps[0].competency.display_name if gaps and gaps[0].gap else _("none"),
    }
    return render(
        request,
        "competencies/me.html",
        {"rows": rows, "chart": chart, "summary": summary, "has_targets": bool(gaps)},
    )


@login_required
@require_POST
def self_assess(request, competency_id: int):
    competency = get_object_or_404(
        Competency.objects.select_related("framework"),
        pk=competency_id,
        kind=Competency.Kind.COMPETENCY,
    )
    levels = ProficiencyLevel.objects.filter(scale_id=competency.framework.scale_id).order_by(
        "rank"
    )
    form = SelfAssessmentForm(request.POST, levels=list(levels), prefix=f"c{competency.pk}")
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("rank", [])))
        return redirect("competencies:me")
    try:
        services.competency_self_assess(
            user=request.user, competency=competency, rank=form.cleaned_data["rank"]
        )
    except ValidationError:
        messages.error(request, _("This rating could not be saved."))
    else:
        message = _("Your own rating for %(name)s was saved.")
        messages.success(request, message % {"name": competency.display_name})
    return redirect("competencies:me")


@login_required
@require_GET
def evidence_trail(request, competency_id: int):
    competency = get_object_or_404(Competency.objects.select_related("framework"), pk=competency_id)
    trail = selectors.evidence_trail(user=request.user, competency=competency)
    return render(request, "competencies/evidence.html", {"competency": competency, "trail": trail})


# --------------------------------------------------------------------------- HR reports


def _report_context(request, report, form):
    images = exports.chart_images(report, fmt="svg", heatmap_rows_max=exports.PDF_CHART_ROWS)
    return {
        "form": form,
        "report": report,
        "charts": {
            key: {"caption": caption, "uri": charts.data_uri(svg)}
            for key, (caption, svg) in images.items()
        },
        "summary": services.report_summary(report),
        "suppression_note": reporting.suppression_note(report.k),
        "competencies": report.competencies,
        "export_form": ExportForm(),
        "schedule_form": ScheduleForm(),
        "query": request.GET.urlencode(),
        "individual_views": getattr(settings, "QD_INDIVIDUAL_VIEWS_ENABLED", False),
        "trend_rows": [
            (month, met, pairs, round(100 * met / pairs) if pairs else None)
            for month, met, pairs in report.trend
        ],
    }


@login_required
@require_GET
def reports(request):
    _require_hr(request)
    form = ReportFilterForm(request.GET or None, user=request.user)
    if request.GET and not form.is_valid():
        return render(request, "competencies/reports.html", {"form": form}, status=400)
    filters = form.filters() if request.GET else reporting.ReportFilters()
    try:
        report = reporting.report_build(user=request.user, filters=filters)
    except PermissionError as exc:
        raise PermissionDenied from exc
    return render(request, "competencies/reports.html", _report_context(request, report, form))


@login_required
@require_POST
def report_export(request):
    _require_hr(request)
    form = ExportForm(request.POST)
    filters_form = ReportFilterForm(request.POST, user=request.user)
    if not form.is_valid() or not filters_form.is_valid():
        messages.error(request, _("The export could not be started: check the filters."))
        return redirect("competencies:reports")
    params = {
        key: request.POST.get(key, "") for key in ("unit", "role", "framework", "start", "end")
    }
    export = services.report_export_request(
        user=request.user, params=params, fmt=form.cleaned_data["format"]
    )
    return redirect("competencies:export_status", export_id=export.pk)


@login_required
@require_POST
def report_schedule(request):
    _require_hr(request)
    form = ScheduleForm(request.POST)
    params = {
        key: request.POST.get(key, "") for key in ("unit", "role", "framework", "start", "end")
    }
    if not form.is_valid():
        messages.error(request, _("Please choose a format."))
        return redirect("competencies:reports")
    try:
        services.scheduled_report_create(
            user=request.user, params=params, fmt=form.cleaned_data["format"]
        )
    except ValidationError:
        messages.error(request, _("The report could not be scheduled: check the filters."))
    else:
        messages.success(
            request,
            _("Monthly report scheduled. You will receive an e-mail with a download link."),
        )
    return redirect(reverse("competencies:reports") + "?" + request.POST.get("query", ""))


@login_required
@require_GET
def schedules(request):
    if not (user_is_hr(user=request.user) or user_is_administrator(user=request.user)):
        raise PermissionDenied
    today = timezone.localdate()
    statuses = dict(ReportExport.Status.choices)
    rows = [
        {
            "schedule": schedule,
            "own": schedule.owner_id == request.user.pk,
            "next_run": selectors.scheduled_report_next_run(schedule, today=today),
            "last_status": statuses.get(schedule.last_export_status, ""),
        }
        for schedule in selectors.scheduled_reports_visible(user=request.user)
    ]
    return render(
        request,
        "competencies/schedules.html",
        {"rows": rows, "can_report": user_is_hr(user=request.user)},
    )


SCHEDULE_ACTIONS = {"pause", "resume"}


def _managed_schedule(request, schedule_id: int):
    if not (user_is_hr(user=request.user) or user_is_administrator(user=request.user)):
        raise PermissionDenied
    schedule = selectors.scheduled_reports_visible(user=request.user).filter(pk=schedule_id).first()
    if schedule is None:
        raise Http404
    return schedule


@login_required
@require_POST
def schedule_change(request, schedule_id: int):
    action = request.POST.get("action")
    _managed_schedule(request, schedule_id)
    if action == "delete":  # deleting asks first, on a page of its own
        return redirect("competencies:schedule_delete", schedule_id=schedule_id)
    if action not in SCHEDULE_ACTIONS:
        return HttpResponseBadRequest(_("Unknown action."))
    try:
        services.scheduled_report_set_active(
            user=request.user, schedule_id=schedule_id, active=action == "resume"
        )
    except PermissionDenied as exc:
        raise Http404 from exc
    if action == "resume":
        messages.success(request, _("The scheduled report runs again every month."))
    else:
        messages.success(request, _("The scheduled report is paused."))
    return redirect("competencies:schedules")


@login_required
def schedule_delete(request, schedule_id: int):
    """GET: ask whether to delete the schedule (no JavaScript needed); POST: delete it."""
    schedule = _managed_schedule(request, schedule_id)
    if request.method == "POST":
        try:
            services.scheduled_report_delete(user=request.user, schedule_id=schedule_id)
        except PermissionDenied as exc:
            raise Http404 from exc
        messages.success(request, _("The scheduled report was deleted."))
        return redirect("competencies:schedules")
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    return render(
        request,
        "competencies/schedule_delete.html",
        {"schedule": schedule, "own": schedule.owner_id == request.user.pk},
    )


def _own_export(request, export_id) -> ReportExport:
    export = get_object_or_404(ReportExport, pk=export_id)
    if export.requested_by_id != request.user.pk or not user_is_hr(user=request.user):
        raise Http404
    return export


@login_required
@require_GET
def export_status(request, export_id):
    export = _own_export(request, export_id)
    return render(request, "competencies/export_status.html", {"export": export})


@login_required
@require_GET
def export_status_json(request, export_id):
    export = _own_export(request, export_id)
    return JsonResponse(
        {
            "status": export.status,
            "progress": export.progress,
            "download": reverse("competencies:export_download", args=[export.pk])
            if export.status == ReportExport.Status.DONE
            else None,
        }
    )


@login_required
@require_GET
def export_download(request, export_id):
    export = _own_export(request, export_id)
    if export.status != ReportExport.Status.DONE or not export.file:
        raise Http404
    audit_log(
        actor=request.user,
        action="competencies.report.downloaded",
        details={"export": str(export.pk), "format": export.format},
    )
    return FileResponse(
        export.file.open("rb"), as_attachment=True, filename=export.file.name.rsplit("/", 1)[-1]
    )


@login_required
@require_GET
def individual_profiles(request):
    """Individual drill-down: only with the deployment switch, only people
    who consented, only in the HR person's scope; every view is audited."""
    _require_hr(request)
    if not getattr(settings, "QD_INDIVIDUAL_VIEWS_ENABLED", False):
        # Not a debug 404: the page says which deployment setting switches the view on.
        return render(request, "competencies/people_disabled.html", status=404)
    form = ReportFilterForm(request.GET or None, user=request.user)
    if not request.GET or not form.is_valid() or form.cleaned_data.get("unit") is None:
        return render(request, "competencies/people.html", {"form": form, "people": None})
    unit = form.cleaned_data["unit"]
    people = selectors.consenting_profiles(unit=unit, purpose=ConsentPurpose.INDIVIDUAL_PROFILE)
    audit_log(
        actor=request.user,
        action="competencies.individual_profiles.viewed",
        subject=unit,
        details={"people": [str(p.user.pseudonym) for p in people]},
    )
    return render(
        request, "competencies/people.html", {"form": form, "people": people, "unit": unit}
    )
