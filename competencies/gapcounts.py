"""People counts per org unit, reporting role and competency, read by the HR reports.

``GapCount``: one row per (own org unit, reporting role, competency, target rank, reached
rank) with the number of people (``reporting.cube_build``). ``GapTrendCount``: one row
per (own org unit, reporting role, competency, month) with the number of people whose
target was first met in that month by measured evidence (``reporting.trend_build``).
A report therefore costs the same for 1,000 or 100,000 people. Both are derived from
people (active, org unit), their role assignments, the role targets, the evidence and
the competency profiles, and kept current explicitly, in the transaction of every change
to them (no signals: a queryset ``update()`` or ``bulk_create`` would slip past them):

- evidence and profile changes (``projection.apply``, ``profiles_recompute``, erasure)
  run inside ``tracking``;
- people changes (org unit, active flag, role assignments, deletion): every write in
  ``lms.accounts`` runs inside ``lms.accounts.trackers.people_changing``, which enters
  ``people_tracking`` (registered in ``CompetenciesConfig.ready()``);
- both read the affected people's contribution before and after the change and add the
  difference (constant number of queries per change);
- role targets (``services.role_target_*``, competency and framework deletion): the
  counts of the affected competencies are recomputed from scratch;
- ``rebuild`` recomputes everything (projection reset and full rebuild).

Concurrency (PostgreSQL): a change locks its people (advisory locks on at most
``_LOCK_BUCKETS`` buckets of person ids, in order) before reading, and takes the shared
side of one table-wide advisory lock; full recomputations take its exclusive side, so no
difference is computed against a state another transaction is about to change. Rows
whose count drops to 0 stay (their number is bounded by units × roles × competencies ×
levels²); readers skip them.
"""

import contextvars
import datetime as dt
import json
from collections import Counter
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.db import connection

from competencies.models import (
    CompetencyProfile,
    Evidence,
    GapCount,
    GapTrendCount,
    ProficiencyLevel,
    RoleProfile,
)
from lms.accounts.models import RoleAssignment

# Keys: ("gap", unit, role, competency, target rank, reached rank) and
# ("trend", unit, role, competency, first day of the month).
GAP, TREND = "gap", "trend"

_LOCK_NAMESPACE = 7301  # advisory lock class of this table (first key of the two-int form)
_TABLE_LOCK = 0
# People share locks by id modulo this: one lock per person would exhaust PostgreSQL's
# shared lock table (max_locks_per_transaction) when one transaction changes thousands.
_LOCK_BUCKETS = 256


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _in(column: str, values, params: list) -> str:
    """``column`` is one of ``values`` (an array parameter on PostgreSQL)."""
    values = sorted(set(values))
    if _is_postgres():
        params.append(values)
        return f"{column} = ANY(%s)"
    # SQLite: one JSON parameter, whatever the number of values.
    params.append(json.dumps(values))
    return f"{column} IN (SELECT value FROM json_each(%s))"  # noqa: S608 (column: ours)


def _ctes(*, user_ids, competency_ids, params: list) -> str:
    user_table = get_user_model()._meta.db_table
    person_filter = target_filter = ""
    if user_ids is not None:
        person_filter = "AND " + _in("u.id", user_ids, params)
        target_filter = "AND " + _in("ra.user_id", user_ids, params)
    if competency_ids is not None:
        target_filter += " AND " + _in("rp.competency_id", competency_ids, params)
    # Table names come from model metadata; every value is a query parameter.
    return f"""
        person AS (
            SELECT u.id AS user_id, u.org_unit_id AS unit_id, MIN(ra.job_role_id) AS role_id
            FROM {user_table} u
            JOIN {RoleAssignment._meta.db_table} ra ON ra.user_id = u.id
            WHERE u.is_active AND u.org_unit_id IS NOT NULL {person_filter}
            GROUP BY u.id, u.org_unit_id
        ),
        target AS (
            SELECT ra.user_id, rp.competency_id, MAX(l.rank) AS target_rank
            FROM {RoleAssignment._meta.db_table} ra
            JOIN {RoleProfile._meta.db_table} rp ON rp.job_role_id = ra.job_role_id
            JOIN {ProficiencyLevel._meta.db_table} l ON l.id = rp.target_level_id
            WHERE TRUE {target_filter}
            GROUP BY ra.user_id, rp.competency_id
        )"""  # noqa: S608


def _month(column: str) -> str:
    if _is_postgres():
        return f"CAST(date_trunc('month', {column} AT TIME ZONE 'UTC') AS date)"
    return f"date({column}, 'start of month')"


