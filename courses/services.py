"""Writes of the courses app: authoring (pages, curricula) and the learner's actions.

Learning events are recorded only through ``lms.xapi.events``; progress rows follow
from the stored statements (``courses.projection``).
"""

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import (
    GroupApprovalTask,
    Page,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from assessments import services as assessment_services
from competencies import selectors as competency_selectors
from courses import projection, rules, selectors, tracking
from courses.blocks import SourceBlock
from courses.models import (
    CourseCompetency,
    CourseIndexPage,
    CoursePage,
    CourseReview,
    CourseReviewReminder,
    CourseReviewTask,
    Curriculum,
    CurriculumItem,
    Enrolment,
    LessonPage,
    LessonReviewFlag,
)
from courses.simulator import feedback as sim_feedback
from courses.simulator import rules as sim_rules
from lms.accounts.groups import REVIEWER, TRAINER
from lms.accounts.services import audit_log
from lms.xapi import events

logger = logging.getLogger(__name__)


class CourseActionError(ValidationError):
    """A learner's action that the rules do not allow; the message is for the learner."""


# Authoring ------------------------------------------------------------------------------


def _publish(page: Page, *, user=None) -> Page:
    # The platform's own setup (demo, imports) publishes here, naming the author for the
    # page history; people publish only through the admin's "Kursfreigabe".
    revision = page.save_revision(user=user, log_action=True)
    revision.publish(user=user, skip_permission_checks=True)
    page.refresh_from_db()
    return page


def _save_child(*, parent: Page, page_class, slug: str, fields: dict, publish: bool, user=None):
    """Create the child page with this slug, or update the existing one; then publish."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        page = existing.specific
        for name, value in fields.items():
            setattr(page, name, value)
        page.full_clean()
    else:
        # A page not published yet is a draft (Wagtail creates pages live by default).
        page = page_class(slug=slug, live=publish, **fields)
        parent.add_child(instance=page)
    if publish:
        return _publish(page, user=user)
    page.save_revision(user=user)
    return page


@transaction.atomic
def course_index_create_or_update(*, parent: Page, title: str, slug: str, intro: str = ""):
    """The course section under the site root; only logged-in people may see its pages."""
    index = _save_child(
        parent=parent,
        page_class=CourseIndexPage,
        slug=slug,
        fields={"title": title, "intro": intro},
        publish=True,
    )
    PageViewRestriction.objects.get_or_create(
        page=index, restriction_type=PageViewRestriction.LOGIN
    )
    course_review_workflow_ensure(index=index)
    return index


@transaction.atomic
def course_create_or_update(
    *,
    index: CourseIndexPage,
    title: str,
    slug: str,
    summary: str,
    objectives: Sequence[str] = (),
    duration_minutes: int = 60,
    audience_roles: Iterable = (),
    prerequisites: Iterable[CoursePage] = (),
    develops: Iterable[tuple] = (),
    final_assessment=None,
    content_owner=None,
    review_interval_months: int = 12,
    validity_months: int | None = None,
    publish: bool = True,
    user=None,
) -> CoursePage:
    """Create or update a course; ``develops`` holds (competency, proficiency level) pairs."""
    develops = [
        CourseCompetency(competency=competency, level=level, sort_order=position)
        for position, (competency, level) in enumerate(develops)
    ]
    for item in develops:
        item.full_clean(exclude=["course"])
    return _save_child(
        parent=index,
        page_class=CoursePage,
        slug=slug,
        fields={
            "title": title,
            "summary": summary,
            "objectives": [("objective", text) for text in objectives],
            "duration_minutes": duration_minutes,
            "audience_roles": list(audience_roles),
            "prerequisites": list(prerequisites),
            "develops": develops,
            "final_assessment": final_assessment,
            "content_owner": content_owner,
            "review_interval_months": review_interval_months,
            "validity_months": validity_months,
        },
        publish=publish,
        user=user,
    )


@transaction.atomic
def course_prerequisites_set(*, course: CoursePage, prerequisites: Iterable[CoursePage], user=None):
    course = CoursePage.objects.get(pk=course.pk)
    course.prerequisites = list(prerequisites)
    return _publish(course, user=user)


@transaction.atomic
def lesson_create_or_update(
    *,
    course: CoursePage,
    title: str,
    slug: str,
    body: list,
    summary: str = "",
    completion_rule: str = LessonPage.CompletionRule.END,
    required: bool = True,
    legal_status: dt.date | None = None,
    sources: Sequence[dict] = (),
    publish: bool = True,
    user=None,
) -> LessonPage:
    """Create or update a lesson; ``sources`` are dicts of kind, label and url."""
    return _save_child(
        parent=course,
        page_class=LessonPage,
        slug=slug,
        fields={
            "title": title,
            "summary": summary,
            "body": body,
            "completion_rule": completion_rule,
            "required": required,
            "legal_status": legal_status,
            "sources": [("source", value) for value in lesson_sources_clean(sources)],
        },
        publish=publish,
        user=user,
    )


def lesson_sources_clean(sources: Sequence[dict]) -> list:
    """The sources as block values, validated like the editor's form (kind, official URL)."""
    block = SourceBlock()
    return [block.clean(block.to_python(dict(source))) for source in sources]


REVIEW_WORKFLOW = "Kursfreigabe"
REVIEW_TASK = "Freigabe durch Reviewer (Vier-Augen-Prinzip)"


@transaction.atomic
def course_review_workflow_ensure(*, index: CourseIndexPage | None = None):
    """The "Kursfreigabe" workflow on the course section: a second person releases.

    Wagtail's moderation then applies to every course and lesson below the index: trainers
    (who hold no publish permission) submit drafts, a member of the Reviewer group other
    than the author approves (publishing it, or at its scheduled time) or requests changes.
    Without ``index``, every course index gets it. Safe to call repeatedly; an earlier
    version's task that let trainers approve each other is deactivated.
    """
    # The group's permissions are granted with the others (lms.accounts.groups, on migrate).
    reviewers, _created = Group.objects.get_or_create(name=REVIEWER)
    task = CourseReviewTask.objects.filter(name=REVIEW_TASK).first()
    if task is None:
        task = CourseReviewTask.objects.create(name=REVIEW_TASK)
    task.groups.set([reviewers])
    workflow, _created = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW)
    for old in GroupApprovalTask.objects.filter(
        workflow_tasks__workflow=workflow, groups__name=TRAINER, active=True
    ).distinct():
        old.deactivate()
    # Through the table itself: the workflow's own relation (a modelcluster one) would
    # change it only in memory, and a workflow without tasks approves at once.
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    indexes = [index] if index is not None else CourseIndexPage.objects.all()
    for page in indexes:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


