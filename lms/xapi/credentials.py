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
