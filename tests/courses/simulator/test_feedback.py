"""Each feedback check with German texts that pass and fail."""

from courses.simulator import evaluate, feedback, rules
from lms.demo.content.simulators import PARKING

RULESET = rules.ruleset_from_data(PARKING)
DECISION = evaluate.evaluate(RULESET, RULESET.start_values())  # the permit is granted


def test_outcome():
    assert feedback.check_outcome("Sie erhalten den Ausweis.", DECISION).passed
    assert not feedback.check_outcome("Wir haben Ihren Antrag bearbeitet.", DECISION).passed


def test_legal_basis():
    assert feedback.check_legal_basis("Grundlage ist § 45 Abs. 1b StVO.", DECISION).passed
    assert not feedback.check_legal_basis("Grundlage ist die StVO.", DECISION).passed
    assert not feedback.check_legal_basis("Grundlage ist § 46 StVO.", DECISION).passed


def test_facts_of_this_case():
    good = (
        "Sie wohnen mit Hauptwohnsitz im Gebiet, sind Halter des Fahrzeugs und haben bisher "
        "0 Ausweise erhalten."
    )
    check = feedback.check_facts(good, RULESET, DECISION)
    assert check.passed, check.detail
    check = feedback.check_facts("Sie wohnen im Gebiet.", RULESET, DECISION)
    assert not check.passed
    assert "Bereits erteilte Bewohnerparkausweise" in check.detail


def test_remedy_and_deadline():
    assert feedback.check_remedy(
        "Sie können innerhalb eines Monats nach Bekanntgabe Widerspruch erheben."
    ).passed
    assert not feedback.check_remedy("Sie können Widerspruch erheben.").passed
    assert not feedback.check_remedy("Bitte antworten Sie innerhalb eines Monats.").passed


def test_contact():
    assert feedback.check_contact("Fragen? Telefon 0341 123-4567.").passed
    assert feedback.check_contact("Schreiben Sie an buergerbuero@stadt.example.").passed
    assert not feedback.check_contact("Mit freundlichen Grüßen").passed


def test_plain_language_measures_flag_a_bureaucratic_text_and_pass_a_plain_one():
    plain = "Sie bekommen den Ausweis. Sie wohnen im Gebiet. Das Auto gehört Ihnen."
    heavy = (
        "Nach erfolgter Überprüfung der Antragsunterlagen hinsichtlich der Erfüllung der "
        "Voraussetzungen zur Erteilung einer Parkberechtigungsbescheinigung wurde seitens der "
        "Straßenverkehrsbehörde festgestellt, dass die Ausstellung der Bescheinigung "
        "aufgrund der Nichtvorlage der Zulassungsbescheinigung abgelehnt wurde."
    )
    ok = {m.key: m.ok for m in feedback.measures(plain)}
    assert all(ok.values()), ok
    bad = {m.key: m.ok for m in feedback.measures(heavy)}
    assert bad == {
        "sentence_length": False,
        "long_words": False,
        "passive": False,
        "nominal": False,
        "wstf": False,
    }
    assert feedback.measures("") == ()


def test_rubric_minimum_decides_whether_the_explanation_passes():
    text = (
        "Sie erhalten den Bewohnerparkausweis nach § 45 Abs. 1b StVO. Sie wohnen mit "
        "Hauptwohnsitz im Gebiet, sind Halter des Fahrzeugs und haben 0 Ausweise."
    )
    result = feedback.assess(text, RULESET, DECISION, minimum=4)
    assert result.score == 3 and not result.passed
    result = feedback.assess(
        text + " Widerspruch ist innerhalb eines Monats möglich. Telefon 0341 123-4567.",
        RULESET,
        DECISION,
        minimum=4,
    )
    assert result.score == 5 and result.passed


def test_the_editor_preview_renders_the_block_without_a_request():
    from courses.blocks import DecisionSimulatorBlock

    block = DecisionSimulatorBlock()
    html = block.render(block.to_python(block.meta.preview_value))
    assert "Ausweis erteilt" in html and "<ol" in html
    assert "data-simulator-explain" not in html  # no lesson: nothing to submit
