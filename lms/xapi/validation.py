"""Statement validation per xAPI 1.0.3 (and 2.0.0 where it differs little). Pure, no database.

``tincan`` accepts almost anything (a statement without a verb, say), so every statement
the platform stores, whether built by ``events.py`` or posted to ``/xapi/``, passes
through ``validate_statement`` first. Errors name the offending field as a JSON path.
"""

import functools
import re

UUID_RE = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
)
IRI_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s]*$")
SHA1_RE = re.compile(r"^[0-9a-fA-F]{40}$")
LANG_RE = re.compile(
    r"^(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})"
    r"(?:-[A-Za-z]{4})?"
    r"(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"
    r"(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?$"
    r"|^[Xx](?:-[A-Za-z0-9]{1,8})+$"
    r"|^(?:i-[A-Za-z]+|art-lojban|cel-gaulish|en-GB-oed|zh-[a-z]+|no-bok|no-nyn|sgn-[A-Z]{2}-[A-Z]{3})$"
)
TIMESTAMP_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+\-]\d{2}:?\d{2})?$"
)
DURATION_RE = re.compile(
    r"^P(?:\d+(?:\.\d+)?W|(?!$)(\d+(?:\.\d+)?Y)?(\d+(?:\.\d+)?M)?(\d+(?:\.\d+)?D)?"
    r"(T(?=\d)(\d+(?:\.\d+)?H)?(\d+(?:\.\d+)?M)?(\d+(?:\.\d+)?S)?)?)$"
)
MEDIA_TYPE_RE = re.compile(r"^[A-Za-z0-9!#$&^_.+\-]+/[A-Za-z0-9!#$&^_.+\-]+(\s*;.*)?$")
SHA2_RE = re.compile(r"^[0-9a-fA-F]{56,128}$")

INTERACTION_TYPES = {
    "true-false": (),
    "choice": ("choices",),
    "fill-in": (),
    "long-fill-in": (),
    "matching": ("source", "target"),
    "performance": ("steps",),
    "sequencing": ("choices",),
    "likert": ("scale",),
    "numeric": (),
    "other": (),
}
COMPONENT_LISTS = ("choices", "scale", "source", "target", "steps")

STATEMENT_KEYS = {
    "id",
    "actor",
    "verb",
    "object",
    "result",
    "context",
    "timestamp",
    "stored",
    "authority",
    "version",
    "attachments",
}
SUBSTATEMENT_KEYS = {
    "objectType",
    "actor",
    "verb",
    "object",
    "result",
    "context",
    "timestamp",
    "attachments",
}
AGENT_KEYS = {"objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"}
GROUP_KEYS = AGENT_KEYS | {"member"}
IFIS = ("mbox", "mbox_sha1sum", "openid", "account")
VOIDED_VERB = "http://adlnet.gov/expapi/verbs/voided"
SIGNATURE_USAGE = "http://adlnet.gov/expapi/attachments/signature"


class StatementError(ValueError):
    """Invalid statement; ``path`` names the field (e.g. ``statements[3].verb.id``)."""

    def __init__(self, path: str, message: str):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)


def _fail(path, message):
    raise StatementError(path, message)


def _obj(value, path):
    if not isinstance(value, dict):
        _fail(path, "must be a JSON object")
    return value


def _keys(value, allowed, path):
    for key in value:
        if key not in allowed:
            _fail(f"{path}.{key}" if path else key, "is not an allowed property")


def _string(value, path):
    if not isinstance(value, str):
        _fail(path, "must be a string")
    return value


def _bool(value, path):
    if not isinstance(value, bool):
        _fail(path, "must be true or false")


def _number(value, path):
    if isinstance(value, bool) or not isinstance(value, int | float):
        _fail(path, "must be a number")
    return value


def is_uuid(value) -> bool:
    return isinstance(value, str) and bool(UUID_RE.match(value))


def _uuid(value, path):
    if not is_uuid(value):
        _fail(path, "must be a UUID string")


def is_iri(value) -> bool:
    return isinstance(value, str) and bool(IRI_RE.match(value))


def _iri(value, path):
    if not is_iri(value):
        _fail(path, "must be an absolute IRI")


def parse_timestamp(value: str):
    """A timezone-aware datetime from an ISO 8601 timestamp (UTC if no offset); ``None`` if bad."""
    if not isinstance(value, str):
        return None
    return _parse_timestamp_text(value)


