"""Lesson and course progress, and certificates, as a projection of stored statements.

``apply`` receives the statements of one insert (inside its transaction) and updates
the progress rows with a constant number of bulk queries per batch. When a course's
completion rule is met for the first time, it returns ``course completed`` and
``certificate earned`` as follow-ups (the store records them right after); it never
stores a statement itself.

Trust: only statements the platform recorded (``Statement.by_platform``) move lessons,
courses, final assessments and certificates. Statements of LRS clients (content launch
credentials) count only for content package units, and only as a prompt to re-check the
course: whether a package unit is done is the packages app's decision (its progress
projection runs before this one), and their time is when the LRS stored them, not what
the content claims.

Which course and lesson a statement belongs to is decided by unit resolvers: the
built-in one knows the platform's own lesson and course IRIs; apps that add other
kinds of course units (e.g. external xAPI packages) register theirs with
``register_unit_resolver``.
"""

import datetime
import secrets
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db.models import Count, Q

from courses import rules, tracking, validity
from courses.models import (
    Certificate,
    CourseCompetency,
    CoursePage,
    CourseProgress,
    Enrolment,
    LessonPage,
    LessonProgress,
)
from lms.packages import selectors as package_selectors
from lms.xapi import events, vocabulary
from lms.xapi import selectors as xapi_selectors
from lms.xapi.projections import FollowUp

if TYPE_CHECKING:
    from lms.xapi.models import Statement

User = get_user_model()

PROJECTION_NAME = "courses.progress"
LAUNCHED = vocabulary.LAUNCHED.id
EXPERIENCED = vocabulary.EXPERIENCED.id
COMPLETED = vocabulary.COMPLETED.id
ANSWERED = vocabulary.ANSWERED.id
PASSED = vocabulary.PASSED.id
FAILED = vocabulary.FAILED.id
EARNED = vocabulary.EARNED.id
VOIDED = vocabulary.VOIDED.id
# A waived package AU can be what satisfies a package unit, so it prompts the course check.
WAIVED = vocabulary.WAIVED.id
HANDLED_VERBS = frozenset(
    {LAUNCHED, EXPERIENCED, COMPLETED, ANSWERED, PASSED, FAILED, EARNED, VOIDED, WAIVED}
)
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


@dataclass(frozen=True)
class Unit:
    """Where an activity sits: a course, and the lesson (or other unit) inside it."""

    course_id: int
    lesson_id: int | None = None
    kind: str = "lesson"


UnitResolver = Callable[[set[str]], dict[str, Unit]]
_unit_resolvers: list[UnitResolver] = []


def register_unit_resolver(resolver: UnitResolver) -> None:
    """Let another kind of course unit map its activity IRIs to a course (and lesson)."""
    if resolver not in _unit_resolvers:
        _unit_resolvers.append(resolver)


def resolve_units(iris: Iterable[str]) -> dict[str, Unit]:
    pending = {iri for iri in iris if iri}
    found = _resolve_platform_units(pending)
    for resolver in _unit_resolvers:
        missing = pending - found.keys()
        if not missing:
            break
        found.update(resolver(missing))
    return found


def _resolve_platform_units(iris: set[str]) -> dict[str, Unit]:
    lesson_keys, course_keys = {}, {}
    for iri in iris:
        parsed = tracking.parse_platform_iri(iri)
        key = tracking.page_key(parsed.identifier) if parsed else None
        if key is None:
            continue
        if parsed.kind == "lesson":
            lesson_keys[key] = iri
        elif parsed.kind == "course":
            course_keys[key] = iri
    found: dict[str, Unit] = {}
    lessons = []
    if lesson_keys:
        lessons = list(
            LessonPage.objects.filter(translation_key__in=lesson_keys).values_list(
                "id", "translation_key", "path", "depth"
            )
        )
    parent_paths = {path[: -LessonPage.steplen] for _id, _key, path, _depth in lessons}
    if course_keys or parent_paths:
        courses = CoursePage.objects.filter(
            Q(translation_key__in=course_keys) | Q(path__in=parent_paths)
        ).values_list("id", "translation_key", "path")
        by_path = {}
        for course_id, key, path in courses:
            by_path[path] = course_id
            if key in course_keys:
                found[course_keys[key]] = Unit(course_id=course_id, kind="course")
        for lesson_id, key, path, _depth in lessons:
            course_id = by_path.get(path[: -LessonPage.steplen])
            if course_id is not None:
                found[lesson_keys[key]] = Unit(course_id=course_id, lesson_id=lesson_id)
    return found


