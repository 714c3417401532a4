"""The legal and statistical corrections of the demo curricula stay corrected.

Each test pins one statement that a legal review found wrong or out of date (Rechtsstand
4 December 2026) to its corrected form, so that an edit cannot bring the old one back.
"""

import re
from pathlib import Path

from lms.demo.content import automated_decisions, data_literacy

ROOT = Path(__file__).resolve().parents[2]
CMI5_EXERCISE = ROOT / "lms" / "packages" / "demo_content" / "datenqualitaet_uebung"


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from _strings(value)


def _text(node) -> str:
    """All text of a node, tags removed, whitespace normalised."""
    return " ".join(re.sub(r"<[^>]+>", " ", " ".join(_strings(node))).split())


def _lesson(slug):
    for course in automated_decisions.COURSES + data_literacy.COURSES:
        for lesson in course["lessons"]:
            if lesson["slug"] == slug:
                return lesson
    raise LookupError(slug)


def _course(slug):
    return next(c for c in automated_decisions.COURSES + data_literacy.COURSES if c["slug"] == slug)


def _question(stem_start):
    for course in automated_decisions.COURSES + data_literacy.COURSES:
        questions = list(course["assessment"]["questions"]) + [
            v for lesson in course["lessons"] for k, v in lesson["blocks"] if k == "knowledge_check"
        ]
        for q in questions:
            if re.sub(r"<[^>]+>", "", q["stem"]).startswith(stem_start):
                return q
    raise LookupError(stem_start)


ALL = [automated_decisions.CURRICULUM, automated_decisions.COURSES]
ALL_DL = [data_literacy.CURRICULUM, data_literacy.COURSES]


# 1 ------------------------------------------------------------------ AI Act timeline


def test_annex_iii_obligations_are_dated_as_amended_by_the_omnibus():
    for text in _strings(ALL):
        plain = _text(text)
        if "Anhang III" in plain and "2. August 2026" in plain:
            # The original date appears only next to the amended one.
            assert "2. Dezember 2027" in plain, plain[:200]
    timeline = _text(_lesson("ki-system-rollen-und-zeitplan"))
    assert "2. Dezember 2027: Pflichten für Hochrisiko-Systeme nach Anhang III" in timeline
    assert "2. August 2028" in timeline
    assert "16. Juni 2026" in timeline and "29. Juni 2026" in timeline


def test_the_omnibus_is_not_presented_as_a_mere_proposal():
    for text in _strings(ALL):
        plain = _text(text)
        if "Omnibus" in plain and "vorgeschlagen" in plain:
            assert "Beschlossen" in plain or "angenommen" in plain, plain[:200]


def test_article_4_new_prohibitions_and_article_86_follow_the_amended_act():
    literacy = _text(_lesson("menschliche-aufsicht-und-ki-kompetenz"))
    assert "Maßnahmen zur Förderung der KI-Kompetenz" in literacy
    assert "ausreichendes Maß an KI-Kompetenz" in literacy  # named as the original wording
    assert "ursprünglichen Fassung" in literacy
    risk = _text(_lesson("risikoklassen-und-hochrisiko-systeme"))
    assert "2. Dezember 2026" in risk and "intime Darstellungen" in risk
    explanation = _text(_lesson("recht-auf-erlaeuterung-art-86"))
    assert "Ab wann gilt Art. 86?" in explanation
    assert "2. August 2026" in explanation and "noch nicht geklärt" in explanation


# 2-4 ------------------------------------------------ reasons, discretion, forecasts


def test_parallel_provisions_are_not_called_identical():
    for text in _strings(ALL + ALL_DL):
        plain = _text(text).casefold()
        assert not re.search(r"(?<!nicht )inhaltsgleich", plain), plain[:120]
    reasons = _text(_lesson("begruendungspflicht-und-ausnahmen"))
    assert "nicht inhaltsgleich" in reasons
    assert "§ 35 Abs. 1 Satz 3 SGB X muss" in reasons
    assert "soweit dies zu seinem Verständnis erforderlich ist" in reasons


