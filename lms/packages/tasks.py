"""Celery tasks of the content packages: removing expired launch credentials."""

from celery import shared_task

from lms.packages import services


@shared_task(ignore_result=True)
def delete_expired_launch_credentials() -> int:
    """Every launch issues a scoped LRS client; once expired it is only clutter (beat, hourly)."""
    return services.launch_credentials_delete_expired()