def course_review_workflow_ensure_after_migrate(sender, **kwargs):
    """Existing installations get the release workflow on ``migrate``."""
    course_review_workflow_ensure()


@dataclass(frozen=True)
class CurriculumEntry:
    course: CoursePage
    required: bool = True
    due_days: int | None = None


@transaction.atomic
def curriculum_update_or_create(
    *,
    slug: str,
    title: str,
    description: str = "",
    job_roles: Iterable = (),
    entries: Sequence[CurriculumEntry] = (),
) -> Curriculum:
    curriculum = Curriculum.objects.filter(slug=slug).first() or Curriculum(slug=slug)
    curriculum.title, curriculum.description = title, description
    curriculum.full_clean(exclude=["job_roles"])
    curriculum.save()
    curriculum.job_roles.set(list(job_roles))
    curriculum.items.all().delete()
    CurriculumItem.objects.bulk_create(
        CurriculumItem(
            curriculum=curriculum,
            course=entry.course,
            required=entry.required,
            due_days=entry.due_days,
            sort_order=position,
        )
        for position, entry in enumerate(entries)
    )
    curriculum.save()
    return curriculum


# Learner actions ------------------------------------------------------------------------


def enrolment_ensure(*, user, course: CoursePage, source: str | None = None, now=None) -> Enrolment:
    """The person's enrolment in the course, created on first use (idempotent); ``now``:
    when it happened, if not now (demo data)."""
    enrolment = Enrolment.objects.current().filter(user=user, course=course).first()
    if enrolment is not None:
        return enrolment
    if source is None:
        source = (
            Enrolment.Source.CURRICULUM
            if selectors.course_in_user_curriculum(user=user, course=course)
            else Enrolment.Source.SELF
        )
    try:
        with transaction.atomic():
            return Enrolment.objects.create(
                user=user, course=course, source=source, enrolled_at=now or timezone.now()
            )
    except IntegrityError:
        # A parallel request enrolled the person first.
        return Enrolment.objects.current().get(user=user, course=course)


