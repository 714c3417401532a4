"""The SCORM run-time data the platform accepts from a player: validation and time formats.

Pure functions, no database. The player sends what scorm-again's ``cmi.toJSON()`` gives;
only the elements a SCO may write are kept, each checked against the SCORM data model
(type, vocabulary, length). Anything else the SCO could have set (read-only elements such
as ``cmi.core.student_id``) is dropped: the server sets those itself. A value outside the
model raises ``CmiError`` with the element's name, which the endpoint answers with 400.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

SCORM_12 = "1.2"
SCORM_2004 = "2004"

MAX_INTERACTIONS = 250
MAX_OBJECTIVES = 100
MAX_CORRECT_RESPONSES = 10


class CmiError(ValueError):
    def __init__(self, element: str, message: str):
        super().__init__(f"{element}: {message}")
        self.element = element
        self.message = message


@dataclass(frozen=True)
class Limits:
    location: int
    suspend_data: int
    comments: int
    identifier: int
    response: int
    description: int


LIMITS = {
    # SCORM 1.2 RTE 3.4: CMIString255 / CMIString4096 / CMIIdentifier (255).
    SCORM_12: Limits(
        location=255, suspend_data=4096, comments=4096, identifier=255, response=255, description=0
    ),
    # SCORM 2004 4th ed. RTE 4.2: SPM of location 1000, suspend_data 64000, identifiers 4000
    # (we keep 255 for interaction ids: they become part of an activity IRI).
    SCORM_2004: Limits(
        location=1000,
        suspend_data=64000,
        comments=4000,
        identifier=255,
        response=4000,
        description=250,
    ),
}

LESSON_STATUS = {"passed", "completed", "failed", "incomplete", "browsed", "not attempted"}
EXIT_12 = {"time-out", "suspend", "logout", ""}
COMPLETION_STATUS = {"completed", "incomplete", "not attempted", "unknown"}
SUCCESS_STATUS = {"passed", "failed", "unknown"}
EXIT_2004 = {"time-out", "suspend", "logout", "normal", ""}
INTERACTION_TYPES_12 = {
    "true-false",
    "choice",
    "fill-in",
    "matching",
    "performance",
    "sequencing",
    "likert",
    "numeric",
}
INTERACTION_TYPES_2004 = INTERACTION_TYPES_12 | {"long-fill-in", "other"}
RESULTS_12 = {"correct", "wrong", "unanticipated", "neutral"}
RESULTS_2004 = {"correct", "incorrect", "unanticipated", "neutral"}

_TIMESPAN_12 = re.compile(r"^(\d{2,4}):([0-5]\d):([0-5]\d)(\.\d{1,2})?$")
_DURATION_2004 = re.compile(
    r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?"
    r"(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?)?$"
)
_TIME_12 = re.compile(r"^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$")
_TIMESTAMP_2004 = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2}(\.\d{1,2})?)?)?)?)?)?")
_IDENTIFIER = re.compile(r"^\S+$")


def parse_timespan_12(value: str) -> float:
    """CMITimespan ``HHHH:MM:SS.SS`` in seconds; ``CmiError`` otherwise."""
    match = _TIMESPAN_12.match(value)
    if not match:
        raise CmiError("cmi.core.session_time", "not a CMITimespan (HHHH:MM:SS.SS)")
    hours, minutes, seconds, fraction = match.groups()
    return int(hours) * 3600 + int(minutes) * 60 + int(seconds) + float(fraction or 0)


def parse_duration_2004(value: str) -> float:
    """An ISO 8601 duration (``PT1H2M3.5S``) in seconds; ``CmiError`` otherwise."""
    match = _DURATION_2004.match(value)
    if not match or value in ("P", "PT") or value.endswith("T"):
        raise CmiError("cmi.session_time", "not an ISO 8601 duration (e.g. PT1M30S)")
    years, months, days, hours, minutes, seconds = match.groups()
    return (
        int(years or 0) * 365 * 86400
        + int(months or 0) * 30 * 86400
        + int(days or 0) * 86400
        + int(hours or 0) * 3600
        + int(minutes or 0) * 60
        + float(seconds or 0)
    )


def format_timespan_12(seconds: float) -> str:
    seconds = max(0.0, min(seconds, 9999 * 3600 + 3599.99))
    whole = int(seconds)
    hundredths = round((seconds - whole) * 100)
    if hundredths == 100:
        whole, hundredths = whole + 1, 0
    text = f"{whole // 3600:04d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
    return f"{text}.{hundredths:02d}" if hundredths else text


def format_duration_2004(seconds: float) -> str:
    seconds = max(0.0, seconds)
    whole = int(seconds)
    hundredths = round((seconds - whole) * 100)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{secs}.{hundredths:02d}" if hundredths else f"{secs}"
    return f"PT{hours}H{minutes}M{text}S"


def _text(value, element: str, limit: int, *, required_type=str) -> str:
    if value is None:
        return ""
    if not isinstance(value, required_type):
        raise CmiError(element, "must be a string")
    if len(value) > limit:
        raise CmiError(element, f"longer than {limit} characters")
    if "\x00" in value:
        raise CmiError(element, "contains a NUL character")
    return value


def _choice(value, element: str, allowed: set[str]) -> str:
    value = _text(value, element, 64)
    if value not in allowed:
        raise CmiError(element, f"must be one of {', '.join(sorted(v or '“”' for v in allowed))}")
    return value


def _decimal(value, element: str, low=None, high=None) -> str:
    """A CMIDecimal / real(10,7) given as a string (or ""), within ``low``..``high``."""
    value = _text(value, element, 32)
    if value == "":
        return ""
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise CmiError(element, "not a number") from None
    if not number.is_finite():
        raise CmiError(element, "not a number")
    if (low is not None and number < low) or (high is not None and number > high):
        raise CmiError(element, f"outside {low}…{high}")
    return value


def _identifier(value, element: str, limit: int, *, required: bool = False) -> str:
    value = _text(value, element, limit)
    if value and not _IDENTIFIER.match(value):
        raise CmiError(element, "an identifier must not contain spaces")
    if required and not value:
        raise CmiError(element, "is required")
    return value


def _indexed(value, element: str, limit: int) -> list:
    """scorm-again writes collections as ``{"0": {...}, "1": {...}}``; lists are accepted too."""
    if value in (None, ""):
        return []
    if isinstance(value, list):
        items = value
    elif isinstance(value, dict):
        if "childArray" in value:  # older scorm-again shapes
            return _indexed(value["childArray"], element, limit)
        try:
            keys = sorted(value, key=int)
        except ValueError:
            raise CmiError(element, "is not a collection") from None
        if keys != [str(i) for i in range(len(keys))]:
            raise CmiError(element, "has gaps in its indexes")
        items = [value[k] for k in keys]
    else:
        raise CmiError(element, "is not a collection")
    if len(items) > limit:
        raise CmiError(element, f"more than {limit} entries")
    for item in items:
        if not isinstance(item, dict):
            raise CmiError(element, "entries must be objects")
    return items


def _dict(value, element: str) -> dict:
    if value in (None, ""):
        return {}
    if not isinstance(value, dict):
        raise CmiError(element, "must be an object")
    return value


def _score(value, element: str, version: str) -> dict:
    value = _dict(value, element)
    score = {
        "raw": _decimal(value.get("raw"), f"{element}.raw"),
        "min": _decimal(value.get("min"), f"{element}.min"),
        "max": _decimal(value.get("max"), f"{element}.max"),
    }
    if version == SCORM_12:
        for key in score:
            score[key] = _decimal(score[key], f"{element}.{key}", Decimal(0), Decimal(100))
    else:
        score["scaled"] = _decimal(
            value.get("scaled"), f"{element}.scaled", Decimal(-1), Decimal(1)
        )
    return score


def _responses(value, element: str, limits: Limits) -> list[str]:
    return [
        _text(item.get("pattern"), f"{element}.{i}.pattern", limits.response)
        for i, item in enumerate(_indexed(value, element, MAX_CORRECT_RESPONSES))
    ]


def _interaction(item: dict, element: str, version: str, limits: Limits) -> dict:
    types = INTERACTION_TYPES_12 if version == SCORM_12 else INTERACTION_TYPES_2004
    results = RESULTS_12 if version == SCORM_12 else RESULTS_2004
    kind = _text(item.get("type"), f"{element}.type", 20)
    if kind and kind not in types:
        raise CmiError(f"{element}.type", f"must be one of {', '.join(sorted(types))}")
    result = _text(item.get("result"), f"{element}.result", 32)
    if result and result not in results:
        _decimal(result, f"{element}.result")
    response_key = "student_response" if version == SCORM_12 else "learner_response"
    interaction = {
        "id": _identifier(item.get("id"), f"{element}.id", limits.identifier, required=True),
        "type": kind,
        "response": _text(item.get(response_key), f"{element}.{response_key}", limits.response),
        "result": result,
        "weighting": _decimal(item.get("weighting"), f"{element}.weighting"),
        "correct_responses": _responses(
            item.get("correct_responses"), f"{element}.correct_responses", limits
        ),
    }
    latency = _text(item.get("latency"), f"{element}.latency", 64)
    if latency:
        if version == SCORM_12:
            parse_timespan_12(latency)
        else:
            parse_duration_2004(latency)
    interaction["latency"] = latency
    when_key = "time" if version == SCORM_12 else "timestamp"
    when = _text(item.get(when_key), f"{element}.{when_key}", 64)
    pattern = _TIME_12 if version == SCORM_12 else _TIMESTAMP_2004
    if when and not pattern.match(when):
        raise CmiError(f"{element}.{when_key}", "not a valid time")
    interaction["time"] = when
    if version == SCORM_2004:
        interaction["description"] = _text(
            item.get("description"), f"{element}.description", limits.description
        )
    return interaction


def _objective(item: dict, element: str, version: str, limits: Limits) -> dict:
    objective = {
        "id": _identifier(item.get("id"), f"{element}.id", limits.identifier, required=True),
        "score": _score(item.get("score"), f"{element}.score", version),
    }
    if version == SCORM_12:
        status = _text(item.get("status"), f"{element}.status", 20)
        if status and status not in LESSON_STATUS:
            raise CmiError(f"{element}.status", "not a lesson status")
        objective["status"] = status
    else:
        objective["success_status"] = _choice(
            item.get("success_status") or "unknown", f"{element}.success_status", SUCCESS_STATUS
        )
        objective["completion_status"] = _choice(
            item.get("completion_status") or "unknown",
            f"{element}.completion_status",
            COMPLETION_STATUS,
        )
    return objective


@dataclass
class Cmi:
    """What a SCO reported, validated; the same fields for both versions."""

    completion_status: str  # 1.2: the lesson_status; 2004: completion_status
    success_status: str  # 1.2: passed/failed/unknown from lesson_status; 2004: as sent
    score: dict
    location: str
    suspend_data: str
    exit: str
    session_seconds: float
    interactions: list[dict]
    objectives: list[dict]
    comments: str
    preferences: dict
    progress_measure: str = ""


def _preferences(value, element: str, version: str) -> dict:
    value = _dict(value, element)
    if version == SCORM_12:
        prefs = {
            "audio": _decimal(value.get("audio"), f"{element}.audio", Decimal(-1), Decimal(100)),
            "language": _text(value.get("language"), f"{element}.language", 255),
            "speed": _decimal(value.get("speed"), f"{element}.speed", Decimal(-100), Decimal(100)),
            "text": _decimal(value.get("text"), f"{element}.text", Decimal(-1), Decimal(1)),
        }
    else:
        prefs = {
            "audio_level": _decimal(value.get("audio_level"), f"{element}.audio_level", Decimal(0)),
            "language": _text(value.get("language"), f"{element}.language", 250),
            "delivery_speed": _decimal(
                value.get("delivery_speed"), f"{element}.delivery_speed", Decimal(0)
            ),
            "audio_captioning": _decimal(
                value.get("audio_captioning"),
                f"{element}.audio_captioning",
                Decimal(-1),
                Decimal(1),
            ),
        }
    return prefs


def parse_cmi(data, version: str) -> Cmi:
    """Validate a player's ``cmi`` object; ``CmiError`` names the first bad element."""
    limits = LIMITS[version]
    data = _dict(data, "cmi")
    if version == SCORM_12:
        core = _dict(data.get("core"), "cmi.core")
        status = _text(core.get("lesson_status"), "cmi.core.lesson_status", 20) or "not attempted"
        if status not in LESSON_STATUS:
            raise CmiError("cmi.core.lesson_status", "not a lesson status")
        session = _text(core.get("session_time"), "cmi.core.session_time", 16)
        comments = data.get("comments")
        return Cmi(
            completion_status=status,
            success_status=status if status in ("passed", "failed") else "unknown",
            score=_score(core.get("score"), "cmi.core.score", version),
            location=_text(
                core.get("lesson_location"), "cmi.core.lesson_location", limits.location
            ),
            suspend_data=_text(data.get("suspend_data"), "cmi.suspend_data", limits.suspend_data),
            exit=_choice(core.get("exit") or "", "cmi.core.exit", EXIT_12),
            session_seconds=parse_timespan_12(session) if session else 0.0,
            interactions=[
                _interaction(item, f"cmi.interactions.{i}", version, limits)
                for i, item in enumerate(
                    _indexed(data.get("interactions"), "cmi.interactions", MAX_INTERACTIONS)
                )
            ],
            objectives=[
                _objective(item, f"cmi.objectives.{i}", version, limits)
                for i, item in enumerate(
                    _indexed(data.get("objectives"), "cmi.objectives", MAX_OBJECTIVES)
                )
            ],
            comments=_text(comments, "cmi.comments", limits.comments),
            preferences=_preferences(
                data.get("student_preference"), "cmi.student_preference", version
            ),
        )
    session = _text(data.get("session_time"), "cmi.session_time", 64)
    comments = _indexed(data.get("comments_from_learner"), "cmi.comments_from_learner", 50)
    return Cmi(
        completion_status=_choice(
            data.get("completion_status") or "unknown", "cmi.completion_status", COMPLETION_STATUS
        ),
        success_status=_choice(
            data.get("success_status") or "unknown", "cmi.success_status", SUCCESS_STATUS
        ),
        score=_score(data.get("score"), "cmi.score", version),
        location=_text(data.get("location"), "cmi.location", limits.location),
        suspend_data=_text(data.get("suspend_data"), "cmi.suspend_data", limits.suspend_data),
        exit=_choice(data.get("exit") or "", "cmi.exit", EXIT_2004),
        session_seconds=parse_duration_2004(session) if session else 0.0,
        interactions=[
            _interaction(item, f"cmi.interactions.{i}", version, limits)
            for i, item in enumerate(
                _indexed(data.get("interactions"), "cmi.interactions", MAX_INTERACTIONS)
            )
        ],
        objectives=[
            _objective(item, f"cmi.objectives.{i}", version, limits)
            for i, item in enumerate(
                _indexed(data.get("objectives"), "cmi.objectives", MAX_OBJECTIVES)
            )
        ],
        comments="\n".join(
            _text(c.get("comment"), f"cmi.comments_from_learner.{i}.comment", limits.comments)
            for i, c in enumerate(comments)
        ),
        preferences=_preferences(data.get("learner_preference"), "cmi.learner_preference", version),
        progress_measure=_decimal(
            data.get("progress_measure"), "cmi.progress_measure", Decimal(0), Decimal(1)
        ),
    )


