"""Demo course content, as plain data, written in German for real trainers and learners.

The courses and assessments demo steps turn this data into Wagtail pages, question banks
and assessments through the same services a trainer uses. The shape of the data:

CURRICULUM = {
    "slug": "datenkompetenz",                      # stable identifier
    "title": "Datenkompetenz in der Verwaltung",
    "description": "…",                            # 2–4 sentences
    "courses": ["slug-a", "slug-b", "slug-c"],     # in the recommended order
}

COURSES = [{
    "slug": "datenqualitaet-und-bias",
    "title": "…",
    "summary": "…",                                # 2–3 sentences for the catalogue
    "objectives": ["…", "…"],                      # learning objectives, "Sie können …"
    "duration_minutes": 90,
    "audience_roles": ["sachbearbeitung", …],      # job role codes (see lms/demo/people.py)
    "develops": [("qd:QD.2", 3), ("digcomp:1.2", 4)],   # (competency ref, level 1–8)
    "prerequisites": [],                           # slugs of other courses
    "review_interval_months": 12,                  # how often the content owner reviews it
    "validity_months": 24,                         # optional: completions expire after this
    "lessons": [{
        "slug": "…", "title": "…", "summary": "…",
        "blocks": [(block_type, value), …],        # see BLOCKS below
        "legal_status": "2026-12-04",              # Rechtsstand: ISO date the law was checked
        "sources": [SOURCE, …],                    # norms and judgments the lesson relies on
    }, …],                                         # at least four lessons
    "assessment": {
        "title": "Abschlusstest: …",
        "pass_mark_percent": 70, "max_attempts": 3, "time_limit_minutes": 30,
        "questions": [QUESTION, …],                # at least 8, at least four types
    },
}]

BLOCKS (value shapes; rich text is an HTML string using p, strong, em, ul, ol, li, a):
    ("heading", {"text": "…", "level": "h2"})                  # level h2 or h3
    ("paragraph", "<p>…</p>")
    ("info_box", {"kind": "info"|"hint"|"warning"|"law", "title": "…", "body": "<p>…</p>"})
    ("case_study", {"title": "…", "scenario": "<p>…</p>", "questions": ["…", …],
                    "model_answer": "<p>…</p>"})
    ("decision_explainer", {"title": "…", "decision": "…", "legal_basis": "…",
                            "inputs": [{"label": "…", "value": "…"}, …],
                            "rule_path": [{"rule": "…", "outcome": "…"}, …],
                            "citizen_explanation": "<p>…</p>",
                            "human_review": "…"})               # when a person must decide
    ("glossary_term", {"term": "…", "definition": "<p>…</p>"})
    ("knowledge_check", QUESTION)                               # ungraded, in the lesson

SOURCE (one norm, judgment or other official document):
    {"kind": "norm"|"judgment"|"other", "label": "…", "url": "https://…"}
    Norm labels name the provision, then the law's abbreviation, so that a search for a norm
    finds every lesson citing it: "§ 35a VwVfG", "§ 35 Abs. 1 SGB X", "Art. 22 DSGVO",
    "Art. 4 KI-VO". Judgment labels: "EuGH, Urt. v. 07.12.2023, C-634/21 (SCHUFA)". URLs
    point to official texts (gesetze-im-internet.de, eur-lex.europa.eu, curia.europa.eu,
    Land portals, the European Parliament's Legislative Observatory).

QUESTION (common keys: "type", "stem" (HTML), "points", "competency" (ref), "level" (1–8),
"demand", "feedback" (general feedback shown after answering), "tags"):
    "demand": "recall"|"understand"|"apply"|"evaluate"   # cognitive demand of the item;
                                                          # caps its level, see docs/CONTENT.md
    "digcomp_statements": ["CS2.3.16", …]                # optional: DigComp 3.0 statements the
                                                          # item evidences (same competence)
    single / multiple: "options": [{"text": "…", "correct": bool, "feedback": "…"}, …]
    true_false:        "correct": bool, "feedback_true": "…", "feedback_false": "…"
    numeric:           "answer": float, "tolerance": float, "unit": "…"
    short_text:        "accepted": ["…", …]        # compared case- and space-insensitively
    ordering:          "items": ["…", …]           # in the correct order
    matching:          "pairs": [{"left": "…", "right": "…"}, …]

Competency refs: "qd:QD.1" … "qd:QD.8" (administration-specific, see competencies demo)
and "digcomp:<code>" for DigComp 3.0 competences, e.g. "digcomp:1.2". The rules that tie a
question's level to its demand and type, and a course's targets to its final assessment, are
in docs/CONTENT.md and enforced by tests/demo/test_content_rules.py.
"""
