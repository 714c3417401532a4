"""Sign-in in the platform's German: formal address ("Sie") on allauth's pages, the second
factor's field and messages, and no sign-up offer where sign-up is closed. English under
``en``."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.urls import reverse

from tests.conftest import TEST_PASSWORD, TOTP_SECRET

pytestmark = pytest.mark.django_db

# "du", "dein…", "dich", "dir" as whole words: the informal address.
INFORMAL = re.compile(r"\b(du|dein\w*|dich|dir)\b", re.IGNORECASE)


def _text(response) -> str:
    html = response.content.decode()
    return re.sub(r"<[^>]+>", " ", html)


def _code_with_time_to_spare(seconds=10) -> str:
    """The current TOTP code, with at least ``seconds`` of its window left, so that using it
    twice happens inside one window."""
    remaining = 30 - time.time() % 30
    if remaining < seconds:
        time.sleep(remaining + 0.5)
    return format_hotp_value(hotp_value(TOTP_SECRET, int(time.time()) // 30))


@pytest.fixture
def staff(make_user):
    person = make_user("trainer@example.org", groups=("Learner", "Trainer"))
    TOTP.activate(person, TOTP_SECRET)
    return person


@pytest.mark.parametrize(
    ("path", "formal"),
    [
        ("/accounts/login/", "Anmelden"),
        ("/accounts/password/reset/", "Geben Sie unten Ihre E-Mail-Adresse ein"),
    ],
)
def test_allauth_pages_address_people_formally(client, path, formal):
    text = _text(client.get(path))
    assert formal in text
    assert not INFORMAL.search(text), INFORMAL.search(text)


def test_the_sign_out_page_and_the_reset_mail_are_formal(client, make_user, mailoutbox):
    person = make_user("lea@example.org")
    client.post(reverse("account_reset_password"), {"email": person.email})
    body = mailoutbox[-1].body
    assert "Sie erhalten diese E-Mail" in body
    assert not INFORMAL.search(body), INFORMAL.search(body)
    client.login(email=person.email, password=TEST_PASSWORD)
    text = _text(client.get("/accounts/logout/"))
    assert "Möchten Sie sich wirklich abmelden?" in text
    assert not INFORMAL.search(text)


def test_the_login_page_offers_sign_up_only_when_it_is_open(client, settings):
    settings.QD_SELF_SIGNUP = False
    response = client.get("/accounts/login/")
    assert reverse("account_signup") not in response.content.decode()
    assert "registrieren" not in _text(response)

    settings.QD_SELF_SIGNUP = True
    response = client.get("/accounts/login/")
    assert reverse("account_signup") in response.content.decode()
    assert "registrieren Sie sich" in _text(response)


def _password_step(client, user):
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD}
    )
    assert response["Location"] == reverse("mfa_authenticate")


def test_the_code_field_is_labelled_code(client, staff):
    _password_step(client, staff)
    response = client.get(reverse("mfa_authenticate"))
    html = response.content.decode()
    assert "Kürzel" not in html
    assert re.search(r'<label[^>]*for="id_code"[^>]*>\s*Code', html) or 'placeholder="Code"' in html


@pytest.mark.parametrize(
    ("language", "message", "wrong"),
    [
        ("de", "Dieser Code wurde bereits verwendet", "Falscher Code"),
        ("en", "This code has already been used", "Incorrect code"),
    ],
)
def test_a_code_used_twice_says_so_and_to_wait(client, staff, language, message, wrong):
    client.cookies["django_language"] = language
    code = _code_with_time_to_spare()
    _password_step(client, staff)
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 302
    client.post(reverse("account_logout"))

    _password_step(client, staff)
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    text = _text(response)
    assert message in text
    assert wrong not in text
    assert "_auth_user_id" not in client.session

    # A code that is simply wrong is still called wrong.
    response = client.post(
        reverse("mfa_authenticate"), {"code": "000000" if code != "000000" else "111111"}
    )
    assert wrong in _text(response)
