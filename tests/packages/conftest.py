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
def _media(settings, tmp_path, package_storage):
    settings.MEDIA_ROOT = tmp_path / "media"
    yield
    shutil.rmtree(tmp_path / "media", ignore_errors=True)
    shutil.rmtree(package_storage, ignore_errors=True)


@pytest.fixture
def make_package(db):
    def make(folder="tincan_basic", *, title="", **kwargs):
        return services.package_create(
            title=title, upload=upload(zip_folder(folder, **kwargs)), uploaded_by=None
        )

    return make


class _WindowsName(zipfile.ZipInfo):
    """A member name as Windows' "compressed folder" writes it: OEM code page, no UTF-8 flag."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("cp437"), self.flag_bits


def windows_zip(name: str, *, folder: str, extra: dict | None = None, backslashes=False) -> bytes:
    """``files/<name>`` zipped with its folder as Windows Explorer (or, with ``backslashes``,
    Windows PowerShell 5.1's Compress-Archive) does: MS-DOS attributes, a directory entry
    per folder, ``Thumbs.db`` and ``desktop.ini`` picked up along the way."""
    root = FILES / name
    entries = [(f"{folder}/", None)]
    for path in sorted(root.rglob("*")):
        arcname = f"{folder}/{path.relative_to(root).as_posix()}"
        entries.append((arcname + "/", None) if path.is_dir() else (arcname, path.read_bytes()))
    entries += [(f"{folder}/Thumbs.db", b"\xd0\xcf\x11\xe0"), (f"{folder}/desktop.ini", b"[x]")]
    entries += list((extra or {}).items())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for arcname, content in entries:
            info = _WindowsName(arcname.replace("/", "\\") if backslashes else arcname)
            info.create_system = 0  # MS-DOS / Windows
            info.external_attr = 0x10 if content is None else 0x20  # directory / archive bit
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, b"" if content is None else content)
    return buffer.getvalue()


def macos_zip(name: str, *, folder: str) -> bytes:
    """``files/<name>`` zipped with its folder as macOS Finder ("Compress") does: Unix modes,
    ``.DS_Store`` files and AppleDouble companions under ``__MACOSX/``."""
    root = FILES / name
    buffer = io.BytesIO()

    def add(arcname, content, mode):
        info = zipfile.ZipInfo(arcname)
        info.create_system = 3  # Unix
        info.external_attr = mode << 16 | (0x10 if content is None else 0)
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, b"" if content is None else content)

    with zipfile.ZipFile(buffer, "w") as archive:
        add(f"{folder}/", None, 0o40755)
        for path in sorted(root.rglob("*")):
            arcname = f"{folder}/{path.relative_to(root).as_posix()}"
            if path.is_dir():
                add(arcname + "/", None, 0o40755)
            else:
                add(arcname, path.read_bytes(), 0o100644)
        add(f"{folder}/.DS_Store", b"\0\0\0\1Bud1", 0o100644)
        add("__MACOSX/", None, 0o40755)
        add(f"__MACOSX/{folder}/", None, 0o40755)
        for path in sorted(root.rglob("*")):
            if path.is_file():
                relative = path.relative_to(root)
                parent = "" if relative.parent == Path(".") else f"{relative.parent.as_posix()}/"
                add(f"__MACOSX/{folder}/{parent}._{relative.name}", b"\0\5\26\7", 0o100644)
    return buffer.getvalue()
