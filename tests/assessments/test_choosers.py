"""The question and competency choosers: search, filters, whole stems, bounded queries."""

import pytest
from django.test import Client
from django.urls import reverse

from assessments import services
from assessments.models import QuestionCategory
from competencies.models import Competency, Framework
from tests.assessments.conftest import QUESTIONS
from tests.conftest import log_in

pytestmark = pytest.mark.django_db

QUESTION_RESULTS = "wagtailsnippetchoosers_assessments_question:choose_results"
QUESTION_CHOOSE = "wagtailsnippetchoosers_assessments_question:choose"
COMPETENCY_RESULTS = "wagtailsnippetchoosers_competencies_competency:choose_results"
COMPETENCY_CHOOSE = "wagtailsnippetchoosers_competencies_competency:choose"

LONG_STEM = (
    "<p>Welche Rechtsnorm regelt den vollständig automatisierten Verwaltungsakt, wenn die "
    "Behörde ein lernendes System einsetzt und der Bescheid ohne Anhörung ergeht?</p>"
)


@pytest.fixture
def trainer_client(make_user):
    return log_in(Client(), make_user("trainer@example.org", groups=("Learner", "Trainer")))


@pytest.fixture
def bank_with_questions(framework):
    bank = services.question_bank_create(name="Automatisierte Entscheidungen")
    category = QuestionCategory.objects.create(bank=bank, name="Rechtsgrundlagen")
    questions = [services.question_create_from_data(bank=bank, data=data) for data in QUESTIONS]
    similar = services.question_create_from_data(
        bank=bank, data={**QUESTIONS[0], "stem": LONG_STEM}, category=category
    )
    return {"bank": bank, "category": category, "questions": questions, "similar": similar}


def _get(client, name, **params):
    response = client.get(reverse(name), params)
    assert response.status_code == 200
    return response.content.decode()


def test_question_chooser_searches_the_whole_stem_and_shows_it(
    trainer_client, bank_with_questions, django_assert_max_num_queries
):
    with django_assert_max_num_queries(25):
        html = _get(trainer_client, QUESTION_RESULTS, q="lernendes Anhörung")
    # Found by words near the end of a long stem, which is shown whole (not cut off).
    assert "ohne Anhörung ergeht?" in html
    assert "Wie viel Prozent" not in html
    modal = trainer_client.get(reverse(QUESTION_CHOOSE)).json()["html"]
    for field in ('name="q"', 'name="category"', 'name="type"'):
        assert field in modal


def test_question_chooser_filters_by_type_and_category(trainer_client, bank_with_questions):
    html = _get(trainer_client, QUESTION_RESULTS, type="ordering")
    assert "Bringen Sie die Schritte" in html and "Wie viel Prozent" not in html
    html = _get(trainer_client, QUESTION_RESULTS, category=bank_with_questions["category"].pk)
    assert "ohne Anhörung ergeht?" in html and "Bringen Sie die Schritte" not in html


def test_question_chooser_queries_do_not_grow_with_questions(
    trainer_client, bank_with_questions, django_assert_max_num_queries
):
    with django_assert_max_num_queries(25) as few:
        _get(trainer_client, QUESTION_RESULTS)
    for data in QUESTIONS:
        services.question_create_from_data(bank=bank_with_questions["bank"], data=data)
    with django_assert_max_num_queries(len(few.captured_queries)):
        _get(trainer_client, QUESTION_RESULTS)


def test_competency_chooser_searches_code_and_name_and_filters_by_framework(
    trainer_client, framework, django_assert_max_num_queries
):
    other = Framework.objects.create(
        key="digcomp", uri="urn:test:digcomp", title="DigComp", scale=framework.scale
    )
    Competency.objects.create(
        framework=other,
        kind=Competency.Kind.COMPETENCY,
        code="1.1",
        uri="urn:test:digcomp:1.1",
        name="Daten recherchieren und filtern",
    )
    with django_assert_max_num_queries(20):
        html = _get(trainer_client, COMPETENCY_RESULTS, q="QD.2")
    assert "Kompetenz QD.2" in html and "Kompetenz QD.1" not in html
    html = _get(trainer_client, COMPETENCY_RESULTS, q="recherchieren")
    assert "Daten recherchieren und filtern" in html and "DigComp" in html
    html = _get(trainer_client, COMPETENCY_RESULTS, framework=framework.pk)
    assert "Kompetenz QD.1" in html and "recherchieren" not in html
    modal = trainer_client.get(reverse(COMPETENCY_CHOOSE)).json()["html"]
    assert 'name="q"' in modal and 'name="framework"' in modal
