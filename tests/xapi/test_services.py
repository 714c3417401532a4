"""The single road for storing statements: atomic batches, conflicts, voiding, projections."""

import uuid

import pytest
from django.db import transaction

from lms.xapi import events, iris, vocabulary
from lms.xapi.events import Activity
from lms.xapi.models import Activity as ActivityRow
from lms.xapi.models import Document, Statement, StatementActivity, StatementAgent
from lms.xapi.projections import FollowUp
from lms.xapi.services import (
    FollowUpLoop,
    StatementConflict,
    _activities_upsert,
    actor_erase,
    projections_rebuild,
    statements_store,
)
from lms.xapi.validation import StatementError

# The SQLite smoke suite runs these too: they cover every connection.vendor branch.
pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

COURSE = Activity(
    iri="https://qualifica-digitalis.example/xapi/activities/course/c1",
    name="Datenkompetenz",
    type=vocabulary.TYPE_COURSE,
)


def lesson(n):
    return Activity(
        iri=iris.activity_iri("lesson", f"l{n}"), name=f"Lektion {n}", type=vocabulary.TYPE_LESSON
    )


def test_a_batch_with_one_bad_statement_stores_nothing(statement_factory):
    good = statement_factory()
    bad = statement_factory(verb={"display": {"en-US": "no id"}})

    with pytest.raises(StatementError) as error:
        statements_store(statements=[good, bad])

    assert error.value.path == "statements[1].verb.id"
    assert Statement.objects.count() == 0
    assert StatementAgent.objects.count() == 0


def test_store_fills_stored_authority_version_and_query_columns(statement_factory):
    registration = str(uuid.uuid4())
    data = statement_factory(
        context={
            "registration": registration,
            "contextActivities": {"parent": {"id": "https://example.org/parent"}},
            "instructor": {"mbox": "mailto:trainer@example.org"},
        }
    )

    [row] = statements_store(statements=[data]).stored

    row = Statement.objects.get(pk=row.pk)
    assert row.data["stored"].endswith("Z")
    assert row.data["authority"]["account"]["name"] == "platform"
    assert row.data["version"] == "1.0.0"
    assert row.data["timestamp"] == row.data["stored"]
    assert row.data["context"]["contextActivities"]["parent"] == [
        {"id": "https://example.org/parent"}
    ]
    assert row.actor_key == "mbox:mailto:learner@example.org"
    assert str(row.registration) == registration
    assert row.user_id is None
    keys = set(StatementAgent.objects.filter(statement=row).values_list("agent_key", flat=True))
    assert "mbox:mailto:trainer@example.org" in keys
    activities = set(
        StatementActivity.objects.filter(statement=row).values_list("activity_id", flat=True)
    )
    assert activities == {"https://example.org/activities/one", "https://example.org/parent"}


def test_same_id_same_content_is_skipped_other_content_conflicts(statement_factory):
    data = statement_factory()
    statements_store(statements=[dict(data)])

    again = statements_store(statements=[dict(data)])
    assert again.stored == [] and again.ids == [data["id"]]
    changed = dict(data, verb={"id": "http://adlnet.gov/expapi/verbs/completed"})
    with pytest.raises(StatementConflict):
        statements_store(statements=[changed])
    assert Statement.objects.count() == 1


def test_voiding_marks_the_target_and_a_voiding_statement_cannot_be_voided(statement_factory):
    target = statement_factory()
    statements_store(statements=[target])
    voiding = statement_factory(
        verb={"id": vocabulary.VOIDED.id},
        object={"objectType": "StatementRef", "id": target["id"]},
    )
    statements_store(statements=[voiding])

    assert Statement.objects.get(pk=target["id"]).voided is True
    again = statement_factory(
        verb={"id": vocabulary.VOIDED.id},
        object={"objectType": "StatementRef", "id": voiding["id"]},
    )
    with pytest.raises(StatementError):
        statements_store(statements=[again])


def test_activity_definitions_are_recorded_and_merged(statement_factory):
    first = statement_factory(
        object={"id": "https://example.org/a", "definition": {"name": {"de-DE": "Eins"}}}
    )
    second = statement_factory(
        object={"id": "https://example.org/a", "definition": {"name": {"en-US": "One"}}}
    )
    statements_store(statements=[first])
    statements_store(statements=[second])

    definition = ActivityRow.objects.get(activity_id="https://example.org/a").definition
    assert definition["name"] == {"de-DE": "Eins", "en-US": "One"}


