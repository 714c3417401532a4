"""Reads of the courses app. Every function runs a fixed number of queries, whatever the
number of lessons or courses involved."""

import datetime
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from assessments import selectors as assessment_selectors
from assessments import services as assessment_services
from competencies import selectors as competency_selectors
from competencies.providers import Offer
from courses import blocks, norms, rules, tracking, validity
from courses.models import (
    Certificate,
    CourseCompetency,
    CourseIndexPage,
    CoursePage,
    CourseProgress,
    CourseReview,
    Curriculum,
    CurriculumItem,
    Enrolment,
    LessonPage,
    LessonProgress,
    LessonReviewFlag,
)
from courses.simulator import counterfactuals as sim_counterfactuals
from courses.simulator import evaluate as sim_evaluate
from courses.simulator import rules as sim_rules
from lms.accounts.selectors import role_assignment_dates
from lms.packages import selectors as package_selectors

STEP = LessonPage.steplen


# Pages ----------------------------------------------------------------------------------


def live_courses(*, parent: CourseIndexPage | None = None):
    courses = CoursePage.objects.live().order_by("path")
    if parent is not None:
        courses = courses.child_of(parent)
    return courses


def course_of_lesson(*, lesson: LessonPage) -> CoursePage:
    return CoursePage.objects.get(path=lesson.path[:-STEP])


def course_competencies(*, course: CoursePage) -> list[CourseCompetency]:
    """The competencies the course develops with their levels (one query)."""
    return list(
        CourseCompetency.objects.filter(course=course)
        .select_related("competency", "level")
        .order_by("sort_order")
    )


def course_lessons(*, course: CoursePage, drafts: bool = False) -> list[LessonPage]:
    """The course's live lessons in order, without their bodies (one query).

    ``drafts`` adds the unpublished ones, for a preview: a course is released with its
    lessons, so its preview shows the lessons learners will get once all are approved.
    """
    lessons = LessonPage.objects.child_of(course)
    if not drafts:
        lessons = lessons.live()
    return list(lessons.defer("body").order_by("path"))


def next_lesson(*, lesson: LessonPage, course: CoursePage | None = None) -> LessonPage | None:
    return (
        LessonPage.objects.live()
        .sibling_of(lesson, inclusive=False)
        .filter(path__gt=lesson.path)
        .defer("body")
        .order_by("path")
        .first()
    )


def knowledge_check_iris(*, lesson: LessonPage) -> list[str]:
    """The question IRIs of the lesson's knowledge checks (its "checks" completion rule)."""
    return [
        block.block.question_iri(block.value)
        for block in lesson.body
        if block.block_type == "knowledge_check" and block.value
    ]


# Progress -------------------------------------------------------------------------------


def course_progress(*, user, course: CoursePage) -> CourseProgress | None:
    if not user.is_authenticated:
        return None
    return CourseProgress.objects.filter(user=user, course=course).first()


def is_enrolled(*, user, course: CoursePage) -> bool:
    return (
        user.is_authenticated
        and Enrolment.objects.current().filter(user=user, course=course).exists()
    )


def lesson_progress(*, user, lesson: LessonPage) -> LessonProgress | None:
    if not user.is_authenticated:
        return None
    return LessonProgress.objects.filter(user=user, lesson=lesson).first()


@dataclass
class OutlineItem:
    lesson: LessonPage  # or a content package unit (``kind == "package"``)
    number: int
    status: str  # "completed", "started", "not_started"
    current: bool = False
    kind: str = "lesson"


def _outline(lessons, progress_rows, *, current_id=None) -> list[OutlineItem]:
    by_lesson = {row.lesson_id: row for row in progress_rows}
    items = []
    for number, lesson in enumerate(lessons, start=1):
        row = by_lesson.get(lesson.pk)
        if row is not None and row.completed_at:
            status = "completed"
        elif row is not None and row.first_experienced_at:
            status = "started"
        else:
            status = "not_started"
        items.append(OutlineItem(lesson, number, status, current=lesson.pk == current_id))
    return items


def _with_package_units(items: list[OutlineItem], units: list[dict]) -> list[OutlineItem]:
    """Package units take their place among the lessons, in the order of the page tree."""
    if not units:
        return items
    merged = [(item.lesson.path, item) for item in items] + [
        (unit["page"].path, OutlineItem(unit["page"], 0, unit["status"], kind="package"))
        for unit in units
    ]
    merged.sort(key=lambda pair: pair[0])
    for number, (_path, item) in enumerate(merged, start=1):
        item.number = number
    return [item for _path, item in merged]


def resume_lesson(*, user, course: CoursePage) -> LessonPage | None:
    lessons = course_lessons(course=course)
    progress = course_progress(user=user, course=course)
    completed = set(
        LessonProgress.objects.filter(
            user=user, course=course, completed_at__isnull=False
        ).values_list("lesson_id", flat=True)
    )
    target = rules.resume_lesson(
        lesson_ids=[lesson.pk for lesson in lessons],
        completed=completed,
        last_lesson_id=progress.last_lesson_id if progress else None,
    )
    return next((lesson for lesson in lessons if lesson.pk == target), None)


