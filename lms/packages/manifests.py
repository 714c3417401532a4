"""Reading package manifests: ``tincan.xml`` (Tin Can) and ``cmi5.xml`` (cmi5 course structure).

Pure functions over bytes: no database, no storage. XML is parsed without DTDs, entity
expansion or network access, and a manifest with a DOCTYPE is refused; ``cmi5.xml`` is
validated against the cmi5 ``CourseStructure.xsd`` shipped in ``schema/``.
"""

import re
from dataclasses import asdict, dataclass, field
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


# --- SCORM (imsmanifest.xml) ------------------------------------------------------------

SCORM_MANIFEST = "imsmanifest.xml"
SCORM_12 = "1.2"
SCORM_2004 = "2004"
ADLCP_12 = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
ADLCP_2004 = "http://www.adlnet.org/xsd/adlcp_v1p3"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


@dataclass
class Sco:
    id: str  # the item's identifier
    title: str
    url: str  # the resource's href (with xml:base and the item's parameters)
    resource: str
    move_on: str
    mastery_score: float | None = None  # 1.2: 0–100; 2004: scaled -1…1
    data_from_lms: str = ""
    max_time_allowed: str = ""
    time_limit_action: str = ""
    block: int | None = None  # index of the aggregation item (chapter) it sits in
    # 2004: the objective ids the manifest declares for the SCO; the LMS starts
    # cmi.objectives with them, and content looks its objectives up by these ids.
    objective_ids: list[str] = field(default_factory=list)


@dataclass
class ScormManifest:
    version: str  # SCORM_12 or SCORM_2004
    identifier: str
    title: str
    organization: str
    scos: list[Sco]
    blocks: list[dict]

    def as_structure(self) -> dict:
        return {
            "version": self.version,
            "course": {"id": self.identifier, "title": self.title},
            "organization": self.organization,
            "aus": [asdict(sco) for sco in self.scos],
            "blocks": self.blocks,
        }


def _attr(element, name: str) -> str:
    """An attribute by local name in any namespace (``adlcp:scormtype``, ``scormType``)."""
    for key, value in element.attrib.items():
        if _local(key).lower() == name.lower():
            return value.strip()
    return ""


def _child_text(element, name: str) -> str:
    """Text of the first descendant named ``name`` (any namespace, case-insensitive)."""
    for child in element.iter():
        if _local(child.tag).lower() == name.lower():
            return (child.text or "").strip()
    return ""


def _own_child_text(element, name: str) -> str:
    for child in element:
        if _local(child.tag).lower() == name.lower():
            return (child.text or "").strip()
    return ""


def _scorm_version(root) -> str:
    metadata = _child(root, "metadata")
    text = _child_text(metadata, "schemaversion") if metadata is not None else ""
    if text:
        if "2004" in text or text.startswith("CAM 1.3"):
            return SCORM_2004
        if text.startswith("1.2"):
            return SCORM_12
    namespaces = {ns for element in root.iter() for ns in (element.nsmap or {}).values()}
    return SCORM_2004 if ADLCP_2004 in namespaces else SCORM_12


def _number(text: str) -> float | None:
    try:
        value = float(Decimal(text.strip()))
    except (InvalidOperation, ValueError):
        return None
    return value if value == value and abs(value) != float("inf") else None


def _scorm_2004_mastery(item) -> float | None:
    """``imsss:minNormalizedMeasure`` of the primary objective when it is satisfied by it."""
    for element in item:
        if _local(element.tag) != "sequencing":
            continue
        for objectives in _children(element, "objectives"):
            for primary in _children(objectives, "primaryObjective"):
                if _attr(primary, "satisfiedByMeasure").lower() != "true":
                    continue
                measure = _own_child_text(primary, "minNormalizedMeasure")
                return _number(measure) if measure else 1.0
    return None


def _scorm_2004_objective_ids(item) -> list[str]:
    """``objectiveID`` of the primary and further objectives in the item's sequencing."""
    ids: list[str] = []
    for element in item:
        if _local(element.tag) != "sequencing":
            continue
        for objectives in _children(element, "objectives"):
            for objective in objectives:
                if _local(objective.tag) not in ("primaryObjective", "objective"):
                    continue
                objective_id = _attr(objective, "objectiveID").strip()[:4000]
                if objective_id and objective_id not in ids:
                    ids.append(objective_id)
    return ids[:100]  # the data model's smallest permitted maximum of objectives


def _scorm_2004_time_limit(item) -> str:
    for element in item:
        if _local(element.tag) == "sequencing":
            for limit in _children(element, "limitConditions"):
                return _attr(limit, "attemptAbsoluteDurationLimit")
    return ""


def _file_in_package(href: str, names: set[str]) -> str | None:
    path = href.split("?", 1)[0].split("#", 1)[0]
    clean = str(PurePosixPath(path.lstrip("/"))) if path else ""
    return clean if clean in names else None


