"""Reads about frameworks, targets, profiles and gaps. Other apps call these."""

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from competencies import rules
from competencies.formats import (
    CompetencyData,
    FrameworkData,
    LevelData,
    ScaleData,
    StatementData,
)
from competencies.models import (
    Competency,
    CompetencyProfile,
    CompetencyStatement,
    Evidence,
    Framework,
    ProficiencyLevel,
    ReportExport,
    RoleProfile,
    ScheduledReport,
)
from lms.accounts.selectors import (
    consents_latest,
    org_unit_members,
    units_responsible_for,
    user_is_administrator,
    user_is_hr,
)
from lms.xapi import selectors as xapi_selectors

if TYPE_CHECKING:
    from lms.xapi.models import Statement


def competency_get_by_ref(ref: str) -> Competency:
    """The competency for ``"<framework key>:<code>"``, e.g. ``"qd:QD.2"`` or ``"digcomp:1.2"``.

    Raises ``Competency.DoesNotExist`` for an unknown reference and ``ValueError`` for a
    malformed one.
    """
    key, sep, code = ref.partition(":")
    if not sep or not key or not code:
        raise ValueError(f"competency reference must look like 'framework:code', got {ref!r}")
    return Competency.objects.select_related("framework", "framework__scale").get(
        framework__key=key, code=code
    )


def level_for(*, competency: Competency, rank: int) -> ProficiencyLevel:
    """The level of the competency's framework scale with this rank (1..n)."""
    return ProficiencyLevel.objects.get(scale_id=competency.framework.scale_id, rank=rank)


@dataclass(frozen=True)
class Gap:
    competency: Competency
    target_level: ProficiencyLevel
    reached_rank: int
    self_assessed_rank: int
    required: bool

    @property
    def target_rank(self) -> int:
        return self.target_level.rank

    @property
    def gap(self) -> int:
        return rules.gap(target=self.target_level.rank, reached=self.reached_rank)


def targets_for_user(*, user) -> dict[int, RoleProfile]:
    """Competency id -> the highest target among the person's job roles (one query)."""
    best: dict[int, RoleProfile] = {}
    targets = RoleProfile.objects.filter(job_role__assignments__user=user).select_related(
        "competency__framework", "target_level"
    )
    for target in targets.order_by("competency__position", "competency__code"):
        current = best.get(target.competency_id)
        if current is None or (target.target_level.rank, target.importance == "required") > (
            current.target_level.rank,
            current.importance == "required",
        ):
            best[target.competency_id] = target
    return best


def gaps_for_user(*, user) -> list[Gap]:
    """Every competency the person's roles target: target, reached and gap (two queries).

    Ordered by the largest gap first. ``gap`` is ``target − reached`` (0 when met).
    """
    targets = targets_for_user(user=user)
    profiles = {
        p.competency_id: p
        for p in CompetencyProfile.objects.filter(user=user, competency_id__in=list(targets))
    }
    gaps = []
    for competency_id, target in targets.items():
        profile = profiles.get(competency_id)
        gaps.append(
            Gap(
                competency=target.competency,
                target_level=target.target_level,
                reached_rank=profile.reached_rank if profile else 0,
                self_assessed_rank=profile.self_assessed_rank if profile else 0,
                required=target.importance == RoleProfile.Importance.REQUIRED,
            )
        )
    gaps.sort(key=lambda g: (-g.gap, g.competency.framework.key, g.competency.position))
    return gaps


@dataclass(frozen=True)
class TrailEntry:
    evidence: Evidence
    statement: "Statement | None"

    @property
    def verb(self) -> str:
        if self.statement is None:
            return ""
        display = self.statement.data.get("verb", {}).get("display") or {}
        return display.get("de-DE") or display.get("en-US") or self.statement.verb

    @property
    def activity_name(self) -> str:
        if self.statement is None:
            return ""
        definition = self.statement.data.get("object", {}).get("definition") or {}
        names = definition.get("name") or {}
        return names.get("de-DE") or next(iter(names.values()), self.statement.object_id)

    @property
    def score_percent(self) -> int | None:
        scaled = self.statement.result_score_scaled if self.statement else None
        return round(100 * scaled) if scaled is not None else None


def evidence_trail(*, user, competency: Competency) -> list[TrailEntry]:
    """A person's evidence for one competency with the statements behind it (2 queries)."""
    evidence = list(
        Evidence.objects.filter(user=user, competency=competency)
        .select_related("level")
        .order_by("-occurred_at")
    )
    statements = {
        s.id: s
        for s in xapi_selectors.statements_by_ids(ids=[e.statement_id for e in evidence], user=user)
    }
    return [TrailEntry(evidence=e, statement=statements.get(e.statement_id)) for e in evidence]


@dataclass(frozen=True)
class PersonProfile:
    user: object
    gaps: list[Gap]


