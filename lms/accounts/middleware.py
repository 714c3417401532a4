from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from lms.accounts.selectors import user_group_names

# Paths a person without a second factor may still reach: setting one up, logging out,
# switching the language, and static assets.
_ALWAYS_ALLOWED_PREFIXES = ("/accounts/", "/i18n/", "/static/", "/media/", "/xapi/", "/healthz")


class RequireMFAForStaffMiddleware:
    """Trainers, HR and administrators must set up TOTP before they can do anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(_ALWAYS_ALLOWED_PREFIXES)
            and self._requires_mfa(user)
            and not is_mfa_enabled(user)
        ):
            messages.warning(
                request,
                _("Your role requires two-factor authentication. Please set it up to continue."),
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    @staticmethod
    def _requires_mfa(user) -> bool:
        required = set(getattr(settings, "QD_MFA_REQUIRED_GROUPS", ()))
        return user.is_superuser or bool(required & user_group_names(user=user))
