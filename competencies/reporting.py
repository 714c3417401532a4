"""HR gap reports: read the projections, aggregate by org unit, role and competency, suppress.

Everything a report shows is computed from one aggregate query over the whole
organisation (the *cube*: people per org unit, reporting role, competency, target and
reached level), plus one query for the trend, in a number of queries that does not grow
with the number of people. Suppression (``suppression.py``) is decided on the whole
organisation's cube per competency, so the same group is shown or hidden the same way
for every viewer, scope and filter.

Reporting role: a person holding several job roles is counted once, under the role with
the smallest id (targets still use the highest target among all their roles).
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection

from competencies import providers, rules
from competencies.models import (
    Competency,
    CompetencyProfile,
    Evidence,
    Framework,
    ProficiencyLevel,
    RoleProfile,
)
from competencies.suppression import Blocks, build_blocks
from lms.accounts.models import JobRole, OrgUnit, RoleAssignment
from lms.accounts.selectors import units_responsible_for


def min_group_size() -> int:
    return int(getattr(settings, "QD_MIN_GROUP_SIZE", 5))


@dataclass
class Stats:
    """Aggregate of one group for one competency."""

    people: int = 0
    below: int = 0
    gap_sum: int = 0
    reached: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    pairs: dict[tuple[int, int], int] = field(default_factory=lambda: defaultdict(int))

    def add(self, other: "Stats") -> None:
        self.people += other.people
        self.below += other.below
        self.gap_sum += other.gap_sum
        for rank, count in other.reached.items():
            self.reached[rank] += count
        for pair, count in other.pairs.items():
            self.pairs[pair] += count

    @property
    def average_gap(self) -> float | None:
        return self.gap_sum / self.people if self.people else None

    @property
    def share_below(self) -> float | None:
        return self.below / self.people if self.people else None


@dataclass
class Cell:
    stats: Stats | None  # None: suppressed
    people_hint: str = ""

    @property
    def suppressed(self) -> bool:
        return self.stats is None


@dataclass
class Cube:
    """The whole organisation's aggregates per (unit, role) atom and competency."""

    atoms: dict[int, dict[tuple[int, int], Stats]]  # competency id -> atom -> stats
    parent: dict[int, int | None]
    blocks: dict[int, Blocks]

    def group(self, competency_id: int, atoms: set[tuple[int, int]]) -> Cell:
        blocks = self.blocks.get(competency_id)
        by_atom = self.atoms.get(competency_id, {})
        if blocks is None or not blocks.visible(atoms):
            return Cell(stats=None)
        total = Stats()
        for atom in atoms:
            if atom in by_atom:
                total.add(by_atom[atom])
        return Cell(stats=total)


def _unit_parents() -> tuple[dict[int, int | None], dict[int, OrgUnit]]:
    units = {u.pk: u for u in OrgUnit.objects.only("id", "path", "depth", "name", "code")}
    by_path = {u.path: u.pk for u in units.values()}
    steplen = OrgUnit.steplen
    parent = {
        pk: by_path.get(u.path[:-steplen]) if u.depth > 1 else None for pk, u in units.items()
    }
    return parent, units


def _cube_sql(competency_ids: list[int] | None) -> tuple[str, list]:
    user_table = get_user_model()._meta.db_table
    params: list = []
    competency_filter = ""
    if competency_ids is not None:
        placeholders = ", ".join(["%s"] * len(competency_ids)) or "NULL"
        competency_filter = f"WHERE rp.competency_id IN ({placeholders})"
        params.extend(competency_ids)
    # Table names come from model metadata; every value is a query parameter.
    sql = f"""
        WITH person AS (
            SELECT u.id AS user_id, u.org_unit_id AS unit_id, MIN(ra.job_role_id) AS role_id
            FROM {user_table} u
            JOIN {RoleAssignment._meta.db_table} ra ON ra.user_id = u.id
            WHERE u.is_active AND u.org_unit_id IS NOT NULL
            GROUP BY u.id, u.org_unit_id
        ),
        target AS (
            SELECT ra.user_id, rp.competency_id, MAX(l.rank) AS target_rank
            FROM {RoleAssignment._meta.db_table} ra
            JOIN {RoleProfile._meta.db_table} rp ON rp.job_role_id = ra.job_role_id
            JOIN {ProficiencyLevel._meta.db_table} l ON l.id = rp.target_level_id
            {competency_filter}
            GROUP BY ra.user_id, rp.competency_id
        )
        SELECT p.unit_id, p.role_id, t.competency_id, t.target_rank,
               COALESCE(cp.reached_rank, 0) AS reached, COUNT(*)
        FROM person p
        JOIN target t ON t.user_id = p.user_id
        LEFT JOIN {CompetencyProfile._meta.db_table} cp
               ON cp.user_id = t.user_id AND cp.competency_id = t.competency_id
        GROUP BY p.unit_id, p.role_id, t.competency_id, t.target_rank, COALESCE(cp.reached_rank, 0)
    """  # noqa: S608
    return sql, params


