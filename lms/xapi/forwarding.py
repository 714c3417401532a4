"""Forwarding stored statements to external LRSs from the durable outbox.

The outbox rows are written in the same transaction as the statements, so nothing is lost
when the broker or the remote LRS is down. ``outbox_send`` takes the rows of an endpoint
strictly in outbox order (the endpoint row is locked, so two workers never send for one
endpoint), sends them in one POST with a timeout, deletes them on success and otherwise
schedules a retry with exponential backoff.
Actors are pseudonymised on the way out: platform users already are accounts with an
opaque id; any other e-mail, SHA-1 or OpenID identifier becomes a salted hash account.
"""

import base64
import datetime as dt
import json
import logging
import urllib.error
import urllib.request

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Min
from django.utils import timezone

from lms import crypto
from lms.xapi import identity
from lms.xapi.models import ForwardingEndpoint, OutboxEntry

logger = logging.getLogger(__name__)

MAX_BACKOFF = dt.timedelta(hours=1)


class ForwardingError(Exception):
    pass


def _salt() -> str:
    return f"xapi-forwarding:{settings.SECRET_KEY}"


def pseudonymise_statement(data: dict, *, salt: str) -> dict:
    """A copy of the statement with every agent pseudonymised (names and e-mails removed)."""
    out = {k: v for k, v in data.items() if k not in ("stored", "authority")}
    out["actor"] = identity.pseudonymise_agent(data["actor"], salt=salt)
    obj = data.get("object") or {}
    if obj.get("objectType") in ("Agent", "Group"):
        out["object"] = identity.pseudonymise_agent(obj, salt=salt)
    elif obj.get("objectType") == "SubStatement":
        out["object"] = pseudonymise_statement(obj, salt=salt)
    context = data.get("context")
    if context:
        context = dict(context)
        for key in ("instructor", "team"):
            if key in context:
                context[key] = identity.pseudonymise_agent(context[key], salt=salt)
        out["context"] = context
    return out


def backoff(attempts: int, base_seconds: int) -> dt.timedelta:
    """Delay before the next attempt: base · 2^(attempts−1), at most one hour."""
    seconds = base_seconds * (2 ** max(0, attempts - 1))
    return min(dt.timedelta(seconds=seconds), MAX_BACKOFF)


def _post(endpoint: ForwardingEndpoint, statements: list[dict]) -> list[str]:
    url = endpoint.url.rstrip("/") + "/statements"
    body = json.dumps(statements).encode()
    request = urllib.request.Request(url, data=body, method="POST")  # noqa: S310 (admin-set URL)
    request.add_header("Content-Type", "application/json")
    request.add_header("X-Experience-API-Version", endpoint.version)
    try:
        password = endpoint.password
    except crypto.DecryptionError as error:
        raise ForwardingError(str(error)) from None
    if endpoint.username or password:
        token = base64.b64encode(f"{endpoint.username}:{password}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    timeout = settings.QD_XAPI_FORWARD_TIMEOUT
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            answer = response.read()
    except urllib.error.HTTPError as error:
        detail = error.read()[:300].decode("utf-8", "replace")
        raise ForwardingError(f"HTTP {error.code}: {detail}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise ForwardingError(f"{type(error).__name__}: {error}") from None
    try:
        ids = json.loads(answer)
    except ValueError:
        raise ForwardingError("The remote LRS did not answer with a list of ids.") from None
    return ids if isinstance(ids, list) else []


def _due_entries(endpoint: ForwardingEndpoint, now) -> list[OutboxEntry]:
    """The endpoint's oldest entries in outbox order, if the oldest one is due (else none).

    Entries leave strictly in order: a batch that failed holds back the later ones until
    its retry, so statements never overtake each other (in order per actor, and overall).
    The caller holds the endpoint's row lock, so only one worker sends for an endpoint.
    """
    entries = list(
        OutboxEntry.objects.filter(endpoint=endpoint)
        .select_related("statement")
        .order_by("id")[: endpoint.batch_size]
    )
    if not entries or entries[0].next_attempt_at > now:
        return []
    return entries


def _lock_endpoint(endpoint: ForwardingEndpoint) -> bool:
    """Lock the endpoint's row for this transaction; False if another worker holds it."""
    query = ForwardingEndpoint.objects.filter(pk=endpoint.pk)
    if connection.features.has_select_for_update_skip_locked:
        query = query.select_for_update(skip_locked=True)
    else:
        query = query.select_for_update()
    return query.exists()


def _send_batch(endpoint: ForwardingEndpoint) -> int | None:
    """Send one batch; the number delivered, 0 on failure, ``None`` when nothing is due."""
    now = timezone.now()
    with transaction.atomic():
        if not _lock_endpoint(endpoint):
            return None  # another worker is sending this endpoint's outbox
        entries = _due_entries(endpoint, now)
        if not entries:
            return None
        salt = _salt()
        payload = []
        for entry in entries:
            statement = pseudonymise_statement(entry.statement.data, salt=salt)
            if endpoint.version.startswith("2."):
                statement.pop("version", None)
            payload.append(statement)
        try:
            returned = _post(endpoint, payload)
            sent = [statement["id"] for statement in payload]
            if [str(i).lower() for i in returned] != sent:
                raise ForwardingError("The remote LRS did not confirm every statement id.")
        except ForwardingError as error:
            message = str(error)[:1000]
            for entry in entries:
                entry.attempts += 1
                entry.last_error = message
                entry.next_attempt_at = now + backoff(entry.attempts, endpoint.retry_base_seconds)
            OutboxEntry.objects.bulk_update(entries, ["attempts", "last_error", "next_attempt_at"])
            endpoint.last_failure_at = now
            endpoint.last_error = message
            endpoint.consecutive_failures += 1
            endpoint.save(update_fields=["last_failure_at", "last_error", "consecutive_failures"])
            logger.warning("Forwarding to %s failed: %s", endpoint.name, message)
            return 0
        OutboxEntry.objects.filter(pk__in=[entry.pk for entry in entries]).delete()
        endpoint.last_success_at = now
        endpoint.consecutive_failures = 0
        endpoint.save(update_fields=["last_success_at", "consecutive_failures"])
        return len(entries)


def outbox_send(*, endpoint_id: int | None = None) -> int:
    """Send every due batch of every active endpoint (or of one); returns statements delivered."""
    endpoints = ForwardingEndpoint.objects.filter(is_active=True)
    if endpoint_id is not None:
        endpoints = endpoints.filter(pk=endpoint_id)
    delivered = 0
    for endpoint in endpoints:
        while True:
            sent = _send_batch(endpoint)
            if not sent:
                break
            delivered += sent
    return delivered


def endpoint_secrets_reencrypt() -> int:
    """Re-encrypt every endpoint's stored password under the first key; returns how many.

    Raises ``lms.crypto.DecryptionError`` if one cannot be decrypted (the caller's
    transaction then keeps the old values).
    """
    count = 0
    endpoints = ForwardingEndpoint.objects.select_for_update().exclude(password_encrypted="")
    for endpoint in endpoints.order_by("pk"):
        endpoint.password_encrypted = crypto.reencrypt(endpoint.password_encrypted)
        endpoint.save(update_fields=["password_encrypted"])
        count += 1
    return count


def endpoints_with_lag():
    """Endpoints annotated with ``pending`` (outbox rows) and ``oldest_pending`` (for lag)."""
    return ForwardingEndpoint.objects.annotate(
        pending=Count("outbox"), oldest_pending=Min("outbox__created_at")
    ).order_by("name")
