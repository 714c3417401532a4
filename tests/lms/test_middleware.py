import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_pages_carry_a_strict_content_security_policy(client):
    response = client.get("/accounts/login/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "object-src 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"


def _directives(response) -> dict[str, str]:
    parts = (p.strip().split(" ", 1) for p in response["Content-Security-Policy"].split(";"))
    return dict(parts)


def test_the_admin_has_a_policy_of_its_own(client, make_user):
    from tests.conftest import log_in

    log_in(client, make_user("admin@example.org", groups=("Learner", "Administrator")))
    response = client.get("/cms/")
    assert response.status_code == 200
    policy = _directives(response)
    # As strict as the platform's pages, except inline <style> elements (Draftail).
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["style-src-elem"] == "'self' 'unsafe-inline'"
    for directive in ("default-src", "img-src", "font-src", "connect-src", "frame-src"):
        assert "*" not in policy[directive] and "http" not in policy[directive], directive
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'self'"
    assert policy["form-action"] == "'self'"
    assert policy["frame-ancestors"] == "'self'"
    # Anonymous requests to the admin (sent to sign in) carry it too.
    assert "script-src 'self'" in Client().get("/cms/pages/")["Content-Security-Policy"]


def test_the_lrs_sets_no_page_policy(client):
    response = client.get("/xapi/about")
    assert "Content-Security-Policy" not in response


def test_every_response_has_a_request_id_and_keeps_a_sane_incoming_one(client):
    response = client.get("/")
    assert len(response["X-Request-ID"]) == 32
    response = client.get("/", HTTP_X_REQUEST_ID="lb-1234567890")
    assert response["X-Request-ID"] == "lb-1234567890"
    response = client.get("/", HTTP_X_REQUEST_ID="bad id with spaces\nand newline")
    assert response["X-Request-ID"] != "bad id with spaces\nand newline"


def test_health_reports_eager_mode_without_a_broker(client):
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["checks"] == {"database": "ok", "broker": "eager", "worker": "eager"}


@pytest.mark.worker
def test_health_reports_broker_and_worker_when_they_run(client, celery_worker_process):
    body = client.get("/healthz").json()
    assert body["checks"]["broker"] == "ok"
    assert body["checks"]["worker"] == "ok"
    assert body["status"] == "ok"


def test_health_reports_an_unreachable_broker_as_error(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["broker"].startswith("error")
