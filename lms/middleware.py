"""Cross-cutting HTTP concerns: request ids, security headers, outages, LRS rate limits."""

import hashlib
import json
import logging
import re
import sys
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.urls import reverse
from django.views import defaults

from lms.logging import request_id_var
from lms.xapi.credentials import parse_basic

_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestIdMiddleware:
    """Tag each request with an id (reusing a sane incoming X-Request-ID) for logs and clients."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _VALID_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = request_id_var.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response["X-Request-ID"] = request_id
        return response


class SecurityHeadersMiddleware:
    """A strict Content-Security-Policy (no inline scripts or styles) for the platform's pages.

    The Wagtail admin (``/cms/``) gets ``QD_CSP_ADMIN``: as strict, except for what the
    admin's own code needs (each relaxation is explained in the settings). Paths in
    ``QD_CSP_EXEMPT_PREFIXES`` get none: the LRS API answers JSON and sets its own CORS
    headers. Responses that already carry a CSP (e.g. sandboxed content packages) keep theirs.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if not request.path.startswith(tuple(settings.QD_CSP_EXEMPT_PREFIXES)):
            in_admin = request.path.startswith(reverse("wagtailadmin_home"))
            policy = settings.QD_CSP_ADMIN if in_admin else settings.QD_CSP
            response.setdefault("Content-Security-Policy", _policy(policy))
        return response


def _policy(directives: dict) -> str:
    return "; ".join(f"{directive} {value}" for directive, value in directives.items())


# --- Database outages -------------------------------------------------------------------

logger = logging.getLogger("lms.availability")

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 5
UNAVAILABLE_MESSAGE = (
    "The database is temporarily unavailable. Nothing from this request was stored; "
    "please retry in a few seconds."
)
UNAVAILABLE_PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Vorübergehend nicht verfügbar</title></head>
<body><main><h1>Vorübergehend nicht verfügbar</h1>
<p>Die Datenbank ist gerade nicht erreichbar. Von dieser Anfrage wurde nichts gespeichert.
Bitte versuchen Sie es in einigen Sekunden erneut.</p>
<p lang="en">The service is temporarily unavailable. Nothing from this request was stored.
Please try again in a few seconds.</p></main></body></html>
"""


def database_unavailable_response(request, exception) -> HttpResponse:
    """503 with ``Retry-After`` instead of a 500 when the database is unreachable.

    API clients (the LRS, JSON requests) get a JSON error in the LRS's error shape; browsers
    get a small static page (no template: rendering may itself need the database).
    Requests run in a transaction per service call, so a failed request wrote nothing.
    """
    logger.warning(
        "Database unavailable (%s: %s) for %s %s",
        exception.__class__.__name__,
        str(exception).splitlines()[0] if str(exception) else "",
        request.method,
        request.path,
    )
    accept = request.headers.get("Accept", "")
    wants_html = "text/html" in accept and not request.path.startswith("/xapi/")
    if wants_html:
        response = HttpResponse(UNAVAILABLE_PAGE, status=503, content_type="text/html")
    else:
        body = {"error": {"code": 503, "message": UNAVAILABLE_MESSAGE}}
        response = HttpResponse(json.dumps(body), status=503, content_type="application/json")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    if request.path.startswith("/xapi/"):
        response["X-Experience-API-Version"] = "1.0.3"
        response["Access-Control-Allow-Origin"] = "*"
    return response


class DatabaseUnavailableMiddleware:
    """Turn a lost database connection in a view into a 503 with ``Retry-After``.

    Errors raised outside views (in other middleware) reach ``server_error`` below, which
    answers the same way.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            return database_unavailable_response(request, exception)
        return None


def server_error(request, *args, **kwargs):
    """``handler500``: a 503 for database outages, Django's plain 500 page otherwise."""
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_ERRORS):
        return database_unavailable_response(request, exception)
    return defaults.server_error(request, *args, **kwargs)


# --- LRS rate limit per client ----------------------------------------------------------