def test_section_39_vwvfg_says_soll_not_muss():
    text = _text(ALL)
    assert "muss nach § 39 Abs. 1 Satz 3 VwVfG" not in text
    assert "soll nach § 39 Abs. 1 Satz 3 VwVfG" in text


def test_discretion_rule_is_scoped_to_section_35a_vwvfg():
    lesson = _text(_lesson("wann-ein-mensch-entscheiden-muss"))
    assert "nur für § 35a VwVfG" in lesson
    assert "§ 155 Abs. 4 AO erlaubt nach Satz 2 Nr. 2" in lesson
    item = _question("Nach § 35a VwVfG darf ein Programm eine Ermessensentscheidung")
    assert item["correct"] is False


def test_forecasts_are_not_taught_as_a_margin_of_appreciation():
    lesson = _text(_lesson("wann-ein-mensch-entscheiden-muss"))
    assert "oder Prognoseentscheidungen" not in lesson
    assert "von den Gerichten voll überprüfbar" in lesson


# 5-8 ------------------------------------------------ social benefits, Annex III, C-203/22


def test_schufa_transfer_is_an_argument_and_section_31a_is_named():
    lesson = _text(_lesson("artikel-22-dsgvo"))
    assert "fehlt eine Rechtsvorschrift, die eine solche Steuerung" not in lesson
    assert "keine Entscheidung des Gerichtshofs" in lesson
    assert "aber nicht entschieden" in lesson
    assert "§ 66 SGB I" in lesson and "§ 31a SGB X" in lesson


def test_annex_iii_comes_before_article_6_3():
    lesson = _text(_lesson("risikoklassen-und-hochrisiko-systeme"))
    assert "in jedem Fall ein Hochrisiko-System" not in lesson
    assert "Für (c) ist zuerst Anhang III Nr. 5 Buchst. a zu prüfen" in lesson
    assert "macht also kein System hochriskant, das nicht schon in Anhang III" in lesson


def test_one_rule_for_documenting_adoptions_and_deviations():
    text = _text(ALL)
    assert "Abweichungen nicht rechtfertigen" not in text
    assert "beim Übernehmen ebenso wie beim Abweichen" in text


def test_c_203_22_holding_and_freedom_of_information():
    lesson = _text(_lesson("informationen-ueber-die-logik"))
    assert "Über die Herausgabe von Quellcode hat der Gerichtshof nicht entschieden" in lesson
    assert "Informationsfreiheitsgesetz" in lesson
    assert "Einen Anspruch auf den Quellcode gibt die DSGVO nach der Rechtsprechung" not in lesson


# 9-12 ------------------------------------------ terms, figures, Once-Only, data breaches


def test_no_outdated_benefit_name_and_the_2026_commuting_allowance():
    assert "Bürgergeld" not in _text(ALL + ALL_DL)
    writing = _text(_lesson("verstaendlich-schreiben"))
    assert "0,38 € ab dem ersten Kilometer" in writing


def test_once_only_names_section_25_beeg_prior_consent_and_elfe():
    lesson = _text(_lesson("zweckbindung-once-only"))
    assert "§ 25 BEEG" in lesson and "zuvor eingewilligt" in lesson and "ELFE" in lesson


def test_social_data_breaches_go_to_the_supervising_authority_too():
    lesson = _text(_lesson("datenpannen-und-sichere-kommunikation"))
    assert "§ 83a SGB X" in lesson and "Rechts- oder Fachaufsichtsbehörde" in lesson
    item = _question("Eine E-Mail mit Sozialdaten ging an eine falsche Adresse")
    assert any("§ 83a SGB X" in step for step in item["items"])


def test_transfer_for_related_criminal_proceedings_is_explained():
    lesson = _text(_lesson("sozialgeheimnis"))
    assert "§ 69 Abs. 1 Nr. 2 SGB X" in lesson and "ohne richterliche Anordnung" in lesson
    police = _question("Ein Polizeibeamter bittet telefonisch")
    wrong = next(o for o in police["options"] if not o["correct"])
    assert "§ 69 Abs. 1 Nr. 2 SGB X" in wrong["feedback"]


# 13-15 ------------------------------------------------------------- statistics, terms


