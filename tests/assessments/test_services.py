"""Services: authoring from data, random draws, the attempt rules that views rely on."""

import pytest
from django.core.exceptions import ValidationError

from assessments import services
from assessments.models import Assessment, Attempt, Question
from competencies.models import Competency, ProficiencyLevel
from tests.assessments.conftest import QUESTIONS

# The SQLite smoke suite runs these too: they cover every connection.vendor branch.
pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def test_question_from_data_resolves_competency_and_level(questions):
    single = questions[0]
    assert single.competency.code == "QD.2"
    assert single.level.rank == 3
    assert single.general_feedback.startswith("<p>")
    assert [o.is_correct for o in single.options.all()] == [True, False, False]
    matching = questions[6]
    assert matching.spec()["pairs"][1]["right"] == "Begründungspflicht"


def test_unusable_question_is_refused(bank):
    with pytest.raises(ValidationError):
        services.question_create_from_data(
            bank=bank,
            data={"type": "single", "stem": "<p>?</p>", "options": [{"text": "a"}, {"text": "b"}]},
        )
    assert not Question.objects.exists()


def test_random_draw_by_competency_and_level(bank, questions, make_user):
    competency = Competency.objects.get(code="QD.2")
    level = ProficiencyLevel.objects.get(rank=3)
    assessment = services.assessment_create(
        title="Zufallstest",
        draw_rules=[
            {"bank": bank, "competency": competency, "level": level, "count": 2},
            {"bank": bank, "count": 3},
        ],
    )
    assert assessment.selection == Assessment.Selection.RANDOM
    drawn = set()
    for _ in range(4):
        attempt = services.attempt_start(assessment=assessment, user=make_user())
        answers = list(attempt.answers.select_related("question").order_by("position"))
        assert len(answers) == 5
        assert {a.question.competency_id for a in answers[:2]} == {competency.pk}
        assert len({a.question_id for a in answers}) == 5  # no question twice
        drawn.update(a.question_id for a in answers[2:])
    assert len(drawn) > 3  # the rest really is drawn at random


def test_inactive_questions_are_not_drawn(bank, questions, make_user):
    Question.objects.exclude(pk=questions[0].pk).update(active=False)
    assessment = services.assessment_create(
        title="Zufallstest", draw_rules=[{"bank": bank, "count": 5}]
    )
    attempt = services.attempt_start(assessment=assessment, user=make_user())
    assert [a.question_id for a in attempt.answers.all()] == [questions[0].pk]


def test_assessment_without_available_questions_cannot_start(bank, make_user):
    assessment = services.assessment_create(title="Leer", draw_rules=[{"bank": bank, "count": 5}])
    with pytest.raises(services.AttemptNotAllowed):
        services.attempt_start(assessment=assessment, user=make_user())
    assert not Attempt.objects.exists()


def test_editing_a_question_does_not_change_a_running_attempt(make_assessment, make_user):
    user = make_user()
    attempt = services.attempt_start(assessment=make_assessment(), user=user)
    numeric = attempt.answers.get(spec__type="numeric")
    Question.objects.filter(pk=numeric.question_id).update(numeric_answer=99)
    name = f"q_{numeric.question.uuid}"
    services.attempt_submit(attempt_uuid=attempt.uuid, user=user, data={name: ["25"]})
    numeric.refresh_from_db()
    assert numeric.score == 1


def test_from_data_creates_the_final_assessment(bank):
    assessment = services.assessment_create_from_data(
        bank=bank,
        data={
            "title": "Abschlusstest",
            "pass_mark_percent": 80,
            "max_attempts": 2,
            "time_limit_minutes": 20,
            "questions": QUESTIONS,
        },
    )
    assert assessment.fixed_questions.count() == len(QUESTIONS)
    assert (assessment.pass_mark_percent, assessment.max_attempts) == (80, 2)
    assert assessment.time_limit_minutes == 20
