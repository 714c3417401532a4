"""Single sign-on policy: which person an identity provider's sign-in belongs to, what it
may change about them, whether it counts as a second factor, and whether passwords still
sign in at all. One place for OpenID Connect and SAML; the allauth adapters only call it.

Linking (``sso_login_accept``), in this order, never by name:

1. the provider's stable subject (``sub``, a persistent SAML NameID) already linked;
2. the employee number, when the provider sends one and exactly that person has it;
3. the e-mail address, only when the provider vouches for it (``email_verified``) and the
   deployment allows it (``QD_SSO_LINK_BY_EMAIL``, per app ``link_by_email``);
4. nobody has that address or number: a new person (``QD_SSO_CREATE_PEOPLE``).

Anything else is refused with a message and an audit entry, and nothing is written. A
person linked to one subject of a provider is never linked to a second one.
Every accepted sign-in applies the provider's claims through ``directory_record_apply``
(the same path as SCIM and LDAP), so a mover's unit and roles follow the directory.
"""

import dataclasses
from collections.abc import Callable
from urllib.parse import urlencode

from allauth.socialaccount.models import SocialAccount
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import DataError, transaction
from django.utils.translation import gettext

from lms.accounts.directory import DirectoryError, DirectoryRecord, directory_record_apply
from lms.accounts.models import JobRole, OrgUnit
from lms.accounts.services import audit_log

User = get_user_model()

SESSION_KEY = "qd_sso"
# Keys of the allauth state (stashed in the session for one sign-in) the OpenID Connect
# callback fills in (lms.accounts.sso_oidc.views).
STATE_ID_TOKEN = "qd_id_token"  # noqa: S105 - a key name
STATE_END_SESSION = "qd_end_session_endpoint"

# Which claim holds which directory field, unless the app's settings say otherwise.
DEFAULT_CLAIMS = {
    "email": "email",
    "email_verified": "email_verified",
    "given_name": "given_name",
    "family_name": "family_name",
    "employee_number": "employee_number",
    "org_unit": "org_unit",
    "roles": "roles",
}


class SSORefused(Exception):
    """The sign-in is refused; ``message`` is for the person, ``reason`` for the audit log."""

    def __init__(self, message: str, *, reason: str, person=None):
        super().__init__(message)
        self.message = message
        self.reason = reason
        self.person = person


@dataclasses.dataclass(frozen=True)
class SSOIdentity:
    """One sign-in as the provider describes it."""

    provider: str  # SocialAccount.provider: the app's provider id
    subject: str
    claims: dict
    app_settings: dict
    source: str  # for the audit log, e.g. "openid_connect:keycloak"
    # SAML has no email_verified: an app's settings may vouch for every address it sends.
    email_verified_by_provider: bool = False


# --- Claims -------------------------------------------------------------------------------


def _claim(claims: dict, path: str):
    """A claim by name; a dotted name reaches into objects (Keycloak: realm_access.roles)."""
    if not path:
        return None
    if path in claims:
        return claims[path]
    value = claims
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value).strip()


def _codes(value) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = value.replace(",", " ").split()
    return [str(item).strip() for item in value if str(item).strip()]


def _truthy(value) -> bool:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in {"true", "1", "yes"}


def claim_names(app_settings: dict) -> dict:
    return {**DEFAULT_CLAIMS, **(app_settings.get("claims") or {})}


def directory_record_from_claims(claims: dict, app_settings: dict) -> tuple[DirectoryRecord, dict]:
    """The directory record the claims describe, and what of them the platform ignored.

    Providers send many groups and roles that mean nothing here (Keycloak's
    ``offline_access``): only codes of known job roles count, an unknown unit leaves the
    person's unit as it is. Both are reported for the audit log.
    """
    names = claim_names(app_settings)
    email = _text(_claim(claims, names["email"]))
    if not email:
        raise SSORefused(
            gettext(
                "Your identity provider did not send an e-mail address. Please contact the "
                "administration."
            ),
            reason="no_email",
        )
    ignored: dict = {}
    unit = _text(_claim(claims, names["org_unit"]))
    if unit is not None and unit and not OrgUnit.objects.filter(code=unit).exists():
        ignored["org_unit"] = unit
        unit = None
    roles = _codes(_claim(claims, names["roles"]))
    if roles is not None:
        known = set(JobRole.objects.filter(code__in=roles).values_list("code", flat=True))
        unknown = sorted(set(roles) - known)
        if unknown:
            ignored["roles"] = unknown
        roles = sorted(known)
    record = DirectoryRecord(
        email=email,
        given_name=_text(_claim(claims, names["given_name"])) or "",
        family_name=_text(_claim(claims, names["family_name"])) or "",
        employee_number=_text(_claim(claims, names["employee_number"])) or None,
        org_unit_code=unit or None,
        job_role_codes=roles,
    )
    return record, ignored