@dataclass
class NextStep:
    """The one thing the course page offers next.

    ``kind``: "enrol", "start", "lesson" (``target`` is the lesson or package unit to open),
    "final_assessment", "completed" (``next_course``: the next unfinished course of the
    person's curricula, if any) or "waiting" (everything done, completion not yet recorded).
    """

    kind: str
    target: LessonPage | None = None
    next_course: CoursePage | None = None


def _next_step(*, user, course, outline, resume_id, enrolment, progress, final) -> NextStep:
    if progress is not None and progress.completed_at:
        return NextStep("completed", next_course=next_curriculum_course(user=user, course=course))
    if enrolment is None:
        return NextStep("enrol")
    if progress is None or progress.started_at is None:
        return NextStep("start")
    unfinished = [item for item in outline if item.status != "completed"]
    resume = next((item for item in unfinished if item.lesson.pk == resume_id), None)
    lessons_left = [item for item in unfinished if item.kind == "lesson"]
    if resume is not None or lessons_left:
        return NextStep("lesson", target=(resume or lessons_left[0]).lesson)
    if final is not None and not progress.assessment_passed_at:
        return NextStep("final_assessment")
    if unfinished:
        return NextStep("lesson", target=unfinished[0].lesson)
    return NextStep("waiting")


def final_assessment_outcome(*, attempt) -> "assessment_selectors.ParentOutcome | None":
    """The course a finished final-assessment attempt belongs to, and whether it is now
    complete (registered with assessments for the result page)."""
    registration = (attempt.context or {}).get("registration")
    if not registration:
        return None
    enrolment = (
        Enrolment.objects.filter(user_id=attempt.user_id, registration=registration)
        .select_related("course")
        .first()
    )
    if enrolment is None:
        return None
    course = enrolment.course
    # Progress rows are the current attempt's; an earlier attempt's outcome is its certificate.
    progress = (
        CourseProgress.objects.filter(user_id=attempt.user_id, course=course).first()
        if enrolment.superseded_at is None
        else None
    )
    certificate = Certificate.objects.filter(
        user_id=attempt.user_id, course=course, registration=enrolment.registration
    ).first()
    return assessment_selectors.ParentOutcome(
        title=course.title,
        url=course.url,
        completed=bool((progress and progress.completed_at) or certificate),
        certificate_url=(
            reverse("courses:certificate_pdf", args=[certificate.code]) if certificate else ""
        ),
    )


def next_curriculum_course(*, user, course: CoursePage) -> CoursePage | None:
    """The first course of the person's curricula they have not completed, other than
    ``course``: required ones first, then by due date and curriculum order."""
    entries = [
        entry
        for entry in curriculum_for_user(user=user)
        if entry.course.pk != course.pk and entry.status != "completed"
    ]
    if not entries:
        return None
    entries.sort(key=lambda e: (not e.required, e.due_date or datetime.date.max))
    return entries[0].course


def course_outline(*, course: CoursePage, user, preview: bool = False) -> dict:
    """What the course page shows: lessons with their status, progress, where to resume.

    A ``preview`` (Wagtail's, of a page built from the editor's form or a revision) shows
    the course as a learner sees it before starting: every lesson, drafts included, and
    no one's progress. Its relations are then in memory (modelcluster), so they are read
    with what both querysets offer.
    """
    lessons = course_lessons(course=course, drafts=preview)
    enrolment = progress = certificate = None
    rows, history = [], []
    if preview:
        user = AnonymousUser()
    if user.is_authenticated:
        enrolment = Enrolment.objects.current().filter(user=user, course=course).first()
        progress = CourseProgress.objects.filter(user=user, course=course).first()
        rows = list(LessonProgress.objects.filter(user=user, course=course))
        certificates = list(
            Certificate.objects.filter(user=user, course=course).order_by("-issued_at")
        )
        for item in certificates:
            item.course = course  # its validity is read without another query
        history = attempt_history(user=user, course=course, certificates=certificates)
        # The running attempt's own certificate; earlier ones are in the history.
        certificate = next(
            (c for c in certificates if enrolment and c.registration == enrolment.registration),
            None if history else (certificates[0] if certificates else None),
        )
    outline = _with_package_units(
        _outline(lessons, rows),
        package_selectors.units_under(
            parent=course,
            user=user,
            drafts=preview,
            registration=enrolment.registration if enrolment else None,
        ),
    )
    completed = sum(1 for item in outline if item.status == "completed")
    final = course.final_assessment if course.final_assessment_id else None
    resume_id = rules.resume_lesson(
        lesson_ids=[lesson.pk for lesson in lessons],
        completed={item.lesson.pk for item in outline if item.status == "completed"},
        last_lesson_id=progress.last_lesson_id if progress else None,
    )
    return {
        "course": course,
        "outline": outline,
        "enrolment": enrolment,
        "progress": progress,
        "certificate": certificate,
        "history": history,
        "can_retake": bool(enrolment and progress and progress.completed_at),
        "next_step": _next_step(
            user=user,
            course=course,
            outline=outline,
            resume_id=resume_id,
            enrolment=enrolment,
            progress=progress,
            final=final,
        ),
        "lessons_total": len(outline),
        "lessons_completed": completed,
        "percent": rules.completion_percent(completed=completed, total=len(outline)),
        "resume_lesson": next((lesson for lesson in lessons if lesson.pk == resume_id), None),
        "audience_roles": list(course.audience_roles.all()),
        "develops": list(
            course.develops.select_related("competency__framework", "level").order_by("sort_order")
        ),
        "final_assessment": final,
        "final_assessment_context": (
            assessment_services.attempt_context_token(
                user=user,
                parent_iri=tracking.course_iri(course),
                parent_name=course.title,
                registration=enrolment.registration,
            )
            if final and enrolment
            else ""
        ),
        "prerequisites": list(
            course.prerequisites.filter(live=True).only("id", "title", "url_path", "live")
        ),
        "preview": preview,
    }


