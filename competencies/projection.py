"""Evidence and competency profiles as a projection of stored xAPI statements.

Registered with ``lms.xapi.projections`` in ``CompetenciesConfig.ready()``. For every
insert (one statement or a batch) ``apply`` runs in the insert transaction and issues a
constant number of bulk queries:

1. resolve the competency and level URIs named in the batch (2 queries);
2. insert the evidence rows (idempotent: unique per statement, competency and level);
3. delete the evidence of statements voided by the batch;
4. recompute the profile rows of every (person, competency) the batch touched with the
   pure rule in ``rules.profile_state`` (1 read, 1 upsert, 1 delete).

What counts as evidence (only statements the platform itself recorded: an LRS client's
evidence extension or self-assessment is ignored, see ``lms.xapi.trust``)
- ``result.extensions[EXT_COMPETENCY_EVIDENCE]`` items with source ``assessment``,
  ``course`` or ``validation`` on statements that are not failed (``result.success`` is
  not false);
- self-assessment statements (verb self-assessed, object = competency activity,
  ``result.extensions[EXT_SELF_ASSESSED_LEVEL].level``) become evidence with source
  ``self``; the rule keeps them apart from measured levels.
- statements of actors that are not platform users are ignored; a level must belong to
  the scale of the competency's framework.
"""

import datetime
import uuid
from collections import defaultdict

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from competencies import gapcounts, rules
from competencies.models import Competency, CompetencyProfile, Evidence, ProficiencyLevel
from lms.xapi import vocabulary

NAME = "competencies.evidence"


def _validity_months() -> int | None:
    return getattr(settings, "QD_EVIDENCE_VALIDITY_MONTHS", None)


def _expires(item: dict) -> datetime.datetime | None:
    """An expiry the statement itself states for one evidence item (aware), if any."""
    value = item.get("expires")
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _claims(statement) -> list[tuple[str, str, str, datetime.datetime | None]]:
    """(competency URI, level URI, source, stated expiry) claimed by one statement."""
    if not statement.by_platform:
        return []
    if statement.verb == vocabulary.SELF_ASSESSED.id:
        ext = (statement.result.get("extensions") or {}).get(vocabulary.EXT_SELF_ASSESSED_LEVEL)
        level = ext.get("level") if isinstance(ext, dict) else ext
        if isinstance(level, str) and statement.object_type in ("Activity", ""):
            return [(statement.object_id, level, rules.SELF_SOURCE, None)]
        return []
    if statement.result_success is False:
        return []
    claims = []
    for item in statement.evidence:
        source = item.get("source")
        if source not in rules.MEASURED_SOURCES:
            continue
        competency, level = item.get("competency"), item.get("level")
        if isinstance(competency, str) and isinstance(level, str):
            claims.append((competency, level, source, _expires(item)))
    return claims


def _expiry(occurred, stated, validity_months) -> datetime.datetime | None:
    """The earlier of the statement's own expiry and the deployment-wide evidence validity."""
    expiries = [e for e in (stated, rules.expiry_for(occurred, validity_months)) if e is not None]
    return min(expiries, default=None)


def apply(statements: list) -> None:
    voided: list[uuid.UUID] = []
    claims = []
    for statement in statements:
        if statement.is_voiding:
            try:
                voided.append(uuid.UUID(statement.object_id))
            except ValueError:
                continue
            continue
        if statement.user_id is None:
            continue
        for competency_uri, level_uri, source, expires in _claims(statement):
            claims.append((statement, competency_uri, level_uri, source, expires))

    touched: set[tuple[int, int]] = set()
    rows = []
    if claims:
        competencies, scale_of = {}, {}
        for uri, pk, scale_id in Competency.objects.filter(
            uri__in={c[1] for c in claims}
        ).values_list("uri", "id", "framework__scale_id"):
            competencies[uri], scale_of[pk] = pk, scale_id
        levels = {
            uri: (pk, rank, scale_id)
            for uri, pk, rank, scale_id in ProficiencyLevel.objects.filter(
                uri__in={c[2] for c in claims}
            ).values_list("uri", "id", "rank", "scale_id")
        }
        validity = _validity_months()
        for statement, competency_uri, level_uri, source, stated_expiry in claims:
            competency_id = competencies.get(competency_uri)
            level = levels.get(level_uri)
            if competency_id is None or level is None or level[2] != scale_of[competency_id]:
                continue
            occurred = statement.timestamp
            rows.append(
                Evidence(
                    user_id=statement.user_id,
                    competency_id=competency_id,
                    level_id=level[0],
                    rank=level[1],
                    source=source,
                    statement_id=statement.id,
                    occurred_at=occurred,
                    expires_at=_expiry(occurred, stated_expiry, validity)
                    if source != rules.SELF_SOURCE
                    else None,
                )
            )
            touched.add((statement.user_id, competency_id))
    gone = None
    if voided:
        gone = Evidence.objects.filter(statement_id__in=voided)
        touched.update(gone.values_list("user_id", "competency_id"))
    if not touched:
        return
    # Evidence and profiles change together; the gap and trend counts follow them.
    with gapcounts.tracking({u for u, _c in touched}, {c for _u, c in touched}):
        if rows:
            Evidence.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
        if gone is not None:
            gone.delete()
        profiles_recompute(pairs=touched, tracked=False)


