"""Secrets at rest: encrypted with keys from the settings, never stored in clear.

``settings.QD_ENCRYPTION_KEYS`` is a list of Fernet keys (AES-128-CBC with HMAC-SHA256;
32 url-safe base64-encoded bytes each, made by ``new_key()``). The first key encrypts;
every key decrypts. Production reads the list from the environment and refuses to start
without it; dev and test settings carry fixed, non-secret keys.

Key rotation: put a new key in front, deploy, run ``manage.py rotate_encryption_keys``
(re-encrypts every registered secret under the first key in one transaction), then remove
the old key. Apps register their encrypted values with ``register_encrypted_secrets``.

A stored value is ``"fernet:" + token``. A value that no configured key can decrypt
raises ``DecryptionError`` (a key is missing or wrong): nothing is guessed, nothing is
overwritten.
"""

import functools
from collections.abc import Callable, Iterable

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

PREFIX = "fernet:"


class DecryptionError(Exception):
    """An encrypted value that none of the configured keys can decrypt."""


def new_key() -> str:
    """A fresh random key for ``QD_ENCRYPTION_KEYS``."""
    return Fernet.generate_key().decode()


def validate_keys(keys: Iterable[str]) -> None:
    """Raise ``ImproperlyConfigured`` unless ``keys`` is a non-empty list of Fernet keys."""
    keys = list(keys)
    if not keys:
        raise ImproperlyConfigured(
            "QD_ENCRYPTION_KEYS is empty: stored secrets can be neither encrypted nor "
            "decrypted. Set it to one or more Fernet keys, newest first."
        )
    for position, key in enumerate(keys, start=1):
        try:
            Fernet(key)
        except (ValueError, TypeError):
            raise ImproperlyConfigured(
                f"QD_ENCRYPTION_KEYS: key {position} is not a Fernet key "
                "(32 url-safe base64-encoded bytes)."
            ) from None


@functools.lru_cache(maxsize=4)
def _fernet_for(keys: tuple[str, ...]) -> MultiFernet:
    validate_keys(keys)
    return MultiFernet([Fernet(key) for key in keys])


def _fernet() -> MultiFernet:
    return _fernet_for(tuple(getattr(settings, "QD_ENCRYPTION_KEYS", ()) or ()))


def is_encrypted(value: str) -> bool:
    return isinstance(value, str) and value.startswith(PREFIX)


def encrypt(text: str) -> str:
    """The stored form of ``text``, encrypted under the first key."""
    return PREFIX + _fernet().encrypt(text.encode()).decode()


def _token(value: str) -> bytes:
    if not is_encrypted(value):
        raise DecryptionError("The stored value is not an encrypted secret.")
    return value[len(PREFIX) :].encode()


def decrypt(value: str) -> str:
    """The plain text of a stored value; ``DecryptionError`` if no configured key fits."""
    try:
        return _fernet().decrypt(_token(value)).decode()
    except InvalidToken:
        raise DecryptionError(
            "A stored secret cannot be decrypted with any key in QD_ENCRYPTION_KEYS "
            "(a key is missing or wrong)."
        ) from None


def reencrypt(value: str) -> str:
    """The same secret encrypted under the first key (for rotation)."""
    try:
        return PREFIX + _fernet().rotate(_token(value)).decode()
    except InvalidToken:
        raise DecryptionError(
            "A stored secret cannot be decrypted with any key in QD_ENCRYPTION_KEYS "
            "(a key is missing or wrong)."
        ) from None


# --- Where encrypted values live (for rotation) ------------------------------------------

Reencryptor = Callable[[], int]
_STORES: dict[str, Reencryptor] = {}


def register_encrypted_secrets(name: str, reencrypt_all: Reencryptor) -> None:
    """Register a function that re-encrypts every secret of one kind; returns how many."""
    _STORES[name] = reencrypt_all


def reencrypt_everything(*, dry_run: bool = False) -> dict[str, int]:
    """Re-encrypt every registered secret under the first key, all or nothing.

    Raises ``DecryptionError`` (and changes nothing) if any value cannot be decrypted.
    With ``dry_run`` the work is done and rolled back: a check that every stored secret
    can be decrypted with the configured keys.
    """
    counts: dict[str, int] = {}
    with transaction.atomic():
        for name, reencrypt_all in _STORES.items():
            counts[name] = reencrypt_all()
        if dry_run:
            transaction.set_rollback(True)
    return counts