@dataclass(frozen=True)
class PastAttempt:
    """An earlier, closed attempt at a course, as the learner's history shows it."""

    attempt: int
    enrolled_at: datetime.datetime
    superseded_at: datetime.datetime
    certificate: Certificate | None


def attempt_history(*, user, course: CoursePage, certificates=None) -> list[PastAttempt]:
    """The person's earlier attempts at the course, newest first, with their certificates.

    ``certificates``: the person's certificates of the course when the caller has them.
    """
    if certificates is None:
        certificates = list(Certificate.objects.filter(user=user, course=course))
        for item in certificates:
            item.course = course
    by_registration = {c.registration: c for c in certificates}
    return [
        PastAttempt(
            attempt=enrolment.attempt,
            enrolled_at=enrolment.enrolled_at,
            superseded_at=enrolment.superseded_at,
            certificate=by_registration.get(enrolment.registration),
        )
        for enrolment in Enrolment.objects.filter(
            user=user, course=course, superseded_at__isnull=False
        ).order_by("-attempt")
    ]


def lesson_view(*, lesson: LessonPage, user, preview: bool = False) -> dict:
    """What the lesson page shows: the course outline, previous/next, the lesson's state.

    A ``preview`` shows the lesson as a learner sees it before starting the course: its
    place among all of the course's lessons (drafts included, and the previewed lesson
    itself even before it is first saved), no one's progress, and its knowledge checks
    answerable without anything being recorded.
    """
    course = course_of_lesson(lesson=lesson)
    lessons = course_lessons(course=course, drafts=preview)
    rows, enrolment = [], None
    if preview:
        user = AnonymousUser()
        # The previewed version (from the editor's form) stands in for the stored one.
        lessons = [other for other in lessons if other.pk != lesson.pk or lesson.pk is None]
        lessons = sorted([*lessons, lesson], key=lambda page: page.path)
    if user.is_authenticated:
        enrolment = Enrolment.objects.current().filter(user=user, course=course).first()
        rows = list(LessonProgress.objects.filter(user=user, course=course))
    outline = _with_package_units(
        _outline(lessons, rows, current_id=lesson.pk),
        package_selectors.units_under(
            parent=course,
            user=user,
            drafts=preview,
            registration=enrolment.registration if enrolment else None,
        ),
    )
    position = next((i for i, item in enumerate(outline) if item.current), None)
    previous = outline[position - 1].lesson if position else None
    following = (
        outline[position + 1].lesson
        if position is not None and position + 1 < len(outline)
        else None
    )
    own = next((row for row in rows if row.lesson_id == lesson.pk), None)
    completed = sum(1 for item in outline if item.status == "completed")
    checks = knowledge_check_iris(lesson=lesson)
    answered = set(own.answered_questions) if own else set()
    return {
        "course": course,
        "outline": outline,
        "enrolment": enrolment,
        "registration": enrolment.registration if enrolment else None,
        # Knowledge checks record answers only within an enrolment (its registration);
        # a preview shows them answerable, and records nothing.
        "lesson_iri": tracking.lesson_iri(lesson) if enrolment or preview else "",
        "preview": preview,
        "lesson_progress": own,
        "lesson_completed": bool(own and own.completed_at),
        "checks_total": len(checks),
        "checks_open": sum(1 for iri in checks if iri not in answered),
        "previous_lesson": previous,
        "next_lesson": following,
        "lesson_number": (position + 1) if position is not None else None,
        "lessons_total": len(outline),
        "lessons_completed": completed,
        "percent": rules.completion_percent(completed=completed, total=len(outline)),
    }


# Curricula ------------------------------------------------------------------------------


@dataclass
class CurriculumCourse:
    course: CoursePage
    required: bool
    due_date: datetime.date | None
    curricula: list[str] = field(default_factory=list)
    status: str = "not_started"  # "not_started", "started", "completed"
    overdue: bool = False
    # The curriculum the due date comes from, when it is another than the one shown.
    due_from: str = ""