def parse_scorm(raw: bytes, names: set[str]) -> ScormManifest:
    """A SCORM 1.2 or 2004 content package manifest, read from the package root.

    The default organization's items that reference SCO resources become the package's
    launchable units, in manifest order; items with children become blocks (chapters).
    Every file a resource names must be in the package.
    """
    filename = SCORM_MANIFEST
    root = _parse(raw, filename)
    if _local(root.tag) != "manifest":
        raise PackageError(_("imsmanifest.xml: the root element must be <manifest>."))
    version = _scorm_version(root)
    resources: dict[str, dict] = {}
    resources_el = _child(root, "resources")
    base = root.get(XML_BASE) or ""
    for resource in _children(resources_el, "resource") if resources_el is not None else []:
        identifier = (resource.get("identifier") or "").strip()
        res_base = (
            base
            + ((resources_el.get(XML_BASE) or "") if resources_el is not None else "")
            + (resource.get(XML_BASE) or "")
        )
        href = (resource.get("href") or "").strip()
        for file_el in _children(resource, "file"):
            file_href = (file_el.get("href") or "").strip()
            if file_href and _file_in_package(res_base + file_href, names) is None:
                raise PackageError(
                    _(
                        "imsmanifest.xml names the file %(file)s (resource %(resource)s), "
                        "which is not in the package."
                    )
                    % {"file": res_base + file_href, "resource": identifier or "—"}
                )
        resources[identifier] = {
            "href": res_base + href if href else "",
            "sco": _attr(resource, "scormtype").lower() == "sco",
        }
    organizations = _child(root, "organizations")
    orgs = _children(organizations, "organization") if organizations is not None else []
    if not orgs:
        raise PackageError(_("imsmanifest.xml contains no organization (<organization>)."))
    default = (organizations.get("default") or "").strip()
    organization = next((o for o in orgs if o.get("identifier") == default), orgs[0])
    scos: list[Sco] = []
    blocks_by_index: list[dict] = []
    seen: set[str] = set()

    def read_items(parent, block: int | None) -> tuple[list[int], list[dict]]:
        indexes, blocks = [], []
        for item in _children(parent, "item"):
            identifier = (item.get("identifier") or "").strip()
            if not identifier or identifier in seen:
                raise PackageError(
                    _("imsmanifest.xml uses the item identifier %(id)s twice or not at all.")
                    % {"id": identifier or "—"}
                )
            seen.add(identifier)
            title = _own_child_text(item, "title") or identifier
            if _children(item, "item"):
                number = len(blocks_by_index)
                entry = {"id": identifier, "title": title, "aus": [], "blocks": []}
                blocks_by_index.append(entry)
                entry["aus"], entry["blocks"] = read_items(item, number)
                blocks.append(entry)
                continue
            ref = (item.get("identifierref") or "").strip()
            if not ref:
                continue
            resource = resources.get(ref)
            if resource is None:
                raise PackageError(
                    _("imsmanifest.xml: the item %(item)s refers to the missing resource %(ref)s.")
                    % {"item": identifier, "ref": ref}
                )
            if not resource["sco"]:
                continue  # an asset: nothing to track, not offered on its own
            if not resource["href"]:
                raise PackageError(
                    _("imsmanifest.xml: the SCO resource %(ref)s names no launch file (href).")
                    % {"ref": ref}
                )
            parameters = (item.get("parameters") or "").strip()
            url = resource["href"]
            if parameters:
                joiner = "" if parameters[0] in "?#" else ("&" if "?" in url else "?")
                if parameters[0] == "?" and "?" in url:
                    parameters, joiner = parameters[1:], "&"
                url = f"{url}{joiner}{parameters}"
            url = check_relative_url(url, names, filename)
            if version == SCORM_12:
                mastery = _number(_own_child_text(item, "masteryscore") or "x")
                move_on = "CompletedOrPassed"
                max_time = _own_child_text(item, "maxtimeallowed")
            else:
                mastery = _scorm_2004_mastery(item)
                move_on = "CompletedAndPassed" if mastery is not None else "Completed"
                max_time = _scorm_2004_time_limit(item)
            scos.append(
                Sco(
                    id=identifier[:255],
                    title=title[:255],
                    url=url,
                    resource=ref,
                    move_on=move_on,
                    mastery_score=mastery,
                    data_from_lms=_own_child_text(item, "datafromlms")[:4096],
                    max_time_allowed=max_time[:64],
                    time_limit_action=_own_child_text(item, "timelimitaction")[:64],
                    block=block,
                    objective_ids=[] if version == SCORM_12 else _scorm_2004_objective_ids(item),
                )
            )
            indexes.append(len(scos) - 1)
        return indexes, blocks

    _top, blocks = read_items(organization, None)
    if not scos:
        raise PackageError(
            _(
                "imsmanifest.xml names no SCO: no item of the default organization refers "
                'to a resource with adlcp:scormtype="sco".'
            )
        )
    return ScormManifest(
        version=version,
        identifier=(root.get("identifier") or "").strip()[:255],
        title=_own_child_text(organization, "title") or scos[0].title,
        organization=(organization.get("identifier") or "").strip(),
        scos=scos,
        blocks=blocks,
    )
