"""Serving package files in a sandbox, the cmi5 fetch URL, and launching.

Package files are served with ``Content-Security-Policy: sandbox …`` (no
``allow-same-origin``): their scripts run in an opaque origin and can neither read this
site's cookies nor call it as the logged-in person. With ``QD_CONTENT_ORIGIN`` set, the
launch URLs point to that second host name, which never receives session cookies.
"""

import json
import mimetypes

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseNotAllowed,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from lms.content_origin import is_content_host, request_base_url
from lms.packages import scorm, selectors, services
from lms.packages.models import ContentPackage, ContentPackagePage
from lms.packages.safezip import MAX_NAME_CHARS, MAX_SEGMENT_BYTES, PackageError
from lms.packages.storage import package_storage
from lms.xapi import protocol as xapi_protocol
from lms.xapi import services as xapi_services

# allow-modals: content asks "Are you sure you want to exit?" with confirm() before it
# sends its last statements (the Tin Can Golf Example does); blocked, the answer is "no".
SANDBOX = (
    "sandbox allow-scripts allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox"
)


def _sandbox_headers(request, response: HttpResponse) -> HttpResponse:
    # On the separate content host the platform's session cookies never arrive, so the
    # package may keep an origin of its own (local storage, as many authoring tools need);
    # on the platform's host the origin stays opaque.
    policy = SANDBOX + (" allow-same-origin" if is_content_host(request) else "")
    response["Content-Security-Policy"] = policy
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Content-Type-Options"] = "nosniff"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _member_path(path: str) -> str | None:
    """``path`` if it can name a file that an upload stored, else None.

    Only plain segments: no empty, ``.`` or ``..`` segment (``%2e%2e`` arrives decoded),
    no backslash or NUL, and no name longer than an upload may have. Browsers resolve dot
    segments before they ask, so content never needs them.
    """
    parts = path.split("/")
    if len(path) > MAX_NAME_CHARS or "\\" in path or "\x00" in path:
        return None
    if any(part in ("", ".", "..") for part in parts):
        return None
    if any(len(part.encode("utf-8", "surrogatepass")) > MAX_SEGMENT_BYTES for part in parts):
        return None
    return path


@xframe_options_exempt  # packages frame their own pages (from an opaque origin, too)
@require_http_methods(["GET", "HEAD"])
def package_file(request, package_uuid, path):
    """One file of an unpacked package, never with this site's privileges.

    Files come from the package storage only (never media); anything that is not one of
    the package's files is a 404.
    """
    package = selectors.package_for_uuid(package_uuid=package_uuid)
    clean = _member_path(path)
    if package is None or clean is None:
        raise Http404
    storage = package_storage()
    name = f"{package.content_prefix}/{clean}"
    try:
        handle = storage.open(name) if storage.exists(name) else None
    except (OSError, SuspiciousFileOperation):  # a folder, or a name the storage refuses
        handle = None
    if handle is None:
        raise Http404
    content_type, encoding = mimetypes.guess_type(clean)
    response = FileResponse(handle, content_type=content_type or "application/octet-stream")
    if encoding:
        response["Content-Encoding"] = encoding
    response["Cache-Control"] = "private, max-age=3600"
    return _sandbox_headers(request, response)


@csrf_exempt
@never_cache
def cmi5_fetch(request, token):
    """cmi5 8.2: POST once for the auth token; every further use answers error code 1."""
    if request.method == "OPTIONS":
        response = HttpResponse(status=204)
    elif request.method != "POST":
        response = HttpResponseNotAllowed(["POST"])
    else:
        body = services.fetch_token_redeem(token=token)
        response = HttpResponse(json.dumps(body), content_type="application/json")
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = "POST, OPTIONS"
    response["Access-Control-Allow-Headers"] = "Content-Type"
    return response


def allow_launch_targets(request, response: HttpResponse, package: ContentPackage) -> HttpResponse:
    """Let the page's start form lead to where the package runs.

    The platform's policy allows forms to post only to itself, and browsers apply that to
    the redirect after the post as well: without this, a launch to ``QD_CONTENT_ORIGIN``
    or to an AU on another host is blocked.
    """
    origins = selectors.launch_origins(package=package, base_url=request_base_url(request))
    if origins:
        policy = dict(settings.QD_CSP)
        policy["form-action"] = " ".join([policy.get("form-action", "'self'"), *origins])
        response["Content-Security-Policy"] = "; ".join(f"{k} {v}" for k, v in policy.items())
    return response


def _base_url(request) -> str:
    return f"{request.scheme}://{request.get_host()}"


@login_required
@require_http_methods(["GET", "POST"])
def launch_page(request, package_uuid):
    """A package on its own, outside a course: trainers preview it here.

    Learners start packages from the course units that use them (``unit_start``).
    """
    if not request.user.has_perm("packages.view_contentpackage"):
        raise Http404
    package = get_object_or_404(ContentPackage, uuid=package_uuid)
    if request.method == "POST":
        registration = services.standalone_registration(user=request.user, package=package)
        return _start(
            request,
            package=package,
            registration=registration,
            return_url=request.build_absolute_uri(),
        )
    response = render(request, "packages/launch.html", _launch_context(request, package))
    return allow_launch_targets(request, response, package)


