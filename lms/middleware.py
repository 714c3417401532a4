"""Cross-cutting HTTP concerns: request ids for the logs, security headers, outages."""

import json
import logging
import re
import sys
import uuid

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.views import defaults

from lms.logging import request_id_var

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

    The Wagtail admin and the LRS API are exempt: the admin relies on inline code, the
    API answers JSON and sets its own CORS headers. Responses that already carry a CSP
    (e.g. sandboxed content packages) keep theirs.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if not request.path.startswith(tuple(settings.QD_CSP_EXEMPT_PREFIXES)):
            response.setdefault("Content-Security-Policy", _policy())
        return response


def _policy() -> str:
    return "; ".join(f"{directive} {value}" for directive, value in settings.QD_CSP.items())


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