# Validation and the insert both parse each statement's timestamp: the second is a hit.
@functools.lru_cache(maxsize=4096)
def _parse_timestamp_text(value: str):
    import datetime as dt

    match = TIMESTAMP_RE.match(value)
    if not match:
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    if zone in ("-00:00", "-0000", "-00"):
        return None
    micro = int((fraction or ".0")[1:].ljust(6, "0")[:6])
    try:
        tz = dt.UTC
        if zone and zone not in ("Z", "z"):
            sign = -1 if zone[0] == "-" else 1
            digits = zone[1:].replace(":", "")
            offset = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
            if offset >= dt.timedelta(hours=24):
                return None
            tz = dt.timezone(sign * offset)
        second_i = int(second)
        leap = second_i == 60
        stamp = dt.datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            59 if leap else second_i,
            micro,
            tzinfo=tz,
        )
        if leap:
            stamp += dt.timedelta(seconds=1)
        return stamp
    except ValueError:
        return None


def _timestamp(value, path):
    if parse_timestamp(value) is None:
        _fail(path, "must be an ISO 8601 timestamp")


def _language_map(value, path):
    _obj(value, path)
    for key, text in value.items():
        if not isinstance(key, str) or not LANG_RE.match(key):
            _fail(f"{path}.{key}", "is not an RFC 5646 language tag")
        _string(text, f"{path}.{key}")


def _extensions(value, path):
    _obj(value, path)
    for key in value:
        if not is_iri(key):
            _fail(f"{path}.{key}", "extension keys must be IRIs")


# What the store keeps in indexed columns: longer identifiers are refused (400), not
# truncated. Agent identifiers leave room for the "account:" prefix of the stored key.
MAX_IRI = 1024
MAX_VERB_IRI = 512
MAX_AGENT_ID = 500


def _at_most(value: str, limit: int, path: str) -> None:
    if len(value) > limit:
        _fail(path, f"is longer than {limit} characters, which this LRS does not store")


def _account(value, path):
    _obj(value, path)
    _keys(value, {"homePage", "name"}, path)
    if "homePage" not in value:
        _fail(f"{path}.homePage", "is required")
    _iri(value["homePage"], f"{path}.homePage")
    if "name" not in value:
        _fail(f"{path}.name", "is required")
    _string(value["name"], f"{path}.name")
    _at_most(value["homePage"] + value["name"], MAX_AGENT_ID, f"{path}.name")


def _ifis(value, path, *, required):
    present = [key for key in IFIS if key in value]
    if len(present) > 1:
        _fail(path, f"must have exactly one identifier, found {', '.join(present)}")
    if not present:
        if required:
            _fail(path, "must have one of mbox, mbox_sha1sum, openid or account")
        return
    key = present[0]
    item = value[key]
    if key == "mbox":
        if not isinstance(item, str) or not item.startswith("mailto:") or "@" not in item:
            _fail(f"{path}.mbox", "must be a mailto: IRI")
        _at_most(item, MAX_AGENT_ID, f"{path}.mbox")
    elif key == "mbox_sha1sum":
        if not isinstance(item, str) or not SHA1_RE.match(item):
            _fail(f"{path}.mbox_sha1sum", "must be a hex-encoded SHA-1 hash")
    elif key == "openid":
        _iri(item, f"{path}.openid")
        _at_most(item, MAX_AGENT_ID, f"{path}.openid")
    else:
        _account(item, f"{path}.account")


def validate_agent(value, path, *, allow_group=True, object_type_required=False):
    """Validate an Agent or (if allowed) a Group."""
    _obj(value, path)
    kind = value.get("objectType", "Agent")
    if object_type_required and "objectType" not in value:
        _fail(f"{path}.objectType", "is required")
    if kind == "Group":
        if not allow_group:
            _fail(f"{path}.objectType", "a Group is not allowed here")
        _keys(value, GROUP_KEYS, path)
        if "name" in value:
            _string(value["name"], f"{path}.name")
        _ifis(value, path, required=False)
        identified = any(key in value for key in IFIS)
        if "member" in value:
            members = value["member"]
            if not isinstance(members, list):
                _fail(f"{path}.member", "must be an array of Agents")
            for index, member in enumerate(members):
                member_path = f"{path}.member[{index}]"
                validate_agent(member, member_path, allow_group=False)
        elif not identified:
            _fail(f"{path}.member", "is required for an anonymous Group")
        if not identified and not value["member"]:
            _fail(f"{path}.member", "an anonymous Group needs at least one member")
    elif kind == "Agent":
        _keys(value, AGENT_KEYS, path)
        if "name" in value:
            _string(value["name"], f"{path}.name")
        _ifis(value, path, required=True)
    else:
        _fail(f"{path}.objectType", "must be 'Agent' or 'Group'")