def profiles_recompute(*, pairs: set[tuple[int, int]], now=None, tracked: bool = True) -> None:
    """Recompute the profile rows of the given (user id, competency id) pairs from evidence.

    ``tracked=False``: the caller already keeps the gap counts current around this call.
    """
    if not pairs:
        return
    now = now or timezone.now()
    users = {u for u, _c in pairs}
    comps = {c for _u, c in pairs}
    items: dict[tuple[int, int], list[rules.EvidenceItem]] = defaultdict(list)
    for user_id, competency_id, rank, source, occurred, expires in Evidence.objects.filter(
        user_id__in=users, competency_id__in=comps
    ).values_list("user_id", "competency_id", "rank", "source", "occurred_at", "expires_at"):
        if (user_id, competency_id) in pairs:
            items[(user_id, competency_id)].append(
                rules.EvidenceItem(rank, source, occurred, expires)
            )
    if not tracked:
        _profiles_write(pairs, items, now)
        return
    with gapcounts.tracking(users, comps):
        _profiles_write(pairs, items, now)


def _profiles_write(pairs, items, now) -> None:
    upserts, empty = [], []
    for pair in pairs:
        if not items.get(pair):
            empty.append(pair)
            continue
        state = rules.profile_state(items[pair], now=now)
        upserts.append(
            CompetencyProfile(
                user_id=pair[0],
                competency_id=pair[1],
                reached_rank=state.reached_rank,
                reached_at=state.reached_at,
                expires_at=state.expires_at,
                self_assessed_rank=state.self_assessed_rank,
                self_assessed_at=state.self_assessed_at,
                last_evidence_at=state.last_evidence_at,
                next_expiry_at=state.next_expiry_at,
            )
        )
    CompetencyProfile.objects.bulk_create(
        upserts,
        update_conflicts=True,
        unique_fields=["user", "competency"],
        update_fields=[
            "reached_rank",
            "reached_at",
            "expires_at",
            "self_assessed_rank",
            "self_assessed_at",
            "last_evidence_at",
            "next_expiry_at",
        ],
        batch_size=1000,
    )
    if empty:
        condition = Q()
        for user_id, competency_id in empty:
            condition |= Q(user_id=user_id, competency_id=competency_id)
        CompetencyProfile.objects.filter(condition).delete()


def reset() -> None:
    CompetencyProfile.objects.all().delete()
    Evidence.objects.all().delete()
    gapcounts.rebuild()


def erase(user_id: int) -> None:
    with gapcounts.tracking({user_id}):
        CompetencyProfile.objects.filter(user_id=user_id).delete()
        Evidence.objects.filter(user_id=user_id).delete()


def profiles_refresh_expired(*, now=None) -> int:
    """Recompute profiles that evidence expiring by ``now`` changes (run daily by Celery
    beat): their reached level drops, or dates from later evidence."""
    now = now or timezone.now()
    pairs = set(
        CompetencyProfile.objects.filter(next_expiry_at__lte=now).values_list(
            "user_id", "competency_id"
        )
    )
    profiles_recompute(pairs=pairs, now=now)
    return len(pairs)


