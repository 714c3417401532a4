"""The pure scoring module: one block of tests per question type, plus property tests."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessments import scoring
from assessments.scoring import ResponseError, parse_response, score

SINGLE = {
    "type": "single",
    "points": 2,
    "options": [
        {"key": "a", "text": "A", "correct": False, "feedback": "nein"},
        {"key": "b", "text": "B", "correct": True, "feedback": "ja"},
        {"key": "c", "text": "C", "correct": False, "feedback": ""},
    ],
}
MULTIPLE = {
    "type": "multiple",
    "points": 4,
    "options": [
        {"key": "a", "text": "A", "correct": True, "feedback": ""},
        {"key": "b", "text": "B", "correct": True, "feedback": ""},
        {"key": "c", "text": "C", "correct": False, "feedback": ""},
        {"key": "d", "text": "D", "correct": False, "feedback": ""},
    ],
}
TRUE_FALSE = {"type": "true_false", "points": 1, "correct": False, "feedback_true": "x"}
NUMERIC = {"type": "numeric", "points": 1, "answer": 12.5, "tolerance": 0.5, "unit": "%"}
SHORT = {"type": "short_text", "points": 1, "accepted": ["Datenminimierung", "Daten sparsamkeit"]}
ORDERING = {
    "type": "ordering",
    "points": 3,
    "items": [{"key": k, "text": k.upper()} for k in "abcd"],
}
MATCHING = {
    "type": "matching",
    "points": 3,
    "pairs": [{"key": k, "left": k, "right": k.upper()} for k in "abc"],
}


class TestSingle:
    def test_correct_option_earns_all_points(self):
        assert score(SINGLE, "b") == scoring.Result(score=2.0, max_score=2.0, correct=True)

    def test_wrong_option_earns_nothing(self):
        assert score(SINGLE, "a").score == 0

    def test_unanswered_earns_nothing_and_is_not_correct(self):
        assert score(SINGLE, None) == scoring.Result(score=0.0, max_score=2.0, correct=False)

    def test_unknown_option_is_rejected(self):
        with pytest.raises(ResponseError) as exc:
            parse_response(SINGLE, ["z"])
        assert exc.value.code == "unknown_option"

    def test_two_values_are_rejected(self):
        with pytest.raises(ResponseError):
            parse_response(SINGLE, ["a", "b"])

    def test_option_feedback_for_the_chosen_option(self):
        assert scoring.option_feedback(SINGLE, "a") == ["nein"]


class TestMultiple:
    def test_exact_set_earns_all_points(self):
        assert score(MULTIPLE, ["a", "b"]).score == 4
        assert score(MULTIPLE, ["a", "b"]).correct

    def test_one_of_two_correct_earns_half(self):
        assert score(MULTIPLE, ["a"]).score == 2
        assert not score(MULTIPLE, ["a"]).correct

    def test_each_wrong_tick_costs_its_share(self):
        # 2/2 correct (1.0) minus 1/2 incorrect (0.5) = 0.5 of 4 points
        assert score(MULTIPLE, ["a", "b", "c"]).score == 2

    def test_ticking_everything_earns_nothing(self):
        assert score(MULTIPLE, ["a", "b", "c", "d"]).score == 0

    def test_never_below_zero(self):
        assert score(MULTIPLE, ["c", "d"]).score == 0

    def test_parse_keeps_option_order_and_rejects_duplicates(self):
        assert parse_response(MULTIPLE, ["b", "a"]) == ["a", "b"]
        with pytest.raises(ResponseError):
            parse_response(MULTIPLE, ["a", "a"])
        assert parse_response(MULTIPLE, []) is None


class TestTrueFalse:
    def test_scoring(self):
        assert score(TRUE_FALSE, False).correct
        assert score(TRUE_FALSE, True).score == 0

    def test_parse(self):
        assert parse_response(TRUE_FALSE, ["false"]) is False
        with pytest.raises(ResponseError):
            parse_response(TRUE_FALSE, ["vielleicht"])

    def test_feedback_per_value(self):
        assert scoring.option_feedback(TRUE_FALSE, True) == ["x"]
        assert scoring.option_feedback(TRUE_FALSE, False) == []


class TestNumeric:
    @pytest.mark.parametrize("value", ["12,5", "12.5", "12", "13", " 12,9 "])
    def test_within_tolerance(self, value):
        assert score(NUMERIC, parse_response(NUMERIC, [value])).correct

    @pytest.mark.parametrize("value", ["11,9", "13,01", "-12,5"])
    def test_outside_tolerance(self, value):
        assert score(NUMERIC, parse_response(NUMERIC, [value])).score == 0

    @pytest.mark.parametrize("value", ["abc", "1,2,3x", "nan", "inf", "1e999"])
    def test_not_a_number(self, value):
        with pytest.raises(ResponseError):
            parse_response(NUMERIC, [value])

    def test_german_thousands(self):
        assert scoring.parse_number("1.234,5") == 1234.5
        assert scoring.parse_number("1,234.5") == 1234.5

    def test_blank_is_unanswered(self):
        assert parse_response(NUMERIC, ["  "]) is None


class TestShortText:
    @pytest.mark.parametrize(
        "value",
        ["Datenminimierung", "  datenMINIMIERUNG ", "Daten   Sparsamkeit", "datenminimierung."],
    )
    def test_normalised_match(self, value):
        assert score(SHORT, parse_response(SHORT, [value])).correct

    def test_other_text(self):
        assert score(SHORT, "Zweckbindung").score == 0

    def test_too_long(self):
        with pytest.raises(ResponseError):
            parse_response(SHORT, ["x" * 501])


class TestOrdering:
    def test_exact_order_full_points(self):
        response = parse_response(ORDERING, {"a": "1", "b": "2", "c": "3", "d": "4"})
        assert response == ["a", "b", "c", "d"]
        assert score(ORDERING, response).correct

    def test_reversed_order_nothing(self):
        assert score(ORDERING, ["d", "c", "b", "a"]).score == 0

    def test_one_swap_loses_one_of_six_pairs(self):
        assert score(ORDERING, ["b", "a", "c", "d"]).score == pytest.approx(2.5)

    @pytest.mark.parametrize(
        "values",
        [
            {"a": "1", "b": "1", "c": "3", "d": "4"},
            {"a": "1", "b": "2", "c": "3"},
            {"a": "1", "b": "2", "c": "3", "d": "9"},
            {"a": "1", "b": "2", "c": "3", "d": "x"},
            {"a": "1", "b": "2", "c": "3", "d": "4", "zz": "5"},
        ],
    )
    def test_malformed(self, values):
        with pytest.raises(ResponseError):
            parse_response(ORDERING, values)


class TestMatching:
    def test_all_pairs(self):
        assert score(MATCHING, {"a": "a", "b": "b", "c": "c"}).correct

    def test_partial(self):
        assert score(MATCHING, {"a": "a", "b": "c"}).score == 1

    def test_unknown_right_side(self):
        with pytest.raises(ResponseError):
            parse_response(MATCHING, {"a": "zz"})

    def test_blank_is_unanswered(self):
        assert parse_response(MATCHING, {"a": "", "b": ""}) is None


class TestInteractions:
    def test_choice_definition_and_response(self):
        definition = scoring.interaction_definition(MULTIPLE)
        assert definition["interactionType"] == "choice"
        assert definition["correctResponsesPattern"] == ["a[,]b"]
        assert scoring.response_string(MULTIPLE, ["a", "c"]) == "a[,]c"

    def test_numeric_range(self):
        assert scoring.interaction_definition(NUMERIC)["correctResponsesPattern"] == ["12[:]13"]

    def test_matching(self):
        definition = scoring.interaction_definition(MATCHING)
        assert definition["correctResponsesPattern"] == ["a[.]a[,]b[.]b[,]c[.]c"]
        assert scoring.response_string(MATCHING, {"b": "a", "a": "b"}) == "a[.]b[,]b[.]a"

    def test_sequencing(self):
        assert scoring.interaction_definition(ORDERING)["interactionType"] == "sequencing"


class TestRules:
    def test_pass_mark(self):
        assert scoring.passed(7, 10, 70)
        assert not scoring.passed(6.99, 10, 70)
        assert not scoring.passed(0, 0, 70)

    def test_evidence_needs_eighty_percent_per_competency_and_level(self):
        items = [
            ("c1", "l3", 2, 2),
            ("c1", "l3", 2, 3),  # c1/l3: 4 of 5 = 80 %
            ("c2", "l2", 1, 2),  # c2/l2: 50 %
            (None, None, 1, 1),
        ]
        assert scoring.evidence(items) == [("c1", "l3")]

    def test_spec_problems(self):
        assert scoring.spec_problems({**SINGLE, "options": SINGLE["options"][:1]}) == [
            "too_few_options",
            "single_needs_one_correct",
        ]
        assert scoring.spec_problems(MATCHING) == []


# --- properties --------------------------------------------------------------------------

points = st.integers(min_value=1, max_value=100)


@st.composite
def choice_spec_and_response(draw):
    n = draw(st.integers(min_value=2, max_value=8))
    flags = draw(st.lists(st.booleans(), min_size=n, max_size=n).filter(any))
    spec = {
        "type": "multiple",
        "points": draw(points),
        "options": [
            {"key": f"o{i}", "text": str(i), "correct": flag, "feedback": ""}
            for i, flag in enumerate(flags)
        ],
    }
    chosen = draw(st.lists(st.sampled_from([o["key"] for o in spec["options"]]), unique=True))
    return spec, chosen or None


@given(choice_spec_and_response())
@settings(max_examples=300)
def test_multiple_choice_score_within_bounds(case):
    spec, response = case
    result = score(spec, response)
    assert 0 <= result.score <= spec["points"]
    exact = {o["key"] for o in spec["options"] if o["correct"]} == set(response or [])
    assert result.correct == exact
    assert (result.score == spec["points"]) == exact


@given(st.integers(min_value=2, max_value=8).flatmap(lambda n: st.permutations(range(n))), points)
def test_ordering_score_within_bounds(order, pts):
    spec = {
        "type": "ordering",
        "points": pts,
        "items": [{"key": str(i), "text": ""} for i in range(len(order))],
    }
    result = score(spec, [str(i) for i in order])
    assert 0 <= result.score <= pts
    assert result.correct == (list(order) == sorted(order))


@st.composite
def matching_case(draw):
    n = draw(st.integers(min_value=2, max_value=7))
    keys = [f"p{i}" for i in range(n)]
    spec = {
        "type": "matching",
        "points": draw(points),
        "pairs": [{"key": k, "left": k, "right": k.upper()} for k in keys],
    }
    response = draw(st.dictionaries(st.sampled_from(keys), st.sampled_from(keys)))
    return spec, response or None


@given(matching_case())
def test_matching_score_within_bounds(case):
    spec, response = case
    assert 0 <= score(spec, response).score <= spec["points"]


@given(st.text(max_size=30), points)
def test_numeric_parse_never_crashes_and_scores_within_bounds(text, pts):
    spec = {**NUMERIC, "points": pts}
    try:
        response = parse_response(spec, [text])
    except ResponseError:
        return
    assert 0 <= score(spec, response).score <= pts


@given(st.text(max_size=60))
def test_short_text_parse_and_score_total(text):
    try:
        response = parse_response(SHORT, [text])
    except ResponseError:
        return
    assert score(SHORT, response).score in (0, 1)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["c1", "c2", None]),
            st.sampled_from(["l1", "l2"]),
            st.floats(min_value=0, max_value=5),
            st.floats(min_value=5, max_value=5),
        ),
        max_size=12,
    )
)
def test_evidence_only_for_groups_over_threshold(items):
    for competency, level in scoring.evidence(items):
        earned = sum(i[2] for i in items if i[0] == competency and i[1] == level)
        total = sum(i[3] for i in items if i[0] == competency and i[1] == level)
        assert earned >= 0.8 * total - 1e-6
