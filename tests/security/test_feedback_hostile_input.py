"""Hostile accessibility feedback (a public form): a form error or a stored report, never a
500, never a half-written record, nothing executed in the page or smuggled into the mail."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lms.home.models import AccessibilityFeedback

pytestmark = pytest.mark.django_db

URL = "/feedback/accessibility/"
SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
HOSTILE = [
    "<script>alert(1)</script> Barriere im Menü",
    '"><img src=x onerror=alert(1)> Barriere',
    "Barriere\x00mit Nullbyte im Text",
    "x" * 5001,
    "\u202eBarriere mit Steuerzeichen\u202c und mehr Text",
    "{{ settings.SECRET_KEY }} {% debug %} Vorlage",
    "Barriere " + "😀" * 2000,
]


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.QD_ACCESSIBILITY_FEEDBACK_RATE = (10**9, 60)
    cache.clear()


def _post(data):
    before = AccessibilityFeedback.objects.count()
    response = Client().post(URL, data)
    assert response.status_code in (200, 302), response.status_code
    stored = AccessibilityFeedback.objects.count() - before
    assert stored == (1 if response.status_code == 302 else 0)
    return response


@pytest.mark.parametrize("message", HOSTILE)
def test_hostile_messages(message):
    response = _post({"message": message, "page": message[:600], "name": message[:300]})
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "onerror=alert(1)>" not in body
    for feedback in AccessibilityFeedback.objects.all():
        assert len(feedback.message) <= 5000 and "\x00" not in feedback.message


@pytest.mark.parametrize(
    "email",
    [
        "erika@example.org\nBcc: alle@example.org",
        "erika@example.org\r\nSubject: gefälscht",
        "<script>@example.org",
        "a" * 300 + "@example.org",
    ],
)
def test_e_mail_header_injection_is_refused(email):
    _post({"message": "Das Formular hat keine Beschriftung.", "email": email})
    assert not AccessibilityFeedback.objects.exists()
    assert not mail.outbox


def test_lists_missing_fields_and_wrong_methods():
    client = Client()
    assert client.post(URL, {"message": ["eins", "zwei Barrieren im Kurs"]}).status_code < 500
    assert client.post(URL, {}).status_code == 200
    assert client.post(URL, "kein Formular", content_type="application/json").status_code == 200
    assert client.put(URL, {"message": "Barriere in der Navigation"}).status_code == 405
    assert client.delete(URL).status_code == 405
    assert AccessibilityFeedback.objects.count() <= 1


@SETTINGS
@given(
    data=st.fixed_dictionaries(
        {},
        optional={
            "message": st.text(max_size=300),
            "page": st.text(max_size=600),
            "name": st.text(max_size=300),
            "email": st.one_of(st.emails(), st.text(max_size=80)),
        },
    )
)
def test_random_feedback_never_fails(data):
    mail.outbox.clear()
    response = _post(data)
    if response.status_code == 302:
        (message,) = mail.outbox
        assert "\n" not in message.subject
