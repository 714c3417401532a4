"""Writes: authoring question banks, questions and assessments; taking attempts.

Every function is keyword-only. Attempt functions lock the attempt row
(``SELECT … FOR UPDATE``) for their whole transaction, so two browser tabs, a double click
on "submit" or an autosave racing a submission are serialised and can never interleave.
Learning events are recorded only through ``lms.xapi.events``, in the same transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator

from assessments import scoring
from assessments.models import (
    Answer,
    Assessment,
    AssessmentQuestion,
    Attempt,
    DrawRule,
    Question,
    QuestionBank,
    QuestionCategory,
    QuestionOption,
)
from assessments.presentation import presented_order
from competencies import selectors as competency_selectors
from lms.xapi import events, vocabulary
from lms.xapi.iris import activity_iri

CONTEXT_SALT = "assessments.attempt-context"
KNOWLEDGE_CHECK_SALT = "assessments.knowledge-check"
# Saves that arrive this long after the deadline still count (network latency).
DEADLINE_GRACE = dt.timedelta(seconds=10)


# --- errors ------------------------------------------------------------------------------


class AttemptError(Exception):
    """Base class; ``code`` is stable, the views turn it into a status and a message."""

    code = "error"

    def __init__(self, code: str | None = None, errors: dict | None = None):
        super().__init__(code or self.code)
        self.code = code or self.code
        self.errors = errors or {}


class AttemptNotFound(AttemptError):
    """No such attempt for this person (someone else's attempt looks the same: 404)."""

    code = "not_found"


class AttemptClosed(AttemptError):
    """The attempt is submitted or its time is up; nothing more is stored."""

    code = "closed"


class AttemptConflict(AttemptError):
    """The answers were saved from another window since this form was loaded."""

    code = "conflict"


class AttemptInvalid(AttemptError):
    """The submission does not fit the attempt: unknown question or malformed values.

    ``errors`` maps question field names to ``ResponseError`` codes.
    """

    code = "invalid"


class AttemptNotAllowed(AttemptError):
    """No attempts left."""

    code = "no_attempts_left"


# --- authoring ---------------------------------------------------------------------------


def question_bank_create(*, name: str, description: str = "") -> QuestionBank:
    """Create a question bank, or return the existing one with this name (idempotent)."""
    bank, created = QuestionBank.objects.get_or_create(
        name=name, defaults={"description": description}
    )
    if not created and description and bank.description != description:
        bank.description = description
        bank.save(update_fields=["description"])
    return bank


@dataclass(frozen=True)
class OptionData:
    text: str
    correct: bool = False
    feedback: str = ""
    match: str = ""


@transaction.atomic
def question_create(
    *,
    bank: QuestionBank,
    type: str,
    stem: str,
    points: int = 1,
    title: str = "",
    general_feedback: str = "",
    competency=None,
    level=None,
    tags: Iterable[str] = (),
    options: Iterable[OptionData] = (),
    true_false_answer: bool | None = None,
    feedback_true: str = "",
    feedback_false: str = "",
    numeric_answer: float | None = None,
    numeric_tolerance: float = 0,
    numeric_unit: str = "",
    accepted_answers: Iterable[str] = (),
    category: QuestionCategory | None = None,
) -> Question:
    """Create a question with its options; raises ``ValidationError`` if it is unusable.

    ``options`` are the choices (single/multiple), the items in their correct order
    (ordering) or the pairs (matching: ``text`` = left, ``match`` = right).
    """
    question = Question(
        bank=bank,
        category=category,
        type=type,
        stem=stem,
        points=points,
        title=title[:200],
        general_feedback=general_feedback,
        competency=competency,
        level=level,
        true_false_answer=true_false_answer,
        feedback_true=feedback_true,
        feedback_false=feedback_false,
        numeric_answer=numeric_answer,
        numeric_tolerance=numeric_tolerance,
        numeric_unit=numeric_unit,
        accepted_answers="\n".join(a.strip() for a in accepted_answers if a.strip()),
    )
    option_rows = [
        QuestionOption(
            sort_order=i,
            text=o.text,
            is_correct=o.correct,
            feedback=o.feedback,
            match=o.match,
        )
        for i, o in enumerate(options)
    ]
    problems = scoring.spec_problems(question.spec(options=option_rows))
    if problems:
        raise ValidationError(problems)
    question.full_clean()
    question.save()
    for row in option_rows:
        row.question = question
    QuestionOption.objects.bulk_create(option_rows)
    if tags:
        question.tags.add(*tags)
        question.save()
    return question


def _competency_and_level(data: Mapping):
    ref = data.get("competency")
    if not ref:
        return None, None
    competency = competency_selectors.competency_get_by_ref(ref)
    level = None
    if data.get("level"):
        level = competency_selectors.level_for(competency=competency, rank=int(data["level"]))
    return competency, level


def question_create_from_data(
    *, bank: QuestionBank, data: Mapping, category: QuestionCategory | None = None
) -> Question:
    """Create a question from a QUESTION dict of ``lms/demo/content`` (see its docstring).

    Common keys: ``type``, ``stem`` (HTML), ``points``, ``competency`` (a reference such as
    ``"qd:QD.2"`` or ``"digcomp:1.2"``, resolved with ``competency_get_by_ref``),
    ``level`` (rank 1–8 on that competency's scale), ``feedback`` (general feedback),
    ``tags``, ``title`` (optional). Type-specific keys: ``options`` (single/multiple:
    ``text``, ``correct``, ``feedback``), ``correct``/``feedback_true``/``feedback_false``
    (true_false), ``answer``/``tolerance``/``unit`` (numeric), ``accepted`` (short_text),
    ``items`` (ordering, in the correct order), ``pairs`` (matching: ``left``, ``right``).
    Raises ``ValidationError`` for an unusable question and ``Competency.DoesNotExist``
    for an unknown competency reference.
    """
    kind = data["type"]
    competency, level = _competency_and_level(data)
    options: list[OptionData] = []
    if kind in (scoring.SINGLE, scoring.MULTIPLE):
        options = [
            OptionData(
                text=o["text"], correct=bool(o.get("correct")), feedback=o.get("feedback", "")
            )
            for o in data["options"]
        ]
    elif kind == scoring.ORDERING:
        options = [OptionData(text=item) for item in data["items"]]
    elif kind == scoring.MATCHING:
        options = [OptionData(text=p["left"], match=p["right"]) for p in data["pairs"]]
    stem = data["stem"]
    return question_create(
        bank=bank,
        category=category,
        type=kind,
        stem=stem,
        title=data.get("title") or Truncator(strip_tags(stem)).chars(90),
        points=int(data.get("points", 1)),
        general_feedback=_as_html(data.get("feedback", "")),
        competency=competency,
        level=level,
        tags=data.get("tags", ()),
        options=options,
        true_false_answer=data.get("correct") if kind == scoring.TRUE_FALSE else None,
        feedback_true=data.get("feedback_true", ""),
        feedback_false=data.get("feedback_false", ""),
        numeric_answer=data.get("answer") if kind == scoring.NUMERIC else None,
        numeric_tolerance=float(data.get("tolerance") or 0),
        numeric_unit=data.get("unit", ""),
        accepted_answers=data.get("accepted", ()),
    )


def _as_html(text: str) -> str:
    text = (text or "").strip()
    if not text or text.startswith("<"):
        return text
    return f"<p>{text}</p>"


@transaction.atomic
def assessment_create(
    *,
    title: str,
    questions: Iterable[Question] = (),
    draw_rules: Iterable[Mapping] = (),
    kind: str = Assessment.Kind.FINAL,
    introduction: str = "",
    pass_mark_percent: int = 70,
    max_attempts: int = 3,
    time_limit_minutes: int | None = None,
    feedback_policy: str = Assessment.FeedbackPolicy.AFTER_SUBMISSION,
    solution_policy: str = Assessment.SolutionPolicy.WHEN_DONE,
    shuffle_questions: bool = False,
    shuffle_options: bool = True,
) -> Assessment:
    """Create an assessment with fixed ``questions`` or random ``draw_rules``.

    A draw rule is a mapping with ``bank`` and ``count`` and optionally ``competency`` and
    ``level`` (model instances). Giving draw rules makes the selection random.
    """
    questions, draw_rules = list(questions), list(draw_rules)
    assessment = Assessment(
        title=title,
        kind=kind,
        introduction=introduction,
        selection=Assessment.Selection.RANDOM if draw_rules else Assessment.Selection.FIXED,
        pass_mark_percent=pass_mark_percent,
        max_attempts=max_attempts,
        time_limit_minutes=time_limit_minutes,
        feedback_policy=feedback_policy,
        solution_policy=solution_policy,
        shuffle_questions=shuffle_questions,
        shuffle_options=shuffle_options,
    )
    assessment.full_clean()
    if not questions and not draw_rules:
        raise ValidationError("An assessment needs questions or draw rules.")
    assessment.save()
    AssessmentQuestion.objects.bulk_create(
        AssessmentQuestion(assessment=assessment, question=q, sort_order=i)
        for i, q in enumerate(questions)
    )
    DrawRule.objects.bulk_create(
        DrawRule(
            assessment=assessment,
            sort_order=i,
            bank=rule["bank"],
            competency=rule.get("competency"),
            level=rule.get("level"),
            count=rule.get("count", 1),
        )
        for i, rule in enumerate(draw_rules)
    )
    return assessment


@transaction.atomic
def assessment_create_from_data(*, bank: QuestionBank, data: Mapping, **overrides) -> Assessment:
    """Create a final assessment and its questions from a course's ``"assessment"`` dict.

    ``data`` has ``title``, ``pass_mark_percent``, ``max_attempts``, ``time_limit_minutes``
    and ``questions`` (QUESTION dicts, see ``question_create_from_data``); the questions
    go into ``bank``. ``overrides`` are passed to ``assessment_create``.
    """
    questions = [question_create_from_data(bank=bank, data=q) for q in data["questions"]]
    options = {
        "title": data["title"],
        "introduction": _as_html(data.get("introduction", "")),
        "pass_mark_percent": int(data.get("pass_mark_percent", 70)),
        "max_attempts": int(data.get("max_attempts", 3)),
        "time_limit_minutes": data.get("time_limit_minutes"),
        "feedback_policy": data.get("feedback_policy", Assessment.FeedbackPolicy.AFTER_SUBMISSION),
    }
    options.update(overrides)
    return assessment_create(questions=questions, **options)


# --- course context ------------------------------------------------------------------------


@dataclass(frozen=True)
class AttemptContext:
    """Where an attempt belongs: the parent activity (e.g. a course) and its registration."""

    parent_iri: str
    parent_name: str
    registration: uuid.UUID
    parent_type: str = vocabulary.TYPE_COURSE

    def as_dict(self) -> dict:
        return {
            "parent_iri": self.parent_iri,
            "parent_name": self.parent_name,
            "parent_type": self.parent_type,
            "registration": str(self.registration),
        }

    @classmethod
    def from_dict(cls, data: Mapping) -> AttemptContext | None:
        if not data or not data.get("parent_iri"):
            return None
        return cls(
            parent_iri=data["parent_iri"],
            parent_name=data.get("parent_name", ""),
            registration=uuid.UUID(str(data["registration"])),
            parent_type=data.get("parent_type") or vocabulary.TYPE_COURSE,
        )

    def activity(self) -> events.Activity:
        return events.Activity(iri=self.parent_iri, name=self.parent_name, type=self.parent_type)


def attempt_context_token(
    *, user, parent_iri: str, parent_name: str, registration, parent_type: str = ""
) -> str:
    """A signed token the caller (e.g. a course page) puts in the start URL or form.

    It binds the parent activity and registration to ``user``, so statements of the
    attempt carry the course as context without this app knowing about courses.
    """
    context = AttemptContext(
        parent_iri=parent_iri,
        parent_name=parent_name,
        registration=uuid.UUID(str(registration)),
        parent_type=parent_type or vocabulary.TYPE_COURSE,
    )
    return signing.dumps({"u": user.pk, **context.as_dict()}, salt=CONTEXT_SALT, compress=True)


def attempt_context_from_token(*, token: str, user) -> AttemptContext:
    """Check a context token; raises ``AttemptInvalid("bad_context")`` if forged or foreign."""
    try:
        data = signing.loads(token, salt=CONTEXT_SALT)
        if data.get("u") != user.pk:
            raise AttemptInvalid("bad_context")
        context = AttemptContext.from_dict(data)
    except (signing.BadSignature, ValueError, TypeError, KeyError) as exc:
        raise AttemptInvalid("bad_context") from exc
    if context is None:
        raise AttemptInvalid("bad_context")
    return context


_context_providers: list[Callable] = []


def register_attempt_context_provider(provider: Callable) -> None:
    """Let a higher app (courses) supply the context of an attempt started without a token.

    ``provider(user=…, assessment=…)`` returns an ``AttemptContext`` or ``None``. Call it
    from ``AppConfig.ready()``; used by the demo and by ``attempt_start`` callers that pass
    ``context=None`` together with ``use_providers=True``.
    """
    if provider not in _context_providers:
        _context_providers.append(provider)


def provided_context(*, user, assessment) -> AttemptContext | None:
    """The context the registered providers give for this person and assessment, if any."""
    for provider in _context_providers:
        context = provider(user=user, assessment=assessment)
        if context is not None:
            return context
    return None


# --- attempts --------------------------------------------------------------------------


def assessment_activity(assessment: Assessment) -> events.Activity:
    return events.Activity(
        iri=activity_iri("assessment", assessment.uuid),
        name=assessment.title,
        type=vocabulary.TYPE_ASSESSMENT,
    )


def question_activity(question: Question, spec: dict) -> events.Activity:
    return events.Activity(
        iri=activity_iri("question", question.uuid),
        name=question.label,
        type=vocabulary.TYPE_QUESTION,
        description=Truncator(strip_tags(question.stem)).chars(500),
        interaction=scoring.interaction_definition(spec),
    )


def _select_questions(assessment: Assessment, rng: random.Random) -> list[Question]:
    if assessment.selection == Assessment.Selection.FIXED:
        links = assessment.fixed_questions.select_related("question").order_by("sort_order")
        chosen = [link.question for link in links]
    else:
        chosen, seen = [], set()
        for rule in assessment.draw_rules.order_by("sort_order"):
            pool = Question.objects.filter(bank_id=rule.bank_id, active=True).exclude(pk__in=seen)
            if rule.competency_id:
                pool = pool.filter(competency_id=rule.competency_id)
            if rule.level_id:
                pool = pool.filter(level_id=rule.level_id)
            ids = sorted(pool.values_list("pk", flat=True))
            picked = rng.sample(ids, min(rule.count, len(ids)))
            seen.update(picked)
            chosen.extend(picked)
        by_id = Question.objects.in_bulk(chosen)
        chosen = [by_id[pk] for pk in chosen]
    if assessment.shuffle_questions:
        rng.shuffle(chosen)
    return chosen


def attempt_start(
    *,
    assessment: Assessment,
    user,
    context: AttemptContext | None = None,
    use_providers: bool = False,
    now: dt.datetime | None = None,
) -> Attempt:
    """Start an attempt, or resume the person's open one (there is at most one).

    An open attempt whose time is up is closed first (scored with what was saved).
    Questions are fixed or drawn at random now; each ``Answer`` snapshots the question as
    scored and the order in which its options are shown. Raises ``AttemptNotAllowed``
    when the maximum number of attempts is used up.
    """
    now = now or timezone.now()
    if context is None and use_providers:
        context = provided_context(user=user, assessment=assessment)
    for _ in range(2):
        try:
            with transaction.atomic():
                return _attempt_start(assessment=assessment, user=user, context=context, now=now)
        except IntegrityError:
            # Two tabs started at once; the other one won and its attempt is resumed.
            continue
    raise AttemptConflict()


def _attempt_start(*, assessment, user, context, now) -> Attempt:
    attempts = list(
        Attempt.objects.select_for_update()
        .filter(assessment=assessment, user=user)
        .order_by("number")
    )
    for attempt in attempts:
        if attempt.is_open and not _expire_if_due(attempt, now):
            return attempt
    # Within a context (a course attempt), the limit counts that context's attempts only:
    # someone who takes a course again may sit its final assessment again.
    counted = [a for a in attempts if context is None or a.registration == context.registration]
    if assessment.max_attempts and len(counted) >= assessment.max_attempts:
        raise AttemptNotAllowed()
    attempt_uuid = uuid.uuid4()
    rng = random.Random(attempt_uuid.int)  # noqa: S311 - question draw, not security
    attempt = Attempt(
        uuid=attempt_uuid,
        assessment=assessment,
        user=user,
        number=(attempts[-1].number if attempts else 0) + 1,
        started_at=now,
        deadline=now + dt.timedelta(minutes=assessment.time_limit_minutes)
        if assessment.time_limit_minutes
        else None,
        registration=context.registration if context else uuid.uuid4(),
        context=context.as_dict() if context else {},
    )
    questions = _select_questions(assessment, rng)
    if not questions:
        raise AttemptNotAllowed("no_questions")
    attempt.save()
    options = _options_by_question([q.pk for q in questions])
    answers = []
    for position, question in enumerate(questions, start=1):
        spec = question.spec(options=options.get(question.pk, []))
        shuffle = assessment.shuffle_options or spec["type"] in (
            scoring.ORDERING,
            scoring.MATCHING,
        )
        answers.append(
            Answer(
                attempt=attempt,
                question=question,
                position=position,
                spec=spec,
                presented_order=presented_order(spec, rng if shuffle else None),
            )
        )
    Answer.objects.bulk_create(answers)
    return attempt


def _options_by_question(question_ids) -> dict[int, list[QuestionOption]]:
    grouped: dict[int, list[QuestionOption]] = {}
    for option in QuestionOption.objects.filter(question_id__in=question_ids).order_by(
        "question_id", "sort_order", "pk"
    ):
        grouped.setdefault(option.question_id, []).append(option)
    return grouped


def field_name(answer: Answer) -> str:
    return f"q_{answer.question.uuid}"


def _locked_attempt(*, attempt_uuid, user) -> Attempt:
    try:
        return (
            Attempt.objects.select_for_update(of=("self",))
            .select_related("assessment")
            .get(uuid=attempt_uuid, user=user)
        )
    except (Attempt.DoesNotExist, ValidationError, ValueError) as exc:
        raise AttemptNotFound() from exc


def _raw_values(answer: Answer, data) -> list[str] | dict[str, str]:
    name = field_name(answer)
    kind = answer.spec["type"]
    if kind in (scoring.ORDERING, scoring.MATCHING):
        prefix = f"{name}__"
        return {key[len(prefix) :]: data.get(key, "") for key in data if key.startswith(prefix)}
    return data.getlist(name) if hasattr(data, "getlist") else list(data.get(name, []))


def parse_answers(answers: list[Answer], data) -> dict[int, object]:
    """Canonical responses by answer id from form ``data``; raises ``AttemptInvalid``.

    Fields named ``q_…`` that belong to no question of the attempt are tampering.
    """
    known = {field_name(a) for a in answers}
    for key in data:
        if key.startswith("q_") and key.split("__", 1)[0] not in known:
            raise AttemptInvalid("unknown_question", {key: "unknown_question"})
    responses, errors = {}, {}
    for answer in answers:
        try:
            responses[answer.pk] = scoring.parse_response(answer.spec, _raw_values(answer, data))
        except scoring.ResponseError as exc:
            errors[field_name(answer)] = exc.code
    if errors:
        raise AttemptInvalid("invalid", errors)
    return responses


def _store_responses(
    attempt: Attempt, answers: list[Answer], responses, now, *, write: bool = True
) -> list[Answer]:
    changed = []
    for answer in answers:
        if answer.locked:
            continue
        response = responses.get(answer.pk)
        if response != answer.response:
            answer.response = response
            answer.answered_at = now if response is not None else None
            changed.append(answer)
    if changed and write:
        _answers_update(changed, ["response", "answered_at"])
    return changed


_ANSWER_COLUMN_TYPES = {
    "response": "jsonb",
    "answered_at": "timestamptz",
    "score": "double precision",
    "correct": "boolean",
}


def _answers_update(answers: list[Answer], fields: list[str]) -> None:
    """Write ``fields`` of many answers with one UPDATE.

    Django's ``bulk_update`` builds a CASE expression per field and row in Python, which
    was most of the time of submitting a 40-question attempt; on PostgreSQL the values go
    as one array per column instead. SQLite (the demo) keeps ``bulk_update``.
    """
    if not answers:
        return
    if connection.vendor != "postgresql":
        Answer.objects.bulk_update(answers, fields)
        return
    columns = ", ".join(fields)
    arrays = ", ".join(f"%s::{_ANSWER_COLUMN_TYPES[field]}[]" for field in fields)
    assignments = ", ".join(f"{field} = v.{field}" for field in fields)
    sql = (
        f"UPDATE {Answer._meta.db_table} AS a SET {assignments} "  # noqa: S608 -- constant names
        f"FROM unnest(%s::bigint[], {arrays}) AS v(id, {columns}) WHERE a.id = v.id"
    )
    params = [[answer.pk for answer in answers]]
    for field in fields:
        values = [getattr(answer, field) for answer in answers]
        if field == "response":
            values = [None if value is None else json.dumps(value) for value in values]
        params.append(values)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _expire_if_due(attempt: Attempt, now) -> bool:
    if attempt.deadline and now > attempt.deadline + DEADLINE_GRACE:
        _finish(attempt, status=Attempt.Status.TIMED_OUT, now=now)
        return True
    return False


def _answers(attempt: Attempt) -> list[Answer]:
    return list(attempt.answers.select_related("question").order_by("position"))


@dataclass
class SaveOutcome:
    attempt: Attempt
    revision: int
    checked: Answer | None = None
    # Positions of the questions still without an answer after this save.
    unanswered: list[int] = dataclasses.field(default_factory=list)
    total: int = 0

    @property
    def answered(self) -> int:
        return self.total - len(self.unanswered)


def attempt_save(
    *,
    attempt_uuid,
    user,
    data,
    revision: int | None = None,
    check: str | None = None,
    now: dt.datetime | None = None,
) -> SaveOutcome:
    """Store the answers in ``data`` (form values) for the person's open attempt.

    The whole submission is checked first; any unknown question or malformed value raises
    ``AttemptInvalid`` and nothing is stored. ``revision`` is the revision the form was
    loaded with: a different current revision means another window saved in between
    (``AttemptConflict``). ``check`` (a question field name) locks that answer and
    reveals its feedback, for assessments with feedback after each question.
    """
    now = now or timezone.now()
    with transaction.atomic():
        attempt = _locked_attempt(attempt_uuid=attempt_uuid, user=user)
        if not attempt.is_open:
            raise AttemptClosed()
        if not _expire_if_due(attempt, now):
            if revision is not None and revision != attempt.revision:
                raise AttemptConflict()
            answers = _answers(attempt)
            responses = parse_answers(answers, data)
            changed = _store_responses(attempt, answers, responses, now)
            checked = _check_answer(attempt, answers, check, now) if check else None
            if changed or checked:
                attempt.revision += 1
                attempt.save(update_fields=["revision"])
            return SaveOutcome(
                attempt=attempt,
                revision=attempt.revision,
                checked=checked,
                unanswered=[a.position for a in answers if a.response is None],
                total=len(answers),
            )
    # The time-out was committed above; the answers in ``data`` were not stored.
    raise AttemptClosed("timed_out")


def _check_answer(attempt: Attempt, answers: list[Answer], name: str, now) -> Answer:
    if attempt.assessment.feedback_policy != Assessment.FeedbackPolicy.IMMEDIATE:
        raise AttemptInvalid("no_immediate_feedback")
    answer = next((a for a in answers if field_name(a) == name), None)
    if answer is None:
        raise AttemptInvalid("unknown_question", {name: "unknown_question"})
    if answer.locked:
        return answer
    if answer.response is None:
        raise AttemptInvalid("invalid", {name: "unanswered"})
    _score_answer(answer)
    answer.locked = True
    Answer.objects.filter(pk=answer.pk).update(
        locked=True, score=answer.score, correct=answer.correct
    )
    _record_answer(attempt, answer)
    return answer


def _score_answer(answer: Answer) -> None:
    result = scoring.score(answer.spec, answer.response)
    answer.score, answer.correct = result.score, result.correct


def _record_answer(attempt: Attempt, answer: Answer, timestamp=None) -> None:
    context = AttemptContext.from_dict(attempt.context)
    events.record(
        events.question_answered(
            user=attempt.user,
            question=question_activity(answer.question, answer.spec),
            assessment=assessment_activity(attempt.assessment),
            registration=attempt.registration,
            response=scoring.response_string(answer.spec, answer.response),
            success=bool(answer.correct),
            score_raw=answer.score or 0.0,
            score_max=float(answer.spec["points"]),
            course=context.activity() if context else None,
            timestamp=timestamp,
        )
    )


def attempt_submit(
    *,
    attempt_uuid,
    user,
    data=None,
    revision: int | None = None,
    now: dt.datetime | None = None,
    allow_unanswered: bool = True,
) -> Attempt:
    """Store the final answers (if ``data`` is given), score the attempt and record it.

    With ``allow_unanswered=False`` and questions still unanswered, the answers are only
    saved (as by ``attempt_save``) and the attempt stays open, so the person can be asked
    to confirm.

    Submitting an already finished attempt again changes nothing and returns it (a double
    click gives one result). After the deadline, ``data`` is ignored and the attempt is
    scored with what was saved in time. Raises ``AttemptInvalid``/``AttemptConflict``
    like ``attempt_save`` (nothing stored).
    """
    now = now or timezone.now()
    with transaction.atomic():
        attempt = _locked_attempt(attempt_uuid=attempt_uuid, user=user)
        if not attempt.is_open:
            return attempt
        if _expire_if_due(attempt, now):
            return attempt
        if revision is not None and revision != attempt.revision:
            raise AttemptConflict()
        answers = _answers(attempt)
        fields = []
        if data is not None:
            # Written together with the scores below: one UPDATE for all answers.
            changed = _store_responses(
                attempt, answers, parse_answers(answers, data), now, write=False
            )
            fields = ["response", "answered_at"]
            if not allow_unanswered and any(a.response is None for a in answers):
                if changed:
                    _answers_update(changed, fields)
                    attempt.revision += 1
                    attempt.save(update_fields=["revision"])
                return attempt
        _finish(attempt, status=Attempt.Status.SUBMITTED, now=now, answers=answers, fields=fields)
        return attempt


def attempt_close_if_expired(*, attempt_uuid, user, now: dt.datetime | None = None) -> Attempt:
    """Close the person's open attempt if its time is up (scored with what was saved)."""
    now = now or timezone.now()
    with transaction.atomic():
        attempt = _locked_attempt(attempt_uuid=attempt_uuid, user=user)
        if attempt.is_open:
            _expire_if_due(attempt, now)
        return attempt


def _finish(
    attempt: Attempt,
    *,
    status: str,
    now,
    answers: list[Answer] | None = None,
    fields: list[str] | None = None,
) -> None:
    """Score every answer, close the attempt and record the statements (caller holds the lock)."""
    answers = answers if answers is not None else _answers(attempt)
    to_record = []
    for answer in answers:
        if not answer.locked:
            _score_answer(answer)
            if answer.response is not None:
                to_record.append(answer)
    _answers_update(answers, ["score", "correct", *(fields or [])])
    score_raw = round(sum(a.score or 0 for a in answers), 4)
    score_max = float(sum(a.spec["points"] for a in answers))
    passed = scoring.passed(score_raw, score_max, attempt.assessment.pass_mark_percent)
    finished_at = min(now, attempt.deadline) if attempt.deadline else now
    attempt.status = status
    attempt.score_raw, attempt.score_max, attempt.passed = score_raw, score_max, passed
    attempt.finished_at = finished_at
    attempt.save(update_fields=["status", "score_raw", "score_max", "passed", "finished_at"])
    evidence = []
    if passed and attempt.assessment.kind == Assessment.Kind.FINAL:
        evidence = scoring.evidence(_evidence_items(answers))
    context = AttemptContext.from_dict(attempt.context)
    # The statements say when the attempt ended (for an expired attempt: its deadline), not
    # when it was closed, so evidence and trends date it correctly.
    with events.batched():
        for answer in to_record:
            _record_answer(attempt, answer, timestamp=finished_at)
        events.record(
            events.assessment_completed(
                user=attempt.user,
                assessment=assessment_activity(attempt.assessment),
                registration=attempt.registration,
                passed=passed,
                score_raw=score_raw,
                score_max=score_max if score_max > 0 else 1.0,
                duration=max(finished_at - attempt.started_at, dt.timedelta(0)),
                course=context.activity() if context else None,
                evidence=evidence,
                timestamp=finished_at,
            )
        )


def _evidence_items(answers: list[Answer]):
    question_ids = [a.question_id for a in answers]
    uris = {
        q.pk: (q.competency.uri if q.competency else None, q.level.uri if q.level else None)
        for q in Question.objects.filter(pk__in=question_ids).select_related("competency", "level")
    }
    return [
        (*uris.get(a.question_id, (None, None)), a.score or 0.0, float(a.spec["points"]))
        for a in answers
    ]


# --- knowledge checks ------------------------------------------------------------------


@dataclass(frozen=True)
class KnowledgeCheckToken:
    parent_iri: str
    parent_name: str
    registration: uuid.UUID | None
    question_id: int
    user_id: int
    parent_type: str = vocabulary.TYPE_LESSON
    preview: bool = False


def knowledge_check_token(
    *,
    user,
    question: Question,
    parent_iri: str,
    registration,
    parent_name: str = "",
    preview: bool = False,
) -> str:
    """The signed token a knowledge check form carries: lesson, registration, question, person.

    A ``preview`` token (issued only in the authors' preview of a page) gets the answer
    scored and the feedback shown, and nothing recorded.
    """
    return signing.dumps(
        {
            "p": parent_iri,
            "n": parent_name,
            "r": str(registration) if registration else "",
            "q": question.pk,
            "u": user.pk,
            **({"v": 1} if preview else {}),
        },
        salt=KNOWLEDGE_CHECK_SALT,
        compress=True,
    )


def knowledge_check_token_read(*, token: str, user) -> KnowledgeCheckToken:
    """Check a knowledge check token; raises ``AttemptInvalid("bad_token")``."""
    try:
        data = signing.loads(token, salt=KNOWLEDGE_CHECK_SALT)
        if data["u"] != user.pk:
            raise AttemptInvalid("bad_token")
        return KnowledgeCheckToken(
            parent_iri=data["p"],
            parent_name=data.get("n", ""),
            registration=uuid.UUID(data["r"]) if data.get("r") else None,
            question_id=int(data["q"]),
            user_id=int(data["u"]),
            preview=bool(data.get("v")),
        )
    except (signing.BadSignature, KeyError, ValueError, TypeError) as exc:
        raise AttemptInvalid("bad_token") from exc


@dataclass(frozen=True)
class KnowledgeCheckResult:
    question: Question
    spec: dict
    response: object
    result: scoring.Result


@transaction.atomic
def knowledge_check_answer(*, user, token: str, data) -> KnowledgeCheckResult:
    """Score an inline knowledge check answer and record ``answered`` with the lesson as parent
    (a preview token's answer is only scored).

    ``data`` holds the form values of the question's fields. Raises ``AttemptInvalid`` for a
    bad token, malformed values or an empty answer; nothing is recorded then.
    """
    claims = knowledge_check_token_read(token=token, user=user)
    try:
        question = Question.objects.get(pk=claims.question_id)
    except Question.DoesNotExist as exc:
        raise AttemptInvalid("bad_token") from exc
    spec = question.spec()
    name = f"q_{question.uuid}"
    for key in data:
        if key.startswith("q_") and key.split("__", 1)[0] != name:
            raise AttemptInvalid("unknown_question", {key: "unknown_question"})
    if spec["type"] in (scoring.ORDERING, scoring.MATCHING):
        prefix = f"{name}__"
        raw = {k[len(prefix) :]: data.get(k, "") for k in data if k.startswith(prefix)}
    else:
        raw = data.getlist(name) if hasattr(data, "getlist") else list(data.get(name, []))
    try:
        response = scoring.parse_response(spec, raw)
    except scoring.ResponseError as exc:
        raise AttemptInvalid("invalid", {name: exc.code}) from exc
    if response is None:
        raise AttemptInvalid("invalid", {name: "unanswered"})
    result = scoring.score(spec, response)
    if claims.preview:
        return KnowledgeCheckResult(question=question, spec=spec, response=response, result=result)
    parent = events.Activity(
        iri=claims.parent_iri, name=claims.parent_name or claims.parent_iri, type=claims.parent_type
    )
    events.record(
        events.question_answered(
            user=user,
            question=question_activity(question, spec),
            assessment=parent,
            registration=claims.registration,
            response=scoring.response_string(spec, response),
            success=result.correct,
            score_raw=result.score,
            score_max=result.max_score,
        )
    )
    return KnowledgeCheckResult(question=question, spec=spec, response=response, result=result)
