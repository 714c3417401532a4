"""Settings for the test suite: PostgreSQL (as in production), fast hashing, local cache."""

import os

import dj_database_url

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
QD_ENCRYPTION_KEYS = ["eNrwpPTkxUouLe9yskBEBRxs-8CTmZQ308TpD_Wte88="]  # not secret: tests only
ALLOWED_HOSTS = ["*"]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/qualifica"),
        conn_max_age=0,
    )
}

# Forwarding tests send to the live test server (http://localhost:<port>), also from a
# Celery worker process; tests of the refusals set their own allow-list.
QD_FORWARDING_ALLOWED_HTTP_HOSTS = ["localhost"]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Tasks run inline unless a test starts a real worker (see tests/conftest.py).
CELERY_TASK_ALWAYS_EAGER = os.environ.get("QD_CELERY_EAGER", "1") == "1"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/15")
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", "redis://127.0.0.1:6379/15")

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEFAULT_FROM_EMAIL = "Qualifica Digitalis <noreply@localhost>"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "packages": STORAGES["packages"],  # noqa: F405
}
# Login throttling is tested explicitly; elsewhere it would make tests order-dependent.
ACCOUNT_RATE_LIMITS = False
LOGGING = {"version": 1, "disable_existing_loggers": False}
WHITENOISE_USE_FINDERS = True
