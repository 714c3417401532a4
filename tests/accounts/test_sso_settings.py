"""lms.settings.sso: the single sign-on settings built from the environment."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from lms.settings.sso import OIDC_PROVIDER_BASE, sso_settings_from_env


def test_nothing_set_means_no_identity_provider_and_passwords_as_before():
    values = sso_settings_from_env({})
    assert values["SOCIALACCOUNT_PROVIDERS"] == {
        "openid_connect": {**OIDC_PROVIDER_BASE, "APPS": []}
    }
    assert values["QD_PASSWORD_LOGIN"] == "on"
    assert values["QD_SSO_LINK_BY_EMAIL"] is False
    assert values["QD_SSO_TRUSTED_AMR"] == []


def test_an_issuer_becomes_one_openid_connect_app_with_its_claim_names():
    values = sso_settings_from_env(
        {
            "QD_OIDC_ISSUER": "https://login.microsoftonline.com/tenant/v2.0",
            "QD_OIDC_CLIENT_ID": "client",
            "QD_OIDC_CLIENT_SECRET": "secret",
            "QD_OIDC_SCOPES": "openid profile email",
            "QD_OIDC_CLAIM_EMPLOYEE_NUMBER": "employeeid",
            "QD_OIDC_CLAIM_ROLES": "roles",
            "QD_OIDC_CLAIM_ORG_UNIT": "",
            "QD_OIDC_LINK_BY_EMAIL": "true",
            "QD_SSO_TRUSTED_AMR": "mfa, hwk otp",
        }
    )
    provider = values["SOCIALACCOUNT_PROVIDERS"]["openid_connect"]
    assert provider["OAUTH_PKCE_ENABLED"] is True
    (app,) = provider["APPS"]
    assert (app["provider_id"], app["client_id"], app["secret"]) == ("idp", "client", "secret")
    assert app["settings"]["server_url"] == "https://login.microsoftonline.com/tenant/v2.0"
    assert app["settings"]["scope"] == ["openid", "profile", "email"]
    assert app["settings"]["claims"]["employee_number"] == "employeeid"
    assert "org_unit" not in app["settings"]["claims"]  # empty: not mapped
    assert app["settings"]["link_by_email"] is True
    assert values["QD_SSO_TRUSTED_AMR"] == ["mfa", "hwk", "otp"]


def test_an_issuer_without_a_client_is_a_configuration_error():
    with pytest.raises(ImproperlyConfigured):
        sso_settings_from_env({"QD_OIDC_ISSUER": "https://idp.example.org"})