def context_activity_ids(data: dict, key: str) -> list[str]:
    activities = (data.get("context") or {}).get("contextActivities") or {}
    items = activities.get(key) or []
    if isinstance(items, dict):
        items = [items]
    return [item["id"] for item in items if isinstance(item, dict) and item.get("id")]


def apply(statements: list["Statement"]) -> list[FollowUp]:
    voiding = [s for s in statements if s.user_id and s.verb == VOIDED]
    follow_ups = _apply(_progress_statements(statements))
    if voiding:
        follow_ups += _recompute_after_voiding([s.object_id for s in voiding])
    return follow_ups


def _progress_statements(statements: list["Statement"]) -> list["Statement"]:
    """The statements that can move progress: a person's, of a handled verb, in force."""
    return [
        s
        for s in statements
        if s.user_id and s.verb in HANDLED_VERBS and s.verb != VOIDED and not s.voided
    ]


def reset() -> None:
    Certificate.objects.all().delete()
    CourseProgress.objects.all().delete()
    LessonProgress.objects.all().delete()


def attempt_close(*, user_id, course_id) -> None:
    """Clear the progress rows of an attempt the person is taking again.

    Its statements stay in the log and its certificate stays; a replay skips the
    statements of closed attempts (``superseded_registrations``), so it ends here too.
    """
    CourseProgress.objects.filter(user_id=user_id, course_id=course_id).delete()
    LessonProgress.objects.filter(user_id=user_id, course_id=course_id).delete()


def erase(user_id) -> None:
    Certificate.objects.filter(user_id=user_id).delete()
    CourseProgress.objects.filter(user_id=user_id).delete()
    LessonProgress.objects.filter(user_id=user_id).delete()


class _Batch:
    """The rows one batch touches, loaded once and written back in bulk."""

    def __init__(self, statements, units):
        self.statements = statements
        self.units = units
        pairs_lessons = set()
        pairs_courses = set()
        for statement, unit in units:
            pairs_courses.add((statement.user_id, unit.course_id))
            if unit.lesson_id:
                pairs_lessons.add((statement.user_id, unit.lesson_id, unit.course_id))
        user_ids = {u for u, _c in pairs_courses}
        self.lessons = {
            (row.user_id, row.lesson_id): row
            for row in LessonProgress.objects.filter(
                user_id__in=user_ids, lesson_id__in={lesson for _u, lesson, _c in pairs_lessons}
            )
        }
        self.new_lessons = {}
        for user_id, lesson_id, course_id in pairs_lessons:
            if (user_id, lesson_id) not in self.lessons:
                row = LessonProgress(user_id=user_id, lesson_id=lesson_id, course_id=course_id)
                self.lessons[(user_id, lesson_id)] = self.new_lessons[(user_id, lesson_id)] = row
        self.courses = {
            (row.user_id, row.course_id): row
            for row in CourseProgress.objects.filter(
                user_id__in=user_ids, course_id__in={c for _u, c in pairs_courses}
            )
        }
        self.new_courses = {}
        for user_id, course_id in pairs_courses:
            if (user_id, course_id) not in self.courses:
                row = CourseProgress(user_id=user_id, course_id=course_id)
                self.courses[(user_id, course_id)] = self.new_courses[(user_id, course_id)] = row
        self.certificates = []

    def save(self):
        LessonProgress.objects.bulk_create(self.new_lessons.values())
        changed = [r for k, r in self.lessons.items() if k not in self.new_lessons]
        if changed:
            LessonProgress.objects.bulk_update(
                changed,
                [
                    "first_experienced_at",
                    "last_experienced_at",
                    "completed_at",
                    "answered_questions",
                ],
            )
        _recount_completed_lessons(self.courses.values())
        CourseProgress.objects.bulk_create(self.new_courses.values())
        changed = [r for k, r in self.courses.items() if k not in self.new_courses]
        if changed:
            CourseProgress.objects.bulk_update(
                changed,
                [
                    "registration",
                    "started_at",
                    "last_activity_at",
                    "last_lesson",
                    "lessons_completed",
                    "assessment_passed_at",
                    "completed_at",
                ],
            )
        if self.certificates:
            Certificate.objects.bulk_create(self.certificates, ignore_conflicts=True)