def score_scaled(score: dict, version: str) -> float | None:
    """The score as -1…1: 2004's scaled, or 1.2's raw within min/max (0–100 by default)."""
    if version == SCORM_2004 and score.get("scaled"):
        return float(score["scaled"])
    if not score.get("raw"):
        return None
    raw = float(score["raw"])
    low = float(score["min"]) if score.get("min") else 0.0
    high = float(score["max"]) if score.get("max") else 100.0
    if high <= low:
        return None
    return round(max(-1.0, min(1.0, (raw - low) / (high - low))), 4)


def _present(data: dict) -> dict:
    """Without empty values: scorm-again would validate "" against each element's type."""
    return {key: value for key, value in data.items() if value not in ("", None, {}, [])}


def _indexed_out(items: list[dict]) -> dict:
    return {str(index): item for index, item in enumerate(items)}


def loadable(cmi: Cmi, version: str) -> dict:
    """The stored elements in the shape scorm-again's ``loadFromJSON`` takes (for resume).

    Objectives come back in both versions; interactions only in 2004 (write-only in 1.2).
    """
    if version == SCORM_12:
        objectives = [
            _present({"id": o["id"], "status": o["status"], "score": _present(o["score"])})
            for o in cmi.objectives
        ]
        data = {
            "core": {
                "lesson_location": cmi.location,
                "lesson_status": cmi.completion_status,
                "score": _present(cmi.score),
            },
            "suspend_data": cmi.suspend_data,
            "comments": cmi.comments,
        }
        if objectives:
            data["objectives"] = _indexed_out(objectives)
        return data
    data = {
        "location": cmi.location,
        "suspend_data": cmi.suspend_data,
        "completion_status": cmi.completion_status,
        "success_status": cmi.success_status,
        "score": _present(cmi.score),
    }
    if cmi.progress_measure:
        data["progress_measure"] = cmi.progress_measure
    if cmi.objectives:
        data["objectives"] = _indexed_out(
            [
                _present(
                    {
                        "id": o["id"],
                        "success_status": o["success_status"],
                        "completion_status": o["completion_status"],
                        "score": _present(o["score"]),
                    }
                )
                for o in cmi.objectives
            ]
        )
    if cmi.interactions:
        data["interactions"] = _indexed_out(
            [
                _present(
                    {
                        "id": i["id"],
                        "type": i["type"],
                        "timestamp": i["time"],
                        "weighting": i["weighting"],
                        "learner_response": i["response"] if i["type"] else "",
                        "result": i["result"],
                        "latency": i["latency"],
                        "description": i.get("description", ""),
                        "correct_responses": _indexed_out(
                            [{"pattern": p} for p in i["correct_responses"]]
                        )
                        if i["type"]
                        else {},
                    }
                )
                for i in cmi.interactions
            ]
        )
    return data
