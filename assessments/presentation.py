"""What a learner sees of a question: pure functions, no database.

``question_view`` builds the data the templates render. Before submission it carries no
hint of the correct answer (no "correct" flags, ordering items in the presented order,
matching right sides shuffled); ``review_view`` adds scores, the correct answer and
feedback after submission, as far as the feedback policy allows.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from assessments import scoring


def presented_order(spec: dict, rng: random.Random | None) -> list[str]:
    """The order in which options/items/right sides are shown (shuffled when ``rng`` given).

    Ordering items are always shuffled (showing them in the correct order would give the
    answer away); a shuffle that happens to equal the correct order is rotated.
    """
    kind = spec["type"]
    if kind in (scoring.SINGLE, scoring.MULTIPLE):
        keys = [o["key"] for o in spec["options"]]
    elif kind == scoring.ORDERING:
        keys = [i["key"] for i in spec["items"]]
        rng = rng or random.Random(" ".join(keys))  # noqa: S311 - presentation only
    elif kind == scoring.MATCHING:
        keys = [p["key"] for p in spec["pairs"]]
        rng = rng or random.Random(" ".join(keys))  # noqa: S311 - presentation only
    else:
        return []
    shuffled = list(keys)
    if rng is not None:
        rng.shuffle(shuffled)
        if kind in (scoring.ORDERING, scoring.MATCHING) and len(keys) > 1 and shuffled == keys:
            shuffled = shuffled[1:] + shuffled[:1]
    return shuffled


@dataclass
class Choice:
    key: str
    text: str
    selected: bool = False
    # Review only:
    correct: bool | None = None
    feedback: str = ""
    value: str = ""


@dataclass
class QuestionView:
    """A question as rendered to a learner (``field`` is the form field name prefix)."""

    field: str
    type: str
    stem: str
    points: float
    title: str = ""
    choices: list[Choice] = field(default_factory=list)  # options / ordering items / lefts
    targets: list[Choice] = field(default_factory=list)  # matching right sides (shuffled)
    positions: list[int] = field(default_factory=list)  # ordering: 1..n
    value: str = ""  # numeric / short text / true_false current value
    unit: str = ""
    number: int | None = None
    locked: bool = False
    errors: list[str] = field(default_factory=list)
    # Review only:
    reviewed: bool = False
    score: float | None = None
    correct: bool | None = None
    answered: bool = False
    response_text: list[str] = field(default_factory=list)
    correct_text: list[str] = field(default_factory=list)
    feedback: list[str] = field(default_factory=list)
    general_feedback: str = ""


def question_view(
    *, spec: dict, question, order: list[str] | None, response=None, field_name: str = "", raw=None
) -> QuestionView:
    """The learner's view of a question, pre-filled with ``response`` (canonical form).

    ``question`` supplies ``stem`` (trusted rich text) and ``label``; ``raw`` (submitted form
    values) wins over ``response`` so a form with an error shows what the learner typed.
    """
    kind = spec["type"]
    order = order if order is not None else presented_order(spec, None)
    view = QuestionView(
        field=field_name or f"q_{question.uuid}",
        type=kind,
        stem=question.stem,
        points=spec["points"],
        title=question.label,
        unit=spec.get("unit", ""),
    )
    if kind in (scoring.SINGLE, scoring.MULTIPLE):
        by_key = {o["key"]: o for o in spec["options"]}
        chosen = _as_set(response)
        if raw is not None:
            chosen = set(raw) if isinstance(raw, list) else set()
        view.choices = [
            Choice(key=k, text=by_key[k]["text"], selected=k in chosen)
            for k in order
            if k in by_key
        ]
    elif kind == scoring.TRUE_FALSE:
        if raw is not None:
            view.value = (raw or [""])[0] if isinstance(raw, list) else ""
        elif response is not None:
            view.value = "true" if response else "false"
    elif kind in (scoring.NUMERIC, scoring.SHORT_TEXT):
        if raw is not None:
            view.value = (raw or [""])[0] if isinstance(raw, list) else ""
        elif response is not None:
            view.value = (
                scoring._format_number(response) if kind == scoring.NUMERIC else str(response)
            )
    elif kind == scoring.ORDERING:
        by_key = {i["key"]: i for i in spec["items"]}
        # Unanswered items start without a position: a pre-filled order would be submitted
        # (and scored) as the learner's answer although they never touched it.
        current = list(response) if response else []
        view.positions = list(range(1, len(order) + 1))
        raw_positions = raw if isinstance(raw, dict) else {}
        view.choices = [
            Choice(
                key=k,
                text=by_key[k]["text"],
                value=str(raw_positions.get(k, current.index(k) + 1 if k in current else "")),
            )
            for k in order
            if k in by_key
        ]
    elif kind == scoring.MATCHING:
        by_key = {p["key"]: p for p in spec["pairs"]}
        current = dict(response or {})
        if isinstance(raw, dict):
            current = {k: v for k, v in raw.items() if v}
        lefts = [p["key"] for p in spec["pairs"]]
        view.choices = [
            Choice(key=k, text=by_key[k]["left"], value=current.get(k, "")) for k in lefts
        ]
        view.targets = [Choice(key=k, text=by_key[k]["right"]) for k in order if k in by_key]
    return view


def review_view(
    *,
    spec: dict,
    question,
    order: list[str] | None,
    response,
    score: float | None,
    correct: bool | None,
    show_solution: bool,
    field_name: str = "",
) -> QuestionView:
    """The question after answering: response, score and (policy permitting) solution."""
    view = question_view(
        spec=spec, question=question, order=order, response=response, field_name=field_name
    )
    view.reviewed = True
    view.locked = True
    view.answered = response is not None
    view.score = score if score is not None else 0.0
    view.correct = bool(correct)
    view.response_text = response_labels(spec, response)
    if show_solution:
        view.correct_text = scoring.correct_response_text(spec)
        view.feedback = scoring.option_feedback(spec, response)
        view.general_feedback = getattr(question, "general_feedback", "") or ""
        if spec["type"] in (scoring.SINGLE, scoring.MULTIPLE):
            by_key = {o["key"]: o for o in spec["options"]}
            for choice in view.choices:
                choice.correct = bool(by_key[choice.key]["correct"])
                choice.feedback = by_key[choice.key].get("feedback", "")
    return view


def response_labels(spec: dict, response) -> list[str]:
    """The learner's response in words (for the review and the knowledge check feedback)."""
    if response is None:
        return []
    kind = spec["type"]
    if kind == scoring.SINGLE:
        return [o["text"] for o in spec["options"] if o["key"] == response]
    if kind == scoring.MULTIPLE:
        return [o["text"] for o in spec["options"] if o["key"] in set(response)]
    if kind == scoring.TRUE_FALSE:
        return ["true" if response else "false"]
    if kind == scoring.NUMERIC:
        unit = f" {spec['unit']}" if spec.get("unit") else ""
        return [scoring._format_number(response) + unit]
    if kind == scoring.SHORT_TEXT:
        return [str(response)]
    if kind == scoring.ORDERING:
        by_key = {i["key"]: i["text"] for i in spec["items"]}
        return [by_key[k] for k in response]
    if kind == scoring.MATCHING:
        by_key = {p["key"]: p for p in spec["pairs"]}
        return [
            f"{by_key[left]['left']} → {by_key[right]['right']}"
            for left, right in response.items()
            if left in by_key and right in by_key
        ]
    return []


def _as_set(response) -> set:
    if response is None:
        return set()
    if isinstance(response, list):
        return set(response)
    return {response}
