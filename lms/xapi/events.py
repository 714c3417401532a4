"""One function per platform learning event: build the statement with tincan, validate, store.

Every function is keyword-only, stores the statement through ``services.statements_store``
in the caller's transaction (projections run there too) and returns the stored
``Statement``. While ``rebuild_projections`` replays the log, the functions build the
statement but do not store it: the follow-up statement is already in the log and is
replayed in its own turn. Inside ``batched()`` they return the unsaved statement and the
block stores all of them together when it ends.
"""

import datetime as dt
import json
import uuid
from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.utils import timezone
from tincan import (
    Activity as TinCanActivity,
)
from tincan import (
    ActivityDefinition,
    ActivityList,
    Agent,
    AgentAccount,
    Context,
    ContextActivities,
    Extensions,
    InteractionComponent,
    InteractionComponentList,
    LanguageMap,
    Result,
    Score,
)
from tincan import (
    Statement as TinCanStatement,
)
from tincan import (
    Verb as TinCanVerb,
)

from lms.xapi import identity, services, vocabulary
from lms.xapi.models import Statement
from lms.xapi.validation import validate_statement


@dataclass(frozen=True)
class Activity:
    """A platform activity as events name it (IRI from ``iris.activity_iri``)."""

    iri: str
    name: str
    type: str
    description: str = ""
    interaction: dict | None = None


def _language_map(text: str) -> LanguageMap:
    return LanguageMap({vocabulary.LANGUAGE: text})


def _components(items) -> InteractionComponentList:
    return InteractionComponentList(
        [
            InteractionComponent(
                id=str(item["id"]),
                description=_language_map(item["description"])
                if isinstance(item.get("description"), str)
                else LanguageMap(item.get("description") or {}),
            )
            for item in items
        ]
    )


def _activity(activity: Activity, *, full: bool = True) -> TinCanActivity:
    if not full:
        return TinCanActivity(id=activity.iri)
    definition = ActivityDefinition(name=_language_map(activity.name), type=activity.type)
    if activity.description:
        definition.description = _language_map(activity.description)
    interaction = activity.interaction or {}
    if interaction:
        definition.interaction_type = interaction["interactionType"]
        if "correctResponsesPattern" in interaction:
            definition.correct_responses_pattern = list(interaction["correctResponsesPattern"])
        for key in ("choices", "scale", "source", "target", "steps"):
            if interaction.get(key):
                setattr(definition, key, _components(interaction[key]))
    return TinCanActivity(id=activity.iri, definition=definition)


def _actor(user) -> Agent:
    return Agent(
        object_type="Agent",
        account=AgentAccount(home_page=identity.account_homepage(), name=str(user.pseudonym)),
    )


def _verb(verb: vocabulary.Verb) -> TinCanVerb:
    return TinCanVerb(
        id=verb.id, display=LanguageMap({"en-US": verb.display_en, "de-DE": verb.display_de})
    )


def _context(
    *,
    registration=None,
    parent: Activity | None = None,
    grouping: Iterable[Activity] = (),
    category: Iterable[str] = (),
) -> Context:
    context = Context(platform=vocabulary.PLATFORM, language=vocabulary.LANGUAGE)
    if registration is not None:
        context.registration = uuid.UUID(str(registration))
    activities = ContextActivities()
    used = False
    if parent is not None:
        activities.parent = ActivityList([_activity(parent, full=False)])
        used = True
    grouping = [g for g in grouping if g is not None]
    if grouping:
        activities.grouping = ActivityList([_activity(g, full=False) for g in grouping])
        used = True
    category = list(category)
    if category:
        activities.category = ActivityList([TinCanActivity(id=iri) for iri in category])
        used = True
    if used:
        context.context_activities = activities
    return context


def _evidence(evidence, source: str) -> list[dict]:
    return [
        {"competency": competency, "level": level, "source": source}
        for competency, level in evidence
    ]


def _score(score_raw, score_max, score_min=0) -> Score:
    raw, high, low = float(score_raw), float(score_max), float(score_min)
    scaled = round((raw - low) / (high - low), 4) if high > low else 0.0
    return Score(raw=raw, min=low, max=high, scaled=max(-1.0, min(1.0, scaled)))


def _duration(duration) -> dt.timedelta | None:
    if duration is None:
        return None
    if isinstance(duration, dt.timedelta):
        return duration
    return dt.timedelta(seconds=float(duration))


def _build(
    *,
    user,
    verb,
    activity: Activity,
    context: Context,
    result: Result | None = None,
    timestamp: dt.datetime | None = None,
):
    statement = TinCanStatement(
        id=uuid.uuid4(),
        actor=_actor(user),
        verb=_verb(verb),
        object=_activity(activity),
        context=context,
        timestamp=timestamp or timezone.now(),
    )
    if result is not None:
        statement.result = result
    return statement


# The statements of an open ``batched()`` block, in the order the events happened.
_batch: ContextVar[list[dict] | None] = ContextVar("xapi_event_batch", default=None)


