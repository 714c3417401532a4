"""Admin pages: upload a framework file (imported by a Celery task) and watch its progress."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from competencies.forms import FrameworkImportForm
from competencies.models import ImportJob
from competencies.services import import_job_create
from lms.accounts.selectors import user_is_administrator
from lms.accounts.services import audit_log


def framework_import(request):
    if not user_is_administrator(user=request.user):
        raise PermissionDenied
    form = FrameworkImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = import_job_create(
            user=request.user,
            file_name=upload.name,
            content=upload.read(),
            key=form.cleaned_data["key"],
        )
        audit_log(
            actor=request.user,
            action="competencies.framework.import_started",
            details={"file": upload.name, "job": str(job.pk)},
        )
        return redirect("competencies_admin:import_status", job_id=job.pk)
    return TemplateResponse(
        request,
        "competencies/admin/framework_import.html",
        {
            "form": form,
            "jobs": ImportJob.objects.defer("content")[:10],
            "header_title": _("Import competency framework"),
        },
    )


def import_status(request, job_id):
    if not user_is_administrator(user=request.user):
        raise PermissionDenied
    job = get_object_or_404(ImportJob.objects.defer("content"), pk=job_id)
    return TemplateResponse(
        request,
        "competencies/admin/import_status.html",
        {"job": job, "header_title": _("Framework import")},
    )
