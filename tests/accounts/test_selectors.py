import pytest

from lms.accounts.models import OrgUnitResponsibility
from lms.accounts.selectors import org_unit_members, units_responsible_for
from lms.accounts.services import responsibility_grant

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(make_unit):
    agency = make_unit("Agency", kind="agency", code="agency")
    dept_a = make_unit("Dept A", parent=agency, kind="department", code="dept-a")
    unit_a1 = make_unit("Unit A1", parent=dept_a, code="unit-a1")
    unit_a2 = make_unit("Unit A2", parent=dept_a, code="unit-a2")
    dept_b = make_unit("Dept B", parent=agency, kind="department", code="dept-b")
    unit_b1 = make_unit("Unit B1", parent=dept_b, code="unit-b1")
    return {u.code: u for u in (agency, dept_a, unit_a1, unit_a2, dept_b, unit_b1)}


def test_members_include_sub_units_in_one_query(tree, make_user, django_assert_num_queries):
    for code in ("dept-a", "unit-a1", "unit-a2", "unit-b1", "unit-a1"):
        make_user(org_unit=tree[code])
    with django_assert_num_queries(1):
        members = list(org_unit_members(unit=tree["dept-a"]))
    assert len(members) == 4
    assert {m.org_unit.code for m in members} == {"dept-a", "unit-a1", "unit-a2"}
    assert len(list(org_unit_members(unit=tree["dept-a"], include_sub_units=False))) == 1


def test_member_query_count_does_not_grow_with_the_tree(
    tree, make_unit, make_user, django_assert_num_queries
):
    parent = tree["unit-a1"]
    for i in range(20):
        parent = make_unit(f"Deep {i}", parent=parent)
        make_user(org_unit=parent)
    with django_assert_num_queries(1):
        assert len(list(org_unit_members(unit=tree["agency"]))) == 20


def test_hr_responsibility_covers_sub_units_only(tree, make_user):
    hr = make_user("hr@example.org", groups=("Learner", "HR"))
    responsibility_grant(user=hr, org_unit=tree["dept-a"], kind=OrgUnitResponsibility.Kind.HR)
    codes = set(units_responsible_for(user=hr).values_list("code", flat=True))
    assert codes == {"dept-a", "unit-a1", "unit-a2"}
    other = make_user("nobody@example.org")
    assert not units_responsible_for(user=other).exists()
