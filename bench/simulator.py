"""Benchmark: the decision simulator's engine on a 30-rule table with 8 inputs.

Pure Python, no database. Builds a seeded table (29 rules of 2–4 conditions over
numbers, money, a date, choices and yes/no inputs, and a last rule without conditions),
then decides random in-range cases and searches their counterfactuals (up to two
changed inputs, the cell model built per request as the lesson page does). Prints
p50/p95 per operation; the aim is p95 below 50 ms.

    python bench/simulator.py --cases 300
"""

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")

from courses.simulator import cells, counterfactuals, evaluate, rules, validation  # noqa: E402

INPUTS = [
    {"key": "einkommen", "label": "Einkommen", "kind": "money", "minimum": "0",
     "maximum": "6000", "step": "0.01", "start": "1800"},
    {"key": "miete", "label": "Miete", "kind": "money", "minimum": "0", "maximum": "2500",
     "step": "0.01", "start": "650"},
    {"key": "personen", "label": "Haushaltsmitglieder", "kind": "number", "minimum": "1",
     "maximum": "12", "step": "1", "start": "2"},
    {"key": "alter", "label": "Alter", "kind": "number", "minimum": "16", "maximum": "110",
     "step": "1", "start": "40"},
    {"key": "antrag", "label": "Antragsdatum", "kind": "date", "minimum": "2026-01-01",
     "maximum": "2026-12-31", "start": "2026-03-01"},
    {"key": "status", "label": "Status", "kind": "choice",
     "choices": "a=Angestellt, s=Selbstständig, r=Rente, o=Ohne Einkommen", "start": "a"},
    {"key": "leistung", "label": "Andere Leistung", "kind": "boolean", "start": "nein"},
    {"key": "vermoegen", "label": "Erhebliches Vermögen", "kind": "boolean", "start": "nein"},
]  # fmt: skip


def condition(rng: random.Random) -> dict:
    spec = rng.choice(INPUTS)
    key, kind = spec["key"], spec["kind"]
    if kind == "boolean":
        return {"input": key, "operator": rng.choice(["is_true", "is_false"])}
    if kind == "choice":
        picked = rng.sample(["a", "s", "r", "o"], rng.randint(1, 2))
        return {"input": key, "operator": "in", "value": ",".join(picked)}
    if kind == "date":
        start = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randint(0, 300))
        end = start + dt.timedelta(days=rng.randint(10, 60))
        return {"input": key, "operator": "between", "value": start.isoformat(),
                "value2": min(end, dt.date(2026, 12, 31)).isoformat()}  # fmt: skip
    low, high = float(spec["minimum"]), float(spec["maximum"])
    value = round(rng.uniform(low, high))
    op = rng.choice(["lt", "le", "gt", "ge", "between"])
    return {"input": key, "operator": op, "value": str(value),
            "value2": str(min(high, value + round((high - low) / 5)))}  # fmt: skip


def table(seed: int = 7) -> rules.RuleSet:
    rng = random.Random(seed)
    rule_list = [
        {
            "label": f"Regel {i + 1}",
            "match": "all" if i % 4 else "any",
            "conditions": [condition(rng) for _ in range(rng.randint(2, 4))],
            "outcome": rng.choice(["Bewilligung", "Ablehnung", "Teilbewilligung"]),
            "refer": i % 7 == 0,
            "reason": "Ermessen",
            "legal_basis": "§ 1 XG",
        }
        for i in range(29)
    ]
    rule_list.append(
        {"label": "Sonst", "conditions": [], "refer": True, "reason": "Kein Regelfall"}
    )
    return rules.ruleset_from_data({"inputs": INPUTS, "rules": rule_list})


def random_case(ruleset: rules.RuleSet, rng: random.Random) -> dict:
    values = {}
    for spec in ruleset.inputs:
        if spec.numeric:
            values[spec.key] = spec.grid_value(rng.randrange(spec.grid_size()))
        else:
            values[spec.key] = rng.choice(spec.domain())
    return values


def timed(function, cases) -> list[float]:
    times = []
    for case in cases:
        start = time.perf_counter()
        function(case)
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(name: str, times: list[float]) -> None:
    times = sorted(times)
    p50 = statistics.median(times)
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    print(f"{name:<40} p50 {p50:8.3f} ms   p95 {p95:8.3f} ms   (n={len(times)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=300)
    args = parser.parse_args()
    ruleset = table()
    rng = random.Random(11)
    cases = [random_case(ruleset, rng) for _ in range(args.cases)]
    space = cells.build_space(ruleset)
    sizes = " × ".join(str(len(axis.cells)) for axis in space.axes)
    print(f"30 rules, 8 inputs; cells per input: {sizes}")
    report("evaluate", timed(lambda c: evaluate.evaluate(ruleset, c), cases))
    report(
        "counterfactuals (cells built per request)",
        timed(lambda c: counterfactuals.search(ruleset, c), cases),
    )
    report(
        "validate the table (editor save)",
        timed(lambda c: validation.validate(ruleset), cases[:20]),
    )


if __name__ == "__main__":
    main()
