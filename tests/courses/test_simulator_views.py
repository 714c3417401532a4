"""The learner's walk through a decision simulator without JavaScript, and its records."""

import pytest

from courses import services
from lms.demo.content.simulators import PARKING
from lms.xapi import vocabulary
from lms.xapi.models import Statement
from tests.conftest import log_in

pytestmark = pytest.mark.django_db

GOOD = (
    "Sehr geehrter Herr Yilmaz, Sie erhalten den Bewohnerparkausweis nach § 45 Abs. 1b StVO. "
    "Sie wohnen mit Hauptwohnsitz im Gebiet, sind Halter des Fahrzeugs und haben 0 Ausweise. "
    "Sie können innerhalb eines Monats Widerspruch erheben. Telefon 0341 123-4567."
)


@pytest.fixture
def simulator_lesson(make_course):
    course = make_course(lessons=1)
    lesson = course.get_children().first().specific
    block = lesson.body.stream_block.child_blocks["decision_simulator"]
    lesson = services.lesson_block_append(
        lesson=lesson, block_type="decision_simulator", value=block.to_python(PARKING)
    )
    block_id = next(b.id for b in lesson.body if b.block_type == "decision_simulator")
    return lesson, block_id


def test_the_case_is_decided_on_the_server(client, learner, simulator_lesson):
    lesson, block_id = simulator_lesson
    log_in(client, learner)
    page = client.get(lesson.url).content.decode()
    assert "Erteilung des Bewohnerparkausweises" in page
    changed = client.get(
        lesson.url,
        {
            "sim": block_id,
            "in-hauptwohnsitz__shown": "1",
            "in-fahrzeug": "halter",
            "in-ausweise": "0",
        },
    ).content.decode()
    assert "Ablehnung: kein Bewohner des Gebiets" in changed
    assert '<ol class="decision__path simulator__path">' in changed
    bad = client.get(lesson.url, {"sim": block_id, "in-ausweise": "9"}).content.decode()
    assert "außerhalb des zulässigen Bereichs" in bad


def test_the_evaluation_endpoint_answers_json(client, learner, simulator_lesson):
    lesson, block_id = simulator_lesson
    log_in(client, learner)
    url = f"/learn/lessons/{lesson.pk}/simulators/{block_id}/evaluate/"
    data = client.get(
        url, {"sim": block_id, "in-fahrzeug": "keine", "in-hauptwohnsitz": "1"}
    ).json()
    assert data["result"] == "Ablehnung: kein Fahrzeug nachgewiesen"
    assert "Deciding facts" in data["html"] or "Entscheidende" in data["html"]


def test_an_explanation_is_checked_and_recorded_with_evidence_only_when_met(
    client, learner, simulator_lesson, django_assert_max_num_queries
):
    lesson, block_id = simulator_lesson
    log_in(client, learner)
    url = f"/learn/lessons/{lesson.pk}/simulators/{block_id}/explain/"
    case = {
        "sim": str(block_id),
        "explored": "3",
        "in-hauptwohnsitz": "1",
        "in-fahrzeug": "halter",
        "in-ausweise": "0",
    }
    response = client.post(url, {**case, "explanation": GOOD})
    assert response.status_code == 200
    assert "5 von 5" in response.content.decode() or "5 of 5" in response.content.decode()
    verbs = list(Statement.objects.order_by("stored").values_list("verb", flat=True))
    assert verbs[-2:] == [vocabulary.INTERACTED.id, vocabulary.ANSWERED.id]
    answered = Statement.objects.get(verb=vocabulary.ANSWERED.id)
    assert answered.data["result"]["response"] == GOOD
    assert answered.data["result"]["success"] is True
    explored = Statement.objects.get(verb=vocabulary.INTERACTED.id)
    ext = explored.data["result"]["extensions"]
    assert ext[vocabulary.EXT_SIMULATOR_EXPLORED] == 3

    weak = "Sie erhalten den Ausweis. Mehr kann ich dazu nicht sagen, tut mir leid."
    client.post(url, {**case, "explanation": weak})
    latest = Statement.objects.filter(verb=vocabulary.ANSWERED.id).order_by("-stored").first()
    assert latest.data["result"]["success"] is False
    assert vocabulary.EXT_COMPETENCY_EVIDENCE not in latest.data["result"]["extensions"]


def test_bad_input_gives_a_message_and_records_nothing(client, learner, simulator_lesson):
    lesson, block_id = simulator_lesson
    log_in(client, learner)
    url = f"/learn/lessons/{lesson.pk}/simulators/{block_id}/explain/"
    before = Statement.objects.count()
    response = client.post(url, {"sim": str(block_id), "in-ausweise": "x", "explanation": GOOD})
    assert response.status_code == 302
    response = client.post(url, {"sim": str(block_id), "explanation": "kurz"})
    assert response.status_code == 302
    assert Statement.objects.count() == before
