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


# What ADL's cmi5 test suite (CATAPULT, package library "lts") requires of an upload: each
# case names the requirement the suite checks.
@pytest.mark.parametrize(
    ("change", "needle"),
    [
        # 3.0.0.0-1: ids are IRIs (a scheme-less "fragment" is not)
        (
            (b'course id="https://', b'course id="'),
            "course id lernen.example.org/cmi5/aktenfuehrung is not an absolute IRI",
        ),
        ((b'block id="https://', b'block id="'), "block id"),
        ((b'au id="https://', b'au id="'), "AU id"),
        ((b'au id="https://lernen', b'au id="https://ler nen'), "AU id"),
        # 8.1.0.0-6: the launch address may not bring a launch parameter of its own
        (
            (b"au/test.html?modus=pruefung", b"au/test.html?modus=pruefung&amp;fetch=x"),
            "already contains the parameter fetch",
        ),
        (
            (b"au/einfuehrung.html", b"https://cdn.example.org/au.html?actor=x&amp;endpoint=y"),
            "actor, endpoint",
        ),
        # 13.1.4.0-2: a launch address is a valid URL
        ((b"au/einfuehrung.html", b"https://cdn.example.org/au 1.html"), "contains a space"),
        ((b"au/einfuehrung.html", b"au/ein fuehrung.html"), "Write a space as %20"),
        # 13.1.1: the course, blocks and AUs share one namespace of ids
        (
            (
                b'au id="https://lernen.example.org/cmi5/aktenfuehrung/grundlagen/test"',
                b'au id="https://lernen.example.org/cmi5/aktenfuehrung"',
            ),
            "uses the id https://lernen.example.org/cmi5/aktenfuehrung twice",
        ),
    ],
)
def test_cmi5_uploads_the_test_suite_refuses(change, needle):
    with pytest.raises(PackageError) as error:
        manifests.parse_cmi5(CMI5.replace(*change), CMI5_NAMES)
    assert needle in str(error.value)


OBJECTIVES = b"""  <objectives>
    <objective id="https://lernen.example.org/cmi5/ziele/vollstaendigkeit">
      <title><langstring lang="de-DE">Vollst\xc3\xa4ndigkeit</langstring></title>
      <description><langstring lang="de-DE">Akten vollst\xc3\xa4ndig.</langstring></description>
    </objective>
    <objective id="https://lernen.example.org/cmi5/ziele/aufbewahrung">
      <title><langstring lang="de-DE">Aufbewahrung</langstring></title>
      <description><langstring lang="de-DE">Fristen kennen.</langstring></description>
    </objective>
  </objectives>
"""
REFERENCE = (
    b'<objectives><objective idref="https://lernen.example.org/cmi5/ziele/aufbewahrung"/>'
    b"</objectives>\n      <url>au/test.html"
)


def _with_objectives(objectives=OBJECTIVES, reference=REFERENCE):
    return CMI5.replace(b"  </course>\n", b"  </course>\n" + objectives, 1).replace(
        b"<url>au/test.html", reference, 1
    )


def test_objectives_are_read_and_referenced():
    manifest = manifests.parse_cmi5(_with_objectives(), CMI5_NAMES)
    assert manifest.aus[1].url == "au/test.html?modus=pruefung"


@pytest.mark.parametrize(
    ("raw", "needle"),
    [
        # 13.1.3.0-1: objective ids are unique
        (
            _with_objectives(
                objectives=OBJECTIVES.replace(b"ziele/aufbewahrung", b"ziele/vollstaendigkeit")
            ),
            "uses the id https://lernen.example.org/cmi5/ziele/vollstaendigkeit twice",
        ),
        # 3.0.0.0-1 for objectives
        (
            _with_objectives(
                objectives=OBJECTIVES.replace(b'"https://lernen.example.org/cmi5/ziele/a', b'"a')
            ),
            "objective id aufbewahrung is not an absolute IRI",
        ),
        # a reference must name a defined objective
        (
            _with_objectives(reference=REFERENCE.replace(b"aufbewahrung", b"datenschutz")),
            "refers to the objective https://lernen.example.org/cmi5/ziele/datenschutz",
        ),
    ],
)
def test_objective_ids_are_unique_iris_and_references_resolve(raw, needle):
    with pytest.raises(PackageError) as error:
        manifests.parse_cmi5(raw, CMI5_NAMES)
    assert needle in str(error.value)


def test_a_bare_manifest_may_launch_only_absolute_addresses():
    with pytest.raises(PackageError, match="uploaded without a package"):
        manifests.parse_cmi5(CMI5, None)
    remote = CMI5.replace(b"<url>au/", b"<url>https://cdn.example.org/au/")
    manifest = manifests.parse_cmi5(remote, None)
    assert [au.url for au in manifest.aus] == [
        "https://cdn.example.org/au/einfuehrung.html",
        "https://cdn.example.org/au/test.html?modus=pruefung",
    ]


def test_tincan_launch_may_not_bring_launch_parameters():
    raw = TINCAN.replace(b"</launch>", b"?auth=Basic%20x</launch>", 1)
    with pytest.raises(PackageError, match="already contains the parameter auth"):
        manifests.parse_tincan(raw, {"index.html", "story.html"})