def _launch_context(request, package) -> dict:
    state = selectors.package_state(user=request.user, package=package)
    return {
        "package": package,
        "state": state,
        "overview": selectors.package_overview(package=package, state=state),
        "action": request.path,
    }


def _start(request, *, package, registration, return_url):
    try:
        au = int(request.POST.get("au") or 0)
    except ValueError:
        au = 0
    try:
        url = services.launch_url(
            user=request.user,
            package=package,
            au=au,
            registration=registration,
            return_url=return_url,
            base_url=_base_url(request),
        )
    except PackageError as error:
        return render(
            request,
            "packages/launch.html",
            {**_launch_context(request, package), "error": str(error)},
            status=400,
        )
    return redirect(url)


@login_required
@require_http_methods(["POST"])
def unit_start(request, page_id):
    """Start the package of a course unit with the learner's enrolment registration."""
    page = get_object_or_404(
        ContentPackagePage.objects.live().select_related("package"), pk=page_id
    )
    registration = services.registration_for_page(user=request.user, page=page)
    if registration is None:
        parent = page.get_parent()
        target = parent.url if parent is not None else page.url
        return render(
            request,
            "packages/not_enrolled.html",
            {"page": page, "target": target, "message": _("Please enrol in the course first.")},
            status=403,
        )
    return _start(
        request,
        package=page.package,
        registration=registration,
        return_url=request.build_absolute_uri(page.url),
    )


# --- SCORM player and run-time (content origin only) ------------------------------------

SCORM_ASSETS = {
    "scorm-again.min.js": ("vendor/scorm-again/scorm-again.min.js", "text/javascript"),
    "player.js": ("packages/scorm/player.js", "text/javascript"),
    "player.css": ("packages/scorm/player.css", "text/css"),
}
# The player's own page: its scripts and the SCO frames come from the content origin only.
PLAYER_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'self'"
)
RUNTIME_MAX_BYTES = 512 * 1024


def _content_host_only(request) -> None:
    """The player and its API exist only on the content origin (never beside the session)."""
    if not is_content_host(request):
        raise Http404


@xframe_options_exempt
@require_http_methods(["GET", "HEAD"])
def scorm_player(request):
    """The SCORM player: no secret in it (the launch credential comes in the fragment)."""
    _content_host_only(request)
    response = render(request, "packages/scorm_player.html")
    response["Content-Security-Policy"] = PLAYER_CSP
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "HEAD"])
def scorm_asset(request, name):
    """The player's script, style and scorm-again, served from the content origin."""
    _content_host_only(request)
    if name not in SCORM_ASSETS:
        raise Http404
    static_name, content_type = SCORM_ASSETS[name]
    found = finders.find(static_name)
    try:
        handle = open(found, "rb") if found else staticfiles_storage.open(static_name)  # noqa: SIM115
    except (OSError, ValueError):
        raise Http404 from None
    response = FileResponse(handle, content_type=content_type)
    response["Cache-Control"] = "public, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _json_error(message: str, status: int, element: str = "") -> JsonResponse:
    body = {"error": message}
    if element:
        body["element"] = element
    return JsonResponse(body, status=status)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def scorm_runtime(request):
    """GET ``?sco=n``: the data to start a SCO with. POST: what the SCO committed.

    Authenticated by the launch's credential (HTTP Basic) only; cookies are ignored.
    """
    _content_host_only(request)
    try:
        client = xapi_protocol.authenticate(request.headers.get("Authorization"))
    except xapi_protocol.LRSError as error:
        return _json_error(str(error), 401)
    launch = selectors.scorm_launch_for_client(client=client)
    if launch is None:
        return _json_error("These credentials do not belong to a SCORM launch.", 403)
    try:
        if request.method == "GET":
            return JsonResponse(scorm.scorm_open(launch=launch, sco_index=request.GET.get("sco")))
        if len(request.body) > RUNTIME_MAX_BYTES:
            return _json_error("The request is too large.", 413)
        try:
            payload = json.loads(request.body)
        except (ValueError, UnicodeDecodeError):
            return _json_error("The body must be JSON.", 400)
        if not isinstance(payload, dict):
            return _json_error("The body must be a JSON object.", 400)
        result = scorm.scorm_save(
            launch=launch,
            sco_index=payload.get("sco"),
            event=payload.get("event"),
            cmi=payload.get("cmi"),
        )
    except scorm.RuntimeRefusal as refusal:
        return _json_error(str(refusal), refusal.status, refusal.element)
    except xapi_services.StatementRefused as refused:
        return _json_error(str(refused), 403)
    except xapi_services.StatementError as invalid:
        return _json_error(str(invalid), 400)
    return JsonResponse(result)
