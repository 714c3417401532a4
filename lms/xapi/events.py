"""The platform's learning events: one keyword-only builder per event, and ``record``.

Each builder returns the event's statement as xAPI JSON, built with tincan, with the
platform's vocabulary (``vocabulary``) and the person's pseudonymous account. It stores
nothing. Services record what happened with ``record(statement)`` (through
``services.statements_store``, in the caller's transaction; the projections run there);
projections return built statements as ``FollowUp``s instead, and the store records them.
Golden files (``tests/xapi/golden/``) pin what every builder produces.

Answer keys are left out of question definitions: statements leave the platform through
the LRS API and forwarding, and a key must not.
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
    if not full or not (activity.name or activity.type):
        return TinCanActivity(id=activity.iri)
    definition = ActivityDefinition(type=activity.type)
    if activity.name:
        definition.name = _language_map(activity.name)
    if activity.description:
        definition.description = _language_map(activity.description)
    interaction = activity.interaction or {}
    if interaction:
        definition.interaction_type = interaction["interactionType"]
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


def _evidence(evidence, source: str, expires: dt.datetime | None = None) -> list[dict]:
    items = [
        {"competency": competency, "level": level, "source": source}
        for competency, level in evidence
    ]
    if expires is not None:
        # Evidence from a course with a validity period ends with the completion; the
        # statement carries the date so a rebuild finds the same expiry.
        for item in items:
            item["expires"] = expires.isoformat()
    return items


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
    return json.loads(statement.to_json())


# The statements of an open ``batched()`` block, in the order the events happened.
_batch: ContextVar[list[dict] | None] = ContextVar("xapi_event_batch", default=None)


@contextmanager
def batched():
    """Store the statements recorded inside the block together when it ends.

    One insert and one projection run instead of one per event (an assessment's 40
    ``answered`` statements and its ``passed``). Inside the block ``record`` returns
    unsaved ``Statement`` objects. If the block raises, nothing is stored; the caller's
    transaction decides about everything else.
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
    if pending:
        services.statements_store(statements=pending)


def record(statement: dict) -> dict:
    """Record a statement a builder made, as the platform; return the stored row.

    Inside ``batched()`` the row is not stored yet (it is, with the block's others, when
    the block ends).
    """
    pending = _batch.get()
    if pending is not None:
        pending.append(statement)
        return Statement(
            id=uuid.UUID(statement["id"]), data=statement, verb=statement["verb"]["id"]
        )
    return services.statements_store(statements=[statement]).stored[0]


def lesson_experienced(
    *, user, lesson: Activity, course: Activity, registration, timestamp=None
) -> dict:
    return _build(
        user=user,
        verb=vocabulary.EXPERIENCED,
        activity=lesson,
        context=_context(registration=registration, parent=course),
        timestamp=timestamp,
    )


def lesson_completed(
    *, user, lesson: Activity, course: Activity, registration, duration=None, timestamp=None
) -> dict:
    return _build(
        user=user,
        verb=vocabulary.COMPLETED,
        activity=lesson,
        context=_context(registration=registration, parent=course),
        result=Result(completion=True, duration=_duration(duration)),
        timestamp=timestamp,
    )


def course_launched(*, user, course: Activity, registration, timestamp=None) -> dict:
    return _build(
        user=user,
        verb=vocabulary.LAUNCHED,
        activity=course,
        context=_context(registration=registration),
        timestamp=timestamp,
    )


def course_completed(
    *,
    user,
    course: Activity,
    registration,
    duration=None,
    evidence=(),
    evidence_expires: dt.datetime | None = None,
    timestamp=None,
) -> dict:
    result = Result(completion=True, duration=_duration(duration))
    items = _evidence(evidence, "course", evidence_expires)
    if items:
        result.extensions = Extensions({vocabulary.EXT_COMPETENCY_EVIDENCE: items})
    return _build(
        user=user,
        verb=vocabulary.COMPLETED,
        activity=course,
        context=_context(registration=registration),
        result=result,
        timestamp=timestamp,
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
) -> dict:
    result = Result(
        response=str(response),
        success=bool(success),
        completion=True,
        score=_score(score_raw, score_max),
    )
    return _build(
        user=user,
        verb=vocabulary.ANSWERED,
        activity=question,
        context=_context(
            registration=registration, parent=assessment, grouping=[course] if course else []
        ),
        result=result,
        timestamp=timestamp,
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
) -> dict:
    result = Result(
        score=_score(score_raw, score_max),
        success=bool(passed),
        completion=True,
        duration=_duration(duration),
    )
    items = _evidence(evidence, "assessment") if passed else []
    if items:
        result.extensions = Extensions({vocabulary.EXT_COMPETENCY_EVIDENCE: items})
    return _build(
        user=user,
        verb=vocabulary.PASSED if passed else vocabulary.FAILED,
        activity=assessment,
        context=_context(registration=registration, parent=course),
        result=result,
        timestamp=timestamp,
    )