@transaction.atomic
def course_enrol(*, user, course: CoursePage) -> Enrolment:
    if not course.live:
        raise CourseActionError(_("This course is not available."))
    return enrolment_ensure(user=user, course=course)


@transaction.atomic
def course_continue(*, user, course: CoursePage, now=None) -> LessonPage | None:
    """Enrol if needed, record the launch on first start, and return the lesson to resume.

    ``now`` (here and in the lesson services): when it happened, if not now (demo data).
    """
    if not course.live:
        raise CourseActionError(_("This course is not available."))
    enrolment = enrolment_ensure(user=user, course=course, now=now)
    progress = selectors.course_progress(user=user, course=course)
    if progress is None or progress.started_at is None:
        events.record(
            events.course_launched(
                user=user,
                course=tracking.course_activity(course),
                registration=enrolment.registration,
                timestamp=now,
            )
        )
    return selectors.resume_lesson(user=user, course=course)


@transaction.atomic
def course_retake(*, user, course: CoursePage, now=None) -> Enrolment:
    """Take a completed course again (e.g. to renew an expiring certificate).

    The current attempt is closed, not deleted: its enrolment, statements and certificate
    stay as history, and the certificate keeps its own validity. The next attempt starts
    with a new registration, so lessons, package units and the final assessment are done
    afresh; completing it earns a new certificate.
    """
    if not course.live:
        raise CourseActionError(_("This course is not available."))
    # The row lock makes a double click (or two tabs) open one new attempt, not two.
    current = (
        Enrolment.objects.current().select_for_update().filter(user=user, course=course).first()
    )
    progress = selectors.course_progress(user=user, course=course)
    if current is None or progress is None or progress.completed_at is None:
        raise CourseActionError(_("You can take a course again once you have completed it."))
    now = now or timezone.now()
    current.superseded_at = now
    current.save(update_fields=["superseded_at"])
    enrolment = Enrolment.objects.create(
        user=user,
        course=course,
        source=current.source,
        enrolled_at=now,
        attempt=current.attempt + 1,
    )
    projection.attempt_close(user_id=user.pk, course_id=course.pk)
    return enrolment


@transaction.atomic
def lesson_experience(*, user, lesson: LessonPage, now=None) -> None:
    """Record that the learner opened the lesson (only within an enrolment)."""
    course = selectors.course_of_lesson(lesson=lesson)
    enrolment = Enrolment.objects.current().filter(user=user, course=course).first()
    if enrolment is None or not lesson.live:
        raise CourseActionError(_("Please enrol in the course first."))
    events.record(
        events.lesson_experienced(
            user=user,
            lesson=tracking.lesson_activity(lesson),
            course=tracking.course_activity(course),
            registration=enrolment.registration,
            timestamp=now,
        )
    )


@transaction.atomic
def lesson_complete(*, user, lesson: LessonPage, now=None) -> LessonPage | None:
    """Complete the lesson if its rule allows it; returns the next lesson (or None)."""
    if not lesson.live:
        raise CourseActionError(_("This lesson is not available."))
    course = selectors.course_of_lesson(lesson=lesson)
    enrolment = enrolment_ensure(user=user, course=course, now=now)
    progress = selectors.lesson_progress(user=user, lesson=lesson)
    if progress is None or progress.completed_at is None:
        if not rules.lesson_can_complete(
            rule=lesson.completion_rule,
            knowledge_checks=selectors.knowledge_check_iris(lesson=lesson),
            answered=progress.answered_questions if progress else (),
        ):
            raise CourseActionError(
                _("Please answer every knowledge check in this lesson before you complete it.")
            )
        started = progress.first_experienced_at if progress else None
        now = now or timezone.now()
        events.record(
            events.lesson_completed(
                user=user,
                lesson=tracking.lesson_activity(lesson),
                course=tracking.course_activity(course),
                registration=enrolment.registration,
                duration=max(now - started, dt.timedelta(0)) if started else None,
                timestamp=now,
            )
        )
    return selectors.next_lesson(lesson=lesson, course=course)


def final_assessment_context(*, user, assessment) -> "assessment_services.AttemptContext | None":
    """The course an attempt at a final assessment belongs to (registered with assessments).

    Used when an attempt starts without a signed context: the person's enrolment in a live
    course that ends with this assessment supplies the parent and the registration.
    """
    enrolment = (
        Enrolment.objects.current()
        .filter(user=user, course__final_assessment=assessment, course__live=True)
        .select_related("course")
        .first()
    )
    if enrolment is None:
        return None
    return assessment_services.AttemptContext(
        parent_iri=tracking.course_iri(enrolment.course),
        parent_name=enrolment.course.title,
        registration=enrolment.registration,
    )


