from celery import shared_task

from lms.accounts import services


@shared_task
def erase_expired_leavers() -> int:
    """Daily: erase people deactivated longer than the retention period."""
    return services.leavers_erase_expired()


@shared_task
def ldap_sync() -> dict | None:
    """Hourly: people and group membership from LDAP / Active Directory, if configured."""
    from django.conf import settings

    from lms.accounts.ldap_sync import directory_sync

    if not settings.AUTH_LDAP_SERVER_URI:
        return None
    result = directory_sync()
    return {"applied": result.applied, "deactivated": result.deactivated, "errors": result.errors}
