"""Writes about people and the organisation. Views, admin forms, commands, imports and
the demo call these."""

import datetime
from collections.abc import Callable, Iterable
from contextvars import ContextVar

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from treebeard.exceptions import InvalidMoveToDescendant

from lms import crypto
from lms.accounts.models import (
    AuditLogEntry,
    ConsentRecord,
    JobRole,
    OrgUnit,
    OrgUnitResponsibility,
    RoleAssignment,
)
from lms.accounts.trackers import people_changing

User = get_user_model()


def org_unit_create(*, code: str, name: str, kind: str, parent: OrgUnit | None = None) -> OrgUnit:
    unit = OrgUnit(code=code, name=name, kind=kind)
    unit.full_clean(exclude=["path", "depth", "numchild"])
    if parent is None:
        return OrgUnit.add_root(instance=unit)
    return parent.add_child(instance=unit)


@transaction.atomic
def org_unit_update(
    *, unit: OrgUnit, code: str, name: str, kind: str, parent: OrgUnit | None = None
) -> OrgUnit:
    """Change a unit's code, name and kind, and move it under ``parent`` (None: top level).

    Raises ``ValidationError`` for invalid values or a move below the unit itself. A unit's
    id never changes, so what the gap counts hold per own unit stays valid.
    """
    if (unit.code, unit.name, unit.kind) != (code, name, kind):
        unit.code, unit.name, unit.kind = code, name, kind
        unit.full_clean(exclude=["path", "depth", "numchild"])
        unit.save(update_fields=["code", "name", "kind"])
    current_parent = unit.get_parent()
    if (current_parent.pk if current_parent else None) != (parent.pk if parent else None):
        try:
            if parent is None:
                unit.move(OrgUnit.get_first_root_node(), pos="sorted-sibling")
            else:
                parent.refresh_from_db()  # treebeard reads the parent's path and child count
                unit.move(parent, pos="sorted-child")
        except InvalidMoveToDescendant as error:
            raise ValidationError(gettext("A unit cannot be moved below itself.")) from error
        unit.refresh_from_db()
    return unit


def org_unit_update_or_create(
    *, code: str, name: str, kind: str, parent: OrgUnit | None = None
) -> OrgUnit:
    """Create the unit, or rename it and move it under ``parent`` if it already exists."""
    unit = OrgUnit.objects.filter(code=code).first()
    if unit is None:
        return org_unit_create(code=code, name=name, kind=kind, parent=parent)
    return org_unit_update(unit=unit, code=code, name=name, kind=kind, parent=parent)


def job_role_update_or_create(*, code: str, name: str, description: str = "") -> JobRole:
    role, _created = JobRole.objects.update_or_create(
        code=code, defaults={"name": name, "description": description}
    )
    return role


# People: every write that can change a person's org unit, active flag, role assignments
# or existence runs inside ``people_changing`` (see ``trackers.py``), so figures other
# apps derive from people (the gap counts) follow in the same transaction.


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
    person_save(user=user, job_roles=list(job_roles), roles_since=roles_since)

    EmailAddress.objects.update_or_create(
        user=user,
        email=email,
        defaults={"verified": email_verified, "primary": True},
    )
    if groups:
        user.groups.set(Group.objects.filter(name__in=groups))
    return user


@transaction.atomic
def person_save(
    *, user, job_roles: list[JobRole] | None = None, roles_since: datetime.date | None = None
):
    """Save a new or changed person (e.g. an admin form's instance, already validated) and,
    when ``job_roles`` is given, make those their role assignments.

    A new person is saved before the trackers hear of them: without roles they count in
    no figure, so there is nothing to take away first.
    """
    if user.pk is None:
        user.save()
        changed = was_active = False
    else:
        changed = True
        was_active = User.objects.filter(pk=user.pk).values_list("is_active", flat=True).first()
    with people_changing({user.pk}):
        if changed:
            user.save()
        if job_roles is not None:
            role_assignments_set(user=user, job_roles=job_roles, since=roles_since)
    # The admin's edit form clears "active" for a leaver: the same consequences as always.
    if was_active and not user.is_active:
        person_deactivate(user=user, source="form")
    elif changed and was_active is False and user.is_active:
        person_reactivate(user=user, source="form")
    return user


def role_assignments_set(
    *, user, job_roles: list[JobRole], since: datetime.date | None = None
) -> None:
    """Make ``job_roles`` the person's roles: add the missing ones (held ``since``, default
    today), remove the others; roles they keep keep their date."""
    since = since or timezone.localdate()
    with people_changing({user.pk}):
        for role in job_roles:
            RoleAssignment.objects.get_or_create(
                user=user, job_role=role, defaults={"since": since}
            )
        RoleAssignment.objects.filter(user=user).exclude(job_role__in=list(job_roles)).delete()