def test_duplicate_names_are_explained_with_the_birthday_paradox():
    lesson = _text(_lesson("fehlende-werte-und-dubletten"))
    assert "mit hoher Wahrscheinlichkeit" not in lesson
    assert "Geburtstagsparadoxon" in lesson


def test_confidence_interval_is_defined_without_the_classic_misreading():
    lesson = _text(_lesson("unsicherheit-und-quellen"))
    assert "mit einer festgelegten Sicherheit" not in lesson
    assert "halbe Breite" in lesson
    assert "nicht die Wahrscheinlichkeit, dass dieses eine Intervall" in lesson
    assert "Eine Fehlermarge lässt sich streng genommen gar nicht angeben" in lesson


def test_data_minimisation_is_not_equated_with_datensparsamkeit():
    item = _question("Wie heißt der Grundsatz nach Art. 5 Abs. 1 lit. c DSGVO")
    assert "Datensparsamkeit" not in item["accepted"]
    assert "meint dasselbe" not in item["feedback"]


def test_cmi5_exercise_says_richtigkeit_and_gives_feedback_per_case():
    page = (CMI5_EXERCISE / "index.html").read_text(encoding="utf-8")
    script = (CMI5_EXERCISE / "uebung.js").read_text(encoding="utf-8")
    assert "Korrektheit" not in page and "Richtigkeit" in page
    for case in ("fall1", "fall2", "fall3"):
        assert f'id="rueckmeldung-{case}"' in page
        assert f"{case}:" in script.split("var WHY", 1)[1]


def test_gender_fair_terms_in_running_text():
    text = _text(ALL_DL)
    for term in ("Grundsicherungsempfängers", "den falschen Empfänger", "solchen Empfänger."):
        assert term not in text, term


# 16 ------------------------------------------------------------------- question keys


def test_question_keys_are_unambiguous():
    logic = _question("Eine Bürgerin verlangt Auskunft nach Art. 15 Abs. 1 DSGVO")
    assert "Buchst. g" in logic["stem"] and "Buchst. h" in logic["stem"]
    remedies = _question("Ordnen Sie jedem Bescheid den richtigen Rechtsbehelf zu.")
    assert "Widerspruchsverfahren für das Wohngeld beibehalten" in remedies["stem"]
    channel = _question("Ein Bürger möchte einen Wohngeldbescheid am Telefon")
    assert any("24. November 2021" in o["feedback"] for o in channel["options"])
    term = _question("Wie nennt man den Vorgang, bei dem ein Fall gezielt")
    assert "Ausleitung" not in term["accepted"]
    dimensions = _question("Ordnen Sie jedem Befund aus der Kfz-Zulassungsstelle")
    assert not any("14.500" in p["left"] for p in dimensions["pairs"])
    proxies = _question("Welche der folgenden Merkmale können in einem Prüfmodell")
    assert not any(o["text"] == "Aktenzeichen des Antrags" for o in proxies["options"])
    causes = _question("Ordnen Sie jeder Beobachtung die wahrscheinlichste")
    assert not any("Beschwerdemanagement" in p["left"] for p in causes["pairs"])


# 17-18 ------------------------------------------------ examples and missing topics


def test_examples_are_land_and_municipal_tasks():
    text = _text(ALL)
    for federal in ("Kindergeld", "Kfz-Steuer", "Kinderzuschlag"):
        assert federal not in text, federal


def test_missing_topics_are_covered():
    text = _text(ALL + ALL_DL)
    for needle in (
        "§ 28 Abs. 2 Nr. 4 VwVfG",
        "§ 24 Abs. 2 Nr. 4 SGB X",
        "§ 91 Abs. 2 Nr. 4 AO",
        "§ 80 Abs. 1 Nr. 21 BPersVG",
        "BremPersVG",
        "Generative KI im Arbeitsalltag",
        "§ 12a EGovG",
        "Data Governance Act",
        "Data Act",
        "MCC-AI",
        "EVB-IT",
    ):
        assert needle in text, needle


def test_the_ai_course_still_develops_ai_literacy_at_advanced_level():
    develops = dict(_course("ki-verordnung-verwaltung")["develops"])
    assert develops["qd:QD.8"] == 5
