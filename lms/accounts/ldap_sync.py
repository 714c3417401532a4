"""LDAP / Active Directory sync: people and group membership from a directory, on a
schedule, for authorities without SCIM. Sign-in against the directory is django-auth-ldap's
``LDAPBackend`` (enabled when ``AUTH_LDAP_SERVER_URI`` is set).

Mapping (settings, defaults for inetOrgPerson; Active Directory in docs/IDENTITY.md):
``mail`` -> e-mail, ``givenName``/``sn`` -> name, ``employeeNumber`` -> personnel number,
``departmentNumber`` -> org unit code, ``manager`` (a DN) -> the manager's employee number,
membership in a group under ``QD_LDAP_GROUP_BASE`` -> the job role whose code is the
group's ``cn``. People who came from the directory and are no longer in it, or are
disabled there (AD ``userAccountControl`` bit 2), are deactivated.
"""

import dataclasses
import logging

from django.conf import settings
from django.contrib.auth import get_user_model

from lms.accounts.directory import DirectoryError, DirectoryRecord, directory_record_apply
from lms.accounts.services import audit_log, person_deactivate

logger = logging.getLogger(__name__)
User = get_user_model()
EXTERNAL_PREFIX = "ldap:"
AD_ACCOUNT_DISABLED = 0x2


@dataclasses.dataclass
class SyncResult:
    applied: int = 0
    deactivated: int = 0
    errors: list[str] = dataclasses.field(default_factory=list)


def _first(entry: dict, name: str) -> str:
    values = entry.get(name) or []
    return values[0].decode() if values else ""


def _connect():
    import ldap

    connection = ldap.initialize(settings.AUTH_LDAP_SERVER_URI)
    connection.set_option(ldap.OPT_REFERRALS, 0)
    connection.set_option(ldap.OPT_NETWORK_TIMEOUT, 10)
    connection.simple_bind_s(settings.AUTH_LDAP_BIND_DN, settings.AUTH_LDAP_BIND_PASSWORD)
    return connection


def records_from_entries(people: list[tuple[str, dict]], groups: list[tuple[str, dict]]):
    """Directory records (and the external id of each) from raw LDAP entries."""
    import ldap.dn

    attrs = settings.QD_LDAP_ATTRIBUTES
    employee_by_dn = {
        ldap.dn.dn2str(ldap.dn.str2dn(dn)).lower(): _first(entry, attrs["employee_number"])
        for dn, entry in people
    }
    roles_by_dn: dict[str, list[str]] = {}
    for _group_dn, entry in groups:
        code = _first(entry, "cn")
        for member in entry.get(attrs["group_member"]) or []:
            key = ldap.dn.dn2str(ldap.dn.str2dn(member.decode())).lower()
            roles_by_dn.setdefault(key, []).append(code)
    for dn, entry in people:
        key = ldap.dn.dn2str(ldap.dn.str2dn(dn)).lower()
        manager_dn = _first(entry, attrs["manager"])
        manager_key = ldap.dn.dn2str(ldap.dn.str2dn(manager_dn)).lower() if manager_dn else ""
        flags = _first(entry, "userAccountControl")
        active = not (flags.isdigit() and int(flags) & AD_ACCOUNT_DISABLED)
        record = DirectoryRecord(
            email=_first(entry, attrs["email"]),
            given_name=_first(entry, attrs["given_name"]),
            family_name=_first(entry, attrs["family_name"]),
            employee_number=_first(entry, attrs["employee_number"]),
            org_unit_code=_first(entry, attrs["org_unit"]),
            manager_employee_number=employee_by_dn.get(manager_key) or None,
            job_role_codes=sorted(roles_by_dn.get(key, [])),
            active=active,
        )
        yield record, EXTERNAL_PREFIX + _first(entry, attrs["uid"])


def directory_sync(connection=None) -> SyncResult:
    """Read everyone under ``QD_LDAP_PEOPLE_BASE`` and apply them; each person is one
    transaction, so an unknown unit for one person does not stop the others."""
    import ldap

    connection = connection or _connect()
    people = connection.search_s(
        settings.QD_LDAP_PEOPLE_BASE, ldap.SCOPE_SUBTREE, settings.QD_LDAP_PEOPLE_FILTER
    )
    groups = connection.search_s(
        settings.QD_LDAP_GROUP_BASE, ldap.SCOPE_SUBTREE, settings.QD_LDAP_GROUP_FILTER
    )
    people = [(dn, entry) for dn, entry in people if dn]
    groups = [(dn, entry) for dn, entry in groups if dn]
    result = SyncResult()
    seen: set[str] = set()
    records = list(records_from_entries(people, groups))
    # Managers first (people nobody names as their manager come later), so a manager
    # exists when their staff are applied.
    managers = {r.manager_employee_number for r, _ in records if r.manager_employee_number}
    records.sort(key=lambda item: item[0].employee_number not in managers)
    for record, external_id in records:
        seen.add(external_id)
        if not record.email:
            result.errors.append(f"{external_id}: no e-mail address")
            continue
        try:
            person = directory_record_apply(record=record, actor="ldap-sync", source="ldap")
        except DirectoryError as error:
            result.errors.append(f"{external_id}: {error}")
            continue
        if person.external_id != external_id:
            person.external_id = external_id
            person.save(update_fields=["external_id"])
        result.applied += 1
    gone = User.objects.filter(external_id__startswith=EXTERNAL_PREFIX, is_active=True).exclude(
        external_id__in=seen
    )
    for person in gone:
        person_deactivate(user=person, actor="ldap-sync", source="ldap")
        result.deactivated += 1
    audit_log(
        actor="ldap-sync",
        action="ldap.synced",
        details={
            "applied": result.applied,
            "deactivated": result.deactivated,
            "errors": len(result.errors),
        },
    )
    return result
