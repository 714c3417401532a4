"""Scoring of answers: pure functions, no database.

A question is described by a *spec*, a plain dict built from the ``Question`` row (see
``Question.spec()``) and snapshotted into each ``Answer`` when an attempt starts, so a
trainer editing a question never changes the score of an attempt already under way::

    {"type": "single" | "multiple", "points": 2,
     "options": [{"key": "a", "text": "…", "correct": True, "feedback": "…"}, …]}
    {"type": "true_false", "points": 1, "correct": True,
     "feedback_true": "…", "feedback_false": "…"}
    {"type": "numeric", "points": 1, "answer": 12.5, "tolerance": 0.1, "unit": "%"}
    {"type": "short_text", "points": 1, "accepted": ["Datenminimierung", …]}
    {"type": "ordering", "points": 2,
     "items": [{"key": "a", "text": "…"}, …]}               # in the correct order
    {"type": "matching", "points": 3,
     "pairs": [{"key": "a", "left": "…", "right": "…"}, …]}

A *response* is the learner's answer in a canonical, JSON-serialisable form:

    single       "a"                      (an option key)
    multiple     ["a", "c"]               (option keys, any order, possibly empty)
    true_false   True / False
    numeric      12.4                     (a float)
    short_text   "Datenminimierung"
    ordering     ["b", "a", "c"]          (every item key exactly once)
    matching     {"a": "b", "b": "a"}     (left pair key -> right pair key; may be partial)

``parse_response`` turns raw form values into that form and raises ``ResponseError`` for
anything malformed; ``score`` returns the points earned.

Partial credit (documented rule, tested in ``tests/assessments/test_scoring.py``):

* **single choice, true/false, numeric, short text**: all or nothing.
* **multiple choice**: every correct option ticked earns ``1/C`` of the points and every
  incorrect option ticked costs ``1/I`` of the points (``C``/``I`` = number of correct /
  incorrect options); the result is never below 0. Ticking everything therefore earns 0,
  and full points need exactly the correct set.
* **ordering**: the share of item pairs that are in the correct relative order
  (Kendall's concordance); the exact order earns full points, the reversed order 0.
* **matching**: the share of left items matched to their right partner.

Scores are rounded to 4 decimal places and always lie in ``0 … points``. An answer is
*correct* (xAPI ``success``) only when it earns full points.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import combinations

SINGLE = "single"
MULTIPLE = "multiple"
TRUE_FALSE = "true_false"
NUMERIC = "numeric"
SHORT_TEXT = "short_text"
ORDERING = "ordering"
MATCHING = "matching"
TYPES = (SINGLE, MULTIPLE, TRUE_FALSE, NUMERIC, SHORT_TEXT, ORDERING, MATCHING)

# Evidence rule: at least this share of the points of the questions on a competency at a
# level must be earned (in a passed attempt) to evidence that competency at that level.
EVIDENCE_THRESHOLD = 0.8

_MAX_TEXT = 500


class ResponseError(ValueError):
    """A response that does not fit the question (tampered or malformed)."""

    def __init__(self, code: str, message: str = ""):
        super().__init__(message or code)
        self.code = code


@dataclass(frozen=True)
class Result:
    score: float
    max_score: float
    correct: bool


# --- parsing -------------------------------------------------------------------------


def _option_keys(spec: dict) -> list[str]:
    return [o["key"] for o in spec.get("options", [])]


def parse_response(spec: dict, values: list[str] | dict[str, str]):
    """Turn raw form values into a canonical response, or ``None`` when unanswered.

    ``values`` is the list of submitted values for the question's field (choice, text and
    numeric types), or, for ordering and matching, a dict of item key -> submitted value
    (a position "1".."n" for ordering, a right key for matching).
    Raises ``ResponseError`` when a value cannot belong to this question.
    """
    kind = spec["type"]
    if kind in (ORDERING, MATCHING):
        if not isinstance(values, dict):
            raise ResponseError("malformed")
        return _parse_ordering(spec, values) if kind == ORDERING else _parse_matching(spec, values)
    if isinstance(values, dict):
        raise ResponseError("malformed")
    values = [v for v in values if v is not None]
    if kind == MULTIPLE:
        keys = _option_keys(spec)
        if any(v not in keys for v in values) or len(set(values)) != len(values):
            raise ResponseError("unknown_option")
        return sorted(values, key=keys.index) if values else None
    non_blank = [v for v in values if str(v).strip() != ""]
    if not non_blank:
        return None
    if len(non_blank) > 1:
        raise ResponseError("too_many_values")
    value = str(non_blank[0]).strip()
    if kind == SINGLE:
        if value not in _option_keys(spec):
            raise ResponseError("unknown_option")
        return value
    if kind == TRUE_FALSE:
        if value not in ("true", "false"):
            raise ResponseError("malformed")
        return value == "true"
    if kind == NUMERIC:
        return parse_number(value)
    if kind == SHORT_TEXT:
        if len(value) > _MAX_TEXT:
            raise ResponseError("too_long")
        return value
    raise ResponseError("unknown_type")


def parse_number(value: str) -> float:
    """Parse a number as a German or English speaker writes it ("1.234,5", "1234.5", "3,5")."""
    text = value.strip().replace("\u00a0", "").replace(" ", "")
    if "," in text and "." in text:
        # The later separator is the decimal one.
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif "," in text:
        text = text.replace(",", ".")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", text):
        raise ResponseError("not_a_number")
    try:
        number = float(Decimal(text))
    except (InvalidOperation, ValueError) as exc:
        raise ResponseError("not_a_number") from exc
    if not math.isfinite(number):
        raise ResponseError("not_a_number")
    return number


def _parse_ordering(spec: dict, values: dict[str, str]):
    keys = [i["key"] for i in spec["items"]]
    if set(values) - set(keys):
        raise ResponseError("unknown_item")
    filled = {k: str(v).strip() for k, v in values.items() if str(v).strip()}
    if not filled:
        return None
    if set(filled) != set(keys):
        raise ResponseError("incomplete_order")
    try:
        positions = {k: int(v) for k, v in filled.items()}
    except ValueError as exc:
        raise ResponseError("malformed") from exc
    if sorted(positions.values()) != list(range(1, len(keys) + 1)):
        raise ResponseError("duplicate_position")
    return sorted(keys, key=positions.__getitem__)


def _parse_matching(spec: dict, values: dict[str, str]):
    keys = [p["key"] for p in spec["pairs"]]
    if set(values) - set(keys):
        raise ResponseError("unknown_item")
    response = {}
    for left, right in values.items():
        right = str(right).strip()
        if not right:
            continue
        if right not in keys:
            raise ResponseError("unknown_option")
        response[left] = right
    return response or None


def validate_response(spec: dict, response) -> None:
    """Check that an already canonical response (e.g. from JSON) fits the question."""
    kind = spec["type"]
    if response is None:
        return
    if kind == SINGLE:
        ok = isinstance(response, str) and response in _option_keys(spec)
    elif kind == MULTIPLE:
        keys = _option_keys(spec)
        ok = (
            isinstance(response, list)
            and all(isinstance(v, str) and v in keys for v in response)
            and len(set(response)) == len(response)
        )
    elif kind == TRUE_FALSE:
        ok = isinstance(response, bool)
    elif kind == NUMERIC:
        ok = (
            isinstance(response, int | float)
            and not isinstance(response, bool)
            and math.isfinite(response)
        )
    elif kind == SHORT_TEXT:
        ok = isinstance(response, str) and len(response) <= _MAX_TEXT
    elif kind == ORDERING:
        ok = isinstance(response, list) and sorted(response) == sorted(
            i["key"] for i in spec["items"]
        )
    elif kind == MATCHING:
        keys = {p["key"] for p in spec["pairs"]}
        ok = isinstance(response, dict) and all(
            k in keys and isinstance(v, str) and v in keys for k, v in response.items()
        )
    else:
        ok = False
    if not ok:
        raise ResponseError("malformed")


# --- scoring -------------------------------------------------------------------------


def normalise_text(text: str) -> str:
    """Case-, width- and whitespace-insensitive form used to compare short text answers."""
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(" .;:!?\"'„“”‚‘’")


def fraction(spec: dict, response) -> float:
    """Share of the points (0 … 1) that ``response`` earns."""
    if response is None:
        return 0.0
    kind = spec["type"]
    if kind == SINGLE:
        correct = {o["key"] for o in spec["options"] if o["correct"]}
        return 1.0 if response in correct else 0.0
    if kind == MULTIPLE:
        chosen = set(response)
        correct = {o["key"] for o in spec["options"] if o["correct"]}
        incorrect = {o["key"] for o in spec["options"] if not o["correct"]}
        gained = len(chosen & correct) / len(correct) if correct else 0.0
        lost = len(chosen & incorrect) / len(incorrect) if incorrect else 0.0
        if not correct and not chosen:
            return 1.0
        return min(1.0, max(0.0, gained - lost))
    if kind == TRUE_FALSE:
        return 1.0 if response is bool(spec["correct"]) else 0.0
    if kind == NUMERIC:
        tolerance = abs(float(spec.get("tolerance") or 0))
        # A tiny epsilon so 0.1 + 0.2 style representation errors do not fail a learner.
        return 1.0 if abs(float(response) - float(spec["answer"])) <= tolerance + 1e-9 else 0.0
    if kind == SHORT_TEXT:
        accepted = {normalise_text(a) for a in spec["accepted"]}
        return 1.0 if normalise_text(response) in accepted else 0.0
    if kind == ORDERING:
        keys = [i["key"] for i in spec["items"]]
        if len(keys) < 2:
            return 1.0
        given = {k: i for i, k in enumerate(response)}
        pairs = list(combinations(range(len(keys)), 2))
        concordant = sum(1 for i, j in pairs if given[keys[i]] < given[keys[j]])
        return concordant / len(pairs)
    if kind == MATCHING:
        keys = [p["key"] for p in spec["pairs"]]
        return sum(1 for k in keys if response.get(k) == k) / len(keys) if keys else 0.0
    raise ResponseError("unknown_type")


def score(spec: dict, response) -> Result:
    """Points earned by ``response`` (canonical form) on the question ``spec``."""
    points = float(spec.get("points", 1))
    share = fraction(spec, response)
    earned = round(max(0.0, min(points, points * share)), 4)
    return Result(score=earned, max_score=points, correct=response is not None and share >= 1.0)


def passed(score_raw: float, score_max: float, pass_mark_percent: float) -> bool:
    """An attempt passes when its share of the points reaches the pass mark."""
    if score_max <= 0:
        return False
    return score_raw * 100 >= pass_mark_percent * score_max - 1e-9


def evidence(items, *, threshold: float = EVIDENCE_THRESHOLD) -> list[tuple[str, str]]:
    """Competency evidence earned by a *passed* attempt.

    ``items`` is an iterable of ``(competency_uri, level_uri, score, max_score)`` for each
    question of the attempt (questions without a competency or level are skipped).
    For every (competency, level) the questions on it must together earn at least
    ``threshold`` (80 %) of their points; the result is the sorted list of such pairs.
    """
    totals: dict[tuple[str, str], list[float]] = {}
    for competency, level, earned, maximum in items:
        if not competency or not level:
            continue
        bucket = totals.setdefault((competency, level), [0.0, 0.0])
        bucket[0] += earned
        bucket[1] += maximum
    return sorted(
        key
        for key, (earned, maximum) in totals.items()
        if maximum > 0 and earned >= threshold * maximum - 1e-9
    )


# --- feedback and xAPI interaction definitions --------------------------------------------


def option_feedback(spec: dict, response) -> list[str]:
    """Feedback texts that apply to the learner's response (per option, per truth value)."""
    kind = spec["type"]
    if response is None:
        return []
    if kind in (SINGLE, MULTIPLE):
        chosen = {response} if kind == SINGLE else set(response)
        return [o["feedback"] for o in spec["options"] if o["key"] in chosen and o.get("feedback")]
    if kind == TRUE_FALSE:
        text = spec.get("feedback_true") if response else spec.get("feedback_false")
        return [text] if text else []
    return []


