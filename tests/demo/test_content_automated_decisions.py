"""The demo curriculum "Automatisierte Entscheidungen erklären" has the documented shape.

Pure data checks, no database: the shape of ``lms/demo/content/__init__.py``, the limits
of the lesson blocks and question fields, internally consistent questions, competency
references that exist, and enough substance per lesson.
"""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from competencies.demo_framework import QD_COMPETENCIES
from lms.demo.content import automated_decisions as content
from lms.demo.people import JOB_ROLES

ROOT = Path(__file__).resolve().parents[2]
DIGCOMP_FILE = ROOT / "competencies" / "data" / "digcomp-3.0-data-supplement-2025-11-24.jsonld"

EXPECTED_COURSES = [
    "vollautomatisierte-verwaltungsakte",
    "entscheidungen-erklaeren",
    "ki-verordnung-verwaltung",
]
ROLE_CODES = {code for code, _name, _description in JOB_ROLES}
QD_CODES = {code for code, *_rest in QD_COMPETENCIES}
QUESTION_TYPES = {
    "single",
    "multiple",
    "true_false",
    "numeric",
    "short_text",
    "ordering",
    "matching",
}
BLOCK_TYPES = {
    "heading",
    "paragraph",
    "info_box",
    "case_study",
    "decision_explainer",
    "glossary_term",
    "knowledge_check",
}
ALLOWED_TAGS = {"p", "strong", "em", "ul", "ol", "li", "a"}
REF = re.compile(r"^(qd:QD\.[1-8]|digcomp:[1-5]\.[1-6])$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
FORBIDDEN = re.compile(r"lorem|ipsum|todo|tbd|fixme|xxx|platzhalter", re.IGNORECASE)


def digcomp_codes() -> set[str]:
    graph = json.loads(DIGCOMP_FILE.read_text(encoding="utf-8"))["@graph"]
    return {n["@id"].split("/", 1)[1] for n in graph if n.get("@type") == "Competence"}


class _RichTextChecker(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}> not allowed")
        if tag == "a" and not dict(attrs).get("href"):
            self.problems.append("link without href")
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"unbalanced </{tag}>")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def rich_text(html: str) -> str:
    """Assert ``html`` is well-formed rich text with block-level root; return its text."""
    assert isinstance(html, str) and html.strip(), "empty rich text"
    assert html.lstrip().startswith(("<p>", "<ul>", "<ol>")), html[:60]
    checker = _RichTextChecker()
    checker.feed(html)
    checker.close()
    assert not checker.problems, (checker.problems, html[:80])
    assert not checker.stack, ("unclosed tags", checker.stack, html[:80])
    return " ".join(checker.text)


def plain(text: str, limit: int | None = None) -> str:
    assert isinstance(text, str) and text.strip(), "empty text"
    assert "<" not in text, f"plain text field contains markup: {text[:60]}"
    if limit is not None:
        assert len(text) <= limit, f"longer than {limit}: {text[:60]}"
    return text


