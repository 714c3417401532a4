"""Reading package manifests: ``tincan.xml`` (Tin Can) and ``cmi5.xml`` (cmi5 course structure).

Pure functions over bytes: no database, no storage. XML is parsed without DTDs, entity
expansion or network access, and a manifest with a DOCTYPE is refused; ``cmi5.xml`` is
validated against the cmi5 ``CourseStructure.xsd`` shipped in ``schema/``.
"""

import re
from dataclasses import asdict, dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path, PurePosixPath
from urllib.parse import parse_qsl, urlsplit

from django.utils.translation import gettext as _
from lxml import etree

from lms.packages.safezip import PackageError

SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "CourseStructure.xsd"
# Activity ids and launch addresses are stored in columns of this length (and the LRS
# keeps activity ids of at most this length).
MAX_IRI = 1024


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        dtd_validation=False,
    )


@cache
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA_PATH), _parser()))


def _parse(raw: bytes, filename: str):
    try:
        root = etree.fromstring(raw, _parser())
    except etree.XMLSyntaxError as error:
        raise PackageError(
            _("%(file)s is not well-formed XML: %(error)s") % {"file": filename, "error": error}
        ) from None
    # A manifest needs no DTD; its entities stay unexpanded here, and unexpanded entity
    # references break schema validation inside libxml2.
    if root.getroottree().docinfo.doctype:
        raise PackageError(
            _("%(file)s must not contain a document type declaration (<!DOCTYPE …>).")
            % {"file": filename}
        )
    return root


def _local(tag) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _children(element, name: str) -> list:
    return [child for child in element if _local(child.tag) == name]


def _child(element, name: str):
    found = _children(element, name)
    return found[0] if found else None


def _pick_text(elements) -> str:
    """The German text if there is one, else English, else the first."""
    texts = {}
    for element in elements:
        lang = (element.get("lang") or "").lower()
        texts.setdefault(lang, (element.text or "").strip())
    for prefix in ("de", "en"):
        for lang, text in texts.items():
            if lang.startswith(prefix) and text:
                return text
    return next((text for text in texts.values() if text), "")


def _langstrings(element) -> str:
    if element is None:
        return ""
    strings = _children(element, "langstring")
    return _pick_text(strings) if strings else (element.text or "").strip()


