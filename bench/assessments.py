"""Benchmark: scoring and storing submissions of a 40-question assessment.

Creates a throw-away test database from DATABASE_URL (``test_<name>``), builds a
40-question assessment covering all seven question types, then for N learners starts an
attempt and submits a full set of answers through ``assessments.services`` (parse, score,
store answers, record 41 xAPI statements through ``lms.xapi.events``, all in one
transaction). Prints the pure scoring rate, submissions per second and p50/p95 submit time.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/qd_assess \\
        python bench/assessments.py --attempts 200
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import (  # noqa: E402
    setup_databases,
    setup_test_environment,
    teardown_databases,
)
from django.utils.datastructures import MultiValueDict  # noqa: E402

TEMPLATES = [
    {
        "type": "single",
        "stem": "<p>Welche Norm regelt den vollautomatisierten Verwaltungsakt?</p>",
        "points": 1,
        "competency": "bench:B.1",
        "level": 3,
        "options": [
            {"text": "§ 35a VwVfG", "correct": True, "feedback": "Richtig."},
            {"text": "§ 39 VwVfG", "correct": False, "feedback": "Begründungspflicht."},
            {"text": "Art. 4 KI-VO", "correct": False, "feedback": "KI-Kompetenz."},
            {"text": "§ 31a SGB X", "correct": False, "feedback": "Sozialverwaltung."},
        ],
    },
    {
        "type": "multiple",
        "stem": "<p>Was gehört in eine Begründung?</p>",
        "points": 2,
        "competency": "bench:B.1",
        "level": 3,
        "options": [
            {"text": "tatsächliche Gründe", "correct": True},
            {"text": "rechtliche Gründe", "correct": True},
            {"text": "Quellcode", "correct": False},
            {"text": "Privatadresse", "correct": False},
        ],
    },
    {
        "type": "true_false",
        "stem": "<p>Ein Bescheid darf nie vollautomatisch ergehen.</p>",
        "correct": False,
        "competency": "bench:B.2",
        "level": 2,
    },
    {
        "type": "numeric",
        "stem": "<p>Wie viel Prozent sind 45 von 180?</p>",
        "answer": 25,
        "tolerance": 0.5,
        "unit": "%",
        "competency": "bench:B.2",
        "level": 2,
    },
    {
        "type": "short_text",
        "stem": "<p>Grundsatz, nur nötige Daten zu erheben?</p>",
        "accepted": ["Datenminimierung", "Datensparsamkeit"],
    },
    {
        "type": "ordering",
        "stem": "<p>Ordnen Sie die Schritte.</p>",
        "points": 2,
        "items": ["Antrag prüfen", "Bescheid erstellen", "begründen", "zustellen"],
    },
    {
        "type": "matching",
        "stem": "<p>Ordnen Sie zu.</p>",
        "points": 3,
        "pairs": [
            {"left": "§ 35a VwVfG", "right": "vollautomatisiert"},
            {"left": "§ 39 VwVfG", "right": "Begründung"},
            {"left": "Art. 22 DSGVO", "right": "Einzelentscheidung"},
        ],
    },
]


def build(n_attempts):
    from assessments import services
    from competencies.models import Competency, Framework, ProficiencyLevel, ProficiencyScale
    from lms.accounts.models import User

    scale = ProficiencyScale.objects.create(key="bench", uri="urn:bench:scale", name="Bench")
    ProficiencyLevel.objects.bulk_create(
        ProficiencyLevel(scale=scale, rank=r, code=str(r), name=str(r), uri=f"urn:bench:l{r}")
        for r in range(1, 9)
    )
    framework = Framework.objects.create(key="bench", uri="urn:bench", title="B", scale=scale)
    for code in ("B.1", "B.2"):
        Competency.objects.create(
            framework=framework, kind="competency", code=code, uri=f"urn:bench:{code}", name=code
        )
    bank = services.question_bank_create(name="Benchmark")
    questions = [
        services.question_create_from_data(bank=bank, data=TEMPLATES[i % len(TEMPLATES)])
        for i in range(40)
    ]
    assessment = services.assessment_create(
        title="Benchmark: 40 Fragen", questions=questions, max_attempts=0, time_limit_minutes=60
    )
    users = User.objects.bulk_create(
        User(email=f"bench{i}@example.org", first_name="B", last_name=str(i))
        for i in range(n_attempts)
    )
    return assessment, users


def form_for(attempt, rng):
    """A realistic submission: about three quarters right, the rest plausible mistakes."""
    data = MultiValueDict()
    for answer in attempt.answers.select_related("question").order_by("position"):
        spec, name, right = answer.spec, f"q_{answer.question.uuid}", rng.random() < 0.75
        kind = spec["type"]
        if kind in ("single", "multiple"):
            keys = [o["key"] for o in spec["options"] if o["correct"] == right] or [
                spec["options"][0]["key"]
            ]
            data.setlist(name, keys[:1] if kind == "single" else keys)
        elif kind == "true_false":
            data.setlist(name, ["false" if right else "true"])
        elif kind == "numeric":
            data.setlist(name, ["25" if right else "2,5"])
        elif kind == "short_text":
            data.setlist(name, ["datenminimierung" if right else "Zweckbindung"])
        elif kind == "ordering":
            keys = [i["key"] for i in spec["items"]]
            if not right:
                keys[0], keys[1] = keys[1], keys[0]
            for key in keys:
                data.setlist(f"{name}__{key}", [str(keys.index(key) + 1)])
        elif kind == "matching":
            for pair in spec["pairs"]:
                data.setlist(f"{name}__{pair['key']}", [pair["key"]])
    return data


def bench_scoring(assessment, rounds=2000):
    from assessments import scoring

    specs = [
        q.question.spec()
        for q in assessment.fixed_questions.select_related("question").order_by("sort_order")
    ]
    responses = {
        "single": lambda s: s["options"][0]["key"],
        "multiple": lambda s: [o["key"] for o in s["options"][:2]],
        "true_false": lambda s: False,
        "numeric": lambda s: 25.0,
        "short_text": lambda s: "Datenminimierung",
        "ordering": lambda s: [i["key"] for i in reversed(s["items"])],
        "matching": lambda s: {p["key"]: p["key"] for p in s["pairs"]},
    }
    pairs = [(s, responses[s["type"]](s)) for s in specs]
    start = time.perf_counter()
    for _ in range(rounds):
        for spec, response in pairs:
            scoring.score(spec, response)
    elapsed = time.perf_counter() - start
    return rounds / elapsed


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=200)
    args = parser.parse_args()

    from assessments import services

    setup_test_environment()
    old_config = setup_databases(verbosity=0, interactive=False, keepdb=False)
    try:
        assessment, users = build(args.attempts)
        scored = bench_scoring(assessment)
        rng = random.Random(7)
        starts, submits = [], []
        wall_start = time.perf_counter()
        for user in users:
            t0 = time.perf_counter()
            attempt = services.attempt_start(assessment=assessment, user=user)
            t1 = time.perf_counter()
            data = form_for(attempt, rng)
            t2 = time.perf_counter()
            services.attempt_submit(attempt_uuid=attempt.uuid, user=user, data=data)
            t3 = time.perf_counter()
            starts.append(t1 - t0)
            submits.append(t3 - t2)
        wall = time.perf_counter() - wall_start
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM xapi_statement")
            statements = cursor.fetchone()[0]
        print(f"40-question assessment, {args.attempts} learners, PostgreSQL, one process")
        print(f"  pure scoring:           {scored:10.0f} assessments scored/s (40 answers each)")
        print(f"  submit (score + store): {len(submits) / sum(submits):10.1f} attempts/s")
        print(f"  start + submit:         {args.attempts / wall:10.1f} attempts/s end to end")
        print(f"  submit time p50:        {1000 * statistics.median(submits):10.1f} ms")
        print(f"  submit time p95:        {1000 * percentile(submits, 0.95):10.1f} ms")
        print(f"  start time p95:         {1000 * percentile(starts, 0.95):10.1f} ms")
        print(f"  statements stored:      {statements:10d} (41 per attempt)")
    finally:
        teardown_databases(old_config, verbosity=0)


if __name__ == "__main__":
    main()
