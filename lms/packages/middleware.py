"""The content host (``QD_CONTENT_ORIGIN``) serves package files and nothing else.

Package files on that host keep an origin of their own (``allow-same-origin``), which
content with frames or ``localStorage`` needs. Nobody may log in there: package scripts
would act with that session. Every other path is redirected to the platform's address
(``WAGTAILADMIN_BASE_URL``).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponseNotFound, HttpResponseRedirect

CONTENT_PATHS = ("/content/files/",)


class ContentHostMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        content_host = urlsplit(settings.QD_CONTENT_ORIGIN or "").netloc
        if (
            content_host
            and not request.path.startswith(CONTENT_PATHS)
            and request.get_host() == content_host
        ):
            site = (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/")
            site_host = urlsplit(site).netloc
            if site_host == content_host:
                # Misconfigured (one host for both): serve as usual rather than lock out.
                return self.get_response(request)
            if site_host:
                return HttpResponseRedirect(site + request.get_full_path())
            return HttpResponseNotFound()
        return self.get_response(request)
