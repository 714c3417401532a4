import pytest
from wagtail.models import Site

from lms.home.models import HomePage
from tests.conftest import log_in

pytestmark = pytest.mark.django_db


def test_migrations_create_the_home_page_as_site_root():
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)


def test_home_page_renders_for_visitors_with_a_login_link(client):
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<main id="main"' in body
    assert 'href="#main"' in body
    assert "/accounts/login/" in body


def test_language_switch_serves_english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.get("/accounts/login/")
    assert 'lang="en"' in response.content.decode()
    assert "Sign In" in response.content.decode() or "Log in" in response.content.decode()


def test_health_endpoint_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"]["database"] == "ok"
    assert response.json()["status"] == "ok"


def test_navigation_is_german_first_and_english_on_request(client, make_user):
    log_in(client, make_user("lea@example.org"))
    body = client.get("/me/").content.decode()
    assert "Mein Lernen" in body
    assert "Meine Daten und Datenschutz" in body
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    body = client.get("/me/").content.decode()
    assert "My learning" in body
    assert "My data and privacy" in body


def test_site_root_is_repaired_after_the_page_tree_was_emptied():
    from wagtail.models import Page

    from lms.home.services import site_root_ensure

    Site.objects.all().delete()
    Page.objects.all().delete()
    home = site_root_ensure()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert site_root_ensure().pk == home.pk
