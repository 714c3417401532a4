"""Corrections from the second legal read of the demo curricula stay corrected.

Each test pins one statement to its corrected form (Rechtsstand 4 December 2026), so that
an edit cannot bring the earlier, incomplete or wrong one back.
"""

import re

from lms.demo.content import automated_decisions, data_literacy


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


def test_the_omnibus_is_cited_as_published_and_the_citation_is_hedged():
    timeline = _text(_lesson("ki-system-rollen-und-zeitplan"))
    assert "Verordnung (EU) 2026/1744" in timeline
    assert "27. Juli 2026" in timeline
    # The citation comes from secondary literature; the lesson says so.
    assert "nur anhand von Fachveröffentlichungen" in timeline
    assert "nicht geprüft" not in timeline
    labels = [s["label"] for s in _lesson("ki-system-rollen-und-zeitplan")["sources"]]
    assert any("2026/1744" in label for label in labels)


def test_the_marking_grace_period_for_generative_systems_ends_on_2_december_2026():
    timeline = _text(_lesson("ki-system-rollen-und-zeitplan"))
    assert "Art. 50 Abs. 2 mit Art. 111 Abs. 4" in timeline
    assert automated_decisions.LEGAL_STATUS == "2026-12-04"


def test_birthday_example_uses_figures_that_fit_its_premise():
    lesson = _text(_lesson("fehlende-werte-und-dubletten"))
    # Several hundred namesakes of one year would make a match for a given person
    # likely (about 56 % at 300), so the example no longer assumes them.
    assert "einigen Hundert Personen gleichen Namens" not in lesson
    assert "zehn weitere Anna Schmidts" in lesson and "rund 3 %" in lesson
    assert "bei 40 Personen bei rund 89 %" in lesson


def test_section_25_beeg_is_dated_to_its_current_version():
    lesson = _text(_lesson("zweckbindung-once-only"))
    assert "§ 25 BEEG in der seit dem 1. November 2024 geltenden Fassung" in lesson
    assert "zuvor eingewilligt" in lesson


def test_co_determination_on_monitoring_systems_is_described_as_restricted():
    lesson = _lesson("pflichten-der-behoerde-als-betreiberin")
    text = _text(lesson)
    assert "nach § 75 Abs. 3 BPersVG nur eine Empfehlung" in text
    labels = [s["label"] for s in lesson["sources"]]
    assert "§ 75 Abs. 3 BPersVG" in labels


def test_transfers_for_criminal_proceedings_are_graded_by_the_offence():
    text = _text(_lesson("sozialgeheimnis"))
    assert "richterlicher Anordnung (§ 73 Abs. 3 SGB X)" in text
    assert "Straftat von erheblicher Bedeutung (§ 73 Abs. 1 und 2 SGB X)" in text
    assert "§ 69 Abs. 1 Nr. 2 SGB X" in text


def test_human_review_of_objections_is_argued_not_overstated():
    text = _text(_lesson("widerspruch-und-einspruch"))
    assert "mit Art. 22 DSGVO nicht vereinbar" not in text
    assert "Art. 22 Abs. 2 Buchst. b DSGVO" in text


def test_the_pending_data_omnibus_is_named_and_hedged():
    text = _text(_lesson("zweckbindung-once-only"))
    assert "Data Act (Verordnung (EU) 2023/2854) gilt seit dem 12. September 2025" in text
    assert "mit dem digitalen Omnibus vorgeschlagen" in text
    assert "konnte bei Redaktionsschluss (4. Dezember 2026) nicht geprüft werden" in text
