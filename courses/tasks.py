"""Background work of the courses app."""

from celery import shared_task
from django.core.management import call_command


@shared_task
def publish_scheduled_pages():
    """Publish (and unpublish) pages whose scheduled time has come (Wagtail's command)."""
    call_command("publish_scheduled")
