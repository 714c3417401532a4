"""The content rules of docs/CONTENT.md hold for every demo lesson and question.

Pure data checks over both demo curricula: legal status and sources of every lesson, the
documented form of norm labels, review intervals, writing exercises, and the calibration of
question levels against their cognitive demand, their type, the course targets and the
DigComp 3.0 statements they name.
"""

import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from lms.demo.content import automated_decisions, data_literacy

ROOT = Path(__file__).resolve().parents[2]
DIGCOMP_FILE = ROOT / "competencies" / "data" / "digcomp-3.0-data-supplement-2025-11-24.jsonld"

COURSES = automated_decisions.COURSES + data_literacy.COURSES
LESSONS = [(course, lesson) for course in COURSES for lesson in course["lessons"]]

DEMAND_CAP = {"recall": 2, "understand": 2, "apply": 4, "evaluate": 5}
TYPE_CAP = {
    "true_false": 3,
    "short_text": 3,
    "numeric": 4,
    "ordering": 4,
    "matching": 4,
    "single": 5,
    "multiple": 5,
}
COMPOSITE = {"multiple", "ordering", "matching"}
BAND_LEVELS = {
    "Basic": {1, 2},
    "Intermediate": {3, 4},
    "Advanced": {5, 6},
    "Highly advanced": {7, 8},
}
OFFICIAL_HOSTS = (
    "www.gesetze-im-internet.de",
    "eur-lex.europa.eu",
    "curia.europa.eu",
    "oeil.europarl.europa.eu",
    "www.datenschutzkonferenz-online.de",
    "www-genesis.destatis.de",
)
# "§ 35a VwVfG", "§ 35 Abs. 1 SGB X", "§ 155 Abs. 4 AO", "Art. 22 DSGVO", "Art. 4 KI-VO"
NORM_LABEL = re.compile(
    r"^(§|Art\.) \d+[a-z]?( Abs\. \d+[a-z]?)? "
    r"(?P<law>[A-ZÄÖÜ][A-Za-zÄÖÜäöüß-]*( [IVX]+)?)$"
)
JUDGMENT_LABEL = re.compile(r"^[A-Za-zÄÖÜ]+, (Urt|Beschl)\. v\. \d{2}\.\d{2}\.\d{4}, \S+")


def _questions(course):
    """(question, in_final_assessment) for every question of a course."""
    found = [(q, True) for q in course["assessment"]["questions"]]
    found += [
        (value, False)
        for lesson in course["lessons"]
        for kind, value in lesson["blocks"]
        if kind == "knowledge_check"
    ]
    return found


QUESTIONS = [(course, q) for course in COURSES for q, _final in _questions(course)]


def _qid(item):
    course, q = item
    return f"{course['slug']}:{re.sub('<[^>]+>', '', q['stem'])[:40]}"


def _statements():
    graph = json.loads(DIGCOMP_FILE.read_text(encoding="utf-8"))["@graph"]
    return {
        node["@id"].split("/", 1)[1]: node
        for node in graph
        if node.get("@type") == "CompetenceStatement"
    }


# --------------------------------------------------------------------- legal status


@pytest.mark.parametrize("item", LESSONS, ids=lambda i: i[1]["slug"])
def test_every_lesson_has_a_legal_status_and_official_sources(item):
    _course, lesson = item
    checked = dt.date.fromisoformat(lesson["legal_status"])
    assert dt.date(2026, 1, 1) <= checked <= dt.date.today()
    sources = lesson["sources"]
    assert sources, lesson["slug"]
    for source in sources:
        assert set(source) == {"kind", "label", "url"}, source
        assert source["kind"] in {"norm", "judgment", "other"}
        assert source["label"].strip()
        url = urlsplit(source["url"])
        assert url.scheme == "https", source
        assert url.hostname in OFFICIAL_HOSTS, source
    assert any(s["kind"] in {"norm", "judgment"} for s in sources), lesson["slug"]


def test_norm_and_judgment_labels_follow_the_documented_form():
    for _course, lesson in LESSONS:
        for source in lesson["sources"]:
            if source["kind"] == "norm":
                assert NORM_LABEL.match(source["label"]), source["label"]
            elif source["kind"] == "judgment":
                assert JUDGMENT_LABEL.match(source["label"]), source["label"]
                assert urlsplit(source["url"]).hostname == "curia.europa.eu"


def test_a_norm_search_finds_every_lesson_citing_it():
    # The form makes labels comparable: "§ 31a SGB X" is cited in several lessons, always
    # spelled the same way, and never as "§31a SGB X" or "§ 31a SGB 10".
    citing = {
        lesson["slug"]
        for _course, lesson in LESSONS
        if any(s["label"] == "§ 31a SGB X" for s in lesson["sources"])
    }
    assert len(citing) >= 3
    labels = {s["label"] for _course, lesson in LESSONS for s in lesson["sources"]}
    assert not {label for label in labels if "§" in label and "§ " not in label}


