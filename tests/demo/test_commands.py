"""``load_demo_content`` writes demo people with a shared password: never on a live site."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from lms.demo import loader
from lms.demo.people import PERSONAS

# The SQLite smoke suite runs these too: they cover every connection.vendor branch.
pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_load_demo_content_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo_content", stdout=io.StringIO())
    assert not get_user_model().objects.exists()


def test_load_demo_content_runs_with_force_or_debug(settings, monkeypatch, groups):
    # The gate is under test here, not the demo's content (tests/demo, tests/*/test_demo.py).
    monkeypatch.setattr(loader, "STEPS", [])
    settings.DEBUG = False
    out = io.StringIO()
    call_command("load_demo_content", "--force", stdout=out)
    emails = {persona[0] for persona in PERSONAS}
    assert set(get_user_model().objects.values_list("email", flat=True)) >= emails
    assert "Demo logins" in out.getvalue()
    settings.DEBUG = True
    call_command("load_demo_content", stdout=io.StringIO())