def _verb(value, path):
    _obj(value, path)
    _keys(value, {"id", "display"}, path)
    if "id" not in value:
        _fail(f"{path}.id", "is required")
    _iri(value["id"], f"{path}.id")
    _at_most(value["id"], MAX_VERB_IRI, f"{path}.id")
    if "display" in value:
        _language_map(value["display"], f"{path}.display")


def _components(value, path):
    if not isinstance(value, list):
        _fail(path, "must be an array of interaction components")
    seen = set()
    for index, component in enumerate(value):
        item_path = f"{path}[{index}]"
        _obj(component, item_path)
        _keys(component, {"id", "description"}, item_path)
        if "id" not in component:
            _fail(f"{item_path}.id", "is required")
        ident = _string(component["id"], f"{item_path}.id")
        if not ident.strip():
            _fail(f"{item_path}.id", "must not be empty")
        if ident in seen:
            _fail(f"{item_path}.id", "must be unique within the list")
        seen.add(ident)
        if "description" in component:
            _language_map(component["description"], f"{item_path}.description")


def _definition(value, path):
    _obj(value, path)
    allowed = {
        "name",
        "description",
        "type",
        "moreInfo",
        "extensions",
        "interactionType",
        "correctResponsesPattern",
        *COMPONENT_LISTS,
    }
    _keys(value, allowed, path)
    for key in ("name", "description"):
        if key in value:
            _language_map(value[key], f"{path}.{key}")
    for key in ("type", "moreInfo"):
        if key in value:
            _iri(value[key], f"{path}.{key}")
    if "extensions" in value:
        _extensions(value["extensions"], f"{path}.extensions")
    interaction = value.get("interactionType")
    if interaction is None:
        for key in ("correctResponsesPattern", *COMPONENT_LISTS):
            if key in value:
                _fail(f"{path}.{key}", "requires interactionType")
        return
    if not isinstance(interaction, str) or interaction not in INTERACTION_TYPES:
        _fail(f"{path}.interactionType", "is not a cmi.interaction type")
    if "correctResponsesPattern" in value:
        pattern = value["correctResponsesPattern"]
        if not isinstance(pattern, list) or not all(isinstance(p, str) for p in pattern):
            _fail(f"{path}.correctResponsesPattern", "must be an array of strings")
    allowed_lists = INTERACTION_TYPES[interaction]
    for key in COMPONENT_LISTS:
        if key in value:
            if key not in allowed_lists:
                _fail(f"{path}.{key}", f"is not allowed for interactionType {interaction}")
            _components(value[key], f"{path}.{key}")


def validate_activity(value, path):
    _obj(value, path)
    _keys(value, {"objectType", "id", "definition"}, path)
    if value.get("objectType", "Activity") != "Activity":
        _fail(f"{path}.objectType", "must be 'Activity'")
    if "id" not in value:
        _fail(f"{path}.id", "is required")
    _iri(value["id"], f"{path}.id")
    _at_most(value["id"], MAX_IRI, f"{path}.id")
    if "definition" in value:
        _definition(value["definition"], f"{path}.definition")


def _statement_ref(value, path):
    _keys(value, {"objectType", "id"}, path)
    if "id" not in value:
        _fail(f"{path}.id", "is required")
    _uuid(value["id"], f"{path}.id")


def _object(value, path, *, in_substatement, version="1.0.3"):
    _obj(value, path)
    kind = value.get("objectType", "Activity")
    if kind == "Activity":
        validate_activity(value, path)
    elif kind in ("Agent", "Group"):
        validate_agent(value, path, object_type_required=True)
    elif kind == "StatementRef":
        _statement_ref(value, path)
    elif kind == "SubStatement":
        if in_substatement:
            _fail(f"{path}.objectType", "a SubStatement must not contain a SubStatement")
        _substatement(value, path, version=version)
    else:
        _fail(f"{path}.objectType", "is not a valid object type")


