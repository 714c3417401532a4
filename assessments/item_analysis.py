"""Item statistics (classical test theory): pure functions, no database.

For each question of an assessment, over the finished attempts:

* **difficulty** ``p``: the mean share of the points earned (for all-or-nothing items the
  share of correct answers). Low = hard.
* **discrimination** ``r``: the *corrected* point-biserial (Pearson) correlation between
  the item's share of points and the attempt's share of points on the *other* items, so the
  item does not correlate with itself. Good items have r ≥ 0.2; r ≤ 0 means strong
  candidates do no better (or worse) than weak ones — often a wrong key or an ambiguous
  stem.
* **upper/lower index** ``D``: mean item score of the best 27 % minus that of the weakest
  27 % of attempts (by total score).
* **distractor frequencies**: how often each option was chosen (choice and true/false
  items) or the most frequent responses (other types), in the items' own words: an
  ordering as its sequence of item texts, a matching as its "left → right" pairs.

Flags (only when at least ``MIN_RESPONSES`` attempts exist): ``too_hard`` (p < 0.2),
``too_easy`` (p > 0.95), ``low_discrimination`` (r < 0.2), ``negative_discrimination``
(r < 0), ``unused_distractor`` (an incorrect option chosen by < 5 %),
``distractor_beats_key`` (an incorrect option chosen more often than the correct one by the
upper group).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

MIN_RESPONSES = 10
UPPER_LOWER_SHARE = 0.27


@dataclass(frozen=True)
class ItemResponse:
    """One attempt's answer to one item."""

    attempt: int
    share: float  # score / points, 0..1
    response: object  # canonical response (see scoring), None if unanswered


@dataclass
class OptionCount:
    key: str
    label: str
    correct: bool
    count: int
    share: float
    upper_count: int = 0


@dataclass
class ItemStatistics:
    key: object
    n: int
    difficulty: float | None
    discrimination: float | None
    upper_lower: float | None
    unanswered: int
    options: list[OptionCount] = field(default_factory=list)
    # The most frequent responses: (the response in words, one line per part; count).
    top_responses: list[tuple[list[str], int]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)


def pearson(xs: list[float], ys: list[float]) -> float | None:
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx <= 0 or syy <= 0:
        return None
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    return sxy / math.sqrt(sxx * syy)


def item_statistics(
    *,
    items: dict[object, dict],
    responses: dict[object, list[ItemResponse]],
    totals: dict[int, tuple[float, float]],
    min_responses: int = MIN_RESPONSES,
) -> list[ItemStatistics]:
    """Statistics per item.

    ``items`` maps an item key to its scoring spec; ``responses`` maps the same key to
    the answers given; ``totals`` maps an attempt id to (score, max score).
    """
    ranked = sorted(totals, key=lambda a: totals[a][0] / totals[a][1] if totals[a][1] else 0)
    group = max(1, round(len(ranked) * UPPER_LOWER_SHARE)) if ranked else 0
    lower, upper = set(ranked[:group]), set(ranked[-group:]) if group else set()
    results = []
    for key, spec in items.items():
        answers = responses.get(key, [])
        n = len(answers)
        stats = ItemStatistics(
            key=key,
            n=n,
            difficulty=None,
            discrimination=None,
            upper_lower=None,
            unanswered=sum(1 for a in answers if a.response is None),
        )
        if n:
            points = float(spec.get("points", 1))
            stats.difficulty = sum(a.share for a in answers) / n
            rest = []
            for a in answers:
                score, maximum = totals.get(a.attempt, (0.0, 0.0))
                rest_max = maximum - points
                rest.append((score - a.share * points) / rest_max if rest_max > 0 else 0.0)
            stats.discrimination = pearson([a.share for a in answers], rest)
            up = [a.share for a in answers if a.attempt in upper]
            low = [a.share for a in answers if a.attempt in lower]
            if up and low:
                stats.upper_lower = sum(up) / len(up) - sum(low) / len(low)
            _frequencies(stats, spec, answers, upper)
        stats.flags = _flags(stats, min_responses)
        results.append(stats)
    return results


