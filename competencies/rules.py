"""The competency rules HR relies on, as pure functions.

No database: these functions take plain values and are tested directly.

Reached level
    The reached level of a person for a competency is the **highest rank among the
    measured evidence that has not expired** at the time of evaluation. Measured evidence
    is a passed assessment, a completed course that develops a level, or a trainer's
    validation. Self-assessments never count as measured. Without such evidence the
    reached rank is 0 ("nothing measured").

Expiry
    If the deployment sets ``QD_EVIDENCE_VALIDITY_MONTHS`` (default: none), each piece of
    evidence expires that many calendar months after it occurred; expired evidence no
    longer counts. The profile stores when its reached level expires so a periodic task can
    recompute it.

Gap
    gap = max(target − reached, 0). A competency without a target has no gap.

Scales
    A proficiency scale has levels of rank 1..n with n at most ``MAX_RANK``; the database
    refuses other ranks and framework imports report them.
"""

import calendar
import datetime
from collections.abc import Iterable
from dataclasses import dataclass

# Real scales have 3 to 10 levels (DigComp 8, CEFR 6, EQF 8); the tests cover every rank
# up to this bound.
MAX_RANK = 20
MEASURED_SOURCES = frozenset({"assessment", "course", "validation"})
SELF_SOURCE = "self"


@dataclass(frozen=True)
class EvidenceItem:
    rank: int
    source: str
    occurred_at: datetime.datetime
    expires_at: datetime.datetime | None = None


@dataclass(frozen=True)
class ProfileState:
    reached_rank: int
    reached_at: datetime.datetime | None
    expires_at: datetime.datetime | None
    self_assessed_rank: int
    self_assessed_at: datetime.datetime | None
    last_evidence_at: datetime.datetime | None
    next_expiry_at: datetime.datetime | None = None


def expiry_for(
    occurred_at: datetime.datetime, validity_months: int | None
) -> datetime.datetime | None:
    """When evidence that occurred at ``occurred_at`` expires (None: never)."""
    if not validity_months:
        return None
    month_index = occurred_at.month - 1 + validity_months
    year = occurred_at.year + month_index // 12
    month = month_index % 12 + 1
    day = min(occurred_at.day, calendar.monthrange(year, month)[1])
    return occurred_at.replace(year=year, month=month, day=day)


def is_current(item: EvidenceItem, now: datetime.datetime) -> bool:
    return item.expires_at is None or item.expires_at > now


def reached_rank(items: Iterable[EvidenceItem], *, now: datetime.datetime) -> int:
    """Highest rank of current measured evidence; 0 when there is none."""
    return max(
        (i.rank for i in items if i.source in MEASURED_SOURCES and is_current(i, now)), default=0
    )


def profile_state(items: Iterable[EvidenceItem], *, now: datetime.datetime) -> ProfileState:
    """Everything the profile row holds, derived from the evidence of one person/competency.

    ``reached_at`` is the earliest time the reached rank was evidenced (by current
    evidence); ``expires_at`` is the latest expiry among the evidence holding that rank
    (None if any of it never expires). The self-assessed rank is the most recent
    self-assessment (ties broken by the higher rank). ``next_expiry_at`` is the earliest
    expiry among the evidence holding the reached rank (None: none expires): before it,
    the state cannot change by time passing alone, so the daily refresh recomputes the
    rows whose moment has come (the reached level may drop, or date from later evidence).
    """
    items = list(items)
    measured = [i for i in items if i.source in MEASURED_SOURCES and is_current(i, now)]
    rank = max((i.rank for i in measured), default=0)
    at_rank = [i for i in measured if i.rank == rank] if rank else []
    reached_at = min((i.occurred_at for i in at_rank), default=None)
    if not at_rank or any(i.expires_at is None for i in at_rank):
        expires_at = None
    else:
        expires_at = max(i.expires_at for i in at_rank)
    next_expiry_at = min((i.expires_at for i in at_rank if i.expires_at), default=None)
    selves = [i for i in items if i.source == SELF_SOURCE]
    latest_self = max(selves, key=lambda i: (i.occurred_at, i.rank), default=None)
    return ProfileState(
        reached_rank=rank,
        reached_at=reached_at,
        expires_at=expires_at,
        self_assessed_rank=latest_self.rank if latest_self else 0,
        self_assessed_at=latest_self.occurred_at if latest_self else None,
        last_evidence_at=max((i.occurred_at for i in items), default=None),
        next_expiry_at=next_expiry_at,
    )


def gap(*, target: int, reached: int) -> int:
    """Levels missing to the target; 0 when the target is met or exceeded."""
    if target < 0 or reached < 0:
        raise ValueError("ranks are never negative")
    return max(target - reached, 0)
