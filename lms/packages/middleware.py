"""The content host (``QD_CONTENT_ORIGIN``, or ``QD_CONTENT_HOST_ALIAS`` in the demo) serves
package files and the SCORM player with its run-time endpoint, and nothing else.

Package files on that host keep an origin of their own (``allow-same-origin``), which
content with frames or ``localStorage`` needs. Nobody may log in there: package scripts
would act with that session. Every other path is redirected to the platform's address
(``WAGTAILADMIN_BASE_URL``; under the demo's alias, on the port the request came to).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponseNotFound, HttpResponseRedirect

from lms.content_origin import is_content_host

CONTENT_PATHS = ("/content/files/", "/content/scorm/")


def _platform_address(request) -> str:
    site = urlsplit((getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/"))
    if not site.netloc:
        return ""
    if settings.QD_CONTENT_ORIGIN:
        return f"{site.scheme}://{site.netloc}"
    port = urlsplit(f"//{request.get_host()}").port
    return f"{request.scheme}://{site.hostname}" + (f":{port}" if port else "")


class ContentHostMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(CONTENT_PATHS) and is_content_host(request):
            site = _platform_address(request)
            if urlsplit(site).netloc.lower() == request.get_host().lower():
                # Misconfigured (one host for both): serve as usual rather than lock out.
                return self.get_response(request)
            if site:
                return HttpResponseRedirect(site + request.get_full_path())
            return HttpResponseNotFound()
        return self.get_response(request)