def cube_build(*, competency_ids: list[int] | None = None, k: int | None = None) -> Cube:
    """The organisation cube and its suppression blocks (3 queries)."""
    k = k or min_group_size()
    parent, _units = _unit_parents()
    sql, params = _cube_sql(competency_ids)
    atoms: dict[int, dict[tuple[int, int], Stats]] = defaultdict(dict)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    for unit_id, role_id, competency_id, target, reached, count in rows:
        stats = atoms[competency_id].get((unit_id, role_id))
        if stats is None:
            stats = atoms[competency_id][(unit_id, role_id)] = Stats()
        gap = rules.gap(target=target, reached=reached)
        stats.people += count
        stats.below += count if gap else 0
        stats.gap_sum += gap * count
        stats.reached[reached] += count
        stats.pairs[(target, reached)] += count
    blocks = {
        competency_id: build_blocks(
            atoms={atom: s.people for atom, s in by_atom.items()}, parent=parent, k=k
        )
        for competency_id, by_atom in atoms.items()
    }
    return Cube(atoms=dict(atoms), parent=parent, blocks=blocks)


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


def report_build(*, user, filters: ReportFilters, months: int = 12) -> Report:
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
    roles = list(JobRole.objects.order_by("name"))
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

    subtree_cache = {u.pk: _subtree_ids(u.pk, children) for u in row_units}
    top_units: set[int] = set()
    for unit in top:
        top_units |= subtree_cache.get(unit.pk) or _subtree_ids(unit.pk, children)
    top_atoms = atoms_for(top_units, role_filter)

    hidden = shown = 0
    rows = []
    for unit in row_units:
        group = atoms_for(subtree_cache[unit.pk], role_filter)
        cells = [cube.group(c.pk, group) for c in competencies]
        hidden += sum(1 for cell in cells if cell.suppressed)
        shown += sum(1 for cell in cells if not cell.suppressed)
        rows.append(HeatmapRow(unit=unit, depth=unit.depth - min_depth, cells=cells))
    total = [cube.group(c.pk, top_atoms) for c in competencies]

    role_gaps = []
    targeted = defaultdict(dict)
    for target in RoleProfile.objects.filter(competency__in=competencies).select_related(
        "target_level"
    ):
        targeted[target.job_role_id][target.competency_id] = target.target_level.rank
    for role in roles:
        if filters.role and role.pk != filters.role.pk:
            continue
        group = atoms_for(top_units, {role.pk})
        cells = [
            (c, cube.group(c.pk, group), targeted[role.pk][c.pk])
            for c in competencies
            if c.pk in targeted[role.pk]
        ]
        if cells:
            role_gaps.append(RoleGaps(role=role, cells=cells))

    distribution = list(zip(competencies, total, strict=True))
    scale_size = max((c.framework.scale.levels.count() for c in competencies[:1]), default=8)
    levels = list(range(0, scale_size + 1))
    trend = trend_build(
        cube=cube,
        competencies=[c for c, cell in distribution if not cell.suppressed],
        atoms=top_atoms,
        end=filters.end,
        start=filters.start,
        months=months,
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
    applied backwards in time). Only competencies whose cell is shown are included, so the
    trend never reveals a suppressed cell. People are counted by today's unit and role.
    """
    ends = _month_ends(start, end, months)
    if not competencies or not ends:
        return [(m, None, None) for m in ends]
    ids = [c.pk for c in competencies]
    pairs_total = sum(
        cube.atoms.get(c, {}).get(atom, Stats()).people for c in ids for atom in atoms
    )
    user_table = get_user_model()._meta.db_table
    placeholders = ", ".join(["%s"] * len(ids))
    if connection.vendor == "postgresql":
        month = "to_char(f.met_at AT TIME ZONE 'UTC', 'YYYY-MM')"
    else:
        month = "strftime('%%Y-%%m', f.met_at)"
    # Table names come from model metadata; every value is a query parameter.
    sql = f"""
        WITH person AS (
            SELECT u.id AS user_id, u.org_unit_id AS unit_id, MIN(ra.job_role_id) AS role_id
            FROM {user_table} u
            JOIN {RoleAssignment._meta.db_table} ra ON ra.user_id = u.id
            WHERE u.is_active AND u.org_unit_id IS NOT NULL
            GROUP BY u.id, u.org_unit_id
        ),
        target AS (
            SELECT ra.user_id, rp.competency_id, MAX(l.rank) AS target_rank
            FROM {RoleAssignment._meta.db_table} ra
            JOIN {RoleProfile._meta.db_table} rp ON rp.job_role_id = ra.job_role_id
            JOIN {ProficiencyLevel._meta.db_table} l ON l.id = rp.target_level_id
            WHERE rp.competency_id IN ({placeholders})
            GROUP BY ra.user_id, rp.competency_id
        ),
        first_met AS (
            SELECT e.user_id, e.competency_id, MIN(e.occurred_at) AS met_at
            FROM {Evidence._meta.db_table} e
            JOIN target t ON t.user_id = e.user_id AND t.competency_id = e.competency_id
            WHERE e.source <> 'self' AND e.rank >= t.target_rank
            GROUP BY e.user_id, e.competency_id
        )
        SELECT p.unit_id, p.role_id, {month} AS month, COUNT(*)
        FROM first_met f JOIN person p ON p.user_id = f.user_id
        GROUP BY p.unit_id, p.role_id, {month}
    """  # noqa: S608
    counts = [0] * len(ends)
    with connection.cursor() as cursor:
        cursor.execute(sql, ids)
        for unit_id, role_id, month, count in cursor.fetchall():
            if (unit_id, role_id) not in atoms:
                continue
            key = month[:7] if isinstance(month, str) else f"{month:%Y-%m}"
            for index, limit in enumerate(ends):
                if key <= f"{limit:%Y-%m}":
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