def self_assessed(
    *, user, competency: Activity, level_uri: str, level_name: str, timestamp=None
) -> dict:
    result = Result(
        extensions=Extensions(
            {vocabulary.EXT_SELF_ASSESSED_LEVEL: {"level": level_uri, "name": level_name}}
        )
    )
    return _build(
        user=user,
        verb=vocabulary.SELF_ASSESSED,
        activity=competency,
        context=_context(),
        result=result,
        timestamp=timestamp,
    )


def competency_validated(
    *, user, competency: Activity, level_uri: str, validator, note: str = "", timestamp=None
) -> dict:
    """``timestamp``: when the competency was observed (default: now)."""
    extensions = {
        vocabulary.EXT_COMPETENCY_EVIDENCE: _evidence([(competency.iri, level_uri)], "validation")
    }
    if note:
        extensions[vocabulary.EXT_VALIDATION_NOTE] = note
    context = _context()
    context.instructor = _actor(validator)
    return _build(
        user=user,
        verb=vocabulary.VALIDATED,
        activity=competency,
        context=context,
        result=Result(success=True, extensions=Extensions(extensions)),
        timestamp=timestamp,
    )


def simulator_explored(
    *,
    user,
    simulator: Activity,
    lesson: Activity,
    registration,
    case: dict,
    explored: int,
    timestamp=None,
) -> dict:
    """One summary of a learner's exploration of a decision simulator (not one per change).

    ``case``: the inputs the learner settled on, the result and the rule that decided it;
    ``explored``: how many cases the learner evaluated before.
    """
    return _build(
        user=user,
        verb=vocabulary.INTERACTED,
        activity=simulator,
        context=_context(registration=registration, parent=lesson),
        result=Result(
            extensions=Extensions(
                {
                    vocabulary.EXT_SIMULATOR_CASE: case,
                    vocabulary.EXT_SIMULATOR_EXPLORED: max(int(explored), 0),
                }
            )
        ),
        timestamp=timestamp,
    )


def simulator_answered(
    *,
    user,
    simulator: Activity,
    lesson: Activity,
    registration,
    response: str,
    rubric: dict,
    score_raw: int,
    score_max: int,
    passed: bool,
    evidence=(),
    timestamp=None,
) -> dict:
    """A learner's explanation of a simulated decision, with the rubric's result.

    ``rubric``: each check's key and whether it passed, and the minimum. Evidence is
    claimed only when the rubric's minimum is met (``passed``).
    """
    extensions = {vocabulary.EXT_RUBRIC: rubric}
    items = _evidence(evidence, "assessment") if passed else []
    if items:
        extensions[vocabulary.EXT_COMPETENCY_EVIDENCE] = items
    return _build(
        user=user,
        verb=vocabulary.ANSWERED,
        activity=simulator,
        context=_context(registration=registration, parent=lesson),
        result=Result(
            response=str(response),
            success=bool(passed),
            completion=True,
            score=_score(score_raw, score_max),
            extensions=Extensions(extensions),
        ),
        timestamp=timestamp,
    )


def certificate_earned(
    *, user, course: Activity, registration, certificate: Activity, timestamp=None
) -> dict:
    return _build(
        user=user,
        verb=vocabulary.EARNED,
        activity=certificate,
        context=_context(registration=registration, grouping=[course]),
        timestamp=timestamp,
    )


# --- cmi5: what the LMS itself states in a cmi5 session (cmi5 9.3, 9.5, 10) -------------


