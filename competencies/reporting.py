"""HR gap reports: read the projections, aggregate by org unit, role and competency, suppress.

Everything a report shows is computed from the maintained counts of the whole
organisation (the *cube*: people per org unit, reporting role, competency, target and
reached level, see ``gapcounts.py``), plus one query for the trend, in a number of
queries that does not grow with the number of people. Suppression (``suppression.py``)
is decided on the whole organisation's cube per competency, so the same group is shown
or hidden the same way for every viewer, scope and filter.

Reporting role: a person holding several job roles is counted once, under the role with
the smallest id (targets still use the highest target among all their roles).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
from django.conf import settings
from django.core.cache import cache
from django.db.models import Sum
from django.utils.translation import gettext

from competencies import providers
from competencies.models import (
    Competency,
    Framework,
    GapCount,
    GapTrendCount,
    RoleProfile,
)
from competencies.suppression import Blocks, build_blocks
from lms.accounts.selectors import job_roles, org_unit_tree, units_responsible_for

if TYPE_CHECKING:
    from lms.accounts.models import JobRole, OrgUnit


def min_group_size() -> int:
    return int(getattr(settings, "QD_MIN_GROUP_SIZE", 5))


def suppression_note(k: int) -> str:
    """Why figures are hidden, for the page, the exports and the PDF title page.

    Hidden cells are not told apart by reason: saying which ones are small would tell
    a reader that a group has between 1 and k−1 people.
    """
    return gettext(
        "Figures are hidden (marked “hidden”, hatched grey in charts) for every group of "
        "fewer than %(k)s people, and for every further group from which such a group "
        "could be worked out by subtracting or combining shown figures. A job role spread "
        "over small units is shown at the level where it has at least %(k)s people, for "
        "example for the department or the whole organisation, and hidden in the small "
        "units."
    ) % {"k": k}


def hidden_label() -> str:
    """The word a suppressed figure is shown as."""
    return gettext("hidden")


class Stats:
    """Aggregate of one group for one competency.

    ``matrix[t, r]`` counts the people with target level t and reached level r; the
    scalar figures are computed for all cells at once (numpy) and passed in.
    """

    __slots__ = ("below", "gap_sum", "matrix", "people")

    def __init__(self, *, people: int, below: int, gap_sum: int, matrix):
        self.people, self.below, self.gap_sum, self.matrix = people, below, gap_sum, matrix

    @property
    def average_gap(self) -> float | None:
        return self.gap_sum / self.people if self.people else None

    @property
    def share_below(self) -> float | None:
        return self.below / self.people if self.people else None

    @property
    def reached(self) -> dict[int, int]:
        """People per reached level (0: nothing measured)."""
        column = self.matrix.sum(axis=0)
        return {int(r): int(n) for r, n in enumerate(column) if n}

    @property
    def pairs(self) -> dict[tuple[int, int], int]:
        """People per (target, reached) pair."""
        targets, reached = np.nonzero(self.matrix)
        return {
            (int(t), int(r)): int(self.matrix[t, r]) for t, r in zip(targets, reached, strict=True)
        }


@dataclass
class Cell:
    stats: Stats | None  # None: suppressed

    @property
    def suppressed(self) -> bool:
        return self.stats is None


def _weights(depth: int):
    targets = np.arange(depth)[:, None]
    reached = np.arange(depth)[None, :]
    return (reached < targets).astype(np.int64), np.maximum(targets - reached, 0)


@dataclass
class Cube:
    """The whole organisation: ``counts[c, u, r, t, l]`` people of competency c, own unit
    u and reporting role r with target t and reached level l, and the blocks per c."""

    counts: np.ndarray
    competency_index: dict[int, int]
    unit_index: dict[int, int]
    role_index: dict[int, int]
    parent: dict[int, int | None]
    blocks: dict[int, Blocks]
    k: int

    @cached_property
    def ancestors(self) -> dict[int, set[int]]:
        """Unit id -> itself and all of its ancestors."""
        result = {}
        for unit in self.parent:
            chain, node = set(), unit
            while node is not None and node not in chain:
                chain.add(node)
                node = self.parent.get(node)
            result[unit] = chain
        return result

    @cached_property
    def _subtree_cache(self) -> dict:
        return {}

    def subtree_sums(self, role_idx: tuple[int, ...]):
        """``counts`` of the chosen roles summed over roles and over every unit's
        sub-units: shape (competency, unit, target, reached). Summing the roles first keeps
        the arrays small (the role axis can make them tens of MB for a large
        organisation); each role selection is computed once per cube."""
        if role_idx not in self._subtree_cache:
            if len(role_idx) == self.counts.shape[2]:
                sums = self.counts.sum(axis=2)
            else:
                sums = self.counts[:, :, list(role_idx)].sum(axis=2)
            depth = {u: len(self.ancestors[u]) for u in self.parent}
            for unit in sorted(self.parent, key=lambda u: -depth[u]):
                up = self.parent[unit]
                if up is not None and unit in self.unit_index and up in self.unit_index:
                    sums[:, self.unit_index[up]] += sums[:, self.unit_index[unit]]
            self._subtree_cache[role_idx] = sums
        return self._subtree_cache[role_idx]

    @cached_property
    def risky_blocks(self) -> dict[int, dict[int, list]]:
        """Per competency: the blocks a group could cut (merged or too small) and their atoms."""
        result: dict[int, dict[int, list]] = {}
        for competency_id, blocks in self.blocks.items():
            members: dict[int, list] = defaultdict(list)
            for atom, block in blocks.block_of.items():
                if blocks.members[block] > 1 or blocks.size[block] < self.k:
                    members[block].append(atom)
            result[competency_id] = members
        return result

    def hidden_units(self, competency_id: int, roles: set[int] | None) -> set[int]:
        """Units whose subtree group (with the role filter) is not a union of whole blocks.

        Single-atom blocks of at least k people are never cut, so only merged (or, in a
        tiny organisation, too small) blocks need checking.
        """
        members = self.risky_blocks.get(competency_id, {})
        blocks = self.blocks.get(competency_id)
        hidden: set[int] = set()
        for block, atoms in members.items():
            inside = [a for a in atoms if roles is None or a[1] in roles]
            if not inside:
                continue
            touching = set().union(*(self.ancestors.get(a[0], {a[0]}) for a in inside))
            if blocks.size[block] < self.k or len(inside) < len(atoms):
                hidden |= touching
                continue
            containing = set.intersection(*(self.ancestors.get(a[0], {a[0]}) for a in atoms))
            hidden |= touching - containing
        return hidden

    def cells(self, unit_ids: list[int], roles: set[int] | None, competency_ids: list[int]):
        """Cells for every (unit subtree, competency) with the role filter; vectorised."""
        role_idx = tuple(i for r, i in self.role_index.items() if roles is None or r in roles)
        sums = self.subtree_sums(role_idx)
        depth = sums.shape[-1]
        below_w, gap_w = _weights(depth)
        result = {}
        rows = [u for u in unit_ids if u in self.unit_index]
        if not rows or not self.competency_index:
            matrices = None
        else:
            picked = sums[:, [self.unit_index[u] for u in rows]]
            # Plain lists: indexing them in the loop below is several times faster than
            # reading numpy scalars one by one (12,000 cells for 200 units × 60).
            people = picked.sum(axis=(-1, -2)).tolist()
            below = (picked * below_w).sum(axis=(-1, -2)).tolist()
            gaps = (picked * gap_w).sum(axis=(-1, -2)).tolist()
            matrices = (picked, people, below, gaps)
        for competency_id in competency_ids:
            hidden = self.hidden_units(competency_id, roles)
            ci = self.competency_index.get(competency_id)
            if ci is None:
                for unit in rows:
                    stats = Stats(people=0, below=0, gap_sum=0, matrix=np.zeros((1, 1), int))
                    result[(unit, competency_id)] = Cell(stats=stats)
            else:
                picked, people, below, gaps = matrices
                people_c, below_c, gaps_c, picked_c = people[ci], below[ci], gaps[ci], picked[ci]
                for row, unit in enumerate(rows):
                    if unit in hidden:
                        result[(unit, competency_id)] = Cell(stats=None)
                    else:
                        result[(unit, competency_id)] = Cell(
                            stats=Stats(
                                people=people_c[row],
                                below=below_c[row],
                                gap_sum=gaps_c[row],
                                matrix=picked_c[row],
                            )
                        )
            for unit in unit_ids:
                result.setdefault((unit, competency_id), Cell(stats=None))
        return result

    def people_in(self, atoms, competency_ids) -> int:
        """People-with-target count over the atoms and competencies (pairs, not persons)."""
        ci = [self.competency_index[c] for c in competency_ids if c in self.competency_index]
        pairs = [
            (self.unit_index[u], self.role_index[r])
            for u, r in atoms
            if u in self.unit_index and r in self.role_index
        ]
        if not ci or not pairs:
            return 0
        people = self.counts[ci].sum(axis=(-1, -2))
        units, roles = zip(*pairs, strict=True)
        return int(people[:, list(units), list(roles)].sum())

    def group(self, competency_id: int, atoms: set[tuple[int, int]]) -> Cell:
        """Any group of atoms (slow path, for groups that are not one unit's subtree)."""
        blocks = self.blocks.get(competency_id)
        ci = self.competency_index.get(competency_id)
        if blocks is None or ci is None:
            return Cell(stats=Stats(people=0, below=0, gap_sum=0, matrix=np.zeros((1, 1), int)))
        if not blocks.visible(atoms):
            return Cell(stats=None)
        depth = self.counts.shape[-1]
        matrix = np.zeros((depth, depth), dtype=np.int64)
        for unit, role in atoms:
            if unit in self.unit_index and role in self.role_index:
                matrix += self.counts[ci, self.unit_index[unit], self.role_index[role]]
        below_w, gap_w = _weights(depth)
        return Cell(
            stats=Stats(
                people=int(matrix.sum()),
                below=int((matrix * below_w).sum()),
                gap_sum=int((matrix * gap_w).sum()),
                matrix=matrix,
            )
        )


def _blocks_cached(*, people, competency_index, units_sorted, role_ids, parent, k):
    """The suppression blocks per competency, kept in the cache under a digest of exactly
    what they are computed from (people per atom, the org tree, k): the same counts give
    the same blocks, changed counts a new key. Saves the block construction (a few
    hundred ms for 200 units × 60 competencies) on every page view."""
    digest = hashlib.sha256()
    digest.update(repr((k, sorted(parent.items()), units_sorted, role_ids)).encode())
    digest.update(repr(sorted(competency_index.items())).encode())
    digest.update(np.ascontiguousarray(people).tobytes())
    key = "qd:blocks:" + digest.hexdigest()
    blocks = cache.get(key)
    if blocks is None:
        blocks = {}
        for competency_id, ci in competency_index.items():
            nonzero = np.nonzero(people[ci])
            atoms = {
                (units_sorted[ui], role_ids[ri]): int(people[ci, ui, ri])
                for ui, ri in zip(*nonzero, strict=True)
            }
            blocks[competency_id] = build_blocks(atoms=atoms, parent=parent, k=k)
        cache.set(key, blocks, timeout=24 * 3600)
    return blocks


def cube_build(*, competency_ids: list[int] | None = None, k: int | None = None) -> Cube:
    """The organisation cube and its suppression blocks (2 queries).

    Reads the maintained counts (``gapcounts.py``), not the per-person profiles, so its
    cost depends on units × roles × competencies only.
    """
    k = k or min_group_size()
    parent, _units = org_unit_tree()
    query = GapCount.objects.exclude(people=0)
    if competency_ids is not None:
        query = query.filter(competency_id__in=competency_ids)
    else:
        query = query.filter(competency_id__in=Competency.objects.values("pk"))
    rows = list(
        query.values_list(
            "unit_id", "role_id", "competency_id", "target_rank", "reached_rank", "people"
        )
    )
    role_ids = sorted({row[1] for row in rows})
    competency_ids_seen = sorted({row[2] for row in rows})
    units_sorted = sorted(parent)
    unit_index = {unit: i for i, unit in enumerate(units_sorted)}
    role_index = {role: i for i, role in enumerate(role_ids)}
    competency_index = {c: i for i, c in enumerate(competency_ids_seen)}
    depth = 1 + max((max(row[3], row[4]) for row in rows), default=8)
    counts = np.zeros(
        (len(competency_index), len(unit_index), max(1, len(role_index)), depth, depth),
        dtype=np.int64,
    )
    if rows:
        data = np.array([r for r in rows if r[0] in unit_index], dtype=np.int64)
        if len(data):
            np.add.at(
                counts,
                (
                    np.vectorize(competency_index.__getitem__)(data[:, 2]),
                    np.vectorize(unit_index.__getitem__)(data[:, 0]),
                    np.vectorize(role_index.__getitem__)(data[:, 1]),
                    data[:, 3],
                    data[:, 4],
                ),
                data[:, 5],
            )
    people = counts.sum(axis=(-1, -2))  # (competency, unit, role)
    blocks = _blocks_cached(
        people=people,
        competency_index=competency_index,
        units_sorted=units_sorted,
        role_ids=role_ids,
        parent=parent,
        k=k,
    )
    return Cube(
        counts=counts,
        competency_index=competency_index,
        unit_index=unit_index,
        role_index=role_index,
        parent=parent,
        blocks=blocks,
        k=k,
    )


# --------------------------------------------------------------------------- filters & scope


@dataclass
class ReportFilters:
    unit: OrgUnit | None = None
    role: JobRole | None = None
    framework: Framework | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def as_params(self) -> dict:
        return {
            "unit": self.unit.pk if self.unit else "",
            "role": self.role.pk if self.role else "",
            "framework": self.framework.pk if self.framework else "",
            "start": self.start.isoformat() if self.start else "",
            "end": self.end.isoformat() if self.end else "",
        }


def report_scope(*, user) -> list[OrgUnit]:
    """The org units an HR person may report on (their units and all sub-units)."""
    return list(units_responsible_for(user=user))


def _subtree_ids(unit_id: int, children: dict[int, list[int]]) -> set[int]:
    result, stack = set(), [unit_id]
    while stack:
        current = stack.pop()
        result.add(current)
        stack.extend(children.get(current, []))
    return result


# --------------------------------------------------------------------------- the report


@dataclass
class HeatmapRow:
    unit: OrgUnit
    depth: int
    cells: list[Cell]


@dataclass
class RoleGaps:
    role: JobRole
    cells: list[tuple[Competency, Cell, int]]  # competency, cell, target rank


@dataclass
class PlanLine:
    key: str
    title: str
    url: str
    gaps_closed: int
    levels_closed: int
    people_reached: int
    competencies: list[str]


@dataclass
class Report:
    filters: ReportFilters
    k: int
    scope_units: list[OrgUnit]
    competencies: list[Competency]
    rows: list[HeatmapRow]
    total: list[Cell]
    role_gaps: list[RoleGaps]
    distribution: list[tuple[Competency, Cell]]
    levels: list[int]
    trend: list[tuple[dt.date, int | None, int | None]]  # month end, met, pairs
    plan: list[PlanLine]
    hidden_cells: int
    shown_cells: int
    frameworks: list[Framework]
    roles: list[JobRole]


def report_competencies(*, framework: Framework | None) -> list[Competency]:
    """Competencies any role targets (of one framework if given), in framework order."""
    query = Competency.objects.filter(
        kind=Competency.Kind.COMPETENCY, role_targets__isnull=False
    ).select_related("framework")
    if framework is not None:
        query = query.filter(framework=framework)
    return list(query.distinct().order_by("framework__key", "position", "code"))


def report_build(
    *, user, filters: ReportFilters, months: int = 12, with_trend: bool = True
) -> Report:
    """Everything the HR report page and its exports show, for the HR person's scope.

    Raises ``PermissionError`` if the unit filter lies outside the person's scope.
    """
    k = min_group_size()
    scope = report_scope(user=user)
    scope_ids = {u.pk for u in scope}
    if filters.unit is not None and filters.unit.pk not in scope_ids:
        raise PermissionError("unit outside the reporting scope")
    competencies = report_competencies(framework=filters.framework)
    cube = cube_build(competency_ids=[c.pk for c in competencies], k=k)
    children: dict[int, list[int]] = defaultdict(list)
    for unit_id, up in cube.parent.items():
        if up is not None:
            children[up].append(unit_id)
    roles = list(job_roles())
    role_ids = {r.pk for r in roles}
    role_filter = {filters.role.pk} if filters.role else role_ids

    if filters.unit is not None:
        row_units = [u for u in scope if u.path.startswith(filters.unit.path)]
        top = [filters.unit]
    else:
        row_units = scope
        top_paths = [u.path for u in scope]
        top = [u for u in scope if not any(u.path != p and u.path.startswith(p) for p in top_paths)]
    min_depth = min((u.depth for u in row_units), default=1)

    def atoms_for(unit_ids: set[int], role_set: set[int]) -> set[tuple[int, int]]:
        return {(u, r) for u in unit_ids for r in role_set}

    top_units: set[int] = set()
    for unit in top:
        top_units |= _subtree_ids(unit.pk, children)
    top_atoms = atoms_for(top_units, role_filter)

    comp_ids = [c.pk for c in competencies]
    roles_arg = {filters.role.pk} if filters.role else None
    grid = cube.cells([u.pk for u in row_units], roles_arg, comp_ids)
    hidden = shown = 0
    rows = []
    for unit in row_units:
        cells = [grid[(unit.pk, c)] for c in comp_ids]
        hidden += sum(1 for cell in cells if cell.suppressed)
        shown += sum(1 for cell in cells if not cell.suppressed)
        rows.append(HeatmapRow(unit=unit, depth=unit.depth - min_depth, cells=cells))

    def whole_scope(role_set: set[int] | None) -> list[Cell]:
        if len(top) == 1:
            cells = cube.cells([top[0].pk], role_set, comp_ids)
            return [cells[(top[0].pk, c)] for c in comp_ids]
        atoms = atoms_for(top_units, role_set if role_set is not None else role_ids)
        return [cube.group(c, atoms) for c in comp_ids]

    total = whole_scope(roles_arg)

    role_gaps = []
    targeted = defaultdict(dict)
    for target in RoleProfile.objects.filter(competency__in=competencies).select_related(
        "target_level"
    ):
        targeted[target.job_role_id][target.competency_id] = target.target_level.rank
    for role in roles:
        if filters.role and role.pk != filters.role.pk:
            continue
        if not targeted[role.pk]:
            continue
        role_cells = whole_scope({role.pk})
        cells = [
            (c, cell, targeted[role.pk][c.pk])
            for c, cell in zip(competencies, role_cells, strict=True)
            if c.pk in targeted[role.pk]
        ]
        role_gaps.append(RoleGaps(role=role, cells=cells))

    distribution = list(zip(competencies, total, strict=True))
    scale_size = max((c.framework.scale.levels.count() for c in competencies[:1]), default=8)
    levels = list(range(0, scale_size + 1))
    trend = (
        trend_build(
            cube=cube,
            competencies=[c for c, cell in distribution if not cell.suppressed],
            atoms=top_atoms,
            end=filters.end,
            start=filters.start,
            months=months,
        )
        if with_trend
        else []
    )
    plan = plan_build(competencies=competencies, total=total)
    return Report(
        filters=filters,
        k=k,
        scope_units=scope,
        competencies=competencies,
        rows=rows,
        total=total,
        role_gaps=role_gaps,
        distribution=distribution,
        levels=levels,
        trend=trend,
        plan=plan,
        hidden_cells=hidden,
        shown_cells=shown,
        frameworks=list(Framework.objects.order_by("title")),
        roles=roles,
    )


def _month_ends(start: dt.date | None, end: dt.date | None, months: int) -> list[dt.date]:
    end = end or dt.date.today()
    if start is None:
        year, month = end.year, end.month - months + 1
        while month < 1:
            month += 12
            year -= 1
        start = dt.date(year, month, 1)
    result = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month) and len(result) < 60:
        next_first = dt.date(year + (month == 12), month % 12 + 1, 1)
        result.append(min(next_first - dt.timedelta(days=1), end))
        year, month = next_first.year, next_first.month
    return result


