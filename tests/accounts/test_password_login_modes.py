"""QD_PASSWORD_LOGIN: "on", "off" and "break-glass", through allauth's real views."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from lms.settings.sso import sso_settings_from_env
from tests.conftest import TEST_PASSWORD

pytestmark = pytest.mark.django_db

REFUSAL = "Die Anmeldung mit Passwort ist auf dieser Plattform abgeschaltet"


@pytest.fixture
def with_identity_provider(settings):
    """An OpenID Connect app from the environment; listing it needs no network."""
    values = sso_settings_from_env(
        {
            "QD_OIDC_ISSUER": "https://idp.example.org/realms/verwaltung",
            "QD_OIDC_CLIENT_ID": "qualifica",
            "QD_OIDC_NAME": "Landes-Dienstkonto",
        }
    )
    settings.SOCIALACCOUNT_PROVIDERS = values["SOCIALACCOUNT_PROVIDERS"]


def login(client, email, password=TEST_PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_on_password_sign_in_works_and_the_sso_button_is_offered(
    client, make_user, settings, with_identity_provider
):
    settings.QD_PASSWORD_LOGIN = "on"
    make_user("lea@example.org")

    page = client.get(reverse("account_login")).content.decode()
    assert "Landes-Dienstkonto" in page
    assert 'name="password"' in page
    response = login(client, "lea@example.org")

    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_off_refuses_every_password_with_a_pointer_to_sso(
    client, make_user, settings, with_identity_provider
):
    settings.QD_PASSWORD_LOGIN = "off"
    make_user("lea@example.org")
    admin = make_user("admin@example.org")
    admin.is_superuser = True
    admin.save(update_fields=["is_superuser"])

    page = client.get(reverse("account_login")).content.decode()
    assert "Landes-Dienstkonto" in page
    assert 'name="password"' not in page
    assert REFUSAL in page
    for email in ("lea@example.org", "admin@example.org"):
        response = login(client, email)
        assert response.status_code == 200
        assert REFUSAL in response.content.decode()
        assert "_auth_user_id" not in client.session


def test_off_refuses_password_reset_and_sign_up(client, make_user, settings):
    settings.QD_PASSWORD_LOGIN = "off"
    settings.QD_SELF_SIGNUP = True
    make_user("lea@example.org")

    response = client.post(reverse("account_reset_password"), {"email": "lea@example.org"})
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert mail.outbox == []

    client.post(
        reverse("account_signup"),
        {
            "email": "new@example.org",
            "password1": "a-long-passphrase",
            "password2": "a-long-passphrase",
        },
    )
    assert not get_user_model().objects.filter(email="new@example.org").exists()


def test_break_glass_lets_only_superusers_and_listed_addresses_in(
    client, make_user, settings, with_identity_provider
):
    settings.QD_PASSWORD_LOGIN = "break-glass"
    settings.QD_BREAK_GLASS_EMAILS = ["notfall@example.org"]
    make_user("lea@example.org")
    make_user("notfall@example.org")
    admin = make_user("admin@example.org")
    admin.is_superuser = True
    admin.save(update_fields=["is_superuser"])

    page = client.get(reverse("account_login")).content.decode()
    assert "Notfallzugang" in page and "Landes-Dienstkonto" in page

    response = login(client, "lea@example.org")
    assert REFUSAL in response.content.decode()
    assert "_auth_user_id" not in client.session
    for email in ("notfall@example.org", "admin@example.org"):
        assert login(client, email).status_code == 302
        assert "_auth_user_id" in client.session
        client.logout()


def test_break_glass_reset_answers_alike_but_mails_only_emergency_accounts(
    client, make_user, settings
):
    settings.QD_PASSWORD_LOGIN = "break-glass"
    settings.QD_BREAK_GLASS_EMAILS = ["notfall@example.org"]
    make_user("lea@example.org")
    make_user("notfall@example.org")

    first = client.post(reverse("account_reset_password"), {"email": "lea@example.org"})
    second = client.post(reverse("account_reset_password"), {"email": "notfall@example.org"})

    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert [message.to for message in mail.outbox] == [["notfall@example.org"]]


def test_the_environment_names_the_mode(settings):
    from django.core.exceptions import ImproperlyConfigured

    assert sso_settings_from_env({})["QD_PASSWORD_LOGIN"] == "on"
    values = sso_settings_from_env(
        {
            "QD_PASSWORD_LOGIN": "break-glass",
            "QD_BREAK_GLASS_EMAILS": "A@example.org, b@example.org",
        }
    )
    assert values["QD_BREAK_GLASS_EMAILS"] == ["a@example.org", "b@example.org"]
    with pytest.raises(ImproperlyConfigured):
        sso_settings_from_env({"QD_PASSWORD_LOGIN": "sometimes"})
