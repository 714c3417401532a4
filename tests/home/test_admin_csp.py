"""The Wagtail admin's HTML carries no inline scripts (lms/home/admin_csp.py), so the admin's
policy can keep ``script-src 'self'``; tests/e2e/test_admin_csp.py drives the widgets."""

import html
import json
import re

import pytest
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput, AdminPageChooser
from wagtail.admin.widgets.datetime import AdminTimeInput
from wagtail.images.widgets import AdminImageChooser
from wagtail.snippets.widgets import AdminSnippetChooser

from courses import services
from courses.models import Curriculum
from courses.services import CurriculumEntry
from lms.accounts.models import JobRole
from lms.home.services import site_root_ensure
from tests.conftest import log_in

pytestmark = pytest.mark.django_db

SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
MARKER = re.compile(r"<template (data-qd-init=[^>]*)></template>")
ATTRIBUTE = re.compile(r'data-qd-(init|id|options)="([^"]*)"')


def inline_scripts(page: str) -> list[str]:
    """Script tags that a browser would execute from the page itself."""
    return [
        attrs
        for attrs in SCRIPT_TAG.findall(page)
        if "src=" not in attrs and 'type="application/json"' not in attrs
    ]


def markers(page: str) -> list[tuple[str, str, dict]]:
    """(initialiser, element id, options) of each marker, in document order."""
    found = []
    for attributes in MARKER.findall(page):
        values = {key: html.unescape(value) for key, value in ATTRIBUTE.findall(attributes)}
        found.append((values["init"], values.get("id", ""), json.loads(values["options"])))
    return found


@pytest.mark.parametrize(
    ("widget", "initialiser"),
    [
        (AdminPageChooser(), "PageChooser"),
        (AdminImageChooser(), "ImageChooser"),
        (AdminSnippetChooser(JobRole), "SnippetChooser"),
        (AdminDateInput(), "initDateChooser"),
        (AdminDateTimeInput(), "initDateTimeChooser"),
        (AdminTimeInput(), "initTimeChooser"),
    ],
)
def test_admin_widgets_render_a_marker_instead_of_a_script(widget, initialiser):
    page = widget.render("field", None, attrs={"id": "id_field"})
    assert inline_scripts(page) == []
    [(name, element_id, options)] = markers(page)
    assert (name, element_id) == (initialiser, "id_field")
    assert isinstance(options, dict)


def test_marker_values_are_escaped(db):
    role = JobRole.objects.create(code="x", name='"></template><script>alert(1)</script>')
    page = AdminSnippetChooser(JobRole).render("role", role.pk, attrs={"id": 'a"b'})
    assert "<script>alert" not in page
    assert markers(page)[0][1] == 'a"b'


@pytest.fixture
def admin_pages(db):
    index = services.course_index_create_or_update(
        parent=site_root_ensure(), title="Kurse", slug="kurse"
    )
    course = services.course_create_or_update(
        index=index, title="Daten", slug="daten", summary="Worum es geht."
    )
    curriculum = services.curriculum_update_or_create(
        slug="sb", title="Pflicht", entries=[CurriculumEntry(course, True, 30)]
    )
    return {"course": course, "curriculum": curriculum}


def test_admin_pages_with_choosers_dates_and_inline_panels_have_no_inline_scripts(
    client, make_user, admin_pages
):
    trainer = make_user("trainer@example.org", groups=("Learner", "Trainer"))
    log_in(client, trainer)
    curriculum = Curriculum.objects.get()
    pages = {
        "curriculum": f"/cms/snippets/courses/curriculum/edit/{curriculum.pk}/",
        "page editor": f"/cms/pages/{admin_pages['course'].pk}/edit/",
        "site history": "/cms/reports/site-history/",
        "explorer": f"/cms/pages/{admin_pages['course'].get_parent().pk}/",
    }
    for name, path in pages.items():
        response = client.get(path)
        assert response.status_code == 200, name
        assert inline_scripts(response.content.decode()) == [], name
    curriculum_page = client.get(pages["curriculum"]).content.decode()
    started = [(name, element_id) for name, element_id, _options in markers(curriculum_page)]
    # The row, the empty row an "add" copies (inside a <template>, started once inserted),
    # and the panel.
    assert started == [
        ("PageChooser", "id_items-0-course"),
        ("PageChooser", "id_items-__prefix__-course"),
        ("InlinePanel", ""),
    ]
