"""Cross-cutting HTTP concerns: request ids for the logs and security headers."""

import re
import uuid

from django.conf import settings

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
