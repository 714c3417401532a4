"""Login, logout, password reset and MFA enforcement through allauth's real views."""

import re
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from tests.conftest import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def login(client, email, password=TEST_PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_login_page_renders_in_german_by_default(client):
    response = client.get(reverse("account_login"))
    assert response.status_code == 200
    assert 'lang="de"' in response.content.decode()
    assert "Anmelden" in response.content.decode()


def test_learner_logs_in_and_out(client, make_user):
    user = make_user("lea@example.org")
    response = login(client, "lea@example.org")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)

    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_wrong_password_is_rejected_with_a_form_error(client, make_user):
    make_user("lea@example.org")
    response = login(client, "lea@example.org", "wrong-password")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert response.context["form"].errors


def test_login_is_rate_limited_after_failed_attempts(client, make_user, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "3/5m/ip,3/5m/key"}
    make_user("lea@example.org")
    for _ in range(3):
        login(client, "lea@example.org", "wrong-password")
    response = login(client, "lea@example.org")
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)


def test_password_reset_sends_a_link_that_sets_a_new_password(client, make_user):
    make_user("lea@example.org")
    response = client.post(reverse("account_reset_password"), {"email": "lea@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/accounts/password/reset/key/\S+)", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    response = client.get(link.group(1), follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link.group(1)
    response = client.post(
        form_url, {"password1": "a-new-long-passphrase", "password2": "a-new-long-passphrase"}
    )
    assert response.status_code == 302
    client.logout()
    login(client, "lea@example.org", "a-new-long-passphrase")
    assert "_auth_user_id" in client.session


def test_self_signup_is_closed_by_default(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "new@example.org",
            "password1": "a-long-passphrase",
            "password2": "a-long-passphrase",
        },
    )
    assert "password1" not in response.content.decode()
    assert not get_user_model().objects.filter(email="new@example.org").exists()


def test_self_signup_can_be_switched_on(client, settings):
    settings.QD_SELF_SIGNUP = True
    client.post(
        reverse("account_signup"),
        {
            "email": "new@example.org",
            "password1": "a-long-passphrase",
            "password2": "a-long-passphrase",
        },
    )
    assert get_user_model().objects.filter(email="new@example.org").exists()


@pytest.mark.parametrize("group", ["Trainer", "HR", "Administrator"])
def test_staff_roles_must_set_up_mfa_before_anything_else(client, make_user, group):
    make_user("staff@example.org", groups=("Learner", group))
    login(client, "staff@example.org")
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_learners_are_not_forced_into_mfa(client, make_user):
    make_user("lea@example.org")
    login(client, "lea@example.org")
    assert client.get("/").status_code == 200


def test_staff_with_totp_must_enter_a_code_and_then_gets_in(client, make_user):
    user = make_user("trainer@example.org", groups=("Learner", "Trainer"))
    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    TOTP.activate(user, secret)
    response = login(client, "trainer@example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    assert Authenticator.objects.filter(user=user).exists()
    assert client.get("/").status_code == 200
