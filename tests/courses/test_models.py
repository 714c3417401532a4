"""Page-type rules and the rendering of every lesson block."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from courses.blocks import LessonStreamBlock
from courses.models import CourseIndexPage, CoursePage, LessonPage
from lms.home.models import HomePage
from lms.home.services import site_root_ensure
from lms.packages.models import ContentPackagePage
from tests.courses.conftest import SAMPLE_BODY

pytestmark = pytest.mark.django_db


def test_page_tree_rules():
    assert CourseIndexPage.allowed_parent_page_models() == [HomePage]
    assert CourseIndexPage.allowed_subpage_models() == [CoursePage]
    assert CoursePage.allowed_parent_page_models() == [CourseIndexPage]
    assert CoursePage.allowed_subpage_models() == [LessonPage, ContentPackagePage]
    assert LessonPage.allowed_parent_page_models() == [CoursePage]
    assert LessonPage.allowed_subpage_models() == []


def test_trainer_cannot_put_a_lesson_outside_a_course(course_index, make_course):
    home = site_root_ensure()
    course = make_course(lessons=1)
    assert not LessonPage.can_create_at(home)
    assert not LessonPage.can_create_at(course_index)
    assert LessonPage.can_create_at(course)
    assert not CoursePage.can_create_at(home)
    assert CoursePage.can_create_at(course_index)


STREAM = LessonStreamBlock()


@pytest.mark.parametrize("name", list(STREAM.child_blocks))
def test_every_block_has_icon_template_and_preview(name):
    block = STREAM.child_blocks[name]
    assert block.meta.icon and block.meta.icon != "placeholder"
    assert block.meta.template == f"courses/blocks/{name}.html"
    assert block.is_previewable
    html = block.render(block.get_preview_value())
    assert html.strip()


@pytest.mark.parametrize(
    ("block_type", "value", "expected"),
    [
        (name, value, fragment)
        for (name, value), fragment in zip(
            SAMPLE_BODY,
            [
                "<h2",
                "<strong>wer</strong>",
                "§ 35a VwVfG",
                "Musterlösung",
                "Einkommen über der Höchstgrenze?",
                "<dfn>Stichprobe</dfn>",
            ],
            strict=True,
        )
    ],
)
def test_blocks_render_their_content(block_type, value, expected):
    block = STREAM.child_blocks[block_type]
    html = block.render(block.to_python(value), context={"block_id": "b1"})
    assert expected in html or expected in html.replace("Model answer", "Musterlösung")


def test_case_study_hides_the_model_answer_behind_a_disclosure_button():
    block = STREAM.child_blocks["case_study"]
    html = block.render(block.to_python(SAMPLE_BODY[3][1]), context={"block_id": "c1"})
    assert 'aria-controls="answer-c1"' in html
    assert 'id="answer-c1"' in html


def test_decision_explainer_shows_inputs_rule_path_and_citizen_explanation():
    block = STREAM.child_blocks["decision_explainer"]
    html = block.render(block.to_python(SAMPLE_BODY[4][1]), context={"block_id": "d1"})
    assert "<caption>" in html and "2.450 € monatlich" in html
    assert "Ihr Einkommen liegt über der Höchstgrenze." in html
    assert "Bei Freitextangaben prüft eine Sachbearbeiterin den Fall." in html


def test_image_block_requires_alt_text_and_renders_it(root_collection):
    image = Image.objects.create(title="Diagramm", file=get_test_image_file())
    block = STREAM.child_blocks["image"]
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"image": image.pk, "alt_text": "", "caption": ""}))
    value = block.clean(
        block.to_python({"image": image.pk, "alt_text": "Balken je Monat", "caption": "Anträge"})
    )
    html = block.render(value)
    assert 'alt="Balken je Monat"' in html
    assert "<figcaption>Anträge" in html


def _document(title, name, content=b"WEBVTT\n"):
    from django.core.files.base import ContentFile

    return Document.objects.create(title=title, file=ContentFile(content, name=name))


def test_video_needs_a_captions_track_for_a_file_and_exactly_one_source(root_collection):
    video = _document("Erklärvideo", "erklaervideo.mp4", b"\x00\x00")
    captions = _document("Untertitel", "untertitel.vtt")
    block = STREAM.child_blocks["video"]
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"title": "Video", "video_file": video.pk}))
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"title": "Video"}))
    value = block.clean(
        block.to_python(
            {
                "title": "Video",
                "video_file": video.pk,
                "captions": captions.pk,
                "captions_language": "de",
            }
        )
    )
    html = block.render(value)
    assert '<track kind="captions"' in html and 'srclang="de"' in html


def test_download_block_links_the_document(root_collection):
    document = _document("Checkliste Begründung", "checkliste.pdf", b"%PDF-1.4")
    block = STREAM.child_blocks["download"]
    html = block.render(block.to_python({"document": document.pk, "title": "", "description": ""}))
    assert document.url in html and "Checkliste Begründung" in html


def test_lesson_body_rejects_unknown_blocks():
    with pytest.raises((StreamBlockValidationError, ValidationError, KeyError, AttributeError)):
        STREAM.clean(STREAM.to_python([{"type": "marquee", "value": "x"}]))
