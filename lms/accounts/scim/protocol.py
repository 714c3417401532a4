"""SCIM protocol pieces: schema URNs, errors, filters, PATCH operations, versions."""

import hashlib
import json
import re

USER = "urn:ietf:params:scim:schemas:core:2.0:User"
GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"
CONTENT_TYPE = "application/scim+json"


class ScimError(Exception):
    """An error answered as RFC 7644 section 3.12 describes."""

    def __init__(self, status: int, detail: str, scim_type: str | None = None):
        super().__init__(detail)
        self.status, self.detail, self.scim_type = status, detail, scim_type

    def body(self) -> dict:
        body = {"schemas": [ERROR], "status": str(self.status), "detail": self.detail}
        if self.scim_type:
            body["scimType"] = self.scim_type
        return body


# Only what provisioning clients send: ``attribute eq "value"`` (RFC 7644 section 3.4.2.2).
_FILTER = re.compile(r'^\s*([A-Za-z][\w.:]*)\s+(eq)\s+"((?:[^"\\]|\\.)*)"\s*$', re.IGNORECASE)


def filter_parse(text: str, allowed: set[str]) -> tuple[str, str]:
    """``(attribute, value)`` of an ``eq`` filter on one of ``allowed`` (compared
    case-insensitively), or ``ScimError`` invalidFilter."""
    if len(text) > 1000:
        raise ScimError(400, "The filter is too long.", "invalidFilter")
    match = _FILTER.match(text)
    if not match:
        raise ScimError(
            400, 'Only filters of the form attribute eq "value" are supported.', "invalidFilter"
        )
    attribute, _op, raw = match.groups()
    by_lower = {name.lower(): name for name in allowed}
    if attribute.lower() not in by_lower:
        raise ScimError(400, f"Filtering on {attribute!r} is not supported.", "invalidFilter")
    try:
        value = json.loads(f'"{raw}"')
    except ValueError as error:
        raise ScimError(400, "The filter value is malformed.", "invalidFilter") from error
    if "\x00" in value:
        raise ScimError(400, "The filter value is malformed.", "invalidFilter")
    return by_lower[attribute.lower()], value


def pagination(params) -> tuple[int, int]:
    """``(startIndex, count)`` from the query (1-based; RFC 7644 section 3.4.2.4)."""
    from django.conf import settings

    try:
        start = int(params.get("startIndex", 1))
        count = int(params.get("count", settings.QD_SCIM_MAX_RESULTS))
    except ValueError as error:
        raise ScimError(400, "startIndex and count must be integers.", "invalidValue") from error
    return max(start, 1), min(max(count, 0), settings.QD_SCIM_MAX_RESULTS)


def version(resource: dict) -> str:
    """A weak ETag over the resource's content (without ``meta``)."""
    content = {key: value for key, value in resource.items() if key != "meta"}
    digest = hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()[:32]
    return f'W/"{digest}"'


def etag_check(if_match: str | None, current: str) -> None:
    """412 when ``If-Match`` names another version (RFC 7644 section 3.14)."""
    if if_match is None:
        return
    wanted = {tag.strip() for tag in if_match.split(",")}
    if "*" not in wanted and current not in wanted:
        raise ScimError(412, "The resource has changed (If-Match does not match).")


_IMMUTABLE = {"id", "meta", "schemas"}


