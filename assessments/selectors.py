"""Reads about assessments and attempts. Other apps (courses) call these."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, QuerySet
from django.utils import timezone

from assessments import item_analysis, presentation, scoring
from assessments.models import Answer, Assessment, Attempt, Question, QuestionOption


def assessment_get(*, uuid) -> Assessment:
    """Raises ``Assessment.DoesNotExist`` (also for a malformed identifier)."""
    try:
        return Assessment.objects.get(uuid=uuid)
    except (ValueError, TypeError) as exc:
        raise Assessment.DoesNotExist from exc


def assessment_list(*, kind: str | None = None) -> QuerySet[Assessment]:
    qs = Assessment.objects.all()
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("title")


def question_get(*, pk) -> Question:
    return Question.objects.prefetch_related("options").get(pk=pk)


@dataclass
class LearnerStatus:
    """What a learner needs to know about an assessment before starting."""

    assessment: Assessment
    attempts: list[Attempt]
    open_attempt: Attempt | None
    attempts_left: int | None  # None = unlimited
    best: Attempt | None
    question_count: int

    @property
    def can_start(self) -> bool:
        return self.open_attempt is not None or self.attempts_left is None or self.attempts_left > 0

    @property
    def passed(self) -> bool:
        return any(a.passed for a in self.attempts)


def learner_status(*, assessment: Assessment, user, registration=None) -> LearnerStatus:
    """The person's attempts at the assessment (two queries); within one context's
    ``registration`` (e.g. a course attempt) when given, as the attempt limit counts them."""
    attempts = Attempt.objects.filter(assessment=assessment, user=user)
    if registration is not None:
        attempts = attempts.filter(registration=registration)
    attempts = list(attempts.annotate(question_count=Count("answers")).order_by("number"))
    open_attempt = next((a for a in attempts if a.is_open), None)
    finished = [a for a in attempts if not a.is_open]
    best = max(finished, key=lambda a: (a.score_raw or 0) / (a.score_max or 1), default=None)
    used = len(attempts) - (1 if open_attempt else 0)
    left = None if not assessment.max_attempts else max(0, assessment.max_attempts - used)
    if open_attempt is not None and left is not None:
        left = max(0, left - 1)
    if assessment.selection == Assessment.Selection.FIXED:
        count = assessment.fixed_questions.count()
    else:
        count = sum(r.count for r in assessment.draw_rules.all())
    return LearnerStatus(
        assessment=assessment,
        attempts=attempts,
        open_attempt=open_attempt,
        attempts_left=left,
        best=best,
        question_count=count,
    )


@dataclass
class ParentOutcome:
    """Where a finished attempt leaves the activity it belongs to (e.g. its course)."""

    title: str
    url: str
    completed: bool
    certificate_url: str = ""


_outcome_providers: list = []


def register_attempt_outcome_provider(provider) -> None:
    """``provider(attempt=…)`` returns a ``ParentOutcome`` or ``None``. Courses registers
    one, so the result page can say whether the course is now complete (assessments never
    imports courses)."""
    if provider not in _outcome_providers:
        _outcome_providers.append(provider)


def attempt_outcomes(*, attempt: Attempt) -> list[ParentOutcome]:
    outcomes = (provider(attempt=attempt) for provider in _outcome_providers)
    return [outcome for outcome in outcomes if outcome is not None]


def attempt_get(*, attempt_uuid, user) -> Attempt:
    """The person's own attempt; raises ``Attempt.DoesNotExist`` for anyone else's."""
    try:
        return Attempt.objects.select_related("assessment").get(uuid=attempt_uuid, user=user)
    except (ValueError, TypeError) as exc:
        raise Attempt.DoesNotExist from exc


def attempt_answers(*, attempt: Attempt) -> list[Answer]:
    return list(attempt.answers.select_related("question").order_by("position"))


def _field(answer: Answer) -> str:
    return f"q_{answer.question.uuid}"


def attempt_take_items(
    *, attempt: Attempt, answers: list[Answer], raw=None, errors: dict | None = None
) -> list[presentation.QuestionView]:
    """The questions of an open attempt as the learner sees them (no correct answers).

    ``raw`` are submitted form values to redisplay after an error.
    """
    errors = errors or {}
    show_checked = attempt.assessment.feedback_policy == Assessment.FeedbackPolicy.IMMEDIATE
    # A checked answer shows its mark; its key only where the policy allows it mid-test.
    show_key = _solutions_during_attempts(attempt.assessment)
    items = []
    for answer in answers:
        name = _field(answer)
        if answer.locked and show_checked:
            view = presentation.review_view(
                spec=answer.spec,
                question=answer.question,
                order=answer.presented_order,
                response=answer.response,
                score=answer.score,
                correct=answer.correct,
                show_solution=show_key,
                field_name=name,
            )
        else:
            view = presentation.question_view(
                spec=answer.spec,
                question=answer.question,
                order=answer.presented_order,
                response=answer.response,
                field_name=name,
                raw=_raw_for(answer, raw) if raw is not None else None,
            )
        view.number = answer.position
        if name in errors:
            view.errors = [errors[name]]
        items.append(view)
    return items


def _raw_for(answer: Answer, data):
    name = _field(answer)
    if answer.spec["type"] in (scoring.ORDERING, scoring.MATCHING):
        prefix = f"{name}__"
        return {k[len(prefix) :]: data.get(k, "") for k in data if k.startswith(prefix)}
    return data.getlist(name)


def review_allowed(attempt: Attempt) -> bool:
    """Whether per-question results and solutions may be shown for a finished attempt."""
    return (
        not attempt.is_open
        and attempt.assessment.feedback_policy != Assessment.FeedbackPolicy.NEVER
    )


def _solutions_during_attempts(assessment: Assessment) -> bool:
    """Whether the key may be shown while the person may still try again.

    Ungraded checks are practice, so their key is shown at once; graded tests follow
    their solution policy.
    """
    if assessment.solution_policy == Assessment.SolutionPolicy.NEVER:
        return False
    return (
        assessment.kind != Assessment.Kind.FINAL
        or assessment.solution_policy == Assessment.SolutionPolicy.EVERY_ATTEMPT
    )


def solutions_visible(*, attempt: Attempt, status: LearnerStatus) -> bool:
    """Whether the answer key (correct options, accepted answers, explanations) may be shown
    with a finished attempt.

    By default a graded test keeps its key until the person has passed or has no attempt
    left, and never while another attempt is open: otherwise the next attempt only tests
    memory of the key.
    """
    if not review_allowed(attempt):
        return False
    assessment = attempt.assessment
    if _solutions_during_attempts(assessment):
        return True
    if assessment.solution_policy == Assessment.SolutionPolicy.NEVER:
        return False
    if status.open_attempt is not None:
        return False
    return status.passed or status.attempts_left == 0


def attempt_review_items(
    *, attempt: Attempt, answers: list[Answer], show_solution: bool
) -> list[presentation.QuestionView]:
    """The finished attempt question by question: the person's answers and marks, with the
    key only when ``show_solution`` (see ``solutions_visible``)."""
    items = []
    for answer in answers:
        view = presentation.review_view(
            spec=answer.spec,
            question=answer.question,
            order=answer.presented_order,
            response=answer.response,
            score=answer.score,
            correct=answer.correct,
            show_solution=show_solution,
            field_name=_field(answer),
        )
        view.number = answer.position
        items.append(view)
    return items


def attempt_seconds_left(*, attempt: Attempt, now: dt.datetime | None = None) -> int | None:
    if not attempt.deadline:
        return None
    now = now or timezone.now()
    return max(0, int((attempt.deadline - now).total_seconds()))


# --- item statistics ---------------------------------------------------------------


@dataclass
class ItemRow:
    question: Question
    stats: item_analysis.ItemStatistics
    position: int


@dataclass
class AssessmentStatistics:
    assessment: Assessment
    attempts: int
    people: int
    suppressed: bool
    mean_percent: float | None
    pass_rate: float | None
    items: list[ItemRow] = field(default_factory=list)


def item_statistics(*, assessment: Assessment) -> AssessmentStatistics:
    """Per-question statistics over the finished attempts (a constant number of queries).

    Nothing is shown for fewer than ``QD_MIN_GROUP_SIZE`` different people, so the figures
    never describe an individual (docs/SECURITY.md, Privacy).
    """
    finished = Attempt.objects.filter(assessment=assessment).exclude(
        status=Attempt.Status.IN_PROGRESS
    )
    rows = list(finished.values_list("pk", "user_id", "score_raw", "score_max", "passed"))
    people = len({r[1] for r in rows})
    k = getattr(settings, "QD_MIN_GROUP_SIZE", 5)
    result = AssessmentStatistics(
        assessment=assessment,
        attempts=len(rows),
        people=people,
        suppressed=people < k,
        mean_percent=None,
        pass_rate=None,
    )
    if result.suppressed:
        return result
    totals = {pk: (raw or 0.0, maximum or 0.0) for pk, _u, raw, maximum, _p in rows}
    result.mean_percent = 100 * sum(r / m for r, m in totals.values() if m) / len(totals)
    result.pass_rate = 100 * sum(1 for r in rows if r[4]) / len(rows)
    responses: dict[int, list[item_analysis.ItemResponse]] = {}
    positions: dict[int, int] = {}
    for attempt_id, question_id, position, spec_points, response, score in Answer.objects.filter(
        attempt__in=finished
    ).values_list("attempt_id", "question_id", "position", "spec__points", "response", "score"):
        points = float(spec_points or 1)
        responses.setdefault(question_id, []).append(
            item_analysis.ItemResponse(
                attempt=attempt_id, share=(score or 0.0) / points, response=response
            )
        )
        positions[question_id] = min(positions.get(question_id, position), position)
    questions = Question.objects.filter(pk__in=responses).select_related("competency", "level")
    options = {}
    for option in QuestionOption.objects.filter(question_id__in=responses).order_by(
        "question_id", "sort_order", "pk"
    ):
        options.setdefault(option.question_id, []).append(option)
    by_id = {q.pk: q for q in questions}
    specs = {pk: by_id[pk].spec(options=options.get(pk, [])) for pk in responses if pk in by_id}
    stats = item_analysis.item_statistics(items=specs, responses=responses, totals=totals)
    result.items = sorted(
        (ItemRow(question=by_id[s.key], stats=s, position=positions[s.key]) for s in stats),
        key=lambda row: row.position,
    )
    return result


def assessments_with_attempt_counts() -> QuerySet[Assessment]:
    return Assessment.objects.annotate(finished_attempts=Count("attempts", distinct=True)).order_by(
        "title"
    )
