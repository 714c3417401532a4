"""Read-only queries about people and the organisation."""

from collections.abc import Iterator

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import validate_totp_code
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from lms.accounts.groups import ADMINISTRATOR, HR, TRAINER
from lms.accounts.models import (
    ConsentRecord,
    JobRole,
    OrgUnit,
    OrgUnitResponsibility,
    RoleAssignment,
)

User = get_user_model()

# The choices other apps name (their values are what services and selectors take).
ConsentPurpose = ConsentRecord.Purpose
ResponsibilityKind = OrgUnitResponsibility.Kind


def job_roles() -> QuerySet[JobRole]:
    """Every job role, by name (for choices and report rows)."""
    return JobRole.objects.order_by("name")


def job_roles_by_code(*, codes=None) -> dict[str, JobRole]:
    query = JobRole.objects.all() if codes is None else JobRole.objects.filter(code__in=codes)
    return {role.code: role for role in query}


def org_units(*, ids=None) -> QuerySet[OrgUnit]:
    """Org units in tree order (all, or those with the given ids)."""
    query = OrgUnit.objects.all() if ids is None else OrgUnit.objects.filter(pk__in=list(ids))
    return query.order_by("path")


def org_unit_by_code(*, code: str) -> OrgUnit:
    return OrgUnit.objects.get(code=code)


def org_unit_tree() -> tuple[dict[int, int | None], dict[int, OrgUnit]]:
    """Every unit's parent id (``None`` at the top) and the units by id (one query)."""
    units = {u.pk: u for u in OrgUnit.objects.only("id", "path", "depth", "name", "code")}
    by_path = {u.path: u.pk for u in units.values()}
    steplen = OrgUnit.steplen
    parent = {
        pk: by_path.get(u.path[:-steplen]) if u.depth > 1 else None for pk, u in units.items()
    }
    return parent, units


def role_assignment_dates(*, user) -> dict[int, object]:
    """When the person took on each of their job roles: ``{job role id: date}``."""
    return dict(RoleAssignment.objects.filter(user=user).values_list("job_role_id", "since"))


def consents_latest(*, user_ids, purpose: str) -> dict[int, bool]:
    """Each person's newest consent decision for ``purpose`` (people without one left out)."""
    latest: dict[int, bool] = {}
    for user_id, granted in (
        ConsentRecord.objects.filter(user_id__in=list(user_ids), purpose=purpose)
        .order_by("recorded_at", "id")
        .values_list("user_id", "granted")
    ):
        latest[user_id] = granted
    return latest


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


def totp_code_was_used(*, user, code: str) -> bool:
    """Whether ``code`` is the person's current TOTP code although allauth refused it: then
    it was refused only because it was already used in this window (allauth marks each
    accepted code as used until the window ends)."""
    code = "".join(code.split())
    if not code.isdigit():
        return False
    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if authenticator is None:
        return False
    return validate_totp_code(decrypt(authenticator.data["secret"]), code)


def people_in_scope(
    *,
    org_unit: OrgUnit | None = None,
    include_sub_units: bool = True,
    job_role: JobRole | None = None,
    user_ids=(),
) -> QuerySet:
    """Active people in a unit (± sub-units) and/or holding a job role (both given: both
    must match), plus the named people; one query, annotated with ``unit_since`` (when they
    joined their unit, else their account's date) and, with a role, ``role_since``."""
    from django.db.models import DateField, Exists, OuterRef, Subquery
    from django.db.models.functions import Cast, Coalesce

    condition = Q()
    if org_unit is not None:
        if include_sub_units:
            condition &= Q(org_unit__path__startswith=org_unit.path)
        else:
            condition &= Q(org_unit=org_unit)
    if job_role is not None:
        condition &= Exists(RoleAssignment.objects.filter(user=OuterRef("pk"), job_role=job_role))
    if org_unit is None and job_role is None:
        condition = Q(pk__in=[])
    user_ids = list(user_ids)
    if user_ids:
        condition |= Q(pk__in=user_ids)
    people = User.objects.filter(condition, is_active=True).annotate(
        unit_since=Coalesce("org_unit_since", Cast("date_joined", DateField()))
    )
    if job_role is not None:
        people = people.annotate(
            role_since=Subquery(
                RoleAssignment.objects.filter(user=OuterRef("pk"), job_role=job_role).values(
                    "since"
                )[:1]
            )
        )
    return people


