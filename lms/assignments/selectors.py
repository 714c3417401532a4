"""Reads of mandatory training: who is in scope, each person's deadlines, their state.

A deadline is a date; it ends at the end of that day in Europe/Berlin (``deadline_end``).
"""

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.utils import timezone

from courses import selectors as course_selectors
from courses import validity
from lms.accounts import selectors as account_selectors
from lms.assignments.models import Assignment, CalendarFeed, ReminderSent

BERLIN = ZoneInfo("Europe/Berlin")
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{20,64}")

NOT_STARTED, IN_PROGRESS, DONE, OVERDUE = "not_started", "in_progress", "done", "overdue"


def deadline_end(day: datetime.date) -> datetime.datetime:
    """The last moment of the deadline day in Europe/Berlin (aware)."""
    return datetime.datetime.combine(day, datetime.time.max, tzinfo=BERLIN)


def active_assignments():
    # Only ids of the targets are needed (loading course pages costs queries of their own).
    return Assignment.objects.filter(active=True).select_related("org_unit", "job_role")


def assignment_course_ids(assignments) -> dict[int, list[int]]:
    """Assignment id -> the live courses it asks for (a curriculum: its required ones)."""
    from courses.selectors import curriculum_required_course_ids

    curricula = {a.curriculum_id for a in assignments if a.curriculum_id}
    by_curriculum = curriculum_required_course_ids(curriculum_ids=curricula)
    return {
        a.pk: [a.course_id] if a.course_id else by_curriculum.get(a.curriculum_id, [])
        for a in assignments
    }


def scope(assignment: Assignment, *, named: list[int] | None = None):
    """The active people an assignment applies to (a query, with their anchor dates).
    ``named``: its named people's ids when the caller has read them already."""
    if named is None:
        named = list(assignment.people.values_list("pk", flat=True)) if assignment.pk else []
    return account_selectors.people_in_scope(
        org_unit=assignment.org_unit,
        include_sub_units=assignment.include_sub_units,
        job_role=assignment.job_role,
        user_ids=named,
    )


def scope_count(**criteria) -> int:
    """How many active people a (not yet saved) assignment would hit: the form's preview."""
    return account_selectors.people_in_scope(**criteria).count()


def assigned_deadline(
    assignment: Assignment, *, unit_since, role_since=None
) -> datetime.date | None:
    """The deadline an assignment sets for a person who has not (validly) completed."""
    kind = Assignment.DeadlineKind
    if assignment.deadline_kind == kind.FIXED:
        return assignment.deadline_date
    days = datetime.timedelta(days=assignment.deadline_days or 0)
    if assignment.deadline_kind == kind.AFTER_ROLE:
        return (role_since or unit_since) + days
    if assignment.deadline_kind == kind.AFTER_UNIT:
        return unit_since + days
    assigned_on = timezone.localtime(assignment.created_at).date()
    return max(assigned_on, unit_since) + days


@dataclass(frozen=True)
class Cycle:
    """Where a person stands with one course of one assignment."""

    deadline: datetime.date | None  # None: nothing due (done and still valid beyond lead time)
    status: str
    completed_at: datetime.datetime | None = None
    valid_until: datetime.datetime | None = None


def cycle(
    assignment: Assignment,
    state: "course_selectors.CourseState | None",
    assigned: datetime.date | None,
    now: datetime.datetime,
) -> Cycle:
    """The person's current cycle: a first deadline, or the renewal of an expiring completion."""
    today = timezone.localtime(now, BERLIN).date()
    if state is None or state.completed_at is None:
        started = state is not None and state.started_at is not None
        status = IN_PROGRESS if started else NOT_STARTED
        if assigned and assigned < today:
            status = OVERDUE
        return Cycle(assigned, status)
    valid_until = state.valid_until
    if assignment.validity_months:
        # Valid through the same calendar day N months on, as for a course's own validity.
        valid_until = validity.valid_until(state.completed_at, assignment.validity_months)
    if valid_until is None:
        return Cycle(None, DONE, state.completed_at)
    renew_by = validity.last_valid_day(valid_until)
    if valid_until > now:
        lead = datetime.timedelta(days=assignment.renewal_lead_days)
        if today < renew_by - lead:
            return Cycle(None, DONE, state.completed_at, valid_until)
        # Renewal due: the old completion still counts until it expires.
        status = IN_PROGRESS if state.started_at and state.started_at > state.completed_at else DONE
        return Cycle(renew_by, status, state.completed_at, valid_until)
    renewing = state.started_at and state.started_at > state.completed_at
    status = OVERDUE if renew_by < today else (IN_PROGRESS if renewing else NOT_STARTED)
    return Cycle(renew_by, status, state.completed_at, valid_until)


