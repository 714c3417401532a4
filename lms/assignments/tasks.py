"""Background work of mandatory training."""

from celery import shared_task


@shared_task(acks_late=True)
def training_reminders():
    """The daily reminder and escalation run (safe to repeat: see the ledger)."""
    from lms.assignments.services import training_reminders_send

    return training_reminders_send()
