"""The learner's walk through a decision simulator without JavaScript, and its records."""

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError

from competencies.models import Competency, Evidence, ProficiencyLevel
from courses import services
from courses.blocks import DecisionSimulatorBlock
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


def _with_simulator(lesson, value):
    lesson = lesson.specific
    block = lesson.body.stream_block.child_blocks["decision_simulator"]
    lesson = services.lesson_block_append(
        lesson=lesson, block_type="decision_simulator", value=block.to_python(value)
    )
    return lesson, next(b.id for b in lesson.body if b.block_type == "decision_simulator")


@pytest.mark.parametrize(("declared", "expected"), [(3, 3), (6, 4), (None, None)])
def test_evidence_at_the_declared_level_capped_by_the_course_only_when_met(
    declared, expected, client, learner, make_course, framework
):
    competency = Competency.objects.get(code="QD.1")
    level = ProficiencyLevel.objects.get(scale=framework.scale, rank=4)
    course = make_course(lessons=1, develops=[(competency, level)])
    lesson, block_id = _with_simulator(
        course.get_children().first(), {**PARKING, "evidence_rank": declared}
    )
    log_in(client, learner)
    url = f"/learn/lessons/{lesson.pk}/simulators/{block_id}/explain/"
    case = {"sim": str(block_id), "in-hauptwohnsitz": "1", "in-fahrzeug": "halter",
            "in-ausweise": "0"}  # fmt: skip
    client.post(url, {**case, "explanation": "Sie erhalten den Ausweis. Das ist alles, danke."})
    assert not Evidence.objects.filter(user=learner).exists()  # rubric not met
    client.post(url, {**case, "explanation": GOOD})
    ranks = list(Evidence.objects.filter(user=learner).values_list("rank", flat=True))
    assert ranks == ([expected] if expected else [])


def test_a_simulator_adds_no_queries_to_the_lesson_page(
    make_course, learner, client, django_assert_max_num_queries
):
    log_in(client, learner)
    plain = make_course(lessons=1).get_children().first()
    with_sim, _block_id = _with_simulator(make_course(lessons=1).get_children().first(), PARKING)
    client.get(plain.url)  # warm the session and the site's caches
    counts = []
    for lesson in (plain, with_sim):
        with django_assert_max_num_queries(40) as captured:
            assert client.get(lesson.url).status_code == 200
        counts.append([q["sql"] for q in captured.captured_queries])
    assert len(counts[0]) == len(counts[1]), "\n".join(counts[1])


def test_the_editor_refuses_a_table_with_authoring_errors():
    block = DecisionSimulatorBlock()
    gap = {**PARKING, "rules": PARKING["rules"][:-1]}  # the granting rule is missing
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(gap))
    messages = [str(e.message) for e in error.value.non_block_errors.as_data()]
    assert any("Keine Regel entscheidet den Fall" in m for m in messages), messages
    unknown = {**PARKING, "rules": [{**PARKING["rules"][0], "facts": "wohnort"}]}
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python(unknown))
    assert block.clean(block.to_python(PARKING))
