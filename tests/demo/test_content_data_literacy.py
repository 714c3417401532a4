"""Shape and consistency of the demo curriculum "Datenkompetenz in der Verwaltung".

Pure data checks, no database: the courses and assessments demo steps turn this data into
pages and questions, so every value must fit the documented shape (see
``lms/demo/content/__init__.py``) and the field limits of the blocks and models.
"""

import re
from html.parser import HTMLParser

import pytest

from assessments import scoring
from lms.demo.content.data_literacy import COURSES, CURRICULUM

EXPECTED_SLUGS = ["datenqualitaet-und-bias", "statistik-kritisch-lesen", "datenschutz-im-alltag"]
ROLES = {"sachbearbeitung", "fuehrungskraft", "it-digitalisierung", "nachwuchskraft", "datenschutz"}
BLOCK_TYPES = {
    "heading",
    "paragraph",
    "info_box",
    "case_study",
    "decision_explainer",
    "glossary_term",
    "knowledge_check",
}
QUESTION_TYPES = {
    "single",
    "multiple",
    "true_false",
    "numeric",
    "short_text",
    "ordering",
    "matching",
}
ALLOWED_TAGS = {"p", "strong", "em", "ul", "ol", "li", "a"}
REF = re.compile(r"^(qd:QD\.[1-8]|digcomp:[1-5]\.[1-6])$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
FORBIDDEN = re.compile(r"lorem|ipsum|\bTODO\b|\bTBD\b|\bFIXME\b|\bxxx\b|platzhalter", re.I)


class _TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []
        self.stack = []
        self.errors = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}>")
        else:
            self.stack.pop()


def _check_html(html, where):
    assert isinstance(html, str), where
    assert html.startswith("<") and html.strip(), where
    parser = _TagCollector()
    parser.feed(html)
    parser.close()
    assert not parser.errors, (where, parser.errors)
    assert not parser.stack, (where, f"unclosed {parser.stack}")
    assert set(parser.tags) <= ALLOWED_TAGS, (where, set(parser.tags) - ALLOWED_TAGS)


def _words(html):
    return len(re.sub(r"<[^>]+>", " ", html).split())


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _all_questions():
    for course in COURSES:
        for question in course["assessment"]["questions"]:
            yield course, question
        for lesson in course["lessons"]:
            for kind, value in lesson["blocks"]:
                if kind == "knowledge_check":
                    yield course, value


def _block_words(kind, value):
    if kind == "paragraph":
        return _words(value)
    return sum(_words(s) for s in _strings(value))


def test_curriculum_lists_the_three_courses_in_order():
    assert CURRICULUM["slug"] == "datenkompetenz"
    assert CURRICULUM["title"] == "Datenkompetenz in der Verwaltung"
    assert 2 <= CURRICULUM["description"].count(".") <= 6
    assert [c["slug"] for c in COURSES] == CURRICULUM["courses"] == EXPECTED_SLUGS


@pytest.mark.parametrize("course", COURSES, ids=lambda c: c["slug"])
def test_course_fields(course):
    assert SLUG.match(course["slug"])
    assert 0 < len(course["title"]) <= 200
    assert 0 < len(course["summary"]) <= 800
    assert len(course["objectives"]) >= 3
    for objective in course["objectives"]:
        assert objective.startswith("Sie können"), objective
        assert len(objective) <= 300
    assert 30 <= course["duration_minutes"] <= 240
    assert course["audience_roles"]
    assert set(course["audience_roles"]) <= ROLES
    assert course["develops"]
    for ref, level in course["develops"]:
        assert REF.match(ref), ref
        assert 1 <= level <= 8
    earlier = EXPECTED_SLUGS[: EXPECTED_SLUGS.index(course["slug"])]
    assert set(course["prerequisites"]) <= set(earlier)


@pytest.mark.parametrize("course", COURSES, ids=lambda c: c["slug"])
def test_lessons_are_substantive_and_varied(course):
    lessons = course["lessons"]
    assert 4 <= len(lessons) <= 5
    assert len({lesson["slug"] for lesson in lessons}) == len(lessons)
    for lesson in lessons:
        where = f"{course['slug']}/{lesson['slug']}"
        assert SLUG.match(lesson["slug"]), where
        assert 0 < len(lesson["title"]) <= 200, where
        assert 0 < len(lesson["summary"]) <= 600, where
        blocks = lesson["blocks"]
        assert 5 <= len(blocks) <= 12, where
        kinds = [kind for kind, _ in blocks]
        assert set(kinds) <= BLOCK_TYPES, where
        assert len(set(kinds)) >= 4, where
        assert {"case_study", "decision_explainer"} & set(kinds), where
        assert 1 <= kinds.count("knowledge_check") <= 2, where
        words = sum(_block_words(kind, value) for kind, value in blocks)
        assert 450 <= words <= 1200, (where, words)


