"""Demo activity: colleagues take the final assessments, through the learner's services.

Runs after the courses step (which creates the final assessments from the content files).
Each colleague has a seeded ability and each question a seeded difficulty; the chance of
answering correctly follows a logistic curve, and wrong answers are the mistakes people
really make (a tempting distractor, a swapped pair, a misplaced decimal point), so the
item statistics and the HR reports show real patterns. Where a course owns an assessment
(a registered context provider knows it), only people enrolled in the course take it.
Idempotent: people who already have attempts at an assessment are skipped.
"""

from __future__ import annotations

import datetime as dt
import math
import random

from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from assessments import scoring, selectors, services
from assessments.models import Assessment, Attempt
from lms.xapi import selectors as xapi_selectors

SEED = 5150
PARTICIPATION = 0.75  # share of eligible colleagues who take each assessment
WRONG_TEXTS = ["Zweckbindung", "Transparenz", "weiß nicht", "Verhältnismäßigkeit", "Bescheid"]


def load_assessments_activity_demo(stdout, *, personas, colleagues):
    assessments = list(selectors.assessment_list(kind=Assessment.Kind.FINAL))
    if not assessments:
        stdout.write("  assessments: no final assessments to take")
        return
    rng = random.Random(SEED)  # noqa: S311 - demo data
    ability = {person.pk: rng.gauss(0.9, 1.0) for person in colleagues}
    taken = set(
        Attempt.objects.filter(assessment__in=assessments, user__in=colleagues).values_list(
            "assessment_id", "user_id"
        )
    )
    now = timezone.now()
    count = 0
    for assessment in assessments:
        arng = random.Random(f"{SEED}-{assessment.uuid}")  # noqa: S311 - demo data
        participants = [p for p in colleagues if arng.random() < PARTICIPATION]
        # Where a course owns the assessment (some colleague gets a course context), only
        # people enrolled in it take it, and their attempts carry the course and the
        # enrolment's registration.
        contexts = {
            p.pk: services.provided_context(user=p, assessment=assessment) for p in participants
        }
        if any(contexts.values()):
            participants = [p for p in participants if contexts[p.pk] is not None]
        last_activity = xapi_selectors.last_timestamps(
            registrations={c.registration for c in contexts.values() if c}
        )
        for person in participants:
            if (assessment.pk, person.pk) in taken:
                continue
            context = contexts[person.pk]
            last = last_activity.get(context.registration) if context else None
            started = _start_time(last, now, arng)
            for attempt_number in range(assessment.max_attempts or 2):
                attempt = services.attempt_start(
                    assessment=assessment, user=person, context=context, now=started
                )
                data = _answers(attempt, ability[person.pk] + 0.4 * attempt_number, arng)
                minutes = arng.randint(6, max(7, (assessment.time_limit_minutes or 30) - 2))
                attempt = services.attempt_submit(
                    attempt_uuid=attempt.uuid,
                    user=person,
                    data=data,
                    now=started + dt.timedelta(minutes=minutes, seconds=arng.randint(0, 59)),
                )
                count += 1
                if attempt.passed or arng.random() < 0.4:
                    break
                started = min(
                    attempt.finished_at + dt.timedelta(days=arng.randint(1, 7)),
                    now - dt.timedelta(hours=2),
                )
    stdout.write(f"  assessments: {count} finished attempts by demo colleagues")


def _start_time(last, now, rng: random.Random) -> dt.datetime:
    """A few days after ``last``, the person's last activity in the course the test belongs
    to (so a final test follows its lessons), else 20 to 60 days ago; never later than a
    day ago (a second attempt then still fits before now)."""
    if last is None:
        return now - dt.timedelta(days=rng.randint(20, 60), minutes=rng.randint(0, 600))
    latest = now - dt.timedelta(days=1)
    return min(last + dt.timedelta(days=rng.randint(1, 10), minutes=rng.randint(0, 600)), latest)


def _answers(attempt: Attempt, ability: float, rng: random.Random) -> MultiValueDict:
    data = MultiValueDict()
    for answer in attempt.answers.select_related("question").order_by("position"):
        spec = answer.spec
        # Question difficulty: seeded per question, harder for higher levels and more points.
        qrng = random.Random(str(answer.question.uuid))  # noqa: S311 - demo data
        difficulty = qrng.gauss(-0.2, 0.9) + 0.15 * (spec["points"] - 1)
        p = 1 / (1 + math.exp(-(ability - difficulty) * 1.3))
        name = f"q_{answer.question.uuid}"
        if rng.random() < 0.03:
            continue  # left blank
        for key, values in _response(spec, p, rng, qrng).items():
            data.setlist(f"{name}{key}", values)
    return data


