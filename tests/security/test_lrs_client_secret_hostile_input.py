"""Hostile and weak LRS client secrets: refused with a reason and nothing stored, never a
crash; repeated strings and small alphabets never pass, random tokens always do."""

import secrets
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lms.xapi.models import LRSClient
from lms.xapi.services import lrs_client_create

pytestmark = pytest.mark.django_db

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
TOKEN_CHARACTERS = string.ascii_letters + string.digits + "-_.~+/="


def _create(secret):
    """The created client, or ``None`` after a refusal that stored nothing."""
    before = LRSClient.objects.count()
    try:
        client, returned = lrs_client_create(name="Feindlich", secret=secret)
    except ValueError as error:
        assert str(error)
        assert LRSClient.objects.count() == before
        return None
    assert returned == secret or not secret
    LRSClient.objects.filter(pk=client.pk).delete()
    return client


@SETTINGS
@given(secret=st.one_of(st.text(max_size=300), st.text(TOKEN_CHARACTERS, max_size=80)))
def test_any_text_is_refused_cleanly_or_is_a_long_token(secret):
    client = _create(secret)
    if client is not None and secret:
        assert 32 <= len(secret) <= 256 and set(secret) <= set(TOKEN_CHARACTERS)


@SETTINGS
@given(
    unit=st.text(TOKEN_CHARACTERS, min_size=1, max_size=16),
    times=st.integers(2, 40),
    padding=st.text(TOKEN_CHARACTERS, max_size=3),
)
def test_a_repeated_string_never_passes(unit, times, padding):
    assert _create(unit * times + padding) is None


@SETTINGS
@given(
    alphabet=st.lists(st.sampled_from(TOKEN_CHARACTERS), min_size=1, max_size=7, unique=True),
    data=st.data(),
)
def test_a_secret_from_fewer_than_eight_characters_never_passes(alphabet, data):
    secret = data.draw(st.text(st.sampled_from(alphabet), min_size=32, max_size=80))
    assert _create(secret) is None


@SETTINGS
@given(size=st.integers(24, 120))
def test_random_tokens_pass(size):
    assert _create(secrets.token_urlsafe(size)) is not None
