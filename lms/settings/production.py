"""Production: every deployment-specific value comes from the environment."""

import json
import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from lms.crypto import validate_keys

from .base import *  # noqa: F403
from .sso import sso_settings_from_env


def _env(name, default=None, *, required=False):
    value = os.environ.get(name, default)
    if required and not value:
        raise ImproperlyConfigured(f"Environment variable {name} must be set.")
    return value


def _env_list(name, default=""):
    return [item.strip() for item in _env(name, default).split(",") if item.strip()]


def _env_json_object(name):
    """A JSON object from the environment, or None when the variable is empty."""
    raw = _env(name, "")
    if not raw:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        value = None
    if not isinstance(value, dict):
        raise ImproperlyConfigured(f"Environment variable {name} must be a JSON object.")
    return value


DEBUG = False
SECRET_KEY = _env("SECRET_KEY", required=True)
# Secrets stored in the database are encrypted with these (comma-separated Fernet keys,
# newest first; README "Encryption keys"). Without them the platform does not start.
QD_ENCRYPTION_KEYS = _env_list("QD_ENCRYPTION_KEYS")
validate_keys(QD_ENCRYPTION_KEYS)
ALLOWED_HOSTS = _env_list("ALLOWED_HOSTS", "localhost")
CSRF_TRUSTED_ORIGINS = _env_list("CSRF_TRUSTED_ORIGINS")
QD_LEAVER_RETENTION_DAYS = int(_env("QD_LEAVER_RETENTION_DAYS", "180"))
AUTH_LDAP_SERVER_URI = _env("AUTH_LDAP_SERVER_URI", "")
if AUTH_LDAP_SERVER_URI:
    from django_auth_ldap.config import LDAPSearch

    AUTH_LDAP_BIND_DN = _env("AUTH_LDAP_BIND_DN", "")
    AUTH_LDAP_BIND_PASSWORD = _env("AUTH_LDAP_BIND_PASSWORD", "")
    QD_LDAP_PEOPLE_BASE = _env("QD_LDAP_PEOPLE_BASE", required=True)
    QD_LDAP_GROUP_BASE = _env("QD_LDAP_GROUP_BASE", required=True)
    QD_LDAP_PEOPLE_FILTER = _env("QD_LDAP_PEOPLE_FILTER", "(objectClass=inetOrgPerson)")
    QD_LDAP_GROUP_FILTER = _env("QD_LDAP_GROUP_FILTER", "(objectClass=groupOfNames)")
    AUTH_LDAP_USER_SEARCH = LDAPSearch(
        QD_LDAP_PEOPLE_BASE, 2, _env("AUTH_LDAP_LOGIN_FILTER", "(mail=%(user)s)")
    )  # 2: ldap.SCOPE_SUBTREE
    AUTHENTICATION_BACKENDS = [*AUTHENTICATION_BACKENDS, "django_auth_ldap.backend.LDAPBackend"]  # noqa: F405

DATABASES = {
    "default": dj_database_url.parse(
        _env("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/qualifica"),
        conn_max_age=int(_env("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

CELERY_BROKER_URL = _env("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
CELERY_RESULT_BACKEND = _env("CELERY_RESULT_BACKEND", CELERY_BROKER_URL)
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": _env("CACHE_URL", "redis://127.0.0.1:6379/1"),
    }
}

EMAIL_BACKEND = _env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = _env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(_env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = _env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _env("EMAIL_USE_TLS", "false").lower() == "true"
DEFAULT_FROM_EMAIL = _env("DEFAULT_FROM_EMAIL", "Qualifica Digitalis <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
QD_ACCESSIBILITY_FEEDBACK_EMAIL = _env(
    "QD_ACCESSIBILITY_FEEDBACK_EMAIL",
    QD_ACCESSIBILITY_FEEDBACK_EMAIL,  # noqa: F405
)

MEDIA_ROOT = _env("MEDIA_ROOT", str(BASE_DIR / "media"))  # noqa: F405
STORAGES = {
    "default": {"BACKEND": _env("MEDIA_STORAGE", "django.core.files.storage.FileSystemStorage")},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    # Content packages: a folder or a private bucket of their own, never media (README).
    "packages": {
        "BACKEND": _env("PACKAGE_STORAGE", "django.core.files.storage.FileSystemStorage"),
        "OPTIONS": _env_json_object("PACKAGE_STORAGE_OPTIONS")
        or {"location": _env("PACKAGE_ROOT", str(BASE_DIR / "package_files"))},  # noqa: F405
    },
}
WAGTAILADMIN_BASE_URL = _env("BASE_URL", "https://localhost")
# Forwarding may reach these hosts over plain http or on internal addresses (exact names).
QD_FORWARDING_ALLOWED_HTTP_HOSTS = _env_list("QD_FORWARDING_ALLOWED_HTTP_HOSTS")
# HR's drill-down to individual profiles (of people who consented): off unless switched on.
QD_INDIVIDUAL_VIEWS_ENABLED = _env("QD_INDIVIDUAL_VIEWS_ENABLED", "false").lower() == "true"

SECURE_SSL_REDIRECT = _env("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(_env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
LOGGING["handlers"]["console"]["formatter"] = _env("LOG_FORMAT", "json")  # noqa: F405
# Single sign-on and password sign-in (QD_OIDC_*, QD_PASSWORD_LOGIN, ...: docs/IDENTITY.md).
globals().update(sso_settings_from_env(os.environ))
