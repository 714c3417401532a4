"""Management commands: create_lrs_client and rebuild_projections."""

import io
import secrets

import pytest
from django.core.management import CommandError, call_command

from lms.xapi import credentials
from lms.xapi.models import LRSClient
from lms.xapi.services import statements_store

pytestmark = pytest.mark.django_db

STRONG = "kR7-vQ2_mZ9.xL4~pT8+wN3/bH6=cJ1yF5"  # 34 characters, 33 different


@pytest.mark.parametrize(
    ("secret", "reason"),
    [
        ("conformance-secret", "32 to 256 characters"),
        ("s3cret-value", "32 to 256 characters"),
        ("x" * 300, "32 to 256 characters"),
        ("a" * 40, "at least 8 different"),
        ("aaaaaaaaaaaaaaaaaaaaaaaabcdefghijk", "more than a third"),
        ("conformance-secret-conformance-secret", "twice"),
        ("0123456789abcdef" * 2, "twice"),
        ("geheimes Passwort mit Leerzeichen 123", "may contain only"),
        ("Schlüssel-Schlüssel-Schlüssel-ÄÖÜ-12345", "may contain only"),
        ("key:with:colons:0123456789abcdefghijklmnop", "may contain only"),
    ],
)
def test_create_lrs_client_refuses_a_weak_given_secret_and_stores_nothing(secret, reason):
    with pytest.raises(CommandError, match=reason):
        call_command("create_lrs_client", "Schwach", "--secret", secret, stdout=io.StringIO())
    assert not LRSClient.objects.exists()


def test_generated_and_random_token_secrets_pass_the_rule():
    assert all(credentials.secret_problem(credentials.new_secret()) is None for _ in range(200))
    assert credentials.secret_problem(secrets.token_hex(32)) is None
    assert credentials.secret_problem(secrets.token_urlsafe(24)) is None  # 32 characters
    assert credentials.secret_problem(STRONG) is None


def test_create_lrs_client_prints_generated_credentials_once():
    out = io.StringIO()
    call_command("create_lrs_client", "Autorenwerkzeug", stdout=out)

    lines = dict(line.split(": ", 1) for line in out.getvalue().splitlines())
    client = LRSClient.objects.get(key=lines["key"])
    assert client.name == "Autorenwerkzeug"
    assert credentials.secret_matches(lines["secret"], client.secret_digest)
    assert lines["secret"] not in client.secret_digest
    assert len(lines["secret"]) >= 40


def test_create_lrs_client_with_given_key_secret_and_read_only():
    call_command(
        "create_lrs_client",
        "Berichte",
        "--key",
        "reports",
        "--secret",
        STRONG,
        "--read-only",
        stdout=io.StringIO(),
    )
    client = LRSClient.objects.get(key="reports")
    assert client.read_only is True
    assert credentials.secret_matches(STRONG, client.secret_digest)
    with pytest.raises(CommandError):
        call_command("create_lrs_client", "Doppelt", "--key", "reports", stdout=io.StringIO())


def test_rebuild_projections_command_resets_and_replays(isolated_projections, statement_factory):
    seen = []
    isolated_projections.register_projection(
        "count", apply=lambda rows: seen.extend(r.id for r in rows), reset=seen.clear
    )
    statements_store(statements=[statement_factory() for _ in range(3)])
    seen.append("stale")
    out = io.StringIO()

    call_command("rebuild_projections", "--batch-size", "2", stdout=out)

    assert len(seen) == 3 and "stale" not in seen
    assert "Replayed 3 statements" in out.getvalue()