def _score(value, path):
    _obj(value, path)
    _keys(value, {"scaled", "raw", "min", "max"}, path)
    for key in value:
        _number(value[key], f"{path}.{key}")
    if "scaled" in value and not -1 <= value["scaled"] <= 1:
        _fail(f"{path}.scaled", "must be between -1 and 1")
    low, high = value.get("min"), value.get("max")
    if low is not None and high is not None and low >= high:
        _fail(f"{path}.min", "must be less than max")
    if "raw" in value:
        if low is not None and value["raw"] < low:
            _fail(f"{path}.raw", "must not be less than min")
        if high is not None and value["raw"] > high:
            _fail(f"{path}.raw", "must not be greater than max")


def _result(value, path):
    _obj(value, path)
    _keys(value, {"score", "success", "completion", "response", "duration", "extensions"}, path)
    if "score" in value:
        _score(value["score"], f"{path}.score")
    for key in ("success", "completion"):
        if key in value:
            _bool(value[key], f"{path}.{key}")
    if "response" in value:
        _string(value["response"], f"{path}.response")
    if "duration" in value and (
        not isinstance(value["duration"], str) or not DURATION_RE.match(value["duration"])
    ):
        _fail(f"{path}.duration", "must be an ISO 8601 duration")
    if "extensions" in value:
        _extensions(value["extensions"], f"{path}.extensions")


def _relevant_types(value, path):
    if not isinstance(value, list) or not value:
        _fail(path, "must be a non-empty array of IRIs")
    for index, item in enumerate(value):
        _iri(item, f"{path}[{index}]")


def _context_agents(value, path, *, kind):
    if not isinstance(value, list):
        _fail(path, "must be an array")
    object_type, key = ("contextAgent", "agent") if kind == "agent" else ("contextGroup", "group")
    for index, item in enumerate(value):
        item_path = f"{path}[{index}]"
        _obj(item, item_path)
        _keys(item, {"objectType", key, "relevantTypes"}, item_path)
        if item.get("objectType") != object_type:
            _fail(f"{item_path}.objectType", f"must be '{object_type}'")
        if key not in item:
            _fail(f"{item_path}.{key}", "is required")
        if kind == "agent":
            validate_agent(item[key], f"{item_path}.{key}", allow_group=False)
        else:
            group = _obj(item[key], f"{item_path}.{key}")
            if group.get("objectType") != "Group":
                _fail(f"{item_path}.{key}.objectType", "must be 'Group'")
            validate_agent(group, f"{item_path}.{key}")
        if "relevantTypes" in item:
            _relevant_types(item["relevantTypes"], f"{item_path}.relevantTypes")


def _context(value, path, *, object_kind, version="1.0.3"):
    _obj(value, path)
    allowed = {
        "registration",
        "instructor",
        "team",
        "contextActivities",
        "revision",
        "platform",
        "language",
        "statement",
        "extensions",
    }
    if version.startswith("2."):
        allowed |= {"contextAgents", "contextGroups"}
    _keys(value, allowed, path)
    if "contextAgents" in value:
        _context_agents(value["contextAgents"], f"{path}.contextAgents", kind="agent")
    if "contextGroups" in value:
        _context_agents(value["contextGroups"], f"{path}.contextGroups", kind="group")
    if "registration" in value:
        _uuid(value["registration"], f"{path}.registration")
    if "instructor" in value:
        validate_agent(value["instructor"], f"{path}.instructor")
    if "team" in value:
        team = _obj(value["team"], f"{path}.team")
        if team.get("objectType") != "Group":
            _fail(f"{path}.team.objectType", "must be 'Group'")
        validate_agent(team, f"{path}.team")
    if "contextActivities" in value:
        activities = _obj(value["contextActivities"], f"{path}.contextActivities")
        _keys(activities, {"parent", "grouping", "category", "other"}, f"{path}.contextActivities")
        for key, item in activities.items():
            item_path = f"{path}.contextActivities.{key}"
            items = item if isinstance(item, list) else [item]
            for index, activity in enumerate(items):
                validate_activity(activity, f"{item_path}[{index}]")
    for key in ("revision", "platform"):
        if key in value:
            _string(value[key], f"{path}.{key}")
            if object_kind != "Activity":
                _fail(f"{path}.{key}", "is only allowed when the object is an Activity")
    if "language" in value:
        language = _string(value["language"], f"{path}.language")
        if not LANG_RE.match(language):
            _fail(f"{path}.language", "is not an RFC 5646 language tag")
    if "statement" in value:
        ref = _obj(value["statement"], f"{path}.statement")
        if ref.get("objectType") != "StatementRef":
            _fail(f"{path}.statement.objectType", "must be 'StatementRef'")
        _statement_ref(ref, f"{path}.statement")
    if "extensions" in value:
        _extensions(value["extensions"], f"{path}.extensions")


