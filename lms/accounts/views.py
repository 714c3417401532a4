from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.accounts.forms import IndividualProfileConsentForm
from lms.accounts.models import ConsentRecord
from lms.accounts.personal_data import personal_data_json, personal_data_zip
from lms.accounts.selectors import consent_is_given, user_job_roles
from lms.accounts.services import audit_log, consent_record


@login_required
def my_account(request):
    purpose = ConsentRecord.Purpose.INDIVIDUAL_PROFILE
    consent = consent_is_given(user=request.user, purpose=purpose)
    return render(
        request,
        "accounts/my_account.html",
        {
            "job_roles": user_job_roles(user=request.user),
            "consent_given": consent,
            "consent_form": IndividualProfileConsentForm(
                initial={"granted": "1" if consent else "0"}
            ),
            "individual_views_enabled": getattr(settings, "QD_INDIVIDUAL_VIEWS_ENABLED", False),
            "k_anonymity": getattr(settings, "QD_MIN_GROUP_SIZE", 5),
        },
    )


@login_required
@require_POST
def consent_update(request):
    form = IndividualProfileConsentForm(request.POST)
    if form.is_valid():
        consent_record(
            user=request.user,
            purpose=ConsentRecord.Purpose.INDIVIDUAL_PROFILE,
            granted=form.cleaned_data["granted"],
        )
        messages.success(request, _("Your decision has been recorded."))
    else:
        messages.error(request, _("Please choose one of the options."))
    return redirect("accounts:my_account")


@login_required
def personal_data_download(request, fmt):
    """The signed-in person's own data, as JSON or as a ZIP of CSV files."""
    if fmt == "json":
        content, content_type, name = (
            personal_data_json(user=request.user),
            "application/json",
            "json",
        )
    else:
        content, content_type, name = personal_data_zip(user=request.user), "application/zip", "zip"
    audit_log(
        actor=request.user,
        action="personal_data.exported",
        subject=request.user,
        details={"format": fmt},
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="meine-daten.{name}"'
    response["Cache-Control"] = "no-store"
    return response


def signin_redirect(request, to: str):
    """Send Wagtail's own sign-in and password-reset pages to allauth's page ``to``.

    Only allauth's views sign people in: they throttle failed attempts and ask staff for
    the second factor. Whatever was posted here is ignored. ``next`` is kept when it
    stays on this site, so the person lands where they were going.

    Wagtail also sends people here who are signed in but may not open a page (the admin
    without admin access, a page for other groups). allauth would send them straight back
    to that page, round in circles; they get a 403 page saying so instead.
    """
    if to == "account_login" and request.user.is_authenticated:
        return render(request, "accounts/no_access.html", status=403)
    target = reverse(to)
    next_url = request.GET.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = f"{target}?{urlencode({'next': next_url})}"
    return redirect(target)
