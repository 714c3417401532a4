"""Sign-in through a real SAML 2.0 identity provider; assertions signed by xmlsec1."""

import base64

import pytest

pytest.importorskip("onelogin.saml2", reason="the saml extra is not installed (libxmlsec1)")

from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model

from lms.accounts.models import AuditLogEntry

from .conftest import ORGANISATION, PROVIDER_ID, saml_sign_in

User = get_user_model()
pytestmark = pytest.mark.django_db(transaction=True)

PERSON = {
    "email": "saml.nutzer@example.org",
    "givenName": "Sami",
    "sn": "Lang",
    "employeeNumber": "5150",
    "department": "bau",
    "roles": ["pruefung", "domain-users"],
}


def test_sign_in_creates_the_person_and_maps_the_attributes(
    saml_idp, saml_browser, make_unit, make_role
):
    make_unit("Bauamt", code="bau")
    make_role("pruefung", name="Prüfung")
    saml_idp.next_login("persistent-7f3a", **PERSON)

    response = saml_sign_in(saml_browser)

    assert response.status_code == 200, response.text[:1000]
    assert saml_browser.my_account().status_code == 200
    person = User.objects.get()
    assert (person.email, person.first_name, person.last_name) == (
        "saml.nutzer@example.org",
        "Sami",
        "Lang",
    )
    assert (person.personnel_number, person.org_unit.code) == ("5150", "bau")
    assert list(person.role_assignments.values_list("job_role__code", flat=True)) == ["pruefung"]
    account = SocialAccount.objects.get()
    assert (account.provider, account.uid, account.user) == (PROVIDER_ID, "persistent-7f3a", person)
    assert AuditLogEntry.objects.get(action="sso.signed_in").details["source"] == (
        f"saml:{PROVIDER_ID}"
    )


@pytest.mark.parametrize(
    ("mode", "reason"),
    [
        ("unsigned", "is not signed"),
        ("tampered", "Signature validation failed"),
        ("wrong-audience", "is not a valid audience"),
        ("expired", "expired"),
    ],
)
def test_an_assertion_that_does_not_pass_is_refused(saml_idp, saml_browser, mode, reason):
    saml_idp.set_mode(mode)
    saml_idp.next_login("persistent-7f3a", **PERSON)

    response = saml_sign_in(saml_browser)

    assert response.status_code == 400
    assert "Anmeldung fehlgeschlagen" in response.text
    assert saml_browser.my_account().status_code == 302
    assert not User.objects.exists()
    assert list(AuditLogEntry.objects.values_list("action", flat=True)) == ["sso.failed"]
    assert reason in AuditLogEntry.objects.get().details["detail"]


def test_the_service_provider_metadata_asks_for_signed_assertions(saml_idp, saml_browser):
    response = saml_browser.get(f"/accounts/saml/{ORGANISATION}/metadata/")

    assert response.status_code == 200
    assert 'WantAssertionsSigned="true"' in response.text
    assert f"/accounts/saml/{ORGANISATION}/acs/" in response.text


XXE = (
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">&x;</samlp:Response>'
)


@pytest.mark.parametrize(
    "saml_response",
    [
        "",
        "%%%not-base64%%%",
        base64.b64encode(b"<x/>").decode(),
        base64.b64encode(XXE.encode()).decode(),
        base64.b64encode(b"\xff\xfe\x00" * 1000).decode(),
        "A" * 200_000,
    ],
    ids=["empty", "not-base64", "not-saml", "xxe", "binary", "huge"],
)
def test_a_hostile_response_at_the_acs_is_refused_without_a_500(
    saml_idp, saml_browser, saml_response
):
    response = saml_browser._follow(
        "POST",
        f"{saml_browser.base_url}/accounts/saml/{ORGANISATION}/acs/",
        {"SAMLResponse": saml_response, "RelayState": ""},
        None,
    )

    assert response.status_code == 400
    assert "Anmeldung fehlgeschlagen" in response.text
    assert saml_browser.my_account().status_code == 302
    assert not User.objects.exists()