@dataclass
class CurriculumView:
    curriculum: Curriculum
    entries: list[CurriculumCourse]
    required_total: int = 0
    required_completed: int = 0

    @property
    def percent(self) -> int:
        return rules.completion_percent(
            completed=self.required_completed, total=self.required_total
        )


def user_curricula(*, user, today: datetime.date | None = None) -> list[CurriculumView]:
    """Every curriculum of the person's job roles, each with its courses and their status."""
    today = today or timezone.localdate()
    since = role_assignment_dates(user=user)
    if not since:
        return []
    links = Curriculum.job_roles.through.objects.filter(jobrole_id__in=since).values_list(
        "curriculum_id", "jobrole_id"
    )
    joined = defaultdict(list)
    for curriculum_id, role_id in links:
        joined[curriculum_id].append(since[role_id])
    items = list(
        CurriculumItem.objects.filter(curriculum_id__in=joined, course__live=True)
        .select_related("curriculum", "course")
        .order_by("curriculum__title", "sort_order")
    )
    status = _course_status(user=user, course_ids={item.course_id for item in items})
    views: dict[int, CurriculumView] = {}
    for item in items:
        view = views.setdefault(item.curriculum_id, CurriculumView(item.curriculum, []))
        due = None
        if item.due_days is not None:
            due = min(joined[item.curriculum_id]) + datetime.timedelta(days=item.due_days)
        entry = CurriculumCourse(
            course=item.course,
            required=item.required,
            due_date=due,
            curricula=[item.curriculum.title],
            status=status.get(item.course_id, "not_started"),
        )
        entry.overdue = bool(due and due < today and entry.status != "completed")
        view.entries.append(entry)
        if item.required:
            view.required_total += 1
            view.required_completed += entry.status == "completed"
    _earliest_due_dates(views.values(), today)
    return list(views.values())


def _earliest_due_dates(views, today: datetime.date) -> None:
    """A course in several curricula has one deadline: the earliest due date of those that
    require it. Every table shows that date and names the curriculum it comes from."""
    earliest: dict[int, tuple[datetime.date, str]] = {}
    for view in views:
        for entry in view.entries:
            if entry.required and entry.due_date:
                known = earliest.get(entry.course.pk)
                if known is None or entry.due_date < known[0]:
                    earliest[entry.course.pk] = (entry.due_date, view.curriculum.title)
    for view in views:
        for entry in view.entries:
            due = earliest.get(entry.course.pk)
            if due is None or (entry.due_date, entry.required) == (due[0], True):
                continue
            entry.due_date, source = due
            entry.due_from = source if source != view.curriculum.title else ""
            entry.overdue = due[0] < today and entry.status != "completed"


def curriculum_for_user(*, user, today: datetime.date | None = None) -> list[CurriculumCourse]:
    """The union of the person's role curricula: each course once, required if any
    curriculum requires it, due at the earliest due date, in curriculum order."""
    merged: dict[int, CurriculumCourse] = {}
    for view in user_curricula(user=user, today=today):
        for entry in view.entries:
            known = merged.get(entry.course.pk)
            if known is None:
                merged[entry.course.pk] = CurriculumCourse(
                    course=entry.course,
                    required=entry.required,
                    due_date=entry.due_date if entry.required else None,
                    curricula=list(entry.curricula),
                    status=entry.status,
                    overdue=entry.overdue and entry.required,
                    due_from=entry.due_from or (entry.curricula[0] if entry.required else ""),
                )
                continue
            known.curricula.extend(c for c in entry.curricula if c not in known.curricula)
            if entry.required:
                known.required = True
                if entry.due_date and (known.due_date is None or entry.due_date < known.due_date):
                    known.due_date = entry.due_date
                known.overdue = known.overdue or entry.overdue
    return list(merged.values())


def course_in_user_curriculum(*, user, course: CoursePage) -> bool:
    return CurriculumItem.objects.filter(
        course=course, curriculum__job_roles__assignments__user=user
    ).exists()


def _course_status(*, user, course_ids) -> dict[int, str]:
    if not course_ids:
        return {}
    result = {}
    for course_id, started, completed in CourseProgress.objects.filter(
        user=user, course_id__in=course_ids
    ).values_list("course_id", "started_at", "completed_at"):
        result[course_id] = "completed" if completed else "started" if started else "not_started"
    return result


# Dashboard ------------------------------------------------------------------------------


@dataclass
class CourseCard:
    course: CoursePage
    status: str = "not_started"
    lessons_total: int = 0
    lessons_completed: int = 0
    completed_at: datetime.datetime | None = None
    certificate: Certificate | None = None
    reason: str = ""

    @property
    def percent(self) -> int:
        return rules.completion_percent(completed=self.lessons_completed, total=self.lessons_total)


