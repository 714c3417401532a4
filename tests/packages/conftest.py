"""Builders for the content package tests: zips made from the folders in ``files/``."""

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lms.packages import services
from tests.courses.conftest import course_index, make_course  # noqa: F401 (fixtures)

FILES = Path(__file__).resolve().parent / "files"


def zip_folder(name: str, *, replace: dict | None = None) -> bytes:
    """A zip of ``files/<name>``; ``replace`` swaps file contents (name → bytes or None)."""
    replace = replace or {}
    buffer = io.BytesIO()
    root = FILES / name
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                arcname = path.relative_to(root).as_posix()
                if arcname in replace:
                    if replace[arcname] is not None:
                        archive.writestr(arcname, replace[arcname])
                    continue
                archive.write(path, arcname)
        for arcname, content in replace.items():
            if content is not None and not (root / arcname).exists():
                archive.writestr(arcname, content)
    return buffer.getvalue()


def upload(data: bytes, name="package.zip") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/zip")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    yield
    shutil.rmtree(tmp_path / "media", ignore_errors=True)


@pytest.fixture
def make_package(db):
    def make(folder="tincan_basic", *, title="", **kwargs):
        return services.package_create(
            title=title, upload=upload(zip_folder(folder, **kwargs)), uploaded_by=None
        )

    return make
