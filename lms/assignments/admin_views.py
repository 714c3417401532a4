"""Admin pages for mandatory training: list, create, change, and the scope preview."""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from lms.accounts import selectors as account_selectors
from lms.assignments import selectors, services
from lms.assignments.forms import AssignmentForm


def may_author(user) -> bool:
    return account_selectors.user_is_administrator(user=user) or (
        account_selectors.user_is_hr(user=user)
        and account_selectors.units_responsible_for(user=user).exists()
    )


def _require_author(request):
    if not may_author(request.user):
        raise PermissionDenied


def assignment_list(request):
    _require_author(request)
    return TemplateResponse(
        request,
        "assignments/admin/list.html",
        {
            "assignments": selectors.assignments_for(user=request.user),
            "header_title": _("Mandatory training"),
        },
    )


def assignment_edit(request, assignment_id=None):
    _require_author(request)
    instance = None
    if assignment_id is not None:
        instance = get_object_or_404(selectors.assignments_for(user=request.user), pk=assignment_id)
    form = AssignmentForm(request.POST or None, instance=instance, user=request.user)
    if request.method == "POST" and form.is_valid():
        people = form.cleaned_data.pop("people")
        assignment = form.save(commit=False)
        services.assignment_save(
            assignment=assignment, people=people, actor=request.user, created=instance is None
        )
        return redirect("assignments_admin:list")
    return TemplateResponse(
        request,
        "assignments/admin/form.html",
        {
            "form": form,
            "in_scope": form.in_scope,
            "header_title": str(instance) if instance else _("New mandatory training"),
        },
    )


def scope_preview(request):
    """How many active people the form's current scope hits (JSON, for the live preview)."""
    _require_author(request)
    form = AssignmentForm(request.GET, user=request.user)
    form.is_valid()  # fills cleaned_data as far as the input allows
    data = getattr(form, "cleaned_data", {})
    for field in ("org_unit", "job_role", "people"):
        if field in form.errors:
            return JsonResponse({"error": _("Choose from the list.")}, status=400)
    count = selectors.scope_count(
        org_unit=data.get("org_unit"),
        include_sub_units=data.get("include_sub_units", False),
        job_role=data.get("job_role"),
        user_ids=[person.pk for person in data.get("people") or []],
    )
    return JsonResponse({"count": count})
