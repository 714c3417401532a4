"""Small builders for courses: a course index, courses with lessons, learners."""

import pytest

from courses import services
from lms.home.services import site_root_ensure

SAMPLE_BODY = [
    ("heading", {"text": "Woher Verwaltungsdaten kommen", "level": "h2"}),
    (
        "paragraph",
        "<p>Verwaltungsdaten entstehen im Vollzug: Sie zeigen, <strong>wer</strong> einen "
        "Antrag stellt – nicht, wer anspruchsberechtigt wäre.</p>",
    ),
    (
        "info_box",
        {
            "kind": "law",
            "title": "§ 35a VwVfG",
            "body": "<p>Ein Verwaltungsakt kann vollständig durch automatische Einrichtungen "
            "erlassen werden, sofern dies durch Rechtsvorschrift zugelassen ist.</p>",
        },
    ),
    (
        "case_study",
        {
            "title": "Die Wohngeldstatistik des Referats 11",
            "scenario": "<p>Die Zahl der Anträge sinkt, die Ablehnungsquote steigt.</p>",
            "questions": ["Welche Gruppen fehlen in den Daten?", "Was sagt die Quote aus?"],
            "model_answer": "<p>Die Daten zeigen nur Antragstellende; wer keinen Antrag "
            "stellt, bleibt unsichtbar.</p>",
        },
    ),
    (
        "decision_explainer",
        {
            "title": "Automatisierte Ablehnung eines Wohngeldantrags",
            "decision": "Der Antrag wird abgelehnt.",
            "legal_basis": "§ 35a VwVfG i. V. m. dem Wohngeldgesetz",
            "inputs": [{"label": "Gesamteinkommen", "value": "2.450 € monatlich"}],
            "rule_path": [{"rule": "Einkommen über der Höchstgrenze?", "outcome": "Ja"}],
            "citizen_explanation": "<p>Ihr Einkommen liegt über der Höchstgrenze.</p>",
            "human_review": "Bei Freitextangaben prüft eine Sachbearbeiterin den Fall.",
        },
    ),
    (
        "glossary_term",
        {"term": "Stichprobe", "definition": "<p>Eine Auswahl aus einer Grundgesamtheit.</p>"},
    ),
]


@pytest.fixture
def course_index(db):
    home = site_root_ensure()
    return services.course_index_create_or_update(
        parent=home, title="Kurse", slug="kurse", intro="<p>Alle Kurse der Akademie.</p>"
    )


@pytest.fixture
def make_course(course_index):
    counter = {"n": 0}

    def make(*, lessons=3, title=None, audience_roles=(), duration_minutes=90, **kwargs):
        counter["n"] += 1
        n = counter["n"]
        course = services.course_create_or_update(
            index=course_index,
            title=title or f"Datenqualität verstehen {n}",
            slug=f"kurs-{n}",
            summary="Wie Verwaltungsdaten entstehen und wo sie verzerrt sind.",
            objectives=["Sie können Verzerrungen in Verwaltungsdaten erkennen."],
            duration_minutes=duration_minutes,
            audience_roles=audience_roles,
            **kwargs,
        )
        for index in range(lessons):
            services.lesson_create_or_update(
                course=course,
                title=f"Lektion {index + 1}: Datenquellen",
                slug=f"lektion-{index + 1}",
                summary="Woher die Zahlen stammen.",
                body=SAMPLE_BODY,
            )
        return course

    return make


@pytest.fixture
def learner(make_user, make_role):
    return make_user("lea@example.org", job_roles=[make_role()])


TRUE_FALSE = {
    "type": "true_false",
    "stem": "<p>Ein Bescheid darf nie vollautomatisch ergehen.</p>",
    "points": 1,
    "competency": "qd:QD.1",
    "level": 2,
    "correct": False,
    "feedback_true": "Nicht ganz: § 35a VwVfG lässt es unter Bedingungen zu.",
    "feedback_false": "Richtig: unter den Bedingungen des § 35a VwVfG ist es zulässig.",
}


@pytest.fixture
def question(framework):
    from assessments import services as assessment_services

    bank = assessment_services.question_bank_create(name="Wissenschecks")
    return assessment_services.question_create_from_data(bank=bank, data=TRUE_FALSE)


@pytest.fixture
def final_assessment(question):
    from assessments import services as assessment_services

    return assessment_services.assessment_create(
        title="Abschlusstest: Automatisierte Bescheide", questions=[question], pass_mark_percent=100
    )


@pytest.fixture
def root_collection(db):
    """Wagtail's root collection (transactional tests elsewhere may have flushed it)."""
    from wagtail.models import Collection

    return Collection.get_first_root_node() or Collection.add_root(name="Root")
