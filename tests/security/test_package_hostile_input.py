"""Hostile content package uploads: accepted, or refused with a message; never an unhandled
exception, and after a refusal nothing in the package storage, in media or in the database.

Generated with hypothesis: arbitrary bytes, damaged zips, zips with traversal names,
absolute paths, links, duplicates, lying and huge declared sizes, zip bombs by ratio, too
many files, and malformed or hostile manifests (entity expansion, external entities and
DTDs, deep nesting, odd encodings, long values, platform activity ids). The same kinds of
upload go through the admin form over HTTP, where a 500 would show.
"""

import io
import shutil
import stat
import struct
import warnings
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

from lms.packages import services
from lms.packages.models import ContentPackage, PackageLaunch
from lms.packages.safezip import PackageError
from tests.conftest import log_in
from tests.packages.conftest import FILES, upload, zip_folder

pytestmark = pytest.mark.django_db

SETTINGS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
MAX_FILES = 8
MAX_BYTES = 300_000
MAX_FILE_BYTES = 150_000
MAX_RATIO = 50
PASSWD_MARK = "root:x:0:0"


@pytest.fixture(autouse=True)
def small_limits(settings, tmp_path, package_storage):
    """Limits small enough that generated zips reach them."""
    settings.QD_PACKAGE_MAX_FILES = MAX_FILES
    settings.QD_PACKAGE_MAX_BYTES = MAX_BYTES
    settings.QD_PACKAGE_MAX_FILE_BYTES = MAX_FILE_BYTES
    settings.QD_PACKAGE_MAX_RATIO = MAX_RATIO
    settings.MEDIA_ROOT = tmp_path / "media"
    return package_storage


def _files(*roots) -> list[str]:
    return [
        path.as_posix()
        for root in map(Path, roots)
        if root.exists()
        for path in root.rglob("*")
        if path.is_file()
    ]


@pytest.fixture
def check_upload(small_limits, settings):
    """Upload through the service; check the outcome; leave nothing for the next example."""

    def check(data: bytes):
        try:
            package = services.package_create(title="", upload=upload(data))
        except PackageError as error:
            _event(f"refused: {str(error)[:40]}")
            assert str(error).strip(), "a refusal needs a message"
            assert not ContentPackage.objects.exists()
            assert not PackageLaunch.objects.exists()
            assert _files(small_limits, settings.MEDIA_ROOT) == [], "a refusal left files"
            return None
        _event("accepted")
        try:
            stored = _files(small_limits / package.content_prefix)
            assert len(stored) == package.file_count <= MAX_FILES
            assert sum(Path(name).stat().st_size for name in stored) <= MAX_BYTES
            assert all(Path(name).resolve().is_relative_to(small_limits) for name in stored)
            assert _files(settings.MEDIA_ROOT) == []
            assert PASSWD_MARK not in package.title + str(package.structure)
            assert len(package.title) <= 255
            return package
        finally:
            ContentPackage.objects.all().delete()
            shutil.rmtree(small_limits, ignore_errors=True)

    return check


def _event(label: str) -> None:
    # Outcome statistics for --hypothesis-show-statistics (also used outside hypothesis).
    if currently_in_test_context():
        event(label)


