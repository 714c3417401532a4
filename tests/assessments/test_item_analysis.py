"""Item statistics: the pure computations and the trainer's admin pages."""

import uuid

import pytest
from django.urls import reverse

from assessments import item_analysis as statistics
from assessments.demo import load_assessments_activity_demo
from tests.assessments.test_demo import Out
from tests.conftest import log_in

SINGLE = {
    "type": "single",
    "points": 1,
    "options": [
        {"key": "a", "text": "A", "correct": True},
        {"key": "b", "text": "B", "correct": False},
        {"key": "c", "text": "C", "correct": False},
    ],
}


def test_pearson():
    assert statistics.pearson([0, 1, 0, 1], [0, 1, 0, 1]) == pytest.approx(1)
    assert statistics.pearson([0, 1, 0, 1], [1, 0, 1, 0]) == pytest.approx(-1)
    assert statistics.pearson([1, 1, 1], [0, 1, 2]) is None


def _case(good_item_correct_for_strong: bool):
    """12 attempts; item "x" (single choice) and a 9-point rest that orders the people."""
    totals, responses = {}, {"x": []}
    for attempt in range(12):
        strong = attempt >= 6
        item_right = strong == good_item_correct_for_strong
        rest = 8 if strong else 3
        totals[attempt] = (rest + (1 if item_right else 0), 10.0)
        responses["x"].append(
            statistics.ItemResponse(
                attempt=attempt,
                share=1.0 if item_right else 0.0,
                response="a" if item_right else "b",
            )
        )
    return totals, responses


def test_good_item_discriminates():
    totals, responses = _case(True)
    (item,) = statistics.item_statistics(items={"x": SINGLE}, responses=responses, totals=totals)
    assert item.n == 12 and item.difficulty == pytest.approx(0.5)
    assert item.discrimination == pytest.approx(1.0)
    assert item.upper_lower == pytest.approx(1.0)
    counts = {o.key: o.count for o in item.options}
    assert counts == {"a": 6, "b": 6, "c": 0}
    assert item.flags == ["unused_distractor"]


def test_item_with_a_wrong_key_is_flagged():
    totals, responses = _case(False)
    (item,) = statistics.item_statistics(items={"x": SINGLE}, responses=responses, totals=totals)
    assert item.discrimination < 0
    assert "negative_discrimination" in item.flags
    assert "distractor_beats_key" in item.flags


def test_no_flags_below_minimum_responses():
    totals, responses = _case(False)
    (item,) = statistics.item_statistics(
        items={"x": SINGLE}, responses=responses, totals=totals, min_responses=50
    )
    assert item.flags == []


@pytest.mark.django_db
def test_statistics_pages_for_trainers(
    client, make_user, make_assessment, django_assert_max_num_queries
):
    assessment = make_assessment(max_attempts=2)
    # The demo draws who takes an assessment from its uuid; this one lets 9 of the 12 take
    # it, so the group is always above the suppression threshold.
    assessment.uuid = uuid.UUID("6f1c2d3e-0000-4000-8000-000000000002")
    assessment.save(update_fields=["uuid"])
    load_assessments_activity_demo(Out(), personas={}, colleagues=[make_user() for _ in range(12)])
    trainer = make_user(groups=("Learner", "Trainer"))
    log_in(client, trainer)
    index = client.get(reverse("assessments_admin:statistics_index"))
    assert index.status_code == 200
    assert assessment.title in index.content.decode()
    with django_assert_max_num_queries(30):
        detail = client.get(reverse("assessments_admin:statistics_detail", args=[assessment.pk]))
    html = detail.content.decode()
    assert detail.status_code == 200
    assert "qd-item-table" in html
    assert "§ 35a VwVfG" in html  # distractor frequencies
    assert "Datenminimierung" not in html or "datenminimierung" in html.lower()


@pytest.mark.django_db
def test_statistics_suppressed_for_small_groups(client, make_user, make_assessment):
    assessment = make_assessment()
    load_assessments_activity_demo(Out(), personas={}, colleagues=[make_user() for _ in range(2)])
    log_in(client, make_user(groups=("Learner", "Trainer")))
    html = client.get(
        reverse("assessments_admin:statistics_detail", args=[assessment.pk])
    ).content.decode()
    assert "qd-item-table" not in html
    assert "2" in html


@pytest.mark.django_db
def test_learners_cannot_see_statistics(client, make_user, make_assessment):
    assessment = make_assessment()
    log_in(client, make_user())
    response = client.get(reverse("assessments_admin:statistics_detail", args=[assessment.pk]))
    assert response.status_code in (302, 403)
