"""The HTTP edge of the LRS: versions, authentication, CORS, errors, alternate syntax."""

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from urllib.parse import parse_qsl

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views.decorators.csrf import csrf_exempt

from lms.content_origin import credentialed_origin
from lms.xapi import credentials
from lms.xapi.models import LRSClient

SUPPORTED_VERSIONS = ("1.0.0", "1.0.1", "1.0.2", "1.0.3", "2.0.0")
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, POST, PUT, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": (
        "Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match, "
        "X-Requested-With, Accept-Language"
    ),
    "Access-Control-Expose-Headers": (
        "ETag, Last-Modified, Content-Type, X-Experience-API-Version, "
        "X-Experience-API-Consistent-Through"
    ),
    "Access-Control-Max-Age": "86400",
}
ALTERNATE_HEADERS = {
    "authorization": "HTTP_AUTHORIZATION",
    "x-experience-api-version": "HTTP_X_EXPERIENCE_API_VERSION",
    "content-type": "CONTENT_TYPE",
    "content-length": "CONTENT_LENGTH",
    "if-match": "HTTP_IF_MATCH",
    "if-none-match": "HTTP_IF_NONE_MATCH",
}


class LRSError(Exception):
    status = 400

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status


@dataclass
class LRSRequest:
    """What a resource handler needs: method, parameters, body, headers, client, version."""

    method: str
    params: dict[str, str]
    body: bytes
    content_type: str
    headers: dict[str, str]
    client: LRSClient | None
    version: str
    django: HttpRequest

    @property
    def major(self) -> str:
        return "2.0.0" if self.version.startswith("2.") else "1.0.3"


