"""Writes to the Learning Record Store. Everything that stores a statement comes through here.

``statements_store`` is the single road: platform events (``events.record``) and the HTTP
API both call it, and it returns what it did (``StoreResult``). In order:

1. validate every statement (one bad statement stores none; linear patterns only);
2. for a launch credential, the scope (``trust.statements_refusal``): who, which
   registration, which object;
3. match attachment parts and check signatures (``attachments.attachments_match``);
4. in one transaction: the issuing app's statement guards (e.g. the cmi5 session rules,
   which lock the launch row), the inserts (a constant number of queries per batch),
   voiding, activity definitions, the forwarding outbox, the registered projections;
5. the projections' follow-ups (``projections.FollowUp``: course completed, certificate
   earned, cmi5 satisfied) are recorded by the platform in a second, final pass.

A projection never stores a statement itself; the store refuses to be entered while
projections run.
"""

import datetime as dt
import hashlib
import json
import logging
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field

import psycopg
from django.contrib.auth import get_user_model
from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from lms.xapi import credentials, identity, projections, tasks, trust, vocabulary
from lms.xapi.attachments import attachments_match
from lms.xapi.models import (
    Activity,
    Attachment,
    Document,
    ForwardingEndpoint,
    LRSClient,
    OutboxEntry,
    Statement,
    StatementActivity,
    StatementAgent,
)
from lms.xapi.validation import StatementError, parse_timestamp, validate_statement

logger = logging.getLogger(__name__)


class StatementConflict(Exception):
    """A statement id already exists with different content (HTTP 409)."""

    def __init__(self, statement_id, message=None):
        self.statement_id = statement_id
        super().__init__(message or f"Statement {statement_id} already exists with other content.")


class StatementRefused(Exception):
    """The client may not write these statements (HTTP 403)."""

    def __init__(self, refusal: trust.Refusal):
        self.refusal = refusal
        super().__init__(str(refusal))


class FollowUpLoop(RuntimeError):
    """A follow-up statement asked for further follow-ups: a projection is wrong."""


@dataclass(frozen=True)
class StoreResult:
    """What ``statements_store`` did.

    ``ids``: the ids of the given statements, in the given order (the POST answer), also of
    those already stored (skipped); ``stored``: the rows written for them (skipped ones left
    out); ``follow_ups``: the rows the platform recorded in consequence.
    """

    ids: list[str] = field(default_factory=list)
    stored: list[Statement] = field(default_factory=list)
    follow_ups: list[Statement] = field(default_factory=list)


def platform_authority() -> dict:
    return {
        "objectType": "Agent",
        "name": vocabulary.PLATFORM,
        "account": {"homePage": identity.account_homepage(), "name": "platform"},
    }


def client_authority(*, name: str, key: str) -> dict:
    """The authority of a client's statements unless an administrator set another."""
    return {
        "objectType": "Agent",
        "name": name,
        "account": {"homePage": identity.account_homepage(), "name": f"lrs-client:{key}"},
    }


def _authority_for(client) -> dict:
    # A client's statements never carry the platform's authority, whatever it is set to.
    if client is None:
        return platform_authority()
    return client.authority or client_authority(name=client.name, key=client.key)


