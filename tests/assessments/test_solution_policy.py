"""The answer key of a graded test stays hidden while the person may try again."""

import pytest
from django.urls import reverse

from assessments.models import Attempt
from tests.assessments.conftest import correct_form
from tests.conftest import log_in

pytestmark = pytest.mark.django_db

# What would give the key away: an accepted short answer, the correct option's text in the
# "correct answer" list, option feedback, the general explanation, the correct order.
KEYS = (
    "Datensparsamkeit",
    "Das ist die Begründungspflicht",
    "§ 35a VwVfG erlaubt ihn",
    "Accepted answers",
    "Akzeptierte Antworten",
    "Richtige Antwort",
    "Richtige Reihenfolge",
)


@pytest.fixture
def client_in(client, make_user):
    return log_in(client, make_user("lerner@example.org"))


def start(client, assessment):
    response = client.post(reverse("assessments:start", args=[assessment.uuid]))
    assert response.status_code == 302
    return Attempt.objects.get(uuid=response.url.rstrip("/").split("/")[-1])


def wrong_form(attempt):
    """Every question answered, the short text and the single choice wrongly."""
    data = correct_form(attempt)
    for answer in attempt.answers.select_related("question"):
        name = f"q_{answer.question.uuid}"
        if answer.spec["type"] == "short_text":
            data[name] = "Falsch"
        elif answer.spec["type"] == "single":
            data[name] = next(o["key"] for o in answer.spec["options"] if not o["correct"])
        elif answer.spec["type"] == "multiple":
            data[name] = [o["key"] for o in answer.spec["options"] if not o["correct"]]
    return data


def submit(client, attempt, data):
    response = client.post(attempt.get_absolute_url(), {**data, "action": "submit"})
    assert response.status_code == 302, response.content[:300]
    return client.get(reverse("assessments:result", args=[attempt.uuid])).content.decode()


def test_failed_attempt_with_attempts_left_shows_marks_but_no_key(client_in, make_assessment):
    assessment = make_assessment(max_attempts=3, pass_mark_percent=90)
    attempt = start(client_in, assessment)
    html = submit(client_in, attempt, wrong_form(attempt))
    attempt.refresh_from_db()
    assert attempt.passed is False
    for key in KEYS:
        assert key not in html, key
    # The person still sees which answers were right and what they answered.
    assert "Nicht richtig" in html and "Richtig" in html
    assert "Falsch" in html
    assert "sobald Sie den Test bestanden" in html


def test_keys_are_shown_after_passing(client_in, make_assessment):
    attempt = start(client_in, make_assessment(max_attempts=3))
    html = submit(client_in, attempt, correct_form(attempt))
    assert "Datensparsamkeit" in html
    assert "§ 35a VwVfG erlaubt ihn" in html


def test_keys_are_shown_after_the_last_attempt_and_on_earlier_results(client_in, make_assessment):
    assessment = make_assessment(max_attempts=2, pass_mark_percent=90)
    first = start(client_in, assessment)
    first_html = submit(client_in, first, wrong_form(first))
    assert "Datensparsamkeit" not in first_html
    second = start(client_in, assessment)
    # While the second attempt is open, the first result still holds the key back.
    open_html = client_in.get(reverse("assessments:result", args=[first.uuid])).content.decode()
    assert "Datensparsamkeit" not in open_html
    html = submit(client_in, second, wrong_form(second))
    assert "Datensparsamkeit" in html
    assert "Das ist die Begründungspflicht" in html
    earlier = client_in.get(reverse("assessments:result", args=[first.uuid])).content.decode()
    assert "Datensparsamkeit" in earlier


def test_unlimited_attempts_show_the_key_only_after_passing(client_in, make_assessment):
    assessment = make_assessment(max_attempts=0, pass_mark_percent=90)
    attempt = start(client_in, assessment)
    assert "Datensparsamkeit" not in submit(client_in, attempt, wrong_form(attempt))


def test_policy_every_attempt_shows_the_key_at_once(client_in, make_assessment):
    assessment = make_assessment(solution_policy="every_attempt", pass_mark_percent=90)
    attempt = start(client_in, assessment)
    assert "Datensparsamkeit" in submit(client_in, attempt, wrong_form(attempt))


def test_policy_never_keeps_the_key_even_after_passing(client_in, make_assessment):
    attempt = start(client_in, make_assessment(solution_policy="never"))
    html = submit(client_in, attempt, correct_form(attempt))
    assert "Datensparsamkeit" not in html
    assert "Richtig" in html


def test_immediate_check_marks_the_answer_without_the_key(client_in, make_assessment):
    attempt = start(client_in, make_assessment(feedback_policy="immediate"))
    single = attempt.answers.get(spec__type="single")
    name = f"q_{single.question.uuid}"
    wrong = next(o["key"] for o in single.spec["options"] if not o["correct"])
    client_in.post(attempt.get_absolute_url(), {name: wrong, "action": f"check:{name}"})
    html = client_in.get(attempt.get_absolute_url()).content.decode()
    assert "Nicht richtig" in html
    assert "§ 35a VwVfG erlaubt ihn" not in html
    assert "Das ist die Begründungspflicht" not in html


def test_result_offers_a_new_attempt_by_post(client_in, make_assessment):
    assessment = make_assessment(max_attempts=3, pass_mark_percent=90)
    attempt = start(client_in, assessment)
    html = submit(client_in, attempt, wrong_form(attempt))
    start_url = reverse("assessments:start", args=[assessment.uuid])
    assert f'action="{start_url}"' in html and "csrfmiddlewaretoken" in html
    response = client_in.post(start_url)
    assert response.status_code == 302
    assert Attempt.objects.filter(assessment=assessment).count() == 2