# Content review ---------------------------------------------------------------------------


@transaction.atomic
def course_review_complete(*, course: CoursePage, user, note: str = "", now=None) -> CourseReview:
    """Record that ``user`` reviewed the course's content; its next review is one interval on.

    Lessons marked as needing review in this course count as reviewed with it.
    """
    now = now or timezone.now()
    course = CoursePage.objects.select_for_update().get(pk=course.pk)
    review = CourseReview(
        course=course,
        reviewed_by=user,
        reviewed_by_label=getattr(user, "email", ""),
        reviewed_at=now,
        note=note.strip(),
    )
    review.full_clean()
    review.save()
    resolved = LessonReviewFlag.objects.filter(
        lesson__path__startswith=course.path, resolved_at__isnull=True
    ).update(resolved_at=now, resolved_by=user)
    audit_log(
        actor=user,
        action="courses.review.completed",
        subject=course.title,
        details={"course": course.pk, "resolved_marks": resolved},
    )
    return review


@transaction.atomic
def lessons_mark_for_review(*, norm: str, lessons: Iterable[LessonPage], user, note: str = ""):
    """Mark lessons as needing review because ``norm`` changed; marking again changes nothing.

    Returns the marks created.
    """
    norm = " ".join(norm.split())
    if not norm or len(norm) > 200:
        raise ValidationError(_("Enter the norm that changed (at most 200 characters)."))
    now = timezone.now()
    lessons = list(lessons)
    open_already = set(
        LessonReviewFlag.objects.filter(
            lesson__in=lessons, norm=norm, resolved_at__isnull=True
        ).values_list("lesson_id", flat=True)
    )
    created = LessonReviewFlag.objects.bulk_create(
        LessonReviewFlag(
            lesson=lesson, norm=norm, note=note.strip()[:2000], flagged_by=user, flagged_at=now
        )
        for lesson in lessons
        if lesson.pk not in open_already
    )
    audit_log(
        actor=user,
        action="courses.lessons.marked_for_review",
        subject=norm,
        details={"lessons": [flag.lesson_id for flag in created]},
    )
    return created


def reviewer_erase(*, user) -> dict:
    """Erasure: reviews and marks stay (the content's history), without naming the person."""
    reviews = CourseReview.objects.filter(reviewed_by=user).update(
        reviewed_by=None, reviewed_by_label=""
    )
    return {"course_reviews_anonymised": reviews}


def _preferred_language(user) -> str:
    from wagtail.users.models import UserProfile

    return UserProfile.get_for_user(user).get_preferred_language() or settings.LANGUAGE_CODE


def course_review_reminders_send(*, today: dt.date | None = None) -> int:
    """E-mail each content owner whose course's review is due, once per due date.

    A reminder row (unique per course and due date) is written in the same transaction as
    the mail is handed over, so running this again, or twice at once, sends nothing twice;
    a mail that fails leaves no row and is tried again the next day.
    """
    today = today or timezone.localdate()
    courses = CoursePage.objects.live().filter(
        content_owner__isnull=False, content_owner__is_active=True
    )
    states = selectors.course_review_states(
        courses=courses.select_related("content_owner"), today=today
    )
    sent = 0
    for state in states:
        if not state.due:
            continue
        try:
            with transaction.atomic():
                _, created = CourseReviewReminder.objects.get_or_create(
                    course=state.course,
                    due_on=state.due_on,
                    defaults={"recipient": state.course.content_owner, "sent_at": timezone.now()},
                )
                if created:
                    _review_reminder_mail(state)
                    sent += 1
        except Exception:
            logger.exception("Review reminder for course %s not sent", state.course.pk)
    return sent


