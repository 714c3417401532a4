"""Completion and resume rules: pure functions, no database."""

import calendar
import datetime
from collections.abc import Collection, Sequence


def lesson_can_complete(
    *, rule: str, knowledge_checks: Collection[str], answered: Collection[str]
) -> bool:
    """A lesson completes at its end, or (rule "checks") once every knowledge check is answered."""
    if rule == "checks":
        return set(knowledge_checks) <= set(answered)
    return True


def course_completed(
    *,
    required_lessons: Collection[int],
    completed_lessons: Collection[int],
    has_final_assessment: bool,
    final_assessment_passed: bool,
) -> bool:
    """All required lessons completed and the final assessment (if any) passed.

    A course without required lessons and without a final assessment completes once any
    lesson has been completed, so that starting a course never completes it.
    """
    if has_final_assessment and not final_assessment_passed:
        return False
    if not set(required_lessons) <= set(completed_lessons):
        return False
    return bool(required_lessons) or has_final_assessment or bool(completed_lessons)


def resume_lesson(
    *, lesson_ids: Sequence[int], completed: Collection[int], last_lesson_id: int | None
) -> int | None:
    """Where a learner continues: the lesson they last opened, unless they finished it.

    After a finished lesson, the next unfinished one that follows it; otherwise the first
    unfinished lesson; when everything is finished, the last lesson they opened (or the first).
    """
    if not lesson_ids:
        return None
    completed = set(completed)
    if last_lesson_id in lesson_ids:
        if last_lesson_id not in completed:
            return last_lesson_id
        start = lesson_ids.index(last_lesson_id) + 1
        for lesson_id in lesson_ids[start:]:
            if lesson_id not in completed:
                return lesson_id
    for lesson_id in lesson_ids:
        if lesson_id not in completed:
            return lesson_id
    return last_lesson_id if last_lesson_id in lesson_ids else lesson_ids[0]


def completion_percent(*, completed: int, total: int) -> int:
    if total <= 0:
        return 0
    return min(100, round(100 * completed / total))


def gap_closed(*, developed: int, target: int, reached: int) -> int:
    """Proficiency steps of a gap a course closes: up to its level, at most to the target."""
    return max(0, min(developed, target) - reached)


def months_added(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later; the month's last day where that day does not exist."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last))


def review_due_on(*, last_reviewed_on: datetime.date | None, interval_months: int):
    """When a course's next content review is due: one interval after the last review (or
    after its first publication, passed as ``last_reviewed_on`` by the caller)."""
    if last_reviewed_on is None:
        return None
    return months_added(last_reviewed_on, interval_months)