def email_is_verified(claims: dict, app_settings: dict) -> bool:
    return _truthy(_claim(claims, claim_names(app_settings)["email_verified"]))


# --- Linking ------------------------------------------------------------------------------


def link_by_email_allowed(app_settings: dict) -> bool:
    override = app_settings.get("link_by_email")
    if override is not None:
        return bool(override)
    return bool(getattr(settings, "QD_SSO_LINK_BY_EMAIL", False))


def _not_linkable() -> str:
    return gettext(
        "An account with this e-mail address already exists, but it cannot be linked to your "
        "sign-in automatically. Please ask the administration to link your account."
    )


def _person_for_identity(identity: SSOIdentity, record: DirectoryRecord, linked_user):
    """(person or None for a new one, how the link was found)."""
    if linked_user is not None:
        return linked_user, "subject"
    linked = SocialAccount.objects.filter(provider=identity.provider)
    if record.employee_number:
        person = User.objects.filter(personnel_number=record.employee_number).first()
        if person is not None:
            if linked.filter(user=person).exists():
                raise SSORefused(_not_linkable(), reason="linked_to_other_subject", person=person)
            return person, "employee_number"
    email = User.objects.normalize_email(record.email).lower()
    person = User.objects.filter(email=email).first()
    if person is not None:
        if linked.filter(user=person).exists():
            raise SSORefused(_not_linkable(), reason="linked_to_other_subject", person=person)
        if not (
            identity.email_verified_by_provider
            or email_is_verified(identity.claims, identity.app_settings)
        ):
            raise SSORefused(_not_linkable(), reason="email_not_verified", person=person)
        if not link_by_email_allowed(identity.app_settings):
            raise SSORefused(_not_linkable(), reason="link_by_email_off", person=person)
        return person, "email"
    if not getattr(settings, "QD_SSO_CREATE_PEOPLE", True):
        raise SSORefused(
            gettext(
                "There is no account for you on this platform yet. Please contact the "
                "administration."
            ),
            reason="unknown_person",
        )
    return None, "new"


def sso_login_accept(
    *, identity: SSOIdentity, linked_user, link: Callable[[object, bool], None]
) -> tuple:
    """Accept a sign-in: find or create the person, apply the claims, link the subject.

    ``linked_user``: the person the subject is already linked to, if any. ``link(person,
    notify)`` records a new link (``notify``: tell an existing person by e-mail). Returns
    (person, how). Raises ``SSORefused`` (audited, nothing written).
    """
    try:
        try:
            return _accept(identity, linked_user, link)
        except (DataError, ValidationError, TypeError, ValueError) as error:
            # Claims of a shape no directory field takes (too long, not text): refused.
            raise SSORefused(
                gettext(
                    "Your identity provider sent data this platform cannot accept. Please "
                    "contact the administration."
                ),
                reason="invalid_claims",
            ) from error
    except SSORefused as refusal:
        audit_log(
            actor=None,
            action="sso.refused",
            subject=refusal.person,
            details={
                "source": identity.source,
                "subject": identity.subject,
                "reason": refusal.reason,
            },
        )
        raise


@transaction.atomic
def _accept(identity: SSOIdentity, linked_user, link) -> tuple:
    """All or nothing: the person, their link and the audit entries, or none of them."""
    record, ignored = directory_record_from_claims(identity.claims, identity.app_settings)
    person, how = _person_for_identity(identity, record, linked_user)
    if person is not None and not person.is_active:
        raise SSORefused(
            gettext("Your account is deactivated. Please contact the administration."),
            reason="inactive",
            person=person,
        )
    try:
        person = directory_record_apply(record=record, user=person, source=identity.source)
    except DirectoryError as error:
        raise SSORefused(
            gettext(
                "Your sign-in could not be matched to your account: %(reason)s Please "
                "contact the administration."
            )
            % {"reason": error},
            reason=f"directory_{error.field}",
            person=person,
        ) from error
    if how != "subject":
        link(person, how != "new")
        audit_log(
            actor=None,
            action="sso.linked",
            subject=person,
            details={"source": identity.source, "subject": identity.subject, "via": how},
        )
    audit_log(
        actor=None,
        action="sso.signed_in",
        subject=person,
        details={
            "source": identity.source,
            "via": how,
            "second_factor": second_factor_in_claims(identity.claims),
            "ignored": ignored,
        },
    )
    return person, how


