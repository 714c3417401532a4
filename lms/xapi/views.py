"""The xAPI resources at /xapi/: thin handlers that parse, call a service or selector, answer."""

import base64
import binascii
import hashlib
import json
import uuid
from email.utils import format_datetime

from django.conf import settings
from django.http import HttpResponse

from lms.xapi import identity, multipart, selectors, services, trust
from lms.xapi.models import Document
from lms.xapi.protocol import LRSError, LRSRequest, json_response, xapi_view
from lms.xapi.serialization import statements_formatted
from lms.xapi.validation import (
    MAX_IRI,
    StatementError,
    is_iri,
    is_uuid,
    parse_timestamp,
    validate_agent,
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


def _store(req: LRSRequest, statements: list[dict], attachments: dict) -> list[str]:
    """Hand the statements to the store; its refusals become the LRS's 4xx answers."""
    try:
        result = services.statements_store(
            statements=statements, client=req.client, attachments=attachments, version=req.version
        )
    except StatementError as error:
        raise LRSError(str(error)) from None
    except services.StatementRefused as error:
        raise LRSError(str(error), status=403) from None
    except services.StatementConflict as error:
        raise LRSError(str(error), status=409) from None
    return result.ids


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
    _store(req, [data], parts)
    return HttpResponse(status=204)


def _statements_post(req: LRSRequest) -> HttpResponse:
    data, parts, _multipart = _attachment_parts(req)
    statements = data if isinstance(data, list) else [data]
    if not statements:
        # An empty batch is an array of statements too (xAPI 1.0.3, Communication 2.1.2):
        # nothing is stored and the answer lists no ids. cmi5 players send one after a
        # review session that recorded nothing.
        return json_response([])
    for index, statement in enumerate(statements):
        if not isinstance(statement, dict):
            raise LRSError(f"statements[{index}]: must be a JSON object")
    return json_response(_store(req, statements, parts))


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
        scope=trust.scope_of(req.client),
    )
    rows = selectors.statements_query(query)
    more = ""
    if len(rows) > limit:
        rows = rows[:limit]
        token = _encode_more(params, rows[-1])
        more = f"{req.django.path.rstrip('/')}?more={token}"
    texts = [row[0] for row in rows]
    statements, body = statements_formatted(texts, fmt, req.headers.get("accept-language") or "")
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
    if row is not None and not trust.statement_readable(trust.scope_of(req.client), row):
        row = None
    if row is None:
        raise LRSError(f"No statement with {name} {statement_id}.", status=404)
    statements, body = statements_formatted(
        [json.dumps(row.data)], fmt, req.headers.get("accept-language") or ""
    )
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


def _check_document_scope(
    req: LRSRequest, *, kind: str, activity_id="", agent_key="", registration=None
) -> None:
    refusal = trust.document_refusal(
        trust.scope_of(req.client),
        kind=kind,
        writes=req.method not in ("GET", "HEAD"),
        activity_id=activity_id,
        agent_key=agent_key,
        registration=registration,
    )
    if refusal is not None:
        raise LRSError(str(refusal), 403)


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
        req,
        kind=Document.Kind.STATE,
        activity_id=activity_id,
        agent_key=agent_key,
        registration=registration,
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
    _check_document_scope(req, kind=Document.Kind.ACTIVITY_PROFILE, activity_id=activity_id)
    return _documents(
        req,
        kind=Document.Kind.ACTIVITY_PROFILE,
        id_param="profileId",
        scope={"activity_id": activity_id},
    )


def _agent_profile(req: LRSRequest) -> HttpResponse:
    _unknown_params(req, {"agent", "profileId", "since"})
    _agent, agent_key = _agent_param(req)
    _check_document_scope(req, kind=Document.Kind.AGENT_PROFILE, agent_key=agent_key)
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
    if not trust.activity_readable(trust.scope_of(req.client), activity_id):
        raise LRSError("activityId: outside this credential's scope", 403)
    activity = selectors.activity_get(activity_id=activity_id)
    data = {"objectType": "Activity", "id": activity_id}
    if activity is not None and activity.definition:
        data["definition"] = trust.without_answer_key(activity_id, activity.definition)
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