def _attachments(value, path):
    if not isinstance(value, list):
        _fail(path, "must be an array")
    for index, attachment in enumerate(value):
        item_path = f"{path}[{index}]"
        _obj(attachment, item_path)
        _keys(
            attachment,
            {"usageType", "display", "description", "contentType", "length", "sha2", "fileUrl"},
            item_path,
        )
        for key in ("usageType", "display", "contentType", "length", "sha2"):
            if key not in attachment:
                _fail(f"{item_path}.{key}", "is required")
        _iri(attachment["usageType"], f"{item_path}.usageType")
        _language_map(attachment["display"], f"{item_path}.display")
        if "description" in attachment:
            _language_map(attachment["description"], f"{item_path}.description")
        content_type = attachment["contentType"]
        if not isinstance(content_type, str) or not MEDIA_TYPE_RE.match(content_type):
            _fail(f"{item_path}.contentType", "must be an Internet media type")
        length = attachment["length"]
        if isinstance(length, bool) or not isinstance(length, int) or length < 0:
            _fail(f"{item_path}.length", "must be a non-negative integer")
        if not isinstance(attachment["sha2"], str) or not SHA2_RE.match(attachment["sha2"]):
            _fail(f"{item_path}.sha2", "must be a hex-encoded SHA-2 hash")
        if "fileUrl" in attachment:
            _iri(attachment["fileUrl"], f"{item_path}.fileUrl")


def _core(value, path, *, in_substatement, version="1.0.3"):
    for key in ("actor", "verb", "object"):
        if key not in value:
            _fail(f"{path}.{key}" if path else key, "is required")
    prefix = f"{path}." if path else ""
    validate_agent(value["actor"], f"{prefix}actor")
    _verb(value["verb"], f"{prefix}verb")
    _object(value["object"], f"{prefix}object", in_substatement=in_substatement, version=version)
    obj = value["object"]
    if value["verb"]["id"] == VOIDED_VERB and (
        not isinstance(obj, dict) or obj.get("objectType") != "StatementRef"
    ):
        _fail(f"{prefix}object.objectType", "a voiding statement must target a StatementRef")
    if "result" in value:
        _result(value["result"], f"{prefix}result")
    if "context" in value:
        kind = obj.get("objectType", "Activity")
        _context(value["context"], f"{prefix}context", object_kind=kind, version=version)
    if "timestamp" in value:
        _timestamp(value["timestamp"], f"{prefix}timestamp")
    if "attachments" in value:
        _attachments(value["attachments"], f"{prefix}attachments")


def _substatement(value, path, *, version="1.0.3"):
    _keys(value, SUBSTATEMENT_KEYS, path)
    _core(value, path, in_substatement=True, version=version)


def validate_statement(statement, path: str = "", *, version: str = "1.0.3") -> None:
    """Raise ``StatementError`` unless ``statement`` is a valid xAPI statement."""
    _obj(statement, path or "statement")
    _keys(statement, STATEMENT_KEYS, path)
    prefix = f"{path}." if path else ""
    if "id" in statement:
        _uuid(statement["id"], f"{prefix}id")
    _core(statement, path, in_substatement=False, version=version)
    if "stored" in statement:
        _timestamp(statement["stored"], f"{prefix}stored")
    if "authority" in statement:
        validate_agent(statement["authority"], f"{prefix}authority")
        authority = statement["authority"]
        if authority.get("objectType") == "Group":
            if any(key in authority for key in IFIS):
                _fail(f"{prefix}authority", "a Group authority must be an anonymous group")
            members = authority.get("member") or []
            if len(members) != 2:
                _fail(f"{prefix}authority.member", "a Group authority must have two members")
    if "version" in statement:
        stated = statement["version"]
        majors = ("1.0", "2.0") if version.startswith("2.") else ("1.0",)
        if stated in majors:
            return
        if (
            not isinstance(stated, str)
            or not re.match(r"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.\-]+)?$", stated)
            or not stated.startswith(tuple(f"{major}." for major in majors))
        ):
            _fail(f"{prefix}version", f"must be a {' or '.join(majors)}.x version")