@dataclass
class Due:
    """One person's effective deadline for one course, and where it comes from."""

    user_id: int
    course_id: int
    deadline: datetime.date
    status: str
    assignment: Assignment | None  # None: the deadline comes from a role curriculum
    source: str  # the assignment's or curriculum's title


def _earliest(dues: dict, due: Due) -> None:
    key = (due.user_id, due.course_id)
    known = dues.get(key)
    if known is None or due.deadline < known.deadline:
        dues[key] = due


def named_people(assignments) -> dict[int, list[int]]:
    """Assignment id -> the ids of its named people, one query for all."""
    through = Assignment.people.through
    named: dict[int, list[int]] = {a.pk: [] for a in assignments}
    for assignment_id, user_id in through.objects.filter(assignment_id__in=list(named)).values_list(
        "assignment_id", "user_id"
    ):
        named[assignment_id].append(user_id)
    return named


def _cycles(assignments, course_ids, people_filter, now, named=None):
    """(assignment, user id, course id, Cycle) for the people ``people_filter`` selects: a
    constant number of queries per assignment, whatever the number of people."""
    all_courses = {c for ids in course_ids.values() for c in ids}
    rows = []
    user_ids = set()
    for assignment in assignments:
        fields = ["pk", "unit_since"] + (["role_since"] if assignment.job_role_id else [])
        people = scope(assignment, named=None if named is None else named[assignment.pk])
        for values in people.filter(people_filter).order_by().values_list(*fields):
            rows.append((assignment, values))
            user_ids.add(values[0])
    if not rows:
        return
    states = course_selectors.course_states(course_ids=all_courses, user_ids=user_ids)
    for assignment, values in rows:
        user_id, unit_since = values[0], values[1]
        role_since = values[2] if len(values) > 2 else None
        assigned = assigned_deadline(assignment, unit_since=unit_since, role_since=role_since)
        for course_id in course_ids[assignment.pk]:
            current = cycle(assignment, states.get((user_id, course_id)), assigned, now)
            yield assignment, user_id, course_id, current


def _chunk_dues(
    assignments, course_ids, people_filter, now, named=None
) -> dict[tuple[int, int], Due]:
    """Effective deadlines (the earliest per person and course) of the selected people."""
    dues: dict = {}
    for assignment, user_id, course_id, current in _cycles(
        assignments, course_ids, people_filter, now, named
    ):
        if current.deadline is not None:
            _earliest(
                dues,
                Due(
                    user_id,
                    course_id,
                    current.deadline,
                    current.status,
                    assignment,
                    str(assignment),
                ),
            )
    return dues


@dataclass
class StatusRow:
    """One person's state in one mandatory course: what the team view may show, no more."""

    user_id: int
    name: str
    unit_id: int | None
    unit: str
    course_title: str
    source: str
    deadline: datetime.date | None
    status: str
    completed_at: datetime.datetime | None


def status_rows(*, people_filter: Q, now=None) -> list[StatusRow]:
    """Each selected person's state per mandatory course (the current cycle's deadline when
    one is open, else the valid completion), ordered by person and deadline."""
    now = now or timezone.now()
    assignments = list(active_assignments())
    if not assignments:
        return []
    chosen: dict[tuple[int, int], tuple] = {}
    for assignment, user_id, course_id, current in _cycles(
        assignments, assignment_course_ids(assignments), people_filter, now
    ):
        key = (user_id, course_id)
        known = chosen.get(key)
        rank = (current.deadline is None, current.deadline or datetime.date.max)
        if known is None or rank < known[0]:
            chosen[key] = (rank, assignment, current)
    people = account_selectors.people_names_and_units(user_ids={u for u, _c in chosen})
    titles = course_selectors.course_titles(course_ids={c for _u, c in chosen})
    rows = [
        StatusRow(
            user_id=user_id,
            name=people[user_id][0],
            unit_id=people[user_id][2],
            unit=people[user_id][1],
            course_title=titles.get(course_id, ""),
            source=str(assignment),
            deadline=current.deadline,
            status=current.status,
            completed_at=current.completed_at,
        )
        for (user_id, course_id), (_rank, assignment, current) in chosen.items()
        if user_id in people
    ]
    rows.sort(key=lambda r: (r.unit, r.name, r.user_id, r.deadline or datetime.date.max))
    return rows