class LRSRateLimitMiddleware:
    """LRS requests per client, and failed sign-ins per address.

    ``QD_XAPI_RATE_LIMIT = (requests, seconds)``: a client is its HTTP Basic key (read from
    the header, no database query; an unknown key is limited like any other), or its
    address when it sends none. A claimed key is not proof of anything, so
    ``QD_XAPI_AUTH_FAILURE_LIMIT = (failures, seconds)`` also counts the requests the LRS
    answers with 401 per client address: rotating made-up keys does not escape it. Fixed
    windows in the cache (Redis in production, shared by every web process): one round trip
    per request for both (``_window_counts``), one more after a 401. If the cache is
    unreachable the request is served, not refused.

    The address is ``REMOTE_ADDR``: behind a reverse proxy, the proxy must pass the
    client's address there (see README, operations).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = getattr(settings, "QD_XAPI_RATE_LIMIT", None)
        failures = getattr(settings, "QD_XAPI_AUTH_FAILURE_LIMIT", None)
        if not request.path.startswith("/xapi/") or request.method == "OPTIONS":
            return self.get_response(request)
        if limit or failures:
            retry_after = self._over_limit(request, limit, failures)
            if retry_after:
                return _too_many_requests(retry_after)
        response = self.get_response(request)
        if failures and response.status_code == 401:
            self._count_failure(request, failures[1])
        return response

    @staticmethod
    def _client_id(request) -> str:
        parsed = parse_basic(request.headers.get("Authorization", "") or "")
        if parsed is not None:
            return "key:" + hashlib.sha256(parsed[0].encode()).hexdigest()[:32]
        return "addr:" + request.META.get("REMOTE_ADDR", "")

    @staticmethod
    def _failure_key(request, seconds: int) -> tuple[str, int]:
        now = int(time.time())
        window = now - now % seconds
        address = request.META.get("REMOTE_ADDR", "")
        return f"qd:lrs-auth-failures:{address}:{window}", window + seconds - now

    def _over_limit(self, request, limit, failures) -> int:
        now = int(time.time())
        count_key, seconds, peek_key = None, 1, None
        if limit:
            seconds = limit[1]
            window = now - now % seconds
            count_key = f"qd:lrs-rate:{self._client_id(request)}:{window}"
        if failures:
            peek_key, failure_retry = self._failure_key(request, failures[1])
        try:
            count, failed = _window_counts(count_key, seconds, peek_key)
        except Exception:  # the cache is down: serve rather than refuse everyone
            logger.warning("LRS rate limit skipped: the cache is unreachable.")
            return 0
        if failures and failed >= failures[0]:
            return max(1, failure_retry)
        if limit and count > limit[0]:
            return max(1, window + seconds - now)
        return 0

    def _count_failure(self, request, seconds: int) -> None:
        key, _retry = self._failure_key(request, seconds)
        try:
            _window_counts(key, seconds, None)
        except Exception:
            logger.warning("LRS sign-in failure not counted: the cache is unreachable.")


_REDIS_CACHE = "django.core.cache.backends.redis.RedisCache"
_redis_clients: dict[str, object] = {}


def _window_counts(count_key: str | None, seconds: int, peek_key: str | None) -> tuple[int, int]:
    """Count one request under ``count_key`` in a fixed window; read ``peek_key``'s count.

    On Redis this is one round trip (INCR, EXPIRE, GET in a pipeline) on a client kept per
    process; through Django's cache API it was three commands and a new client object per
    request, over half of a small LRS request's time. Other caches (tests, the demo) use
    the cache API.
    """
    config = settings.CACHES["default"]
    if config["BACKEND"] != _REDIS_CACHE:
        count = 0
        if count_key is not None:
            cache.add(count_key, 0, timeout=seconds + 1)
            count = cache.incr(count_key)
        return count, (cache.get(peek_key) or 0) if peek_key is not None else 0
    location = config["LOCATION"]
    if isinstance(location, list | tuple):
        location = location[0]
    location = location.split(",")[0]  # the first server is the one written to
    client = _redis_clients.get(location)
    if client is None:
        import redis

        client = redis.Redis.from_url(location, socket_timeout=0.5, socket_connect_timeout=0.5)
        _redis_clients[location] = client
    pipeline = client.pipeline(transaction=False)
    if count_key is not None:
        pipeline.incr(count_key)
        pipeline.expire(count_key, seconds + 1)
    if peek_key is not None:
        pipeline.get(peek_key)
    results = pipeline.execute()
    count = int(results[0]) if count_key is not None else 0
    peeked = int(results[-1] or 0) if peek_key is not None else 0
    return count, peeked


def _too_many_requests(retry_after: int) -> HttpResponse:
    body = {
        "error": {
            "code": 429,
            "message": f"Too many requests from this client; retry in {retry_after} s.",
        }
    }
    response = HttpResponse(json.dumps(body), status=429, content_type="application/json")
    response["Retry-After"] = str(retry_after)
    response["X-Experience-API-Version"] = "1.0.3"
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "Retry-After, X-Experience-API-Version"
    return response