def _frequencies(stats: ItemStatistics, spec: dict, answers, upper) -> None:
    kind = spec["type"]
    n = len(answers)
    if kind in ("single", "multiple"):
        counts, upper_counts = Counter(), Counter()
        for a in answers:
            chosen = [a.response] if isinstance(a.response, str) else list(a.response or [])
            counts.update(chosen)
            if a.attempt in upper:
                upper_counts.update(chosen)
        stats.options = [
            OptionCount(
                key=o["key"],
                label=o["text"],
                correct=bool(o["correct"]),
                count=counts[o["key"]],
                share=counts[o["key"]] / n,
                upper_count=upper_counts[o["key"]],
            )
            for o in spec["options"]
        ]
    elif kind == "true_false":
        counts = Counter(a.response for a in answers if a.response is not None)
        upper_counts = Counter(
            a.response for a in answers if a.response is not None and a.attempt in upper
        )
        stats.options = [
            OptionCount(
                key=str(value).lower(),
                label="true" if value else "false",
                correct=bool(spec["correct"]) is value,
                count=counts[value],
                share=counts[value] / n,
                upper_count=upper_counts[value],
            )
            for value in (True, False)
        ]
    else:
        counts, examples = Counter(), {}
        for a in answers:
            if a.response is not None:
                key = _response_key(a.response)
                counts[key] += 1
                examples.setdefault(key, a.response)
        stats.top_responses = [
            (response_lines(spec, examples[key]), count) for key, count in counts.most_common(5)
        ]


def _response_key(response) -> str:
    """A canonical text for grouping equal responses (never shown: it holds item keys)."""
    if isinstance(response, dict):
        return ", ".join(f"{k}→{v}" for k, v in sorted(response.items()))
    if isinstance(response, list):
        return " · ".join(response)
    if isinstance(response, float):
        return f"{response:g}"
    return str(response)


def response_lines(spec: dict, response) -> list[str]:
    """A response in the item's own words, one line per part.

    Ordering: "1. <item text>" per position; matching: "<left> → <right>" per pair given,
    in the question's pair order. The spec is the question as it is now: an item deleted
    since the attempt is named as such rather than by its internal key.
    """
    kind = spec["type"]
    removed = _("(item since deleted)")
    if kind == "ordering":
        texts = {i["key"]: i["text"] for i in spec.get("items", [])}
        return [f"{n}. {texts.get(k, removed)}" for n, k in enumerate(response, start=1)]
    if kind == "matching":
        pairs = spec.get("pairs", [])
        lefts = {p["key"]: p["left"] for p in pairs}
        rights = {p["key"]: p["right"] for p in pairs}
        order = {p["key"]: n for n, p in enumerate(pairs)}
        return [
            f"{lefts.get(left, removed)} → {rights.get(right, removed)}"
            for left, right in sorted(response.items(), key=lambda kv: order.get(kv[0], len(order)))
        ]
    if isinstance(response, float):
        return [f"{response:g}"]
    return [str(response)]


def _flags(stats: ItemStatistics, min_responses: int) -> list[str]:
    if stats.n < min_responses or stats.difficulty is None:
        return []
    flags = []
    if stats.difficulty < 0.2:
        flags.append("too_hard")
    if stats.difficulty > 0.95:
        flags.append("too_easy")
    if stats.discrimination is not None:
        if stats.discrimination < 0:
            flags.append("negative_discrimination")
        elif stats.discrimination < 0.2:
            flags.append("low_discrimination")
    distractors = [o for o in stats.options if not o.correct]
    if any(o.share < 0.05 for o in distractors):
        flags.append("unused_distractor")
    keys = [o for o in stats.options if o.correct]
    if keys and distractors:
        best_key = max(o.upper_count for o in keys)
        if any(o.upper_count > best_key for o in distractors):
            flags.append("distractor_beats_key")
    return flags
