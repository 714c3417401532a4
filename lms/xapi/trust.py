"""Who may write and read what in the Learning Record Store. One home for trust decisions.

Two kinds of writers reach ``services.statements_store``:

- **the platform itself** (``client is None``): the statements built by ``events``, with the
  platform as authority. Only these move course, lesson, final-assessment, certificate and
  competency-evidence projections (``Statement.by_platform``).
- **LRS clients** (``client`` set): integrators with their own key, and short-lived *launch
  credentials* that ``lms.packages`` issues to content. A launch credential is scoped to one
  person, one registration and the activities of its launch (``Scope``); it may write only
  statements whose *object* is one of those activities or a sub-activity of one. Context
  activities (parent, grouping, category) never put a statement in scope: anyone can name
  anything there.

The functions here are pure apart from ``scope_of``, which asks the registered scope
providers (``credentials.register_scope_provider``) what the issuing app adds.
"""

import uuid
from dataclasses import dataclass

from lms.xapi import credentials, identity, iris, vocabulary


@dataclass(frozen=True)
class Scope:
    """What a launch credential may touch."""

    actor_key: str
    registration: uuid.UUID | None
    # Objects the credential may write about (each with its sub-activities).
    activity_ids: frozenset[str]
    # Verbs only the platform may use for this content (e.g. cmi5 ``launched``).
    forbidden_verbs: frozenset[str]


@dataclass(frozen=True)
class Refusal:
    """Why a request is refused (HTTP 403): the JSON path of the offending part, and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason


OUTSIDE = "outside this credential's scope"


def scope_of(client) -> Scope | None:
    """The scope of a launch credential; ``None`` for the platform and unscoped clients."""
    if client is None or not client.is_scoped:
        return None
    extension = credentials.scope_extension(client)
    return Scope(
        actor_key=client.scope_actor_key,
        registration=client.scope_registration,
        activity_ids=frozenset({client.scope_activity_id, *extension.activity_ids} - {""}),
        forbidden_verbs=extension.forbidden_verbs,
    )


def within(activity_id: str, activity_ids: frozenset[str] | set[str]) -> bool:
    """The activity is one of ``activity_ids`` or a sub-activity (``<id>/…``, ``#``, ``?``)."""
    if activity_id in activity_ids:
        return True
    return any(
        activity_id.startswith((scope + "/", scope + "#", scope + "?")) for scope in activity_ids
    )


def statements_refusal(scope: Scope, statements: list[dict]) -> Refusal | None:
    """The first statement a launch credential may not write, or ``None``.

    Checked on validated statements, before anything else about them is looked at (the
    attachment signatures, the store): a refusal costs no more than reading the fields.
    """
    for index, statement in enumerate(statements):
        path = f"statements[{index}]"
        if identity.agent_key(statement.get("actor")) != scope.actor_key:
            return Refusal(f"{path}.actor", OUTSIDE)
        context = statement.get("context") or {}
        if scope.registration is not None and str(context.get("registration", "")).lower() != str(
            scope.registration
        ):
            return Refusal(f"{path}.context.registration", OUTSIDE)
        verb = (statement.get("verb") or {}).get("id", "")
        # Content must not void: it could erase the person's other records (cmi5 6.3).
        if verb == vocabulary.VOIDED.id or verb in scope.forbidden_verbs:
            return Refusal(f"{path}.verb", f"this credential may not use {verb}")
        obj = statement.get("object") or {}
        if obj.get("objectType", "Activity") != "Activity":
            return Refusal(f"{path}.object", f"{OUTSIDE} (only its activities)")
        if not within(obj.get("id", ""), scope.activity_ids):
            return Refusal(f"{path}.object", OUTSIDE)
    return None


def document_refusal(
    scope: Scope | None,
    *,
    kind: str,
    writes: bool,
    activity_id: str = "",
    agent_key: str = "",
    registration: str | None = None,
) -> Refusal | None:
    """Whether a launch credential may use a document (State, Activity/Agent Profile).

    ``kind`` is ``state``, ``activity_profile`` or ``agent_profile``. Activity profiles are
    shared by everyone who uses the activity: a launch credential may read them, never write
    them. State belongs to one person and registration, which the request must name.
    """
    if scope is None:
        return None
    if agent_key and agent_key != scope.actor_key:
        return Refusal("agent", OUTSIDE)
    if activity_id and not within(activity_id, scope.activity_ids):
        return Refusal("activityId", OUTSIDE)
    if kind == "activity_profile" and writes:
        return Refusal("activityId", "activity profiles are read-only for this credential")
    if kind == "state" and scope.registration is not None:
        if not registration:
            return Refusal("registration", "this credential must name its registration")
        if registration.lower() != str(scope.registration):
            return Refusal("registration", OUTSIDE)
    return None


def statement_readable(scope: Scope | None, row) -> bool:
    """A launch credential reads only its person's statements about its own activities."""
    if scope is None:
        return True
    if row.actor_key != scope.actor_key:
        return False
    if scope.registration is not None and row.registration != scope.registration:
        return False
    return row.object_type == "Activity" and within(row.object_id, scope.activity_ids)


def activity_readable(scope: Scope | None, activity_id: str) -> bool:
    """A launch credential reads only the definitions of its own activities."""
    return scope is None or within(activity_id, scope.activity_ids)


def is_platform_question(activity_id: str) -> bool:
    """An assessment question of the platform: its answer key never leaves through the LRS."""
    return activity_id.startswith(iris.activity_iri("question", "_")[:-1])


def without_answer_key(activity_id: str, definition: dict) -> dict:
    """The definition as the LRS may hand it out (no answer key of a platform question)."""
    if "correctResponsesPattern" in definition and is_platform_question(activity_id):
        return {k: v for k, v in definition.items() if k != "correctResponsesPattern"}
    return definition