def course_cards(*, courses, user=None) -> list[CourseCard]:
    """Catalogue cards with lesson counts (and the person's progress), in three queries."""
    courses = list(courses)
    counts = unit_counts(courses)
    progress = {}
    if user is not None and user.is_authenticated:
        progress = {
            row.course_id: row
            for row in CourseProgress.objects.filter(user=user, course__in=courses)
        }
    cards = []
    for course in courses:
        row = progress.get(course.pk)
        cards.append(
            CourseCard(
                course=course,
                status=_status(row),
                lessons_total=counts.get(course.pk, 0),
                lessons_completed=row.lessons_completed if row else 0,
                completed_at=row.completed_at if row else None,
            )
        )
    return cards


def _status(row) -> str:
    if row is None:
        return "not_started"
    if row.completed_at:
        return "completed"
    return "started" if row.started_at else "not_started"


def unit_counts(courses) -> dict[int, int]:
    """Lessons per course as every page counts them: live lessons and live content package
    units, the entries of the course outline (one query).

    A course's children can only be lessons and package units (``CoursePage.subpage_types``).
    """
    courses = list(courses)
    if not courses:
        return {}
    by_path = {c.path: c.pk for c in courses}
    counts = defaultdict(int)
    depths = {c.depth + 1 for c in courses}
    rows = (
        Page.objects.live()
        .filter(depth__in=depths, path__regex=r"^(" + "|".join(by_path) + ")")
        .values_list("path", flat=True)
    )
    for path in rows:
        course_id = by_path.get(path[:-STEP])
        if course_id is not None:
            counts[course_id] += 1
    return counts


def dashboard(*, user, today: datetime.date | None = None) -> dict:
    """ "My learning": curricula with progress, next recommended course, in progress, done."""
    curricula = user_curricula(user=user, today=today)
    rows = list(
        CourseProgress.objects.filter(user=user, course__live=True)
        .select_related("course", "last_lesson")
        .order_by("-last_activity_at")
    )
    enrolled = list(
        Enrolment.objects.current()
        .filter(user=user, course__live=True)
        .exclude(course_id__in=[row.course_id for row in rows])
        .select_related("course")
        .order_by("-enrolled_at")
    )
    # The latest certificate per course (earlier attempts' are history).
    certificates = {
        c.course_id: c for c in Certificate.objects.filter(user=user).order_by("issued_at")
    }
    counts = unit_counts([row.course for row in rows] + [e.course for e in enrolled])
    in_progress, completed = [], []
    for row in rows:
        card = CourseCard(
            course=row.course,
            status=_status(row),
            lessons_total=counts.get(row.course_id, 0),
            lessons_completed=row.lessons_completed,
            completed_at=row.completed_at,
            certificate=certificates.get(row.course_id),
        )
        (completed if row.completed_at else in_progress).append(card)
    for enrolment in enrolled:
        in_progress.append(
            CourseCard(course=enrolment.course, lessons_total=counts.get(enrolment.course_id, 0))
        )
    return {
        "curricula": curricula,
        "in_progress": in_progress,
        "completed": completed,
        "recommended": recommended_courses(user=user, curricula=curricula, limit=3),
    }


def recommended_courses(*, user, curricula=None, limit: int = 3) -> list[CourseCard]:
    """Courses the person has not started yet: those that close most of their competency
    gap first, then required curriculum courses by due date."""
    if curricula is None:
        curricula = user_curricula(user=user)
    # Courses the person has started or completed are not "next"; they are listed as such.
    done = set(
        CourseProgress.objects.filter(
            Q(user=user) & (Q(completed_at__isnull=False) | Q(started_at__isnull=False))
        ).values_list("course_id", flat=True)
    )
    candidates: dict[int, CourseCard] = {}
    order: dict[int, tuple] = {}
    for view in curricula:
        for entry in view.entries:
            if entry.course.pk in done or entry.course.pk in candidates:
                continue
            candidates[entry.course.pk] = CourseCard(course=entry.course, status=entry.status)
            order[entry.course.pk] = (
                not entry.required,
                entry.due_date or datetime.date.max,
                len(order),
            )
    closure = gap_closure_by_course(user=user)
    if closure:
        extra = CoursePage.objects.live().filter(pk__in=set(closure) - done - set(candidates))
        for course in extra:
            candidates[course.pk] = CourseCard(course=course)
            order[course.pk] = (True, datetime.date.max, len(order))
    ranked = sorted(candidates, key=lambda pk: (-closure.get(pk, 0), *order[pk]))
    cards = [candidates[pk] for pk in ranked[:limit]]
    counts = unit_counts([card.course for card in cards])
    for card in cards:
        card.lessons_total = counts.get(card.course.pk, 0)
        card.reason = "gap" if closure.get(card.course.pk) else "curriculum"
    return cards


def gap_closure_by_course(*, user) -> dict[int, int]:
    """How many proficiency steps of the person's competency gaps each live course closes.

    For every competency a course develops up to level L where the person's target is T
    and their reached level R < T: min(L, T) − R steps (nothing when L ≤ R).
    """
    gaps = {g.competency.pk: g for g in competency_selectors.gaps_for_user(user=user) if g.gap}
    if not gaps:
        return {}
    closure: dict[int, int] = defaultdict(int)
    for course_id, competency_id, rank in CourseCompetency.objects.filter(
        competency_id__in=gaps, course__live=True
    ).values_list("course_id", "competency_id", "level__rank"):
        gap = gaps[competency_id]
        closure[course_id] += rules.gap_closed(
            developed=rank, target=gap.target_rank, reached=gap.reached_rank
        )
    return {course_id: steps for course_id, steps in closure.items() if steps > 0}


