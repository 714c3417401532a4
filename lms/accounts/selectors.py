"""Read-only queries about people and the organisation."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from lms.accounts.groups import ADMINISTRATOR, HR, TRAINER
from lms.accounts.models import ConsentRecord, JobRole, OrgUnit, OrgUnitResponsibility

User = get_user_model()


def org_unit_subtree(*, unit: OrgUnit) -> QuerySet[OrgUnit]:
    """The unit and all of its sub-units, in tree order (one query)."""
    return OrgUnit.objects.filter(path__startswith=unit.path, depth__gte=unit.depth).order_by(
        "path"
    )


def org_unit_members(*, unit: OrgUnit, include_sub_units: bool = True) -> QuerySet:
    """Active people in the unit (and by default its sub-units), in one query."""
    people = User.objects.filter(is_active=True).select_related("org_unit")
    if include_sub_units:
        return people.filter(org_unit__path__startswith=unit.path)
    return people.filter(org_unit=unit)


def units_responsible_for(*, user, kind: str = OrgUnitResponsibility.Kind.HR) -> QuerySet[OrgUnit]:
    """Every unit the person is responsible for, sub-units included (one query)."""
    roots = list(
        OrgUnitResponsibility.objects.filter(user=user, kind=kind).values_list(
            "org_unit__path", flat=True
        )
    )
    if not roots:
        return OrgUnit.objects.none()
    condition = Q()
    for path in roots:
        condition |= Q(path__startswith=path)
    return OrgUnit.objects.filter(condition).order_by("path")


def user_job_roles(*, user) -> QuerySet[JobRole]:
    return JobRole.objects.filter(assignments__user=user).order_by("name")


def user_group_names(*, user) -> set[str]:
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_qd_group_names", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._qd_group_names = cached
    return cached


def user_is_trainer(*, user) -> bool:
    return user.is_superuser or TRAINER in user_group_names(user=user)


def user_is_hr(*, user) -> bool:
    return HR in user_group_names(user=user)


def user_is_administrator(*, user) -> bool:
    return user.is_superuser or ADMINISTRATOR in user_group_names(user=user)


def user_requires_mfa(*, user, admin: bool = False) -> bool:
    """Whether the person must complete a second factor in their session.

    Staff are superusers and members of ``QD_MFA_REQUIRED_GROUPS``. With ``admin=True`` (a
    request for the Wagtail admin) anyone who may enter the admin counts as staff too, so a
    group an administrator creates with admin access cannot skip the rule.
    """
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    required = set(getattr(settings, "QD_MFA_REQUIRED_GROUPS", ()))
    if required & user_group_names(user=user):
        return True
    return admin and user.has_perm("wagtailadmin.access_admin")


def consent_is_given(*, user, purpose: str) -> bool:
    """The newest record for the purpose decides; no record means no consent."""
    latest = (
        ConsentRecord.objects.filter(user=user, purpose=purpose)
        .order_by("-recorded_at", "-id")
        .values_list("granted", flat=True)
        .first()
    )
    return bool(latest)
