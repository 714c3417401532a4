"""A lost database connection answers 503 with Retry-After, never a 500 with a traceback."""

import json

import pytest
from django.db import InterfaceError, OperationalError
from django.test import RequestFactory

from lms.middleware import DatabaseUnavailableMiddleware, server_error


def _raise(exception):
    def view(request):
        raise exception

    return view


@pytest.mark.parametrize(
    "exception",
    [
        OperationalError("terminating connection due to administrator command"),
        InterfaceError("connection already closed"),
    ],
)
def test_a_view_losing_the_database_answers_503_json(exception):
    request = RequestFactory().post("/xapi/statements", HTTP_ACCEPT="application/json")
    middleware = DatabaseUnavailableMiddleware(_raise(exception))
    response = middleware.process_exception(request, exception)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response["X-Experience-API-Version"] == "1.0.3"
    body = json.loads(response.content)
    assert body["error"]["code"] == 503
    assert "temporarily unavailable" in body["error"]["message"]
    assert "Traceback" not in response.content.decode()


def test_browsers_get_a_static_german_page():
    request = RequestFactory().get("/learn/", HTTP_ACCEPT="text/html,application/xhtml+xml")
    response = DatabaseUnavailableMiddleware(None).process_exception(
        request, OperationalError("server closed the connection unexpectedly")
    )
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    assert "Vorübergehend nicht verfügbar" in response.content.decode()
    assert "server closed" not in response.content.decode()


def test_other_errors_are_left_to_django():
    request = RequestFactory().get("/")
    assert DatabaseUnavailableMiddleware(None).process_exception(request, ValueError()) is None


def test_the_500_handler_answers_503_for_errors_outside_views():
    request = RequestFactory().get("/", HTTP_ACCEPT="application/json")
    try:
        raise OperationalError("could not connect to server")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"


@pytest.mark.django_db
def test_the_500_handler_keeps_plain_500_for_other_errors():
    request = RequestFactory().get("/")
    try:
        raise ValueError("boom")
    except ValueError:
        response = server_error(request)
    assert response.status_code == 500
    assert "boom" not in response.content.decode()


@pytest.mark.django_db
def test_the_middleware_is_installed_and_catches_a_real_view_error(client, monkeypatch):
    from lms.home import views

    def broken():
        raise OperationalError("the database system is starting up")

    monkeypatch.setattr(views, "_check_database", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