def role_assignment_add(*, user, job_role: JobRole, since: datetime.date | None = None):
    """Give a person a role held since ``since`` (default today); an existing assignment
    keeps its date. Returns the assignment."""
    with people_changing({user.pk}):
        assignment, _created = RoleAssignment.objects.get_or_create(
            user=user, job_role=job_role, defaults={"since": since or timezone.localdate()}
        )
    return assignment


def role_assignment_remove(*, user, job_role: JobRole) -> bool:
    """Take a role from a person. Returns whether they held it."""
    with people_changing({user.pk}):
        deleted, _detail = RoleAssignment.objects.filter(user=user, job_role=job_role).delete()
    return bool(deleted)


def role_assignments_add_many(
    *, assignments: Iterable[tuple[int, int]], since: datetime.date | None = None
) -> int:
    """Bulk load: (user id, job role id) pairs, in one statement; pairs that exist are
    kept. Returns the number of pairs given."""
    pairs = sorted(set(assignments))
    since = since or timezone.localdate()
    with people_changing({user_id for user_id, _role_id in pairs}):
        RoleAssignment.objects.bulk_create(
            [RoleAssignment(user_id=u, job_role_id=r, since=since) for u, r in pairs],
            ignore_conflicts=True,
            batch_size=1000,
        )
    return len(pairs)


def user_set_org_unit(*, user, org_unit: OrgUnit | None):
    """Move a person to another own org unit (None: none)."""
    with people_changing({user.pk}):
        if user.org_unit_id != getattr(org_unit, "pk", None):
            user.org_unit_since = timezone.localdate()
        user.org_unit = org_unit
        user.save(update_fields=["org_unit", "org_unit_since"])
    return user


def people_set_active(*, user_ids: Iterable[int], active: bool) -> int:
    """Activate or deactivate people (e.g. they leave); returns how many rows changed.
    Inactive people keep their data but count in no report."""
    user_ids = set(user_ids)
    with people_changing(user_ids):
        return User.objects.filter(pk__in=user_ids).update(is_active=active)


# --- Leavers: deactivation, reactivation, erasure after the retention period -------------

# A deactivation hook withdraws what another app granted a person (e.g. the LRS its launch
# credentials). The apps register theirs in ``AppConfig.ready()``: accounts imports none.
DeactivationHook = Callable[[object], None]
_deactivation_hooks: list[DeactivationHook] = []


def register_deactivation_hook(hook: DeactivationHook) -> None:
    if hook not in _deactivation_hooks:
        _deactivation_hooks.append(hook)


def sessions_end(*, user) -> int:
    """Delete every session the person is signed in with; returns how many."""
    from django.contrib.sessions.models import Session

    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            session.delete()
            ended += 1
    return ended


@transaction.atomic
def person_deactivate(*, user, actor=None, source: str = "") -> None:
    """A leaver loses access at once: inactive (no sign-in, no reminders, in no report),
    sessions ended, what other apps granted withdrawn. Their history stays until the
    retention period has passed (``leavers_erase_expired``)."""
    people_set_active(user_ids=[user.pk], active=False)
    User.objects.filter(pk=user.pk, deactivated_at__isnull=True).update(
        deactivated_at=timezone.now()
    )
    user.refresh_from_db()
    ended = sessions_end(user=user)
    for hook in _deactivation_hooks:
        hook(user)
    audit_log(
        actor=actor,
        action="person.deactivated",
        subject=user,
        details={"source": source, "sessions_ended": ended},
    )


@transaction.atomic
def person_reactivate(*, user, actor=None, source: str = "") -> None:
    """Give a returning person access again; the retention clock stops."""
    people_set_active(user_ids=[user.pk], active=True)
    User.objects.filter(pk=user.pk).update(deactivated_at=None)
    user.refresh_from_db()
    audit_log(actor=actor, action="person.reactivated", subject=user, details={"source": source})


def leavers_erase_expired(*, now: datetime.datetime | None = None) -> int:
    """Erase, through ``person_erase``, everyone deactivated longer than the retention
    period (``QD_LEAVER_RETENTION_DAYS``); returns how many. Each erasure is its own
    transaction, so one failure keeps the others."""
    from django.conf import settings

    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.QD_LEAVER_RETENTION_DAYS)
    leavers = User.objects.filter(is_active=False, deactivated_at__lte=cutoff)
    count = 0
    for user in leavers.order_by("pk").iterator():
        person_erase(user=user, actor=None)
        count += 1
    return count


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
        # Counts follow: the person leaves every aggregate with their records.
        with people_changing({user.pk}):
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