def competency_offers() -> list[Offer]:
    """Live courses as offers for the HR training-needs plan (two queries in all)."""
    develops: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for course_id, competency_id, rank in CourseCompetency.objects.filter(
        course__live=True
    ).values_list("course_id", "competency_id", "level__rank"):
        develops[course_id].append((competency_id, rank))
    courses = CoursePage.objects.live().filter(pk__in=develops).order_by("title")
    return [
        Offer(
            key=f"course:{course.pk}",
            title=course.title,
            url=course.url or "",
            develops=tuple(develops[course.pk]),
        )
        for course in courses
    ]


# Catalogue ------------------------------------------------------------------------------

DURATION_FILTERS = {
    "short": (0, 60),
    "medium": (61, 180),
    "long": (181, None),
}


def catalogue(
    *,
    query: str = "",
    role_id: int | None = None,
    competency_id: int | None = None,
    duration: str = "",
):
    """Live courses matching the search text and filters (Wagtail search for the text)."""
    courses = CoursePage.objects.live()
    if role_id:
        courses = courses.filter(audience_roles__id=role_id)
    if competency_id:
        courses = courses.filter(develops__competency_id=competency_id)
    if duration in DURATION_FILTERS:
        low, high = DURATION_FILTERS[duration]
        courses = courses.filter(duration_minutes__gte=low)
        if high is not None:
            courses = courses.filter(duration_minutes__lte=high)
    if query.strip():
        ids = list(courses.values_list("id", flat=True).distinct())
        return list(CoursePage.objects.live().filter(id__in=ids).search(query.strip()))
    return list(courses.distinct().order_by("title"))


# Certificates ---------------------------------------------------------------------------


def certificate_for_owner(*, user, code: str) -> Certificate | None:
    return (
        Certificate.objects.filter(user=user, code=code.strip().upper())
        .select_related("course", "user")
        .first()
    )


def certificate_verification(*, code: str) -> dict | None:
    """Only what the public may see: the holder's name, the course and the date."""
    certificate = (
        Certificate.objects.filter(code=code.strip().upper())
        .select_related("course", "user")
        .first()
    )
    if certificate is None:
        return None
    return {
        "name": certificate.user.get_full_name() or "–",
        "course": certificate.course.title,
        "date": timezone.localdate(certificate.issued_at),
        "code": certificate.code,
        "valid_through": certificate.valid_through,
        "expired": certificate.is_expired,
    }


# Analytics ------------------------------------------------------------------------------


@dataclass
class CourseFigures:
    course: CoursePage
    enrolled: int = 0
    started: int = 0
    completed: int = 0
    median_minutes: float | None = None
    median_suppressed: bool = False

    @property
    def completion_rate(self) -> int | None:
        if not self.enrolled:
            return None
        return round(100 * self.completed / self.enrolled)


def course_analytics(*, courses, min_group_size: int = 5) -> list[CourseFigures]:
    """Enrolled, started, completed, completion rate and median time per course.

    The median time is withheld when fewer than ``min_group_size`` people completed.
    """
    courses = list(courses)
    figures = {c.pk: CourseFigures(course=c) for c in courses}
    for course_id, n in (
        Enrolment.objects.current()
        .filter(course__in=courses)
        .values_list("course_id")
        .annotate(n=Count("id"))
    ):
        figures[course_id].enrolled = n
    durations = defaultdict(list)
    for course_id, started, completed in CourseProgress.objects.filter(
        course__in=courses, started_at__isnull=False
    ).values_list("course_id", "started_at", "completed_at"):
        figures[course_id].started += 1
        if completed:
            figures[course_id].completed += 1
            durations[course_id].append((completed - started).total_seconds() / 60)
    for course_id, values in durations.items():
        if len(values) < min_group_size:
            figures[course_id].median_suppressed = True
        else:
            figures[course_id].median_minutes = round(statistics.median(values), 1)
    for item in figures.values():
        item.enrolled = max(item.enrolled, item.started)
    return [figures[c.pk] for c in courses]


@dataclass
class LessonFigures:
    lesson: LessonPage
    started: int = 0
    completed: int = 0


def lesson_analytics(*, course: CoursePage) -> list[LessonFigures]:
    """How many people opened and completed each lesson (two queries)."""
    lessons = course_lessons(course=course)
    figures = {lesson.pk: LessonFigures(lesson=lesson) for lesson in lessons}
    rows = (
        LessonProgress.objects.filter(course=course)
        .values("lesson_id")
        .annotate(
            started=Count("id", filter=Q(first_experienced_at__isnull=False)),
            completed=Count("id", filter=Q(completed_at__isnull=False)),
        )
    )
    for row in rows:
        if row["lesson_id"] in figures:
            figures[row["lesson_id"]].started = row["started"]
            figures[row["lesson_id"]].completed = row["completed"]
    return [figures[lesson.pk] for lesson in lessons]


