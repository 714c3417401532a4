"""Where package content runs, and who may call the LRS with credentials from there.

Two settings decide it:

- ``QD_CONTENT_ORIGIN`` (production): a second host name, e.g. ``https://inhalte.example.org``,
  that serves package files and nothing else;
- ``QD_CONTENT_HOST_ALIAS`` (the embedded demo): another name of the serving machine, e.g.
  ``localhost`` while the platform answers on ``127.0.0.1``. The content origin then takes
  the scheme and port the platform is reached on, so launch credentials never go to a port
  this server does not serve.

With neither, content runs on the platform's own host in a sandbox (an opaque origin).
"""

from urllib.parse import urlsplit

from django.conf import settings

# The origin browsers send from a sandboxed document without allow-same-origin.
OPAQUE_ORIGIN = "null"


def content_origin(base_url: str) -> str:
    """The content origin for a platform reached at ``base_url`` ("" for none)."""
    configured = urlsplit(settings.QD_CONTENT_ORIGIN or "")
    if configured.scheme and configured.netloc:
        return f"{configured.scheme}://{configured.netloc}".lower()
    alias = settings.QD_CONTENT_HOST_ALIAS
    if alias:
        platform = urlsplit(base_url)
        port = f":{platform.port}" if platform.port else ""
        return f"{platform.scheme}://{alias}{port}".lower()
    return ""


def request_base_url(request) -> str:
    return f"{request.scheme}://{request.get_host()}"


def is_content_host(request) -> bool:
    """Whether ``request`` arrived on the content origin's host."""
    origin = content_origin(request_base_url(request))
    return bool(origin) and urlsplit(origin).netloc == request.get_host().lower()


def credentialed_origin(request) -> str | None:
    """The request's ``Origin`` if content runs there, so the LRS may answer it with
    credentialed CORS (content that sends ``credentials: "include"``); None otherwise.

    The LRS authenticates by the Authorization header only, never by cookies: answering
    the content origin with credentials lets such requests through without giving them
    the platform session.
    """
    origin = (request.headers.get("Origin") or "").strip().lower()
    if not origin:
        return None
    expected = content_origin(request_base_url(request)) or OPAQUE_ORIGIN
    return origin if origin == expected else None
