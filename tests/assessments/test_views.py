"""The attempt lifecycle over HTTP: start, autosave, resume, submit, review; tampering,
double submission, two windows and time limits."""

import datetime as dt
import json
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments import services
from assessments.models import Answer, Attempt
from lms.xapi import vocabulary
from lms.xapi.models import Statement
from tests.assessments.conftest import QUESTIONS, correct_form
from tests.conftest import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(make_user):
    return make_user("lerner@example.org")


@pytest.fixture
def client_in(client, learner):
    return log_in(client, learner)


def start(client, assessment, **data):
    response = client.post(reverse("assessments:start", args=[assessment.uuid]), data)
    assert response.status_code == 302, response.content[:500]
    return Attempt.objects.get(uuid=response.url.rstrip("/").split("/")[-1])


def statements(verb):
    return Statement.objects.filter(verb=verb.id)


def test_detail_page_and_start_and_resume(
    client_in, make_assessment, django_assert_max_num_queries
):
    assessment = make_assessment(time_limit_minutes=30)
    with django_assert_max_num_queries(12):
        response = client_in.get(reverse("assessments:detail", args=[assessment.uuid]))
    assert response.status_code == 200
    assert "Abschlusstest" in response.content.decode()
    attempt = start(client_in, assessment)
    again = start(client_in, assessment)
    assert again == attempt
    assert attempt.answers.count() == 7
    assert attempt.deadline == attempt.started_at + dt.timedelta(minutes=30)