def cmi5_context_template(*, publisher_id: str, session_id) -> dict:
    """The context every statement of a cmi5 session carries (also in ``LMS.LaunchData``)."""
    return {
        "contextActivities": {"grouping": [{"id": publisher_id, "objectType": "Activity"}]},
        "extensions": {vocabulary.CMI5_EXT_SESSION: str(session_id)},
    }


def _cmi5_context(
    *, registration, publisher_id: str, session_id, move_on: bool = False, extensions=None
) -> Context:
    categories = [vocabulary.CMI5_CATEGORY]
    if move_on:
        categories.append(vocabulary.CMI5_MOVE_ON_CATEGORY)
    context = _context(
        registration=registration,
        grouping=[Activity(iri=publisher_id, name="", type="")],
        category=categories,
    )
    context.extensions = Extensions(
        {vocabulary.CMI5_EXT_SESSION: str(session_id), **(extensions or {})}
    )
    return context


def _au(activity_id: str) -> Activity:
    return Activity(iri=activity_id, name="", type="")


def cmi5_launched(
    *,
    user,
    activity_id: str,
    registration,
    publisher_id: str,
    session_id,
    launch_mode: str,
    launch_url: str,
    move_on: str,
    launch_parameters: str = "",
    mastery_score: float | None = None,
    timestamp=None,
) -> dict:
    """The LMS launched an AU (cmi5 9.3.1), with the launch's mode, URL and moveOn."""
    extensions = {
        vocabulary.CMI5_EXT_LAUNCH_MODE: launch_mode,
        vocabulary.CMI5_EXT_LAUNCH_URL: launch_url,
        vocabulary.CMI5_EXT_MOVE_ON: move_on,
    }
    if launch_parameters:
        extensions[vocabulary.CMI5_EXT_LAUNCH_PARAMETERS] = launch_parameters
    if mastery_score is not None:
        extensions[vocabulary.CMI5_EXT_MASTERY_SCORE] = mastery_score
    return _build(
        user=user,
        verb=vocabulary.LAUNCHED,
        activity=_au(activity_id),
        context=_cmi5_context(
            registration=registration,
            publisher_id=publisher_id,
            session_id=session_id,
            extensions=extensions,
        ),
        timestamp=timestamp,
    )


def cmi5_abandoned(
    *, user, activity_id: str, registration, publisher_id: str, session_id, duration, timestamp=None
) -> dict:
    """A session that never terminated, abandoned by the LMS (cmi5 9.3.8)."""
    seconds = max(int(_duration(duration).total_seconds()), 0)
    return _build(
        user=user,
        verb=vocabulary.ABANDONED,
        activity=_au(activity_id),
        context=_cmi5_context(
            registration=registration, publisher_id=publisher_id, session_id=session_id
        ),
        result=Result(duration=dt.timedelta(seconds=seconds)),
        timestamp=timestamp,
    )


def cmi5_waived(
    *, user, activity_id: str, registration, publisher_id: str, reason: str, timestamp=None
) -> dict:
    """The learner need not take the AU (cmi5 9.3.9); outside any launch, so a new session."""
    return _build(
        user=user,
        verb=vocabulary.WAIVED,
        activity=_au(activity_id),
        context=_cmi5_context(
            registration=registration,
            publisher_id=publisher_id,
            session_id=uuid.uuid4(),
            move_on=True,
        ),
        result=Result(
            success=True,
            completion=True,
            extensions=Extensions({vocabulary.CMI5_EXT_REASON: reason}),
        ),
        timestamp=timestamp,
    )


def cmi5_satisfied(
    *, user, block: Activity, registration, publisher_id: str, session_id, timestamp=None
) -> dict:
    """Every AU of a block or of the course met its moveOn (cmi5 9.3.7).

    ``block``: the block's or the course's activity (type cmi5 block or course).
    """
    return _build(
        user=user,
        verb=vocabulary.SATISFIED,
        activity=block,
        context=_cmi5_context(
            registration=registration,
            publisher_id=publisher_id,
            session_id=session_id,
            move_on=True,
        ),
        timestamp=timestamp,
    )


# --- SCORM (the ADL SCORM profile for xAPI) --------------------------------------------
# Built by ``lms.packages.scorm`` from what a SCO reported and stored with the launch's
# own credential (not as the platform), like the statements of cmi5 content.


@dataclass(frozen=True)
class ScormAttempt:
    """Where a SCORM statement belongs: the SCO, its package and the attempt number."""

    sco: Activity
    package: Activity
    registration: uuid.UUID
    number: int


