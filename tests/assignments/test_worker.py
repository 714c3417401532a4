"""The daily job through a real Celery worker: it sends, and a second run sends nothing."""

import pytest
from django.utils import timezone

from lms.assignments.models import ReminderSent
from lms.assignments.tasks import training_reminders


@pytest.mark.worker
def test_the_daily_job_runs_in_a_real_worker_and_never_sends_twice(
    celery_worker_process, make_unit, make_user, make_course, make_assignment
):
    unit = make_unit()
    course = make_course()
    people = [make_user(org_unit=unit) for _ in range(3)]
    make_assignment(course=course, org_unit=unit, deadline_date=timezone.localdate())
    first = training_reminders.delay().get(timeout=60)
    assert first["reminders"] == 3 and first["failed"] == 0
    second = training_reminders.delay().get(timeout=60)
    assert second["reminders"] == 0
    rows = ReminderSent.objects.values_list("user_id", "kind")
    assert sorted(rows) == sorted((person.pk, "due") for person in people)