def test_take_page_never_contains_correct_answers_or_feedback(
    client_in, make_assessment, django_assert_max_num_queries
):
    assessment = make_assessment()
    attempt = start(client_in, assessment)
    with django_assert_max_num_queries(14):
        response = client_in.get(attempt.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    for secret in (
        "Das ist die Begründungspflicht",  # option feedback
        "§ 35a VwVfG erlaubt ihn",  # general feedback
        "Richtig: unter den Bedingungen",  # true/false feedback
        "Datenminimierung",  # accepted answer
        "correct",
    ):
        assert secret not in html
    # Ordering items are not shown in the correct order.
    answer = attempt.answers.get(spec__type="ordering")
    keys = [i["key"] for i in answer.spec["items"]]
    assert answer.presented_order != keys
    positions = [html.index(f'__{key}"') for key in answer.presented_order]
    assert positions == sorted(positions)


def test_autosave_then_resume_after_reload(client_in, make_assessment):
    attempt = start(client_in, make_assessment())
    data = correct_form(attempt)
    response = client_in.post(
        reverse("assessments:autosave", args=[attempt.uuid]), {**data, "revision": 0}
    )
    assert response.status_code == 200
    assert response.json() == {"revision": 1, "saved": True, "answered": 7, "total": 7}
    html = client_in.get(attempt.get_absolute_url()).content.decode()
    single = attempt.answers.get(spec__type="single")
    key = single.response
    assert f'value="{key}" id="q_{single.question.uuid}-{key}" checked' in html
    assert 'value="25"' in html  # numeric answer shown again
    assert 'name="revision" value="1"' in html


def test_submit_scores_on_server_records_statements_and_evidence(
    client_in, learner, make_assessment
):
    assessment = make_assessment()
    attempt = start(client_in, assessment)
    data = {**correct_form(attempt), "action": "submit", "revision": 0}
    response = client_in.post(attempt.get_absolute_url(), data)
    assert response.status_code == 302
    assert response.url == reverse("assessments:result", args=[attempt.uuid])
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED
    assert attempt.score_raw == attempt.score_max == 12
    assert attempt.passed is True
    answered = statements(vocabulary.ANSWERED).filter(user=learner)
    assert answered.count() == 7
    sample = answered.filter(data__object__definition__interactionType="matching").get()
    assert sample.data["result"]["success"] is True
    assert sample.data["context"]["contextActivities"]["parent"][0]["id"].endswith(
        f"/assessment/{assessment.uuid}"
    )
    passed = statements(vocabulary.PASSED).get(user=learner)
    assert passed.data["result"]["score"] == {"raw": 12.0, "min": 0.0, "max": 12.0, "scaled": 1.0}
    assert passed.data["result"]["duration"].startswith("PT")
    evidence = {(e["competency"], e["level"]) for e in passed.evidence}
    assert evidence == {
        ("urn:test:qd:QD.1", "urn:test:level:2"),
        ("urn:test:qd:QD.2", "urn:test:level:3"),
    }
    # The review shows the solution and the feedback.
    html = client_in.get(response.url).content.decode()
    assert "Das ist die Begründungspflicht" not in html  # feedback only for chosen options
    assert "§ 35a VwVfG erlaubt ihn" in html
    assert "Bestanden" in html or "Passed" in html


def test_failed_attempt_has_no_evidence(client_in, learner, make_assessment):
    attempt = start(client_in, make_assessment())
    client_in.post(attempt.get_absolute_url(), {"action": "submit_anyway"})
    failed = statements(vocabulary.FAILED).get(user=learner)
    assert failed.data["result"]["success"] is False
    assert failed.evidence == []
    assert not statements(vocabulary.ANSWERED).exists()  # nothing answered


def test_double_submit_gives_one_result(client_in, learner, make_assessment):
    attempt = start(client_in, make_assessment())
    data = {**correct_form(attempt), "action": "submit"}
    first = client_in.post(attempt.get_absolute_url(), data)
    second = client_in.post(attempt.get_absolute_url(), data)
    assert first.status_code == second.status_code == 302
    assert statements(vocabulary.PASSED).filter(user=learner).count() == 1
    assert statements(vocabulary.ANSWERED).filter(user=learner).count() == 7
    assert Attempt.objects.filter(user=learner).count() == 1


def test_saving_a_submitted_attempt_is_refused(client_in, make_assessment):
    attempt = start(client_in, make_assessment())
    client_in.post(attempt.get_absolute_url(), {"action": "submit_anyway"})
    response = client_in.post(
        reverse("assessments:autosave", args=[attempt.uuid]), correct_form(attempt)
    )
    assert response.status_code == 409
    assert not Answer.objects.filter(attempt=attempt).exclude(response=None).exists()


def test_someone_elses_attempt_is_404(client, make_user, make_assessment):
    owner, intruder = make_user(), make_user()
    attempt = services.attempt_start(assessment=make_assessment(), user=owner)
    log_in(client, intruder)
    data = correct_form(attempt)
    assert client.get(attempt.get_absolute_url()).status_code == 404
    assert client.post(attempt.get_absolute_url(), {**data, "action": "submit"}).status_code == 404
    assert (
        client.post(reverse("assessments:autosave", args=[attempt.uuid]), data).status_code == 404
    )
    assert client.get(reverse("assessments:result", args=[attempt.uuid])).status_code == 404
    attempt.refresh_from_db()
    assert attempt.is_open and attempt.revision == 0


@pytest.mark.parametrize(
    "tamper",
    [
        lambda data, attempt: data.update({"q_00000000-0000-0000-0000-000000000000": "a"}),
        lambda data, attempt: data.update(
            {f"q_{attempt.answers.get(spec__type='single').question.uuid}": "zz"}
        ),
        lambda data, attempt: data.update(
            {f"q_{attempt.answers.get(spec__type='numeric').question.uuid}": "zwölf"}
        ),
        lambda data, attempt: data.update(
            {f"q_{attempt.answers.get(spec__type='true_false').question.uuid}": "maybe"}
        ),
        lambda data, attempt: data.update(
            {
                f"q_{attempt.answers.get(spec__type='ordering').question.uuid}__"
                f"{attempt.answers.get(spec__type='ordering').spec['items'][0]['key']}": "2"
            }
        ),
    ],
    ids=["unknown-question", "unknown-option", "not-a-number", "bad-boolean", "duplicate-position"],
)
def test_tampered_submission_stores_nothing(client_in, learner, make_assessment, tamper):
    attempt = start(client_in, make_assessment())
    data = correct_form(attempt)
    tamper(data, attempt)
    response = client_in.post(attempt.get_absolute_url(), {**data, "action": "submit"})
    assert response.status_code == 400
    autosave = client_in.post(reverse("assessments:autosave", args=[attempt.uuid]), data)
    assert autosave.status_code == 400
    assert autosave.json()["error"] in {"invalid", "unknown_question"}
    attempt.refresh_from_db()
    assert attempt.is_open and attempt.revision == 0
    assert not attempt.answers.exclude(response=None).exists()
    assert not Statement.objects.filter(user=learner).exists()


def test_stale_window_cannot_overwrite_newer_answers(client_in, make_assessment):
    attempt = start(client_in, make_assessment())
    name = f"q_{attempt.answers.get(spec__type='numeric').question.uuid}"
    url = reverse("assessments:autosave", args=[attempt.uuid])
    assert client_in.post(url, {name: "25", "revision": 0}).status_code == 200
    stale = client_in.post(url, {name: "99", "revision": 0})
    assert stale.status_code == 409
    assert attempt.answers.get(spec__type="numeric").response == 25.0
    stale_submit = client_in.post(
        attempt.get_absolute_url(), {name: "99", "revision": 0, "action": "submit"}
    )
    assert stale_submit.status_code == 409
    attempt.refresh_from_db()
    assert attempt.is_open


def test_time_limit_enforced_on_the_server(client_in, learner, make_assessment):
    assessment = make_assessment(time_limit_minutes=10)
    attempt = start(client_in, assessment)
    name = f"q_{attempt.answers.get(spec__type='numeric').question.uuid}"
    client_in.post(reverse("assessments:autosave", args=[attempt.uuid]), {name: "25"})
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=timezone.now() - dt.timedelta(minutes=11),
        deadline=timezone.now() - dt.timedelta(minutes=1),
    )
    late = client_in.post(attempt.get_absolute_url(), {**correct_form(attempt), "action": "submit"})
    assert late.status_code == 302
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.TIMED_OUT
    assert attempt.score_raw == 1  # only the numeric answer saved in time
    assert attempt.finished_at == attempt.deadline
    assert statements(vocabulary.FAILED).filter(user=learner).count() == 1
    # The statements are dated when the attempt ended (its deadline), not when it was closed.
    failed = statements(vocabulary.FAILED).get(user=learner)
    answered = statements(vocabulary.ANSWERED).filter(user=learner)
    assert failed.timestamp == attempt.deadline < failed.stored
    assert answered.exists() and {a.timestamp for a in answered} == {attempt.deadline}
    late_save = client_in.post(reverse("assessments:autosave", args=[attempt.uuid]), {name: "1"})
    assert late_save.status_code == 409