def _apply(statements: list["Statement"]) -> list[FollowUp]:
    if not statements:
        return []
    iris = set()
    for statement in statements:
        iris.add(statement.object_id)
        iris.update(context_activity_ids(statement.data, "parent"))
        iris.update(context_activity_ids(statement.data, "grouping"))
    found = resolve_units(iris)
    final_assessments = _final_assessment_iris(
        {u.course_id for u in found.values() if u.kind == "course"}
    )

    # Progress rows are the current attempt's: statements of an attempt the person has
    # since started again count only for the certificates they earned (history).
    units = []
    for statement in statements:
        unit = _unit_for(statement, found, final_assessments)
        if unit is not None:
            units.append((statement, unit))
    superseded = superseded_registrations({s.registration for s, _unit in units})
    if superseded:
        # An attempt taken again since keeps only its certificate (as history).
        Certificate.objects.bulk_create(
            [
                _certificate(s, unit)
                for s, unit in units
                if s.registration in superseded and unit.kind == "certificate"
            ],
            ignore_conflicts=True,
        )
        units = [(s, unit) for s, unit in units if s.registration not in superseded]
    if not units:
        return []
    batch = _Batch(statements, units)
    for statement, unit in units:
        _fold(batch, statement, unit, final_assessments)
    batch.save()
    return _completions(list(batch.courses.values()))


def superseded_registrations(registrations) -> set:
    """Which of these registrations belong to attempts that were taken again since."""
    registrations = {r for r in registrations if r}
    if not registrations:
        return set()
    return set(
        Enrolment.objects.filter(
            registration__in=registrations, superseded_at__isnull=False
        ).values_list("registration", flat=True)
    )


def _unit_for(statement, found, final_assessments) -> Unit | None:
    """The course unit a statement is about, or None when it is not about a course."""
    own = found.get(statement.object_id)
    if not statement.by_platform:
        # A client's statement only ever concerns a content package unit.
        return own if own is not None and own.kind == "package" else None
    if own is not None:
        return own
    parents = [found[i] for i in context_activity_ids(statement.data, "parent") if i in found]
    if statement.verb == ANSWERED:
        # A knowledge check inside a lesson: the lesson is the parent.
        lesson_parents = [u for u in parents if u.lesson_id]
        if lesson_parents:
            parent = lesson_parents[0]
            return Unit(course_id=parent.course_id, lesson_id=parent.lesson_id, kind="answer")
    if statement.verb in (PASSED, FAILED):
        for unit in parents:
            is_final = final_assessments.get(unit.course_id) == statement.object_id
            if unit.kind == "course" and is_final:
                return Unit(course_id=unit.course_id, kind="final_assessment")
    if statement.verb == EARNED:
        parsed = tracking.parse_platform_iri(statement.object_id)
        context_ids = context_activity_ids(statement.data, "parent") + context_activity_ids(
            statement.data, "grouping"
        )
        course_units = [found[i] for i in context_ids if i in found and found[i].kind == "course"]
        if parsed and parsed.kind == "certificate" and course_units:
            return Unit(course_id=course_units[0].course_id, kind="certificate")
    return None


def _when(statement: "Statement"):
    # The platform dates its own events; a client's claimed time could backdate a deadline.
    return (statement.timestamp or statement.stored) if statement.by_platform else statement.stored


def _certificate(statement: "Statement", unit: Unit) -> Certificate:
    return Certificate(
        user_id=statement.user_id,
        course_id=unit.course_id,
        code=tracking.parse_platform_iri(statement.object_id).identifier,
        registration=statement.registration,
        issued_at=_when(statement),
    )


