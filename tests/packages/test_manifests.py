"""tincan.xml and cmi5.xml: parsing, schema validation, launch files."""

import pytest
from django.utils import translation

from lms.packages import manifests
from lms.packages.safezip import PackageError
from tests.packages.conftest import FILES

CMI5 = (FILES / "cmi5_basic" / "cmi5.xml").read_bytes()
TINCAN = (FILES / "tincan_basic" / "tincan.xml").read_bytes()
CMI5_NAMES = {"cmi5.xml", "au/einfuehrung.html", "au/test.html"}


@pytest.fixture(autouse=True)
def _english():
    """Messages are matched in English here; test_views checks the German ones."""
    with translation.override("en"):
        yield


def test_tincan_manifest():
    manifest = manifests.parse_tincan(TINCAN, {"index.html", "tincan.xml"})
    assert manifest.activity_id == "https://lernen.example.org/tincan/datenschutz-grundlagen"
    assert manifest.title == "Datenschutz im Bürgerbüro"
    assert manifest.launch == "index.html"
    assert len(manifest.activities) == 2


def test_tincan_launch_file_must_exist():
    with pytest.raises(PackageError, match="not in the package"):
        manifests.parse_tincan(TINCAN, {"tincan.xml"})


def test_tincan_launch_must_stay_inside():
    raw = TINCAN.replace(b'<launch lang="de-DE">index.html', b"<launch>../../x.html")
    with pytest.raises(PackageError, match="not allowed"):
        manifests.parse_tincan(raw, {"index.html"})
    raw = TINCAN.replace(b'<launch lang="de-DE">index.html', b"<launch>javascript:alert(1)")
    with pytest.raises(PackageError, match="not allowed"):
        manifests.parse_tincan(raw, {"index.html"})


def test_cmi5_structure():
    manifest = manifests.parse_cmi5(CMI5, CMI5_NAMES)
    assert manifest.course_id == "https://lernen.example.org/cmi5/aktenfuehrung"
    assert manifest.title == "Ordnungsgemäße Aktenführung"
    first, second = manifest.aus
    assert (first.move_on, first.launch_method, first.launch_parameters) == (
        "Completed",
        "OwnWindow",
        '{"kapitel": 1}',
    )
    assert (second.move_on, second.mastery_score, second.entitlement_key) == (
        "Passed",
        0.8,
        "aktenfuehrung-2026",
    )
    assert second.url == "au/test.html?modus=pruefung"
    assert manifest.blocks[0]["aus"] == [0, 1]


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        ((b'moveOn="Passed"', b'moveOn="Sometimes"'), "moveOn"),
        ((b"<url>au/einfuehrung.html</url>", b""), "url"),
        ((b'masteryScore="0.8"', b'masteryScore="1.5"'), "masteryScore"),
        ((b"<courseStructure xmlns", b"<courseStructure xmlns:x"), "courseStructure"),
    ],
)
def test_cmi5_schema_errors_are_reported(change, needle):
    raw = CMI5.replace(*change)
    with pytest.raises(PackageError, match="schema") as error:
        manifests.parse_cmi5(raw, CMI5_NAMES)
    assert needle in str(error.value)


def test_malformed_xml_and_entities():
    with pytest.raises(PackageError, match="not well-formed"):
        manifests.parse_cmi5(b"<courseStructure>", CMI5_NAMES)
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<tincan xmlns="http://projecttincan.com/tincan.xsd"><activities>'
        b'<activity id="https://a.example/x"><name>&x;</name><launch>index.html</launch>'
        b"</activity></activities></tincan>"
    )
    with pytest.raises(PackageError, match="DOCTYPE") as refused:
        manifests.parse_tincan(xxe, {"index.html"})
    assert "root:" not in str(refused.value)


def test_cmi5_with_entity_references_is_refused_not_an_internal_error():
    """Unexpanded entity references made libxml2's schema validation fail with
    XMLSchemaValidateError ("Internal error"), a 500 in the admin."""
    doctype = b'<!DOCTYPE courseStructure [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    raw = doctype + CMI5.split(b"?>", 1)[1].replace(b"Ordnungsgem\xc3\xa4\xc3\x9fe", b"&x;")
    assert b"&x;" in raw
    with pytest.raises(PackageError, match="DOCTYPE"):
        manifests.parse_cmi5(raw, CMI5_NAMES)
    # Entity declarations without a DTD reference are not well-formed XML at all.
    with pytest.raises(PackageError, match="not well-formed"):
        manifests.parse_cmi5(raw.replace(doctype, b""), CMI5_NAMES)


@pytest.mark.parametrize(
    "raw",
    [
        TINCAN.replace(b'<launch lang="de-DE">index.html', b"<launch>index.html?" + b"a" * 2000),
        TINCAN.replace(
            b'https://lernen.example.org/tincan/datenschutz-grundlagen"',
            b"https://lernen.example.org/" + b"a" * 1100 + b'"',
        ),
        TINCAN.replace(b'id="https://lernen', b'id="http://[::1'),
    ],
)
def test_values_too_long_for_their_columns_or_unparsable_are_refused(raw):
    """A 2,000-character launch address or activity id reached the database (a 500);
    ``http://[::1`` made urlsplit raise ValueError."""
    with pytest.raises(PackageError):
        manifests.parse_tincan(raw, {"index.html", "tincan.xml"})