def _review_reminder_mail(state) -> None:
    owner, course = state.course.content_owner, state.course
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailadmin_pages:edit", args=[course.pk]
    )
    with translation.override(_preferred_language(owner)):
        subject = _("Content review due: %(course)s") % {"course": course.title}
        lines = [
            _("Hello %(name)s,") % {"name": owner.display_name},
            "",
            _(
                "the course “%(course)s” is due for its content review on %(date)s: please "
                "check its lessons against current law, update their legal status and sources, "
                "and record the review in the admin."
            )
            % {"course": course.title, "date": formats.date_format(state.due_on)},
        ]
        if state.flagged_lessons:
            lines += ["", _("Lessons marked as needing review:")]
            lines += [f"- {lesson.title}" for lesson in state.flagged_lessons]
        lines += ["", link]
        send_mail(subject, "\n".join(lines), settings.DEFAULT_FROM_EMAIL, [owner.email])


# Decision simulators --------------------------------------------------------------------

MAX_EXPLANATION_CHARS = 5000


@dataclass(frozen=True)
class SimulatorOutcome:
    state: dict  # selectors.simulator_state for the submitted case
    feedback: "sim_feedback.Feedback"
    explanation: str


def _simulator_evidence(*, course: CoursePage, rank: int | None) -> list[tuple[str, str]]:
    """(competency URI, level URI) at the block's rank, capped at what the course develops."""
    if not rank:
        return []
    evidence = []
    for item in selectors.course_competencies(course=course):
        level = competency_selectors.level_for(
            competency=item.competency, rank=min(rank, item.level.rank)
        )
        evidence.append((item.competency.uri, level.uri))
    return evidence


@transaction.atomic
def simulator_submit(*, user, lesson: LessonPage, block_id: str, data) -> SimulatorOutcome:
    """Check a learner's explanation of the simulated case and record what they did.

    Two statements in one batch: ``interacted`` summarises the exploration (the final
    case and how many cases were tried), ``answered`` carries the explanation and the
    rubric, and the evidence for the course's competencies only when the rubric's
    minimum is met. Nothing is recorded when the case or the text is invalid.
    """
    if not lesson.live:
        raise CourseActionError(_("This lesson is not available."))
    value = selectors.simulator_block(lesson=lesson, block_id=block_id)
    if value is None:
        raise CourseActionError(_("This simulator does not exist."))
    state = selectors.simulator_state(value=value, block_id=block_id, query=data)
    if state["errors"]:
        raise CourseActionError(_("Please correct the case's inputs first."))
    explanation = str(data.get("explanation", "")).strip()
    if len(explanation) < 20:
        raise CourseActionError(_("Please write an explanation of at least a few sentences."))
    if len(explanation) > MAX_EXPLANATION_CHARS:
        raise CourseActionError(
            _("Please shorten your explanation to at most %(n)d characters.")
            % {"n": MAX_EXPLANATION_CHARS}
        )
    ruleset, decision = state["ruleset"], state["decision"]
    feedback = sim_feedback.assess(
        explanation, ruleset, decision, minimum=int(value.get("rubric_minimum") or 4)
    )
    course = selectors.course_of_lesson(lesson=lesson)
    enrolment = enrolment_ensure(user=user, course=course)
    simulator = tracking.simulator_activity(lesson=lesson, block_id=block_id, title=value["title"])
    lesson_activity = tracking.lesson_activity(lesson)
    case = {
        "inputs": {key: sim_rules.value_text(val) for key, val in decision.values.items()},
        "result": decision.result,
        "rule": decision.rule.key if decision.rule else None,
        "facts": list(decision.facts),
    }
    rubric = {
        "checks": {check.key: check.passed for check in feedback.checks},
        "minimum": feedback.minimum,
    }
    with events.batched():
        events.record(
            events.simulator_explored(
                user=user,
                simulator=simulator,
                lesson=lesson_activity,
                registration=enrolment.registration,
                case=case,
                explored=state["explored"],
            )
        )
        events.record(
            events.simulator_answered(
                user=user,
                simulator=simulator,
                lesson=lesson_activity,
                registration=enrolment.registration,
                response=explanation,
                rubric=rubric,
                score_raw=feedback.score,
                score_max=feedback.maximum,
                passed=feedback.passed,
                evidence=_simulator_evidence(course=course, rank=value.get("evidence_rank"))
                if feedback.passed
                else (),
            )
        )
    return SimulatorOutcome(state=state, feedback=feedback, explanation=explanation)


@transaction.atomic
def lesson_block_append(*, lesson: LessonPage, block_type: str, value, user=None) -> LessonPage:
    """Add a block at the end of the lesson and publish it (validated like the editor)."""
    lesson = lesson.specific
    lesson.body.append((block_type, value))
    lesson.full_clean()
    return _publish(lesson, user=user)
