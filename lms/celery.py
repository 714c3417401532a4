"""The Celery application. Workers start with ``celery -A lms worker``; like wsgi and asgi
they run the production settings unless DJANGO_SETTINGS_MODULE says otherwise."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.production")

app = Celery("lms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
