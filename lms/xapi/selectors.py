# ruff: noqa: S608 -- the SQL below interpolates only constant fragments; values are parameters.
"""Reads from the Learning Record Store: statement queries, documents, activities.

The statement query is plain SQL over indexed columns (the same SQL runs on PostgreSQL
and SQLite). It returns each statement's stored JSON as text, so the default ``exact``
format is served without decoding and re-encoding every statement.
"""

import datetime as dt
import json
import uuid
from dataclasses import dataclass

from django.db import connection
from django.db.models import Max

from lms.xapi import trust
from lms.xapi.models import Activity, Attachment, Document, LRSClient, Statement
from lms.xapi.vocabulary import VOIDED as VOIDED_VERB

VOIDED = VOIDED_VERB.id


@dataclass
class StatementQuery:
    agent_key: str | None = None
    verb: str | None = None
    activity: str | None = None
    registration: uuid.UUID | None = None
    related_activities: bool = False
    related_agents: bool = False
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    limit: int = 100
    ascending: bool = False
    # Paging cursor: (stored, id) of the last statement already returned.
    after: tuple[dt.datetime, str] | None = None
    # A launch credential sees only its person's statements in its registration about
    # its own activities (``trust.Scope``).
    scope: "trust.Scope | None" = None


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _id_param(value: str):
    """Statement ids as the database stores them (uuid on PostgreSQL, hex text on SQLite)."""
    if connection.vendor == "postgresql":
        return uuid.UUID(value)
    return uuid.UUID(value).hex


def _time_param(value: dt.datetime):
    """A time as the database compares it: SQLite keeps naive UTC text, so an aware value
    passed as is would compare as a different string (and paging would repeat rows)."""
    return connection.ops.adapt_datetimefield_value(value)


def _data_column() -> str:
    return "s.data::text" if connection.vendor == "postgresql" else "s.data"


def _filter_sql(query: StatementQuery) -> tuple[list[str], list]:
    """WHERE clauses for the non-time filters (the ones StatementRefs inherit)."""
    where, params = [], []
    agents, activities = _table_name("statementagent"), _table_name("statementactivity")
    if query.agent_key is not None:
        if query.related_agents:
            where.append(f"s.id IN (SELECT statement_id FROM {agents} WHERE agent_key = %s)")
            params.append(query.agent_key)
        else:
            where.append("(s.actor_key = %s OR s.object_agent_key = %s)")
            params += [query.agent_key, query.agent_key]
    if query.verb is not None:
        where.append("s.verb = %s")
        params.append(query.verb)
    if query.activity is not None:
        if query.related_activities:
            where.append(f"s.id IN (SELECT statement_id FROM {activities} WHERE activity_id = %s)")
        else:
            where.append("s.object_id = %s AND s.object_type = 'Activity'")
        params.append(query.activity)
    if query.registration is not None:
        where.append("s.registration = %s")
        params.append(_uuid_param(query.registration))
    return where, params


def _table_name(model_name: str) -> str:
    return connection.ops.quote_name(f"xapi_{model_name}")


def _uuid_param(value: uuid.UUID):
    return value if connection.vendor == "postgresql" else value.hex


def statements_query(query: StatementQuery) -> list[tuple[str, dt.datetime, object]]:
    """``(data_json_text, stored, id)`` of up to ``limit + 1`` matching statements, in order."""
    table = _table(Statement)
    filters, params = _filter_sql(query)
    scope, scope_params = _scope_sql(query.scope)

    bounds, bound_params = ["s.voided = %s"], [False]
    if query.since is not None:
        bounds.append("s.stored > %s")
        bound_params.append(_time_param(query.since))
    if query.until is not None:
        bounds.append("s.stored <= %s")
        bound_params.append(_time_param(query.until))
    if query.after is not None:
        stored, last_id = query.after
        op = ">" if query.ascending else "<"
        bounds.append(f"(s.stored {op} %s OR (s.stored = %s AND s.id {op} %s))")
        stored = _time_param(stored)
        bound_params += [stored, stored, _id_param(last_id)]

    order = "ASC" if query.ascending else "DESC"
    columns = f"{_data_column()}, s.stored, s.id"
    if filters:
        # Statements targeting a matching statement (StatementRef) match too.
        ref_filters = [clause.replace("s.", "t.") for clause in filters]
        if connection.vendor == "postgresql":
            target_id = "CAST(t.id AS TEXT)"
        else:  # SQLite keeps UUIDs as 32 hex digits
            target_id = (
                "lower(substr(t.id,1,8)||'-'||substr(t.id,9,4)||'-'||substr(t.id,13,4)||'-'||"
                "substr(t.id,17,4)||'-'||substr(t.id,21))"
            )
        target = f"SELECT {target_id} FROM {table} t WHERE {' AND '.join(ref_filters)}"
        direct = " AND ".join(filters + scope + bounds)
        referring = " AND ".join(
            ["s.object_type = 'StatementRef'", f"s.object_id IN ({target})", *scope, *bounds]
        )
        sql = (
            f"SELECT * FROM (SELECT {columns} FROM {table} s WHERE {direct} "
            f"UNION SELECT {columns} FROM {table} s WHERE {referring}) u "
            f"ORDER BY 2 {order}, 3 {order} LIMIT %s"
        )
        all_params = params + scope_params + bound_params + params + scope_params + bound_params
    else:
        where = " AND ".join(scope + bounds)
        sql = (
            f"SELECT {columns} FROM {table} s WHERE {where} "
            f"ORDER BY s.stored {order}, s.id {order} LIMIT %s"
        )
        all_params = scope_params + bound_params
    all_params.append(query.limit + 1)
    with connection.cursor() as cursor:
        cursor.execute(sql, all_params)
        rows = cursor.fetchall()
    return [(_as_text(data), _aware(stored), pk) for data, stored, pk in rows]