def correct_response_text(spec: dict) -> list[str]:
    """Human-readable correct answer(s), for the review after submission."""
    kind = spec["type"]
    if kind in (SINGLE, MULTIPLE):
        return [o["text"] for o in spec["options"] if o["correct"]]
    if kind == TRUE_FALSE:
        return ["true" if spec["correct"] else "false"]
    if kind == NUMERIC:
        unit = f" {spec['unit']}" if spec.get("unit") else ""
        tolerance = float(spec.get("tolerance") or 0)
        answer = _format_number(spec["answer"])
        if tolerance:
            return [f"{answer}{unit} (± {_format_number(tolerance)})"]
        return [f"{answer}{unit}"]
    if kind == SHORT_TEXT:
        return list(spec["accepted"])
    if kind == ORDERING:
        return [i["text"] for i in spec["items"]]
    if kind == MATCHING:
        return [f"{p['left']} → {p['right']}" for p in spec["pairs"]]
    return []


def _format_number(value) -> str:
    number = float(value)
    return str(int(number)) if number.is_integer() else f"{number:g}".replace(".", ",")


def interaction_definition(spec: dict) -> dict:
    """The cmi.interaction parts of the question's xAPI activity definition."""
    kind = spec["type"]

    def components(entries, text_key="text"):
        return [{"id": e["key"], "description": {"de-DE": e[text_key]}} for e in entries]

    if kind in (SINGLE, MULTIPLE):
        correct = [o["key"] for o in spec["options"] if o["correct"]]
        return {
            "interactionType": "choice",
            "correctResponsesPattern": ["[,]".join(correct)],
            "choices": components(spec["options"]),
        }
    if kind == TRUE_FALSE:
        return {
            "interactionType": "true-false",
            "correctResponsesPattern": ["true" if spec["correct"] else "false"],
        }
    if kind == NUMERIC:
        answer = float(spec["answer"])
        tolerance = abs(float(spec.get("tolerance") or 0))
        pattern = f"{answer - tolerance:g}[:]{answer + tolerance:g}" if tolerance else f"{answer:g}"
        return {"interactionType": "numeric", "correctResponsesPattern": [pattern]}
    if kind == SHORT_TEXT:
        return {
            "interactionType": "fill-in",
            "correctResponsesPattern": [
                "{case_matters=false}" + a.replace("[,]", ",") for a in spec["accepted"]
            ],
        }
    if kind == ORDERING:
        return {
            "interactionType": "sequencing",
            "correctResponsesPattern": ["[,]".join(i["key"] for i in spec["items"])],
            "choices": components(spec["items"]),
        }
    if kind == MATCHING:
        return {
            "interactionType": "matching",
            "correctResponsesPattern": [
                "[,]".join(f"{p['key']}[.]{p['key']}" for p in spec["pairs"])
            ],
            "source": components(spec["pairs"], "left"),
            "target": components(spec["pairs"], "right"),
        }
    raise ResponseError("unknown_type")


