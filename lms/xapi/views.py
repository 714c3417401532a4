"""The xAPI resources at /xapi/: thin handlers that parse, call a service or selector, answer."""

import base64
import binascii
import contextlib
import hashlib
import json
import uuid
from email.utils import format_datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpResponse

from lms.xapi import credentials, identity, multipart, selectors, services, signatures
from lms.xapi.models import Document
from lms.xapi.protocol import LRSError, LRSRequest, json_response, xapi_view
from lms.xapi.validation import (
    MAX_IRI,
    SIGNATURE_USAGE,
    VOIDED_VERB,
    StatementError,
    is_iri,
    is_uuid,
    parse_timestamp,
    validate_agent,
    validate_statement,
)

STATEMENT_GET_PARAMS = {
    "statementId",
    "voidedStatementId",
    "agent",
    "verb",
    "activity",
    "registration",
    "related_activities",
    "related_agents",
    "since",
    "until",
    "limit",
    "format",
    "attachments",
    "ascending",
    "more",
}
HASHES = {64: hashlib.sha256, 96: hashlib.sha384, 128: hashlib.sha512}


# --- parsing helpers --------------------------------------------------------------------


def _json(raw: bytes, what: str):
    try:
        value = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except (ValueError, UnicodeDecodeError, RecursionError):  # too deeply nested, too
        raise LRSError(f"{what} is not valid JSON.") from None
    if b"\\u0000" in raw or b"\\ud" in raw.lower():
        _reject_unstorable(value, what)
    return value