# Content review ----------------------------------------------------------------------------


@dataclass
class CourseReviewState:
    """Where a course stands in its review cycle (for trainers in the admin, never learners).

    ``due``: the periodic review's date has come ("Überprüfung fällig – wird überprüft");
    ``in_review``: lessons are marked after a legal change ("Rechtsänderung: Überprüfung
    nötig").
    """

    course: CoursePage
    last_review: CourseReview | None
    due_on: datetime.date | None
    flagged_lessons: list[LessonPage]
    due: bool
    in_review: bool


def course_review_states(*, courses, today: datetime.date | None = None) -> list[CourseReviewState]:
    """The review state of each course, in three queries whatever the number of courses."""
    today = today or timezone.localdate()
    courses = list(courses)
    ids = [course.pk for course in courses]
    last = {}
    latest = CourseReview.objects.filter(course_id=OuterRef("course_id")).order_by(
        "-reviewed_at", "-pk"
    )
    for review in CourseReview.objects.filter(
        course_id__in=ids, pk=Subquery(latest.values("pk")[:1])
    ).select_related("reviewed_by"):
        last[review.course_id] = review
    flagged = defaultdict(dict)
    for flag in LessonReviewFlag.objects.filter(resolved_at__isnull=True).select_related("lesson"):
        course_path = flag.lesson.path[:-STEP]
        flagged[course_path][flag.lesson_id] = flag.lesson
    states = []
    for course in courses:
        review = last.get(course.pk)
        if review is not None:
            since = timezone.localdate(review.reviewed_at)
        elif course.first_published_at is not None:
            since = timezone.localdate(course.first_published_at)
        else:
            since = None
        due_on = rules.review_due_on(
            last_reviewed_on=since, interval_months=course.review_interval_months
        )
        lessons = sorted(flagged.get(course.path, {}).values(), key=lambda lesson: lesson.path)
        states.append(
            CourseReviewState(
                course=course,
                last_review=review,
                due_on=due_on,
                flagged_lessons=lessons,
                due=due_on is not None and due_on <= today,
                in_review=bool(lessons),
            )
        )
    return states


def lesson_open_review_flags(*, lesson: LessonPage) -> list[LessonReviewFlag]:
    return list(
        LessonReviewFlag.objects.filter(lesson=lesson, resolved_at__isnull=True).order_by(
            "flagged_at"
        )
    )


@dataclass(frozen=True)
class Citation:
    lesson: LessonPage
    course: CoursePage
    labels: list[str]


def lessons_citing(*, norm: str) -> list[Citation]:
    """Every lesson whose structured sources cite ``norm`` (see ``courses.norms``).

    Two queries: the lessons' sources are matched in Python, because a citation's parts
    ("§ 35 Abs. 1 Satz 3 SGB X" for "§ 35 SGB X") are more than a text search can compare.
    """
    if not norm.strip():
        return []
    hits = []
    for lesson in LessonPage.objects.only("pk", "title", "path", "depth", "sources").order_by(
        "path"
    ):
        labels = [
            block.value["label"]
            for block in lesson.sources
            if block.block_type == "source" and norms.norm_matches(norm, block.value["label"])
        ]
        if labels:
            hits.append((lesson, labels))
    parents = {
        course.path: course
        for course in CoursePage.objects.filter(
            path__in={lesson.path[:-STEP] for lesson, _labels in hits}
        )
    }
    return [
        Citation(lesson=lesson, course=parents[lesson.path[:-STEP]], labels=labels)
        for lesson, labels in hits
        if lesson.path[:-STEP] in parents
    ]


# Decision simulators --------------------------------------------------------------------


def simulator_block(*, lesson: LessonPage, block_id: str):
    """The value of the lesson's decision simulator with this block id, or None."""
    for block in lesson.body:
        if block.block_type == "decision_simulator" and str(block.id) == str(block_id):
            return block.value
    return None


