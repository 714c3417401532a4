from celery import shared_task

from lms.accounts import services


@shared_task
def erase_expired_leavers() -> int:
    """Daily: erase people deactivated longer than the retention period."""
    return services.leavers_erase_expired()
