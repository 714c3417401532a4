"""The simulator's engine: validation, evaluation and counterfactuals (no database)."""

import itertools
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from courses.simulator import cells, counterfactuals, evaluate, rules, validation
from lms.demo.content.simulators import SIMULATORS


def table(rule_list, inputs=None):
    return rules.ruleset_from_data(
        {
            "inputs": inputs
            or [
                {
                    "key": "income",
                    "label": "Einkommen",
                    "kind": "money",
                    "minimum": "0",
                    "maximum": "100",
                    "step": "1",
                    "start": "50",
                },
                {"key": "member", "label": "Mitglied", "kind": "boolean", "start": "nein"},
            ],
            "rules": rule_list,
        }
    )


def rule(label, conditions, outcome="", refer=False, basis="§ 1 XG", **extra):
    return {
        "label": label,
        "conditions": conditions,
        "outcome": outcome,
        "refer": refer,
        "reason": "Ermessen" if refer else "",
        "legal_basis": basis,
        **extra,
    }


def codes(ruleset):
    return sorted(problem.code for problem in validation.validate(ruleset))


def test_the_demo_simulators_are_valid():
    for _course, _lesson, value in SIMULATORS:
        assert validation.validate(rules.ruleset_from_data(value)) == []


def test_an_outcome_without_legal_basis_is_an_error():
    ruleset = table([rule("A", [], outcome="ja", basis="")])
    assert codes(ruleset) == ["legal_basis"]


def test_uncovered_ranges_are_named_with_an_example():
    ruleset = table([rule("A", [{"input": "income", "operator": "lt", "value": "40"}], "nein")])
    problems = validation.validate(ruleset)
    assert [p.code for p in problems] == ["uncovered"]
    assert "Einkommen von 40,00 € bis 100,00 €" in problems[0].message


def test_a_rule_behind_earlier_rules_is_unreachable():
    ruleset = table(
        [
            rule("A", [{"input": "income", "operator": "le", "value": "60"}], "x"),
            rule("B", [{"input": "income", "operator": "gt", "value": "60"}], "y"),
            rule(
                "C",
                [{"input": "income", "operator": "between", "value": "10", "value2": "20"}],
                "x",
            ),
        ]
    )
    assert codes(ruleset) == ["unreachable"]


def test_overlapping_rules_with_different_results_are_an_error():
    ruleset = table(
        [
            rule("A", [{"input": "income", "operator": "le", "value": "60"}], "x"),
            rule("B", [{"input": "income", "operator": "ge", "value": "50"}], "y"),
        ]
    )
    problems = validation.validate(ruleset)
    assert [p.code for p in problems] == ["overlap"]
    assert "50,00 € bis 60,00 €" in problems[0].message


def test_a_last_rule_without_conditions_catches_the_rest():
    ruleset = table(
        [
            rule("A", [{"input": "member", "operator": "is_true"}], "x"),
            rule("Sonst", [], refer=True, basis=""),
        ]
    )
    assert codes(ruleset) == []


def test_contradictory_conditions_make_a_rule_unreachable():
    ruleset = table(
        [
            rule(
                "A",
                [
                    {"input": "income", "operator": "lt", "value": "10"},
                    {"input": "income", "operator": "gt", "value": "20"},
                ],
                "x",
            ),
            rule("Sonst", [], "y"),
        ]
    )
    assert codes(ruleset) == ["unreachable"]


def test_malformed_tables_are_refused_with_the_place():
    with pytest.raises(rules.RuleSetError) as error:
        table([rule("A", [{"input": "alter", "operator": "lt", "value": "3"}], "x")])
    assert error.value.field == "rules.0.conditions.0"
    with pytest.raises(rules.RuleSetError):
        table([rule("A", [{"input": "member", "operator": "lt", "value": "3"}], "x")])


def test_submitted_values_are_checked_against_kind_range_and_step():
    ruleset = table([rule("A", [], "x")])
    values, errors = rules.values_from_form(
        ruleset, {"in-income": "150", "in-member__shown": "1"}, prefix="in-"
    )
    assert errors == {"income": "Der Wert liegt außerhalb des zulässigen Bereichs."}
    assert values == {"income": Decimal(50), "member": False}
    values, errors = rules.values_from_form(ruleset, {"in-income": "12,5"}, prefix="in-")
    assert "income" in errors
    values, errors = rules.values_from_form(ruleset, {"in-income": "1.2e400"}, prefix="in-")
    assert "income" in errors


# Random tables for the properties ---------------------------------------------------------

INPUTS = [
    {
        "key": "a",
        "label": "A",
        "kind": "number",
        "minimum": "0",
        "maximum": "12",
        "step": "1",
        "start": "6",
    },
    {
        "key": "b",
        "label": "B",
        "kind": "money",
        "minimum": "0",
        "maximum": "9",
        "step": "1",
        "start": "0",
    },
    {"key": "c", "label": "C", "kind": "choice", "choices": "x=X, y=Y, z=Z", "start": "x"},
    {"key": "d", "label": "D", "kind": "boolean", "start": "nein"},
    {
        "key": "e",
        "label": "E",
        "kind": "date",
        "minimum": "2026-01-01",
        "maximum": "2026-01-08",
        "start": "2026-01-03",
    },
]
NUMERIC = {"a": (0, 12), "b": (0, 9)}