def gap_sql(*, user_ids=None, competency_ids=None) -> tuple[str, list]:
    """Gap counts from scratch for some people and competencies (None: all).

    A person counts if active and in an org unit, under the role with the smallest id
    (the reporting role), once per competency any of their roles targets, with the
    highest target among their roles and the reached rank of their profile (0: none).
    """
    params: list = []
    ctes = _ctes(user_ids=user_ids, competency_ids=competency_ids, params=params)
    sql = f"""
        WITH {ctes}
        SELECT p.unit_id, p.role_id, t.competency_id, t.target_rank,
               COALESCE(cp.reached_rank, 0) AS reached, COUNT(*)
        FROM person p
        JOIN target t ON t.user_id = p.user_id
        LEFT JOIN {CompetencyProfile._meta.db_table} cp
               ON cp.user_id = t.user_id AND cp.competency_id = t.competency_id
        GROUP BY p.unit_id, p.role_id, t.competency_id, t.target_rank, COALESCE(cp.reached_rank, 0)
    """  # noqa: S608
    return sql, params


def trend_sql(*, user_ids=None, competency_ids=None) -> tuple[str, list]:
    """Trend counts from scratch: a target is met from the first measured evidence at or
    above it (expiry is not applied backwards in time), counted in that UTC month."""
    params: list = []
    ctes = _ctes(user_ids=user_ids, competency_ids=competency_ids, params=params)
    evidence_filter = ""
    if user_ids is not None:
        evidence_filter = "AND " + _in("e.user_id", user_ids, params)
    sql = f"""
        WITH {ctes},
        first_met AS (
            SELECT e.user_id, e.competency_id, MIN(e.occurred_at) AS met_at
            FROM {Evidence._meta.db_table} e
            JOIN target t ON t.user_id = e.user_id AND t.competency_id = e.competency_id
            WHERE e.source <> 'self' AND e.rank >= t.target_rank {evidence_filter}
            GROUP BY e.user_id, e.competency_id
        )
        SELECT p.unit_id, p.role_id, f.competency_id,
               COUNT(*) AS count, {_month("f.met_at")} AS month
        FROM first_met f JOIN person p ON p.user_id = f.user_id
        GROUP BY p.unit_id, p.role_id, f.competency_id, {_month("f.met_at")}
    """  # noqa: S608
    return sql, params


def _as_date(value):
    return dt.date.fromisoformat(value[:10]) if isinstance(value, str) else value