def _reject_unstorable(value, what: str) -> None:
    """PostgreSQL cannot store NUL characters or lone surrogates in JSON: say so (400)."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, str):
            if "\x00" in item:
                raise LRSError(f"{what} contains a NUL character (\\u0000), which is not allowed.")
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                raise LRSError(f"{what} contains an unpaired UTF-16 surrogate.") from None


def _reject_constant(name):
    raise ValueError(name)


def _agent_param(req: LRSRequest, name: str = "agent", *, required: bool = True):
    raw = req.params.get(name)
    if raw is None:
        if required:
            raise LRSError(f"The {name} parameter is required.")
        return None, None
    agent = _json(raw.encode(), f"The {name} parameter")
    try:
        validate_agent(agent, name)
    except StatementError as error:
        raise LRSError(str(error)) from None
    key = identity.agent_key(agent)
    if key is None:
        raise LRSError(f"The {name} parameter must identify an Agent or an identified Group.")
    return agent, key


def _iri_param(req: LRSRequest, name: str, *, required: bool = True) -> str | None:
    value = req.params.get(name)
    if value is None:
        if required:
            raise LRSError(f"The {name} parameter is required.")
        return None
    if not is_iri(value):
        raise LRSError(f"The {name} parameter must be an IRI.")
    if len(value) > MAX_IRI:
        raise LRSError(f"The {name} parameter is longer than {MAX_IRI} characters.")
    return value


def _uuid_param(req: LRSRequest, name: str) -> str | None:
    value = req.params.get(name)
    if value is None:
        return None
    if not is_uuid(value):
        raise LRSError(f"The {name} parameter must be a UUID.")
    return value.lower()


def _time_param(req: LRSRequest, name: str):
    value = req.params.get(name)
    if value is None:
        return None
    parsed = parse_timestamp(value)
    if parsed is None:
        raise LRSError(f"The {name} parameter must be an ISO 8601 timestamp.")
    return parsed


def _bool_param(req: LRSRequest, name: str) -> bool:
    value = req.params.get(name, "false").lower()
    if value not in ("true", "false"):
        raise LRSError(f"The {name} parameter must be true or false.")
    return value == "true"


# --- Statements -------------------------------------------------------------------------


def _attachment_parts(req: LRSRequest) -> tuple[object, dict[str, tuple[str, bytes]], bool]:
    """The statement JSON and attachment parts of a POST/PUT body."""
    content_type = req.content_type.split(";")[0].strip().lower()
    if content_type == "multipart/mixed":
        try:
            parts = multipart.parse(req.body, req.content_type)
        except multipart.MultipartError as error:
            raise LRSError(str(error)) from None
        first_headers, first = parts[0]
        if not first_headers.get("content-type", "").lower().startswith("application/json"):
            raise LRSError("The first part of a multipart request must be application/json.")
        data = _json(first, "The statement part")
        attachments: dict[str, tuple[str, bytes]] = {}
        for index, (headers, content) in enumerate(parts[1:], start=1):
            sha2 = headers.get("x-experience-api-hash")
            if not sha2:
                raise LRSError(f"Attachment part {index} has no X-Experience-API-Hash header.")
            if headers.get("content-transfer-encoding", "").lower() != "binary":
                raise LRSError(f"Attachment part {index} needs Content-Transfer-Encoding: binary.")
            hasher = HASHES.get(len(sha2))
            if hasher is None or hasher(content).hexdigest() != sha2.lower():
                raise LRSError(f"Attachment part {index}: the content does not match its hash.")
            attachments[sha2.lower()] = (
                headers.get("content-type", "application/octet-stream"),
                content,
            )
        return data, attachments, True
    if content_type in ("application/json", ""):
        if not req.body:
            raise LRSError("The request body is empty.")
        return _json(req.body, "The request body"), {}, False
    raise LRSError("Content-Type must be application/json or multipart/mixed.")


def _check_attachments(statements: list[dict], parts: dict, many: bool) -> dict:
    used = set()
    for index, statement in enumerate(statements):
        prefix = f"statements[{index}]." if many else ""
        for number, attachment in enumerate(statement.get("attachments") or []):
            path = f"{prefix}attachments[{number}]"
            sha2 = attachment["sha2"].lower()
            if attachment["usageType"] == SIGNATURE_USAGE:
                if attachment["contentType"] != "application/octet-stream":
                    raise LRSError(
                        f"{path}.contentType: a signature must be application/octet-stream"
                    )
                if sha2 not in parts:
                    raise LRSError(f"{path}: the signature part is missing")
                try:
                    signatures.check_signature(statement=statement, jws=parts[sha2][1], path=path)
                except StatementError as error:
                    raise LRSError(str(error)) from None
            if "fileUrl" not in attachment and sha2 not in parts:
                raise LRSError(f"{path}: no part carries the attachment with sha2 {sha2}")
            if sha2 in parts:
                used.add(sha2)
    unused = set(parts) - used
    if unused:
        raise LRSError(f"Attachment parts {', '.join(sorted(unused))} belong to no statement.")
    return {sha2: parts[sha2] for sha2 in used}


def _check_scope(req: LRSRequest, statements: list[dict]) -> None:
    client = req.client
    if client is None or not client.is_scoped:
        return
    extension = credentials.scope_extension(client)
    allowed = {client.scope_activity_id, *extension.activity_ids} - {""}
    for index, statement in enumerate(statements):
        if identity.agent_key(statement.get("actor")) != client.scope_actor_key:
            raise LRSError(f"statements[{index}].actor: outside this credential's scope", 403)
        context = statement.get("context") or {}
        if client.scope_registration is not None and str(
            context.get("registration", "")
        ).lower() != str(client.scope_registration):
            raise LRSError(
                f"statements[{index}].context.registration: outside this credential's scope", 403
            )
        verb = (statement.get("verb") or {}).get("id", "")
        # Content must not void: it could erase the person's other records (cmi5 6.3).
        if verb == VOIDED_VERB or verb in extension.forbidden_verbs:
            raise LRSError(f"statements[{index}].verb: this credential may not use {verb}", 403)
        if allowed and not _within_activity(statement, allowed):
            raise LRSError(f"statements[{index}].object: outside this credential's scope", 403)
    refusal = credentials.statement_refusal(client, statements)
    if refusal is not None:
        raise LRSError(refusal[1], 403)


def _in_scope(activity_id: str, allowed: set[str]) -> bool:
    """The activity itself or one of its sub-activities (``<id>/…``, ``<id>#…``, ``<id>?…``)."""
    return any(
        activity_id == scope or activity_id.startswith((scope + "/", scope + "#", scope + "?"))
        for scope in allowed
    )


def _within_activity(statement: dict, allowed: set[str]) -> bool:
    """The object is a scoped activity, or the context names one as parent or grouping.

    Real content reports about parts of itself under ids of its own: a cmi5 AU's
    statements about a video or a question carry the AU's ``contextTemplate`` (grouping:
    the publisher id from cmi5.xml), Tin Can pages name the course as parent or grouping.
    Categories and ``other`` do not count: they classify, they do not place.
    """
    obj = statement.get("object") or {}
    if obj.get("objectType") == "StatementRef":
        return True
    if obj.get("objectType", "Activity") == "Activity" and _in_scope(obj.get("id", ""), allowed):
        return True
    activities = (statement.get("context") or {}).get("contextActivities") or {}
    for key in ("parent", "grouping"):
        items = activities.get(key) or []
        for item in items if isinstance(items, list) else [items]:
            if isinstance(item, dict) and _in_scope(item.get("id", ""), allowed):
                return True
    return False


def _store(req: LRSRequest, statements: list[dict], attachments: dict, many: bool):
    version = req.version
    for index, statement in enumerate(statements):
        try:
            validate_statement(statement, f"statements[{index}]" if many else "", version=version)
        except StatementError as error:
            raise LRSError(str(error)) from None
    attachments = _check_attachments(statements, attachments, many)
    # A scoped client's rules (e.g. a cmi5 session's) are checked in the insert's transaction
    # so that two requests of one session cannot both pass them.
    scoped = req.client is not None and req.client.is_scoped
    with transaction.atomic() if scoped else contextlib.nullcontext():
        _check_scope(req, statements)
        return _insert(req, statements, attachments, version)


def _insert(req: LRSRequest, statements: list[dict], attachments: dict, version: str):
    for retry in (False, True):
        try:
            return services.statements_store(
                statements=statements,
                authority=req.client.authority or None,
                client=req.client,
                version=version,
                attachments=attachments,
                validated=True,
            )
        except StatementError as error:
            raise LRSError(str(error)) from None
        except services.StatementConflict as error:
            raise LRSError(str(error), status=409) from None
        except IntegrityError:
            # A concurrent request stored one of these ids between the existence check and
            # the insert (nothing of ours was written). Once more: now the conflict rules
            # see it (same content: skipped, other content: 409).
            if retry:
                raise LRSError(
                    "Statements with these ids are being stored right now.", 409
                ) from None


def _statements_put(req: LRSRequest) -> HttpResponse:
    statement_id = req.params.get("statementId")
    if statement_id is None:
        raise LRSError("PUT needs the statementId parameter.")
    if not is_uuid(statement_id):
        raise LRSError("The statementId parameter must be a UUID.")
    extra = set(req.params) - {"statementId"}
    if extra:
        raise LRSError(f"Unexpected parameters: {', '.join(sorted(extra))}.")
    data, parts, _multipart = _attachment_parts(req)
    if not isinstance(data, dict):
        raise LRSError("PUT takes a single statement (a JSON object).")
    if "id" in data and str(data["id"]).lower() != statement_id.lower():
        raise LRSError("The statement id does not match the statementId parameter.")
    data["id"] = statement_id.lower()
    _store(req, [data], parts, False)
    return HttpResponse(status=204)


def _statements_post(req: LRSRequest) -> HttpResponse:
    data, parts, _multipart = _attachment_parts(req)
    many = isinstance(data, list)
    statements = data if many else [data]
    if many and not statements:
        raise LRSError("The statement array is empty.")
    for index, statement in enumerate(statements):
        if not isinstance(statement, dict):
            raise LRSError(f"statements[{index}]: must be a JSON object")
    _store(req, statements, parts, many)
    return json_response([statement["id"] for statement in statements])


def _ids_agent(agent):
    if not isinstance(agent, dict):
        return agent
    out = {}
    if "objectType" in agent:
        out["objectType"] = agent["objectType"]
    for key in ("mbox", "mbox_sha1sum", "openid", "account"):
        if key in agent:
            out[key] = agent[key]
    if agent.get("objectType") == "Group" and "member" in agent and len(out) <= 1:
        out["member"] = [_ids_agent(member) for member in agent["member"]]
    return out


def _ids_object(obj):
    kind = obj.get("objectType", "Activity")
    if kind == "Activity":
        return {"id": obj["id"]}
    if kind in ("Agent", "Group"):
        return _ids_agent(obj)
    if kind == "SubStatement":
        return _format_ids(obj)
    return obj


def _format_ids(statement: dict) -> dict:
    out = dict(statement)
    out["actor"] = _ids_agent(statement["actor"])
    out["verb"] = {"id": statement["verb"]["id"]}
    out["object"] = _ids_object(statement["object"])
    if "authority" in out:
        out["authority"] = _ids_agent(out["authority"])
    context = statement.get("context")
    if context:
        context = dict(context)
        for key in ("instructor", "team"):
            if key in context:
                context[key] = _ids_agent(context[key])
        if "contextActivities" in context:
            context["contextActivities"] = {
                key: [{"id": item["id"]} for item in items]
                for key, items in context["contextActivities"].items()
            }
        out["context"] = context
    return out


def _pick_language(language_map: dict, accepted: list[str]) -> dict:
    if not isinstance(language_map, dict) or not language_map:
        return language_map
    lower = {key.lower(): key for key in language_map}
    for language in accepted:
        if language.lower() in lower:
            key = lower[language.lower()]
            return {key: language_map[key]}
        for key_lower, key in lower.items():
            if key_lower.split("-")[0] == language.lower().split("-")[0]:
                return {key: language_map[key]}
    key = next(iter(language_map))
    return {key: language_map[key]}


def _canonical(value, accepted: list[str], parent_key: str = ""):
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if (
                key in ("display", "name", "description")
                and isinstance(item, dict)
                and (parent_key != "account")
            ):
                if key == "name" and parent_key in ("actor", "authority", "member", "instructor"):
                    out[key] = item
                else:
                    out[key] = _pick_language(item, accepted)
            elif key == "extensions":
                out[key] = item
            else:
                out[key] = _canonical(item, accepted, key)
        return out
    if isinstance(value, list):
        return [_canonical(item, accepted, parent_key) for item in value]
    return value


def _accepted_languages(header: str) -> list[str]:
    languages = []
    for part in header.split(","):
        tag, _sep, quality = part.strip().partition(";q=")
        if tag.strip() and tag.strip() != "*":
            try:
                weight = float(quality) if quality else 1.0
            except ValueError:
                weight = 0.0
            languages.append((weight, tag.strip()))
    return [tag for _weight, tag in sorted(languages, key=lambda pair: -pair[0])]


def _format(texts: list[str], fmt: str, req: LRSRequest) -> tuple[list[dict] | None, bytes]:
    if fmt == "exact":
        return None, ("[" + ",".join(texts) + "]").encode()
    statements = [json.loads(text) for text in texts]
    if fmt == "ids":
        statements = [_format_ids(statement) for statement in statements]
    else:
        accepted = _accepted_languages(req.headers.get("accept-language") or "")
        statements = [_canonical(statement, accepted) for statement in statements]
    return statements, json.dumps(statements).encode()


def _statement_response(req, body: bytes, statements_for_attachments, with_attachments: bool):
    if not with_attachments:
        response = HttpResponse(body, content_type="application/json")
    else:
        parts = selectors.attachments_for(statements_for_attachments)
        content, content_type = multipart.build(body, parts)
        response = HttpResponse(content, content_type=content_type)
    return response


def _encode_more(params: dict, after) -> str:
    payload = dict(params)
    payload["_after"] = [after[1].isoformat(), str(after[2])]
    token = base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")
    return token


def _decode_more(token: str) -> dict:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        payload = json.loads(raw)
        if not isinstance(payload, dict) or "_after" not in payload:
            raise ValueError
        return payload
    except (ValueError, binascii.Error, RecursionError):
        raise LRSError("The more parameter is not a valid continuation token.") from None


def _statements_get(req: LRSRequest) -> HttpResponse:
    params = dict(req.params)
    unknown = set(params) - STATEMENT_GET_PARAMS
    if unknown:
        raise LRSError(f"Unknown parameters: {', '.join(sorted(unknown))}.")
    after = None
    if "more" in params:
        if len(params) > 1:
            raise LRSError("The more parameter must be used alone.")
        payload = _decode_more(params["more"])
        stored, last_id = payload.pop("_after")
        after = (parse_timestamp(stored), last_id)
        params = {key: str(value) for key, value in payload.items()}
        req.params = params
    fmt = params.get("format", "exact")
    if fmt not in ("exact", "ids", "canonical"):
        raise LRSError("The format parameter must be ids, exact or canonical.")
    with_attachments = _bool_param(req, "attachments")
    if "statementId" in params or "voidedStatementId" in params:
        return _single_statement(req, params, fmt, with_attachments)

    _agent, agent_key = _agent_param(req, required=False)
    verb = _iri_param(req, "verb", required=False)
    activity = _iri_param(req, "activity", required=False)
    registration = _uuid_param(req, "registration")
    limit_raw = params.get("limit")
    if limit_raw is not None and not limit_raw.isdigit():
        raise LRSError("The limit parameter must be a non-negative integer.")
    max_limit = settings.QD_XAPI_MAX_LIMIT
    if limit_raw is None:
        limit = settings.QD_XAPI_STATEMENT_LIMIT
    else:
        limit = max_limit if int(limit_raw) == 0 else min(int(limit_raw), max_limit)
    client = req.client
    query = selectors.StatementQuery(
        agent_key=agent_key,
        verb=verb,
        activity=activity,
        registration=uuid.UUID(registration) if registration else None,
        related_activities=_bool_param(req, "related_activities"),
        related_agents=_bool_param(req, "related_agents"),
        since=_time_param(req, "since"),
        until=_time_param(req, "until"),
        limit=limit,
        ascending=_bool_param(req, "ascending"),
        after=after,
        scope_actor_key=client.scope_actor_key if client and client.is_scoped else None,
        scope_registration=client.scope_registration if client and client.is_scoped else None,
    )
    rows = selectors.statements_query(query)
    more = ""
    if len(rows) > limit:
        rows = rows[:limit]
        token = _encode_more(params, rows[-1])
        more = f"{req.django.path.rstrip('/')}?more={token}"
    texts = [row[0] for row in rows]
    statements, body = _format(texts, fmt, req)
    envelope = b'{"statements":' + body + b',"more":' + json.dumps(more).encode() + b"}"
    if with_attachments and statements is None:
        statements = [json.loads(text) for text in texts]
    return _statement_response(req, envelope, statements or [], with_attachments)


def _single_statement(req, params, fmt, with_attachments):
    voided = "voidedStatementId" in params
    if "statementId" in params and voided:
        raise LRSError("Use statementId or voidedStatementId, not both.")
    extra = set(params) - {"statementId", "voidedStatementId", "format", "attachments"}
    if extra:
        raise LRSError(
            f"With statementId only format and attachments are allowed, not {', '.join(extra)}."
        )
    name = "voidedStatementId" if voided else "statementId"
    statement_id = params[name]
    if not is_uuid(statement_id):
        raise LRSError(f"The {name} parameter must be a UUID.")
    row = selectors.statement_get(statement_id=statement_id, voided=voided)
    client = req.client
    if (
        row is not None
        and client is not None
        and client.is_scoped
        and row.actor_key != client.scope_actor_key
    ):
        row = None
    if row is None:
        raise LRSError(f"No statement with {name} {statement_id}.", status=404)
    statements, body = _format([json.dumps(row.data)], fmt, req)
    data = (statements or [row.data])[0]
    body = json.dumps(data).encode()
    response = _statement_response(req, body, [data], with_attachments)
    response["Last-Modified"] = format_datetime(row.stored, usegmt=True)
    return response


def _statements(req: LRSRequest) -> HttpResponse:
    if req.method == "PUT":
        return _statements_put(req)
    if req.method == "POST":
        return _statements_post(req)
    return _statements_get(req)


statements = xapi_view(_statements, methods=("GET", "HEAD", "PUT", "POST"), consistent_through=True)


# --- Documents --------------------------------------------------------------------------


def _document_response(document: Document) -> HttpResponse:
    response = HttpResponse(bytes(document.content), content_type=document.content_type)
    response["ETag"] = f'"{document.etag}"'
    response["Last-Modified"] = format_datetime(document.updated, usegmt=True)
    return response


def _documents(req: LRSRequest, *, kind: str, id_param: str, scope: dict) -> HttpResponse:
    document_id = req.params.get(id_param)
    if document_id is not None and len(document_id) > MAX_IRI:
        raise LRSError(f"The {id_param} parameter is longer than {MAX_IRI} characters.")
    registration = scope.get("registration", "")
    if req.method in ("PUT", "POST"):
        if document_id is None:
            raise LRSError(f"The {id_param} parameter is required.")
        content_type = req.content_type or "application/octet-stream"
        if len(content_type) > 255:
            raise LRSError("The Content-Type header is longer than 255 characters.")
        try:
            document = services.document_write(
                kind=kind,
                document_id=document_id,
                content=req.body,
                content_type=content_type,
                merge=req.method == "POST",
                activity_id=scope.get("activity_id", ""),
                agent_key=scope.get("agent_key", ""),
                registration=registration,
                if_match=req.headers.get("if-match"),
                if_none_match=req.headers.get("if-none-match"),
                require_precondition=kind != Document.Kind.STATE,
                conflict_without_precondition=kind == Document.Kind.STATE
                and req.version.startswith("2."),
            )
        except services.DocumentPreconditionFailed as error:
            raise LRSError(str(error), status=412) from None
        except services.DocumentConflict as error:
            raise LRSError(str(error), status=409) from None
        except (services.DocumentMergeError, services.DocumentPreconditionRequired) as error:
            raise LRSError(str(error)) from None
        response = HttpResponse(status=204)
        response["ETag"] = f'"{document.etag}"'
        return response
    if req.method == "DELETE":
        if document_id is None and kind != Document.Kind.STATE:
            raise LRSError(f"The {id_param} parameter is required.")
        try:
            services.documents_delete(
                kind=kind,
                activity_id=scope.get("activity_id", ""),
                agent_key=scope.get("agent_key", ""),
                registration=registration,
                document_id=document_id,
                if_match=req.headers.get("if-match"),
                if_none_match=req.headers.get("if-none-match"),
            )
        except services.DocumentPreconditionFailed as error:
            raise LRSError(str(error), status=412) from None
        return HttpResponse(status=204)
    if document_id is not None:
        if "since" in req.params:
            raise LRSError(f"since is not allowed together with {id_param}.")
        document = selectors.document_get(
            kind=kind,
            activity_id=scope.get("activity_id", ""),
            agent_key=scope.get("agent_key", ""),
            registration=registration,
            document_id=document_id,
        )
        if document is None:
            raise LRSError("No such document.", status=404)
        return _document_response(document)
    ids = selectors.document_ids(
        kind=kind,
        activity_id=scope.get("activity_id", ""),
        agent_key=scope.get("agent_key", ""),
        registration=registration,
        since=_time_param(req, "since"),
    )
    return json_response(ids)


def _check_document_scope(req: LRSRequest, *, activity_id="", agent_key="", registration=""):
    client = req.client
    if client is None or not client.is_scoped:
        return
    if agent_key and agent_key != client.scope_actor_key:
        raise LRSError("agent: outside this credential's scope", 403)
    if (
        activity_id
        and client.scope_activity_id
        and not _in_scope(activity_id, {client.scope_activity_id})
        and not _in_scope(activity_id, set(credentials.scope_extension(client).activity_ids))
    ):
        raise LRSError("activityId: outside this credential's scope", 403)
    if (
        registration
        and client.scope_registration is not None
        and registration != str(client.scope_registration)
    ):
        raise LRSError("registration: outside this credential's scope", 403)


def _unknown_params(req: LRSRequest, allowed: set[str]) -> None:
    unknown = set(req.params) - allowed
    if unknown:
        raise LRSError(f"Unknown parameters: {', '.join(sorted(unknown))}.")


def _state(req: LRSRequest) -> HttpResponse:
    _unknown_params(req, {"activityId", "agent", "registration", "stateId", "since"})
    activity_id = _iri_param(req, "activityId")
    _agent, agent_key = _agent_param(req)
    registration = _uuid_param(req, "registration") or ""
    _check_document_scope(
        req, activity_id=activity_id, agent_key=agent_key, registration=registration
    )
    return _documents(
        req,
        kind=Document.Kind.STATE,
        id_param="stateId",
        scope={"activity_id": activity_id, "agent_key": agent_key, "registration": registration},
    )


def _activity_profile(req: LRSRequest) -> HttpResponse:
    _unknown_params(req, {"activityId", "profileId", "since"})
    activity_id = _iri_param(req, "activityId")
    _check_document_scope(req, activity_id=activity_id)
    return _documents(
        req,
        kind=Document.Kind.ACTIVITY_PROFILE,
        id_param="profileId",
        scope={"activity_id": activity_id},
    )


def _agent_profile(req: LRSRequest) -> HttpResponse:
    _unknown_params(req, {"agent", "profileId", "since"})
    _agent, agent_key = _agent_param(req)
    _check_document_scope(req, agent_key=agent_key)
    return _documents(
        req, kind=Document.Kind.AGENT_PROFILE, id_param="profileId", scope={"agent_key": agent_key}
    )


state = xapi_view(_state, methods=("GET", "HEAD", "PUT", "POST", "DELETE"))
activity_profile = xapi_view(_activity_profile, methods=("GET", "HEAD", "PUT", "POST", "DELETE"))
agent_profile = xapi_view(_agent_profile, methods=("GET", "HEAD", "PUT", "POST", "DELETE"))


# --- Activities, Agents, About ----------------------------------------------------------


def _activities(req: LRSRequest) -> HttpResponse:
    _unknown_params(req, {"activityId"})
    activity_id = _iri_param(req, "activityId")
    activity = selectors.activity_get(activity_id=activity_id)
    data = {"objectType": "Activity", "id": activity_id}
    if activity is not None and activity.definition:
        data["definition"] = activity.definition
    return json_response(data)


def _agents(req: LRSRequest) -> HttpResponse:
    _unknown_params(req, {"agent"})
    agent, _key = _agent_param(req)
    person = {"objectType": "Person"}
    if agent.get("name"):
        person["name"] = [agent["name"]]
    for key in ("mbox", "mbox_sha1sum", "openid", "account"):
        if key in agent:
            person[key] = [agent[key]]
    return json_response(person)


def _about(req: LRSRequest) -> HttpResponse:
    return json_response({"version": ["1.0.0", "1.0.1", "1.0.2", "1.0.3", "2.0.0"]})


activities = xapi_view(_activities, methods=("GET", "HEAD"))
agents = xapi_view(_agents, methods=("GET", "HEAD"))


# About needs neither credentials nor a version header.
about = xapi_view(_about, needs_auth=False, needs_version=False, methods=("GET", "HEAD"))
