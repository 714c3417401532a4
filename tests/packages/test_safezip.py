"""Hostile zips are rejected before anything is written; extraction is all or nothing."""

import io
import random
import stat
import zipfile

import pytest
from django.core.files.storage import FileSystemStorage
from django.utils import translation

from lms.packages.safezip import Limits, PackageError, extract_zip, inspect_zip

LIMITS = Limits(max_total_bytes=1_000_000, max_files=10, max_ratio=100, max_file_bytes=600_000)


@pytest.fixture(autouse=True)
def _english():
    """Messages are matched in English here; test_views checks the German ones."""
    with translation.override("en"):
        yield


def make_zip(entries) -> zipfile.ZipFile:
    """``entries``: (name or ZipInfo, bytes) pairs."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries:
            archive.writestr(name, content)
    buffer.seek(0)
    return zipfile.ZipFile(buffer)


def with_mode(name: str, mode: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = mode << 16
    return info


@pytest.mark.parametrize(
    "name",
    ["../evil.html", "a/../../evil.html", "a/b/../../../etc/passwd", "./../x", "a\\..\\x"],
)
def test_traversal_is_rejected(name):
    with pytest.raises(PackageError):
        inspect_zip(make_zip([("index.html", b"ok"), (name, b"x")]), LIMITS)


@pytest.mark.parametrize("name", ["/etc/passwd", "C:/Windows/evil.dll", "/tmp/x.html"])
def test_absolute_paths_are_rejected(name):
    with pytest.raises(PackageError, match="absolute"):
        inspect_zip(make_zip([(name, b"x")]), LIMITS)


def test_symlinks_are_rejected():
    archive = make_zip([("index.html", b"ok"), (with_mode("link", stat.S_IFLNK | 0o777), b"/etc")])
    with pytest.raises(PackageError, match="link"):
        inspect_zip(archive, LIMITS)


def test_special_files_are_rejected():
    archive = make_zip([(with_mode("fifo", stat.S_IFIFO | 0o644), b"")])
    with pytest.raises(PackageError, match="special"):
        inspect_zip(archive, LIMITS)


def test_zip_bomb_by_ratio_is_rejected():
    archive = make_zip([("bomb.txt", b"\0" * 500_000)])
    with pytest.raises(PackageError, match="zip bomb"):
        inspect_zip(archive, LIMITS)


def test_total_size_is_limited():
    data = [(f"f{i}.bin", random.Random(i).randbytes(300_000)) for i in range(4)]  # incompressible
    with pytest.raises(PackageError, match="larger than"):
        inspect_zip(make_zip(data), LIMITS)


def test_file_count_is_limited():
    archive = make_zip([(f"f{i}.txt", b"x") for i in range(11)])
    with pytest.raises(PackageError, match="more than 10 files"):
        inspect_zip(archive, LIMITS)


def test_duplicate_names_are_rejected():
    archive = make_zip([("Index.html", b"a"), ("index.html", b"b")])
    with pytest.raises(PackageError, match="twice"):
        inspect_zip(archive, LIMITS)


def test_empty_and_encrypted_are_rejected():
    with pytest.raises(PackageError, match="empty"):
        inspect_zip(make_zip([("folder/", b"")]), LIMITS)
    archive = make_zip([("a.txt", b"x")])
    archive.infolist()[0].flag_bits |= 0x1
    with pytest.raises(PackageError, match="Encrypted"):
        inspect_zip(archive, LIMITS)


def test_safe_zip_passes_and_lists_files_only():
    archive = make_zip([("dir/", b""), ("index.html", b"<p>ok</p>"), ("dir/app.js", b"1;")])
    assert [info.filename for info in inspect_zip(archive, LIMITS)] == ["index.html", "dir/app.js"]


def test_lying_header_is_caught_while_extracting(tmp_path):
    archive = make_zip([("a.txt", b"a" * 1000), ("b.txt", b"b" * 5000)])
    members = inspect_zip(archive, LIMITS)
    members[1].file_size = 10  # claims 10 bytes, inflates to 5000
    storage = FileSystemStorage(location=tmp_path)
    # zipfile stops at the declared size and fails the CRC; either way nothing stays behind.
    with pytest.raises(PackageError, match=r"larger than its header|damaged"):
        extract_zip(archive, members, storage=storage, prefix="p", limits=LIMITS)
    assert not (tmp_path / "p" / "a.txt").exists()  # the first file was removed again


def test_extract_writes_every_file(tmp_path):
    archive = make_zip([("index.html", b"<p>ok</p>"), ("js/app.js", b"1;")])
    storage = FileSystemStorage(location=tmp_path)
    names = extract_zip(
        archive, inspect_zip(archive, LIMITS), storage=storage, prefix="p", limits=LIMITS
    )
    assert names == ["p/index.html", "p/js/app.js"]
    assert (tmp_path / "p" / "js" / "app.js").read_bytes() == b"1;"
