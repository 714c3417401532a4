"""Single sign-on settings read from the environment (``dev`` and ``production``).

A pure function of the environment, so the test suite builds the same settings from a
dictionary. Nothing set: no identity provider, password sign-in as before.
"""

from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

PASSWORD_LOGIN_MODES = ("on", "off", "break-glass")

# Claim names of the OpenID Connect standard; roles, unit and employee number have none, so
# the defaults are this platform's own and an identity provider maps its claims to them.
DEFAULT_OIDC_CLAIMS = {
    "email": "email",
    "email_verified": "email_verified",
    "given_name": "given_name",
    "family_name": "family_name",
    "employee_number": "employee_number",
    "org_unit": "org_unit",
    "roles": "roles",
}


def _list(value: str) -> list[str]:
    return [item.strip() for item in value.replace(" ", ",").split(",") if item.strip()]


def _flag(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


def sso_settings_from_env(env: Mapping[str, str]) -> dict:
    """The settings for single sign-on and password sign-in that ``env`` describes."""
    password_login = env.get("QD_PASSWORD_LOGIN", "on").strip().lower() or "on"
    if password_login not in PASSWORD_LOGIN_MODES:
        raise ImproperlyConfigured(
            f"QD_PASSWORD_LOGIN must be one of {', '.join(PASSWORD_LOGIN_MODES)}."
        )
    values = {
        "QD_PASSWORD_LOGIN": password_login,
        "QD_BREAK_GLASS_EMAILS": [
            email.lower() for email in _list(env.get("QD_BREAK_GLASS_EMAILS", ""))
        ],
        "QD_SSO_LINK_BY_EMAIL": _flag(env.get("QD_SSO_LINK_BY_EMAIL", "")),
        "QD_SSO_CREATE_PEOPLE": _flag(env.get("QD_SSO_CREATE_PEOPLE", "true")),
        "QD_SSO_TRUSTED_AMR": _list(env.get("QD_SSO_TRUSTED_AMR", "")),
        "QD_SSO_TRUSTED_ACR": _list(env.get("QD_SSO_TRUSTED_ACR", "")),
    }
    issuer = env.get("QD_OIDC_ISSUER", "").strip()
    apps = []
    if issuer:
        client_id = env.get("QD_OIDC_CLIENT_ID", "").strip()
        if not client_id:
            raise ImproperlyConfigured("QD_OIDC_CLIENT_ID must be set with QD_OIDC_ISSUER.")
        claims = {
            name: env.get(f"QD_OIDC_CLAIM_{name.upper()}", default).strip()
            for name, default in DEFAULT_OIDC_CLAIMS.items()
        }
        app_settings = {
            "server_url": issuer,
            "scope": _list(env.get("QD_OIDC_SCOPES", "openid profile email")),
            "claims": {name: claim for name, claim in claims.items() if claim},
        }
        if "QD_OIDC_LINK_BY_EMAIL" in env:
            app_settings["link_by_email"] = _flag(env["QD_OIDC_LINK_BY_EMAIL"])
        apps.append(
            {
                "provider_id": env.get("QD_OIDC_PROVIDER_ID", "idp").strip() or "idp",
                "name": env.get("QD_OIDC_NAME", "Single Sign-On").strip() or "Single Sign-On",
                "client_id": client_id,
                "secret": env.get("QD_OIDC_CLIENT_SECRET", ""),
                "settings": app_settings,
            }
        )
    values["SOCIALACCOUNT_PROVIDERS"] = {"openid_connect": {**OIDC_PROVIDER_BASE, "APPS": apps}}
    return values


# allauth's OpenID Connect provider with the checks it leaves out (lms.accounts.sso_oidc):
# the ID token's signature always, its nonce; PKCE on every authorisation request.
OIDC_PROVIDER_BASE = {
    "provider_class": "lms.accounts.sso_oidc.provider.VerifiedOpenIDConnectProvider",
    "OAUTH_PKCE_ENABLED": True,
}
