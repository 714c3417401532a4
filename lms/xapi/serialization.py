"""How statements leave the LRS: the ``ids``, ``exact`` and ``canonical`` formats (xAPI
1.0.3 Communication 2.1.3). Pure."""

import json


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


def statements_formatted(
    texts: list[str], fmt: str, accept_language: str
) -> tuple[list[dict] | None, bytes]:
    """The response body of statement texts (stored JSON) in a GET ``format``.

    ``exact`` joins the stored texts as they are (no decoding); it returns ``None`` for
    the decoded statements then.
    """
    if fmt == "exact":
        return None, ("[" + ",".join(texts) + "]").encode()
    statements = [json.loads(text) for text in texts]
    if fmt == "ids":
        statements = [_format_ids(statement) for statement in statements]
    else:
        accepted = _accepted_languages(accept_language)
        statements = [_canonical(statement, accepted) for statement in statements]
    return statements, json.dumps(statements).encode()