def simulator_state(*, value, block_id: str, query) -> dict:
    """What a simulator shows for the submitted case (or its starting case).

    ``query``: the request's GET or POST data; it holds this simulator's case only when
    its ``sim`` field names this block. Pure apart from the block value: no queries.
    """
    ruleset = sim_rules.ruleset_from_data(blocks.simulator_data(value))
    mine = str(query.get("sim", "")) == str(block_id)
    values, errors = sim_rules.values_from_form(ruleset, query if mine else {}, prefix="in-")
    decision = sim_evaluate.evaluate(ruleset, values)
    changes = [
        {
            "changes": [
                {
                    "label": ruleset.spec(change.input).label,
                    "old": sim_rules.format_value(ruleset.spec(change.input), change.old),
                    "new": sim_rules.format_value(ruleset.spec(change.input), change.new),
                }
                for change in counterfactual.changes
            ],
            "result": sim_counterfactuals.describe(ruleset, counterfactual),
        }
        for counterfactual in sim_counterfactuals.search(ruleset, values)
    ]
    explored = 0
    if mine:
        try:
            explored = min(max(int(query.get("explored", 0)), 0), 10_000)
        except (TypeError, ValueError):
            explored = 0
    fields = []
    for spec in ruleset.inputs:
        current = values[spec.key]
        fields.append(
            {
                "spec": spec,
                "name": f"in-{spec.key}",
                "value": (
                    current.isoformat()
                    if spec.kind == "date"
                    else (str(current) if spec.kind != "boolean" else current)
                ),
                "minimum": spec.minimum.isoformat() if spec.kind == "date" else spec.minimum,
                "maximum": spec.maximum.isoformat() if spec.kind == "date" else spec.maximum,
                "error": errors.get(spec.key, ""),
                "deciding": spec.key in decision.facts,
            }
        )
    path = [
        {
            "label": step.rule.label,
            "held": step.held,
            "checked": [ruleset.spec(key).label for key, _held in step.checks],
            "result": (_("Referred to a person") if step.rule.refer else step.rule.outcome),
        }
        for step in decision.path
    ]
    return {
        "ruleset": ruleset,
        "fields": fields,
        "errors": errors,
        "decision": decision,
        "path": path,
        "facts": sim_evaluate.describe_facts(ruleset, decision),
        "counterfactuals": changes,
        "explored": explored,
        "submitted": mine,
    }


# Mandatory training ---------------------------------------------------------------------


def curriculum_required_course_ids(*, curriculum_ids) -> dict[int, list[int]]:
    """Curriculum id -> its required live courses, in order (one query)."""
    result: dict[int, list[int]] = defaultdict(list)
    for curriculum_id, course_id in (
        CurriculumItem.objects.filter(
            curriculum_id__in=list(curriculum_ids), required=True, course__live=True
        )
        .order_by("sort_order")
        .values_list("curriculum_id", "course_id")
    ):
        result[curriculum_id].append(course_id)
    return dict(result)


def course_titles(*, course_ids) -> dict[int, str]:
    return dict(CoursePage.objects.filter(pk__in=list(course_ids)).values_list("pk", "title"))


def course_links(*, course_ids) -> dict[int, tuple[str, str]]:
    """Course id -> (title, path on this site) for the given courses (one query + the site
    root, which Wagtail caches)."""
    return {
        course.pk: (course.title, course.get_url() or "")
        for course in CoursePage.objects.filter(pk__in=list(course_ids))
    }


# Course states --------------------------------------------------------------------------


@dataclass(frozen=True)
class CourseState:
    """A person's standing in one course, over all their attempts."""

    # Start of the latest attempt (enrolment); None = never enrolled.
    started_at: datetime.datetime | None
    # Latest completion over all attempts; None = never completed.
    completed_at: datetime.datetime | None
    # End of that completion's validity (aware); None = does not expire.
    valid_until: datetime.datetime | None


def course_states(
    *, course_ids: Iterable[int], user_ids: Iterable[int] | None = None
) -> dict[tuple[int, int], CourseState]:
    """(user id, course id) -> CourseState for every person with an enrolment in one of the
    courses (``user_ids=None``: everybody; callers with 100,000 people pass None rather than a
    huge IN list). Four queries, whatever the number of people."""
    course_ids = list(course_ids)
    if not course_ids:
        return {}
    validity_months = dict(
        CoursePage.objects.filter(pk__in=course_ids).values_list("pk", "validity_months")
    )
    enrolments = Enrolment.objects.filter(course_id__in=course_ids)
    completions = CourseProgress.objects.filter(
        course_id__in=course_ids, completed_at__isnull=False
    )
    # Each attempt's completion left a certificate; earlier attempts are only there.
    earlier = Certificate.objects.filter(course_id__in=course_ids)
    if user_ids is not None:
        user_ids = list(user_ids)
        enrolments = enrolments.filter(user_id__in=user_ids)
        completions = completions.filter(user_id__in=user_ids)
        earlier = earlier.filter(user_id__in=user_ids)
    started: dict[tuple[int, int], datetime.datetime] = {}
    for user_id, course_id, enrolled_at in enrolments.values_list(
        "user_id", "course_id", "enrolled_at"
    ).iterator(chunk_size=5000):
        key = (user_id, course_id)
        if key not in started or enrolled_at > started[key]:
            started[key] = enrolled_at
    completed: dict[tuple[int, int], datetime.datetime] = {}
    for rows in (
        completions.values_list("user_id", "course_id", "completed_at"),
        earlier.values_list("user_id", "course_id", "issued_at"),
    ):
        for user_id, course_id, completed_at in rows.iterator(chunk_size=5000):
            key = (user_id, course_id)
            if key not in completed or completed_at > completed[key]:
                completed[key] = completed_at
    states = {}
    for key, started_at in started.items():
        completed_at = completed.get(key)
        states[key] = CourseState(
            started_at=started_at,
            completed_at=completed_at,
            valid_until=validity.valid_until(completed_at, validity_months.get(key[1])),
        )
    return states
