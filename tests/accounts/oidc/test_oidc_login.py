"""Sign-in through a real OpenID provider (oidc-provider in Node), no mock of allauth."""

import pytest
from allauth.socialaccount.models import SocialAccount, SocialApp
from django.contrib.auth import get_user_model

from lms.accounts.models import AuditLogEntry
from lms.accounts.services import person_deactivate

from .conftest import ADMIN_PROVIDER_ID, CLIENT_ID, CLIENT_SECRET, PROVIDER_ID, with_query

User = get_user_model()
pytestmark = pytest.mark.django_db(transaction=True)


def _claims(email="lea.sso@example.org", **extra):
    return {
        "email": email,
        "email_verified": True,
        "given_name": "Lea",
        "family_name": "Sommer",
        **extra,
    }


def _actions():
    return list(AuditLogEntry.objects.order_by("pk").values_list("action", flat=True))


def test_first_sign_in_creates_the_person_with_unit_and_roles(
    oidc_provider, browser_client, make_unit, make_role
):
    make_unit("IT-Referat", code="it")
    make_role("sachbearbeitung")
    oidc_provider.next_login(
        "sub-lea",
        **_claims(
            employee_number="4711", org_unit="it", roles=["sachbearbeitung", "offline_access"]
        ),
    )

    response = browser_client.sign_in()

    assert response.status_code == 200
    assert browser_client.my_account().status_code == 200
    person = User.objects.get(email="lea.sso@example.org")
    assert (person.first_name, person.last_name) == ("Lea", "Sommer")
    assert person.personnel_number == "4711"
    assert person.org_unit.code == "it"
    assert list(person.role_assignments.values_list("job_role__code", flat=True)) == [
        "sachbearbeitung"
    ]
    assert SocialAccount.objects.get(provider=PROVIDER_ID, uid="sub-lea").user == person
    assert {"person.provisioned", "sso.linked", "sso.signed_in"} <= set(_actions())
    signed_in = AuditLogEntry.objects.get(action="sso.signed_in")
    assert signed_in.details["via"] == "new"
    assert signed_in.details["ignored"] == {"roles": ["offline_access"]}


def test_the_next_sign_in_moves_the_person_and_creates_nobody(
    oidc_provider, browser_client, live_server, make_unit
):
    make_unit("IT", code="it")
    make_unit("Personal", code="hr")
    oidc_provider.next_login("sub-lea", **_claims(org_unit="it"))
    browser_client.sign_in()
    oidc_provider.next_login("sub-lea", **_claims(org_unit="hr", family_name="Winter"))

    second = type(browser_client)(live_server.url)
    second.sign_in()

    assert second.my_account().status_code == 200
    person = User.objects.get()
    assert (person.org_unit.code, person.last_name) == ("hr", "Winter")
    assert SocialAccount.objects.count() == 1


def test_the_employee_number_links_an_existing_person(oidc_provider, browser_client, make_user):
    existing = make_user("l.sommer@old.example.org")
    existing.personnel_number = "0815"
    existing.save(update_fields=["personnel_number"])
    oidc_provider.next_login("sub-lea", **_claims(employee_number="0815"))

    browser_client.sign_in()

    assert browser_client.my_account().status_code == 200
    assert SocialAccount.objects.get(uid="sub-lea").user == existing
    existing.refresh_from_db()
    assert existing.email == "lea.sso@example.org"  # the directory's address wins
    assert User.objects.count() == 1
    assert AuditLogEntry.objects.get(action="sso.linked").details["via"] == "employee_number"


def test_an_existing_address_is_not_linked_unless_allowed(oidc_provider, browser_client, make_user):
    make_user("lea.sso@example.org")

    oidc_provider.next_login("sub-lea", **_claims())
    response = browser_client.sign_in()

    assert response.status_code == 403
    assert "kann aber nicht automatisch" in response.text
    assert browser_client.my_account().status_code == 302
    assert not SocialAccount.objects.exists()
    assert User.objects.count() == 1
    refused = AuditLogEntry.objects.get(action="sso.refused")
    assert refused.details["reason"] == "link_by_email_off"


def test_a_verified_address_links_when_the_deployment_allows_it(
    oidc_provider, browser_client, make_user, settings
):
    settings.QD_SSO_LINK_BY_EMAIL = True
    existing = make_user("lea.sso@example.org")

    oidc_provider.next_login("sub-lea", **_claims())
    browser_client.sign_in()

    assert browser_client.my_account().status_code == 200
    assert SocialAccount.objects.get(uid="sub-lea").user == existing
    assert AuditLogEntry.objects.get(action="sso.linked").details["via"] == "email"


