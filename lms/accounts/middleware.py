from urllib.error import URLError
from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from lxml.etree import LxmlError
from requests import RequestException

from lms.accounts.selectors import user_requires_mfa
from lms.accounts.sso import session_has_sso_second_factor, sso_error_record

# Paths that never read the session, so its second factor does not matter there: static
# files, the language switch, the health check, SCIM (bearer token) and the LRS (HTTP
# Basic on every request; a session cookie grants nothing at /xapi/ or /scim/). /media/ is
# not here: production serves media from storage, not through Django, and a pending session
# has no page to show them on.
_SESSION_FREE_PREFIXES = ("/static/", "/i18n/", "/healthz", "/xapi/", "/scim/")

# What a staff session may reach before it completes the second factor. Nothing else under
# /accounts/ either: with only a password, recovery codes, TOTP removal, e-mail and password
# changes would hand the account over.
_CODE_STEP = ("mfa_reauthenticate", "account_logout")
# Without an authenticator: set one up (allauth first asks again for the password, or for a
# code sent by e-mail).
_SET_UP_STEP = (
    "mfa_activate_totp",
    "account_reauthenticate",
    "account_request_reauthentication_code",
    "account_confirm_reauthentication_code",
    "account_logout",
)

# Second factors the code step can check (recovery codes alone are a fallback, not a factor
# to set up).
_FACTORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


class RequireMFAForStaffMiddleware:
    """Staff reach the platform only after the second factor in *this* session.

    Staff: superusers, members of ``QD_MFA_REQUIRED_GROUPS`` and, in the Wagtail admin,
    anyone who may enter it (``selectors.user_requires_mfa``). A staff session is complete
    when allauth recorded an ``mfa`` authentication for this person in this session (the
    code step of its login, or the code step below) and the person still has an
    authenticator. Having an authenticator is not enough: a session that began with a
    password alone, before the person became staff, or outside allauth's login is sent to
    the code step (``mfa_reauthenticate``, keeping the page as ``next``), or to setting up
    TOTP when the person has no authenticator. A sign-in through an identity provider
    whose ID token names a trusted second factor (``lms.accounts.sso``) completes the
    session as well. Checked on every request, so a change of groups or a removed
    authenticator takes effect at once.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is None
            or not user.is_authenticated
            or request.path.startswith(_SESSION_FREE_PREFIXES)
        ):
            return self.get_response(request)
        in_admin = request.path.startswith(reverse("wagtailadmin_home"))
        if not user_requires_mfa(user=user, admin=in_admin):
            return self.get_response(request)
        if session_has_sso_second_factor(request, user):
            # The identity provider checked a second factor this deployment trusts
            # (QD_SSO_TRUSTED_AMR / QD_SSO_TRUSTED_ACR) for this sign-in.
            return self.get_response(request)
        has_factor = is_mfa_enabled(user, _FACTORS)
        if has_factor and _session_completed_mfa(request, user):
            return self.get_response(request)
        step = _CODE_STEP if has_factor else _SET_UP_STEP
        if request.path in {reverse(name) for name in step}:
            return self.get_response(request)
        if not has_factor:
            messages.warning(
                request,
                _("Your role requires two-factor authentication. Please set it up to continue."),
            )
            return redirect(reverse("mfa_activate_totp"))
        messages.warning(
            request,
            _("Please confirm your sign-in with a code from your authenticator app."),
        )
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse('mfa_reauthenticate')}?{query}")


def _session_completed_mfa(request, user) -> bool:
    """allauth keeps a log of the authentications of this session, tied to this person."""
    records = get_authentication_records(request, user)
    return any(record.get("method") == "mfa" for record in records)


class IdentityProviderErrorMiddleware:
    """Errors at the sign-in routes of identity providers are clear error pages, never
    server errors: an unreachable provider (discovery, keys, metadata, token endpoint: 502)
    and a SAML response that does not even parse (DTDs and entities are refused by the SAML
    library with ValueError, broken XML by lxml: 400). Both are audited (``sso.failed``)."""

    PREFIXES = ("/accounts/oidc/", "/accounts/saml/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not request.path.startswith(self.PREFIXES):
            return None
        if isinstance(exception, RequestException | URLError | TimeoutError | ConnectionError):
            sso_error_record(source=request.path, error="unreachable", detail=str(exception))
            return render(request, "accounts/sso_unavailable.html", status=502)
        if request.path.startswith("/accounts/saml/") and isinstance(
            exception, LxmlError | ValueError
        ):
            sso_error_record(source=request.path, error="malformed", detail=repr(exception))
            return render(request, "accounts/sso_failed.html", {"provider": None}, status=400)
        return None