def consenting_profiles(*, unit, purpose: str) -> list[PersonProfile]:
    """People of a unit (with sub-units) whose newest consent for ``purpose`` is a yes,
    with their gaps — in a fixed number of queries."""
    members = {u.pk: u for u in org_unit_members(unit=unit)}
    latest = consents_latest(user_ids=members, purpose=purpose)
    consenting = [pk for pk, granted in latest.items() if granted]
    targets: dict[int, dict[int, RoleProfile]] = {}
    for target in (
        RoleProfile.objects.filter(job_role__assignments__user_id__in=consenting)
        .select_related("competency__framework", "target_level")
        .annotate(person=F("job_role__assignments__user_id"))
    ):
        best = targets.setdefault(target.person, {})
        current = best.get(target.competency_id)
        if current is None or target.target_level.rank > current.target_level.rank:
            best[target.competency_id] = target
    profiles = {
        (p.user_id, p.competency_id): p
        for p in CompetencyProfile.objects.filter(user_id__in=consenting)
    }
    result = []
    for pk in sorted(consenting, key=lambda pk: (members[pk].last_name, members[pk].first_name)):
        gaps = []
        for competency_id, target in targets.get(pk, {}).items():
            profile = profiles.get((pk, competency_id))
            gaps.append(
                Gap(
                    competency=target.competency,
                    target_level=target.target_level,
                    reached_rank=profile.reached_rank if profile else 0,
                    self_assessed_rank=profile.self_assessed_rank if profile else 0,
                    required=target.importance == RoleProfile.Importance.REQUIRED,
                )
            )
        gaps.sort(key=lambda g: (g.competency.framework.key, g.competency.position))
        result.append(PersonProfile(user=members[pk], gaps=gaps))
    return result


def framework_data(*, framework: Framework) -> FrameworkData:
    """The framework as format-neutral data, for the exporters (4 queries)."""
    scale = framework.scale
    data = FrameworkData(
        key=framework.key,
        title=framework.title,
        uri=framework.uri,
        version=framework.version,
        source=framework.source,
        description=framework.description,
        language=framework.language,
        scale=ScaleData(
            key=scale.key,
            name=scale.name,
            uri=scale.uri,
            description=scale.description,
            levels=[
                LevelData(
                    rank=level.rank,
                    code=level.code,
                    name=level.name,
                    band=level.band,
                    description=level.description,
                    uri=level.uri,
                )
                for level in scale.levels.order_by("rank")
            ],
        ),
    )
    comps = list(
        Competency.objects.filter(framework=framework)
        .select_related("parent")
        .order_by("position", "code")
    )
    for comp in comps:
        data.competencies.append(
            CompetencyData(
                code=comp.code,
                name=comp.name,
                kind=comp.kind,
                uri=comp.uri,
                description=comp.description,
                parent_code=comp.parent.code if comp.parent else "",
                position=comp.position,
            )
        )
    for st in (
        CompetencyStatement.objects.filter(competency__framework=framework)
        .select_related("competency", "level")
        .order_by("competency__position", "competency__code", "position", "identifier")
    ):
        data.statements.append(
            StatementData(
                competency_code=st.competency.code,
                kind=st.kind,
                identifier=st.identifier,
                text=st.text,
                level_rank=st.level.rank if st.level else None,
                band=st.band,
                outcome_type=st.outcome_type,
                position=st.position,
            )
        )
    return data


def scheduled_reports_visible(*, user) -> QuerySet[ScheduledReport]:
    """Scheduled reports a person may see and manage, with their latest run.

    Administrators: all. HR: their own and those about a unit they are responsible for
    (sub-units included). Everyone else: none. One query, whatever the number of runs.
    """
    schedules = ScheduledReport.objects.select_related("owner", "org_unit", "framework", "role")
    if user_is_administrator(user=user):
        visible = schedules
    elif user_is_hr(user=user):
        scope = units_responsible_for(user=user).values("pk")
        visible = schedules.filter(Q(owner=user) | Q(org_unit__in=scope))
    else:
        return schedules.none()
    latest = ReportExport.objects.filter(schedule=OuterRef("pk")).order_by("-created_at")
    return visible.annotate(
        last_export_id=Subquery(latest.values("pk")[:1]),
        last_export_status=Subquery(latest.values("status")[:1]),
        last_export_at=Subquery(latest.values("created_at")[:1]),
    ).order_by("owner__last_name", "owner__email", "org_unit__path", "pk")


def scheduled_report_next_run(schedule: ScheduledReport, *, today=None):
    """The day of the next run (None while paused): monthly, at the first beat run of a
    month in which the schedule has not run yet."""
    if not schedule.is_active:
        return None
    today = today or timezone.localdate()
    first = today.replace(day=1)
    if schedule.last_run_on and schedule.last_run_on >= first:
        return (first + dt.timedelta(days=32)).replace(day=1)
    return today


def competencies_with_ids(*, ids) -> QuerySet[Competency]:
    """Competencies by id (a list or a subquery), in framework order, for choices."""
    return (
        Competency.objects.filter(pk__in=ids)
        .select_related("framework")
        .order_by("framework__key", "position", "code")
    )
