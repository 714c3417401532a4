"""Production settings, as deployed, for the fault tests' gunicorn and Celery processes.

The only differences: static files come from the finders (no collectstatic run), and there
is no TLS-terminating proxy in front (no HTTPS redirect, no HSTS).
"""

import os

from lms.settings.production import *  # noqa: F403

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0

# A message whose worker died unacknowledged is redelivered after the visibility timeout
# (an hour in production); ten seconds here so that the redelivery is observable in a test.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 10}

# The forwarding sweep runs every 60 s in production; every 2 s here.
CELERY_BEAT_SCHEDULE = {
    **CELERY_BEAT_SCHEDULE,  # noqa: F405
    "xapi-forward-outbox": {"task": "lms.xapi.tasks.forward_outbox", "schedule": 2.0},
}

# The forwarding fault test sends to a second platform instance on this machine over http.
QD_FORWARDING_ALLOWED_HTTP_HOSTS = ["127.0.0.1"]

# Tests that count mails across worker processes have them written to files here.
EMAIL_FILE_PATH = os.environ.get("TEST_MAIL_DIR", "qd-fault-mails")

# The reminder fault test stops a run between two small batches of reminders.
QD_REMINDER_BATCH_SIZE = int(os.environ.get("QD_REMINDER_BATCH_SIZE", QD_REMINDER_BATCH_SIZE))  # noqa: F405
