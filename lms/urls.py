from allauth.account import views as allauth_views
from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from lms.accounts import views as accounts_views
from lms.assignments import urls as assignment_urls
from lms.home import views as home_views

# A lost database connection answers 503 with Retry-After, never a 500 (lms/middleware.py).
handler500 = "lms.middleware.server_error"

urlpatterns = [
    path("healthz", home_views.health, name="health"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("allauth.urls")),
    path("me/", include("lms.accounts.urls")),
    # Signing in, out and resetting a password happen in allauth alone (throttling, the
    # second factor): Wagtail's own pages for them lead there (before the admin's URLs).
    path("cms/login/", accounts_views.signin_redirect, {"to": "account_login"}),
    path("cms/logout/", allauth_views.logout),
    re_path(
        r"^cms/password_reset/",
        accounts_views.signin_redirect,
        {"to": "account_reset_password"},
    ),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("xapi/", include("lms.xapi.urls")),
    path("scim/v2/", include("lms.accounts.scim.urls")),
    path("content/", include("lms.packages.urls")),
    path("learn/", include("courses.urls")),
    path("assessments/", include("assessments.urls")),
    path("competencies/", include("competencies.urls")),
    path("feedback/", include("lms.home.urls")),
    path("training/", include("lms.assignments.urls")),
    path("team/", include(assignment_urls.team_urlpatterns)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # Wagtail's front-end login for private pages (a plain Django login) leads to allauth.
    path("_util/login/", accounts_views.signin_redirect, {"to": "account_login"}),
    path("", include(wagtail_urls)),
]