@st.composite
def conditions(draw):
    key = draw(st.sampled_from(["a", "b", "c", "d", "e"]))
    if key in NUMERIC:
        low, high = NUMERIC[key]
        op = draw(st.sampled_from(["eq", "ne", "lt", "le", "gt", "ge", "between"]))
        v1 = draw(st.integers(low - 2, high + 2))
        v2 = draw(st.integers(v1, high + 3))
        return {"input": key, "operator": op, "value": str(v1), "value2": str(v2)}
    if key == "e":
        op = draw(st.sampled_from(["lt", "ge", "eq", "between"]))
        day = draw(st.integers(1, 8))
        return {"input": "e", "operator": op, "value": f"2026-01-0{day}", "value2": "2026-01-08"}
    if key == "c":
        op = draw(st.sampled_from(["eq", "ne", "in", "not_in"]))
        picked = draw(st.lists(st.sampled_from("xyz"), min_size=1, max_size=2, unique=True))
        return {
            "input": "c",
            "operator": op,
            "value": ",".join(picked) if "in" in op else picked[0],
        }
    return {"input": "d", "operator": draw(st.sampled_from(["is_true", "is_false"]))}


@st.composite
def rulesets(draw):
    count = draw(st.integers(1, 6))
    rule_list = []
    for position in range(count):
        rule_list.append(
            {
                "label": f"R{position}",
                "match": draw(st.sampled_from(["all", "any"])),
                "conditions": draw(st.lists(conditions(), min_size=1, max_size=3)),
                "outcome": draw(st.sampled_from(["gewährt", "abgelehnt", "teilweise"])),
                "refer": draw(st.booleans()),
                "reason": "Ermessen",
                "legal_basis": "§ 1 XG",
            }
        )
    return rules.ruleset_from_data({"inputs": INPUTS, "rules": rule_list})


def all_cases(ruleset):
    axes = []
    for spec in ruleset.inputs:
        if spec.numeric:
            axes.append([spec.grid_value(i) for i in range(spec.grid_size())])
        else:
            axes.append(list(spec.domain()))
    keys = [spec.key for spec in ruleset.inputs]
    for combo in itertools.product(*axes):
        yield dict(zip(keys, combo, strict=True))


def brute_rule(ruleset, values):
    matches = [i for i, r in enumerate(ruleset.rules) if r.applies(values)]
    return matches[0] if matches else None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rulesets(), st.data())
def test_every_case_in_range_gets_exactly_one_outcome_or_a_referral(ruleset, data):
    space = cells.build_space(ruleset)
    case = data.draw(st.sampled_from(list(all_cases(ruleset))))
    decision = evaluate.evaluate(ruleset, case)
    expected = brute_rule(ruleset, case)
    # Exactly one: the first rule that holds, or a referral when none does.
    assert (decision.rule is None) == (expected is None)
    if expected is not None:
        assert decision.rule is ruleset.rules[expected]
        assert decision.path[-1].held and not any(s.held for s in decision.path[:-1])
    assert decision.refer or decision.outcome
    assert decision.refer != bool(decision.outcome) or decision.rule is not None
    # The cell model agrees with direct evaluation.
    assert space.rule_at(space.cells_of(case)) == expected
    # Deciding facts are inputs the path looked at.
    looked = {key for step in decision.path for key, _ in step.checks}
    assert set(decision.facts) <= looked | set(decision.rule.facts if decision.rule else ())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rulesets())
def test_validation_agrees_with_every_case(ruleset):
    problems = validation.validate(ruleset)
    cases = list(all_cases(ruleset))
    hits = [brute_rule(ruleset, case) for case in cases]
    uncovered = any(hit is None for hit in hits)
    assert uncovered == any(p.code == "uncovered" for p in problems)
    reached = set(hits)
    for position in range(len(ruleset.rules)):
        flagged = any(p.code == "unreachable" and p.rule == position for p in problems)
        assert flagged == (position not in reached)


def result_of(ruleset, values):
    hit = brute_rule(ruleset, values)
    return rules.REFER if hit is None else ruleset.rules[hit].result


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rulesets(), st.data())
def test_counterfactuals_flip_the_result_and_none_is_smaller(ruleset, data):
    cases = list(all_cases(ruleset))
    case = data.draw(st.sampled_from(cases))
    current = result_of(ruleset, case)
    found = counterfactuals.search(ruleset, case, max_changes=2)
    keys = [spec.key for spec in ruleset.inputs]
    # Brute force over the whole searched space: every case differing in at most 2 inputs.
    smallest: dict = {}
    for other in cases:
        changed = tuple(k for k in keys if other[k] != case[k])
        if not changed or len(changed) > 2:
            continue
        result = result_of(ruleset, other)
        if result == current:
            continue
        size = sum(counterfactuals.distance(ruleset, k, case[k], other[k]) for k in changed)
        slot = (changed, result)
        smallest[slot] = min(size, smallest.get(slot, size))
    if not smallest:
        assert found == []
        return
    fewest = min(len(changed) for changed, _ in smallest)
    assert found, "a flip exists in the searched space but none was reported"
    for cf in found:
        trial = dict(case)
        for change in cf.changes:
            assert change.old == case[change.input]
            trial[change.input] = change.new
        assert result_of(ruleset, trial) == cf.result != current  # it flips
        assert len(cf.changes) == fewest  # no flip with fewer changed inputs exists
        changed = tuple(k for k in keys if trial[k] != case[k])
        assert cf.distance == smallest[(changed, cf.result)]  # none nearer for that change
    reported = {
        (tuple(k for k in keys if k in {c.input for c in cf.changes}), cf.result) for cf in found
    }
    assert reported == {slot for slot in smallest if len(slot[0]) == fewest}
