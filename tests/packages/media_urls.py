"""The platform's URLs with ``/media/`` served as ``make run`` (DEBUG) serves it."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from lms.urls import urlpatterns as platform_urlpatterns


def media(request, path):
    # MEDIA_ROOT is read per request: tests point it at a folder of their own.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [re_path(r"^media/(?P<path>.*)$", media), *platform_urlpatterns]
