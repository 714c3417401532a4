"""Settings shared by every environment.

Nothing here reads the environment: environment-specific values live in
``dev``, ``test`` and ``production``.
"""

from importlib.util import find_spec
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from .sso import OIDC_PROVIDER_BASE

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    # Platform apps, ground floor first.
    "lms.accounts",
    "lms.xapi",
    "lms.packages",
    "competencies",
    "assessments",
    "courses",
    "lms.assignments",
    "lms.home",
    "lms.demo",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "lms.accounts.users_app.PeopleUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Authentication
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
# SAML 2.0 sign-in where python3-saml is installed (the "saml" extra: it builds against
# libxmlsec1, which not every machine has).
if find_spec("onelogin") is not None:
    INSTALLED_APPS.insert(
        INSTALLED_APPS.index("django.contrib.auth"), "allauth.socialaccount.providers.saml"
    )

MIDDLEWARE = [
    "lms.middleware.RequestIdMiddleware",
    "lms.middleware.DatabaseUnavailableMiddleware",
    "lms.middleware.LRSRateLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "lms.middleware.SecurityHeadersMiddleware",
    "lms.packages.middleware.ContentHostMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "lms.accounts.middleware.RequireMFAForStaffMiddleware",
    "lms.accounts.middleware.IdentityProviderErrorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "lms.accounts.context_processors.personas",
            ],
        },
    },
]

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# django-allauth: e-mail login, verified addresses, provisioned accounts.
ACCOUNT_ADAPTER = "lms.accounts.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True
ACCOUNT_SESSION_REMEMBER = None
# Tell people by e-mail when their password, addresses or second factor change, so an
# intruder who sets up TOTP with a stolen password is noticed by the account's owner.
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/ip,5/5m/key",
    "login": "30/m/ip",
    "reset_password": "5/m/ip,3/m/key",
    "signup": "20/m/ip",
}
MFA_ADAPTER = "lms.accounts.adapters.MFAAdapter"  # TOTP secrets encrypted at rest
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Qualifica Digitalis"
# The code field as the platform words it, and a clear message for a code used twice.
ACCOUNT_FORMS = {"reset_password": "lms.accounts.forms.PasswordResetForm"}
MFA_FORMS = {
    "authenticate": "lms.accounts.forms.MFAAuthenticateForm",
    "reauthenticate": "lms.accounts.forms.MFAReauthenticateForm",
}

# Single sign-on (lms/accounts/sso.py, docs/IDENTITY.md). Identity providers: OpenID Connect
# apps from the environment (dev, production: lms/settings/sso.py) or the admin's social
# applications. People are linked and provisioned by lms.accounts.sso, never signed up by
# allauth's forms, and never matched by e-mail inside allauth.
SOCIALACCOUNT_ADAPTER = "lms.accounts.adapters.SocialAccountAdapter"
SOCIALACCOUNT_PROVIDERS = {"openid_connect": {**OIDC_PROVIDER_BASE, "APPS": []}}
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = False
# The identity provider vouches for the person; lms.accounts.sso decides the link.
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_STORE_TOKENS = False
# Password sign-in: "on", "off" (single sign-on only) or "break-glass" (off except for
# superusers and QD_BREAK_GLASS_EMAILS).
QD_PASSWORD_LOGIN = "on"  # noqa: S105 - a mode
QD_BREAK_GLASS_EMAILS: list[str] = []
# Link a sign-in to an existing person by a verified e-mail address (per app: link_by_email).
QD_SSO_LINK_BY_EMAIL = False
# Create a person for a sign-in that matches nobody (a joiner the provider knows first).
QD_SSO_CREATE_PEOPLE = True
# amr values / acr values of an ID token that count as the staff's second factor.
QD_SSO_TRUSTED_AMR: list[str] = []
QD_SSO_TRUSTED_ACR: list[str] = []

# Platform switches (deployment decisions, see docs/ARCHITECTURE.md).
QD_SELF_SIGNUP = False
# lms.crypto: Fernet keys for secrets stored in the database (forwarding passwords, TOTP
# secrets); the first encrypts, all decrypt. Production: QD_ENCRYPTION_KEYS (environment).
QD_ENCRYPTION_KEYS: list[str] = []
# Publishing needs a second person: a finished "Kursfreigabe" workflow publishes, not the
# approver's own page permissions (see courses.workflows).
WAGTAIL_FINISH_WORKFLOW_ACTION = "courses.workflows.publish_approved"
# How long a deactivated person's history is kept before it is erased (days).
QD_LEAVER_RETENTION_DAYS = 180
# LDAP / Active Directory (lms/accounts/ldap_sync.py). Empty server URI: no LDAP at all.
# Production reads these from the environment (production.py) and then also lets people
# sign in with their directory password (django-auth-ldap's LDAPBackend).
AUTH_LDAP_SERVER_URI = ""
AUTH_LDAP_BIND_DN = ""
AUTH_LDAP_BIND_PASSWORD = ""
AUTH_LDAP_USER_ATTR_MAP = {"first_name": "givenName", "last_name": "sn", "email": "mail"}
AUTH_LDAP_NO_NEW_USERS = True  # only people the sync (or SCIM) provisioned may sign in
QD_LDAP_PEOPLE_BASE = ""
QD_LDAP_PEOPLE_FILTER = "(objectClass=inetOrgPerson)"
QD_LDAP_GROUP_BASE = ""
QD_LDAP_GROUP_FILTER = "(objectClass=groupOfNames)"
QD_LDAP_ATTRIBUTES = {
    "uid": "uid",
    "email": "mail",
    "given_name": "givenName",
    "family_name": "sn",
    "employee_number": "employeeNumber",
    "org_unit": "departmentNumber",
    "manager": "manager",
    "group_member": "member",
}
# SCIM list responses return at most this many resources per page.
QD_SCIM_MAX_RESULTS = 200

