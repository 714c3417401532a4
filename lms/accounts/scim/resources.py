"""People and job roles as SCIM resources, and SCIM writes through the people services.

Mapping (docs/IDENTITY.md, "Provisioning: SCIM and LDAP"):
- User ``id`` is the person's pseudonym; ``userName`` and the primary e-mail are the
  e-mail address; enterprise ``employeeNumber`` the personnel number, ``department`` the
  org unit code, ``manager.value`` the manager's SCIM id (or their employee number).
- A Group is a job role: ``id`` its database id, ``externalId`` its code,
  ``displayName`` its name; ``members`` are the people who hold it.
"""

import re
import uuid

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.text import slugify

from lms.accounts.directory import DirectoryError, DirectoryRecord, directory_record_apply
from lms.accounts.models import JobRole, OrgUnitResponsibility, RoleAssignment
from lms.accounts.scim.protocol import ENTERPRISE, GROUP, USER, ScimError, version
from lms.accounts.services import (
    audit_log,
    job_role_update_or_create,
    person_erase,
    role_assignment_add,
    role_assignment_remove,
)

User = get_user_model()


def users_queryset():
    return User.objects.select_related("org_unit").prefetch_related("role_assignments__job_role")


def _managers_by_unit(unit_ids: set[int]) -> dict[int, User]:
    managers: dict[int, User] = {}
    responsibilities = (
        OrgUnitResponsibility.objects.filter(
            org_unit_id__in=unit_ids, kind=OrgUnitResponsibility.Kind.MANAGER
        )
        .select_related("user")
        .order_by("pk")
    )
    for responsibility in responsibilities:
        managers.setdefault(responsibility.org_unit_id, responsibility.user)
    return managers


def users_to_scim(users, base_url: str) -> list[dict]:
    users = list(users)
    managers = _managers_by_unit({user.org_unit_id for user in users if user.org_unit_id})
    return [user_to_scim(user, base_url, managers) for user in users]


def user_to_scim(user, base_url: str, managers: dict | None = None) -> dict:
    if managers is None:
        managers = _managers_by_unit({user.org_unit_id} if user.org_unit_id else set())
    enterprise: dict = {}
    if user.personnel_number:
        enterprise["employeeNumber"] = user.personnel_number
    if user.org_unit_id:
        enterprise["department"] = user.org_unit.code
        manager = managers.get(user.org_unit_id)
        if manager is not None and manager.pk != user.pk:
            enterprise["manager"] = {
                "value": str(manager.pseudonym),
                "displayName": manager.display_name,
            }
    resource = {
        "schemas": [USER, ENTERPRISE],
        "id": str(user.pseudonym),
        "userName": user.email,
        "name": {"givenName": user.first_name, "familyName": user.last_name},
        "displayName": user.display_name,
        "emails": [{"value": user.email, "type": "work", "primary": True}],
        "active": user.is_active,
        "groups": [
            {"value": str(a.job_role_id), "display": a.job_role.name}
            for a in user.role_assignments.all()
        ],
        ENTERPRISE: enterprise,
    }
    if user.external_id:
        resource["externalId"] = user.external_id
    resource["meta"] = {
        "resourceType": "User",
        "created": user.date_joined.isoformat(),
        "location": f"{base_url}/Users/{user.pseudonym}",
        "version": version(resource),
    }
    return resource


def user_find(scim_id: str):
    try:
        pseudonym = uuid.UUID(scim_id)
    except ValueError:
        pseudonym = None
    user = users_queryset().filter(pseudonym=pseudonym).first() if pseudonym else None
    if user is None:
        raise ScimError(404, "No such user.")
    return user


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _text(data: dict, key: str, *, required: bool = False, limit: int = 255) -> str | None:
    value = data.get(key)
    if value is None:
        if required:
            raise ScimError(400, f"{key} is required.", "invalidValue")
        return None
    if not isinstance(value, str) or len(value) > limit or _CONTROL.search(value):
        raise ScimError(
            400, f"{key} must be a string of at most {limit} characters.", "invalidValue"
        )
    return value.strip()


def _record(data: dict) -> tuple[DirectoryRecord, str | None]:
    """A directory record and the externalId from a SCIM User (PUT/POST body)."""
    if not isinstance(data, dict):
        raise ScimError(400, "The body must be a JSON object.", "invalidSyntax")
    user_name = _text(data, "userName", required=True, limit=254)
    name = {} if data.get("name") is None else data["name"]
    if not isinstance(name, dict):
        raise ScimError(400, "name must be an object.", "invalidValue")
    enterprise = {} if data.get(ENTERPRISE) is None else data[ENTERPRISE]
    if not isinstance(enterprise, dict):
        raise ScimError(400, "The enterprise extension must be an object.", "invalidValue")
    # Left out: unchanged (a PUT without it must not bring a leaver back); new people are active.
    active = data.get("active")
    if isinstance(active, str) and active.lower() in {"true", "false"}:
        active = active.lower() == "true"  # some clients send the string (Entra ID)
    if active is not None and not isinstance(active, bool):
        raise ScimError(400, "active must be true or false.", "invalidValue")
    manager_id = manager_number = None
    manager = enterprise.get("manager")
    if isinstance(manager, dict):
        manager = manager.get("value")
    if manager not in (None, ""):
        if not isinstance(manager, str) or len(manager) > 100:
            raise ScimError(400, "manager must name a user.", "invalidValue")
        try:
            found = User.objects.filter(pseudonym=uuid.UUID(manager)).first()
        except ValueError:
            found, manager_number = None, manager
        if found is not None:
            manager_id = found.pk
        elif manager_number is None:
            raise ScimError(400, "Unknown manager.", "invalidValue")
    record = DirectoryRecord(
        email=user_name,
        given_name=_text(name, "givenName", limit=150) or "",
        family_name=_text(name, "familyName", limit=150) or "",
        employee_number=_text(enterprise, "employeeNumber", limit=40) or "",
        org_unit_code=_text(enterprise, "department", limit=60) or "",
        manager_user_id=manager_id,
        manager_employee_number=manager_number,
        active=active,
    )
    return record, _text(data, "externalId") or ""


