"""LRS client secrets: random high-entropy tokens, stored as SHA-256 digests.

A slow password hasher is the wrong tool here (it costs tens of milliseconds per request
and protects low-entropy secrets); a 256-bit random token only needs a plain digest,
compared in constant time.
"""

import base64
import binascii
import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass


def new_key() -> str:
    return secrets.token_urlsafe(18)


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def secret_matches(secret: str, stored_digest: str) -> bool:
    return hmac.compare_digest(digest(secret), stored_digest)


def parse_basic(header: str) -> tuple[str, str] | None:
    """``(key, secret)`` from an ``Authorization: Basic …`` header, or ``None``."""
    scheme, _sep, value = header.partition(" ")
    if scheme.lower() != "basic" or not value:
        return None
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return None
    key, sep, secret = decoded.partition(":")
    if not sep:
        return None
    return key, secret


# --- What a scoped launch credential may write ------------------------------------------


@dataclass(frozen=True)
class ScopeExtension:
    """What the app that issued a scoped credential adds to its activity scope.

    ``activity_ids``: further activities the content may name (e.g. the cmi5 publisher id
    of the AU, which the AU puts in its context as the ``contextTemplate`` grouping);
    ``forbidden_verbs``: verbs only the platform may use for it (e.g. cmi5 ``launched``).
    """

    activity_ids: frozenset[str] = frozenset()
    forbidden_verbs: frozenset[str] = frozenset()


ScopeProvider = Callable[[object], "ScopeExtension | None"]
_scope_providers: list[ScopeProvider] = []


def register_scope_provider(provider: ScopeProvider) -> None:
    """Let an app that issues launch credentials widen or narrow their statement scope."""
    if provider not in _scope_providers:
        _scope_providers.append(provider)


def scope_extension(client) -> ScopeExtension:
    """The combined extension of every registered provider for ``client`` (a scoped client)."""
    activity_ids: set[str] = set()
    forbidden: set[str] = set()
    for provider in _scope_providers:
        extension = provider(client)
        if extension is not None:
            activity_ids |= extension.activity_ids
            forbidden |= extension.forbidden_verbs
    return ScopeExtension(frozenset(activity_ids), frozenset(forbidden))


# --- Rules an app enforces on what its scoped credentials write ----------------------------

# A guard gets the client and the statements of one request and returns the index of the
# first statement it refuses and why, or ``None``. It runs in the insert's transaction, so
# it may lock what it reads until the statements are stored.
StatementGuard = Callable[[object, list[dict]], "tuple[int, str] | None"]
_statement_guards: list[StatementGuard] = []


def register_statement_guard(guard: StatementGuard) -> None:
    """Let an app that issues launch credentials refuse statements by its own rules."""
    if guard not in _statement_guards:
        _statement_guards.append(guard)


def statement_refusal(client, statements: list[dict]) -> tuple[int, str] | None:
    """The first refusal of any registered guard for a scoped ``client``'s statements."""
    for guard in _statement_guards:
        refusal = guard(client, statements)
        if refusal is not None:
            return refusal
    return None
