"""``import_content_package``: a zip from disk becomes a course unit, or nothing at all."""

import pytest
from django.core.management import CommandError, call_command

from lms.packages.models import ContentPackage, ContentPackagePage
from tests.packages.conftest import zip_folder


@pytest.fixture
def course(make_course):
    return make_course(lessons=0)


@pytest.mark.parametrize(
    ("folder", "kind"),
    [
        ("scorm12_basic", ContentPackage.Kind.SCORM12),
        ("scorm2004_multi", ContentPackage.Kind.SCORM2004),
        ("cmi5_basic", ContentPackage.Kind.CMI5),
        ("tincan_basic", ContentPackage.Kind.TINCAN),
    ],
)
def test_command_adds_a_published_unit_to_the_course(course, tmp_path, capsys, folder, kind):
    path = tmp_path / f"{folder}.zip"
    path.write_bytes(zip_folder(folder))
    call_command("import_content_package", str(path), "--course", course.slug)
    unit = ContentPackagePage.objects.child_of(course).get()
    assert unit.live
    assert unit.package.kind == kind
    assert "Imported" in capsys.readouterr().out
    # Twice: a second unit with a slug of its own.
    call_command("import_content_package", str(path), "--course", course.slug)
    assert ContentPackagePage.objects.child_of(course).count() == 2


def _nothing_left(package_storage):
    assert not ContentPackage.objects.exists()
    assert not ContentPackagePage.objects.exists()
    files = (
        [p for p in package_storage.rglob("*") if p.is_file()] if package_storage.exists() else []
    )
    assert files == []


def test_refused_package_exits_non_zero_and_leaves_nothing(course, tmp_path, package_storage):
    path = tmp_path / "kaputt.zip"
    path.write_bytes(zip_folder("scorm12_basic", replace={"sco.js": None}))
    with pytest.raises(CommandError, match=r"sco\.js"):
        call_command("import_content_package", str(path), "--course", course.slug)
    _nothing_left(package_storage)


def test_unknown_course_exits_non_zero_and_leaves_nothing(db, tmp_path, package_storage):
    path = tmp_path / "paket.zip"
    path.write_bytes(zip_folder("scorm12_basic"))
    with pytest.raises(CommandError, match="gibt-es-nicht"):
        call_command("import_content_package", str(path), "--course", "gibt-es-nicht")
    _nothing_left(package_storage)


def test_a_page_that_cannot_be_added_removes_the_stored_files(
    course, tmp_path, package_storage, monkeypatch
):
    from wagtail.models import Page

    def refuse(*args, **kwargs):
        raise RuntimeError("the page tree is locked")

    monkeypatch.setattr(Page, "add_child", refuse)
    path = tmp_path / "paket.zip"
    path.write_bytes(zip_folder("scorm12_basic"))
    with pytest.raises(RuntimeError):
        call_command("import_content_package", str(path), "--course", course.slug)
    _nothing_left(package_storage)


def test_missing_file_is_an_error(db, tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_content_package", str(tmp_path / "x.zip"), "--course", "k")
