"""Builders for assessment tests: a tiny competency framework, banks, questions, assessments."""

import pytest

from assessments import services

QUESTIONS = [
    {
        "type": "single",
        "stem": "<p>Welche Rechtsnorm regelt den vollständig automatisierten Verwaltungsakt?</p>",
        "points": 2,
        "competency": "qd:QD.2",
        "level": 3,
        "feedback": "§ 35a VwVfG erlaubt ihn, wenn eine Rechtsvorschrift es zulässt.",
        "options": [
            {"text": "§ 35a VwVfG", "correct": True, "feedback": "Richtig."},
            {"text": "§ 39 VwVfG", "correct": False, "feedback": "Das ist die Begründungspflicht."},
            {"text": "Art. 4 KI-VO", "correct": False, "feedback": "Das ist KI-Kompetenz."},
        ],
    },
    {
        "type": "multiple",
        "stem": "<p>Welche Angaben gehören in eine Begründung nach § 39 VwVfG?</p>",
        "points": 2,
        "competency": "qd:QD.2",
        "level": 3,
        "options": [
            {"text": "Wesentliche tatsächliche Gründe", "correct": True},
            {"text": "Wesentliche rechtliche Gründe", "correct": True},
            {"text": "Der Quellcode des Systems", "correct": False},
            {"text": "Die Privatadresse der Sachbearbeitung", "correct": False},
        ],
    },
    {
        "type": "true_false",
        "stem": "<p>Ein Bescheid darf nie vollautomatisch ergehen.</p>",
        "points": 1,
        "competency": "qd:QD.1",
        "level": 2,
        "correct": False,
        "feedback_true": "Nicht ganz: § 35a VwVfG lässt es unter Bedingungen zu.",
        "feedback_false": "Richtig: unter den Bedingungen des § 35a VwVfG ist es zulässig.",
    },
    {
        "type": "numeric",
        "stem": "<p>Wie viel Prozent sind 45 von 180 Anträgen?</p>",
        "points": 1,
        "competency": "qd:QD.1",
        "level": 2,
        "answer": 25,
        "tolerance": 0.5,
        "unit": "%",
    },
    {
        "type": "short_text",
        "stem": "<p>Wie heißt der Grundsatz, nur nötige Daten zu erheben?</p>",
        "points": 1,
        "accepted": ["Datenminimierung", "Datensparsamkeit"],
    },
    {
        "type": "ordering",
        "stem": "<p>Bringen Sie die Schritte in die richtige Reihenfolge.</p>",
        "points": 2,
        "items": [
            "Antrag prüfen",
            "Bescheid erstellen",
            "Bescheid begründen",
            "Bescheid zustellen",
        ],
    },
    {
        "type": "matching",
        "stem": "<p>Ordnen Sie die Normen ihrem Inhalt zu.</p>",
        "points": 3,
        "pairs": [
            {"left": "§ 35a VwVfG", "right": "Vollautomatisierter Verwaltungsakt"},
            {"left": "§ 39 VwVfG", "right": "Begründungspflicht"},
            {"left": "Art. 22 DSGVO", "right": "Automatisierte Einzelentscheidung"},
        ],
    },
]


@pytest.fixture
def bank(framework):
    return services.question_bank_create(name="Automatisierte Entscheidungen")


@pytest.fixture
def questions(bank):
    return [services.question_create_from_data(bank=bank, data=data) for data in QUESTIONS]


@pytest.fixture
def make_assessment(questions):
    def make(**kwargs):
        kwargs.setdefault("title", "Abschlusstest: Automatisierte Entscheidungen erklären")
        kwargs.setdefault("questions", questions)
        kwargs.setdefault("shuffle_options", True)
        return services.assessment_create(**kwargs)

    return make


def correct_form(attempt):
    """Form data answering every question of ``attempt`` correctly."""
    data = {}
    for answer in attempt.answers.select_related("question").order_by("position"):
        spec, name = answer.spec, f"q_{answer.question.uuid}"
        kind = spec["type"]
        if kind == "single":
            data[name] = next(o["key"] for o in spec["options"] if o["correct"])
        elif kind == "multiple":
            data[name] = [o["key"] for o in spec["options"] if o["correct"]]
        elif kind == "true_false":
            data[name] = "true" if spec["correct"] else "false"
        elif kind == "numeric":
            data[name] = str(spec["answer"]).replace(".", ",")
        elif kind == "short_text":
            data[name] = spec["accepted"][0].upper()
        elif kind == "ordering":
            for i, item in enumerate(spec["items"], start=1):
                data[f"{name}__{item['key']}"] = str(i)
        elif kind == "matching":
            for pair in spec["pairs"]:
                data[f"{name}__{pair['key']}"] = pair["key"]
    return data