@contextmanager
def batched():
    """Store the statements of the events inside the block together when it ends.

    One insert and one projection run instead of one per event (an assessment's 40
    ``answered`` statements and its ``passed``). Inside the block the event functions
    return unsaved ``Statement`` objects. If the block raises, nothing is stored; the
    caller's transaction decides about everything else.
    """
    if _batch.get() is not None:  # already inside a batch: the outer block stores
        yield
        return
    pending: list[dict] = []
    token = _batch.set(pending)
    try:
        yield
    finally:
        _batch.reset(token)
    if pending and not services.is_replaying():
        services.statements_store(statements=pending, validated=True)


def _store(statement: TinCanStatement) -> Statement:
    """Validate and store a tincan statement; the JSON tincan emits is our input."""
    data = json.loads(statement.to_json())
    validate_statement(data)
    pending = _batch.get()
    if services.is_replaying() or pending is not None:
        if pending is not None:
            pending.append(data)
        return Statement(id=uuid.UUID(data["id"]), data=data, verb=data["verb"]["id"])
    return services.statements_store(statements=[data], validated=True)[0]


def lesson_experienced(
    *, user, lesson: Activity, course: Activity, registration, timestamp=None
) -> Statement:
    return _store(
        _build(
            user=user,
            verb=vocabulary.EXPERIENCED,
            activity=lesson,
            context=_context(registration=registration, parent=course),
            timestamp=timestamp,
        )
    )


def lesson_completed(
    *, user, lesson: Activity, course: Activity, registration, duration=None, timestamp=None
) -> Statement:
    return _store(
        _build(
            user=user,
            verb=vocabulary.COMPLETED,
            activity=lesson,
            context=_context(registration=registration, parent=course),
            result=Result(completion=True, duration=_duration(duration)),
            timestamp=timestamp,
        )
    )


def course_launched(*, user, course: Activity, registration, timestamp=None) -> Statement:
    return _store(
        _build(
            user=user,
            verb=vocabulary.LAUNCHED,
            activity=course,
            context=_context(registration=registration),
            timestamp=timestamp,
        )
    )


def course_completed(
    *, user, course: Activity, registration, duration=None, evidence=(), timestamp=None
) -> Statement:
    result = Result(completion=True, duration=_duration(duration))
    items = _evidence(evidence, "course")
    if items:
        result.extensions = Extensions({vocabulary.EXT_COMPETENCY_EVIDENCE: items})
    return _store(
        _build(
            user=user,
            verb=vocabulary.COMPLETED,
            activity=course,
            context=_context(registration=registration),
            result=result,
            timestamp=timestamp,
        )
    )


def question_answered(
    *,
    user,
    question: Activity,
    assessment: Activity,
    registration,
    response: str,
    success: bool,
    score_raw: float,
    score_max: float,
    course: Activity | None = None,
    timestamp=None,
) -> Statement:
    result = Result(
        response=str(response),
        success=bool(success),
        completion=True,
        score=_score(score_raw, score_max),
    )
    return _store(
        _build(
            user=user,
            verb=vocabulary.ANSWERED,
            activity=question,
            context=_context(
                registration=registration, parent=assessment, grouping=[course] if course else []
            ),
            result=result,
            timestamp=timestamp,
        )
    )


def assessment_completed(
    *,
    user,
    assessment: Activity,
    registration,
    passed: bool,
    score_raw,
    score_max,
    duration=None,
    course: Activity | None = None,
    evidence=(),
    timestamp=None,
) -> Statement:
    result = Result(
        score=_score(score_raw, score_max),
        success=bool(passed),
        completion=True,
        duration=_duration(duration),
    )
    items = _evidence(evidence, "assessment") if passed else []
    if items:
        result.extensions = Extensions({vocabulary.EXT_COMPETENCY_EVIDENCE: items})
    return _store(
        _build(
            user=user,
            verb=vocabulary.PASSED if passed else vocabulary.FAILED,
            activity=assessment,
            context=_context(registration=registration, parent=course),
            result=result,
            timestamp=timestamp,
        )
    )


def self_assessed(
    *, user, competency: Activity, level_uri: str, level_name: str, timestamp=None
) -> Statement:
    result = Result(
        extensions=Extensions(
            {vocabulary.EXT_SELF_ASSESSED_LEVEL: {"level": level_uri, "name": level_name}}
        )
    )
    return _store(
        _build(
            user=user,
            verb=vocabulary.SELF_ASSESSED,
            activity=competency,
            context=_context(),
            result=result,
            timestamp=timestamp,
        )
    )


def competency_validated(
    *, user, competency: Activity, level_uri: str, validator, note: str = "", timestamp=None
) -> Statement:
    """``timestamp``: when the competency was observed (default: now)."""
    extensions = {
        vocabulary.EXT_COMPETENCY_EVIDENCE: _evidence([(competency.iri, level_uri)], "validation")
    }
    if note:
        extensions[vocabulary.EXT_VALIDATION_NOTE] = note
    context = _context()
    context.instructor = _actor(validator)
    return _store(
        _build(
            user=user,
            verb=vocabulary.VALIDATED,
            activity=competency,
            context=context,
            result=Result(success=True, extensions=Extensions(extensions)),
            timestamp=timestamp,
        )
    )


def certificate_earned(
    *, user, course: Activity, registration, certificate: Activity, timestamp=None
) -> Statement:
    return _store(
        _build(
            user=user,
            verb=vocabulary.EARNED,
            activity=certificate,
            context=_context(registration=registration, grouping=[course]),
            timestamp=timestamp,
        )
    )