def test_norm_label_form_rejects_other_spellings():
    for wrong in ("§35a VwVfG", "VwVfG § 35a", "Art 22 DSGVO", "§ 35a", "Artikel 4 KI-VO"):
        assert not NORM_LABEL.match(wrong), wrong
    for right in ("§ 35a VwVfG", "§ 35 Abs. 1 SGB X", "Art. 22 DSGVO", "Art. 4 KI-VO"):
        assert NORM_LABEL.match(right), right


@pytest.mark.parametrize("course", COURSES, ids=lambda c: c["slug"])
def test_every_course_has_a_review_interval(course):
    assert isinstance(course["review_interval_months"], int)
    assert 1 <= course["review_interval_months"] <= 24


@pytest.mark.parametrize("course", COURSES, ids=lambda c: c["slug"])
def test_every_course_has_a_writing_exercise(course):
    writing = [
        value
        for lesson in course["lessons"]
        for kind, value in lesson["blocks"]
        if kind == "case_study"
        and any(q.startswith(("Schreiben Sie", "Formulieren Sie")) for q in value["questions"])
    ]
    assert writing, course["slug"]
    for value in writing:
        assert len(re.sub("<[^>]+>", " ", value["model_answer"]).split()) >= 60


# ----------------------------------------------------------------- question levels


@pytest.mark.parametrize("item", QUESTIONS, ids=_qid)
def test_level_is_within_what_demand_and_type_support(item):
    _course, q = item
    assert q["demand"] in DEMAND_CAP
    assert 1 <= q["level"] <= min(DEMAND_CAP[q["demand"]], TYPE_CAP[q["type"]]), (
        q["demand"],
        q["type"],
        q["level"],
    )


def test_the_caps_reject_an_inflated_recall_item():
    # The rule the test above applies, on the kind of item the calibration corrected.
    inflated = {"type": "short_text", "demand": "recall", "level": 4}
    assert inflated["level"] > min(DEMAND_CAP["recall"], TYPE_CAP["short_text"])


@pytest.mark.parametrize("item", QUESTIONS, ids=_qid)
def test_composite_items_weigh_more_than_one_point(item):
    _course, q = item
    if q["type"] in COMPOSITE:
        assert q["points"] >= 2
    else:
        assert q["points"] >= 1


@pytest.mark.parametrize("course", COURSES, ids=lambda c: c["slug"])
def test_course_targets_are_evidenced_by_the_final_assessment(course):
    develops = dict(course["develops"])
    for q, _final in _questions(course):
        assert q["competency"] in develops, q["competency"]
        assert q["level"] <= develops[q["competency"]], (q["competency"], q["level"])
    final = {(q["competency"], q["level"]) for q in course["assessment"]["questions"]}
    for ref, level in develops.items():
        assert (ref, level) in final, (course["slug"], ref, level)


@pytest.mark.parametrize("item", QUESTIONS, ids=_qid)
def test_named_digcomp_statements_fit_competence_and_level(item):
    _course, q = item
    statements = _statements()
    named = q.get("digcomp_statements", [])
    if named:
        assert q["competency"].startswith("digcomp:")
    for identifier in named:
        node = statements[identifier]
        competence = node["competence_id"].split("/", 1)[1]
        assert q["competency"] == f"digcomp:{competence}", identifier
        band = node["four_levels_proficiency_name"].split("/", 1)[1]
        assert q["level"] in BAND_LEVELS[band], (identifier, band, q["level"])


def test_the_ai_course_maps_to_ai_statements_of_digcomp():
    course = next(c for c in COURSES if c["slug"] == "ki-verordnung-verwaltung")
    statements = _statements()
    named = {
        identifier
        for q, _final in _questions(course)
        for identifier in q.get("digcomp_statements", [])
    }
    assert {statements[i]["ai_label"] for i in named} == {"AI-Explicit"}
    assert {"CS1.2.10", "CS2.3.16"} <= named
    developed = {ref for ref, _level in course["develops"]}
    assert {"digcomp:1.2", "digcomp:2.3"} <= developed


def test_interaction_and_sharing_items_name_the_statement_they_evidence():
    # DigComp 2.1/2.2 are about digital channels and tools; an item mapped there must say
    # which statement it evidences, so plain-language or telephone items cannot drift in.
    mapped = [q for _course, q in QUESTIONS if q["competency"] in ("digcomp:2.1", "digcomp:2.2")]
    assert mapped
    for q in mapped:
        assert q.get("digcomp_statements"), q["stem"][:80]