class _Progress:
    """A small projection: completed lessons per user, and a course completion follow-up."""

    def __init__(self):
        self.completed = {}
        self.calls = []

    def apply(self, statements):
        self.calls.append(len(statements))
        follow_ups = []
        for statement in statements:
            if statement.verb != vocabulary.COMPLETED.id or statement.user_id is None:
                continue
            if statement.object_id.startswith(iris.activity_iri("lesson", "x")[:-1]):
                done = self.completed.setdefault(statement.user_id, set())
                done.add(statement.object_id)
                if len(done) == 2:
                    follow_ups.append(
                        FollowUp(
                            reason="course completed",
                            statement=events.course_completed(
                                user=statement.user,
                                course=COURSE,
                                registration=statement.registration,
                            ),
                        )
                    )
            elif statement.object_id == COURSE.iri:
                self.completed.setdefault(("course", statement.user_id), set()).add(COURSE.iri)
        return follow_ups

    def reset(self):
        self.completed = {}

    def snapshot(self):
        return {key: sorted(value) for key, value in self.completed.items()}


def test_follow_ups_are_recorded_by_the_platform_in_a_second_pass(make_user, isolated_projections):
    progress = _Progress()
    isolated_projections.register_projection("progress", apply=progress.apply, reset=progress.reset)
    user = make_user()
    registration = uuid.uuid4()

    with transaction.atomic():
        events.record(
            events.lesson_completed(
                user=user, lesson=lesson(1), course=COURSE, registration=registration
            )
        )
        events.record(
            events.lesson_completed(
                user=user, lesson=lesson(2), course=COURSE, registration=registration
            )
        )

    completions = Statement.objects.filter(verb=vocabulary.COMPLETED.id, object_id=COURSE.iri)
    assert completions.count() == 1
    assert completions.get().by_platform
    assert progress.completed[("course", user.pk)] == {COURSE.iri}
    # One pass for each lesson, one for the completion they caused.
    assert progress.calls == [1, 1, 1]


def test_a_projection_that_stores_a_statement_itself_is_refused(
    make_user, isolated_projections, statement_factory
):
    user = make_user()

    def storing(rows):
        if any(row.verb == vocabulary.EXPERIENCED.id for row in rows):
            events.record(
                events.course_launched(user=user, course=COURSE, registration=uuid.uuid4())
            )

    isolated_projections.register_projection("storing", apply=storing, reset=lambda: None)
    with pytest.raises(FollowUpLoop):
        events.record(
            events.lesson_experienced(
                user=user, lesson=lesson(1), course=COURSE, registration=uuid.uuid4()
            )
        )
    assert not Statement.objects.exists()


def test_follow_ups_may_not_ask_for_more_follow_ups(make_user, isolated_projections):
    user = make_user()

    def endless(rows):
        return [
            FollowUp(
                reason="again",
                statement=events.course_launched(
                    user=user, course=COURSE, registration=uuid.uuid4()
                ),
            )
        ]

    isolated_projections.register_projection("endless", apply=endless, reset=lambda: None)
    with pytest.raises(FollowUpLoop, match="again"):
        events.record(
            events.lesson_experienced(
                user=user, lesson=lesson(1), course=COURSE, registration=uuid.uuid4()
            )
        )
    assert not Statement.objects.exists()


def test_projections_run_after_the_ones_they_name(isolated_projections, statement_factory):
    order = []
    isolated_projections.register_projection(
        "late", apply=lambda rows: order.append("late"), reset=lambda: None, after=("early",)
    )
    isolated_projections.register_projection(
        "early", apply=lambda rows: order.append("early"), reset=lambda: None
    )
    statements_store(statements=[statement_factory()])
    assert order == ["early", "late"]