def response_string(spec: dict, response) -> str:
    """The learner's response in the cmi.interaction response format."""
    if response is None:
        return ""
    kind = spec["type"]
    if kind == SINGLE:
        return response
    if kind in (MULTIPLE, ORDERING):
        return "[,]".join(response)
    if kind == TRUE_FALSE:
        return "true" if response else "false"
    if kind == NUMERIC:
        return f"{float(response):g}"
    if kind == SHORT_TEXT:
        return response
    if kind == MATCHING:
        return "[,]".join(f"{left}[.]{right}" for left, right in sorted(response.items()))
    raise ResponseError("unknown_type")


# --- authoring validation ----------------------------------------------------------------


def spec_problems(spec: dict) -> list[str]:
    """Problems that make a question unusable (codes; the admin form translates them)."""
    kind = spec.get("type")
    problems = []
    if kind not in TYPES:
        return ["unknown_type"]
    if float(spec.get("points", 0)) <= 0:
        problems.append("points")
    if kind in (SINGLE, MULTIPLE):
        options = spec.get("options", [])
        correct = [o for o in options if o.get("correct")]
        if len(options) < 2:
            problems.append("too_few_options")
        if kind == SINGLE and len(correct) != 1:
            problems.append("single_needs_one_correct")
        if kind == MULTIPLE and not correct:
            problems.append("multiple_needs_correct")
    elif kind == NUMERIC:
        if spec.get("answer") is None:
            problems.append("numeric_needs_answer")
    elif kind == SHORT_TEXT:
        if not [a for a in spec.get("accepted", []) if normalise_text(a)]:
            problems.append("short_text_needs_accepted")
    elif kind == TRUE_FALSE:
        if spec.get("correct") is None:
            problems.append("true_false_needs_answer")
    elif kind == ORDERING:
        if len(spec.get("items", [])) < 2:
            problems.append("too_few_items")
    elif kind == MATCHING:
        pairs = spec.get("pairs", [])
        if len(pairs) < 2:
            problems.append("too_few_pairs")
        if len({p["right"] for p in pairs}) != len(pairs):
            problems.append("duplicate_right")
    return problems
