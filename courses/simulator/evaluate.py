"""Deciding a case: the first rule that holds, the path to it and the deciding facts."""

from dataclasses import dataclass

from courses.simulator.rules import REFER, Rule, RuleSet, format_value

NO_RULE_REASON = (
    "Keine Regel erfasst diesen Fall. Eine Sachbearbeiterin oder ein Sachbearbeiter muss "
    "ihn prüfen."
)


@dataclass(frozen=True)
class Step:
    """One rule checked on the way: whether it held, and the conditions that decided it."""

    rule: Rule
    held: bool
    # (input key, condition held?) for the conditions that were looked at.
    checks: tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class Decision:
    rule: Rule | None  # None: no rule holds (the case goes to a person)
    path: tuple[Step, ...]
    facts: tuple[str, ...]  # the input keys the path used, in input order
    values: dict

    @property
    def refer(self) -> bool:
        return self.rule is None or self.rule.refer

    @property
    def result(self) -> str:
        return REFER if self.rule is None else self.rule.result

    @property
    def outcome(self) -> str:
        return self.rule.outcome if self.rule is not None else ""

    @property
    def reason(self) -> str:
        if self.rule is None:
            return NO_RULE_REASON
        return self.rule.reason

    @property
    def legal_basis(self) -> str:
        return self.rule.legal_basis if self.rule is not None else ""


def _check(rule: Rule, values: dict) -> Step:
    if not rule.conditions:
        return Step(rule=rule, held=True, checks=())
    checks = []
    for condition in rule.conditions:
        held = condition.holds(values[condition.input])
        checks.append((condition.input, held))
        # The first failing condition settles "all", the first holding one settles "any".
        if held != (rule.match == "all"):
            break
    held = checks[-1][1]
    return Step(rule=rule, held=held, checks=tuple(checks))


def evaluate(ruleset: RuleSet, values: dict) -> Decision:
    """The rule set's decision for complete, in-range values (``rules.values_from_form``)."""
    path, used = [], set()
    hit = None
    for rule in ruleset.rules:
        step = _check(rule, values)
        path.append(step)
        used.update(key for key, _held in step.checks)
        if step.held:
            used.update(rule.facts)
            hit = rule
            break
    facts = tuple(spec.key for spec in ruleset.inputs if spec.key in used)
    return Decision(rule=hit, path=tuple(path), facts=facts, values=dict(values))


def describe_facts(ruleset: RuleSet, decision: Decision) -> list[tuple[str, str]]:
    """(label, formatted value) of each deciding fact."""
    return [
        (ruleset.spec(key).label, format_value(ruleset.spec(key), decision.values[key]))
        for key in decision.facts
    ]
