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


ORDERING = {
    "type": "ordering",
    "points": 2,
    "items": [
        {"key": "6f255ae8", "text": "Antrag prüfen"},
        {"key": "a7be55be", "text": "Bescheid erstellen"},
        {"key": "c0ffee00", "text": "Bescheid zustellen"},
    ],
}
MATCHING = {
    "type": "matching",
    "points": 2,
    "pairs": [
        {"key": "6f255ae8", "left": "§ 35a VwVfG", "right": "Vollautomatisierter Verwaltungsakt"},
        {"key": "a7be55be", "left": "§ 39 VwVfG", "right": "Begründungspflicht"},
    ],
}


def _top_responses(spec, given):
    totals = dict.fromkeys(range(len(given)), (1.0, 2.0))
    answers = [
        statistics.ItemResponse(attempt=n, share=0.5, response=r) for n, r in enumerate(given)
    ]
    responses = {"x": answers}
    (item,) = statistics.item_statistics(items={"x": spec}, responses=responses, totals=totals)
    return item.top_responses


def test_ordering_and_matching_responses_are_shown_in_the_items_words():
    wrong = ["a7be55be", "6f255ae8", "c0ffee00"]
    right = ["6f255ae8", "a7be55be", "c0ffee00"]
    assert _top_responses(ORDERING, [wrong, wrong, right]) == [
        (["1. Bescheid erstellen", "2. Antrag prüfen", "3. Bescheid zustellen"], 2),
        (["1. Antrag prüfen", "2. Bescheid erstellen", "3. Bescheid zustellen"], 1),
    ]
    swapped = {"a7be55be": "6f255ae8", "6f255ae8": "a7be55be"}
    (lines, count), *_rest = _top_responses(MATCHING, [swapped])
    # In the question's pair order, whatever order the response dict has.
    assert lines == [
        "§ 35a VwVfG → Begründungspflicht",
        "§ 39 VwVfG → Vollautomatisierter Verwaltungsakt",
    ]
    assert count == 1


def test_a_response_naming_an_item_deleted_since_shows_no_internal_key():
    (lines, _count), *_rest = _top_responses(ORDERING, [["deadbeef", "6f255ae8", "a7be55be"]])
    assert lines[1:] == ["2. Antrag prüfen", "3. Bescheid erstellen"]
    assert "deadbeef" not in lines[0]


@pytest.mark.django_db
def test_statistics_pages_for_trainers(
    client, make_user, make_assessment, questions, django_assert_max_num_queries
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
    # Ordering and matching responses in words, never as internal item keys.
    assert "1. Antrag prüfen" in html or "1. Bescheid" in html
    assert "§ 39 VwVfG → " in html
    keys = {item["key"] for q in questions for item in q.spec().get("items", [])} | {
        pair["key"] for q in questions for pair in q.spec().get("pairs", [])
    }
    assert keys and not any(key in html for key in keys)
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