@transaction.atomic
def user_put(*, data: dict, user=None, actor_label: str):
    """Create (``user`` None) or replace a person from a SCIM User; returns them."""
    record, external_id = _record(data)
    email = User.objects.normalize_email(record.email).lower()
    clash = User.objects.filter(email=email)
    if user is not None:
        clash = clash.exclude(pk=user.pk)
    if clash.exists():
        raise ScimError(409, "userName is already taken.", "uniqueness")
    try:
        person = directory_record_apply(record=record, user=user, actor=actor_label, source="scim")
    except DirectoryError as error:
        raise ScimError(400, str(error), "invalidValue") from error
    if person.external_id != external_id:
        person.external_id = external_id
        person.save(update_fields=["external_id"])
    return users_queryset().get(pk=person.pk)


def user_delete(*, user, actor_label: str) -> None:
    """DELETE: the identity system removes the person; they are erased at once."""
    person_erase(user=user, actor=actor_label)


# --- Groups: job roles -----------------------------------------------------------------


def groups_queryset():
    return JobRole.objects.prefetch_related("assignments__user").order_by("code")


def group_to_scim(role: JobRole, base_url: str) -> dict:
    resource = {
        "schemas": [GROUP],
        "id": str(role.pk),
        "externalId": role.code,
        "displayName": role.name,
        "members": [
            {"value": str(a.user.pseudonym), "display": a.user.display_name}
            for a in sorted(role.assignments.all(), key=lambda a: a.user_id)
        ],
    }
    resource["meta"] = {
        "resourceType": "Group",
        "location": f"{base_url}/Groups/{role.pk}",
        "version": version(resource),
    }
    return resource


def group_find(scim_id: str) -> JobRole:
    role = groups_queryset().filter(pk=int(scim_id)).first() if scim_id.isdigit() else None
    if role is None:
        raise ScimError(404, "No such group.")
    return role


def _members(data: dict) -> list:
    members = data.get("members") or []
    if not isinstance(members, list) or len(members) > 100_000:
        raise ScimError(400, "members must be a list.", "invalidValue")
    ids = []
    for member in members:
        value = member.get("value") if isinstance(member, dict) else None
        try:
            ids.append(uuid.UUID(str(value)))
        except ValueError as error:
            raise ScimError(400, f"Unknown member {value!r}.", "invalidValue") from error
    people = list(User.objects.filter(pseudonym__in=ids))
    if len(people) != len(set(ids)):
        raise ScimError(400, "A member is not a known user.", "invalidValue")
    return people


@transaction.atomic
def group_put(*, data: dict, role: JobRole | None = None, actor_label: str) -> JobRole:
    """Create or replace a job role from a SCIM Group and make ``members`` its holders."""
    if not isinstance(data, dict):
        raise ScimError(400, "The body must be a JSON object.", "invalidSyntax")
    display_name = _text(data, "displayName", required=True, limit=200)
    if not display_name:
        raise ScimError(400, "displayName is required.", "invalidValue")
    code = slugify(_text(data, "externalId", limit=60) or display_name)[:60]
    if not code:
        raise ScimError(400, "The group needs a code (externalId).", "invalidValue")
    clash = JobRole.objects.filter(code=code)
    if role is not None:
        clash = clash.exclude(pk=role.pk)
    if clash.exists():
        raise ScimError(409, "A group with this externalId already exists.", "uniqueness")
    people = _members(data)
    if role is None:
        role = job_role_update_or_create(code=code, name=display_name)
    elif (role.code, role.name) != (code, display_name):
        role.code, role.name = code, display_name
        role.save(update_fields=["code", "name"])
    holders = set(RoleAssignment.objects.filter(job_role=role).values_list("user_id", flat=True))
    wanted = {person.pk: person for person in people}
    for person in people:
        if person.pk not in holders:
            role_assignment_add(user=person, job_role=role)
    for person in User.objects.filter(pk__in=holders - set(wanted)):
        role_assignment_remove(user=person, job_role=role)
    audit_log(
        actor=actor_label,
        action="scim.group_saved",
        subject=role.code,
        details={"members": len(wanted)},
    )
    return groups_queryset().get(pk=role.pk)


@transaction.atomic
def group_delete(*, role: JobRole, actor_label: str) -> None:
    """DELETE of a group: its people lose the role; the role itself stays when other
    records (targets, courses) still refer to it."""
    for assignment in list(RoleAssignment.objects.filter(job_role=role).select_related("user")):
        role_assignment_remove(user=assignment.user, job_role=role)
    from django.db.models import ProtectedError

    try:
        with transaction.atomic():
            role.delete()
    except ProtectedError:
        pass
    audit_log(actor=actor_label, action="scim.group_deleted", subject=role.code)
