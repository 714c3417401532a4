"""BITV 2.0 duties: information pages, the accessibility statement and its feedback channel."""

import io

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client

from lms.home.demo import load_site_pages_demo
from lms.home.models import AccessibilityFeedback, InformationPage
from lms.home.services import site_root_ensure
from tests.conftest import log_in

pytestmark = pytest.mark.django_db

FEEDBACK_URL = "/feedback/accessibility/"


@pytest.fixture
def site_pages():
    cache.clear()
    load_site_pages_demo(io.StringIO(), personas={}, colleagues=[])


def test_every_page_links_the_statement_easy_language_sign_language_and_feedback(
    site_pages, client, make_user
):
    for page_client, path in ((client, "/"), (log_in(Client(), make_user()), "/learn/")):
        body = page_client.get(path).content.decode()
        footer = body[body.index('<footer class="site-footer">') :]
        for href, text in (
            ("/barrierefreiheit/", "Erklärung zur Barrierefreiheit"),
            ("/leichte-sprache/", "Leichte Sprache"),
            ("/gebaerdensprache/", "Gebärdensprache"),
            (FEEDBACK_URL, "Barriere melden"),
        ):
            assert f'<a href="{href}">{text}</a>' in footer, (path, href)


def test_the_statement_has_the_feedback_form_and_the_enforcement_link(site_pages, client):
    body = client.get("/barrierefreiheit/").content.decode()
    assert "Stand der Vereinbarkeit mit den Anforderungen" in body
    assert "teilweise mit den Anforderungen" in body
    assert "Erstellung dieser Erklärung zur Barrierefreiheit" in body
    assert f'action="{FEEDBACK_URL}"' in body and "csrfmiddlewaretoken" in body
    assert "mailto:barrierefreiheit@qualifica-digitalis.example" in body
    assert 'href="https://www.schlichtungsstelle-bgg.de/"' in body
    assert "Schlichtungsverfahren" in body


def test_easy_language_and_the_sign_language_placeholder(site_pages, client):
    easy = client.get("/leichte-sprache/").content.decode()
    assert "Qualifica Digitalis ist eine Lern-Plattform." in easy
    sign = client.get("/gebaerdensprache/").content.decode()
    assert "Deutscher Gebärdensprache (DGS) wird noch bereitgestellt" in sign
    assert "<video" not in sign


def test_the_demo_keeps_what_editors_changed(site_pages):
    page = InformationPage.objects.get(slug="leichte-sprache")
    page.title = "Leichte Sprache (neu)"
    page.save_revision().publish()
    load_site_pages_demo(io.StringIO(), personas={}, colleagues=[])
    assert InformationPage.objects.get(slug="leichte-sprache").title == "Leichte Sprache (neu)"


def test_a_new_information_page_appears_in_the_footer_once_published(site_pages, client):
    client.get("/")  # fills the footer cache
    home = site_root_ensure()
    page = InformationPage(
        title="Impressum", slug="impressum", show_in_menus=True, body=[("text", "<p>Anbieter</p>")]
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    assert '<a href="/impressum/">Impressum</a>' in client.get("/").content.decode()
    page.unpublish()
    assert "/impressum/" not in client.get("/").content.decode()


def test_feedback_is_stored_sent_and_confirmed(site_pages, client, settings):
    settings.QD_ACCESSIBILITY_FEEDBACK_EMAIL = "a11y@amt.example"
    response = client.post(
        FEEDBACK_URL,
        {
            "message": "Der Abschlusstest lässt sich mit der Tastatur nicht abschicken.",
            "page": "/assessments/…",
            "name": "Erika Muster",
            "email": "erika@example.org",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/feedback/accessibility/thanks/"
    feedback = AccessibilityFeedback.objects.get()
    assert feedback.forwarded and feedback.email == "erika@example.org"
    (message,) = mail.outbox
    assert message.to == ["a11y@amt.example"] and message.reply_to == ["erika@example.org"]
    assert "Tastatur" in message.body and "§ 12b Abs. 4 BGG" in message.body
    thanks = client.get(response["Location"])
    assert "Vielen Dank für Ihre Rückmeldung" in thanks.content.decode()


def test_bad_feedback_gets_a_form_error_and_stores_nothing(client):
    response = client.post(FEEDBACK_URL, {"message": "kurz", "email": "keine-adresse"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Bitte beschreiben Sie die Barriere in einigen Worten." in body
    assert "gültige E-Mail-Adresse" in body
    assert not AccessibilityFeedback.objects.exists() and not mail.outbox


def test_feedback_needs_the_csrf_token():
    client = Client(enforce_csrf_checks=True)
    response = client.post(FEEDBACK_URL, {"message": "Eine Barriere auf der Startseite."})
    assert response.status_code == 403
    assert not AccessibilityFeedback.objects.exists()


def test_feedback_is_rate_limited_per_client_address(client, settings):
    cache.clear()
    settings.QD_ACCESSIBILITY_FEEDBACK_RATE = (2, 3600)
    data = {"message": "Kontrast der Schaltflächen ist zu schwach."}
    assert client.post(FEEDBACK_URL, data).status_code == 302
    assert client.post(FEEDBACK_URL, data).status_code == 302
    response = client.post(FEEDBACK_URL, data)
    assert response.status_code == 429
    assert "Bitte versuchen Sie es später erneut" in response.content.decode()
    assert AccessibilityFeedback.objects.count() == 2
    other = client.post(FEEDBACK_URL, data, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302


def test_feedback_is_kept_when_the_mail_fails(client, settings):
    settings.EMAIL_BACKEND = "tests.home.test_information_pages.BrokenBackend"
    response = client.post(FEEDBACK_URL, {"message": "Bilder ohne Alternativtext im Kurs."})
    assert response.status_code == 302
    assert AccessibilityFeedback.objects.get().forwarded is False


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("mail server down")


def test_administrators_read_feedback_in_the_admin_and_trainers_do_not(client, make_user):
    client.post(FEEDBACK_URL, {"message": "Die Navigation springt beim Vergrößern."})
    admin = log_in(Client(), make_user("admin@example.org", groups=("Administrator",)))
    page = admin.get("/cms/snippets/home/accessibilityfeedback/")
    assert page.status_code == 200 and "Navigation springt" in page.content.decode()
    trainer = log_in(Client(), make_user("trainer@example.org", groups=("Learner", "Trainer")))
    assert trainer.get("/cms/snippets/home/accessibilityfeedback/").status_code in (302, 403)