def _split(url: str):
    """``urlsplit``, or None for what it cannot take apart (e.g. ``http://[::1``)."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def _check_length(value: str, filename: str) -> None:
    if len(value) > MAX_IRI:
        raise PackageError(
            _("%(file)s: %(value)s… is longer than %(count)d characters.")
            % {"file": filename, "value": value[:80], "count": MAX_IRI}
        )


# RFC 3987: an absolute IRI is a scheme, a colon and a rest without spaces, controls or the
# characters RFC 3986 excludes from URIs. Non-ASCII letters are allowed (IRIs, not URIs).
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*")
_NOT_IN_IRI = re.compile(r'[\x00-\x20\x7f<>"{}|\\^`]')

# Query parameters the platform adds when it launches content (cmi5 section 8.1; Tin Can
# launch): a launch address that names one of them would be ambiguous for the content.
CMI5_LAUNCH_PARAMETERS = frozenset({"endpoint", "fetch", "actor", "registration", "activityId"})
TINCAN_LAUNCH_PARAMETERS = frozenset({"endpoint", "auth", "actor", "registration", "activity_id"})


def is_absolute_iri(value: str) -> bool:
    scheme, colon, rest = value.partition(":")
    return bool(
        colon
        and rest
        and _SCHEME.fullmatch(scheme)
        and not _NOT_IN_IRI.search(value)
        and _split(value) is not None
    )


def check_iri(value: str, *, what: str, filename: str) -> str:
    """``value`` if it is an absolute IRI of a storable length, else ``PackageError``."""
    _check_length(value, filename)
    if not is_absolute_iri(value):
        raise PackageError(
            _(
                "%(file)s: the %(what)s %(id)s is not an absolute IRI. Ids must begin with a "
                "scheme, for example https://publisher.example/course/1."
            )
            % {"file": filename, "what": what, "id": value or "—"}
        )
    return value


def _check_launch_query(query: str, reserved: frozenset[str], url: str, filename: str) -> None:
    clashes = sorted({name for name, _value in parse_qsl(query, keep_blank_values=True)} & reserved)
    if clashes:
        raise PackageError(
            _(
                "%(file)s: the launch address %(url)s already contains the parameter "
                "%(names)s, which the platform adds itself when it starts the content."
            )
            % {"file": filename, "url": url, "names": ", ".join(clashes)}
        )


def check_relative_url(
    url: str,
    names: set[str] | None,
    filename: str,
    reserved: frozenset[str] = frozenset(),
) -> str:
    """A launch URL inside the package (must exist) or an absolute http(s) URL.

    ``names`` is None for a manifest uploaded on its own (no package around it): then only
    absolute addresses can be launched. ``reserved`` are query parameters the launch adds.
    """
    url = url.strip()
    _check_length(url, filename)
    if _NOT_IN_IRI.search(url):
        raise PackageError(
            _(
                "%(file)s: the launch address %(url)s contains a space or a character that "
                "web addresses do not allow. Write a space as %%20."
            )
            % {"file": filename, "url": url}
        )
    parts = _split(url)
    if parts is None:
        raise PackageError(
            _("%(file)s: the launch address %(url)s is not allowed.")
            % {"file": filename, "url": url}
        )
    if parts.scheme:
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise PackageError(
                _("%(file)s: the launch address %(url)s is not allowed.")
                % {"file": filename, "url": url}
            )
        _check_launch_query(parts.query, reserved, url, filename)
        return url
    _check_launch_query(parts.query, reserved, url, filename)
    if names is None:
        raise PackageError(
            _(
                "%(file)s: the launch address %(url)s is relative, but the manifest was "
                "uploaded without a package. Upload the zip with the content, or give "
                "absolute addresses (https://…)."
            )
            % {"file": filename, "url": url}
        )
    path = parts.path.lstrip("./") if parts.path.startswith("./") else parts.path
    clean = str(PurePosixPath(path)) if path else ""
    if not clean or clean.startswith("/") or ".." in clean.split("/"):
        raise PackageError(
            _("%(file)s: the launch address %(url)s is not allowed.")
            % {"file": filename, "url": url}
        )
    if clean not in names:
        raise PackageError(
            _("%(file)s names the launch file %(url)s, which is not in the package.")
            % {"file": filename, "url": clean}
        )
    return clean + (f"?{parts.query}" if parts.query else "")


# What makes an IRI a sub-activity of another for a launch credential's scope.
_SUB = ("/", "#", "?")


def _claims(activity_id: str, iri: str) -> bool:
    """Whether ``activity_id`` is ``iri``, lies under it, or has it under itself."""
    return (
        activity_id == iri
        or activity_id.startswith(tuple(iri + sep for sep in _SUB))
        or iri.startswith(tuple(activity_id + sep for sep in _SUB))
        or (activity_id.endswith(_SUB) and iri.startswith(activity_id))
    )


def refuse_platform_ids(ids, *, base_iri: str, filename: str) -> None:
    """``PackageError`` if a manifest names an activity of the platform's own.

    A launch credential is scoped to the manifest's activities and their sub-activities:
    an id under the platform's base IRI (``…/activities/lesson/…``), or one that has the
    base IRI under itself (``https://platform.example``), would let a package record
    platform lessons, courses or assessments. Compared without regard to case.
    """
    base = base_iri.rstrip("/").lower()
    for activity_id in ids:
        if _claims(activity_id.strip().lower(), base):
            raise PackageError(
                _(
                    "%(file)s names the activity id %(id)s, which belongs to this platform. "
                    "A package must use activity ids of its own (for example under its "
                    "publisher's web address)."
                )
                % {"file": filename, "id": activity_id}
            )


@dataclass
class TinCanManifest:
    activity_id: str
    title: str
    launch: str
    activities: list[str]


def parse_tincan(raw: bytes, names: set[str]) -> TinCanManifest:
    root = _parse(raw, "tincan.xml")
    if _local(root.tag) != "tincan":
        raise PackageError(_("tincan.xml: the root element must be <tincan>."))
    activities_el = _child(root, "activities")
    activities = _children(activities_el, "activity") if activities_el is not None else []
    if not activities:
        raise PackageError(_("tincan.xml lists no activity."))
    ids = []
    main = None
    for activity in activities:
        activity_id = (activity.get("id") or "").strip()
        check_iri(activity_id, what=_("activity id"), filename="tincan.xml")
        ids.append(activity_id)
        if main is None and _children(activity, "launch"):
            main = activity
    if main is None:
        raise PackageError(_("tincan.xml names no launch file (<launch>)."))
    launch = check_relative_url(
        _pick_text(_children(main, "launch")), names, "tincan.xml", TINCAN_LAUNCH_PARAMETERS
    )
    return TinCanManifest(
        activity_id=main.get("id").strip(),
        title=_pick_text(_children(main, "name")),
        launch=launch,
        activities=ids,
    )


@dataclass
class AU:
    id: str
    title: str
    url: str
    launch_method: str = "AnyWindow"
    move_on: str = "NotApplicable"
    mastery_score: float | None = None
    launch_parameters: str = ""
    entitlement_key: str = ""
    activity_type: str = ""
    description: str = ""


@dataclass
class Cmi5Manifest:
    course_id: str
    title: str
    description: str
    aus: list[AU]
    blocks: list[dict]  # nested {"id", "title", "aus": [index…], "blocks": […]}

    def activity_ids(self) -> list[str]:
        """Every id the publisher gave: the course, its blocks and its AUs."""

        def block_ids(blocks):
            for block in blocks:
                yield block["id"]
                yield from block_ids(block["blocks"])

        return [self.course_id, *block_ids(self.blocks), *(au.id for au in self.aus)]

    def as_structure(self) -> dict:
        return {
            "course": {"id": self.course_id, "title": self.title, "description": self.description},
            "aus": [asdict(au) for au in self.aus],
            "blocks": self.blocks,
        }


def parse_cmi5(raw: bytes, names: set[str] | None) -> Cmi5Manifest:
    """``names``: the files of the package, or None for a ``cmi5.xml`` uploaded on its own."""
    root = _parse(raw, "cmi5.xml")
    schema = _schema()
    try:
        valid = schema.validate(root)
    except etree.XMLSchemaValidateError:
        valid = False
    if not valid:
        errors = "; ".join(
            f"{_('line')} {error.line}: {error.message}" for error in list(schema.error_log)[:3]
        )
        raise PackageError(
            _("cmi5.xml does not match the cmi5 course structure schema: %(errors)s")
            % {"errors": errors}
        )
    course = _child(root, "course")
    aus: list[AU] = []
    # Ids are globally unique IRIs (cmi5 sections 3 and 13.1): the course, blocks, AUs and
    # objectives share one namespace within the structure.
    seen: set[str] = set()

    def read_id(element, what: str) -> str:
        element_id = check_iri(element.get("id").strip(), what=what, filename="cmi5.xml")
        if element_id in seen:
            raise PackageError(_("cmi5.xml uses the id %(id)s twice.") % {"id": element_id})
        seen.add(element_id)
        return element_id

    course_id = read_id(course, _("course id"))
    objective_ids = set()
    objectives = _child(root, "objectives")
    for objective in _children(objectives, "objective") if objectives is not None else []:
        objective_ids.add(read_id(objective, _("objective id")))

    def check_objective_references(element) -> None:
        references = _child(element, "objectives")
        for reference in _children(references, "objective") if references is not None else []:
            idref = (reference.get("idref") or "").strip()
            if idref not in objective_ids:
                raise PackageError(
                    _("cmi5.xml refers to the objective %(id)s, which it does not define.")
                    % {"id": idref or "—"}
                )

    def read_au(element) -> int:
        au_id = read_id(element, _("AU id"))
        check_objective_references(element)
        mastery = element.get("masteryScore")
        try:
            mastery_score = float(Decimal(mastery)) if mastery is not None else None
        except InvalidOperation:
            mastery_score = None
        url_el = _child(element, "url")
        au = AU(
            id=au_id,
            title=_langstrings(_child(element, "title")),
            description=_langstrings(_child(element, "description")),
            url=check_relative_url(url_el.text or "", names, "cmi5.xml", CMI5_LAUNCH_PARAMETERS),
            launch_method=element.get("launchMethod") or "AnyWindow",
            move_on=element.get("moveOn") or "NotApplicable",
            mastery_score=mastery_score,
            launch_parameters=(_child(element, "launchParameters").text or "").strip()
            if _child(element, "launchParameters") is not None
            else "",
            entitlement_key=(_child(element, "entitlementKey").text or "").strip()
            if _child(element, "entitlementKey") is not None
            else "",
            activity_type=element.get("activityType") or "",
        )
        aus.append(au)
        return len(aus) - 1

    def read_children(element) -> tuple[list[int], list[dict]]:
        au_indexes, blocks = [], []
        for child in element:
            name = _local(child.tag)
            if name == "au":
                au_indexes.append(read_au(child))
            elif name == "block":
                block_id = read_id(child, _("block id"))
                check_objective_references(child)
                child_aus, child_blocks = read_children(child)
                blocks.append(
                    {
                        "id": block_id,
                        "title": _langstrings(_child(child, "title")),
                        "aus": child_aus,
                        "blocks": child_blocks,
                    }
                )
        return au_indexes, blocks

    _top_aus, blocks = read_children(root)
    manifest = Cmi5Manifest(
        course_id=course_id,
        title=_langstrings(_child(course, "title")),
        description=_langstrings(_child(course, "description")),
        aus=aus,
        blocks=blocks,
    )
    for activity_id in manifest.activity_ids():
        _check_length(activity_id, "cmi5.xml")
    return manifest
