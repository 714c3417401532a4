"""Authoring errors of a rule set, found by box algebra over the cells of its inputs.

- an outcome without a legal basis, a referral without a reason;
- an unreachable rule: earlier rules already decide every case it would;
- overlapping conditions: two rules with different results both hold for some case
  (the order would decide silently; make the conditions exclusive instead);
- uncovered ranges: cases no rule decides (unless a last rule without conditions
  catches them).

Each problem names the rule (or input) and an example case, so an author can find it.
"""

from dataclasses import dataclass

from courses.simulator import cells
from courses.simulator.rules import RuleSet, format_value

# Enough to show an author where to look; the count of further ones is given.
MAX_EXAMPLES = 3


@dataclass(frozen=True)
class Problem:
    code: str  # "legal_basis", "reason", "unreachable", "overlap", "uncovered"
    rule: int | None  # index of the rule concerned (None: the table as a whole)
    message: str


def _example(space: cells.Space, box) -> str:
    parts = []
    for axis, allowed in zip(space.axes, box, strict=True):
        if len(allowed) == len(axis.cells):
            continue
        spec = axis.spec
        shown = sorted(allowed)
        if spec.numeric:
            first, _ = axis.describe(shown[0])
            _, last = axis.describe(shown[-1])
            if first == last:
                parts.append(f"{spec.label} = {format_value(spec, first)}")
            else:
                parts.append(
                    f"{spec.label} von {format_value(spec, first)} bis {format_value(spec, last)}"
                )
        else:
            names = ", ".join(format_value(spec, axis.cells[i]) for i in shown)
            parts.append(f"{spec.label}: {names}")
    return "; ".join(parts) or "jeder Fall"


def validate(ruleset: RuleSet) -> list[Problem]:
    problems = []
    for position, rule in enumerate(ruleset.rules):
        if not rule.refer and not rule.legal_basis:
            problems.append(
                Problem(
                    "legal_basis",
                    position,
                    f"{rule.label}: Das Ergebnis „{rule.outcome}“ nennt keine Rechtsgrundlage.",
                )
            )
        if rule.refer and not rule.reason:
            problems.append(
                Problem(
                    "reason",
                    position,
                    f"{rule.label}: Die Abgabe an einen Menschen braucht eine Begründung.",
                )
            )
    space = cells.build_space(ruleset)
    earlier: list = []
    for position, rule in enumerate(ruleset.rules):
        boxes = [b for b in space.boxes[position] if not cells.box_empty(b)]
        if not boxes:
            problems.append(
                Problem(
                    "unreachable",
                    position,
                    f"{rule.label}: Die Bedingungen schließen sich gegenseitig aus; "
                    "die Regel trifft nie zu.",
                )
            )
            continue
        if not cells.boxes_subtract(list(boxes), earlier):
            problems.append(
                Problem(
                    "unreachable",
                    position,
                    f"{rule.label}: Die Regel wird nie erreicht, weil frühere Regeln jeden "
                    "ihrer Fälle schon entscheiden.",
                )
            )
        earlier.extend(boxes)
    fallback = ruleset.rules[-1].is_fallback
    for i, first in enumerate(ruleset.rules):
        for j in range(i + 1, len(ruleset.rules)):
            second = ruleset.rules[j]
            if first.result == second.result or (fallback and j == len(ruleset.rules) - 1):
                continue
            shared = [
                cells.box_intersect(a, b)
                for a in space.boxes[i]
                for b in space.boxes[j]
                if not cells.box_empty(cells.box_intersect(a, b))
            ]
            if shared:
                problems.append(
                    Problem(
                        "overlap",
                        j,
                        f"{first.label} und {second.label} überschneiden sich mit "
                        f"verschiedenen Ergebnissen, z. B. bei {_example(space, shared[0])}.",
                    )
                )
    if not fallback:
        rest = cells.boxes_subtract([space.full_box()], earlier)
        for box in rest[:MAX_EXAMPLES]:
            problems.append(
                Problem(
                    "uncovered",
                    None,
                    f"Keine Regel entscheidet den Fall {_example(space, box)}.",
                )
            )
        if len(rest) > MAX_EXAMPLES:
            problems.append(
                Problem(
                    "uncovered",
                    None,
                    f"… und {len(rest) - MAX_EXAMPLES} weitere nicht erfasste Bereiche.",
                )
            )
    return problems
