"""What would have to change: the smallest changes of inputs that flip the result.

The searched space: every input takes the values of its grid (numbers, money and dates
from minimum to maximum in steps; every choice; yes and no); at most ``max_changes``
inputs change at once. A change's size is first the number of inputs changed, then the
distance: the sum over changed inputs of |new − old| / (maximum − minimum), 1 for a
choice or yes/no.

The search is exact on that space without walking the grid: within a cell of
``cells.build_space`` no condition changes its answer, so for each combination of other
cells only the value nearest to the case inside each cell can be smallest. For every
minimal set of changed inputs and every result it leads to, the nearest such change is
reported; sets of more inputs are searched only when fewer do not flip the result, and
a set is skipped when one of its subsets already flips it.
"""

import itertools
from dataclasses import dataclass
from decimal import Decimal

from courses.simulator import cells
from courses.simulator.evaluate import NO_RULE_REASON
from courses.simulator.rules import REFER, RuleSet

MAX_CHANGES = 2


@dataclass(frozen=True)
class Change:
    input: str
    old: object
    new: object


@dataclass(frozen=True)
class Counterfactual:
    changes: tuple[Change, ...]
    result: str  # the rule's outcome, or ``rules.REFER``
    rule_index: int | None
    distance: Decimal

    @property
    def size(self) -> tuple[int, Decimal]:
        return (len(self.changes), self.distance)


def distance(ruleset: RuleSet, key: str, old, new) -> Decimal:
    spec = ruleset.spec(key)
    if old == new:
        return Decimal(0)
    if not spec.numeric:
        return Decimal(1)
    span = spec.as_number(spec.maximum) - spec.as_number(spec.minimum)
    return abs(spec.as_number(new) - spec.as_number(old)) / span


def _result(space: cells.Space, rule_index: int | None) -> str:
    return REFER if rule_index is None else space.ruleset.rules[rule_index].result


def search(
    ruleset: RuleSet, values: dict, *, max_changes: int = MAX_CHANGES, space=None
) -> list[Counterfactual]:
    """The smallest result-flipping changes, ordered by size (see the module docstring)."""
    space = space or cells.build_space(ruleset)
    here = space.cells_of(values)
    current = _result(space, space.rule_at(here))
    found: list[Counterfactual] = []
    flipping_sets: list[frozenset] = []
    for count in range(1, min(max_changes, len(space.axes)) + 1):
        best: dict[tuple, Counterfactual] = {}
        for positions in itertools.combinations(range(len(space.axes)), count):
            if any(s <= frozenset(positions) for s in flipping_sets):
                continue
            options = [
                [c for c in range(len(space.axes[p].cells)) if c != here[p]] for p in positions
            ]
            for choice in itertools.product(*options):
                trial = list(here)
                for p, c in zip(positions, choice, strict=True):
                    trial[p] = c
                rule_index = space.rule_at(tuple(trial))
                result = _result(space, rule_index)
                if result == current:
                    continue
                changes, total = [], Decimal(0)
                for p, c in zip(positions, choice, strict=True):
                    axis = space.axes[p]
                    old = values[axis.spec.key]
                    new = axis.nearest_in(c, old)
                    changes.append(Change(axis.spec.key, old, new))
                    total += distance(ruleset, axis.spec.key, old, new)
                candidate = Counterfactual(tuple(changes), result, rule_index, total)
                slot = (positions, result)
                if slot not in best or candidate.distance < best[slot].distance:
                    best[slot] = candidate
        if best:
            flipping_sets.extend(frozenset(positions) for positions, _result in best)
            found.extend(sorted(best.values(), key=lambda cf: (cf.distance, cf.result)))
            # Larger sets are "smaller changes" only if no set of this size flips.
            break
    return found


def describe(ruleset: RuleSet, counterfactual: Counterfactual) -> str:
    """The result a counterfactual leads to, in words."""
    if counterfactual.result == REFER:
        if counterfactual.rule_index is None:
            return NO_RULE_REASON
        return "Abgabe an einen Menschen: " + ruleset.rules[counterfactual.rule_index].reason
    return counterfactual.result
