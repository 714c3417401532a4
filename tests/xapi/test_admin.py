"""The LRS admin: Administrators create clients (secret shown once) and watch forwarding."""

import uuid

import pytest
from django.db import connection
from django.utils import timezone

from lms.xapi import credentials
from lms.xapi.models import ForwardingEndpoint, LRSClient, OutboxEntry, Statement
from tests.conftest import log_in

pytestmark = pytest.mark.django_db


def test_administrator_creates_a_client_and_sees_the_secret_once(client, make_user):
    admin = make_user("admin@example.org", groups=("Administrator",))
    log_in(client, admin)

    response = client.post(
        "/cms/snippets/xapi/lrsclient/add/",
        {"name": "Autorenwerkzeug", "read_only": "", "is_active": "on", "expires_at": ""},
        follow=True,
    )

    assert response.status_code == 200
    created = LRSClient.objects.get(name="Autorenwerkzeug")
    page = response.content.decode()
    assert created.key in page
    secret = page.split("<code>")[2].split("</code>")[0]
    assert credentials.secret_matches(secret, created.secret_digest)
    assert secret not in created.secret_digest


def test_learners_and_trainers_cannot_reach_the_lrs_admin(client, make_user):
    trainer = make_user("trainer@example.org", groups=("Trainer",))
    log_in(client, trainer)
    assert client.get("/cms/snippets/xapi/lrsclient/").status_code in (302, 403)
    assert client.get("/cms/snippets/xapi/forwardingendpoint/").status_code in (302, 403)


def test_forwarding_page_shows_lag_and_failures_with_bounded_queries(
    client, make_user, django_assert_max_num_queries
):
    admin = make_user("admin@example.org", groups=("Administrator",))
    log_in(client, admin)
    now = timezone.now()
    for n in range(3):
        endpoint = ForwardingEndpoint.objects.create(
            name=f"Landes-LRS {n}",
            url="https://lrs.example.org/xapi",
            consecutive_failures=2,
            last_error="http:503" if n else "HTTP 503: <h1>Interne Wartungsseite</h1>",
        )
        statement = Statement.objects.create(
            id=uuid.uuid4(),
            data={},
            stored=now,
            timestamp=now,
            verb="v",
            object_id="o",
            object_type="Activity",
        )
        OutboxEntry.objects.create(
            endpoint=endpoint, statement=statement, created_at=now, next_attempt_at=now
        )

    with django_assert_max_num_queries(25):
        response = client.get("/cms/snippets/xapi/forwardingendpoint/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Landes-LRS 2" in page
    assert "Das entfernte LRS hat mit HTTP-Status 503 geantwortet." in page
    # Text a remote sent (stored by earlier versions) is never shown.
    assert "Interne Wartungsseite" not in page and "Die Weiterleitung ist fehlgeschlagen." in page


def _endpoint_form(**overrides):
    return {
        "name": "Landes-LRS",
        "url": "https://lrs.example.org/xapi",
        "username": "qualifica",
        "password": "",
        "version": "1.0.3",
        "verbs": "",
        "is_active": "on",
        "batch_size": "100",
        "retry_base_seconds": "30",
        **overrides,
    }


def test_forwarding_password_is_stored_encrypted_and_never_shown_again(client, make_user):
    admin = make_user("admin@example.org", groups=("Administrator",))
    log_in(client, admin)

    response = client.post(
        "/cms/snippets/xapi/forwardingendpoint/add/", _endpoint_form(password="remote-secret-42")
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    endpoint = ForwardingEndpoint.objects.get(name="Landes-LRS")
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM xapi_forwardingendpoint WHERE id = %s", [endpoint.pk])
        row = cursor.fetchone()
    assert not any("remote-secret-42" in str(value) for value in row)
    assert endpoint.password == "remote-secret-42"
    edit_url = f"/cms/snippets/xapi/forwardingendpoint/edit/{endpoint.pk}/"
    page = client.get(edit_url).content.decode()
    assert 'name="password"' in page and "remote-secret-42" not in page
    # Saving with an empty password field keeps the secret.
    response = client.post(edit_url, _endpoint_form(name="Landes-LRS Nord"))
    assert response.status_code == 302
    endpoint.refresh_from_db()
    assert (endpoint.name, endpoint.password) == ("Landes-LRS Nord", "remote-secret-42")


@pytest.mark.parametrize(
    ("url", "error"),
    [
        ("http://lrs.example.org/xapi", "Verwenden Sie https."),
        ("https://10.0.0.1/xapi", "nicht öffentliche Adresse"),
        ("https://[::ffff:169.254.169.254]/xapi", "nicht öffentliche Adresse"),
        ("https://localhost:8000/xapi", "nicht öffentliche Adresse"),
        ("https://admin:pw@lrs.example.org/xapi", "ohne Benutzername, Passwort"),
    ],
)
def test_forwarding_url_to_internal_or_plain_http_target_is_a_form_error(
    client, make_user, settings, url, error
):
    settings.QD_FORWARDING_ALLOWED_HTTP_HOSTS = []
    log_in(client, make_user("admin@example.org", groups=("Administrator",)))

    response = client.post("/cms/snippets/xapi/forwardingendpoint/add/", _endpoint_form(url=url))

    assert response.status_code == 200
    assert error in response.content.decode()
    assert not ForwardingEndpoint.objects.exists()


def test_forwarding_url_with_plain_http_is_accepted_for_an_allowed_host(
    client, make_user, settings
):
    settings.QD_FORWARDING_ALLOWED_HTTP_HOSTS = ["lrs.intern.example"]
    log_in(client, make_user("admin@example.org", groups=("Administrator",)))

    response = client.post(
        "/cms/snippets/xapi/forwardingendpoint/add/",
        _endpoint_form(url="http://lrs.intern.example:8080/xapi"),
    )

    assert response.status_code == 302
    assert ForwardingEndpoint.objects.get().url == "http://lrs.intern.example:8080/xapi"


def test_launch_credentials_are_hidden_from_the_client_list_and_chooser(client, make_user):
    """Every package launch issues a scoped client; the list showed one per launch."""
    from lms.xapi.services import lrs_client_create

    admin = make_user("admin@example.org", groups=("Administrator",))
    log_in(client, admin)
    lrs_client_create(name="Autorenwerkzeug")
    lrs_client_create(
        name="Start Datenschutz im Bürgerbüro",
        scope_actor_key="account|https://qualifica-digitalis.example|p-1",
        scope_registration=uuid.uuid4(),
        scope_activity_id="https://lernen.example.org/kurs",
        expires_at=timezone.now() + timezone.timedelta(hours=1),
    )
    listing = client.get("/cms/snippets/xapi/lrsclient/")
    assert listing.status_code == 200
    assert "Autorenwerkzeug" in listing.content.decode()
    assert "Datenschutz im Bürgerbüro" not in listing.content.decode()
    searched = client.get("/cms/snippets/xapi/lrsclient/", {"q": "Datenschutz"})
    assert "Datenschutz im Bürgerbüro" not in searched.content.decode()
    chooser = client.get("/cms/snippets/choose/xapi/lrsclient/")
    assert chooser.status_code == 200
    body = chooser.json()["html"]
    assert "Autorenwerkzeug" in body and "Datenschutz im Bürgerbüro" not in body
    results = client.get("/cms/snippets/choose/xapi/lrsclient/results/", {"q": "Daten"})
    assert "Datenschutz im Bürgerbüro" not in results.content.decode()
