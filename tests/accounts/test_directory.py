"""Directory records (SCIM, LDAP) mapped to people, units, managers and roles."""

import pytest

from lms.accounts.directory import DirectoryError, DirectoryRecord, directory_record_apply
from lms.accounts.models import OrgUnitResponsibility, RoleAssignment, User


def test_a_record_maps_to_person_unit_manager_and_roles(make_unit, make_role, make_user, groups):
    unit = make_unit(code="referat-21")
    role = make_role(code="pruefung", name="Prüfung")
    boss = make_user("boss@example.org", org_unit=unit)
    boss.personnel_number = "4711"
    boss.save()
    person = directory_record_apply(
        record=DirectoryRecord(
            email="Neu@Example.org",
            given_name="Nora",
            family_name="Neu",
            employee_number="0815",
            org_unit_code="referat-21",
            manager_employee_number="4711",
            job_role_codes=["pruefung"],
            active=True,
        ),
        source="test",
    )
    assert person.email == "neu@example.org" and person.org_unit == unit
    assert person.personnel_number == "0815"
    assert list(RoleAssignment.objects.filter(user=person).values_list("job_role", flat=True)) == [
        role.pk
    ]
    assert OrgUnitResponsibility.objects.filter(
        user=boss, org_unit=unit, kind=OrgUnitResponsibility.Kind.MANAGER
    ).exists()
    assert person.groups.filter(name="Learner").exists() and not person.is_staff

    # A mover: another unit, roles taken away; the groups an admin gave stay.
    other = make_unit(code="referat-22")
    person.groups.add(*type(person.groups.first()).objects.filter(name="Trainer"))
    moved = directory_record_apply(
        record=DirectoryRecord(
            email="neu@example.org", org_unit_code="referat-22", job_role_codes=[]
        ),
    )
    assert moved.org_unit == other
    assert not RoleAssignment.objects.filter(user=person).exists()
    assert moved.groups.filter(name="Trainer").exists()


@pytest.mark.parametrize(
    ("record", "field"),
    [
        (DirectoryRecord(email="x@example.org", org_unit_code="nowhere"), "org_unit"),
        (DirectoryRecord(email="x@example.org", job_role_codes=["nobody"]), "job_roles"),
        (DirectoryRecord(email="x@example.org", manager_employee_number="0"), "manager"),
        (DirectoryRecord(email="not an address"), "email"),
    ],
)
def test_unknown_things_refuse_the_whole_record(db, groups, record, field):
    with pytest.raises(DirectoryError) as error:
        directory_record_apply(record=record)
    assert error.value.field == field
    assert not User.objects.exists()