# The daily training-reminder job claims ledger rows and hands mails over in batches of
# this many (one INSERT and one mail connection per batch).
QD_REMINDER_BATCH_SIZE = 500

QD_MFA_REQUIRED_GROUPS = ("Trainer", "Reviewer", "HR", "Administrator")

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
# The project's catalogue first (makemessages writes there), then formal German ("Sie") for
# allauth's pages, which its own catalogue words with "du"; both outrank the apps' catalogues.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "lms" / "accounts" / "allauth_locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # The SCORM run-time (npm package scorm-again; `npm ci` installs it): served to the
    # player from the content origin by lms.packages.views.scorm_asset, never from a CDN.
    ("vendor/scorm-again", BASE_DIR / "node_modules" / "scorm-again" / "dist"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
# Content packages (zips and their unpacked files) have a storage of their own, outside
# MEDIA_ROOT and MEDIA_URL: only /content/files/ serves them, in a sandbox (lms.packages).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "packages": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": BASE_DIR / "package_files"},
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Qualifica Digitalis"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
# Wagtail's login URLs lead to allauth through lms.accounts.views.signin_redirect, which
# answers 403 to people already signed in (allauth would send them back: a loop).
WAGTAILADMIN_LOGIN_URL = "wagtailadmin_login"
# Sign-in belongs to allauth alone (lms/urls.py sends Wagtail's login, logout and reset
# pages there): Wagtail's account page changes neither password nor e-mail address
# (allauth's pages do, with verification, rate limits and the second factor).
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
# No Gravatar avatars: they send a hash of each person's e-mail address to a third party
# (and would need img-src for it in the admin's CSP).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the dashboard ask wagtail.org for new releases (superusers' browsers would).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("de", "Deutsch")]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Documents trainers may upload: office files, and videos with WebVTT captions for lessons.
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "pdf",
    "pptx",
    "txt",
    "xlsx",
    "zip",
    "mp4",
    "webm",
    "vtt",
]
WAGTAILEMBEDS_RESPONSIVE_HTML = True

CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "lms.logging.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s %(message)s"},
        "json": {"()": "lms.logging.JSONFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail runs small background jobs (reference index) through django-tasks.
        "django_tasks": {"level": "WARNING"},
    },
}

# Content-Security-Policy for the platform's own pages: no inline scripts or styles.
QD_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "media-src": "'self'",
    "connect-src": "'self'",
    "frame-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'self'",
}
# The Wagtail admin (/cms/): the same policy, relaxed only where the admin's own code needs
# it, found by driving the admin in Chromium (tests/e2e/test_admin_csp.py proves it):
# - style-src-elem 'unsafe-inline': the rich-text editor (Draftail) writes <style> elements
#   for its placeholders, keyed by each block's random id, so no hash can allow them. Style
#   attributes stay blocked (style-src-attr falls back to style-src), and img-src, font-src
#   and connect-src stay 'self', so injected CSS cannot send anything elsewhere.
# - script-src stays 'self': the widgets Wagtail starts with inline scripts are started from
#   inert markers instead (lms/home/admin_csp.py). Known and left blocked: the image focal
#   point tool (Jcrop) probes touch support by setting an inline handler; blocked, the probe
#   gives the right answer on a desktop browser.
QD_CSP_ADMIN = {**QD_CSP, "style-src-elem": "'self' 'unsafe-inline'"}
# Routes whose responses carry no page CSP: the LRS (JSON), documents, and package files
# (served with a CSP sandbox of their own).
QD_CSP_EXEMPT_PREFIXES = ["/xapi/", "/documents/", "/content/files/", "/content/scorm/"]

# Privacy (docs/SECURITY.md): aggregates over fewer people are suppressed, and individual
# profiles are visible to managers/HR only if the deployment enables it and the person consents.
QD_MIN_GROUP_SIZE = 5
# The team view (/team/): managers see, per person in their units, only the state of each
# mandatory training with its dates. Off where no service agreement allows it.
QD_TEAM_VIEW_ENABLED = True
# Where reports of barriers go (the accessibility statement's feedback form), and how many
# a client address may send (count, seconds).
QD_ACCESSIBILITY_FEEDBACK_EMAIL = "barrierefreiheit@qualifica-digitalis.example"
QD_ACCESSIBILITY_FEEDBACK_RATE = (5, 60 * 60)
QD_INDIVIDUAL_VIEWS_ENABLED = False
# Base IRI for activities, verbs and extensions the platform defines.
QD_XAPI_BASE_IRI = "https://qualifica-digitalis.example/xapi"

