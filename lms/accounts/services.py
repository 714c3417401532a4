"""Writes about people and the organisation. Views, commands and the demo call these."""

import datetime
from collections.abc import Callable
from contextvars import ContextVar

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from lms import crypto
from lms.accounts.models import (
    AuditLogEntry,
    ConsentRecord,
    JobRole,
    OrgUnit,
    OrgUnitResponsibility,
    RoleAssignment,
)

User = get_user_model()


def org_unit_create(*, code: str, name: str, kind: str, parent: OrgUnit | None = None) -> OrgUnit:
    unit = OrgUnit(code=code, name=name, kind=kind)
    unit.full_clean(exclude=["path", "depth", "numchild"])
    if parent is None:
        return OrgUnit.add_root(instance=unit)
    return parent.add_child(instance=unit)


def org_unit_update_or_create(
    *, code: str, name: str, kind: str, parent: OrgUnit | None = None
) -> OrgUnit:
    """Create the unit, or rename it and move it under ``parent`` if it already exists."""
    unit = OrgUnit.objects.filter(code=code).first()
    if unit is None:
        return org_unit_create(code=code, name=name, kind=kind, parent=parent)
    if unit.name != name or unit.kind != kind:
        unit.name, unit.kind = name, kind
        unit.save(update_fields=["name", "kind"])
    current_parent = unit.get_parent()
    wanted_parent_id = parent.pk if parent else None
    if (current_parent.pk if current_parent else None) != wanted_parent_id:
        if parent is None:
            unit.move(OrgUnit.get_first_root_node(), pos="sorted-sibling")
        else:
            unit.move(parent, pos="sorted-child")
        unit.refresh_from_db()
    return unit


def job_role_update_or_create(*, code: str, name: str, description: str = "") -> JobRole:
    role, _created = JobRole.objects.update_or_create(
        code=code, defaults={"name": name, "description": description}
    )
    return role


@transaction.atomic
def user_create_or_update(
    *,
    email: str,
    first_name: str = "",
    last_name: str = "",
    password: str | None = None,
    org_unit: OrgUnit | None = None,
    job_roles: list[JobRole] | tuple = (),
    groups: list[str] | tuple = (),
    email_verified: bool = True,
    roles_since: datetime.date | None = None,
):
    """Provision a person the way an agency does: verified address, unit, roles, groups."""
    email = User.objects.normalize_email(email).lower()
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(email=email)
    user.first_name, user.last_name, user.org_unit = first_name, last_name, org_unit
    user.is_staff = bool({"Trainer", "Administrator"} & set(groups))
    if password:
        user.set_password(password)
    elif user.pk is None:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()

    EmailAddress.objects.update_or_create(
        user=user,
        email=email,
        defaults={"verified": email_verified, "primary": True},
    )
    since = roles_since or timezone.localdate()
    for role in job_roles:
        RoleAssignment.objects.get_or_create(user=user, job_role=role, defaults={"since": since})
    RoleAssignment.objects.filter(user=user).exclude(job_role__in=list(job_roles)).delete()
    if groups:
        user.groups.set(Group.objects.filter(name__in=groups))
    return user


def responsibility_grant(*, user, org_unit: OrgUnit, kind: str) -> OrgUnitResponsibility:
    responsibility, _created = OrgUnitResponsibility.objects.get_or_create(
        user=user, org_unit=org_unit, kind=kind
    )
    return responsibility


def consent_record(*, user, purpose: str, granted: bool) -> ConsentRecord:
    record = ConsentRecord.objects.create(user=user, purpose=purpose, granted=granted)
    audit_log(
        actor=user,
        action="consent.recorded",
        subject=user,
        details={"purpose": purpose, "granted": granted},
    )
    return record


def audit_log(*, actor, action: str, subject=None, details: dict | None = None) -> AuditLogEntry:
    """Write one audit entry. Labels are copied so the entry survives erasure of the actor."""
    return AuditLogEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=str(getattr(actor, "email", "") or actor or "system"),
        action=action,
        subject_label=str(subject) if subject is not None else "",
        details=details or {},
    )


# --- Erasure (GDPR Art. 17) ---------------------------------------------------------------

# An eraser removes what one app keeps about a person (or that names them) and returns
# counts for the audit log. The apps register theirs in ``AppConfig.ready()``: accounts
# imports none of them.
PersonEraser = Callable[[object], "dict | None"]
_erasers: list[PersonEraser] = []
# Ids of the people ``person_erase`` is erasing in this context (their deletion is expected).
_erasing: ContextVar[frozenset] = ContextVar("accounts_erasing", default=frozenset())


def register_person_eraser(eraser: PersonEraser) -> None:
    if eraser not in _erasers:
        _erasers.append(eraser)


def _run_erasers(user) -> dict:
    erased: dict = {}
    for eraser in _erasers:
        erased.update(eraser(user) or {})
    return erased


@transaction.atomic
def person_erase(*, user, actor=None) -> dict:
    """Erase a person everywhere and delete the account; return what was erased.

    Every registered eraser runs first (learning records that name the person anywhere,
    documents, projections, counts), then the account and what hangs on it by foreign
    key go. The audit entry names the person only by pseudonym. All or nothing.
    """
    label = str(user.pseudonym)
    token = _erasing.set(_erasing.get() | {user.pk})
    try:
        erased = _run_erasers(user)
        user.delete()
    finally:
        _erasing.reset(token)
    audit_log(actor=actor, action="person.erased", subject=label, details=erased)
    return erased


def erase_on_delete(sender, instance, **kwargs) -> None:
    """``pre_delete`` of the user model: a deletion that bypasses ``person_erase`` (the
    shell, a queryset ``delete()``, another app's admin) still leaves nothing behind."""
    if instance.pk is not None and instance.pk not in _erasing.get():
        _run_erasers(instance)


# The values of an authenticator's data that allauth stores through the MFA adapter's
# encrypt() (lms.accounts.adapters.MFAAdapter); "migrated_codes" is a list of them.
MFA_ENCRYPTED_VALUES = {
    Authenticator.Type.TOTP: ("secret",),
    Authenticator.Type.RECOVERY_CODES: ("seed",),
}


def mfa_secrets_reencrypt() -> int:
    """Re-encrypt every TOTP secret and recovery-code seed under the first key.

    Returns the number of authenticators; raises ``lms.crypto.DecryptionError`` if one
    cannot be decrypted (the caller's transaction then keeps the old values).
    """
    count = 0
    authenticators = Authenticator.objects.select_for_update().filter(
        type__in=list(MFA_ENCRYPTED_VALUES)
    )
    for authenticator in authenticators.order_by("pk"):
        data = dict(authenticator.data)
        for key in MFA_ENCRYPTED_VALUES[authenticator.type]:
            if data.get(key):
                data[key] = crypto.reencrypt(data[key])
        if data.get("migrated_codes"):
            data["migrated_codes"] = [crypto.reencrypt(code) for code in data["migrated_codes"]]
        authenticator.data = data
        authenticator.save(update_fields=["data"])
        count += 1
    return count
