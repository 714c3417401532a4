"""Celery tasks of the LRS: forwarding the outbox to external LRSs."""

from celery import shared_task

from lms.xapi import forwarding


@shared_task(ignore_result=True)
def forward_outbox(endpoint_id: int | None = None) -> int:
    """Send due outbox entries (of one endpoint, or all); returns how many were delivered."""
    return forwarding.outbox_send(endpoint_id=endpoint_id)