def test_an_unverified_address_never_links(oidc_provider, browser_client, make_user, settings):
    settings.QD_SSO_LINK_BY_EMAIL = True
    make_user("lea.sso@example.org")

    oidc_provider.next_login("sub-lea", **_claims(email_verified=False))
    response = browser_client.sign_in()

    assert response.status_code == 403
    assert not SocialAccount.objects.exists()
    assert AuditLogEntry.objects.get(action="sso.refused").details["reason"] == (
        "email_not_verified"
    )


def test_a_person_linked_to_one_subject_is_not_taken_over_by_another(
    oidc_provider, browser_client, live_server, settings
):
    settings.QD_SSO_LINK_BY_EMAIL = True
    oidc_provider.next_login("sub-lea", **_claims())
    browser_client.sign_in()

    intruder = type(browser_client)(live_server.url)
    oidc_provider.next_login("sub-someone-else", **_claims())
    response = intruder.sign_in()

    assert response.status_code == 403
    assert intruder.my_account().status_code == 302
    assert SocialAccount.objects.count() == 1
    assert AuditLogEntry.objects.get(action="sso.refused").details["reason"] == (
        "linked_to_other_subject"
    )


def test_a_leaver_cannot_sign_in_through_the_provider(oidc_provider, browser_client, live_server):
    oidc_provider.next_login("sub-lea", **_claims())
    browser_client.sign_in()
    person_deactivate(user=User.objects.get(), source="test")

    again = type(browser_client)(live_server.url)
    oidc_provider.next_login("sub-lea", **_claims())
    response = again.sign_in()

    assert response.status_code == 403
    assert "deaktiviert" in response.text
    assert again.my_account().status_code == 302
    assert AuditLogEntry.objects.get(action="sso.refused").details["reason"] == "inactive"
    assert not User.objects.get().is_active


def test_sign_out_ends_the_session_at_the_provider_too(oidc_provider, browser_client, live_server):
    oidc_provider.next_login("sub-lea", **_claims())
    browser_client.sign_in()

    response = browser_client.post_form("/accounts/logout/")

    assert browser_client.my_account().status_code == 302  # signed out here
    assert response.url.startswith(f"{oidc_provider.issuer}/session/end")
    (request,) = oidc_provider.end_sessions()
    assert request["post_logout_redirect_uri"] == f"{live_server.url}/"
    assert request["id_token_hint"].count(".") == 2
    # The provider accepted the hint and the address: its confirmation form leads back here.
    assert 'id="op.logoutForm"' in response.text
    xsrf = response.text.split('name="xsrf" value="')[1].split('"')[0]
    back = browser_client._follow(
        "POST", f"{oidc_provider.issuer}/session/end/confirm", {"xsrf": xsrf, "logout": "yes"}, None
    )
    assert back.url == f"{live_server.url}/"


@pytest.mark.parametrize(
    "mode", ["wrong-key", "wrong-audience", "wrong-nonce", "wrong-issuer", "expired", "unsigned"]
)
def test_an_altered_id_token_is_refused(oidc_provider, browser_client, mode):
    oidc_provider.set_mode(mode)
    oidc_provider.next_login("sub-lea", **_claims())

    response = browser_client.sign_in()

    assert response.status_code == 400
    assert "Anmeldung fehlgeschlagen" in response.text
    assert browser_client.my_account().status_code == 302
    assert not User.objects.exists()
    assert _actions() == ["sso.failed"]


def test_a_foreign_state_is_refused(oidc_provider, browser_client):
    oidc_provider.next_login("sub-lea", **_claims())

    def swap_state(url):
        if "/login/callback/" in url:
            return with_query(url, state="a-state-of-another-browser")
        return url

    response = browser_client.sign_in(alter=swap_state)

    assert response.status_code == 400
    assert browser_client.my_account().status_code == 302
    assert not User.objects.exists()


def test_a_callback_without_a_sign_in_is_refused(oidc_provider, browser_client):
    response = browser_client.get(f"/accounts/oidc/{PROVIDER_ID}/login/callback/?code=x&state=y")

    assert response.status_code == 400
    assert "Anmeldung fehlgeschlagen" in response.text


