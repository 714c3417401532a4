from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from lms.home import views as home_views

# A lost database connection answers 503 with Retry-After, never a 500 (lms/middleware.py).
handler500 = "lms.middleware.server_error"

urlpatterns = [
    path("healthz", home_views.health, name="health"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("allauth.urls")),
    path("me/", include("lms.accounts.urls")),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("xapi/", include("lms.xapi.urls")),
    path("content/", include("lms.packages.urls")),
    path("learn/", include("courses.urls")),
    path("assessments/", include("assessments.urls")),
    path("competencies/", include("competencies.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns.append(path("", include(wagtail_urls)))
