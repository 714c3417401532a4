from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from lms.accounts.admin_forms import OrganisationImportForm
from lms.accounts.imports import CSVImportError, import_org_units, import_people
from lms.accounts.selectors import user_is_administrator
from lms.accounts.services import audit_log


def organisation_import(request):
    """Upload a CSV of org units or people; either all rows are imported or none."""
    if not user_is_administrator(user=request.user):
        raise PermissionDenied
    errors = []
    form = OrganisationImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        importer = import_org_units if form.cleaned_data["kind"] == "org_units" else import_people
        try:
            result = importer(form.cleaned_data["file"].read())
        except CSVImportError as exc:
            errors = exc.errors
        else:
            audit_log(
                actor=request.user,
                action="organisation.imported",
                details={
                    "kind": form.cleaned_data["kind"],
                    "created": result.created,
                    "updated": result.updated,
                },
            )
            messages.success(
                request,
                _("Import complete: %(created)d created, %(updated)d updated.")
                % {"created": result.created, "updated": result.updated},
            )
            return redirect("accounts_admin:organisation_import")
    return TemplateResponse(
        request,
        "accounts/admin/organisation_import.html",
        {"form": form, "errors": errors, "header_title": _("Import organisation")},
    )
