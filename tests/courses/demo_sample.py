"""A small German sample in the shape of ``lms.demo.content`` (tests only)."""

from tests.courses.conftest import SAMPLE_BODY, TRUE_FALSE

CURRICULUM = {
    "slug": "datenkompetenz-probe",
    "title": "Datenkompetenz in der Verwaltung",
    "description": "Daten lesen, prüfen und schützen.",
    "courses": ["datenqualitaet", "statistik-lesen"],
}


# The first lesson of each course carries the optional legal-status keys; the others
# show that they may be absent.
LEGAL = {
    "legal_status": "2026-12-04",
    "sources": [
        {
            "kind": "norm",
            "label": "§ 35a VwVfG",
            "url": "https://www.gesetze-im-internet.de/vwvfg/__35a.html",
        },
        {
            "kind": "judgment",
            "label": "EuGH, Urt. v. 07.12.2023, C-634/21 (SCHUFA)",
            "url": "https://curia.europa.eu/juris/liste.jsf?num=C-634/21",
        },
    ],
}


def _lessons(prefix):
    return [
        {
            "slug": f"{prefix}-{n}",
            "title": f"Lektion {n}",
            "summary": "Woher Verwaltungsdaten kommen.",
            "blocks": [*SAMPLE_BODY, ("knowledge_check", TRUE_FALSE)],
            **(LEGAL if n == 1 else {}),
        }
        for n in range(1, 5)
    ]


COURSES = [
    {
        "slug": "datenqualitaet",
        "title": "Datenqualität und Verzerrungen",
        "summary": "Wie Verwaltungsdaten entstehen und wo sie verzerrt sind.",
        "objectives": ["Sie können Verzerrungen erkennen."],
        "duration_minutes": 90,
        "audience_roles": ["sachbearbeitung"],
        "develops": [("qd:QD.1", 3)],
        "validity_months": 24,
        "prerequisites": [],
        "review_interval_months": 6,
        "lessons": _lessons("dq"),
        "assessment": {
            "title": "Abschlusstest: Datenqualität",
            "pass_mark_percent": 50,
            "max_attempts": 2,
            "time_limit_minutes": 20,
            "questions": [TRUE_FALSE],
        },
    },
    {
        "slug": "statistik-lesen",
        "title": "Statistiken kritisch lesen",
        "summary": "Diagramme und Kennzahlen prüfen, bevor man ihnen glaubt.",
        "objectives": ["Sie erkennen irreführende Diagramme."],
        "duration_minutes": 60,
        "audience_roles": ["sachbearbeitung", "fuehrungskraft"],
        "develops": [("qd:QD.2", 2)],
        "prerequisites": ["datenqualitaet"],
        "lessons": _lessons("st"),
    },
]
