"""Authoring in the Wagtail admin: trainers list, create and preview questions."""

import json

import pytest
from django.urls import reverse

from assessments.models import Question
from tests.conftest import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer_client(client, make_user):
    return log_in(client, make_user(groups=("Learner", "Trainer")))


def test_question_listing(trainer_client, questions, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):
        response = trainer_client.get(reverse("wagtailsnippets_assessments_question:list"))
    assert response.status_code == 200
    assert "Welche Rechtsnorm" in response.content.decode()


def _form(bank, **extra):
    data = {
        "bank": bank.pk,
        "type": "single",
        "points": "1",
        "active": "on",
        "title": "Begründungspflicht",
        "stem": json.dumps(
            {
                "blocks": [
                    {
                        "key": "a",
                        "text": "Wo steht die Begründungspflicht?",
                        "type": "unstyled",
                        "depth": 0,
                        "inlineStyleRanges": [],
                        "entityRanges": [],
                    }
                ],
                "entityMap": {},
            }
        ),
        "numeric_tolerance": "0",
        "options-TOTAL_FORMS": "2",
        "options-INITIAL_FORMS": "0",
        "options-MIN_NUM_FORMS": "0",
        "options-MAX_NUM_FORMS": "1000",
        "options-0-text": "§ 39 VwVfG",
        "options-0-is_correct": "on",
        "options-0-ORDER": "1",
        "options-1-text": "§ 35a VwVfG",
        "options-1-ORDER": "2",
    }
    data.update(extra)
    return data


def test_trainer_creates_a_question(trainer_client, bank):
    url = reverse("wagtailsnippets_assessments_question:add")
    assert trainer_client.get(url).status_code == 200
    response = trainer_client.post(url, _form(bank))
    assert response.status_code == 302, response.content.decode()[:3000]
    question = Question.objects.get(title="Begründungspflicht")
    assert [o.is_correct for o in question.options.order_by("sort_order")] == [True, False]


def test_single_choice_without_correct_option_is_refused(trainer_client, bank):
    url = reverse("wagtailsnippets_assessments_question:add")
    data = _form(bank)
    del data["options-0-is_correct"]
    response = trainer_client.post(url, data)
    assert response.status_code == 200
    assert not Question.objects.filter(title="Begründungspflicht").exists()


def test_preview_renders_the_question_as_learners_see_it(trainer_client, bank):
    url = reverse("wagtailsnippets_assessments_question:preview_on_add")
    data = _form(bank, **{"options-0-feedback": "Genau, das ist die Norm."})
    posted = trainer_client.post(url, data)
    assert posted.status_code == 200
    assert posted.json()["is_valid"] is True
    html = trainer_client.get(url).content.decode()
    assert "Wo steht die Begründungspflicht?" in html
    assert "§ 35a VwVfG" in html and 'type="radio"' in html
    assert "Genau, das ist die Norm." not in html


def test_assessment_edit_page_and_listing(trainer_client, make_assessment):
    assessment = make_assessment()
    listing = trainer_client.get(reverse("wagtailsnippets_assessments_assessment:list"))
    assert listing.status_code == 200
    assert assessment.title in listing.content.decode()
    edit = trainer_client.get(
        reverse("wagtailsnippets_assessments_assessment:edit", args=[assessment.pk])
    )
    assert edit.status_code == 200
    html = edit.content.decode()
    assert "fixed_questions-TOTAL_FORMS" in html and "draw_rules-TOTAL_FORMS" in html


def test_learner_cannot_author(client, make_user, questions):
    log_in(client, make_user())
    response = client.get(reverse("wagtailsnippets_assessments_question:list"))
    assert response.status_code in (302, 403)
