"""The cmi5 rules the LMS enforces on an AU's statements (cmi5 sections 9.3 and 9.5): pure.

cmi5 6.3 lets the LMS reject statements that break the statement rules (and obliges it
to void those it does not reject); the platform rejects them, so the record never holds a
second ``passed`` or a ``completed`` after ``terminated``. What is checked:

- the session: nothing after ``abandoned``; ``initialized`` first; nothing after
  ``terminated`` (statements already in flight, timestamped before it, are accepted for
  ``grace`` after it was stored); every cmi5 statement carries this launch's session id;
- per session: no cmi5 verb twice, not both ``passed`` and ``failed``;
- per registration and AU: at most one ``completed`` and one ``passed``, no ``failed``
  after ``passed``;
- ``Browse`` and ``Review`` launches record nothing but ``initialized`` and ``terminated``;
- the result of each verb: success, completion and score only where cmi5 allows them,
  duration where it requires it, and a scaled score consistent with the mastery score.

The rules treat every statement about the AU with a cmi5 verb as cmi5 defined, with or
without the cmi5 category: that is what the progress projection counts, so leaving the
category out must not be a way round them. The order is the timestamps' order (9.3).
"""

import datetime as dt
from dataclasses import dataclass

from lms.xapi import vocabulary
from lms.xapi.validation import parse_timestamp

_AU_VERBS = (
    vocabulary.INITIALIZED,
    vocabulary.COMPLETED,
    vocabulary.PASSED,
    vocabulary.FAILED,
    vocabulary.TERMINATED,
)
INITIALIZED, COMPLETED, PASSED, FAILED, TERMINATED = (verb.id for verb in _AU_VERBS)
AU_VERBS = frozenset(verb.id for verb in _AU_VERBS)
NAMES = {verb.id: verb.display_en for verb in _AU_VERBS}
NEEDS_DURATION = frozenset({COMPLETED, PASSED, FAILED, TERMINATED})


@dataclass(frozen=True)
class Session:
    """The launch the credential belongs to."""

    session_id: str
    au_activity_id: str
    launch_mode: str = "Normal"
    mastery_score: float | None = None
    abandoned: bool = False


@dataclass(frozen=True)
class Recorded:
    """A cmi5 statement about the AU already stored in the registration."""

    verb: str
    session_id: str
    timestamp: dt.datetime
    stored: dt.datetime


@dataclass(frozen=True)
class Refusal:
    index: int
    message: str


def session_id_of(statement: dict) -> str | None:
    extensions = (statement.get("context") or {}).get("extensions") or {}
    value = extensions.get(vocabulary.CMI5_EXT_SESSION) if isinstance(extensions, dict) else None
    return str(value).lower() if value is not None else None


def refusal(
    *,
    session: Session,
    recorded: list[Recorded],
    statements: list[dict],
    now: dt.datetime,
    grace: dt.timedelta,
    known_ids: frozenset[str] | set[str] = frozenset(),
) -> Refusal | None:
    """The first statement of ``statements`` that breaks a cmi5 rule, or ``None``.

    Statements whose id is in ``known_ids`` are already stored (sent again): the LRS skips
    them or answers 409, so the rules leave them alone.
    """
    if session.abandoned:
        return Refusal(0, "the cmi5 session was abandoned; launch the AU again")
    own = session.session_id.lower()
    in_session = {r.verb for r in recorded if r.session_id == own}
    in_registration = {r.verb for r in recorded}
    terminated = next((r for r in recorded if r.session_id == own and r.verb == TERMINATED), None)
    ordered = sorted(
        enumerate(statements),
        key=lambda pair: (parse_timestamp(pair[1].get("timestamp")) or now, pair[0]),
    )
    for index, statement in ordered:
        if str(statement.get("id", "")).lower() in known_ids:
            continue
        where = f"statements[{index}]"
        verb = (statement.get("verb") or {}).get("id", "")
        about_au = (statement.get("object") or {}).get("id") == session.au_activity_id
        is_au_verb = about_au and verb in AU_VERBS
        session_id = session_id_of(statement)
        if session_id is None and not is_au_verb:
            continue  # not a cmi5 statement: only the credential's scope applies
        if session_id != own:
            return Refusal(
                index,
                f"{where}.context.extensions: this launch's cmi5 session id is missing or wrong",
            )
        timestamp = parse_timestamp(statement.get("timestamp")) or now
        if terminated is not None and (
            timestamp >= terminated.timestamp or now - terminated.stored > grace
        ):
            return Refusal(index, f"{where}: the cmi5 session has already terminated")
        if INITIALIZED not in in_session and not (is_au_verb and verb == INITIALIZED):
            return Refusal(index, f"{where}: a cmi5 session starts with 'initialized'")
        if not is_au_verb:
            continue  # cmi5 allowed: recorded, not part of the session rules
        problem = _verb_problem(verb, in_session, in_registration, session.launch_mode)
        problem = problem or _result_problem(verb, statement.get("result"), session.mastery_score)
        if problem:
            return Refusal(index, f"{where}{problem}")
        in_session.add(verb)
        in_registration.add(verb)
        if verb == TERMINATED:
            terminated = Recorded(verb, own, timestamp, now)
    return None


def _verb_problem(verb, in_session, in_registration, launch_mode) -> str | None:
    name = NAMES[verb]
    if launch_mode != "Normal" and verb not in (INITIALIZED, TERMINATED):
        return f".verb: a {launch_mode} launch records only 'initialized' and 'terminated'"
    if verb in in_session:
        return f".verb: '{name}' was already recorded in this cmi5 session"
    if verb in (PASSED, FAILED) and in_session & {PASSED, FAILED}:
        return ".verb: a cmi5 session records either 'passed' or 'failed', not both"
    if verb in (COMPLETED, PASSED) and verb in in_registration:
        return f".verb: '{name}' was already recorded for this AU in this registration"
    if verb == FAILED and PASSED in in_registration:
        return ".verb: 'failed' cannot follow 'passed' in the same registration"
    return None


def _result_problem(verb, result, mastery_score) -> str | None:
    result = result if isinstance(result, dict) else {}
    name = NAMES[verb]
    if verb in NEEDS_DURATION and "duration" not in result:
        return f".result.duration: required in a cmi5 '{name}' statement"
    if "score" in result and verb not in (PASSED, FAILED):
        return f".result.score: not allowed in a cmi5 '{name}' statement"
    if verb in (PASSED, FAILED):
        if result.get("success") is not (verb == PASSED):
            return f".result.success: must be {str(verb == PASSED).lower()} for '{name}'"
    elif "success" in result:
        return f".result.success: not allowed in a cmi5 '{name}' statement"
    if verb == COMPLETED:
        if result.get("completion") is not True:
            return ".result.completion: must be true for 'completed'"
    elif "completion" in result:
        return f".result.completion: not allowed in a cmi5 '{name}' statement"
    scaled = (result.get("score") or {}).get("scaled")
    if mastery_score is not None and isinstance(scaled, int | float):
        if verb == PASSED and scaled < mastery_score:
            return f".result.score.scaled: below the mastery score {mastery_score} for 'passed'"
        if verb == FAILED and scaled >= mastery_score:
            return f".result.score.scaled: reaches the mastery score {mastery_score} for 'failed'"
    return None