def _response(spec: dict, p: float, rng: random.Random, qrng: random.Random) -> dict:
    kind = spec["type"]
    right = rng.random() < p
    if kind in (scoring.SINGLE, scoring.MULTIPLE):
        options = spec["options"]
        correct = [o["key"] for o in options if o["correct"]]
        wrong = [o["key"] for o in options if not o["correct"]]
        # Distractors differ in appeal (seeded per question): some tempt, some do not.
        appeal = [qrng.random() ** 2 for _ in wrong]
        if kind == scoring.SINGLE:
            if right or not wrong:
                return {"": correct}
            return {"": [rng.choices(wrong, weights=appeal)[0]]}
        chosen = [k for k in correct if rng.random() < (0.55 + 0.45 * p)]
        chosen += [k for k, a in zip(wrong, appeal, strict=True) if rng.random() < (1 - p) * a]
        return {"": chosen}
    if kind == scoring.TRUE_FALSE:
        value = bool(spec["correct"]) if right else not spec["correct"]
        return {"": ["true" if value else "false"]}
    if kind == scoring.NUMERIC:
        answer = float(spec["answer"])
        if not right:
            answer = rng.choice(
                [answer * 10, answer / 10, answer + 1 + 3 * float(spec["tolerance"] or 1)]
            )
        return {"": [f"{answer:g}".replace(".", ",")]}
    if kind == scoring.SHORT_TEXT:
        if right:
            text = rng.choice(spec["accepted"])
            return {"": [text.lower() if rng.random() < 0.3 else text]}
        return {"": [rng.choice(WRONG_TEXTS)]}
    if kind == scoring.ORDERING:
        keys = [i["key"] for i in spec["items"]]
        if not right:
            for _ in range(rng.randint(1, 2)):
                i = rng.randrange(len(keys) - 1)
                keys[i], keys[i + 1] = keys[i + 1], keys[i]
        return {f"__{k}": [str(keys.index(k) + 1)] for k in keys}
    if kind == scoring.MATCHING:
        keys = [pair["key"] for pair in spec["pairs"]]
        targets = list(keys)
        if not right:
            i, j = rng.sample(range(len(keys)), 2)
            targets[i], targets[j] = targets[j], targets[i]
        return {f"__{k}": [t] for k, t in zip(keys, targets, strict=True)}
    return {}


def final_assessment_pass(*, user, assessment: Assessment, now: dt.datetime) -> Attempt | None:
    """Sit a final assessment well prepared, in the course context a provider gives, until
    passed or out of attempts (demo histories such as a recertification)."""
    context = services.provided_context(user=user, assessment=assessment)
    rng = random.Random(f"{SEED}-pass-{user.pk}-{now.date()}")  # noqa: S311 - demo data
    limit = max(1, (assessment.time_limit_minutes or 60) - 1)  # submitted within the time
    for _ in range(assessment.max_attempts or 3):
        attempt = services.attempt_start(assessment=assessment, user=user, context=context, now=now)
        attempt = services.attempt_submit(
            attempt_uuid=attempt.uuid,
            user=user,
            data=_correct_answers(attempt, rng),
            now=now + dt.timedelta(minutes=min(rng.randint(6, 12), limit)),
        )
        if attempt.passed:
            return attempt
        now += dt.timedelta(days=1)
    return None


def _correct_answers(attempt: Attempt, rng: random.Random) -> MultiValueDict:
    """Every question answered as the key says (a well-prepared person)."""
    data = MultiValueDict()
    for answer in attempt.answers.select_related("question").order_by("position"):
        qrng = random.Random(str(answer.question.uuid))  # noqa: S311 - demo data
        response = _response(answer.spec, 1.0, rng, qrng)
        if answer.spec["type"] == scoring.SHORT_TEXT:
            response = {"": [answer.spec["accepted"][0]]}  # as written, not sloppily cased
        for key, values in response.items():
            data.setlist(f"q_{answer.question.uuid}{key}", values)
    return data