def trend_build(
    *, cube: Cube, competencies: list[Competency], atoms: set, start, end, months: int
) -> list[tuple[dt.date, int | None, int | None]]:
    """Per month end: (person, competency) targets met and targets in the group (1 query).

    A target counts as met from the first measured evidence at or above it (expiry is not
    applied backwards in time); the maintained ``GapTrendCount`` rows hold these counts
    per month. Only competencies whose cell is shown are included, so the trend never
    reveals a suppressed cell. People are counted by today's unit and role.
    """
    ends = _month_ends(start, end, months)
    if not competencies or not ends:
        return [(m, None, None) for m in ends]
    ids = [c.pk for c in competencies]
    pairs_total = cube.people_in(atoms, ids)
    rows = (
        GapTrendCount.objects.filter(competency_id__in=ids, month__lte=ends[-1])
        .exclude(people=0)
        .values_list("unit_id", "role_id", "month")
        .annotate(count=Sum("people"))
        .order_by()
    )
    counts = [0] * len(ends)
    for unit_id, role_id, month, count in rows:
        if (unit_id, role_id) not in atoms:
            continue
        for index, limit in enumerate(ends):
            if (month.year, month.month) <= (limit.year, limit.month):
                counts[index] += count
    return [(m, counts[i], pairs_total) for i, m in enumerate(ends)]


