"""The input space cut into cells on which every condition of a rule set is constant.

Each numeric input's grid (minimum to maximum in steps) is split at every threshold a
condition names; each choice or yes/no value is a cell of its own. Within a cell no
condition changes its answer, so the whole (possibly huge) grid is decided by the few
cells: validation does box algebra on cell sets and the counterfactual search walks
cells, taking the value nearest to the case inside each.
"""

import itertools
import math
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from courses.simulator.rules import Condition, InputSpec, RuleSet


def _index_ranges(condition: Condition, spec: InputSpec, size: int) -> list[tuple[int, int]]:
    """The grid indices (inclusive ranges) where a numeric condition holds."""
    low = spec.as_number(spec.minimum)

    def position(value) -> Decimal:
        return (spec.as_number(value) - low) / spec.step

    def first_at_least(value) -> int:  # smallest index whose value >= value
        return max(0, math.ceil(position(value)))

    def last_at_most(value) -> int:  # largest index whose value <= value
        return min(size - 1, math.floor(position(value)))

    op = condition.operator
    if op == "lt":
        return [(0, first_at_least(condition.value) - 1)]
    if op == "le":
        return [(0, last_at_most(condition.value))]
    if op == "gt":
        return [(last_at_most(condition.value) + 1, size - 1)]
    if op == "ge":
        return [(first_at_least(condition.value), size - 1)]
    if op == "between":
        return [(first_at_least(condition.value), last_at_most(condition.value2))]
    exact = position(condition.value)
    hit = exact == exact.to_integral_value() and 0 <= exact < size
    if op == "eq":
        return [(int(exact), int(exact))] if hit else []
    if op == "ne":
        return [(0, int(exact) - 1), (int(exact) + 1, size - 1)] if hit else [(0, size - 1)]
    raise ValueError(op)


@dataclass(frozen=True)
class Axis:
    """One input's cells: for numeric inputs ``(first, last)`` grid index ranges."""

    spec: InputSpec
    cells: tuple  # numeric: ((first, last), ...); otherwise the values themselves

    def cell_of(self, value) -> int:
        if not self.spec.numeric:
            return self.cells.index(value)
        index = self.spec.grid_index(value)
        for position, (first, last) in enumerate(self.cells):
            if first <= index <= last:
                return position
        raise ValueError(value)

    def nearest_in(self, position: int, value):
        """The value of the cell closest to ``value`` (the cell's value for choices)."""
        if not self.spec.numeric:
            return self.cells[position]
        first, last = self.cells[position]
        index = min(max(self.spec.grid_index(value), first), last)
        return self.spec.grid_value(index)

    def example(self, position: int):
        if not self.spec.numeric:
            return self.cells[position]
        return self.spec.grid_value(self.cells[position][0])

    def describe(self, position: int) -> tuple:
        """(first value, last value) of a numeric cell; (value, value) otherwise."""
        if not self.spec.numeric:
            return (self.cells[position], self.cells[position])
        first, last = self.cells[position]
        return (self.spec.grid_value(first), self.spec.grid_value(last))


@dataclass(frozen=True, eq=False)
class Space:
    ruleset: RuleSet
    axes: tuple[Axis, ...]
    # Per rule: a list of boxes (a box: per axis a frozenset of allowed cell positions).
    boxes: tuple[tuple[tuple[frozenset, ...], ...], ...]

    def full_box(self) -> tuple[frozenset, ...]:
        return tuple(frozenset(range(len(axis.cells))) for axis in self.axes)

    def cells_of(self, values: dict) -> tuple[int, ...]:
        return tuple(axis.cell_of(values[axis.spec.key]) for axis in self.axes)

    def rule_at(self, cells: tuple[int, ...]) -> int | None:
        """The index of the first rule that holds in these cells (None: no rule)."""
        for position, boxes in enumerate(self._constrained):
            for box in boxes:
                if all(cells[axis] in allowed for axis, allowed in box):
                    return position
        return None

    @cached_property
    def _constrained(self):
        """Each rule's boxes with only the axes they restrict (the others allow every cell)."""
        sizes = [len(axis.cells) for axis in self.axes]
        return tuple(
            tuple(
                tuple((i, allowed) for i, allowed in enumerate(box) if len(allowed) < sizes[i])
                for box in boxes
            )
            for boxes in self.boxes
        )


def _condition_cells(condition: Condition, axis: Axis, cuts_ranges) -> frozenset:
    spec = axis.spec
    if not spec.numeric:
        return frozenset(i for i, value in enumerate(axis.cells) if condition.holds(value))
    allowed = set()
    for first, last in cuts_ranges:
        if first > last:
            continue
        for position, (cell_first, cell_last) in enumerate(axis.cells):
            if cell_first >= first and cell_last <= last:
                allowed.add(position)
    return frozenset(allowed)


def build_space(ruleset: RuleSet) -> Space:
    axes, ranges = [], {}
    for spec in ruleset.inputs:
        if not spec.numeric:
            axes.append(Axis(spec=spec, cells=spec.domain()))
            continue
        size = spec.grid_size()
        cuts = {0, size}
        for rule in ruleset.rules:
            for condition in rule.conditions:
                if condition.input != spec.key:
                    continue
                found = [
                    (max(first, 0), min(last, size - 1))
                    for first, last in _index_ranges(condition, spec, size)
                ]
                ranges[id(condition)] = found
                for first, last in found:
                    if first <= last:
                        cuts.update((max(first, 0), min(last + 1, size)))
        edges = sorted(c for c in cuts if 0 <= c <= size)
        axes.append(
            Axis(spec=spec, cells=tuple((a, b - 1) for a, b in itertools.pairwise(edges) if a < b))
        )
    by_key = {axis.spec.key: position for position, axis in enumerate(axes)}
    boxes = []
    for rule in ruleset.rules:
        full = [frozenset(range(len(axis.cells))) for axis in axes]
        if not rule.conditions:
            boxes.append((tuple(full),))
            continue
        if rule.match == "all":
            box = list(full)
            for condition in rule.conditions:
                position = by_key[condition.input]
                box[position] = box[position] & _condition_cells(
                    condition, axes[position], ranges.get(id(condition), ())
                )
            boxes.append((tuple(box),))
        else:
            alternatives = []
            for condition in rule.conditions:
                box = list(full)
                position = by_key[condition.input]
                box[position] = _condition_cells(
                    condition, axes[position], ranges.get(id(condition), ())
                )
                alternatives.append(tuple(box))
            boxes.append(tuple(alternatives))
    return Space(ruleset=ruleset, axes=tuple(axes), boxes=tuple(boxes))


# Box algebra -------------------------------------------------------------------------------


def box_empty(box) -> bool:
    return any(not allowed for allowed in box)


def box_intersect(a, b):
    return tuple(x & y for x, y in zip(a, b, strict=True))


def box_subtract(a, b) -> list:
    """``a`` minus ``b`` as disjoint boxes."""
    if box_empty(box_intersect(a, b)):
        return [a]
    pieces, rest = [], list(a)
    for position, (mine, theirs) in enumerate(zip(a, b, strict=True)):
        outside = mine - theirs
        if outside:
            piece = list(rest)
            piece[position] = outside
            pieces.append(tuple(piece))
        rest[position] = mine & theirs
    return pieces


def boxes_subtract(region: list, boxes) -> list:
    for box in boxes:
        region = [piece for part in region for piece in box_subtract(part, box)]
        if not region:
            break
    return region
