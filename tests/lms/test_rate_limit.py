"""The LRS limits requests per client; other clients and other pages are not affected."""

import base64

import pytest

pytestmark = pytest.mark.django_db


def _basic(key):
    return "Basic " + base64.b64encode(f"{key}:secret".encode()).decode()


def _about(client, key=None, **extra):
    headers = {"HTTP_X_EXPERIENCE_API_VERSION": "1.0.3", **extra}
    if key:
        headers["HTTP_AUTHORIZATION"] = _basic(key)
    return client.get("/xapi/about", **headers)


def test_a_client_over_its_limit_gets_429_with_retry_after(client, settings):
    settings.QD_XAPI_RATE_LIMIT = (5, 60)
    assert [_about(client, "alpha").status_code for _ in range(5)] == [200] * 5
    response = _about(client, "alpha")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert "Too many requests" in response.json()["error"]["message"]
    assert response["X-Experience-API-Version"] == "1.0.3"
    # Another client, and the platform's own pages, are not limited.
    assert _about(client, "beta").status_code == 200
    assert client.get("/healthz").status_code == 200


def test_preflight_requests_are_not_counted(client, settings):
    settings.QD_XAPI_RATE_LIMIT = (2, 60)
    for _ in range(5):
        assert client.options("/xapi/statements").status_code == 200
    assert _about(client, "gamma").status_code == 200


def test_requests_without_credentials_are_limited_by_address(client, settings):
    settings.QD_XAPI_RATE_LIMIT = (3, 60)
    statuses = [_about(client).status_code for _ in range(4)]
    assert statuses[-1] == 429


def test_the_limit_can_be_switched_off(client, settings):
    settings.QD_XAPI_RATE_LIMIT = None
    assert all(_about(client, "delta").status_code == 200 for _ in range(20))


def test_an_unreachable_cache_serves_instead_of_refusing(client, settings, monkeypatch):
    from django.core.cache import cache

    settings.QD_XAPI_RATE_LIMIT = (1, 60)

    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(cache, "add", broken)
    assert [_about(client, "eps").status_code for _ in range(3)] == [200, 200, 200]


def test_on_redis_the_window_is_counted_in_one_round_trip(client, settings):
    import redis

    url = "redis://127.0.0.1:6379/13"
    server = redis.Redis.from_url(url)
    server.flushdb()
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    }
    settings.QD_XAPI_RATE_LIMIT = (3, 60)
    assert [_about(client, "zeta").status_code for _ in range(4)] == [200, 200, 200, 429]
    (key,) = server.keys("qd:lrs-rate:*")
    assert int(server.get(key)) == 4
    assert 0 < server.ttl(key) <= 61  # the window's counter goes away by itself
    server.flushdb()


def _statements(client, key, secret="wrong", address="203.0.113.7"):  # noqa: S107
    token = base64.b64encode(f"{key}:{secret}".encode()).decode()
    return client.get(
        "/xapi/statements",
        HTTP_AUTHORIZATION=f"Basic {token}",
        HTTP_X_EXPERIENCE_API_VERSION="1.0.3",
        REMOTE_ADDR=address,
    )


def test_guessing_with_ever_new_keys_is_limited_by_address(client, settings):
    """Each made-up key has a fresh bucket of its own; its failures still count per address."""
    from lms.xapi.services import lrs_client_create

    settings.QD_XAPI_RATE_LIMIT = (1000, 60)
    settings.QD_XAPI_AUTH_FAILURE_LIMIT = (5, 300)
    real, secret = lrs_client_create(name="Fachverfahren")
    statuses = [_statements(client, f"guess-{n}").status_code for n in range(7)]
    assert statuses[:5] == [401] * 5
    assert statuses[5:] == [429, 429]
    # The real client from the same address waits too; from elsewhere it is served.
    assert _statements(client, real.key, secret).status_code == 429
    assert _statements(client, real.key, secret, address="198.51.100.2").status_code == 200
    # Successful requests are no failures.
    assert all(
        _statements(client, real.key, secret, address="198.51.100.2").status_code == 200
        for _ in range(10)
    )