def _check_block(kind, value, where):
    if kind == "heading":
        assert value["level"] in ("h2", "h3"), where
        assert 0 < len(value["text"]) <= 200, where
    elif kind == "paragraph":
        _check_html(value, where)
    elif kind == "info_box":
        assert value["kind"] in ("info", "hint", "warning", "law"), where
        assert 0 < len(value["title"]) <= 200, where
        _check_html(value["body"], where)
    elif kind == "case_study":
        assert 0 < len(value["title"]) <= 200, where
        _check_html(value["scenario"], where)
        _check_html(value["model_answer"], where)
        assert len(value["questions"]) >= 2, where
        assert all(0 < len(q) <= 500 for q in value["questions"]), where
    elif kind == "decision_explainer":
        assert 0 < len(value["title"]) <= 200, where
        assert 0 < len(value["decision"]) <= 500, where
        assert 0 < len(value["legal_basis"]) <= 500, where
        assert len(value["inputs"]) >= 2, where
        for item in value["inputs"]:
            assert 0 < len(item["label"]) <= 200 and 0 < len(item["value"]) <= 300, where
        assert len(value["rule_path"]) >= 2, where
        for step in value["rule_path"]:
            assert 0 < len(step["rule"]) <= 500 and 0 < len(step["outcome"]) <= 300, where
        _check_html(value["citizen_explanation"], where)
        assert 0 < len(value["human_review"]) <= 1000, where
    elif kind == "glossary_term":
        assert 0 < len(value["term"]) <= 200, where
        _check_html(value["definition"], where)
    elif kind == "knowledge_check":
        _check_question(value, where)
    else:  # pragma: no cover - guarded by test_lessons_are_substantive_and_varied
        pytest.fail(f"unknown block {kind} in {where}")


@pytest.mark.parametrize("course", COURSES, ids=lambda c: c["slug"])
def test_blocks_fit_their_shape(course):
    for lesson in course["lessons"]:
        for index, (kind, value) in enumerate(lesson["blocks"]):
            _check_block(kind, value, f"{course['slug']}/{lesson['slug']}#{index}")


@pytest.mark.parametrize("course", COURSES, ids=lambda c: c["slug"])
def test_every_lesson_has_a_law_box_or_a_case(course):
    # Law or statistics sources are named in text; at least one law box per course.
    kinds = [
        value["kind"]
        for lesson in course["lessons"]
        for kind, value in lesson["blocks"]
        if kind == "info_box"
    ]
    assert "law" in kinds


def _check_question(q, where):
    kind = q["type"]
    assert kind in QUESTION_TYPES, where
    _check_html(q["stem"], where)
    assert isinstance(q["points"], int) and 1 <= q["points"] <= 5, where
    assert REF.match(q["competency"]), where
    assert 1 <= q["level"] <= 8, where
    assert q["feedback"].strip(), where
    assert q["tags"] and all(SLUG.match(t) for t in q["tags"]), where
    if kind in ("single", "multiple"):
        options = q["options"]
        texts = [o["text"] for o in options]
        assert len(set(texts)) == len(texts) >= 3, where
        assert all(0 < len(t) <= 500 for t in texts), where
        assert all(o["feedback"].strip() for o in options), where
        correct = sum(1 for o in options if o["correct"] is True)
        assert all(isinstance(o["correct"], bool) for o in options), where
        if kind == "single":
            assert correct == 1, where
        else:
            assert 2 <= correct < len(options), where
    elif kind == "true_false":
        assert isinstance(q["correct"], bool), where
        assert q["feedback_true"].strip() and q["feedback_false"].strip(), where
    elif kind == "numeric":
        assert isinstance(q["answer"], float), where
        assert isinstance(q["tolerance"], float) and q["tolerance"] >= 0, where
        assert 0 < len(q["unit"]) <= 40, where
    elif kind == "short_text":
        accepted = [scoring.normalise_text(a) for a in q["accepted"]]
        assert accepted and len(set(accepted)) == len(accepted), where
        assert all(0 < len(a) <= 500 for a in accepted), where
    elif kind == "ordering":
        items = q["items"]
        assert len(items) >= 3 and len(set(items)) == len(items), where
        assert all(0 < len(i) <= 500 for i in items), where
    elif kind == "matching":
        pairs = q["pairs"]
        lefts = [p["left"] for p in pairs]
        rights = [p["right"] for p in pairs]
        assert len(pairs) >= 3, where
        assert len(set(lefts)) == len(lefts) and len(set(rights)) == len(rights), where
        assert all(0 < len(s) <= 500 for s in lefts + rights), where


