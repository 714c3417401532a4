"""Background work of the courses app."""

from celery import shared_task
from django.core.management import call_command


@shared_task
def publish_scheduled_pages():
    """Publish (and unpublish) pages whose scheduled time has come (Wagtail's command)."""
    call_command("publish_scheduled")


@shared_task
def course_review_reminders():
    """Remind content owners of due reviews (daily; each due review is mailed once)."""
    from courses.services import course_review_reminders_send

    return course_review_reminders_send()