def test_rebuild_equals_incremental_state_and_writes_no_new_statements(
    make_user, isolated_projections, statement_factory
):
    progress = _Progress()
    isolated_projections.register_projection("progress", apply=progress.apply, reset=progress.reset)
    learners = [make_user() for _ in range(3)]
    for index, user in enumerate(learners):
        registration = uuid.uuid4()
        for n in range(1, 2 + index):
            events.record(
                events.lesson_completed(
                    user=user, lesson=lesson(n), course=COURSE, registration=registration
                )
            )
    voided_target = events.record(
        events.lesson_completed(
            user=learners[0], lesson=lesson(9), course=COURSE, registration=uuid.uuid4()
        )
    )
    statements_store(
        statements=[
            statement_factory(
                verb={"id": vocabulary.VOIDED.id},
                object={"objectType": "StatementRef", "id": str(voided_target.id)},
            )
        ]
    )
    progress.completed[learners[0].pk].discard(voided_target.object_id)
    incremental = progress.snapshot()
    count_before = Statement.objects.count()

    replayed = projections_rebuild(batch_size=2)

    assert progress.snapshot() == incremental
    assert Statement.objects.count() == count_before
    assert (
        replayed
        == Statement.objects.filter(voided=False).exclude(verb=vocabulary.VOIDED.id).count()
    )


def test_actor_erase_deletes_statements_documents_and_calls_erase_hooks(
    make_user, isolated_projections, statement_factory
):
    erased = []
    isolated_projections.register_projection(
        "audit", apply=lambda rows: None, reset=lambda: None, erase=erased.append
    )
    user, other = make_user(), make_user()
    registration = uuid.uuid4()
    events.record(
        events.lesson_experienced(
            user=user, lesson=lesson(1), course=COURSE, registration=registration
        )
    )
    events.record(
        events.lesson_experienced(
            user=other, lesson=lesson(1), course=COURSE, registration=registration
        )
    )
    events.record(
        events.competency_validated(
            user=other,
            competency=Activity(
                iri="https://example.org/c", name="K", type=vocabulary.TYPE_COMPETENCY
            ),
            level_uri="https://example.org/l",
            validator=user,
        )
    )
    Document.objects.create(
        kind=Document.Kind.STATE,
        activity_id=COURSE.iri,
        agent_key=f"account:https://qualifica-digitalis.example|{user.pseudonym}",
        document_id="bookmark",
        content=b"{}",
        content_type="application/json",
        etag="x",
        updated="2026-01-01T00:00:00Z",
    )

    result = actor_erase(user=user)

    assert result["documents"] == 1
    remaining = list(Statement.objects.values_list("data", flat=True))
    assert len(remaining) == 1
    assert str(user.pseudonym) not in str(remaining)
    assert erased == [user.pk]
    assert not StatementAgent.objects.filter(agent_key__contains=str(user.pseudonym)).exists()


def test_store_runs_a_constant_number_of_queries_per_batch(
    django_assert_max_num_queries, statement_factory, make_user
):
    user = make_user()
    actor = {
        "account": {"homePage": "https://qualifica-digitalis.example", "name": str(user.pseudonym)}
    }
    batch = [
        statement_factory(
            actor=actor,
            object={"id": f"https://example.org/a/{n}", "definition": {"name": {"de": "A"}}},
            context={"registration": str(uuid.uuid4())},
        )
        for n in range(50)
    ]
    with django_assert_max_num_queries(12):
        result = statements_store(statements=batch)
    assert len(result.stored) == 50 and result.ids == [data["id"] for data in batch]
    assert Statement.objects.filter(user=user).count() == 50


@pytest.mark.django_db(transaction=True)
def test_known_activity_definitions_cost_no_query_on_the_next_batch(
    statement_factory, django_assert_num_queries
):
    definition = {"name": {"de-DE": "Eins"}}
    statements_store(
        statements=[
            statement_factory(object={"id": "https://example.org/k", "definition": definition})
        ]
    )
    with django_assert_num_queries(0):
        _activities_upsert({"https://example.org/k": definition})
    statements_store(
        statements=[
            statement_factory(
                object={"id": "https://example.org/k", "definition": {"name": {"en-US": "One"}}}
            )
        ]
    )
    stored = ActivityRow.objects.get(activity_id="https://example.org/k").definition
    assert stored["name"] == {"de-DE": "Eins", "en-US": "One"}
