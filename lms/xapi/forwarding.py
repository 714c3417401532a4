"""Forwarding stored statements to external LRSs from the durable outbox."""


def outbox_send(*, endpoint_id: int | None = None) -> int:
    return 0
