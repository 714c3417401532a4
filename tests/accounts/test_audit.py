"""Administrative changes to people are written to the audit log."""

import pytest
from django.contrib.auth.models import Group

from lms.accounts.models import AuditLogEntry
from tests.conftest import log_in

pytestmark = pytest.mark.django_db


def test_role_change_in_the_admin_is_audited(client, make_user, make_role, make_unit):
    admin = make_user("admin@example.org", groups=("Learner", "Administrator"))
    person = make_user("lea@example.org")
    unit = make_unit("Referat 11", code="ref-11")
    role = make_role()
    log_in(client, admin)
    response = client.post(
        f"/cms/users/edit/{person.pk}/",
        {
            "email": person.email,
            "first_name": "Lea",
            "last_name": "Lindner",
            "is_active": "on",
            "groups": [Group.objects.get(name="Learner").pk, Group.objects.get(name="HR").pk],
            "org_unit": unit.pk,
            "job_roles": [role.pk],
            "personnel_number": "4711",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    person.refresh_from_db()
    assert person.org_unit == unit
    assert set(person.groups.values_list("name", flat=True)) == {"Learner", "HR"}
    entry = AuditLogEntry.objects.get(action="person.changed")
    assert entry.actor == admin
    assert entry.details["groups"] == ["HR", "Learner"]
    assert entry.details["job_roles"] == ["sachbearbeitung"]
    assert entry.details["org_unit"] == "ref-11"
