"""Forwarding stored statements to external LRSs from the durable outbox.

The outbox rows are written in the same transaction as the statements, so nothing is lost
when the broker or the remote LRS is down. ``outbox_send`` takes the rows of an endpoint
strictly in outbox order (the endpoint row is locked, so two workers never send for one
endpoint), sends them in one POST with a timeout, deletes them on success and otherwise
schedules a retry with exponential backoff. Requests go through ``egress`` (https, public
addresses checked at connect time, no redirects); failures are kept as fixed error codes,
never with the remote's answer.
Actors are pseudonymised on the way out: platform users already are accounts with an
opaque id; any other e-mail, SHA-1 or OpenID identifier becomes a salted hash account.
"""

import base64
import datetime as dt
import http.client
import json
import logging

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Min
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from lms import crypto
from lms.xapi import egress, identity
from lms.xapi.models import ForwardingEndpoint, OutboxEntry

logger = logging.getLogger(__name__)

MAX_BACKOFF = dt.timedelta(hours=1)


class ForwardingError(Exception):
    """A failed send; ``str(error)`` is one of the codes below (``http:<status>`` for HTTP).

    The code is what ``last_error`` stores; ``error_text`` turns it into a fixed message
    in the reader's language. Nothing from the remote's answer is kept.
    """

    TARGET_REFUSED = "target_refused"
    UNREACHABLE = "unreachable"
    HTTP = "http"
    BAD_ANSWER = "bad_answer"
    UNCONFIRMED = "unconfirmed"
    DECRYPTION = "decryption"


_ERROR_TEXTS = {
    ForwardingError.TARGET_REFUSED: _(
        "The endpoint's address is not allowed (https to a public address required)."
    ),
    ForwardingError.UNREACHABLE: _(
        "The remote LRS could not be reached (connection, TLS or time-out)."
    ),
    ForwardingError.BAD_ANSWER: _("The remote LRS did not answer with a list of statement ids."),
    ForwardingError.UNCONFIRMED: _("The remote LRS did not confirm every statement id."),
    ForwardingError.DECRYPTION: _(
        "The stored password cannot be decrypted with the configured keys (QD_ENCRYPTION_KEYS)."
    ),
}


def error_text(code: str) -> str:
    """The fixed message for a stored error code, in the active language ("" for none)."""
    if not code:
        return ""
    kind, _sep, status = code.partition(":")
    if kind == ForwardingError.HTTP and status.isdigit():
        return gettext("The remote LRS answered with HTTP status %(status)s.") % {"status": status}
    return str(_ERROR_TEXTS.get(code, _("Forwarding failed.")))


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
    """POST the batch through ``egress`` (no private targets, no redirects); the ids answered."""
    try:
        password = endpoint.password
    except crypto.DecryptionError:
        raise ForwardingError(ForwardingError.DECRYPTION) from None
    headers = {"Content-Type": "application/json", "X-Experience-API-Version": endpoint.version}
    if endpoint.username or password:
        token = base64.b64encode(f"{endpoint.username}:{password}".encode()).decode()
        headers["Authorization"] = f"Basic {token}"
    try:
        status, answer = egress.post(
            endpoint.url.rstrip("/") + "/statements",
            body=json.dumps(statements).encode(),
            headers=headers,
            timeout=settings.QD_XAPI_FORWARD_TIMEOUT,
        )
    except egress.RefusedTarget:
        raise ForwardingError(ForwardingError.TARGET_REFUSED) from None
    except (OSError, http.client.HTTPException, ValueError):
        raise ForwardingError(ForwardingError.UNREACHABLE) from None
    if not 200 <= status < 300:
        # The remote's body is never kept: it could be anything (e.g. an internal page).
        raise ForwardingError(f"{ForwardingError.HTTP}:{status}")
    try:
        ids = json.loads(answer)
    except ValueError:
        raise ForwardingError(ForwardingError.BAD_ANSWER) from None
    if not isinstance(ids, list):
        raise ForwardingError(ForwardingError.BAD_ANSWER)
    return ids


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
                raise ForwardingError(ForwardingError.UNCONFIRMED)
        except ForwardingError as error:
            message = str(error)
            for entry in entries:
                entry.attempts += 1
                entry.last_error = message
                entry.next_attempt_at = now + backoff(entry.attempts, endpoint.retry_base_seconds)
            OutboxEntry.objects.bulk_update(entries, ["attempts", "last_error", "next_attempt_at"])
            endpoint.last_failure_at = now
            endpoint.last_error = message
            endpoint.consecutive_failures += 1
            endpoint.save(update_fields=["last_failure_at", "last_error", "consecutive_failures"])
            with translation.override("en"):
                logger.warning("Forwarding to %s failed: %s", endpoint.name, error_text(message))
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