def block_text(block_type: str, value) -> str:
    """Validate one lesson block against the documented shape and field limits."""
    if block_type == "heading":
        assert set(value) == {"text", "level"}
        assert value["level"] in ("h2", "h3")
        return plain(value["text"], 200)
    if block_type == "paragraph":
        return rich_text(value)
    if block_type == "info_box":
        assert set(value) == {"kind", "title", "body"}
        assert value["kind"] in ("info", "hint", "warning", "law")
        return plain(value["title"], 200) + " " + rich_text(value["body"])
    if block_type == "case_study":
        assert set(value) == {"title", "scenario", "questions", "model_answer"}
        assert len(value["questions"]) >= 2
        parts = [plain(value["title"], 200), rich_text(value["scenario"])]
        parts += [plain(q, 500) for q in value["questions"]]
        parts.append(rich_text(value["model_answer"]))
        return " ".join(parts)
    if block_type == "decision_explainer":
        keys = {"title", "decision", "legal_basis", "inputs", "rule_path"}
        keys |= {"citizen_explanation", "human_review"}
        assert set(value) == keys
        assert len(value["inputs"]) >= 3 and len(value["rule_path"]) >= 2
        parts = [
            plain(value["title"], 200),
            plain(value["decision"], 500),
            plain(value["legal_basis"], 500),
        ]
        for item in value["inputs"]:
            assert set(item) == {"label", "value"}
            parts += [plain(item["label"], 200), plain(item["value"], 300)]
        for step in value["rule_path"]:
            assert set(step) == {"rule", "outcome"}
            parts += [plain(step["rule"], 500), plain(step["outcome"], 300)]
        parts.append(rich_text(value["citizen_explanation"]))
        parts.append(plain(value["human_review"], 1000))
        return " ".join(parts)
    if block_type == "glossary_term":
        assert set(value) == {"term", "definition"}
        return plain(value["term"], 200) + " " + rich_text(value["definition"])
    if block_type == "knowledge_check":
        return question_text(value)
    raise AssertionError(f"unknown block type {block_type}")


def question_text(q) -> str:
    """Validate one QUESTION dict: common keys and internal consistency per type."""
    kind = q["type"]
    assert kind in QUESTION_TYPES
    assert REF.match(q["competency"]), q["competency"]
    assert isinstance(q["level"], int) and 1 <= q["level"] <= 8
    assert isinstance(q["points"], int) and q["points"] >= 1
    assert all(isinstance(t, str) and t for t in q.get("tags", []))
    parts = [rich_text(q["stem"]), plain(q["feedback"])]
    if kind in ("single", "multiple"):
        options = q["options"]
        assert len(options) >= 3
        correct = [o for o in options if o["correct"] is True]
        assert all(isinstance(o["correct"], bool) for o in options)
        if kind == "single":
            assert len(correct) == 1, q["stem"]
        else:
            assert 1 <= len(correct) < len(options), q["stem"]
        assert len({o["text"] for o in options}) == len(options)
        for o in options:
            parts += [plain(o["text"], 500), plain(o["feedback"])]
    elif kind == "true_false":
        assert isinstance(q["correct"], bool)
        parts += [plain(q["feedback_true"]), plain(q["feedback_false"])]
    elif kind == "numeric":
        assert isinstance(q["answer"], float)
        assert isinstance(q["tolerance"], float) and q["tolerance"] >= 0
        assert len(q.get("unit", "")) <= 40
    elif kind == "short_text":
        normalised = [" ".join(a.split()).casefold() for a in q["accepted"]]
        assert normalised and all(normalised)
        assert len(set(normalised)) == len(normalised)
        parts += q["accepted"]
    elif kind == "ordering":
        items = q["items"]
        assert len(items) >= 3 and len(set(items)) == len(items)
        parts += [plain(i, 500) for i in items]
    elif kind == "matching":
        pairs = q["pairs"]
        assert len(pairs) >= 3
        assert len({p["left"] for p in pairs}) == len(pairs)
        assert len({p["right"] for p in pairs}) == len(pairs)
        for p in pairs:
            assert set(p) == {"left", "right"}
            parts += [plain(p["left"], 500), plain(p["right"], 500)]
    return " ".join(parts)


def words(text: str) -> int:
    return len(re.findall(r"\w[\w.,§-]*", text))


def test_curriculum_lists_the_three_courses_in_order():
    curriculum = content.CURRICULUM
    assert curriculum["slug"] == "automatisierte-entscheidungen"
    assert curriculum["title"] == "Automatisierte Entscheidungen erklären"
    assert 2 <= curriculum["description"].count(".") <= 6
    assert curriculum["courses"] == EXPECTED_COURSES
    assert [c["slug"] for c in content.COURSES] == EXPECTED_COURSES