def _scorm_context(attempt: ScormAttempt) -> Context:
    return _context(
        registration=attempt.registration,
        parent=attempt.package,
        grouping=[
            Activity(iri=f"{attempt.sco.iri}#attempt-{attempt.number}", name="", type=""),
        ],
        category=[vocabulary.SCORM_PROFILE_CATEGORY],
    )


def _scorm(verb, *, user, attempt: ScormAttempt, result=None, timestamp=None, activity=None):
    return _build(
        user=user,
        verb=verb,
        activity=activity or attempt.sco,
        context=_scorm_context(attempt),
        result=result,
        timestamp=timestamp,
    )


def _scorm_score(scaled, raw=None, low=None, high=None) -> Score | None:
    if scaled is None and raw is None:
        return None
    score = Score()
    if scaled is not None:
        score.scaled = max(-1.0, min(1.0, float(scaled)))
    if raw is not None:
        score.raw = float(raw)
        if low is not None:
            score.min = float(low)
        if high is not None:
            score.max = float(high)
        if (
            score.min is not None
            and score.max is not None
            and not (score.min <= score.raw <= score.max)
        ):
            score.min = score.max = None
    return score


def scorm_initialized(*, user, attempt: ScormAttempt, timestamp=None) -> dict:
    """The SCO began a new attempt (LMSInitialize / Initialize)."""
    return _scorm(vocabulary.INITIALIZED, user=user, attempt=attempt, timestamp=timestamp)


def scorm_resumed(*, user, attempt: ScormAttempt, timestamp=None) -> dict:
    """The SCO continued a suspended attempt (entry ``resume``)."""
    return _scorm(vocabulary.RESUMED, user=user, attempt=attempt, timestamp=timestamp)


def scorm_suspended(*, user, attempt: ScormAttempt, duration, timestamp=None) -> dict:
    """The SCO ended its session with exit ``suspend``: the attempt goes on next time."""
    return _scorm(
        vocabulary.SUSPENDED,
        user=user,
        attempt=attempt,
        result=Result(duration=_duration(duration)),
        timestamp=timestamp,
    )


def scorm_terminated(*, user, attempt: ScormAttempt, duration, timestamp=None) -> dict:
    """The SCO ended its session (LMSFinish / Terminate) without suspending."""
    return _scorm(
        vocabulary.TERMINATED,
        user=user,
        attempt=attempt,
        result=Result(duration=_duration(duration)),
        timestamp=timestamp,
    )


def scorm_completed(*, user, attempt: ScormAttempt, timestamp=None) -> dict:
    return _scorm(
        vocabulary.COMPLETED,
        user=user,
        attempt=attempt,
        result=Result(completion=True),
        timestamp=timestamp,
    )


def scorm_passed(
    *,
    user,
    attempt: ScormAttempt,
    passed: bool,
    scaled=None,
    raw=None,
    low=None,
    high=None,
    timestamp=None,
) -> dict:
    """The SCO's success status became passed or failed, with its score if it has one."""
    result = Result(success=passed)
    score = _scorm_score(scaled, raw, low, high)
    if score is not None:
        result.score = score
    return _scorm(
        vocabulary.PASSED if passed else vocabulary.FAILED,
        user=user,
        attempt=attempt,
        result=result,
        timestamp=timestamp,
    )


def scorm_answered(
    *, user, attempt: ScormAttempt, interaction: dict, interaction_iri: str, timestamp=None
) -> dict:
    """An interaction the SCO recorded (``cmi.interactions.n``), as a cmi.interaction."""
    kind = interaction.get("type") or "other"
    definition = {"interactionType": kind}
    activity = Activity(
        iri=interaction_iri,
        name=interaction.get("description") or interaction["id"],
        type=vocabulary.TYPE_QUESTION,
        interaction=definition,
    )
    result = Result(response=interaction.get("response") or "")
    outcome = interaction.get("result") or ""
    if outcome == "correct":
        result.success = True
    elif outcome in ("wrong", "incorrect"):
        result.success = False
    return _scorm(
        vocabulary.ANSWERED,
        user=user,
        attempt=attempt,
        activity=activity,
        result=result,
        timestamp=timestamp,
    )