@pytest.mark.parametrize("course", COURSES, ids=lambda c: c["slug"])
def test_final_assessment(course):
    assessment = course["assessment"]
    assert assessment["title"].startswith("Abschlusstest: ")
    assert 50 <= assessment["pass_mark_percent"] <= 100
    assert assessment["max_attempts"] >= 1
    assert assessment["time_limit_minutes"] >= 10
    questions = assessment["questions"]
    assert 8 <= len(questions) <= 12
    assert len({q["type"] for q in questions}) >= 4
    stems = [q["stem"] for q in questions]
    assert len(set(stems)) == len(stems)
    for index, question in enumerate(questions):
        _check_question(question, f"{course['slug']} question {index}")


@pytest.mark.parametrize("course", COURSES, ids=lambda c: c["slug"])
def test_questions_evidence_what_the_course_develops(course):
    develops = dict(course["develops"])
    questions = course["assessment"]["questions"] + [
        value
        for lesson in course["lessons"]
        for kind, value in lesson["blocks"]
        if kind == "knowledge_check"
    ]
    for question in questions:
        ref = question["competency"]
        assert ref in develops, (course["slug"], ref)
        assert question["level"] <= develops[ref], (course["slug"], ref, question["level"])
    # Every developed competency is evidenced at its target level by the final assessment.
    final = {(q["competency"], q["level"]) for q in course["assessment"]["questions"]}
    for ref, level in develops.items():
        assert (ref, level) in final, (course["slug"], ref, level)


def test_no_placeholders_anywhere():
    for text in _strings([CURRICULUM, COURSES]):
        assert not FORBIDDEN.search(text), text[:120]
        assert "  " not in text.strip() or "\n" in text, text[:120]


def test_question_stems_are_unique_across_the_curriculum():
    stems = [q["stem"] for _, q in _all_questions()]
    assert len(set(stems)) == len(stems)


def _spec(q):
    """The scoring spec the assessments app builds from a stored question."""
    spec = {"type": q["type"], "points": q["points"]}
    if q["type"] in ("single", "multiple"):
        spec["options"] = [
            {"key": f"o{i}", "text": o["text"], "correct": o["correct"]}
            for i, o in enumerate(q["options"])
        ]
    elif q["type"] == "true_false":
        spec["correct"] = q["correct"]
    elif q["type"] == "numeric":
        spec.update(answer=q["answer"], tolerance=q["tolerance"], unit=q["unit"])
    elif q["type"] == "short_text":
        spec["accepted"] = q["accepted"]
    elif q["type"] == "ordering":
        spec["items"] = [{"key": f"i{i}", "text": t} for i, t in enumerate(q["items"])]
    elif q["type"] == "matching":
        spec["pairs"] = [{"key": f"p{i}", **p} for i, p in enumerate(q["pairs"])]
    return spec


def _right_and_wrong(q, spec):
    kind = q["type"]
    if kind == "single":
        right = next(o["key"] for o in spec["options"] if o["correct"])
        wrong = next(o["key"] for o in spec["options"] if not o["correct"])
    elif kind == "multiple":
        right = [o["key"] for o in spec["options"] if o["correct"]]
        wrong = [o["key"] for o in spec["options"]]
    elif kind == "true_false":
        right, wrong = q["correct"], not q["correct"]
    elif kind == "numeric":
        right = scoring.parse_number(f"{q['answer']:.2f}".replace(".", ","))
        wrong = q["answer"] + q["tolerance"] + 1
    elif kind == "short_text":
        right, wrong = f"  {q['accepted'][0].upper()} ", "Verhältnismäßigkeit"
    elif kind == "ordering":
        right = [i["key"] for i in spec["items"]]
        wrong = right[::-1]
    else:
        keys = [p["key"] for p in spec["pairs"]]
        right = {k: k for k in keys}
        wrong = {k: keys[(n + 1) % len(keys)] for n, k in enumerate(keys)}
    return right, wrong


def test_answer_keys_score_as_intended():
    # The documented answer earns full points with the assessments app's scoring rules,
    # and a typical mistake earns less.
    for course, question in _all_questions():
        spec = _spec(question)
        right, wrong = _right_and_wrong(question, spec)
        scoring.validate_response(spec, right)
        result = scoring.score(spec, right)
        assert result.correct and result.score == question["points"], (course["slug"], question)
        assert scoring.score(spec, wrong).score < question["points"], (course["slug"], question)
