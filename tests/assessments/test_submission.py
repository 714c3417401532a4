"""Submitting with unanswered questions asks first; untouched questions count as unanswered."""

import json

import pytest
from django.urls import reverse

from assessments.models import Attempt
from tests.assessments.conftest import correct_form
from tests.conftest import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_in(client, make_user):
    return log_in(client, make_user("lerner@example.org"))


def start(client, assessment):
    response = client.post(reverse("assessments:start", args=[assessment.uuid]))
    return Attempt.objects.get(uuid=response.url.rstrip("/").split("/")[-1])


def field(attempt, kind):
    return f"q_{attempt.answers.get(spec__type=kind).question.uuid}"


def test_submitting_with_unanswered_questions_asks_for_confirmation(
    client_in, make_assessment, django_assert_max_num_queries
):
    attempt = start(client_in, make_assessment())
    numeric = field(attempt, "numeric")
    with django_assert_max_num_queries(20):
        response = client_in.post(
            attempt.get_absolute_url(), {numeric: "25", "action": "submit", "revision": 0}
        )
    html = response.content.decode()
    assert response.status_code == 200
    assert "6 Fragen sind noch nicht beantwortet" in html
    assert 'value="submit_anyway"' in html
    assert "1 von 7 beantwortet" in html
    attempt.refresh_from_db()
    assert attempt.is_open
    # What was sent is saved, so nothing is lost while the person decides.
    assert attempt.answers.get(spec__type="numeric").response == 25
    response = client_in.post(
        attempt.get_absolute_url(),
        {numeric: "25", "action": "submit_anyway", "revision": attempt.revision},
    )
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert not attempt.is_open
    assert attempt.answers.filter(response__isnull=True).count() == 6


def test_a_complete_submission_is_not_asked_again(client_in, make_assessment):
    attempt = start(client_in, make_assessment())
    response = client_in.post(
        attempt.get_absolute_url(), {**correct_form(attempt), "action": "submit"}
    )
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.passed is True


def test_untouched_ordering_question_is_unanswered_not_wrong(client_in, make_assessment):
    attempt = start(client_in, make_assessment())
    ordering = attempt.answers.get(spec__type="ordering")
    name = f"q_{ordering.question.uuid}"
    html = client_in.get(attempt.get_absolute_url()).content.decode()
    # No position is pre-selected: the first option of each select is the empty one.
    for key in ordering.presented_order:
        select = html.split(f'id="{name}__{key}"', 1)[1].split("</select>", 1)[0]
        assert " selected" not in select
        assert '<option value="">' in select
    # The browser sends the untouched selects as empty values.
    data = {k: v for k, v in correct_form(attempt).items() if not k.startswith(name)}
    data.update({f"{name}__{key}": "" for key in ordering.presented_order})
    response = client_in.post(attempt.get_absolute_url(), {**data, "action": "submit"})
    assert "1 Frage ist noch nicht beantwortet" in response.content.decode()
    client_in.post(attempt.get_absolute_url(), {**data, "action": "submit_anyway"})
    ordering.refresh_from_db()
    assert ordering.response is None
    result = client_in.get(reverse("assessments:result", args=[attempt.uuid])).content.decode()
    assert "Nicht beantwortet" in result


def test_autosave_reports_the_answered_count(client_in, make_assessment):
    attempt = start(client_in, make_assessment())
    response = client_in.post(
        reverse("assessments:autosave", args=[attempt.uuid]),
        {field(attempt, "numeric"): "25", field(attempt, "short_text"): "Datenminimierung"},
    )
    body = json.loads(response.content)
    assert body["answered"] == 2 and body["total"] == 7
