"""Every question in the demo content files becomes a valid question through the services."""

import importlib
import pkgutil

import pytest

import lms.demo.content as content_package
from assessments import scoring, services
from competencies.demo import load_frameworks

pytestmark = pytest.mark.django_db


def content_questions():
    for module_info in pkgutil.iter_modules(content_package.__path__):
        module = importlib.import_module(f"{content_package.__name__}.{module_info.name}")
        for course in getattr(module, "COURSES", []):
            for data in course["assessment"]["questions"]:
                yield course["slug"], "final", data
            for lesson in course["lessons"]:
                for block_type, value in lesson["blocks"]:
                    if block_type == "knowledge_check":
                        yield course["slug"], lesson["slug"], value


def full_marks_response(spec):
    kind = spec["type"]
    if kind == "single":
        return next(o["key"] for o in spec["options"] if o["correct"])
    if kind == "multiple":
        return [o["key"] for o in spec["options"] if o["correct"]]
    if kind == "true_false":
        return bool(spec["correct"])
    if kind == "numeric":
        return float(spec["answer"])
    if kind == "short_text":
        return spec["accepted"][0]
    if kind == "ordering":
        return [i["key"] for i in spec["items"]]
    return {p["key"]: p["key"] for p in spec["pairs"]}


def test_all_demo_questions_are_valid_and_scorable():
    load_frameworks()
    bank = services.question_bank_create(name="Demo-Inhalte")
    found = list(content_questions())
    assert found, "the demo content has no questions"
    for course, where, data in found:
        question = services.question_create_from_data(bank=bank, data=data)
        spec = question.spec()
        assert scoring.spec_problems(spec) == [], (course, where, data["stem"])
        assert scoring.score(spec, full_marks_response(spec)).correct, (course, where)
        if where == "final":
            assert question.competency is not None and question.level is not None, (
                course,
                data["stem"],
            )


def test_each_course_has_a_final_assessment_of_eight_questions_and_four_types():
    for module_info in pkgutil.iter_modules(content_package.__path__):
        module = importlib.import_module(f"{content_package.__name__}.{module_info.name}")
        for course in getattr(module, "COURSES", []):
            questions = course["assessment"]["questions"]
            assert len(questions) >= 8, course["slug"]
            assert len({q["type"] for q in questions}) >= 4, course["slug"]
            assert all(q.get("feedback") for q in questions), course["slug"]
