"""How people appear in statements, and how agents are keyed in the store.

A platform user is an Agent with an account (homePage + opaque pseudonym), never an
e-mail address. ``agent_key`` gives every identified agent or group one canonical
string, the column the query API filters on.
"""

import hashlib
import uuid

from django.conf import settings


def account_homepage() -> str:
    return settings.QD_XAPI_ACCOUNT_HOMEPAGE


def actor_for_user(user) -> dict:
    return {
        "objectType": "Agent",
        "account": {"homePage": account_homepage(), "name": str(user.pseudonym)},
    }


def actor_key_for_user(user) -> str:
    return f"account:{account_homepage()}|{user.pseudonym}"


def agent_key(agent: dict) -> str | None:
    """The canonical key of an agent or identified group; ``None`` for anonymous groups."""
    if not isinstance(agent, dict):
        return None
    if "mbox" in agent:
        return f"mbox:{agent['mbox']}"
    if "mbox_sha1sum" in agent:
        return f"sha1:{str(agent['mbox_sha1sum']).lower()}"
    if "openid" in agent:
        return f"openid:{agent['openid']}"
    account = agent.get("account")
    if isinstance(account, dict):
        return f"account:{account.get('homePage')}|{account.get('name')}"
    return None


def pseudonym_from_key(key: str | None) -> uuid.UUID | None:
    """The user pseudonym if ``key`` is a platform account, else ``None``."""
    if not key or not key.startswith("account:"):
        return None
    home, _sep, name = key[len("account:") :].rpartition("|")
    if home != account_homepage():
        return None
    try:
        return uuid.UUID(name)
    except ValueError:
        return None


def pseudonymise_agent(agent: dict, *, salt: str) -> dict:
    """An agent safe to send outside: platform accounts stay, other IFIs become an opaque account.

    E-mail addresses, their hashes and OpenIDs are replaced by an account whose name is a
    salted SHA-256 of the original identifier; display names are dropped.
    """
    if not isinstance(agent, dict):
        return agent
    out = {k: v for k, v in agent.items() if k in ("objectType", "account", "member")}
    if "account" not in agent:
        key = agent_key(agent)
        if key is not None:
            digest = hashlib.sha256(f"{salt}:{key}".encode()).hexdigest()
            out["account"] = {"homePage": account_homepage(), "name": digest}
    else:
        out["account"] = dict(agent["account"])
    if isinstance(agent.get("member"), list):
        out["member"] = [pseudonymise_agent(m, salt=salt) for m in agent["member"]]
    return out