def contributions(*, user_ids=None, competency_ids=None) -> Counter:
    """Both counts computed from scratch (all people and competencies by default)."""
    if user_ids is not None and not user_ids:
        return Counter()
    gap, gap_params = gap_sql(user_ids=user_ids, competency_ids=competency_ids)
    trend, trend_params = trend_sql(user_ids=user_ids, competency_ids=competency_ids)
    result = Counter()
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT 0, g.*, NULL FROM ({gap}) g
            UNION ALL
            SELECT 1, t.unit_id, t.role_id, t.competency_id, 0, 0, t.count, t.month
            FROM ({trend}) t
            """,  # noqa: S608 (built above from model metadata)
            gap_params + trend_params,
        )
        for kind, unit, role, competency, target, reached, count, month in cursor.fetchall():
            if kind == 0:
                result[(GAP, unit, role, competency, target, reached)] = count
            else:
                result[(TREND, unit, role, competency, _as_date(month))] = count
    return result


def stored(*, competency_ids=None) -> Counter:
    """The maintained counts (rows with a count of 0 left out)."""
    result = Counter()
    for model, tag, fields in (
        (GapCount, GAP, ("target_rank", "reached_rank")),
        (GapTrendCount, TREND, ("month",)),
    ):
        query = model.objects.exclude(people=0)
        if competency_ids is not None:
            query = query.filter(competency_id__in=competency_ids)
        for row in query.values_list("unit_id", "role_id", "competency_id", *fields, "people"):
            result[(tag, *row[:-1])] = row[-1]
    return result


def _lock(user_ids) -> None:
    """Serialise changes to the same people; let full recomputations wait for them."""
    if not _is_postgres():
        return
    buckets = sorted({1 + user_id % _LOCK_BUCKETS for user_id in user_ids})
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock_shared(%s, %s), "
            "(SELECT COUNT(pg_advisory_xact_lock(%s, s.b)) FROM "
            "(SELECT b FROM unnest(%s::int[]) AS b ORDER BY b) s)",
            [_LOCK_NAMESPACE, _TABLE_LOCK, _LOCK_NAMESPACE, buckets],
        )


def _lock_table() -> None:
    if _frames.get():
        # The enclosing block would add its difference on top of the recomputed rows.
        raise RuntimeError("gap counts cannot be recomputed inside a tracking block")
    if _is_postgres():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [_LOCK_NAMESPACE, _TABLE_LOCK])


def add(delta: Counter) -> None:
    """Add (signed) differences to the counts, one statement per table and 1,000 rows
    (a statement holds at most 65,535 parameters)."""
    for model, tag, fields in (
        (GapCount, GAP, "target_rank, reached_rank"),
        (GapTrendCount, TREND, "month"),
    ):
        rows = [(*key[1:], value) for key, value in delta.items() if value and key[0] == tag]
        table = model._meta.db_table
        for start in range(0, len(rows), 1000):
            chunk = rows[start : start + 1000]
            width = len(chunk[0])
            values = ", ".join(["(" + ", ".join(["%s"] * width) + ")"] * len(chunk))
            with connection.cursor() as cursor:
                cursor.execute(
                    f"""
                    INSERT INTO {table} AS g (unit_id, role_id, competency_id, {fields}, people)
                    VALUES {values}
                    ON CONFLICT (unit_id, role_id, competency_id, {fields})
                    DO UPDATE SET people = g.people + EXCLUDED.people
                    """,  # noqa: S608 (table and column names from this module)
                    [value for row in chunk for value in row],
                )


# The people (and competencies, None: all) whose counts enclosing ``tracking`` blocks of
# this thread keep current.
_frames: contextvars.ContextVar[tuple[tuple[frozenset, frozenset | None], ...]] = (
    contextvars.ContextVar("gapcounts_tracking", default=())
)


def _not_yet_tracked(user_ids: frozenset, competency_ids: frozenset | None) -> frozenset:
    """The people no enclosing block tracks for these competencies. A person tracked for
    fewer competencies than asked for here cannot be split: that nesting is refused."""
    left = set()
    for user_id in user_ids:
        scopes = [scope for ids, scope in _frames.get() if user_id in ids]
        if not scopes:
            left.add(user_id)
        elif not any(
            scope is None or (competency_ids is not None and competency_ids <= scope)
            for scope in scopes
        ):
            raise RuntimeError("a tracking block may not widen an enclosing one")
    return frozenset(left)


def tracking(user_ids, competency_ids=None):
    """Keep the counts current across a change to the evidence or profiles of these people
    (and competencies, None: all). Such a change never moves anybody between groups, so
    when nobody here counts before, nobody counts after."""
    return _tracked(user_ids, competency_ids, membership_fixed=True)


def people_tracking(user_ids):
    """Keep the counts current across a change to these people themselves: org unit,
    active flag, role assignments, deletion. The tracker ``lms.accounts`` enters around
    every such change (registered in ``CompetenciesConfig.ready()``)."""
    return _tracked(user_ids, None, membership_fixed=False)


@contextmanager
def _tracked(user_ids, competency_ids, *, membership_fixed: bool):
    """Read the people's contribution before and after the block and add the difference.

    Blocks nest: people an enclosing block tracks are left to it.
    """
    scope = None if competency_ids is None else frozenset(competency_ids)
    user_ids = _not_yet_tracked(frozenset(user_ids), scope)
    if not user_ids:
        yield
        return
    _lock(user_ids)
    before = contributions(user_ids=user_ids, competency_ids=scope)
    token = _frames.set((*_frames.get(), (user_ids, scope)))
    try:
        yield
    finally:
        _frames.reset(token)
    if membership_fixed and not before:
        # Nobody here counts (no unit, role or target for these competencies). Whatever
        # could change that waits for the locks taken above, so nobody counts after.
        return
    after = contributions(user_ids=user_ids, competency_ids=scope)
    after.subtract(before)
    add(after)


def recompute_competencies(competency_ids) -> None:
    """Recompute the counts of some competencies from scratch (a role target changed, a
    competency was deleted)."""
    competency_ids = set(competency_ids)
    if not competency_ids:
        return
    _lock_table()
    GapCount.objects.filter(competency_id__in=competency_ids).delete()
    GapTrendCount.objects.filter(competency_id__in=competency_ids).delete()
    _insert_from_scratch(competency_ids)


def rebuild() -> None:
    """Recompute all counts from scratch."""
    _lock_table()
    GapCount.objects.all().delete()
    GapTrendCount.objects.all().delete()
    _insert_from_scratch(None)


def _insert_from_scratch(competency_ids) -> None:
    gap, gap_params = gap_sql(competency_ids=competency_ids)
    trend, trend_params = trend_sql(competency_ids=competency_ids)
    with connection.cursor() as cursor:
        if _is_postgres():
            cursor.execute("SET LOCAL work_mem = '128MB'")
        cursor.execute(
            f"""
            INSERT INTO {GapCount._meta.db_table}
                (unit_id, role_id, competency_id, target_rank, reached_rank, people)
            {gap}
            """,
            gap_params,
        )
        cursor.execute(
            f"""
            INSERT INTO {GapTrendCount._meta.db_table}
                (unit_id, role_id, competency_id, people, month)
            {trend}
            """,
            trend_params,
        )
