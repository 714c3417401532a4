"""The demo activity step: colleagues take final assessments through the services."""

import io
import uuid

import pytest

from assessments import selectors
from assessments.demo import load_assessments_activity_demo
from assessments.models import Assessment, Attempt, Question
from lms.xapi import vocabulary
from lms.xapi.models import Statement

pytestmark = pytest.mark.django_db


class Out(io.StringIO):
    def write(self, text):
        return super().write(text + "\n")


def test_demo_attempts_are_varied_and_idempotent(make_user, make_assessment):
    assessment = make_assessment(max_attempts=2)
    # The demo's random draws are seeded with the assessment's and the questions' ids:
    # fixed ids make the test see the same demo attempts on every run.
    Assessment.objects.filter(pk=assessment.pk).update(uuid=uuid.UUID(int=1))
    for number, pk in enumerate(Question.objects.order_by("pk").values_list("pk", flat=True)):
        Question.objects.filter(pk=pk).update(uuid=uuid.UUID(int=100 + number))
    colleagues = [make_user() for _ in range(14)]
    out = Out()
    load_assessments_activity_demo(out, personas={}, colleagues=colleagues)
    attempts = Attempt.objects.filter(assessment=assessment)
    count = attempts.count()
    assert count >= 6
    assert not attempts.filter(status=Attempt.Status.IN_PROGRESS).exists()
    scores = {a.score_raw for a in attempts}
    assert len(scores) >= 4  # realistic spread, not one pattern
    assert attempts.filter(passed=True).exists() and attempts.filter(passed=False).exists()
    completed = Statement.objects.filter(verb__in=[vocabulary.PASSED.id, vocabulary.FAILED.id])
    assert completed.count() == count
    assert "finished attempts" in out.getvalue()
    # Running it again changes nothing.
    load_assessments_activity_demo(Out(), personas={}, colleagues=colleagues)
    assert Attempt.objects.filter(assessment=assessment).count() == count
    stats = selectors.item_statistics(assessment=assessment)
    assert not stats.suppressed
    assert all(row.stats.difficulty is not None for row in stats.items)