def test_expired_attempt_is_closed_when_the_learner_returns(client_in, make_assessment):
    attempt = start(client_in, make_assessment(time_limit_minutes=5))
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=timezone.now() - dt.timedelta(hours=2),
        deadline=timezone.now() - dt.timedelta(hours=1),
    )
    response = client_in.get(attempt.get_absolute_url())
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.TIMED_OUT


def test_maximum_attempts(client_in, make_assessment):
    assessment = make_assessment(max_attempts=2)
    for _ in range(2):
        attempt = start(client_in, assessment)
        client_in.post(attempt.get_absolute_url(), {"action": "submit_anyway"})
    response = client_in.post(reverse("assessments:start", args=[assessment.uuid]))
    assert response.status_code == 403
    assert Attempt.objects.filter(assessment=assessment).count() == 2


def test_course_context_token_is_carried_into_statements(client_in, learner, make_assessment):
    registration = uuid.uuid4()
    token = services.attempt_context_token(
        user=learner,
        parent_iri="https://qualifica-digitalis.example/xapi/activities/course/7",
        parent_name="Datenkompetenz",
        registration=registration,
    )
    assessment = make_assessment()
    page = client_in.get(reverse("assessments:detail", args=[assessment.uuid]), {"context": token})
    assert token in page.content.decode()
    attempt = start(client_in, assessment, context=token)
    client_in.post(attempt.get_absolute_url(), {**correct_form(attempt), "action": "submit"})
    passed = statements(vocabulary.PASSED).get(user=learner)
    assert passed.registration == registration
    assert passed.data["context"]["contextActivities"]["parent"][0]["id"].endswith("/course/7")
    answered = statements(vocabulary.ANSWERED).filter(user=learner).first()
    assert answered.data["context"]["contextActivities"]["grouping"][0]["id"].endswith("/course/7")


def test_forged_context_token_is_refused(client, make_user, make_assessment):
    owner, other = make_user(), make_user()
    token = services.attempt_context_token(
        user=owner, parent_iri="urn:x:course", parent_name="x", registration="0" * 32
    )
    log_in(client, other)
    assessment = make_assessment()
    response = client.post(reverse("assessments:start", args=[assessment.uuid]), {"context": token})
    assert response.status_code == 400
    assert not Attempt.objects.exists()
    tampered = client.post(
        reverse("assessments:start", args=[assessment.uuid]), {"context": token[:-2] + "xx"}
    )
    assert tampered.status_code == 400


def test_immediate_feedback_locks_the_checked_answer(client_in, learner, make_assessment):
    attempt = start(
        client_in, make_assessment(feedback_policy="immediate", solution_policy="every_attempt")
    )
    single = attempt.answers.get(spec__type="single")
    name = f"q_{single.question.uuid}"
    correct = next(o["key"] for o in single.spec["options"] if o["correct"])
    response = client_in.post(
        attempt.get_absolute_url(), {name: correct, "action": f"check:{name}"}
    )
    assert response.status_code == 302
    html = client_in.get(attempt.get_absolute_url()).content.decode()
    assert "§ 35a VwVfG erlaubt ihn" in html
    wrong = next(o["key"] for o in single.spec["options"] if not o["correct"])
    client_in.post(attempt.get_absolute_url(), {name: wrong, "action": "submit_anyway"})
    single.refresh_from_db()
    assert single.response == correct and single.score == 2
    assert statements(vocabulary.ANSWERED).filter(user=learner).count() == 1