def make_zip(entries, *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    """``entries``: (name, bytes, unix mode or None, "Version made by" system)."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are what some tests want
        with zipfile.ZipFile(buffer, "w", compression) as archive:
            for name, content, mode, system in entries:
                info = zipfile.ZipInfo(name)
                info.compress_type = compression
                info.create_system = system
                if mode is not None:
                    info.external_attr = mode << 16
                archive.writestr(info, content)
    return buffer.getvalue()


TINCAN = (FILES / "tincan_basic" / "tincan.xml").read_bytes()
CMI5 = (FILES / "cmi5_basic" / "cmi5.xml").read_bytes()

# --- Arbitrary and damaged bytes ---------------------------------------------------------


@SETTINGS
@given(raw=st.binary(max_size=3000))
@example(raw=b"PK\x05\x06" + b"\0" * 18)  # an empty zip
@example(raw=b"PK\x03\x04" + b"\xff" * 60)
def test_arbitrary_bytes(check_upload, raw):
    check_upload(raw)


VALID = [
    zip_folder("tincan_basic"),
    zip_folder("cmi5_basic"),
    zip_folder("tincan_frames"),
    make_zip([("tincan.xml", TINCAN, None, 3), ("index.html", b"<p>x</p>" * 100, None, 3)],
             compression=zipfile.ZIP_STORED),
    make_zip([("tincan.xml", TINCAN, None, 3), ("index.html", b"<p>x</p>" * 100, None, 3)],
             compression=zipfile.ZIP_BZIP2),
    make_zip([("tincan.xml", TINCAN, None, 3), ("index.html", b"<p>x</p>" * 100, None, 3)],
             compression=zipfile.ZIP_LZMA),
]  # fmt: skip


@SETTINGS
@given(
    base=st.sampled_from(VALID),
    flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), max_size=6),
    cut=st.none() | st.floats(0, 1),
)
def test_damaged_zips(check_upload, base, flips, cut):
    data = bytearray(base)
    for where, value in flips:
        data[int(where * len(data))] = value
    if cut is not None:
        data = data[: int(cut * len(data))]
    check_upload(bytes(data))


def _patch_sizes(data: bytes, *, central: bool, local: bool, size: int) -> bytes:
    """Set the uncompressed size of every member in the central directory and/or the local
    headers (a lying header)."""
    out = bytearray(data)
    if central:
        at = out.find(b"PK\x01\x02")
        while at != -1:
            out[at + 24 : at + 28] = struct.pack("<I", size)
            at = out.find(b"PK\x01\x02", at + 4)
    if local:
        at = out.find(b"PK\x03\x04")
        while at != -1:
            out[at + 22 : at + 26] = struct.pack("<I", size)
            at = out.find(b"PK\x03\x04", at + 4)
    return bytes(out)


@SETTINGS
@given(
    base=st.sampled_from(VALID),
    central=st.booleans(),
    local=st.booleans(),
    size=st.sampled_from([0, 1, 10, 1000, MAX_FILE_BYTES + 1, MAX_BYTES + 1, 2**31, 2**32 - 1]),
)
def test_lying_and_huge_declared_sizes(check_upload, base, central, local, size):
    check_upload(_patch_sizes(base, central=central, local=local, size=size))


# --- Hostile members -----------------------------------------------------------------------

HOSTILE_NAMES = [
    "../evil.html", "a/../../evil.html", "/etc/passwd", "C:/Windows/win.ini", "C:evil",
    "a\\..\\..\\evil", "..\\evil", "./index.html", "a/./b.html", "a//b.html", "a/", "./",
    ".", "..", "…/x", "%2e%2e/x", "x\x00.html", "\u202ex.html", "ü/ä.html", " ", "a" * 300,
    "/".join(["d"] * 400), "index.html", "INDEX.HTML", "tincan.xml", "TINCAN.XML",
    "lesson.js", "lesson.js/inner.js", "__MACOSX/._x", "sub/.DS_Store", "Thumbs.db",
    "paket/tincan.xml", "paket/index.html", "cmi5.xml", "con", "x:y", "x*?", "a\nb",
]  # fmt: skip
name = st.one_of(
    st.sampled_from(HOSTILE_NAMES),
    st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=4).map("/".join),
)
mode = st.one_of(
    st.none(),
    st.sampled_from(
        [
            stat.S_IFREG | 0o644,
            stat.S_IFDIR | 0o755,
            stat.S_IFLNK | 0o777,
            stat.S_IFIFO | 0o644,
            stat.S_IFCHR | 0o644,
            stat.S_IFSOCK | 0o644,
            stat.S_IFREG | stat.S_ISUID | 0o4755,
            0o177777,
        ]
    ),
)
content = st.one_of(
    st.binary(max_size=200),
    st.sampled_from([TINCAN, CMI5, b"\0" * 120_000, b"A" * (MAX_FILE_BYTES + 1)]),
)
entry = st.tuples(name, content, mode, st.sampled_from([0, 3, 11, 14]))


@SETTINGS
@given(
    entries=st.lists(entry, max_size=MAX_FILES + 3),
    manifest=st.sampled_from([None, "tincan.xml", "paket/tincan.xml", "cmi5.xml"]),
)
def test_hostile_members(check_upload, entries, manifest):
    """Traversal, absolute and odd names, links and devices, duplicates, bombs, counts."""
    extra = []
    if manifest == "tincan.xml" or manifest == "paket/tincan.xml":
        folder = manifest[: -len("tincan.xml")]
        extra = [(f"{folder}tincan.xml", TINCAN, None, 3), (f"{folder}index.html", b"x", None, 3)]
    elif manifest == "cmi5.xml":
        extra = [("cmi5.xml", CMI5, None, 3), ("au/einfuehrung.html", b"x", None, 3),
                 ("au/test.html", b"x", None, 3)]  # fmt: skip
    check_upload(make_zip(extra + entries))


@SETTINGS
@given(
    size=st.integers(0, MAX_FILE_BYTES + 10_000),
    count=st.integers(1, MAX_FILES + 4),
    byte=st.sampled_from([b"\0", b"A"]),
)
def test_zip_bombs_by_ratio_and_too_many_files(check_upload, size, count, byte):
    entries = [("tincan.xml", TINCAN, None, 3), ("index.html", b"<p>x</p>", None, 3)]
    entries += [(f"daten/{n}.bin", byte * size, None, 3) for n in range(count)]
    check_upload(make_zip(entries))


# --- Hostile manifests ---------------------------------------------------------------------

LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE tincan [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + "]>"
)
HOSTILE_PROLOGUES = [
    "",
    '<?xml version="1.0" encoding="utf-8"?>',
    '<?xml version="1.0" encoding="UTF-16"?>',
    '<?xml version="1.0" encoding="bogus-encoding"?>',
    '<?xml version="1.1"?>',
    "\ufeff",
    LAUGHS,
    '<!DOCTYPE tincan [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE tincan [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>',
    '<!DOCTYPE tincan SYSTEM "http://127.0.0.1:1/evil.dtd">',
    '<!DOCTYPE courseStructure [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    '<?xml-stylesheet href="http://127.0.0.1:1/x.xsl"?>',
]
ENTITY_REFS = ["&x;", "&j;", "&undefined;", "&#0;", "&#x1;", "&#1114111;", "&amp;", "&lt;"]
text = st.one_of(
    st.text(max_size=40).map(escape),
    st.sampled_from(ENTITY_REFS),
    st.sampled_from(["a" * 5000, "<b>fett</b>", "]]>", "<![CDATA[<script>]]>"]),
)
activity_id = st.one_of(
    st.sampled_from(
        [
            "https://lernen.example.org/kurs",
            "https://qualifica-digitalis.example/xapi/activities/lesson/1",
            "https://qualifica-digitalis.example",
            "javascript:alert(1)",
            "urn:x",
            "",
            "kein-iri",
            "https://lernen.example.org/" + "a" * 1100,
            "&x;",
        ]
    ),
    st.text(max_size=30),
)
launch = st.one_of(
    st.sampled_from(
        [
            "index.html",
            "./index.html",
            "index.html?x=1#y",
            "../index.html",
            "/index.html",
            "//evil.example/x",
            "javascript:alert(1)",
            "data:text/html,x",
            "http:///x",
            "https://au.example.net/x.html",
            "%2e%2e/index.html",
            " index.html ",
            "",
            "index.html?" + "a" * 2000,
            "&x;",
        ]
    ),
    st.text(max_size=30),
)


def _tincan(prologue, ids, names, launch_url, depth) -> bytes:
    activities = "".join(
        f"<activity id={quoteattr(i)}><name lang='de'>{n}</name>"
        + (f"<launch lang='de'>{escape(launch_url)}</launch>" if k == 0 else "")
        + "</activity>"
        for k, (i, n) in enumerate(zip(ids, names, strict=False))
    )
    nested = "<x>" * depth + "</x>" * depth
    body = (
        f'<tincan xmlns="http://projecttincan.com/tincan.xsd"><activities>{activities}'
        f"</activities>{nested}</tincan>"
    )
    encoding = "utf-16" if "UTF-16" in prologue else "utf-8"
    return (prologue + body).encode(encoding, "surrogatepass")


OK_ID = "https://lernen.example.org/kurs"


def mostly(good, hostile):
    """``good`` three times in four: with several hostile parts per example, a valid
    manifest would hardly ever be drawn, and acceptance is worth testing too."""
    return st.one_of(st.just(good), st.just(good), st.just(good), hostile)


@SETTINGS
@given(
    prologue=mostly("", st.sampled_from(HOSTILE_PROLOGUES)),
    ids=mostly([OK_ID, OK_ID + "/teil"], st.lists(activity_id, min_size=0, max_size=3)),
    names=mostly(["Kurs", "Teil", "x"], st.lists(text, min_size=3, max_size=3)),
    launch_url=mostly("index.html", launch),
    depth=mostly(0, st.sampled_from([5, 300, 5000])),
)
# Each once for sure: values too long for their columns gave 500s.
@example(prologue="", ids=[OK_ID], names=["n"] * 3, launch_url="index.html?" + "a" * 2000, depth=0)
@example(prologue="", ids=[OK_ID], names=["T" * 1000] * 3, launch_url="index.html", depth=0)
@example(
    prologue="", ids=[OK_ID + "/" + "a" * 1100], names=["n"] * 3, launch_url="index.html", depth=0
)
@example(prologue="", ids=["http://[::1"], names=["n"] * 3, launch_url="http://[::1/x", depth=0)
def test_hostile_tincan_manifests(check_upload, prologue, ids, names, launch_url, depth):
    manifest = _tincan(prologue, ids, names, launch_url, depth)
    package = check_upload(zip_folder("tincan_basic", replace={"tincan.xml": manifest}))
    if package is not None:
        assert not package.activity_id.lower().startswith("https://qualifica-digitalis.example")


def _cmi5(prologue, course_id, au_id, title, url, move_on, mastery) -> bytes:
    mastery_attr = f" masteryScore={quoteattr(mastery)}" if mastery is not None else ""
    body = (
        '<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">'
        f"<course id={quoteattr(course_id)}><title><langstring lang='de'>{title}</langstring>"
        "</title><description><langstring lang='de'>d</langstring></description></course>"
        f"<au id={quoteattr(au_id)} moveOn={quoteattr(move_on)}{mastery_attr}>"
        f"<title><langstring lang='de'>{title}</langstring></title>"
        "<description><langstring lang='de'>d</langstring></description>"
        f"<url>{escape(url)}</url></au></courseStructure>"
    )
    return (prologue.replace("tincan", "courseStructure") + body).encode("utf-8", "surrogatepass")


@SETTINGS
@given(
    prologue=mostly("", st.sampled_from([p for p in HOSTILE_PROLOGUES if "UTF-16" not in p])),
    course_id=mostly(OK_ID, activity_id),
    au_id=mostly(OK_ID + "/au", activity_id),
    title=mostly("Kurs", text),
    url=mostly("au/test.html", launch.map(lambda u: u.replace("index.html", "au/test.html"))),
    move_on=st.sampled_from(["Passed", "Completed", "NotApplicable", "Sometimes", ""]),
    mastery=st.none() | st.sampled_from(["0.8", "1.5", "-1", "NaN", "abc", "0." + "9" * 400]),
)
@example(
    prologue="",
    course_id=OK_ID,
    au_id=OK_ID + "/au",
    title="T" * 1000,
    url="au/test.html?" + "a" * 2000,
    move_on="Passed",
    mastery="0.8",
)
@example(
    prologue="",
    course_id=OK_ID + "/" + "a" * 1100,
    au_id=OK_ID + "/au",
    title="t",
    url="https://[::1/x",
    move_on="Passed",
    mastery=None,
)
def test_hostile_cmi5_manifests(check_upload, prologue, course_id, au_id, title, url, move_on,
                                mastery):  # fmt: skip
    manifest = _cmi5(prologue, course_id, au_id, title, url, move_on, mastery)
    check_upload(zip_folder("cmi5_basic", replace={"cmi5.xml": manifest}))


def test_external_entities_and_dtds_are_never_read(check_upload):
    """The parser neither reads files nor fetches DTDs: the names stay unexpanded."""
    for prologue in HOSTILE_PROLOGUES[7:10]:
        manifest = _tincan(prologue, ["https://lernen.example.org/kurs"], ["&x;"] * 3,
                           "index.html", 0)  # fmt: skip
        package = check_upload(zip_folder("tincan_basic", replace={"tincan.xml": manifest}))
        assert package is None or PASSWD_MARK not in package.title


# --- The same through the admin form (HTTP) ------------------------------------------------


def _bomb() -> bytes:
    return make_zip([("tincan.xml", TINCAN, None, 3), ("index.html", b"x", None, 3),
                     ("bomb.bin", b"\0" * MAX_FILE_BYTES, None, 3)])  # fmt: skip


ADMIN_CASES = {
    "not a zip": b"%PDF-1.7 nope",
    "empty zip": make_zip([]),
    "traversal": zip_folder("tincan_basic", replace={"../../evil.html": b"x"}),
    "absolute": make_zip([("tincan.xml", TINCAN, None, 3), ("/etc/cron.d/x", b"x", None, 3)]),
    "symlink": make_zip([("tincan.xml", TINCAN, None, 3),
                         ("index.html", b"/etc/passwd", stat.S_IFLNK | 0o777, 3)]),
    "duplicate": make_zip([("tincan.xml", TINCAN, None, 3), ("index.html", b"a", None, 3),
                           ("INDEX.html", b"b", None, 3)]),
    "file and folder": make_zip([("tincan.xml", TINCAN, None, 3), ("index.html", b"a", None, 3),
                                 ("index.html/x.js", b"b", None, 3)]),
    "too many files": make_zip([("tincan.xml", TINCAN, None, 3), ("index.html", b"a", None, 3)]
                               + [(f"f{n}.txt", b"x", None, 3) for n in range(MAX_FILES)]),
    "bomb": _bomb(),
    "huge declared size": _patch_sizes(zip_folder("tincan_basic"), central=True, local=True,
                                       size=2**32 - 1),
    "lying size": _patch_sizes(zip_folder("tincan_basic"), central=True, local=False, size=3),
    "damaged data": bytes(b ^ 0xFF if 200 < i < 260 else b
                          for i, b in enumerate(zip_folder("tincan_basic"))),
    "billion laughs": zip_folder("tincan_basic", replace={"tincan.xml": _tincan(
        LAUGHS, ["https://lernen.example.org/kurs"], ["&j;"] * 3, "index.html", 0)}),
    "external entity": zip_folder("tincan_basic", replace={"tincan.xml": _tincan(
        HOSTILE_PROLOGUES[7], ["https://lernen.example.org/kurs"], ["&x;"] * 3, "index.html",
        0)}),
    "deep nesting": zip_folder("tincan_basic", replace={"tincan.xml": _tincan(
        "", ["https://lernen.example.org/kurs"], ["n"] * 3, "index.html", 20_000)}),
    "platform activity": zip_folder("tincan_basic", replace={"tincan.xml": _tincan(
        "", ["https://qualifica-digitalis.example/xapi/activities/course/x"], ["n"] * 3,
        "index.html", 0)}),
    "long launch address": zip_folder("tincan_basic", replace={"tincan.xml": _tincan(
        "", ["https://lernen.example.org/kurs"], ["n"] * 3, "index.html?" + "a" * 2000, 0)}),
    "long title": zip_folder("tincan_basic", replace={"tincan.xml": _tincan(
        "", ["https://lernen.example.org/kurs"], ["T" * 1000] * 3, "index.html", 0)}),
    "two folders deep": make_zip([("a/b/tincan.xml", TINCAN, None, 3),
                                  ("a/b/index.html", b"x", None, 3)]),
}  # fmt: skip


@pytest.fixture
def trainer_client(client, make_user):
    return log_in(client, make_user("trainerin@example.org", groups=("Trainer",)))


def test_hostile_uploads_through_the_admin_form(trainer_client, small_limits, settings):
    add_url = reverse("wagtailsnippets_packages_contentpackage:add")
    for case, data in ADMIN_CASES.items():
        response = trainer_client.post(add_url, {"title": "", "upload": upload(data)})
        if response.status_code == 302:  # accepted
            assert ContentPackage.objects.count() == 1, case
            ContentPackage.objects.all().delete()
            shutil.rmtree(small_limits, ignore_errors=True)
            continue
        assert response.status_code == 200, case
        html = response.content.decode()
        assert 'class="error-message"' in html or "error-message" in html, case
        assert not ContentPackage.objects.exists(), case
        assert _files(small_limits, settings.MEDIA_ROOT) == [], case


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
@given(raw=st.binary(max_size=500))
def test_arbitrary_bytes_through_the_admin_form(trainer_client, small_limits, raw):
    add_url = reverse("wagtailsnippets_packages_contentpackage:add")
    response = trainer_client.post(add_url, {"title": "", "upload": upload(raw)})
    assert response.status_code == 200
    assert not ContentPackage.objects.exists()