def active_people_id_blocks(*, block_size: int) -> Iterator[tuple[int, int]]:
    """(first id, last id) of successive blocks of at most ``block_size`` active people,
    walked by keyset (one small query per block, however sparse the ids are)."""
    last = 0
    while True:
        ids = list(
            User.objects.filter(is_active=True, pk__gt=last)
            .order_by("pk")
            .values_list("pk", flat=True)[:block_size]
        )
        if not ids:
            return
        yield ids[0], ids[-1]
        if len(ids) < block_size:
            return
        last = ids[-1]


def people_for_mail(*, user_ids) -> dict[int, tuple[str, str, str]]:
    """Id -> (e-mail, display name, preferred language) of active people, one query."""
    from django.conf import settings

    rows = User.objects.filter(pk__in=list(user_ids), is_active=True).values_list(
        "pk", "email", "first_name", "last_name", "wagtail_userprofile__preferred_language"
    )
    return {
        pk: (email, f"{first} {last}".strip() or email, language or settings.LANGUAGE_CODE)
        for pk, email, first, last, language in rows
    }


def managers_of_units(*, unit_ids) -> dict[int, list[tuple[int, int]]]:
    """Unit id -> (depth of the unit they manage, id) of the active managers responsible
    for it, nearest unit first (a manager of a parent unit is responsible for its
    sub-units); one query per call."""
    units = {u.pk: u.path for u in OrgUnit.objects.filter(pk__in=list(unit_ids))}
    if not units:
        return {}
    prefixes = {
        path[: n * OrgUnit.steplen]
        for path in units.values()
        for n in range(1, len(path) // OrgUnit.steplen + 1)
    }
    responsible = list(
        OrgUnitResponsibility.objects.filter(
            kind=OrgUnitResponsibility.Kind.MANAGER,
            org_unit__path__in=prefixes,
            user__is_active=True,
        ).values_list("org_unit__path", "user_id")
    )
    result = {}
    for unit_id, path in units.items():
        above = [(len(p) // OrgUnit.steplen, uid) for p, uid in responsible if path.startswith(p)]
        result[unit_id] = sorted(above, reverse=True)
    return result


def people_units(*, user_ids) -> dict[int, int | None]:
    return dict(User.objects.filter(pk__in=list(user_ids)).values_list("pk", "org_unit_id"))


def active_people() -> QuerySet:
    return User.objects.filter(is_active=True)


def people_in_units(*, units) -> QuerySet:
    """Active people whose own unit is one of ``units`` (a query of units)."""
    return User.objects.filter(is_active=True, org_unit__in=units)


def people_names_and_units(*, user_ids) -> dict[int, tuple[str, str, int | None]]:
    """Id -> (display name, own unit's name, own unit's id) of active people (one query)."""
    rows = User.objects.filter(pk__in=list(user_ids), is_active=True).values_list(
        "pk", "first_name", "last_name", "email", "org_unit__name", "org_unit_id"
    )
    return {
        pk: (f"{first} {last}".strip() or email, unit or "", unit_id)
        for pk, first, last, email, unit, unit_id in rows
    }


def team_filter(*, units) -> Q:
    """People whose own unit is one of ``units`` (a query of units), as a filter on people."""
    return Q(org_unit__in=units)


def active_people_per_unit() -> dict[int, int]:
    """Unit id -> number of active people whose own unit it is (one query)."""
    from django.db.models import Count

    rows = (
        User.objects.filter(is_active=True, org_unit__isnull=False)
        .values_list("org_unit_id")
        .annotate(n=Count("pk"))
    )
    return dict(rows)