# lms.xapi (Learning Record Store): how platform users appear in statements (an account on
# this home page named by the person's pseudonym), and the LRS limits.
QD_XAPI_ACCOUNT_HOMEPAGE = "https://qualifica-digitalis.example"
QD_XAPI_STATEMENT_LIMIT = 100  # default page size of GET /xapi/statements
QD_XAPI_MAX_LIMIT = 1000
QD_XAPI_FORWARD_TIMEOUT = 10  # seconds per HTTP call to a forwarding endpoint
# Forwarding targets must be https on public addresses. Plain http and private, loopback or
# link-local addresses are allowed only for the host names listed here (exact names, e.g.
# an LRS inside the agency's network). Empty: none.
QD_FORWARDING_ALLOWED_HTTP_HOSTS: list[str] = []

# courses: lesson pages ask people to log in through allauth (by the redirect above); video
# and captions files are served inline so that browsers play them.
WAGTAIL_FRONTEND_LOGIN_URL = "wagtailcore_login"
WAGTAILDOCS_INLINE_CONTENT_TYPES = [
    "application/pdf",
    "text/plain",
    "video/mp4",
    "video/webm",
    "text/vtt",
]
# courses: trainers' scheduled publishing happens within a minute of the chosen time.

# competencies: evidence validity (None: evidence never expires), monthly scheduled HR
# reports and the daily refresh of expired competency levels.
QD_EVIDENCE_VALIDITY_MONTHS = None

# Reliability: LRS requests per client (HTTP Basic key, or address) per window of seconds;
# None switches the limit off. Generous enough for bulk loads and the benchmark.
QD_XAPI_RATE_LIMIT = (3000, 60)
# Requests the LRS answers with 401, per client address: a wrong or made-up key is no
# identity, so guessing keys is limited by where the guesses come from.
QD_XAPI_AUTH_FAILURE_LIMIT = (30, 300)

# lms.packages (external Tin Can / cmi5 content): unpacking limits, launch credential
# lifetime, and an optional second host name that serves package files (no session cookies
# reach it). Package files are served with a CSP sandbox of their own.
QD_PACKAGE_MAX_BYTES = 500 * 1024 * 1024  # uncompressed, whole package
QD_PACKAGE_MAX_FILE_BYTES = 200 * 1024 * 1024
QD_PACKAGE_MAX_FILES = 5000
QD_PACKAGE_MAX_RATIO = 100  # uncompressed / compressed size per file
QD_PACKAGE_CREDENTIAL_TTL = 4 * 60 * 60  # seconds; cmi5 (fetched by the AU, one-time)
# Tin Can hands its credential over in the launch URL's query string (browser history,
# proxy and access logs): it lives shorter. Content used for longer loses its statements.
QD_TINCAN_CREDENTIAL_TTL = 60 * 60  # seconds
# cmi5: statements timestamped before "terminated" that arrive up to this long after it
# are still accepted (requests in flight when the AU closed).
QD_CMI5_TERMINATED_GRACE_SECONDS = 10
QD_CONTENT_ORIGIN = ""  # e.g. "https://content.example.org"; empty: this site, sandboxed
# Another name of this server that serves content on the platform's own port (the embedded
# demo: "localhost" beside 127.0.0.1); ignored when QD_CONTENT_ORIGIN is set. lms/content_origin.py
QD_CONTENT_HOST_ALIAS = ""

# Periodic tasks (celery beat), one place for all apps.
CELERY_BEAT_SCHEDULE = {
    "accounts-ldap-sync": {
        "task": "lms.accounts.tasks.ldap_sync",
        "schedule": 60 * 60.0,  # hourly; does nothing without AUTH_LDAP_SERVER_URI
    },
    "accounts-erase-expired-leavers": {
        "task": "lms.accounts.tasks.erase_expired_leavers",
        "schedule": 24 * 60 * 60.0,
    },
    "xapi-forward-outbox": {
        "task": "lms.xapi.tasks.forward_outbox",
        "schedule": 60.0,
    },
    "courses-publish-scheduled": {
        "task": "courses.tasks.publish_scheduled_pages",
        "schedule": 60.0,
    },
    "competencies-monthly-reports": {
        "task": "competencies.tasks.scheduled_reports_task",
        "schedule": 6 * 60 * 60.0,  # every 6 h; each schedule runs once per calendar month
    },
    "competencies-expired-levels": {
        "task": "competencies.tasks.refresh_expired_profiles_task",
        "schedule": 24 * 60 * 60.0,
    },
    "courses-review-reminders": {
        "task": "courses.tasks.course_review_reminders",
        "schedule": 24 * 60 * 60.0,
    },
    "assignments-training-reminders": {
        "task": "lms.assignments.tasks.training_reminders",
        "schedule": 24 * 60 * 60.0,
    },
    "packages-expired-credentials": {
        "task": "lms.packages.tasks.delete_expired_launch_credentials",
        "schedule": 60 * 60.0,
    },
}
