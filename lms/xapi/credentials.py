"""LRS client secrets: random high-entropy tokens, stored as SHA-256 digests.

A slow password hasher is the wrong tool here (it costs tens of milliseconds per request
and protects low-entropy secrets); a 256-bit random token only needs a plain digest,
compared in constant time. That is only sound if secrets really are random, so the
platform generates them, and a secret given by hand must pass ``secret_problem``.
"""

import base64
import binascii
import hashlib
import hmac
import secrets
import string
from collections.abc import Callable
from dataclasses import dataclass


def new_key() -> str:
    return secrets.token_urlsafe(18)


# The rule for a secret given by hand (documented in README, "Learning Record Store"):
SECRET_MIN_LENGTH = 32
SECRET_MAX_LENGTH = 256
SECRET_ALPHABET = frozenset(string.ascii_letters + string.digits + "-_.~+/=")
SECRET_MIN_DISTINCT = 8


def secret_problem(secret: str) -> str | None:
    """Why ``secret`` is too weak for an LRS client, or ``None`` if it passes the rule.

    The rule: 32 to 256 characters from A–Z, a–z, 0–9 and ``- _ . ~ + / =`` (base64,
    base64url and hex tokens fit); at least 8 different characters; no character more
    than a third of the secret; no stretch of a third of its length twice in it (such as
    ``abcabc…`` or ``word-word``). A random hexadecimal token of 32 characters passes
    (about one in 40,000 is refused); repeated words and padding do not. A checklist
    cannot measure randomness: secrets given by hand should come from a generator.
    """
    if not SECRET_MIN_LENGTH <= len(secret) <= SECRET_MAX_LENGTH:
        return (
            f"The secret must be {SECRET_MIN_LENGTH} to {SECRET_MAX_LENGTH} characters long; "
            "leave it out to have a random one generated."
        )
    if not set(secret) <= SECRET_ALPHABET:
        return "The secret may contain only letters A-Z and a-z, digits and - _ . ~ + / =."
    if len(set(secret)) < SECRET_MIN_DISTINCT:
        return f"The secret must use at least {SECRET_MIN_DISTINCT} different characters."
    if max(secret.count(ch) for ch in set(secret)) * 3 > len(secret):
        return "No character may make up more than a third of the secret."
    stretch = -(-len(secret) // 3)  # a third of the length, rounded up
    if any(
        secret.find(secret[i : i + stretch], i + 1) != -1 for i in range(len(secret) - stretch + 1)
    ):
        return "No part of a third of the secret's length may appear in it twice."
    return None


def new_secret() -> str:
    """A random secret of 256 bits (43 base64url characters) that passes the rule."""
    while True:
        secret = secrets.token_urlsafe(32)
        if secret_problem(secret) is None:
            return secret


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