def json_response(data, status=200, headers=None) -> HttpResponse:
    response = HttpResponse(
        json.dumps(data, separators=(",", ":")), status=status, content_type="application/json"
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def error_response(message: str, status: int) -> HttpResponse:
    return json_response({"error": {"code": status, "message": message}}, status=status)


def _finish(
    request: HttpRequest, response: HttpResponse, version: str, method: str
) -> HttpResponse:
    for name, value in CORS_HEADERS.items():
        response[name] = value
    # Content that sends credentials ("include", e.g. a state save at unload) needs its
    # origin echoed; everyone else gets "*", which works for the Authorization header.
    if origin := credentialed_origin(request):
        response["Access-Control-Allow-Origin"] = origin
        response["Access-Control-Allow-Credentials"] = "true"
    patch_vary_headers(response, ["Origin"])
    response["X-Experience-API-Version"] = "2.0.0" if version.startswith("2.") else "1.0.3"
    if method == "HEAD":
        length = len(response.content)
        response.content = b""
        response["Content-Length"] = str(length)
    return response


def negotiate_version(value: str | None) -> str:
    if not value:
        raise LRSError("The X-Experience-API-Version header is required.")
    value = value.strip()
    if value in ("1.0", "2.0"):
        value += ".0"
    if value not in SUPPORTED_VERSIONS:
        raise LRSError(f"X-Experience-API-Version {value!r} is not supported.")
    return value


# Clients looked up in the last few seconds, per process: LRS traffic is many requests
# with the same key, and the lookup was a tenth of a single-statement request. The secret
# and expiry are still checked on every request. A change to a client (deactivation,
# deletion, new secret) clears this process's entry at once and reaches the other
# processes within CLIENT_CACHE_SECONDS.
CLIENT_CACHE_SECONDS = 5.0
_CLIENT_CACHE_MAX = 2000
_clients: dict[str, tuple[float, LRSClient | None]] = {}


def _client_for_key(key: str) -> LRSClient | None:
    now = time.monotonic()
    cached = _clients.get(key)
    if cached is not None and now - cached[0] < CLIENT_CACHE_SECONDS:
        return cached[1]
    client = LRSClient.objects.filter(key=key, is_active=True).first()
    if len(_clients) >= _CLIENT_CACHE_MAX:
        _clients.clear()
    _clients[key] = (now, client)
    return client


def forget_client(key: str) -> None:
    """Drop a client from this process's lookup cache (called when a client changes)."""
    _clients.pop(key, None)


def authenticate(header: str | None) -> LRSClient:
    if not header:
        raise LRSError("Authentication is required (HTTP Basic).", status=401)
    parsed = credentials.parse_basic(header)
    if parsed is None:
        raise LRSError("The Authorization header is not valid HTTP Basic.", status=401)
    key, secret = parsed
    client = _client_for_key(key)
    if client is None or not credentials.secret_matches(secret, client.secret_digest):
        raise LRSError("Unknown key or wrong secret.", status=401)
    if client.expires_at is not None and client.expires_at <= timezone.now():
        raise LRSError("These credentials have expired.", status=401)
    return client


def _alternate(request: HttpRequest) -> tuple[str, dict, bytes, str, dict]:
    """Unpack xAPI 1.0.3 alternate request syntax (POST ?method=…, form-encoded body)."""
    method = request.GET["method"].upper()
    if method not in ("GET", "HEAD", "PUT", "POST", "DELETE"):
        raise LRSError("The method parameter must be an HTTP method.", status=400)
    if len(request.GET) > 1:
        raise LRSError("With alternate request syntax all parameters go in the body.")
    if not request.content_type.startswith("application/x-www-form-urlencoded"):
        raise LRSError("Alternate request syntax needs an application/x-www-form-urlencoded body.")
    form = dict(parse_qsl(request.body.decode("utf-8"), keep_blank_values=True))
    headers = {}
    for name in list(form):
        if name.lower() in ALTERNATE_HEADERS:
            headers[name.lower()] = form.pop(name)
    body = form.pop("content", "").encode("utf-8")
    content_type = headers.get("content-type", "application/json")
    return method, form, body, content_type, headers


def xapi_view(
    handler: Callable[[LRSRequest], HttpResponse],
    *,
    needs_auth: bool = True,
    needs_version: bool = True,
    consistent_through: bool = False,
    methods=(),
):
    """Wrap a resource handler: CORS, version header, auth, alternate syntax, errors."""

    @csrf_exempt
    @wraps(handler)
    def view(request: HttpRequest, *args, **kwargs):
        version = request.headers.get("X-Experience-API-Version") or "1.0.3"
        method = request.method
        if method == "OPTIONS":
            return _finish(request, HttpResponse(status=200), version, method)
        try:
            params = request.GET.dict()
            body = request.body
            content_type = request.headers.get("Content-Type", "")
            headers = {
                "authorization": request.headers.get("Authorization"),
                "x-experience-api-version": request.headers.get("X-Experience-API-Version"),
                "if-match": request.headers.get("If-Match"),
                "if-none-match": request.headers.get("If-None-Match"),
                "accept-language": request.headers.get("Accept-Language", ""),
            }
            if method == "POST" and "method" in request.GET:
                if (headers["x-experience-api-version"] or "").startswith("2."):
                    raise LRSError("xAPI 2.0 has no alternate request syntax.")
                method, params, body, content_type, alt = _alternate(request)
                headers.update({k: v for k, v in alt.items() if v})
                if (headers["x-experience-api-version"] or "").startswith("2."):
                    raise LRSError("xAPI 2.0 has no alternate request syntax.")
            if any("\x00" in name or "\x00" in value for name, value in params.items()):
                raise LRSError("Parameters must not contain NUL characters.")
            if methods and method not in methods:
                raise LRSError(f"Method {method} is not allowed here.", status=405)
            client = authenticate(headers["authorization"]) if needs_auth else None
            if needs_version or headers["x-experience-api-version"]:
                version = negotiate_version(headers["x-experience-api-version"])
            if client is not None and client.read_only and method not in ("GET", "HEAD"):
                raise LRSError("These credentials are read-only.", status=403)
            lrs_request = LRSRequest(
                method=method,
                params=params,
                body=body,
                content_type=content_type,
                headers=headers,
                client=client,
                version=version,
                django=request,
            )
            response = handler(lrs_request, *args, **kwargs)
        except LRSError as error:
            response = error_response(error.message, error.status)
            if error.status == 401:
                response["WWW-Authenticate"] = 'Basic realm="xAPI"'
        if consistent_through:
            response["X-Experience-API-Consistent-Through"] = (
                timezone.now().isoformat(timespec="milliseconds").replace("+00:00", "Z")
            )
        return _finish(request, response, version, method)

    return view
