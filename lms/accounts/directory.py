"""Apply one record from an identity directory (SCIM, LDAP/Active Directory) to a person.

Every source of directory data maps its attributes to a ``DirectoryRecord`` and calls
``directory_record_apply``; the writes go through the people services, so trackers, the
audit log and the rules for roles and units are the same as for the admin and the import.
"""

import dataclasses

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from lms.accounts.models import JobRole, OrgUnit, OrgUnitResponsibility
from lms.accounts.services import (
    audit_log,
    person_deactivate,
    person_reactivate,
    responsibility_grant,
    role_assignments_set,
    user_create_or_update,
    user_set_org_unit,
)

User = get_user_model()


class DirectoryError(ValueError):
    """A record names something the platform does not know (``field`` says what)."""

    def __init__(self, message: str, *, field: str):
        super().__init__(message)
        self.field = field


@dataclasses.dataclass
class DirectoryRecord:
    """What a directory says about one person. ``None`` means "not given: leave as is"."""

    email: str
    given_name: str = ""
    family_name: str = ""
    employee_number: str | None = None
    org_unit_code: str | None = None
    manager_employee_number: str | None = None
    manager_user_id: int | None = None
    job_role_codes: list[str] | None = None
    active: bool | None = None


def _org_unit(code: str) -> OrgUnit | None:
    if not code:
        return None
    unit = OrgUnit.objects.filter(code=code).first()
    if unit is None:
        raise DirectoryError(
            gettext("Unknown org unit “%(code)s”.") % {"code": code}, field="org_unit"
        )
    return unit


def _job_roles(codes: list[str]) -> list[JobRole]:
    roles = list(JobRole.objects.filter(code__in=set(codes)))
    unknown = sorted(set(codes) - {role.code for role in roles})
    if unknown:
        raise DirectoryError(
            gettext("Unknown job role “%(code)s”.") % {"code": unknown[0]},
            field="job_roles",
        )
    return roles


def _manager(record: DirectoryRecord):
    if record.manager_user_id is not None:
        manager = User.objects.filter(pk=record.manager_user_id).first()
    elif record.manager_employee_number:
        manager = User.objects.filter(personnel_number=record.manager_employee_number).first()
    else:
        return None
    if manager is None:
        raise DirectoryError(gettext("Unknown manager."), field="manager")
    return manager


@transaction.atomic
def directory_record_apply(*, record: DirectoryRecord, user=None, actor=None, source: str = ""):
    """Create or update the person ``record`` describes (``user``: the one it is known to
    belong to, e.g. by its SCIM id; otherwise found by e-mail) and return them.

    All or nothing: an unknown unit, role or manager raises ``DirectoryError`` and nothing
    is written. The manager becomes responsible (kind "manager") for the person's unit.
    """
    unit = _org_unit(record.org_unit_code) if record.org_unit_code is not None else None
    roles = _job_roles(record.job_role_codes) if record.job_role_codes is not None else None
    manager = _manager(record)
    email = User.objects.normalize_email(record.email).lower()
    if user is not None and user.email != email:
        if User.objects.filter(email=email).exclude(pk=user.pk).exists():
            raise DirectoryError(gettext("This e-mail address is taken."), field="email")
        user.email = email
        user.save(update_fields=["email"])
        # The directory's address replaces the old one (allauth signs in with any of them).
        EmailAddress.objects.filter(user=user).exclude(email=email).delete()
    created = user is None and not User.objects.filter(email=email).exists()
    existing = user or User.objects.filter(email=email).first()
    current_unit = existing.org_unit if existing else None
    # New people learn; the groups of known people (trainer, HR, ...) stay as the admin set them.
    groups = list(existing.groups.values_list("name", flat=True)) if existing else ["Learner"]
    try:
        person = user_create_or_update(
            email=email,
            first_name=record.given_name,
            last_name=record.family_name,
            org_unit=unit if record.org_unit_code is not None else current_unit,
            groups=groups,
        )
    except ValidationError as error:
        raise DirectoryError("; ".join(error.messages), field="email") from error
    if record.org_unit_code is not None and person.org_unit != unit:
        user_set_org_unit(user=person, org_unit=unit)
    if record.employee_number is not None and person.personnel_number != record.employee_number:
        person.personnel_number = record.employee_number
        person.save(update_fields=["personnel_number"])
    if roles is not None:
        role_assignments_set(user=person, job_roles=roles)
    if manager is not None and person.org_unit is not None:
        if manager.pk == person.pk:
            raise DirectoryError(gettext("A person cannot be their own manager."), field="manager")
        responsibility_grant(
            user=manager, org_unit=person.org_unit, kind=OrgUnitResponsibility.Kind.MANAGER
        )
    if record.active is not None and person.is_active != record.active:
        if record.active:
            person_reactivate(user=person, actor=actor, source=source)
        else:
            person_deactivate(user=person, actor=actor, source=source)
    audit_log(
        actor=actor,
        action="person.provisioned" if created else "person.synchronised",
        subject=person,
        details={"source": source, "unit": person.org_unit.code if person.org_unit else None},
    )
    return person