def format_stored(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _comparable(data: dict) -> dict:
    """A statement without the properties the LRS sets, for the 'same statement' check."""
    ignored = ("id", "stored", "authority", "version", "timestamp")
    return {k: v for k, v in data.items() if k not in ignored}


def _agents_of(statement: dict, into: set) -> None:
    for agent in (statement.get("actor"), statement.get("authority")):
        _agent_and_members(agent, into)
    obj = statement.get("object") or {}
    if obj.get("objectType") in ("Agent", "Group"):
        _agent_and_members(obj, into)
    context = statement.get("context") or {}
    _agent_and_members(context.get("instructor"), into)
    _agent_and_members(context.get("team"), into)
    if obj.get("objectType") == "SubStatement":
        _agents_of(obj, into)


def _agent_and_members(agent, into: set) -> None:
    if not isinstance(agent, dict):
        return
    key = identity.agent_key(agent)
    if key:
        into.add(key)
    for member in agent.get("member") or []:
        key = identity.agent_key(member)
        if key:
            into.add(key)


def _activities_of(statement: dict, into: set, definitions: dict) -> None:
    obj = statement.get("object") or {}
    kind = obj.get("objectType", "Activity")
    if kind == "Activity":
        into.add(obj["id"])
        if obj.get("definition"):
            definitions[obj["id"]] = _merge_definition(
                definitions.get(obj["id"], {}), obj["definition"]
            )
    elif kind == "SubStatement":
        _activities_of(obj, into, definitions)
    for items in ((statement.get("context") or {}).get("contextActivities") or {}).values():
        for activity in items if isinstance(items, list) else [items]:
            into.add(activity["id"])
            if activity.get("definition"):
                definitions[activity["id"]] = _merge_definition(
                    definitions.get(activity["id"], {}), activity["definition"]
                )


def _object_columns(obj: dict) -> tuple[str, str, str]:
    kind = obj.get("objectType", "Activity")
    if kind == "Activity":
        return obj["id"], kind, ""
    if kind == "StatementRef":
        return obj["id"].lower(), kind, ""
    if kind in ("Agent", "Group"):
        key = identity.agent_key(obj)
        return key or "", kind, key or ""
    return "", kind, ""


def _normalise_context_activities(statement: dict) -> None:
    """Context activities are stored as arrays (a single object is allowed on input)."""
    for holder in (statement, statement.get("object") or {}):
        activities = (holder.get("context") or {}).get("contextActivities")
        if isinstance(activities, dict):
            for key, value in list(activities.items()):
                if isinstance(value, dict):
                    activities[key] = [value]


def statements_store(
    *,
    statements: list[dict],
    client: LRSClient | None = None,
    attachments: dict[str, tuple[str, bytes]] | None = None,
    version: str = "1.0.3",
) -> StoreResult:
    """Store statements atomically (all or none), project them, record their follow-ups.

    ``client``: the LRS client that sent them, ``None`` for the platform itself (the only
    writer whose statements move course, certificate and evidence projections).
    ``attachments``: the parts of a multipart request, ``{sha2: (content type, content)}``.

    Raises ``StatementError`` (invalid, HTTP 400), ``StatementRefused`` (outside the
    client's scope or against its guards, 403) or ``StatementConflict`` (an id stored with
    other content, 409); nothing is written then. Statements already stored with the same
    id and content are skipped. Runs in its own transaction (a savepoint inside the
    caller's), and must not be called from a projection: projections return follow-ups.
    """
    if projections.is_running():
        raise FollowUpLoop("A projection may not store statements; return a FollowUp instead.")
    if not statements:
        return StoreResult()
    many = len(statements) > 1
    for index, data in enumerate(statements):
        validate_statement(data, f"statements[{index}]" if many else "", version=version)
    scope = trust.scope_of(client)
    if scope is not None:
        refusal = trust.statements_refusal(scope, statements)
        if refusal is not None:
            raise StatementRefused(refusal)
    used_parts = attachments_match(statements, attachments or {}, many=many)
    ids = _assign_ids(statements)
    for retry in (False, True):
        try:
            with transaction.atomic():
                if scope is not None:
                    guarded = credentials.statement_refusal(client, statements)
                    if guarded is not None:
                        raise StatementRefused(trust.Refusal("", guarded[1]))
                stored = _write(statements, client=client, attachments=used_parts, many=many)
                follow_ups = _record_follow_ups(projections.run_projections(stored))
            return StoreResult(ids=ids, stored=stored, follow_ups=follow_ups)
        except IntegrityError:
            # A concurrent request stored one of these ids between the existence check
            # and the insert (our savepoint is rolled back). Once more: now the conflict
            # rules see it (same content: skipped, other content: 409).
            if retry:
                raise StatementConflict(
                    ids[0], "Statements with these ids are being stored right now."
                ) from None
    raise AssertionError("unreachable")


def _assign_ids(statements: list[dict]) -> list[str]:
    """Give every statement its lower-case id (a new one if it has none); refuse repeats."""
    ids: list[str] = []
    seen: set[str] = set()
    for index, data in enumerate(statements):
        data["id"] = str(data["id"]).lower() if "id" in data else str(uuid.uuid4())
        if data["id"] in seen:
            raise StatementError(
                f"statements[{index}].id", f"the id {data['id']} appears twice in the batch"
            )
        seen.add(data["id"])
        ids.append(data["id"])
        _normalise_context_activities(data)
    return ids


def _record_follow_ups(follow_ups: list[projections.FollowUp]) -> list[Statement]:
    """The second pass: store what the projections asked for, as the platform.

    Bounded: what follow-ups cause is projected, but may not ask for more (a course
    completion and its certificate complete nothing further).
    """
    if not follow_ups:
        return []
    statements = [follow_up.statement for follow_up in follow_ups]
    for index, data in enumerate(statements):
        validate_statement(data, f"follow_ups[{index}]")
    _assign_ids(statements)
    rows = _write(statements, client=None, attachments={}, many=len(statements) > 1)
    more = projections.run_projections(rows)
    if more:
        raise FollowUpLoop(
            "Follow-up statements asked for more: " + ", ".join(f.reason for f in more)
        )
    return rows


def _write(statements: list[dict], *, client, attachments: dict, many: bool) -> list[Statement]:
    """Insert the statements that are new (the caller holds the transaction); return them."""
    existing = _stored_data([uuid.UUID(data["id"]) for data in statements])
    if existing:
        by_id = {data["id"]: data for data in statements}
        for statement_id, stored_data in existing.items():
            if _comparable(stored_data) != _comparable(by_id[str(statement_id)]):
                raise StatementConflict(str(statement_id))
        statements = [data for data in statements if uuid.UUID(data["id"]) not in existing]
        if not statements:
            return []

    # Voiding: the targets must not themselves be voiding statements.
    void_targets = {
        data["object"]["id"].lower(): index
        for index, data in enumerate(statements)
        if data["verb"]["id"] == vocabulary.VOIDED.id
    }
    if void_targets:
        in_batch = {data["id"]: data for data in statements}
        voiding_targets = {
            str(pk)
            for pk in Statement.objects.filter(
                id__in=list(void_targets), verb=vocabulary.VOIDED.id
            ).values_list("id", flat=True)
        }
        for target, index in void_targets.items():
            target_data = in_batch.get(target)
            if target in voiding_targets or (
                target_data is not None and target_data["verb"]["id"] == vocabulary.VOIDED.id
            ):
                path = f"statements[{index}].object.id" if many else "object.id"
                raise StatementError(path, "a voiding statement cannot be voided")

    authority = _authority_for(client)
    now = timezone.now()
    rows: list[Statement] = []
    agent_rows: list[tuple[uuid.UUID, str]] = []
    activity_rows: list[tuple[uuid.UUID, str]] = []
    definitions: dict[str, dict] = {}
    pseudonyms: dict[uuid.UUID, list[Statement]] = {}
    client_pk = getattr(client, "pk", None)
    for offset, data in enumerate(statements):
        stored = now + dt.timedelta(microseconds=offset)
        data["stored"] = format_stored(stored)
        data["authority"] = authority
        data.setdefault("version", "1.0.0")
        timestamp = parse_timestamp(data["timestamp"]) if "timestamp" in data else None
        if timestamp is None:
            timestamp = stored
            data["timestamp"] = data["stored"]
        actor_key = identity.agent_key(data["actor"]) or ""
        object_id, object_type, object_agent_key = _object_columns(data["object"])
        registration = (data.get("context") or {}).get("registration")
        row = Statement(
            id=uuid.UUID(data["id"]),
            data=data,
            stored=stored,
            timestamp=timestamp,
            actor_key=actor_key,
            verb=data["verb"]["id"],
            object_id=object_id,
            object_type=object_type,
            object_agent_key=object_agent_key,
            registration=uuid.UUID(registration) if registration else None,
            voided=False,
            client_id=client_pk,
        )
        rows.append(row)
        pseudonym = identity.pseudonym_from_key(actor_key)
        if pseudonym is not None:
            pseudonyms.setdefault(pseudonym, []).append(row)
        agents: set[str] = set()
        _agents_of(data, agents)
        agent_rows.extend((row.id, key) for key in agents)
        activities: set[str] = set()
        _activities_of(data, activities, definitions)
        activity_rows.extend((row.id, activity) for activity in activities)

    if pseudonyms:
        users = (
            get_user_model()
            .objects.filter(pseudonym__in=list(pseudonyms))
            .values_list("pseudonym", "pk")
        )
        for pseudonym, pk in users:
            for row in pseudonyms[pseudonym]:
                row.user_id = pk

    _statements_insert(rows, agent_rows, activity_rows)
    if definitions:
        _activities_upsert(definitions)
    if void_targets:
        Statement.objects.filter(id__in=list(void_targets)).exclude(
            verb=vocabulary.VOIDED.id
        ).update(voided=True)
    if attachments:
        _attachments_store(attachments)
    _outbox_fill(rows)
    return rows


STATEMENT_COLUMNS = (
    "id",
    "data",
    "stored",
    "timestamp",
    "user_id",
    "actor_key",
    "verb",
    "object_id",
    "object_type",
    "object_agent_key",
    "registration",
    "voided",
    "client_id",
)


def _stored_data(ids: list[uuid.UUID]) -> dict[uuid.UUID, dict]:
    """The stored JSON of those of ``ids`` that are already in the store."""
    if connection.vendor != "postgresql":
        return dict(Statement.objects.filter(id__in=ids).values_list("id", "data"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, data FROM xapi_statement WHERE id = ANY(%s)", [ids])
        rows = cursor.fetchall()
    # Django reads jsonb as text (its JSONField decodes it); so do we.
    return {pk: json.loads(data) if isinstance(data, str) else data for pk, data in rows}


def _statement_values(row: Statement) -> tuple:
    return (
        row.id,
        json.dumps(row.data),
        row.stored,
        row.timestamp,
        row.user_id,
        row.actor_key,
        row.verb,
        row.object_id,
        row.object_type,
        row.object_agent_key,
        row.registration,
        row.voided,
        row.client_id,
    )


# Few statements (a learner's request, a single PUT) go in one round trip; from this
# many on, COPY is faster.
_COPY_FROM = 20

_STATEMENTS_INSERT_SQL = """
WITH s AS (
    INSERT INTO xapi_statement (id, data, stored, timestamp, user_id, actor_key, verb,
        object_id, object_type, object_agent_key, registration, voided, client_id)
    SELECT * FROM unnest(%s::uuid[], %s::jsonb[], %s::timestamptz[], %s::timestamptz[],
        %s::bigint[], %s::text[], %s::text[], %s::text[], %s::text[], %s::text[], %s::uuid[],
        %s::boolean[], %s::bigint[])
), a AS (
    INSERT INTO xapi_statementagent (statement_id, agent_key)
    SELECT * FROM unnest(%s::uuid[], %s::text[])
)
INSERT INTO xapi_statementactivity (statement_id, activity_id)
SELECT * FROM unnest(%s::uuid[], %s::text[])
"""


def _statements_insert(rows: list[Statement], agent_rows: list, activity_rows: list) -> None:
    """Insert the statements with their agent and activity index rows.

    On PostgreSQL this bypasses the ORM: building and quoting the SQL for a hundred JSON
    documents in Python made up most of an ingest request's time. A few statements go in
    one statement with array parameters bound on the server, more by ``COPY``. Elsewhere
    (the SQLite demo) it is an ordinary ``bulk_create``.
    """
    if connection.vendor != "postgresql":
        Statement.objects.bulk_create(rows)
        StatementAgent.objects.bulk_create(
            [StatementAgent(statement_id=pk, agent_key=key) for pk, key in agent_rows]
        )
        StatementActivity.objects.bulk_create(
            [StatementActivity(statement_id=pk, activity_id=a) for pk, a in activity_rows]
        )
        return
    values = [_statement_values(row) for row in rows]
    # Django's wrapper turns driver errors into django.db errors (e.g. 503 on a lost database).
    with connection.wrap_database_errors:
        if len(rows) < _COPY_FROM:
            params = [list(column) for column in zip(*values, strict=True)]
            for pairs in (agent_rows, activity_rows):
                params += [[pk for pk, _ in pairs], [value for _, value in pairs]]
            with psycopg.Cursor(connection.connection) as cursor, _logged(_STATEMENTS_INSERT_SQL):
                cursor.execute(_STATEMENTS_INSERT_SQL, params, binary=True)
        else:
            with connection.cursor() as cursor:
                _copy(cursor, "xapi_statement", STATEMENT_COLUMNS, values)
                _copy(cursor, "xapi_statementagent", ("statement_id", "agent_key"), agent_rows)
                _copy(
                    cursor, "xapi_statementactivity", ("statement_id", "activity_id"), activity_rows
                )
    for row in rows:
        row._state.adding = False
        row._state.db = connection.alias


@contextmanager
def _logged(sql: str):
    """Count a statement run on the driver directly like any other query (tests guard the
    number of queries per request through Django's query log)."""
    started = time.monotonic()
    yield
    if connection.queries_logged:
        connection.queries_log.append({"sql": sql, "time": f"{time.monotonic() - started:.3f}"})


def _copy(cursor, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
    with cursor.cursor.copy(sql) as copy, _logged(sql):
        for row in rows:
            copy.write_row(row)


# Activity definitions this process knows to be stored (a bounded cache): a batch whose
# definitions add nothing new costs no query. Another process may have merged more into a
# definition meanwhile; then the stored one is a superset and skipping the write is right.
_KNOWN_DEFINITIONS: dict[str, dict] = {}
_KNOWN_DEFINITIONS_MAX = 20_000


def _activities_upsert(definitions: dict[str, dict]) -> None:
    definitions = {
        activity_id: definition
        for activity_id, definition in definitions.items()
        if activity_id not in _KNOWN_DEFINITIONS
        or _merge_definition(_KNOWN_DEFINITIONS[activity_id], definition)
        != _KNOWN_DEFINITIONS[activity_id]
    }
    if not definitions:
        return
    _activities_write(definitions)


def _remember_definitions(rows: list[Activity]) -> None:
    if len(_KNOWN_DEFINITIONS) > _KNOWN_DEFINITIONS_MAX:
        _KNOWN_DEFINITIONS.clear()
    # Only after the surrounding transaction commits is the definition really stored.
    known = {row.activity_id: row.definition for row in rows}
    transaction.on_commit(lambda: _KNOWN_DEFINITIONS.update(known))


def _activities_write(definitions: dict[str, dict]) -> None:
    known = {
        activity.activity_id: activity
        for activity in Activity.objects.filter(activity_id__in=list(definitions))
    }
    new, changed, unchanged = [], [], []
    # In id order: concurrent batches that add the same new activities then take their
    # locks in the same order and wait for each other instead of deadlocking.
    for activity_id, definition in sorted(definitions.items()):
        current = known.get(activity_id)
        if current is None:
            new.append(Activity(activity_id=activity_id, definition=definition))
        else:
            merged = _merge_definition(current.definition, definition)
            if merged != current.definition:
                current.definition = merged
                changed.append(current)
            else:
                unchanged.append(current)
    if new:
        Activity.objects.bulk_create(new, ignore_conflicts=True)
    if changed:
        Activity.objects.bulk_update(changed, ["definition"])
    _remember_definitions(new + changed + list(unchanged))


def _merge_definition(current: dict, incoming: dict) -> dict:
    merged = dict(current)
    for key, value in incoming.items():
        if key in ("name", "description") and isinstance(value, dict):
            merged[key] = {**(current.get(key) or {}), **value}
        else:
            merged[key] = value
    return merged


def _attachments_store(attachments: dict[str, tuple[str, bytes]]) -> None:
    Attachment.objects.bulk_create(
        [
            Attachment(sha2=sha2, content_type=content_type, content=content)
            for sha2, (content_type, content) in attachments.items()
        ],
        ignore_conflicts=True,
    )


def _outbox_fill(rows: list[Statement]) -> None:
    # Plain SQL: these two lookups run on every insert, and composing them with the ORM
    # cost more than the queries themselves.
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, verbs FROM xapi_forwardingendpoint WHERE is_active = %s", [True])
        endpoints = cursor.fetchall()
    if not endpoints:
        return
    now = timezone.now()
    entries = []
    for endpoint_id, verb_filter in endpoints:
        verbs = set(ForwardingEndpoint.parse_verbs(verb_filter))
        entries.extend(
            OutboxEntry(
                endpoint_id=endpoint_id, statement_id=row.id, created_at=now, next_attempt_at=now
            )
            for row in rows
            if not verbs or row.verb in verbs
        )
    if entries:
        OutboxEntry.objects.bulk_create(entries)
        transaction.on_commit(_schedule_forwarding)


def _schedule_forwarding() -> None:
    try:
        tasks.forward_outbox.delay()
    except Exception:  # the broker may be down: the outbox is durable, the beat sweep retries
        logger.warning("Could not queue forwarding; the periodic sweep will send the outbox.")


def projections_rebuild(*, batch_size: int = 1000, stdout=None) -> int:
    """Reset every projection and replay the log through them; return how many were replayed.

    Replayed: every statement that is neither voided nor a voiding statement (what voiding
    did is already there: its targets are left out), in ``stored`` order. Follow-ups the
    projections ask for are dropped by construction: the live store recorded them right
    after what caused them, so they are replayed in their own turn. Nothing is written to
    the log. A test holds rebuild to live ingest.
    """
    count = 0
    with transaction.atomic():
        for projection in projections.registered_projections():
            projection.reset()
        last = None
        while True:
            query = (
                Statement.objects.filter(voided=False)
                .exclude(verb=vocabulary.VOIDED.id)
                .order_by("stored", "id")
            )
            if last is not None:
                query = query.filter(Q(stored__gt=last[0]) | Q(stored=last[0], id__gt=last[1]))
            batch = list(query[:batch_size])
            if not batch:
                break
            projections.run_projections(batch)
            count += len(batch)
            last = (batch[-1].stored, batch[-1].id)
            if stdout is not None:
                stdout.write(f"replayed {count} statements")
    return count


def actor_erase(*, user) -> dict:
    """Erase a person from the LRS: their statements, documents and projection rows.

    Deletes (voiding is not erasure) every statement whose actor is the person or that
    names them anywhere (object, instructor, team, authority), every document about
    them, and calls each projection's ``erase(user_id)`` hook.
    """
    key = identity.actor_key_for_user(user)
    with transaction.atomic():
        named = StatementAgent.objects.filter(agent_key=key).values("statement_id")
        statements = Statement.objects.filter(Q(user=user) | Q(id__in=named))
        # Counted per model: delete() also counts the index rows that cascade.
        _total, by_model = statements.delete()
        deleted_statements = by_model.get(Statement._meta.label, 0)
        _total, by_model = Document.objects.filter(Q(user=user) | Q(agent_key=key)).delete()
        deleted_documents = by_model.get(Document._meta.label, 0)
        for projection in projections.registered_projections():
            if projection.erase is not None:
                projection.erase(user.pk)
    return {"statements": deleted_statements, "documents": deleted_documents}


def launch_credentials_revoke(*, user) -> int:
    """Withdraw every launch credential scoped to the person (they left); returns how many.

    Saved one by one so the credential cache forgets each at once."""
    clients = LRSClient.objects.filter(
        scope_actor_key=identity.actor_key_for_user(user), is_active=True
    )
    count = 0
    for client in clients:
        client.is_active = False
        client.save(update_fields=["is_active"])
        count += 1
    return count


def lrs_client_create(
    *,
    name: str,
    key: str | None = None,
    secret: str | None = None,
    read_only: bool = False,
    authority: dict | None = None,
    scope_actor_key: str = "",
    scope_registration=None,
    scope_activity_id: str = "",
    expires_at: dt.datetime | None = None,
) -> tuple[LRSClient, str]:
    """Create a client; returns it and the plain secret (shown once, stored as a digest).

    Without ``secret`` a random one is generated; a given one must pass
    ``credentials.secret_problem`` (``ValueError`` with the reason otherwise).
    """
    name = name.strip()
    if not name:
        raise ValueError("A client needs a name.")
    key = key or credentials.new_key()
    if ":" in key or not key.strip():
        raise ValueError("The key must be non-empty and must not contain ':'.")
    if secret:
        problem = credentials.secret_problem(secret)
        if problem:
            raise ValueError(problem)
    secret = secret or credentials.new_secret()
    if LRSClient.objects.filter(key=key).exists():
        raise ValueError(f"A client with the key {key!r} already exists.")
    client = LRSClient(
        name=name,
        key=key,
        secret_digest=credentials.digest(secret),
        read_only=read_only,
        authority=authority or client_authority(name=name, key=key),
        scope_actor_key=scope_actor_key,
        scope_registration=scope_registration,
        scope_activity_id=scope_activity_id,
        expires_at=expires_at,
    )
    client.save()
    return client, secret


def lrs_clients_delete(*, ids) -> int:
    """Delete these clients (e.g. a person's launch credentials on erasure)."""
    deleted, _by_model = LRSClient.objects.filter(pk__in=list(ids)).delete()
    return deleted


def scoped_clients_delete_expired(*, batch: int = 500) -> int:
    """Delete expired scoped clients (launch credentials) in batches; return how many."""
    deleted = 0
    while True:
        ids = list(
            LRSClient.objects.exclude(scope_actor_key="")
            .filter(expires_at__lte=timezone.now())
            .values_list("pk", flat=True)[:batch]
        )
        if not ids:
            return deleted
        with transaction.atomic():
            LRSClient.objects.filter(pk__in=ids).delete()
        deleted += len(ids)


# The State document kind, as other apps pass it to the document services.
DOCUMENT_STATE = Document.Kind.STATE


class DocumentPreconditionFailed(Exception):
    """If-Match / If-None-Match did not hold (HTTP 412)."""


class DocumentPreconditionRequired(Exception):
    """A profile PUT carried neither If-Match nor If-None-Match (HTTP 400)."""


class DocumentConflict(Exception):
    """A document exists and the request carried no precondition (HTTP 409)."""


class DocumentMergeError(ValueError):
    """POST needs JSON objects on both sides to merge (HTTP 400)."""


def _etag(content: bytes) -> str:
    return hashlib.sha1(content, usedforsecurity=False).hexdigest()


def _check_preconditions(
    document, *, if_match, if_none_match, require_precondition, conflict_without=False
):
    if if_match is not None:
        tags = {tag.strip().strip('"') for tag in if_match.split(",")}
        if document is None or ("*" not in tags and document.etag not in tags):
            raise DocumentPreconditionFailed("If-Match does not match the current document.")
    if if_none_match is not None:
        tags = {tag.strip().strip('"') for tag in if_none_match.split(",")}
        if document is not None and ("*" in tags or document.etag in tags):
            raise DocumentPreconditionFailed("If-None-Match: the document already exists.")
    if conflict_without and document is not None and if_match is None and if_none_match is None:
        raise DocumentConflict("The document exists: send If-Match or If-None-Match.")
    if require_precondition and if_match is None and if_none_match is None:
        if document is not None:
            raise DocumentConflict("The document exists: send If-Match or If-None-Match.")
        raise DocumentPreconditionRequired("PUT needs an If-Match or If-None-Match header.")


def _user_for_agent_key(agent_key: str):
    pseudonym = identity.pseudonym_from_key(agent_key)
    if pseudonym is None:
        return None
    return get_user_model().objects.filter(pseudonym=pseudonym).values_list("pk", flat=True).first()


@transaction.atomic
def document_write(
    *,
    kind: str,
    document_id: str,
    content: bytes,
    content_type: str,
    merge: bool,
    activity_id: str = "",
    agent_key: str = "",
    registration: str = "",
    if_match: str | None = None,
    if_none_match: str | None = None,
    require_precondition: bool = False,
    conflict_without_precondition: bool = False,
) -> Document:
    """PUT (replace) or POST (merge JSON objects) a State / Activity / Agent Profile document."""
    document = (
        Document.objects.select_for_update()
        .filter(
            kind=kind,
            activity_id=activity_id,
            agent_key=agent_key,
            registration=registration,
            document_id=document_id,
        )
        .first()
    )
    _check_preconditions(
        document,
        if_match=if_match,
        if_none_match=if_none_match,
        require_precondition=require_precondition and not merge,
        conflict_without=conflict_without_precondition and not merge,
    )
    is_json = content_type.split(";")[0].strip().lower() == "application/json"
    if merge and document is not None:
        existing_json = document.content_type.split(";")[0].strip().lower() == "application/json"
        if not (is_json and existing_json):
            raise DocumentMergeError("POST merges JSON objects only; send PUT to replace.")
        try:
            old = json.loads(bytes(document.content))
            new = json.loads(content)
        except (ValueError, RecursionError) as error:
            raise DocumentMergeError("The document is not valid JSON.") from error
        if not isinstance(old, dict) or not isinstance(new, dict):
            raise DocumentMergeError("POST merges JSON objects only.")
        old.update(new)
        content = json.dumps(old).encode()
        content_type = "application/json"
    elif merge and is_json:
        try:
            parsed = json.loads(content)
        except (ValueError, RecursionError) as error:
            raise DocumentMergeError("The document is not valid JSON.") from error
        if not isinstance(parsed, dict):
            raise DocumentMergeError("POST with JSON needs a JSON object.")
    now = timezone.now()
    if document is None:
        document = Document(
            kind=kind,
            activity_id=activity_id,
            agent_key=agent_key,
            registration=registration,
            document_id=document_id,
            user_id=_user_for_agent_key(agent_key),
        )
    document.content = content
    document.content_type = content_type or "application/octet-stream"
    document.etag = _etag(content)
    document.updated = now
    document.save()
    return document


@transaction.atomic
def documents_delete(
    *,
    kind: str,
    activity_id: str = "",
    agent_key: str = "",
    registration: str | None = "",
    document_id: str | None = None,
    if_match: str | None = None,
    if_none_match: str | None = None,
) -> int:
    """Delete one document (``document_id``) or all of an activity/agent (State only)."""
    query = Document.objects.filter(kind=kind, activity_id=activity_id, agent_key=agent_key)
    if registration is not None:
        query = query.filter(registration=registration)
    if document_id is not None:
        query = query.filter(document_id=document_id)
        document = query.select_for_update().first()
        _check_preconditions(
            document,
            if_match=if_match,
            if_none_match=if_none_match,
            require_precondition=False,
        )
    deleted, _detail = query.delete()
    return deleted
