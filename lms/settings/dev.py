"""Embedded default for ``make run``: SQLite, eager Celery, console e-mail, local media."""

import os

from .base import *  # noqa: F403
from .base import BASE_DIR
from .sso import sso_settings_from_env

DEBUG = True
SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
# Not secret (it is in the repository): protects only the embedded demo's data.
QD_ENCRYPTION_KEYS = ["YZpmloS5H5xjvdBize4sXfCr8mD1cHV9NNWc1Qug-Ew="]
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
CSRF_TRUSTED_ORIGINS = ["http://127.0.0.1:8000", "http://localhost:8000"]
# Content packages run on the same server under its second name, on whatever port it
# serves: an origin of their own (frames and localStorage work), without the platform's
# cookies. lms.packages' ContentHostMiddleware sends every other path on localhost to the
# platform. QD_CONTENT_ORIGIN in the environment names another content host instead.
QD_CONTENT_ORIGIN = os.environ.get("QD_CONTENT_ORIGIN", "")
QD_CONTENT_HOST_ALIAS = "localhost"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "db.sqlite3",
        "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE"},
    }
}

CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BROKER_URL = "memory://"
CELERY_RESULT_BACKEND = "cache+memory://"

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = "Qualifica Digitalis <noreply@localhost>"
WHITENOISE_USE_FINDERS = True
# Off in the demo as in production; `QD_INDIVIDUAL_VIEWS_ENABLED=true make run` tries it out.
QD_INDIVIDUAL_VIEWS_ENABLED = os.environ.get("QD_INDIVIDUAL_VIEWS_ENABLED", "").lower() == "true"
# Single sign-on and password sign-in (QD_OIDC_*, QD_PASSWORD_LOGIN, ...: docs/IDENTITY.md).
globals().update(sso_settings_from_env(os.environ))