def _scope_sql(scope: "trust.Scope | None") -> tuple[list[str], list]:
    """WHERE clauses that keep a launch credential to its own statements (``trust.within``)."""
    if scope is None:
        return [], []
    where, params = ["s.actor_key = %s"], [scope.actor_key]
    if scope.registration is not None:
        where.append("s.registration = %s")
        params.append(_uuid_param(scope.registration))
    if not scope.activity_ids:
        return [*where, "1 = 0"], params
    alternatives = []
    for activity_id in sorted(scope.activity_ids):
        # The activity, or a sub-activity: its id followed by "/", "#" or "?".
        alternatives.append("s.object_id = %s OR substr(s.object_id, 1, %s) IN (%s, %s, %s)")
        params += [activity_id, len(activity_id) + 1]
        params += [activity_id + "/", activity_id + "#", activity_id + "?"]
    where.append("s.object_type = 'Activity' AND (" + " OR ".join(alternatives) + ")")
    return where, params


def _as_text(data) -> str:
    return data if isinstance(data, str) else json.dumps(data)


def _aware(value):
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value


def statement_get(*, statement_id: str, voided: bool) -> Statement | None:
    """The statement with this id if its voided flag matches (``None`` otherwise)."""
    try:
        pk = uuid.UUID(statement_id)
    except ValueError:
        return None
    return Statement.objects.filter(pk=pk, voided=voided).first()


def attachments_for(statements: list[dict]) -> list[tuple[str, str, bytes]]:
    """``(sha2, content_type, content)`` for every stored attachment the statements use."""
    wanted = []
    for statement in statements:
        for holder in (statement, statement.get("object") or {}):
            for attachment in holder.get("attachments") or []:
                sha2 = attachment.get("sha2")
                if sha2 and sha2 not in wanted:
                    wanted.append(sha2)
    if not wanted:
        return []
    found = {a.sha2: a for a in Attachment.objects.filter(sha2__in=wanted)}
    return [
        (sha2, found[sha2].content_type, bytes(found[sha2].content))
        for sha2 in wanted
        if sha2 in found
    ]


def activity_get(*, activity_id: str) -> Activity | None:
    return Activity.objects.filter(activity_id=activity_id).first()


def document_get(*, kind: str, activity_id="", agent_key="", registration="", document_id):
    return Document.objects.filter(
        kind=kind,
        activity_id=activity_id,
        agent_key=agent_key,
        registration=registration,
        document_id=document_id,
    ).first()


def document_ids(*, kind: str, activity_id="", agent_key="", registration=None, since=None):
    query = Document.objects.filter(kind=kind, activity_id=activity_id, agent_key=agent_key)
    if registration is not None:
        query = query.filter(registration=registration)
    if since is not None:
        query = query.filter(updated__gt=since)
    return list(query.order_by("document_id").values_list("document_id", flat=True))


def registration_statements(*, user_id, registration, exclude_ids=()) -> list[Statement]:
    """A person's statements in one registration that still count, in ``stored`` order.

    Not voided, not voiding; ``exclude_ids`` are left out too (statements being voided by
    the insert that asks). Projections rebuild an enrolment from these after voiding.
    """
    return list(
        Statement.objects.filter(user_id=user_id, registration=registration, voided=False)
        .exclude(verb=VOIDED)
        .exclude(id__in=list(exclude_ids))
        .order_by("stored", "id")
    )


def lrs_clients_managed():
    """The clients administrators manage: launch credentials (scoped, short-lived, one per
    package launch) are left out; they expire by themselves."""
    return LRSClient.objects.filter(scope_actor_key="")


def statements_by_ids(*, ids, user=None) -> list[Statement]:
    """The stored statements with these ids (of ``user`` only, if given)."""
    query = Statement.objects.filter(id__in=list(ids))
    if user is not None:
        query = query.filter(user=user)
    return list(query)


def recorded(
    *, verb: str, user_ids, object_ids, registrations=None
) -> set[tuple[int, object, str]]:
    """``(user id, registration, object id)`` of the statements in force with this verb
    about these objects: what the platform has already recorded (one query)."""
    query = Statement.objects.filter(
        verb=verb, user_id__in=list(user_ids), object_id__in=list(object_ids), voided=False
    )
    if registrations is not None:
        query = query.filter(registration__in=list(registrations))
    return set(query.values_list("user_id", "registration", "object_id"))


def activity_statements(*, user_id, registration, object_id, verbs) -> list[Statement]:
    """A person's statements in force about one activity in one registration, by verb."""
    return list(
        Statement.objects.filter(
            user_id=user_id,
            registration=registration,
            object_id=object_id,
            verb__in=list(verbs),
            voided=False,
        ).only("verb", "data", "timestamp", "stored")
    )


def stored_ids(*, ids) -> set[str]:
    """Which of these statement ids are stored already."""
    stored = Statement.objects.filter(id__in=list(ids)).values_list("id", flat=True)
    return {str(pk) for pk in stored}


def last_timestamps(*, registrations) -> dict:
    """The latest statement timestamp per registration (one query)."""
    return dict(
        Statement.objects.filter(registration__in=set(registrations))
        .values("registration")
        .annotate(last=Max("timestamp"))
        .values_list("registration", "last")
    )
