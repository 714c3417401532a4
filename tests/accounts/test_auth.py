"""Login, logout, password reset and MFA enforcement through allauth's real views."""

import re
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
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


# --- Every sign-in path ends at allauth ------------------------------------------------


@pytest.fixture
def real_rate_limits(settings):
    """The production limits (lms/settings/base.py); the test settings switch them off."""
    from lms.settings import base

    settings.ACCOUNT_RATE_LIMITS = base.ACCOUNT_RATE_LIMITS


def credentials(email, password):
    # allauth's form names the fields login/password, Django's (Wagtail's) username/password.
    return {"login": email, "username": email, "password": password}


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/cms/login/", "/accounts/login/"),
        ("/_util/login/", "/accounts/login/"),
        ("/cms/password_reset/", "/accounts/password/reset/"),
        ("/cms/password_reset/done/", "/accounts/password/reset/"),
        ("/cms/password_reset/confirm/MQ/set-password/", "/accounts/password/reset/"),
        ("/cms/password_reset/complete/", "/accounts/password/reset/"),
    ],
)
def test_wagtail_sign_in_pages_send_people_to_allauth(client, path, target):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == target


@pytest.mark.parametrize("path", ["/cms/login/", "/_util/login/"])
def test_the_login_redirect_keeps_only_a_safe_next(client, path):
    response = client.get(path, {"next": "/cms/pages/"})
    assert response["Location"] == "/accounts/login/?next=%2Fcms%2Fpages%2F"
    for unsafe in ("https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:x"):
        assert client.get(path, {"next": unsafe})["Location"] == "/accounts/login/"


@pytest.mark.parametrize("path", ["/cms/login/", "/_util/login/"])
def test_wagtail_login_urls_authenticate_nobody(client, make_user, path):
    trainer = make_user("trainer@example.org", groups=("Learner", "Trainer"))
    TOTP.activate(trainer, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    response = client.post(path, credentials(trainer.email, TEST_PASSWORD))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert client.get("/cms/", follow=True).redirect_chain[-1][0].startswith("/accounts/login/")


@pytest.mark.parametrize("path", ["/accounts/login/", "/cms/login/", "/_util/login/"])
def test_eight_wrong_passwords_then_the_right_one_does_not_log_in(
    client, make_user, real_rate_limits, path
):
    make_user("lea@example.org")
    for _ in range(8):
        client.post(path, credentials("lea@example.org", "wrong-password"))
    response = client.post(path, credentials("lea@example.org", TEST_PASSWORD))
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 302, 429)


def test_the_totp_step_is_throttled_too(client, make_user, real_rate_limits):
    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    trainer = make_user("trainer@example.org", groups=("Learner", "Trainer"))
    TOTP.activate(trainer, secret)
    login(client, trainer.email)
    for _ in range(5):
        client.post(reverse("mfa_authenticate"), {"code": "000000"})
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)


def test_the_in_session_code_step_is_throttled_too(client, make_user, real_rate_limits):
    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    trainer = make_user("trainer@example.org", groups=("Learner", "Trainer"))
    TOTP.activate(trainer, secret)
    assert client.login(email=trainer.email, password=TEST_PASSWORD)  # password only
    for _ in range(5):
        client.post(reverse("mfa_reauthenticate"), {"code": "000000"})
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    client.post(reverse("mfa_reauthenticate"), {"code": code})
    assert client.get("/cms/").status_code == 302


@pytest.mark.parametrize("path", ["/accounts/password/reset/", "/cms/password_reset/"])
def test_password_reset_mails_are_rate_limited_on_every_path(
    client, make_user, real_rate_limits, path
):
    make_user("lea@example.org")
    for _ in range(10):
        client.post(path, {"email": "lea@example.org"})
    assert len(mail.outbox) <= 3


@pytest.mark.parametrize("path", ["/accounts/logout/", "/cms/logout/"])
def test_logout_paths_end_the_session(client, make_user, path):
    make_user("lea@example.org")
    login(client, "lea@example.org")
    # A GET only asks (a link or an image must not log anyone out) ...
    response = client.get(path)
    assert response.status_code == 200
    assert "_auth_user_id" in client.session
    # ... the form's POST ends the session.
    response = client.post(path)
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert client.get("/me/")["Location"].startswith("/accounts/login/")


def test_the_wagtail_account_page_changes_neither_password_nor_email(client, make_user):
    from tests.conftest import log_in

    admin = make_user("admin@example.org", groups=("Learner", "Administrator"))
    log_in(client, admin)
    page = client.get("/cms/account/")
    assert page.status_code == 200
    content = page.content.decode()
    assert "password-new_password1" not in content
    assert 'name="name_email-email"' not in content
    # The account's sign-in settings are allauth's pages, linked from here.
    for url_name in ("account_change_password", "account_email", "mfa_index"):
        assert f'href="{reverse(url_name)}"' in content
    client.post(
        "/cms/account/",
        {
            "name_email-first_name": "Arne",
            "name_email-last_name": "Mertens",
            "name_email-email": "taken-over@example.org",
            "password-new_password1": "a-new-long-passphrase",
            "password-new_password2": "a-new-long-passphrase",
        },
    )
    admin.refresh_from_db()
    assert admin.email == "admin@example.org"
    assert admin.check_password(TEST_PASSWORD)


@pytest.mark.parametrize("path", ["/admin/", "/django-admin/", "/admin/login/"])
def test_there_is_no_django_admin_login(client, path):
    assert client.get(path).status_code == 404


def test_signed_in_people_without_admin_access_are_not_sent_round_in_circles(client, make_user):
    from tests.conftest import log_in

    log_in(client, make_user("lea@example.org", groups=("Learner",)))  # learners: no admin
    response = client.get("/cms/", follow=True)
    assert response.status_code == 403
    assert [url for url, _status in response.redirect_chain] == ["/cms/login/?next=/cms/"]
    page = response.content.decode()
    assert "Kein Zugang" in page
    assert "lea@example.org" in page
    assert "Admin-Interface" in page  # Wagtail's own message


def test_signed_in_people_kept_out_of_a_group_restricted_page_are_not_sent_round_in_circles(
    client, make_user
):
    from wagtail.models import PageViewRestriction

    from lms.home.services import site_root_ensure

    home = site_root_ensure()
    restriction = PageViewRestriction.objects.create(
        page=home, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name="HR"))
    response = client.get(home.url)
    assert response["Location"] == f"/_util/login/?next={home.url}"
    assert client.get(response["Location"])["Location"] == "/accounts/login/?next=%2F"
    make_user("lea@example.org")
    login(client, "lea@example.org")
    response = client.get(home.url, follow=True)
    assert response.status_code == 403
    assert "Kein Zugang" in response.content.decode()