def patch_apply(resource: dict, body: dict) -> dict:
    """Apply a PatchOp request's operations to a resource's representation (a copy).

    Paths: a top-level attribute (``active``), a sub-attribute (``name.givenName``), an
    extension attribute (``urn:…:enterprise:2.0:User:department``) and, for groups,
    ``members[value eq "…"]`` for remove. Without a path, ``value`` is a dict of them.
    """
    if not isinstance(body, dict) or PATCH not in (body.get("schemas") or []):
        raise ScimError(400, "A PATCH request needs the PatchOp schema.", "invalidSyntax")
    operations = body.get("Operations")
    if not isinstance(operations, list) or not operations:
        raise ScimError(400, "A PATCH request needs Operations.", "invalidSyntax")
    resource = json.loads(json.dumps(resource))
    for operation in operations:
        if not isinstance(operation, dict):
            raise ScimError(400, "Each operation must be an object.", "invalidSyntax")
        op = str(operation.get("op", "")).lower()
        path = operation.get("path")
        value = operation.get("value")
        if op not in {"add", "replace", "remove"}:
            raise ScimError(400, f"Unknown operation {op!r}.", "invalidSyntax")
        if path is not None and not isinstance(path, str):
            raise ScimError(400, "The path must be a string.", "invalidPath")
        if path is None:
            if op == "remove":
                raise ScimError(400, "remove needs a path.", "noTarget")
            if not isinstance(value, dict):
                raise ScimError(400, "Without a path the value must be an object.", "invalidValue")
            for key, item in value.items():
                _set(resource, key, item, op)
        elif op == "remove":
            _remove(resource, path, value)
        else:
            _set(resource, path, value, op)
    return resource


def _split(path: str) -> tuple[str | None, list[str]]:
    """(extension URN or None, attribute path parts)."""
    for urn in (ENTERPRISE, USER, GROUP):
        if path.startswith(urn + ":"):
            rest = path[len(urn) + 1 :]
            return (urn if urn == ENTERPRISE else None), rest.split(".")
        if path == urn:
            return urn if urn == ENTERPRISE else None, []
    return None, path.split(".")


def _container(resource: dict, urn: str | None) -> dict:
    if urn is None:
        return resource
    return resource.setdefault(urn, {})


def _set(resource: dict, path: str, value, op: str) -> None:
    if "[" in path:
        raise ScimError(400, f"The path {path!r} is not supported here.", "invalidPath")
    urn, parts = _split(path)
    if parts and parts[0] in _IMMUTABLE and urn is None:
        raise ScimError(400, f"{parts[0]} cannot be changed.", "mutability")
    target = _container(resource, urn)
    if not parts:
        if not isinstance(value, dict):
            raise ScimError(400, "The value must be an object.", "invalidValue")
        target.update(value)
        return
    for part in parts[:-1]:
        target = target.setdefault(part, {})
        if not isinstance(target, dict):
            raise ScimError(400, f"The path {path!r} does not name an object.", "invalidPath")
    key = parts[-1]
    if op == "add" and isinstance(target.get(key), list) and isinstance(value, list):
        known = {json.dumps(item, sort_keys=True) for item in target[key]}
        target[key] += [item for item in value if json.dumps(item, sort_keys=True) not in known]
    elif op == "add" and key == "members":
        target[key] = list(target.get(key) or []) + (value if isinstance(value, list) else [value])
    else:
        target[key] = value


_MEMBER_FILTER = re.compile(r'^members\[value eq "([^"\\]{1,100})"\]$', re.IGNORECASE)


def _remove(resource: dict, path: str, value) -> None:
    member = _MEMBER_FILTER.match(path)
    if member:
        resource["members"] = [
            item for item in resource.get("members", []) if item.get("value") != member.group(1)
        ]
        return
    if "[" in path:
        raise ScimError(400, f"The path {path!r} is not supported.", "invalidPath")
    urn, parts = _split(path)
    if parts and parts[0] in _IMMUTABLE and urn is None:
        raise ScimError(400, f"{parts[0]} cannot be changed.", "mutability")
    target = _container(resource, urn)
    for part in parts[:-1]:
        target = target.get(part)
        if not isinstance(target, dict):
            return
    key = parts[-1] if parts else None
    if key is None:
        return
    if key == "members" and isinstance(value, list):
        gone = {item.get("value") for item in value if isinstance(item, dict)}
        target[key] = [item for item in target.get(key, []) if item.get("value") not in gone]
    else:
        target.pop(key, None)
