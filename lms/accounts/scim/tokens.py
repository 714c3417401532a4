"""Bearer tokens of SCIM clients: 256-bit random values, stored as SHA-256 digests.

As for LRS client secrets, a random token of this length needs no slow password hash;
the digest is compared in constant time after the lookup.
"""

import hashlib
import hmac
import secrets

from django.db import transaction
from django.utils import timezone

from lms.accounts.models import ScimToken
from lms.accounts.services import audit_log


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def scim_token_create(*, name: str) -> tuple[ScimToken, str]:
    """Create a token; returns it and the plain value (shown once, never stored)."""
    name = name.strip()
    if not name:
        raise ValueError("A SCIM token needs a name.")
    if ScimToken.objects.filter(name=name).exists():
        raise ValueError(f"A SCIM token named {name!r} already exists.")
    value = secrets.token_urlsafe(32)
    token = ScimToken.objects.create(name=name, token_digest=_digest(value))
    audit_log(actor=None, action="scim.token_created", subject=name)
    return token, value


@transaction.atomic
def scim_token_revoke(*, name: str) -> bool:
    """Revoke the active token ``name``; returns whether there was one."""
    revoked = ScimToken.objects.filter(name=name, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    if revoked:
        audit_log(actor=None, action="scim.token_revoked", subject=name)
    return bool(revoked)


def scim_token_authenticate(header: str) -> ScimToken | None:
    """The active token an ``Authorization: Bearer …`` header names, or ``None``."""
    scheme, _sep, value = header.partition(" ")
    value = value.strip()
    if scheme.lower() != "bearer" or not value or len(value) > 512:
        return None
    digest = _digest(value)
    token = ScimToken.objects.filter(token_digest=digest, revoked_at__isnull=True).first()
    if token is None or not hmac.compare_digest(token.token_digest, digest):
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ScimToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token