def _fold(batch: _Batch, statement: "Statement", unit: Unit, final_assessments) -> None:
    when = _when(statement)
    progress = batch.courses[(statement.user_id, unit.course_id)]
    if statement.registration and not progress.registration:
        progress.registration = statement.registration
    if unit.kind == "certificate":
        batch.certificates.append(_certificate(statement, unit))
        return
    if unit.kind == "course":
        if statement.verb == COMPLETED and statement.result_success is not False:
            progress.completed_at = _earliest(progress.completed_at, when)
        progress.started_at = _earliest(progress.started_at, when)
        return
    progress.started_at = _earliest(progress.started_at, when)
    progress.last_activity_at = _latest(progress.last_activity_at, when)
    if unit.kind == "final_assessment":
        if statement.verb == PASSED:
            progress.assessment_passed_at = _earliest(progress.assessment_passed_at, when)
        return
    if unit.lesson_id is None:
        return
    lesson = batch.lessons[(statement.user_id, unit.lesson_id)]
    if unit.kind == "answer":
        if statement.object_id not in lesson.answered_questions:
            lesson.answered_questions = [*lesson.answered_questions, statement.object_id]
        return
    if statement.verb == EXPERIENCED:
        lesson.first_experienced_at = _earliest(lesson.first_experienced_at, when)
        if lesson.last_experienced_at is None or when >= lesson.last_experienced_at:
            lesson.last_experienced_at = when
            progress.last_lesson_id = unit.lesson_id
    elif statement.verb == COMPLETED:
        lesson.first_experienced_at = _earliest(lesson.first_experienced_at, when)
        lesson.completed_at = _earliest(lesson.completed_at, when)
        if progress.last_activity_at == when:
            progress.last_lesson_id = unit.lesson_id


def _recount_completed_lessons(progress_rows) -> None:
    rows = list(progress_rows)
    if not rows:
        return
    counts = {
        (row["user_id"], row["course_id"]): row["n"]
        for row in LessonProgress.objects.filter(
            user_id__in={r.user_id for r in rows},
            course_id__in={r.course_id for r in rows},
            completed_at__isnull=False,
        )
        .values("user_id", "course_id")
        .annotate(n=Count("id"))
    }
    for row in rows:
        row.lessons_completed = counts.get((row.user_id, row.course_id), 0)


def _completions(progress_rows: list[CourseProgress]) -> list[FollowUp]:
    """Completion and certificate follow-ups for courses whose rule is newly met."""
    open_rows = [r for r in progress_rows if r.completed_at is None and r.started_at]
    if not open_rows:
        return []
    courses = CoursePage.objects.in_bulk({r.course_id for r in open_rows})
    required = _required_lessons(courses.values())
    completed = defaultdict(set)
    for user_id, course_id, lesson_id in LessonProgress.objects.filter(
        user_id__in={r.user_id for r in open_rows},
        course_id__in=courses.keys(),
        completed_at__isnull=False,
    ).values_list("user_id", "course_id", "lesson_id"):
        completed[(user_id, course_id)].add(lesson_id)
    # Content package units (lms.packages) count like lessons.
    package_required = package_selectors.required_units(parent_pages=courses.values())
    # A package unit counts when it was satisfied in the attempt's own registration.
    satisfied = package_selectors.satisfied_units(
        user_ids={r.user_id for r in open_rows},
        page_ids={p for ids in package_required.values() for p in ids},
        registrations={r.registration for r in open_rows if r.registration},
    )
    for row in open_rows:
        units = package_required.get(row.course_id, set())
        required.setdefault(row.course_id, set()).update(units)
        completed[(row.user_id, row.course_id)] |= satisfied.get(row.user_id, set()) & units
    candidates = [
        row
        for row in open_rows
        if rules.course_completed(
            required_lessons=required.get(row.course_id, set()),
            completed_lessons=completed[(row.user_id, row.course_id)],
            has_final_assessment=bool(courses[row.course_id].final_assessment_id),
            final_assessment_passed=row.assessment_passed_at is not None,
        )
    ]
    if not candidates:
        return []
    # Completed once per attempt: an earlier attempt's completion does not count again.
    already = {
        (user_id, registration, object_id)
        for user_id, registration, object_id in xapi_selectors.recorded(
            verb=COMPLETED,
            user_ids={r.user_id for r in candidates},
            object_ids={tracking.course_iri(courses[r.course_id]) for r in candidates},
        )
    }
    users = User.objects.in_bulk({r.user_id for r in candidates})
    evidence = _course_evidence(courses.keys())
    follow_ups = []
    for row in candidates:
        course = courses[row.course_id]
        iri = tracking.course_iri(course)
        if row.registration is None:
            if any(u == row.user_id and o == iri for u, _r, o in already):
                continue
        elif (row.user_id, row.registration, iri) in already:
            continue
        follow_ups += _completion(
            user=users[row.user_id],
            course=course,
            progress=row,
            evidence=evidence.get(course.pk, ()),
        )
    return follow_ups


