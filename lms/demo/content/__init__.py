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
    "lessons": [{
        "slug": "…", "title": "…", "summary": "…",
        "blocks": [(block_type, value), …],        # see BLOCKS below
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

QUESTION (common keys: "type", "stem" (HTML), "points", "competency" (ref), "level" (1–8),
"feedback" (general feedback shown after answering), "tags"):
    single / multiple: "options": [{"text": "…", "correct": bool, "feedback": "…"}, …]
    true_false:        "correct": bool, "feedback_true": "…", "feedback_false": "…"
    numeric:           "answer": float, "tolerance": float, "unit": "…"
    short_text:        "accepted": ["…", …]        # compared case- and space-insensitively
    ordering:          "items": ["…", …]           # in the correct order
    matching:          "pairs": [{"left": "…", "right": "…"}, …]

Competency refs: "qd:QD.1" … "qd:QD.8" (administration-specific, see competencies demo)
and "digcomp:<code>" for DigComp 3.0 competences, e.g. "digcomp:1.2".
"""