def sso_error_record(*, source: str, error: str, detail: str) -> None:
    """A sign-in the provider's answer did not pass (bad token, state, nonce...)."""
    audit_log(
        actor=None,
        action="sso.failed",
        details={"source": source, "error": error, "detail": detail[:500]},
    )


def saml_settings_enforced(app_settings: dict) -> dict:
    """A SAML app's settings with what this platform never lets go: signed assertions,
    strict checks (audience, destination, times), no IdP-initiated sign-in (no request
    of ours to answer), no deprecated algorithms. Whatever the admin entered."""
    advanced = {
        **(app_settings.get("advanced") or {}),
        "strict": True,
        "want_assertion_signed": True,
        "reject_idp_initiated_sso": True,
        "reject_deprecated_algorithm": True,
    }
    return {**app_settings, "advanced": advanced}


# --- Second factor ------------------------------------------------------------------------


def second_factor_in_claims(claims: dict) -> bool:
    """Whether the provider says it checked a second factor that this deployment trusts
    (``QD_SSO_TRUSTED_AMR``: any of the ``amr`` values; ``QD_SSO_TRUSTED_ACR``: the ``acr``)."""
    trusted_amr = set(getattr(settings, "QD_SSO_TRUSTED_AMR", ()))
    trusted_acr = set(getattr(settings, "QD_SSO_TRUSTED_ACR", ()))
    amr = claims.get("amr") or []
    if isinstance(amr, str):
        amr = amr.split()
    if trusted_amr & {str(value) for value in amr}:
        return True
    acr = claims.get("acr")
    return bool(acr) and str(acr) in trusted_acr


def session_login_record(*, request, user, provider: str, claims: dict, state: dict) -> None:
    """Remember for this session what its sign-in through the provider established: the
    second factor, and what RP-initiated logout needs (the ID token, the end-session URL)."""
    request.session[SESSION_KEY] = {
        "user": user.pk,
        "provider": provider,
        "second_factor": second_factor_in_claims(claims),
        "id_token": state.get(STATE_ID_TOKEN),
        "end_session_endpoint": state.get(STATE_END_SESSION),
    }


def _session_record(request, user) -> dict:
    record = request.session.get(SESSION_KEY) or {}
    return record if record.get("user") == user.pk else {}


def session_has_sso_second_factor(request, user) -> bool:
    return bool(_session_record(request, user).get("second_factor"))


def end_session_url(request, *, post_logout_redirect_uri: str) -> str | None:
    """The provider's end-session URL for this session's SSO sign-in, or None."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    record = _session_record(request, user)
    endpoint, id_token = record.get("end_session_endpoint"), record.get("id_token")
    if not endpoint or not id_token:
        return None
    query = urlencode(
        {"id_token_hint": id_token, "post_logout_redirect_uri": post_logout_redirect_uri}
    )
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"


# --- Password sign-in ---------------------------------------------------------------------


def password_login_mode() -> str:
    return getattr(settings, "QD_PASSWORD_LOGIN", "on")


def password_login_allowed(*, email: str | None) -> bool:
    """``on``: everybody; ``off``: nobody; ``break-glass``: superusers and the addresses of
    ``QD_BREAK_GLASS_EMAILS`` (emergency access when the identity provider is down)."""
    mode = password_login_mode()
    if mode == "on":
        return True
    if mode != "break-glass" or not email:
        return False
    email = email.strip().lower()
    if email in {address.lower() for address in getattr(settings, "QD_BREAK_GLASS_EMAILS", ())}:
        return True
    return User.objects.filter(email=email, is_superuser=True, is_active=True).exists()


def password_login_refusal() -> str:
    return gettext(
        "Signing in with a password is switched off on this platform. Please sign in with "
        "your organisation's account (single sign-on)."
    )