def plan_build(*, competencies: list[Competency], total: list[Cell]) -> list[PlanLine]:
    """Training-needs plan: per offered course, the gaps in the group it would close.

    A course that develops competency c up to level L closes the gap of a person with
    target T and reached level R if R < T ≤ L, and narrows it by min(L, T) − R levels if
    R < L. Only shown (not suppressed) cells count. Ordered by levels closed, then gaps.
    """
    by_competency = {c.pk: (c, cell) for c, cell in zip(competencies, total, strict=True)}
    lines = []
    for offer in providers.offers():
        gaps = levels = people = 0
        names = []
        for competency_id, level in offer.develops:
            entry = by_competency.get(competency_id)
            if entry is None or entry[1].suppressed:
                continue
            competency, cell = entry
            touched = False
            for (target, reached), count in cell.stats.pairs.items():
                if reached < target and reached < level:
                    levels += (min(level, target) - reached) * count
                    people += count
                    touched = True
                    if level >= target:
                        gaps += count
            if touched:
                names.append(competency.code)
        if levels:
            lines.append(
                PlanLine(
                    key=offer.key,
                    title=offer.title,
                    url=offer.url,
                    gaps_closed=gaps,
                    levels_closed=levels,
                    people_reached=people,
                    competencies=names,
                )
            )
    lines.sort(key=lambda line: (-line.levels_closed, -line.gaps_closed, line.title))
    return lines


def largest_gap(report: Report) -> tuple[Competency, Cell] | None:
    """The shown competency with the largest average gap in the whole scope (for summaries)."""
    worst = None
    for competency, cell in zip(report.competencies, report.total, strict=True):
        if cell.suppressed or not cell.stats.people:
            continue
        if worst is None or cell.stats.average_gap > worst[1].stats.average_gap:
            worst = (competency, cell)
    return worst


__all__ = [
    "Cell",
    "Cube",
    "Report",
    "ReportFilters",
    "Stats",
    "cube_build",
    "min_group_size",
    "report_build",
    "report_scope",
]
