"""Item statistics for trainers (Wagtail admin). Aggregates only; no person is shown."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assessments import selectors
from assessments.models import Assessment

FLAG_LABELS = {
    "too_hard": gettext_lazy("very hard (under 20 % of the points earned)"),
    "too_easy": gettext_lazy("very easy (over 95 % of the points earned)"),
    "low_discrimination": gettext_lazy("weak discrimination (r under 0.2)"),
    "negative_discrimination": gettext_lazy(
        "negative discrimination – strong candidates do worse; check the key"
    ),
    "unused_distractor": gettext_lazy("a distractor is chosen by under 5 %"),
    "distractor_beats_key": gettext_lazy(
        "the best group prefers a distractor to the correct option"
    ),
}


def _require_permission(request):
    if not request.user.has_perm("assessments.view_assessment"):
        raise PermissionDenied


def statistics_index(request):
    _require_permission(request)
    return TemplateResponse(
        request,
        "assessments/admin/statistics_index.html",
        {
            "page_title": _("Item statistics"),
            "header_icon": "table",
            "assessments": selectors.assessments_with_attempt_counts(),
        },
    )


def statistics_detail(request, pk):
    _require_permission(request)
    assessment = get_object_or_404(Assessment, pk=pk)
    report = selectors.item_statistics(assessment=assessment)
    for row in report.items:
        row.flag_labels = [FLAG_LABELS.get(flag, flag) for flag in row.stats.flags]
    return TemplateResponse(
        request,
        "assessments/admin/statistics_detail.html",
        {
            "page_title": _("Item statistics: %(title)s") % {"title": assessment.title},
            "header_icon": "table",
            "report": report,
            "flagged": sum(1 for row in report.items if row.stats.flags),
            "min_group_size": getattr(settings, "QD_MIN_GROUP_SIZE", 5),
        },
    )