def dues_in_chunks(*, now=None, chunk_size: int = 5000) -> Iterator[dict[tuple[int, int], Due]]:
    """Everybody's effective deadlines, a block of active people (keyset by id) at a time:
    memory stays flat in the number of people, and each block costs the same few queries
    (one per assignment, plus the course states), whatever its size."""
    now = now or timezone.now()
    assignments = list(active_assignments())
    if not assignments:
        return
    course_ids = assignment_course_ids(assignments)
    named = named_people(assignments)
    for first, last in account_selectors.active_people_id_blocks(block_size=chunk_size):
        people_filter = Q(pk__gte=first, pk__lte=last)
        yield _chunk_dues(assignments, course_ids, people_filter, now, named)


def person_deadlines(*, user, now=None, include_curricula: bool = True) -> list[Due]:
    """The person's upcoming and overdue deadlines, earliest first, each naming its source:
    mandatory training and the due dates of their role curricula."""
    now = now or timezone.now()
    if not user.is_authenticated or not user.is_active:
        return []
    assignments = list(active_assignments())
    dues = (
        _chunk_dues(assignments, assignment_course_ids(assignments), Q(pk=user.pk), now)
        if assignments
        else {}
    )
    entries = (
        course_selectors.curriculum_for_user(user=user, today=now.date())
        if include_curricula
        else []
    )
    for entry in entries:
        if entry.required and entry.due_date and entry.status != "completed":
            status = (
                OVERDUE
                if entry.overdue
                else (IN_PROGRESS if entry.status == "started" else NOT_STARTED)
            )
            _earliest(
                dues,
                Due(
                    user.pk,
                    entry.course.pk,
                    entry.due_date,
                    status,
                    None,
                    entry.due_from or ", ".join(entry.curricula),
                ),
            )
    result = sorted(dues.values(), key=lambda due: (due.deadline, due.course_id))
    links = course_selectors.course_links(course_ids={due.course_id for due in result})
    for due in result:
        due.course_title, due.course_url = links.get(due.course_id, ("", ""))
    return [due for due in result if due.status != DONE or due.deadline >= now.date()]


def feed_for_token(*, token: str) -> CalendarFeed | None:
    # Tokens are URL-safe base64 (``secrets.token_urlsafe``): anything else finds nothing
    # without reaching the database.
    if not TOKEN_PATTERN.fullmatch(token or ""):
        return None
    return CalendarFeed.objects.select_related("user").filter(token=token).first()


def feed_of(*, user) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user).first()


def reminder_already_sent(*, user_id, assignment_id, course_id, deadline, kind) -> bool:
    return ReminderSent.objects.filter(
        user_id=user_id,
        assignment_id=assignment_id,
        course_id=course_id,
        deadline=deadline,
        kind=kind,
    ).exists()


def overlapping(*, course, curriculum, criteria: dict, exclude=None) -> list[Assignment]:
    """Active assignments for any of the same courses whose scope shares people with the
    given one (one query per candidate; there are few per course)."""
    target_courses = (
        {course.pk}
        if course
        else set(
            course_selectors.curriculum_required_course_ids(curriculum_ids=[curriculum.pk]).get(
                curriculum.pk, []
            )
        )
        if curriculum
        else set()
    )
    candidates = list(active_assignments().exclude(pk=exclude))
    courses = assignment_course_ids(candidates)
    people = account_selectors.people_in_scope(**criteria).values("pk")
    return [
        a
        for a in candidates
        if target_courses & set(courses[a.pk]) and scope(a).filter(pk__in=people).exists()
    ]


def assignments_for(*, user):
    """The assignments a person may see and change in the admin: all for administrators,
    for HR those of their own units."""
    if account_selectors.user_is_administrator(user=user):
        return active_or_not()
    units = account_selectors.units_responsible_for(user=user)
    return active_or_not().filter(org_unit__in=units)


def active_or_not():
    return Assignment.objects.select_related("course", "curriculum", "org_unit", "job_role")
