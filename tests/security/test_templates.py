"""Templates print rich text through Wagtail's ``|richtext``, never ``|safe``."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UNSAFE = re.compile(r"\|\s*safe\b|{%\s*autoescape\s+off")


def test_no_template_switches_off_escaping():
    templates = [
        path
        for path in ROOT.rglob("*.html")
        if "templates" in path.parts and not {".venv", "node_modules"} & set(path.parts)
    ]
    assert len(templates) > 20
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in templates
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if UNSAFE.search(line)
    ]
    assert offenders == []