# The same rule as ``rules.profile_state``, set-based, in ONE sorted pass over the evidence
# of a chunk of people (PostgreSQL; a property test holds it to the pure rule on random
# scales and histories). Window aggregates find each pair's top current measured rank and
# latest self-assessment time; the outer aggregates read the rows at those values. No
# value is packed into another, so any rank and any timestamp come back exactly.
#   measured:   a measured source (rules.MEASURED_SOURCES) that has not expired at %(now)s
#   top:        highest measured rank                       -> reached_rank (0: none)
#   reached_at: earliest time among measured rows at top
#   expires_at: latest expiry among measured rows at top; NULL if any of them never expires
#   next_expiry_at: earliest expiry among measured rows at top
#   self_at:    latest self-assessment; self_assessed_rank = highest rank at that time
_REBUILD_SQL = """
WITH e AS (
    SELECT user_id, competency_id, rank, source, occurred_at, expires_at,
           source = ANY(%(measured)s) AND (expires_at IS NULL OR expires_at > %(now)s)
               AS measured
    FROM competencies_evidence
    WHERE user_id >= %(low)s AND user_id < %(high)s
),
w AS (
    SELECT e.*,
        MAX(rank) FILTER (WHERE measured) OVER pair AS top,
        MAX(occurred_at) FILTER (WHERE source = %(self)s) OVER pair AS self_at
    FROM e
    WINDOW pair AS (PARTITION BY user_id, competency_id)
)
INSERT INTO competencies_competencyprofile
    (user_id, competency_id, reached_rank, reached_at, expires_at,
     self_assessed_rank, self_assessed_at, last_evidence_at, next_expiry_at)
SELECT user_id, competency_id,
    COALESCE(MAX(top), 0),
    MIN(occurred_at) FILTER (WHERE measured AND rank = top),
    CASE WHEN BOOL_OR(measured AND rank = top AND expires_at IS NULL) THEN NULL
         ELSE MAX(expires_at) FILTER (WHERE measured AND rank = top) END,
    COALESCE(MAX(rank) FILTER (WHERE source = %(self)s AND occurred_at = self_at), 0),
    MAX(self_at),
    MAX(occurred_at),
    MIN(expires_at) FILTER (WHERE measured AND rank = top)
FROM w
GROUP BY user_id, competency_id
"""


def _bulk_load_indexes(cursor, table: str) -> list[str]:
    """Drop the unique, foreign key and secondary index definitions of ``table``.

    Returns the statements that recreate them. Loading millions of rows into a table
    without them and building each index (and checking each foreign key) once afterwards
    is several times faster than maintaining them row by row; foreign keys are deferred,
    so the per-row checks would also queue millions of trigger events until commit.
    """
    cursor.execute(
        """
        SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
        WHERE conrelid = %s::regclass AND contype IN ('u', 'f') ORDER BY contype DESC, conname
        """,
        [table],
    )
    constraints = cursor.fetchall()
    cursor.execute(
        """
        SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i
        JOIN pg_class c ON c.oid = i.indexrelid
        WHERE i.indrelid = %s::regclass AND NOT i.indisprimary
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
        ORDER BY c.relname
        """,
        [table],
    )
    indexes = cursor.fetchall()
    for name, _definition in constraints:
        cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    for name, _definition in indexes:
        cursor.execute(f'DROP INDEX "{name}"')
    recreate = [definition for _name, definition in indexes]
    recreate += [f'ALTER TABLE {table} ADD CONSTRAINT "{n}" {d}' for n, d in constraints]
    return recreate


@transaction.atomic
def profiles_rebuild_from_evidence(*, now=None, chunk_people: int = 5000, progress=None) -> int:
    """Recompute the whole profile table (and the gap counts) from the evidence table.

    PostgreSQL: set-based, in chunks of ``chunk_people`` consecutive person ids so the
    database's working memory stays flat; ``progress(done, total)`` is called after each
    chunk with person-id positions. The profile table is emptied with TRUNCATE and its
    indexes and constraints are rebuilt at the end, so readers of the profile table wait
    until the rebuild commits (it is a maintenance operation). Returns the row count.
    """
    now = now or timezone.now()
    if connection.vendor != "postgresql":
        CompetencyProfile.objects.all().delete()
        pairs = set(Evidence.objects.values_list("user_id", "competency_id").distinct())
        profiles_recompute(pairs=pairs, now=now)
        gapcounts.rebuild()
        return len(pairs)
    table = CompetencyProfile._meta.db_table
    count = 0
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL work_mem = '64MB'")
        # Pending deferred checks of this transaction would forbid TRUNCATE and ALTER.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f"TRUNCATE {table}")
        recreate = _bulk_load_indexes(cursor, table)
        # Table names come from model metadata.
        cursor.execute(f"SELECT MIN(user_id), MAX(user_id) FROM {Evidence._meta.db_table}")  # noqa: S608
        first, last = cursor.fetchone()
        if first is not None:
            for low in range(first, last + 1, chunk_people):
                high = min(low + chunk_people, last + 1)
                cursor.execute(
                    _REBUILD_SQL,
                    {
                        "now": now,
                        "low": low,
                        "high": high,
                        "measured": sorted(rules.MEASURED_SOURCES),
                        "self": rules.SELF_SOURCE,
                    },
                )
                count += cursor.rowcount
                if progress is not None:
                    progress(high - first, last + 1 - first)
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for statement in recreate:
            cursor.execute(statement)
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # Django's default for its keys
        cursor.execute(f"ANALYZE {table}")
    gapcounts.rebuild()
    return count