def _completion(*, user, course, progress, evidence) -> list[FollowUp]:
    registration = progress.registration
    duration = None
    if progress.started_at and progress.last_activity_at:
        duration = max(progress.last_activity_at - progress.started_at, datetime.timedelta(0))
    activity = tracking.course_activity(course)
    # Completion and certificate are dated by the course's latest learning event (normally
    # the one that met the rule), not by when it was projected.
    completed = events.course_completed(
        user=user,
        course=activity,
        registration=registration,
        duration=duration,
        evidence=evidence,
        evidence_expires=validity.valid_until(progress.last_activity_at, course.validity_months),
        timestamp=progress.last_activity_at,
    )
    earned = events.certificate_earned(
        user=user,
        course=activity,
        registration=registration,
        certificate=tracking.certificate_activity(code=new_certificate_code(), course=course),
        timestamp=progress.last_activity_at,
    )
    return [
        FollowUp(reason="course completed", statement=completed),
        FollowUp(reason="certificate earned", statement=earned),
    ]


def new_certificate_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"QD-{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def _required_lessons(courses) -> dict[int, set[int]]:
    """Live, required lessons per course, in one query."""
    courses = list(courses)
    if not courses:
        return {}
    by_path = {c.path: c.pk for c in courses}
    condition = Q()
    for course in courses:
        condition |= Q(path__startswith=course.path, depth=course.depth + 1)
    result = defaultdict(set)
    for lesson_id, path in (
        LessonPage.objects.live().filter(condition, required=True).values_list("id", "path")
    ):
        result[by_path[path[: -LessonPage.steplen]]].add(lesson_id)
    return result


def _final_assessment_iris(course_ids: set[int]) -> dict[int, str]:
    if not course_ids:
        return {}
    rows = CoursePage.objects.filter(id__in=course_ids, final_assessment__isnull=False).values_list(
        "id", "final_assessment__uuid"
    )
    return {course_id: tracking.assessment_iri(key) for course_id, key in rows}


def _course_evidence(course_ids) -> dict[int, tuple]:
    """(competency URI, level URI) pairs each course develops, in one query."""
    evidence = defaultdict(list)
    for course_id, competency_uri, level_uri in (
        CourseCompetency.objects.filter(course_id__in=list(course_ids))
        .order_by("sort_order")
        .values_list("course_id", "competency__uri", "level__uri")
    ):
        evidence[course_id].append((competency_uri, level_uri))
    return {course_id: tuple(items) for course_id, items in evidence.items()}


def _recompute_after_voiding(statement_ids: list[str]) -> list[FollowUp]:
    """Rebuild the progress of every enrolment a voided statement belonged to."""
    voided = xapi_selectors.statements_by_ids(ids=statement_ids)
    if not voided:
        return []

    # A certificate names its course as grouping; everything else as object or parent.
    def places(statement):
        return [
            statement.object_id,
            *context_activity_ids(statement.data, "parent"),
            *context_activity_ids(statement.data, "grouping"),
        ]

    found = resolve_units({iri for s in voided for iri in places(s)})
    affected = set()
    for statement in voided:
        unit = next((found[iri] for iri in places(statement) if iri in found), None)
        if unit is not None and statement.user_id:
            affected.add((statement.user_id, unit.course_id, statement.registration))
    closed = superseded_registrations({r for _u, _c, r in affected})
    follow_ups: list[FollowUp] = []
    for user_id, course_id, registration in affected:
        if any(s.verb == EARNED for s in voided if s.user_id == user_id):
            Certificate.objects.filter(
                user_id=user_id, course_id=course_id, registration=registration
            ).delete()
        if registration in closed:
            continue  # an earlier attempt: only its certificate is projected
        LessonProgress.objects.filter(user_id=user_id, course_id=course_id).delete()
        CourseProgress.objects.filter(user_id=user_id, course_id=course_id).delete()
        if registration is None:
            continue
        follow_ups += _apply(
            _progress_statements(
                xapi_selectors.registration_statements(
                    user_id=user_id, registration=registration, exclude_ids=statement_ids
                )
            )
        )
    return follow_ups


def _earliest(current, new):
    return new if current is None or (new is not None and new < current) else current


def _latest(current, new):
    return new if current is None or (new is not None and new > current) else current