def test_review_respects_feedback_policy_never(client_in, make_assessment):
    attempt = start(client_in, make_assessment(feedback_policy="never"))
    client_in.post(attempt.get_absolute_url(), {**correct_form(attempt), "action": "submit"})
    html = client_in.get(reverse("assessments:result", args=[attempt.uuid])).content.decode()
    assert "§ 35a VwVfG erlaubt ihn" not in html
    assert "Datenminimierung" not in html


def test_result_page_query_count_is_bounded(
    client_in, make_assessment, django_assert_max_num_queries
):
    attempt = start(client_in, make_assessment())
    client_in.post(attempt.get_absolute_url(), {**correct_form(attempt), "action": "submit"})
    with django_assert_max_num_queries(14):
        response = client_in.get(reverse("assessments:result", args=[attempt.uuid]))
    assert response.status_code == 200


def test_autosave_answers_json(client_in, make_assessment):
    attempt = start(client_in, make_assessment())
    response = client_in.post(reverse("assessments:autosave", args=[attempt.uuid]), {})
    assert json.loads(response.content) == {
        "revision": 0,
        "saved": True,
        "answered": 0,
        "total": 7,
    }


def test_form_error_is_shown_in_german(client_in, make_assessment):
    attempt = start(client_in, make_assessment())
    name = f"q_{attempt.answers.get(spec__type='numeric').question.uuid}"
    response = client_in.post(attempt.get_absolute_url(), {name: "zwölf", "action": "save"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Bitte geben Sie eine Zahl ein" in html
    assert 'value="zwölf"' in html


@pytest.mark.parametrize("size", [7, 35])
def test_take_and_save_query_counts_do_not_grow_with_the_assessment(
    client_in, bank, make_assessment, django_assert_max_num_queries, size
):
    extra = [
        services.question_create_from_data(bank=bank, data=QUESTIONS[i % len(QUESTIONS)])
        for i in range(size - 7)
    ]
    questions = list(bank.questions.order_by("pk")) + extra
    attempt = start(client_in, make_assessment(questions=questions[:size]))
    assert attempt.answers.count() == size
    with django_assert_max_num_queries(14):
        assert client_in.get(attempt.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(14):
        response = client_in.post(
            reverse("assessments:autosave", args=[attempt.uuid]), correct_form(attempt)
        )
    assert response.status_code == 200
    # Submitting stores every ``answered`` statement and the result in one insert; the
    # competency projection adds 2 (it locks the person and reads their report counts).
    form = {**correct_form(attempt), "action": "submit", "revision": 1}
    with django_assert_max_num_queries(30):
        assert client_in.post(attempt.get_absolute_url(), form).status_code == 302
    assert statements(vocabulary.ANSWERED).filter(user=attempt.user).count() == size


def test_rich_text_is_rendered_through_wagtails_rich_text_filter(client_in, bank, framework):
    """Stems, feedback and introductions were printed with ``|safe``: internal links
    (``<a linktype="page" id=…>``) reached the page unexpanded, without an address."""
    from wagtail.models import Page

    target = Page.objects.get(depth=2)
    link = f'<a linktype="page" id="{target.pk}">Merkblatt</a>'
    question = services.question_create_from_data(
        bank=bank,
        data={**QUESTIONS[2], "stem": f"<p>Siehe {link}.</p>", "feedback": f"<p>{link}</p>"},
    )
    assessment = services.assessment_create(
        title="Kurztest", questions=[question], introduction=f"<p>Vorher lesen: {link}</p>"
    )
    pages = [client_in.get(reverse("assessments:detail", args=[assessment.uuid]))]
    attempt = start(client_in, assessment)
    pages.append(client_in.get(attempt.get_absolute_url()))
    client_in.post(attempt.get_absolute_url(), {**correct_form(attempt), "action": "submit"})
    pages.append(client_in.get(reverse("assessments:result", args=[attempt.uuid])))
    for response in pages:
        html = response.content.decode()
        assert response.status_code == 200
        assert "Merkblatt" in html
        assert "linktype=" not in html, response.request["PATH_INFO"]
        assert f'href="{target.url}">Merkblatt</a>' in html