def test_an_app_from_the_admin_maps_its_own_claim_names(
    oidc_provider, browser_client, make_unit, make_role, settings
):
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {**settings.SOCIALACCOUNT_PROVIDERS["openid_connect"], "APPS": []}
    }
    make_unit("Bauamt", code="bau")
    make_role("pruefung", name="Prüfung")
    SocialApp.objects.create(
        provider="openid_connect",
        provider_id=ADMIN_PROVIDER_ID,
        name="Landesportal",
        client_id=CLIENT_ID,
        secret=CLIENT_SECRET,
        settings={
            "server_url": oidc_provider.issuer,
            "scope": ["openid", "email", "profile", "qd"],
            "claims": {
                "org_unit": "department",
                "roles": "groups",
                "employee_number": "personalnummer",
            },
        },
    )
    oidc_provider.next_login(
        "sub-lea", **_claims(department="bau", groups="pruefung other", personalnummer="99")
    )

    assert "Landesportal" in browser_client.get("/accounts/login/").text
    browser_client.sign_in(ADMIN_PROVIDER_ID)

    person = User.objects.get()
    assert (person.org_unit.code, person.personnel_number) == ("bau", "99")
    assert list(person.role_assignments.values_list("job_role__code", flat=True)) == ["pruefung"]
    assert SocialAccount.objects.get().provider == ADMIN_PROVIDER_ID


def _staff_member(make_user):
    hr = make_user("hanna.hr@example.org", groups=("HR",))
    hr.personnel_number = "1001"
    hr.save(update_fields=["personnel_number"])
    return hr


@pytest.mark.parametrize(
    ("login", "trusted"),
    [
        ({"amr": ["pwd", "otp"]}, {"QD_SSO_TRUSTED_AMR": ["mfa", "otp", "hwk"]}),
        ({"acr": "urn:qd:loa:high"}, {"QD_SSO_TRUSTED_ACR": ["urn:qd:loa:high"]}),
    ],
)
def test_a_trusted_second_factor_at_the_provider_lets_staff_in(
    oidc_provider, browser_client, make_user, settings, login, trusted
):
    for name, value in trusted.items():
        setattr(settings, name, value)
    _staff_member(make_user)
    oidc_provider.next_login(
        "sub-hanna", **login, **_claims("hanna.hr@example.org", employee_number="1001")
    )

    browser_client.sign_in()

    assert browser_client.my_account().status_code == 200
    assert AuditLogEntry.objects.get(action="sso.signed_in").details["second_factor"] is True


@pytest.mark.parametrize(
    ("login", "trusted"),
    [
        ({"amr": ["pwd"]}, {"QD_SSO_TRUSTED_AMR": ["mfa", "otp", "hwk"]}),
        ({"amr": ["pwd", "otp"]}, {}),  # nothing trusted: the platform's own TOTP as before
        ({"acr": "urn:qd:loa:low"}, {"QD_SSO_TRUSTED_ACR": ["urn:qd:loa:high"]}),
    ],
)
def test_without_a_trusted_second_factor_staff_still_need_the_platforms_totp(
    oidc_provider, browser_client, make_user, settings, login, trusted
):
    for name, value in trusted.items():
        setattr(settings, name, value)
    _staff_member(make_user)
    oidc_provider.next_login(
        "sub-hanna", **login, **_claims("hanna.hr@example.org", employee_number="1001")
    )

    browser_client.sign_in()

    response = browser_client.my_account()
    assert response.status_code == 302
    assert response.headers["Location"] == "/accounts/2fa/totp/activate/"


@pytest.mark.parametrize(("amr", "code_step"), [(["pwd", "hwk"], False), (["pwd"], True)])
def test_staff_with_totp_enter_a_code_only_without_a_trusted_factor(
    oidc_provider, browser_client, make_user, settings, amr, code_step
):
    from allauth.mfa.totp.internal.auth import TOTP

    settings.QD_SSO_TRUSTED_AMR = ["hwk"]
    TOTP.activate(_staff_member(make_user), "JBSWY3DPEHPK3PXP")
    oidc_provider.next_login(
        "sub-hanna", amr=amr, **_claims("hanna.hr@example.org", employee_number="1001")
    )

    response = browser_client.sign_in()

    if code_step:
        assert response.url.endswith("/accounts/2fa/authenticate/")
        assert browser_client.my_account().status_code == 302
    else:
        assert browser_client.my_account().status_code == 200
