"""People counts per org unit, reporting role and competency, read by the HR reports.

``GapCount``: one row per (own org unit, reporting role, competency, target rank, reached
rank) with the number of people (``reporting.cube_build``). ``GapTrendCount``: one row
per (own org unit, reporting role, competency, month) with the number of people whose
target was first met in that month by measured evidence (``reporting.trend_build``).
A report therefore costs the same for 1,000 or 100,000 people. Both are derived from
people (active, org unit), their role assignments, the role targets, the evidence and
the competency profiles, and kept current in the transaction of every change to them:

- evidence and profile changes (``projection.apply``, ``profiles_recompute``, erasure)
  run inside ``tracking``: the affected people's contribution is read before and after
  the change and the difference is added (constant number of queries per batch);
- a person's org unit or active flag and their role assignments: signal handlers do the
  same around ``save``/``delete`` (the ``pre_*`` handler reads, the ``post_*`` applies);
- a role target: the counts of that competency are recomputed from scratch;
- ``rebuild`` recomputes everything (projection reset and full rebuild).

Concurrency (PostgreSQL): a change locks its people (advisory, per person, in id order)
before reading, and takes the shared side of one table-wide advisory lock; full
recomputations take its exclusive side, so no difference is computed against a state
another transaction is about to change. Rows whose count drops to 0 stay (their number is
bounded by units × roles × competencies × levels²); readers skip them.
"""

import datetime as dt
import threading
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


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _in(column: str, values, params: list) -> str:
    """``column`` is one of ``values`` (an array parameter on PostgreSQL)."""
    values = sorted(set(values))
    if _is_postgres():
        params.append(values)
        return f"{column} = ANY(%s)"
    if not values:
        return "FALSE"
    params.extend(values)
    return f"{column} IN ({', '.join(['%s'] * len(values))})"


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
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock_shared(%s, %s), "
            "(SELECT COUNT(pg_advisory_xact_lock((%s::bigint << 40) | s.id)) FROM "
            "(SELECT DISTINCT id FROM unnest(%s::bigint[]) AS id ORDER BY id) s)",
            [_LOCK_NAMESPACE, _TABLE_LOCK, _LOCK_NAMESPACE, sorted(user_ids or ())],
        )


def _lock_table() -> None:
    if _is_postgres():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [_LOCK_NAMESPACE, _TABLE_LOCK])


def add(delta: Counter) -> None:
    """Add (signed) differences to the counts, one statement per table."""
    for model, tag, fields in (
        (GapCount, GAP, "target_rank, reached_rank"),
        (GapTrendCount, TREND, "month"),
    ):
        rows = [(*key[1:], value) for key, value in delta.items() if value and key[0] == tag]
        if not rows:
            continue
        width = len(rows[0])
        values = ", ".join(["(" + ", ".join(["%s"] * width) + ")"] * len(rows))
        params = [value for row in rows for value in row]
        table = model._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {table} AS g (unit_id, role_id, competency_id, {fields}, people)
                VALUES {values}
                ON CONFLICT (unit_id, role_id, competency_id, {fields})
                DO UPDATE SET people = g.people + EXCLUDED.people
                """,  # noqa: S608 (table and column names from this module)
                params,
            )


@contextmanager
def tracking(user_ids, competency_ids=None):
    """Keep the counts current across a change to these people (and competencies)."""
    user_ids = set(user_ids)
    _lock(user_ids)
    before = contributions(user_ids=user_ids, competency_ids=competency_ids)
    yield
    if not before:
        # Nobody here counts (no unit, role or target for these competencies). Whatever
        # could change that waits for the locks taken above, so nobody counts after.
        return
    after = contributions(user_ids=user_ids, competency_ids=competency_ids)
    after.subtract(before)
    add(after)


def recompute_competencies(competency_ids) -> None:
    """Recompute the counts of some competencies from scratch (a role target changed)."""
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


# --------------------------------------------------------------------------- signals
# A person's contribution is read in ``pre_save``/``pre_delete`` and the difference
# applied in ``post_*``. Several rows of one person deleted in one batch send all their
# ``pre_delete`` signals first; they read the same state, and only the first ``post_*``
# applies the difference (it pops the pending entry).

_pending = threading.local()


def _pending_map() -> dict:
    if not hasattr(_pending, "before"):
        _pending.before = {}
    return _pending.before


def _remember(user_id) -> None:
    if user_id is None:
        return
    _lock({user_id})
    _pending_map()[(connection.alias, user_id)] = contributions(user_ids={user_id})


def _settle(user_id) -> None:
    before = _pending_map().pop((connection.alias, user_id), None)
    if before is None:
        return
    after = contributions(user_ids={user_id})
    after.subtract(before)
    add(after)


def _person_fields_may_change(update_fields) -> bool:
    return update_fields is None or bool({"org_unit", "is_active"} & set(update_fields))


def on_user_pre_save(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or instance.pk is None or not _person_fields_may_change(update_fields):
        return
    _remember(instance.pk)


def on_user_post_save(sender, instance, created, update_fields=None, raw=False, **kwargs):
    if raw or created or not _person_fields_may_change(update_fields):
        return  # a new person holds no role yet, so counts nowhere
    _settle(instance.pk)


def on_assignment_pre_change(sender, instance, raw=False, **kwargs):
    if raw:
        return
    _remember(instance.user_id)


def on_assignment_post_change(sender, instance, raw=False, **kwargs):
    if raw:
        return
    _settle(instance.user_id)


def on_target_pre_save(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        instance._gap_previous_competency = None
        return
    instance._gap_previous_competency = (
        RoleProfile.objects.filter(pk=instance.pk).values_list("competency_id", flat=True).first()
    )


def on_target_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    previous = getattr(instance, "_gap_previous_competency", None)
    recompute_competencies({instance.competency_id} | ({previous} if previous else set()))


def connect_signals() -> None:
    from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

    user = get_user_model()
    uid = "competencies.gapcounts"
    pre_save.connect(on_user_pre_save, sender=user, dispatch_uid=f"{uid}.user.pre")
    post_save.connect(on_user_post_save, sender=user, dispatch_uid=f"{uid}.user.post")
    for signal, handler, tag in (
        (pre_save, on_assignment_pre_change, "pre_save"),
        (pre_delete, on_assignment_pre_change, "pre_delete"),
        (post_save, on_assignment_post_change, "post_save"),
        (post_delete, on_assignment_post_change, "post_delete"),
    ):
        signal.connect(handler, sender=RoleAssignment, dispatch_uid=f"{uid}.assignment.{tag}")
    pre_save.connect(on_target_pre_save, sender=RoleProfile, dispatch_uid=f"{uid}.target.pre")
    post_save.connect(on_target_changed, sender=RoleProfile, dispatch_uid=f"{uid}.target.save")
    post_delete.connect(on_target_changed, sender=RoleProfile, dispatch_uid=f"{uid}.target.del")
