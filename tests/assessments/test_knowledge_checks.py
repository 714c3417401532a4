"""Inline knowledge checks: the template tag renders no answers; the endpoint checks the
signed token, scores, answers with feedback and records ``answered`` under the lesson."""

import uuid

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from assessments import services
from lms.xapi import vocabulary
from lms.xapi.models import Statement
from tests.conftest import log_in

pytestmark = pytest.mark.django_db

LESSON = "https://qualifica-digitalis.example/xapi/activities/lesson/42"


def render_check(user, question, registration):
    request = RequestFactory().get("/learn/kurs/lektion/")
    request.user = user
    template = Template(
        "{% load assessments_tags %}{% knowledge_check question parent_iri registration %}"
    )
    return template.render(
        Context(
            {
                "request": request,
                "question": question,
                "parent_iri": LESSON,
                "registration": registration,
            }
        )
    )


def token_from(html):
    return html.split('name="token" value="', 1)[1].split('"', 1)[0]


def test_tag_renders_question_without_answers(make_user, questions):
    user = make_user()
    single = questions[0]
    html = render_check(user, single, uuid.uuid4())
    assert "Welche Rechtsnorm" in html
    assert "§ 35a VwVfG" in html  # the option text
    for secret in ("Richtig.", "Das ist die Begründungspflicht", "erlaubt ihn", "correct"):
        assert secret not in html
    assert f'action="{reverse("assessments:knowledge_check")}"' in html


def test_answer_is_scored_and_recorded_with_the_lesson_as_parent(client, make_user, questions):
    user = make_user()
    registration = uuid.uuid4()
    question = questions[0]
    token = token_from(render_check(user, question, registration))
    log_in(client, user)
    correct = next(o for o in question.options.all() if o.is_correct)
    response = client.post(
        reverse("assessments:knowledge_check"),
        {"token": token, f"q_{question.uuid}": correct.key},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["correct"] is True and body["score"] == 2
    assert "erlaubt ihn" in body["html"]
    statement = Statement.objects.get(user=user, verb=vocabulary.ANSWERED.id)
    assert statement.registration == registration
    assert statement.data["context"]["contextActivities"]["parent"][0]["id"] == LESSON
    assert statement.data["object"]["definition"]["interactionType"] == "choice"
    assert statement.data["result"]["response"] == correct.key


def test_without_javascript_a_feedback_page(client, make_user, questions):
    user = make_user()
    question = questions[4]  # short text
    token = token_from(render_check(user, question, None))
    log_in(client, user)
    response = client.post(
        reverse("assessments:knowledge_check"),
        {"token": token, f"q_{question.uuid}": "zweckbindung", "next": "/learn/kurs/lektion/"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Datenminimierung" in html  # the accepted answers, after answering
    assert 'href="/learn/kurs/lektion/"' in html


def test_someone_elses_token_is_refused(client, make_user, questions):
    owner, other = make_user(), make_user()
    question = questions[0]
    token = token_from(render_check(owner, question, None))
    log_in(client, other)
    response = client.post(
        reverse("assessments:knowledge_check"),
        {"token": token, f"q_{question.uuid}": question.options.first().key},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 400
    assert response.json()["error"] == "bad_token"
    assert not Statement.objects.exists()


@pytest.mark.parametrize(
    "tamper",
    ["forged", "other-question", "bad-value", "empty"],
)
def test_tampered_check_records_nothing(client, make_user, questions, tamper):
    user = make_user()
    question = questions[0]
    token = token_from(render_check(user, question, None))
    data = {"token": token, f"q_{question.uuid}": question.options.first().key}
    if tamper == "forged":
        data["token"] = token[:-3] + "abc"
    elif tamper == "other-question":
        data = {"token": token, f"q_{questions[1].uuid}": questions[1].options.first().key}
    elif tamper == "bad-value":
        data[f"q_{question.uuid}"] = "nope"
    else:
        del data[f"q_{question.uuid}"]
    log_in(client, user)
    response = client.post(reverse("assessments:knowledge_check"), data)
    assert response.status_code == 400
    assert not Statement.objects.exists()


def test_token_service_round_trip(make_user, questions):
    user = make_user()
    token = services.knowledge_check_token(
        user=user, question=questions[0], parent_iri=LESSON, registration=None
    )
    claims = services.knowledge_check_token_read(token=token, user=user)
    assert claims.parent_iri == LESSON and claims.question_id == questions[0].pk


def test_in_a_page_preview_an_answer_gets_feedback_and_nothing_is_recorded(
    client, make_user, questions
):
    user = make_user(groups=("Learner", "Trainer"))
    question = questions[0]
    request = RequestFactory().get("/cms/pages/1/edit/preview/")
    request.user = user
    template = Template(
        "{% load assessments_tags %}{% knowledge_check question iri None preview=True %}"
    )
    context = {"request": request, "question": question, "iri": LESSON}
    # Only a request Wagtail marked as a preview gets a preview token.
    ordinary = services.knowledge_check_token_read(
        token=token_from(template.render(Context(context))), user=user
    )
    assert not ordinary.preview
    request.is_preview = True
    token = token_from(template.render(Context(context)))
    assert services.knowledge_check_token_read(token=token, user=user).preview
    log_in(client, user)
    correct = next(o for o in question.options.all() if o.is_correct)
    response = client.post(
        reverse("assessments:knowledge_check"),
        {"token": token, f"q_{question.uuid}": correct.key},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200
    assert response.json()["correct"] is True
    assert not Statement.objects.filter(user=user).exists()