@pytest.mark.parametrize("course", content.COURSES, ids=lambda c: c["slug"])
def test_course_metadata(course):
    assert SLUG.match(course["slug"]) and len(course["slug"]) <= 80
    plain(course["title"], 200)
    assert len(plain(course["summary"], 800)) >= 150
    assert len(course["objectives"]) >= 3
    for objective in course["objectives"]:
        assert plain(objective, 300).startswith("Sie ")
    assert 30 <= course["duration_minutes"] <= 240
    assert course["audience_roles"] and set(course["audience_roles"]) <= ROLE_CODES
    assert course["develops"]
    for ref, level in course["develops"]:
        assert REF.match(ref) and 1 <= level <= 8
    earlier = EXPECTED_COURSES[: EXPECTED_COURSES.index(course["slug"])]
    assert set(course["prerequisites"]) <= set(earlier)


def test_competency_references_exist():
    known = {f"qd:{code}" for code in QD_CODES} | {f"digcomp:{c}" for c in digcomp_codes()}
    for course in content.COURSES:
        refs = {ref for ref, _level in course["develops"]}
        questions = list(course["assessment"]["questions"])
        questions += [
            value
            for lesson in course["lessons"]
            for block_type, value in lesson["blocks"]
            if block_type == "knowledge_check"
        ]
        assert refs <= known, refs - known
        for q in questions:
            assert q["competency"] in known, q["competency"]


@pytest.mark.parametrize("course", content.COURSES, ids=lambda c: c["slug"])
def test_lessons_are_substantive_and_varied(course):
    lessons = course["lessons"]
    assert 4 <= len(lessons) <= 5
    assert len({lesson["slug"] for lesson in lessons}) == len(lessons)
    develops = dict(course["develops"])
    for lesson in lessons:
        assert SLUG.match(lesson["slug"]) and len(lesson["slug"]) <= 80
        plain(lesson["title"], 200)
        plain(lesson["summary"], 600)
        types = [block_type for block_type, _value in lesson["blocks"]]
        assert set(types) <= BLOCK_TYPES
        assert 5 <= len(types) <= 12, (lesson["slug"], len(types))
        assert len(set(types)) >= 4, lesson["slug"]
        assert {"case_study", "decision_explainer"} & set(types), lesson["slug"]
        assert 1 <= types.count("knowledge_check") <= 2, lesson["slug"]
        assert types[0] == "heading"
        text = " ".join(block_text(t, v) for t, v in lesson["blocks"])
        assert 450 <= words(text) <= 1300, (lesson["slug"], words(text))
        for block_type, value in lesson["blocks"]:
            if block_type == "knowledge_check":
                assert value["level"] <= develops[value["competency"]]


@pytest.mark.parametrize("course", content.COURSES, ids=lambda c: c["slug"])
def test_final_assessment(course):
    assessment = course["assessment"]
    assert plain(assessment["title"], 200).startswith("Abschlusstest: ")
    assert 50 <= assessment["pass_mark_percent"] <= 100
    assert assessment["max_attempts"] >= 1
    assert assessment["time_limit_minutes"] > 0
    questions = assessment["questions"]
    assert 8 <= len(questions) <= 12
    assert len({q["type"] for q in questions}) >= 4
    assert len({q["stem"] for q in questions}) == len(questions)
    develops = dict(course["develops"])
    for q in questions:
        question_text(q)
        assert q["competency"] in develops, q["competency"]
        assert q["level"] <= develops[q["competency"]]
    assert {q["competency"] for q in questions} == set(develops)


def test_no_placeholder_text_anywhere():
    dump = json.dumps([content.CURRICULUM, content.COURSES], ensure_ascii=False)
    assert not FORBIDDEN.search(dump), FORBIDDEN.search(dump).group(0)

    def strings(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for value in node.values():
                yield from strings(value)
        elif isinstance(node, (list, tuple)):
            for value in node:
                yield from strings(value)

    for text in strings([content.CURRICULUM, content.COURSES]):
        assert text.strip(" .…<>/p") != "", f"empty or elided text: {text!r}"
