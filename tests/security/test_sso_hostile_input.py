"""Hostile claims from an identity provider (or whoever forged its answer): the sign-in
is refused with a message or accepted with sane values, never a 500, nothing half-written."""

import pytest
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.urls import reverse

from lms.accounts import sso
from lms.accounts.models import AuditLogEntry

User = get_user_model()
pytestmark = pytest.mark.django_db

GOOD = {"email": "lea@example.org", "email_verified": True, "given_name": "Lea"}

HOSTILE_CLAIMS = [
    {},
    {"email": None},
    {"email": ""},
    {"email": 12345},
    {"email": {"value": "lea@example.org"}},
    {"email": ["a@example.org", "b@example.org"]},
    {"email": "a" * 10_000 + "@example.org"},
    {"email": "lea@example.org\x00"},
    {"email": "'; DROP TABLE accounts_user; --"},
    {**GOOD, "given_name": "g" * 10_000},
    {**GOOD, "family_name": {"nested": ["x"]}},
    {**GOOD, "employee_number": "e" * 1000},
    {**GOOD, "employee_number": ["1", "2"]},
    {**GOOD, "org_unit": "../../etc/passwd"},
    {**GOOD, "org_unit": {"code": "it"}},
    {**GOOD, "roles": {"admin": True}},
    {**GOOD, "roles": "x" * 5000},
    {**GOOD, "roles": [None, {}, [], 7]},
    {**GOOD, "email_verified": "perhaps"},
    {**GOOD, "amr": {"mfa": True}, "acr": ["urn:x"]},
]


@pytest.mark.parametrize("claims", HOSTILE_CLAIMS, ids=range(len(HOSTILE_CLAIMS)))
def test_hostile_claims_are_refused_or_mapped_never_crash(claims, groups):
    identity = sso.SSOIdentity(
        provider="idp", subject="sub-1", claims=claims, app_settings={}, source="test"
    )

    def link(person, notify):
        SocialAccount.objects.create(user=person, provider="idp", uid="sub-1")

    try:
        person, _how = sso.sso_login_accept(identity=identity, linked_user=None, link=link)
    except sso.SSORefused as refusal:
        assert refusal.message
        assert not User.objects.exists()
        assert not SocialAccount.objects.exists()
        assert AuditLogEntry.objects.filter(action="sso.refused").count() == 1
    else:
        person.refresh_from_db()
        assert SocialAccount.objects.get().user == person
        assert len(person.personnel_number) <= 40


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?code=x",
        "?state=" + "s" * 5000,
        "?code=x&state=y&error=" + "e" * 2000,
        "?error=access_denied&state=%00",
        "?code=%ff%fe&state=%ff",
    ],
)
def test_the_callback_refuses_hostile_queries_without_a_500(client, settings, query):
    from lms.settings.sso import sso_settings_from_env

    settings.SOCIALACCOUNT_PROVIDERS = sso_settings_from_env(
        {"QD_OIDC_ISSUER": "http://127.0.0.1:9", "QD_OIDC_CLIENT_ID": "c"}
    )["SOCIALACCOUNT_PROVIDERS"]
    url = reverse("openid_connect_callback", kwargs={"provider_id": "idp"}) + query
    response = client.get(url)
    assert 300 <= response.status_code < 500
    assert "_auth_user_id" not in client.session


def test_an_unknown_provider_is_not_found(client):
    response = client.get(reverse("openid_connect_login", kwargs={"provider_id": "nobody"}))
    assert response.status_code == 404


def test_an_unreachable_identity_provider_is_an_error_page_not_a_500(client, settings):
    from lms.settings.sso import sso_settings_from_env

    settings.SOCIALACCOUNT_PROVIDERS = sso_settings_from_env(
        {"QD_OIDC_ISSUER": "http://127.0.0.1:9", "QD_OIDC_CLIENT_ID": "c"}
    )["SOCIALACCOUNT_PROVIDERS"]
    response = client.post(reverse("openid_connect_login", kwargs={"provider_id": "idp"}))
    assert response.status_code == 502
    assert "nicht erreichbar" in response.content.decode()
    assert AuditLogEntry.objects.get().action == "sso.failed"
