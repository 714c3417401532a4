"""Writes about frameworks, role profiles, self-assessments and validations.

Evidence and profiles are never written here directly: self-assessments and trainer
validations are recorded as xAPI statements (``lms.xapi.events``) and the projection in
``projection.py`` turns them into evidence in the same transaction.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from celery import current_app
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from competencies import exports, gapcounts
from competencies.formats import FormatProblem, FrameworkData, parse
from competencies.forms import ReportFilterForm
from competencies.models import (
    Competency,
    CompetencyStatement,
    Framework,
    ImportJob,
    ProficiencyLevel,
    ProficiencyScale,
    ReportExport,
    RoleProfile,
    ScheduledReport,
)
from competencies.reporting import Report, largest_gap, report_build, suppression_note
from competencies.selectors import level_for, scheduled_reports_visible
from lms.accounts.selectors import user_is_hr, user_is_trainer
from lms.accounts.services import audit_log
from lms.home.formats import format_decimal
from lms.xapi import events, vocabulary

if TYPE_CHECKING:
    from lms.xapi.models import Statement

Progress = Callable[[int, int, str], None]


@dataclass
class ImportResult:
    framework: Framework
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    removed: dict[str, int] = field(default_factory=dict)
    not_in_file: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return (
            any(self.created.values()) or any(self.updated.values()) or any(self.removed.values())
        )

    def summary(self) -> str:
        parts = []
        for label, counts in (
            ("created", self.created),
            ("updated", self.updated),
            ("removed", self.removed),
        ):
            text = ", ".join(f"{n} {k}" for k, n in counts.items() if n)
            if text:
                parts.append(f"{label}: {text}")
        if self.not_in_file:
            parts.append(f"kept (not in file): {', '.join(self.not_in_file)}")
        return "; ".join(parts) or "no changes"


def framework_import_file(
    *, name: str, content: bytes, key: str | None = None, progress: Progress | None = None
) -> ImportResult:
    """Parse a framework file (format detected) and import it. Raises ``FormatProblem``."""
    return framework_import(data=parse(name, content, key=key), progress=progress)


def _set_fields(obj, values: dict) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


@transaction.atomic
def framework_import(*, data: FrameworkData, progress: Progress | None = None) -> ImportResult:
    """Create or update a framework by identifier; all or nothing.

    Scale by key, levels by rank, framework by URI (or key), competencies by URI,
    statements by (competency, identifier). Competencies missing from the file are kept
    (evidence may refer to them) and listed; statements missing from the file are removed.
    """
    data.fill_uris()
    data.validate()
    total = 4 + len(data.competencies) + len(data.statements)
    done = 0

    def step(n, label):
        nonlocal done
        done += n
        if progress:
            progress(done, total, label)

    created = {"levels": 0, "competencies": 0, "statements": 0, "frameworks": 0}
    updated = {"levels": 0, "competencies": 0, "statements": 0, "frameworks": 0}
    removed = {"statements": 0}

    scale = ProficiencyScale.objects.filter(key=data.scale.key).first() or ProficiencyScale(
        key=data.scale.key
    )
    if (
        _set_fields(
            scale,
            {"uri": data.scale.uri, "name": data.scale.name, "description": data.scale.description},
        )
        or scale.pk is None
    ):
        scale.full_clean(validate_unique=False)
        scale.save()
    levels = {level.rank: level for level in scale.levels.all()}
    for item in data.scale.levels:
        level = levels.get(item.rank) or ProficiencyLevel(scale=scale, rank=item.rank)
        is_new = level.pk is None
        values = {
            "code": item.code,
            "name": item.name,
            "band": item.band,
            "description": item.description,
            "uri": item.uri,
        }
        if _set_fields(level, values) or is_new:
            level.save()
            (created if is_new else updated)["levels"] += 1
        levels[item.rank] = level
    step(1, "scale")

    framework = (
        Framework.objects.filter(uri=data.uri).first()
        or Framework.objects.filter(key=data.key).first()
    )
    is_new = framework is None
    framework = framework or Framework(key=data.key)
    values = {
        "uri": data.uri,
        "title": data.title,
        "version": data.version,
        "source": data.source,
        "description": data.description,
        "language": data.language,
        "scale_id": scale.pk,
    }
    if _set_fields(framework, values) or is_new:
        framework.updated_at = timezone.now()
        framework.save()
        (created if is_new else updated)["frameworks"] += 1
    step(1, "framework")

    existing = {c.uri: c for c in Competency.objects.filter(framework=framework)}
    by_code: dict[str, Competency] = {}
    for item in data.competencies:
        comp = existing.get(item.uri) or Competency(framework=framework)
        is_new = comp.pk is None
        values = {
            "kind": item.kind,
            "code": item.code,
            "uri": item.uri,
            "name": item.name,
            "description": item.description,
            "position": item.position,
        }
        if _set_fields(comp, values) or is_new:
            comp.parent = None if is_new else comp.parent
            comp.save()
            (created if is_new else updated)["competencies"] += 1
        by_code[item.code] = comp
    step(len(data.competencies), "competencies")
    for item in data.competencies:
        comp = by_code[item.code]
        parent = by_code.get(item.parent_code)
        if comp.parent_id != (parent.pk if parent else None):
            comp.parent = parent
            comp.save(update_fields=["parent"])
    step(1, "tree")
    in_file = {c.uri for c in data.competencies}
    not_in_file = sorted(c.code for uri, c in existing.items() if uri not in in_file)

    old = {
        (s.competency_id, s.identifier): s
        for s in CompetencyStatement.objects.filter(competency__framework=framework)
    }
    to_create, to_update, seen = [], [], set()
    for item in data.statements:
        comp = by_code[item.competency_code]
        key = (comp.pk, item.identifier)
        seen.add(key)
        level = levels[item.level_rank] if item.level_rank else None
        values = {
            "kind": item.kind,
            "text": item.text,
            "level_id": level.pk if level else None,
            "band": item.band,
            "outcome_type": item.outcome_type,
            "position": item.position,
        }
        statement = old.get(key)
        if statement is None:
            to_create.append(
                CompetencyStatement(competency=comp, identifier=item.identifier, **values)
            )
        elif _set_fields(statement, values):
            to_update.append(statement)
    CompetencyStatement.objects.bulk_create(to_create, batch_size=500)
    CompetencyStatement.objects.bulk_update(
        to_update,
        ["kind", "text", "level", "band", "outcome_type", "position"],
        batch_size=500,
    )
    stale = [s.pk for key, s in old.items() if key not in seen]
    CompetencyStatement.objects.filter(pk__in=stale).delete()
    created["statements"], updated["statements"] = len(to_create), len(to_update)
    removed["statements"] = len(stale)
    step(len(data.statements) + 1, "statements")
    if (any(updated.values()) or any(created.values()) or stale) and not is_new:
        framework.updated_at = timezone.now()
        framework.save(update_fields=["updated_at"])
    return ImportResult(
        framework=framework,
        created=created,
        updated=updated,
        removed=removed,
        not_in_file=not_in_file,
    )


@transaction.atomic
def role_target_set(
    *,
    job_role,
    competency: Competency,
    rank: int,
    importance: str = RoleProfile.Importance.REQUIRED,
) -> RoleProfile:
    """Set (or change) the target level a job role sets for a competency."""
    level = ProficiencyLevel.objects.filter(scale=competency.framework.scale_id, rank=rank).first()
    if level is None:
        raise ValidationError(f"Level {rank} is not on the scale of {competency.framework}.")
    target = RoleProfile.objects.filter(job_role=job_role, competency=competency).first()
    target = target or RoleProfile(job_role=job_role, competency=competency)
    target.target_level, target.importance = level, importance
    return role_target_save(target=target)


# Role targets are written only here: each write recomputes the gap and trend counts of the
# competencies it touches (from scratch; a target concerns everybody holding the role).


@transaction.atomic
def role_target_save(*, target: RoleProfile) -> RoleProfile:
    """Save a new or changed role target (e.g. the admin form's instance).

    Raises ``ValidationError`` when the level is not on the competency's scale or the
    role already has a target for the competency.
    """
    target.full_clean()
    previous = None
    if target.pk is not None:
        previous = (
            RoleProfile.objects.filter(pk=target.pk).values_list("competency_id", flat=True).first()
        )
    target.save()
    gapcounts.recompute_competencies({target.competency_id, previous} - {None})
    return target


@transaction.atomic
def role_target_delete(*, target: RoleProfile) -> None:
    competency_id = target.competency_id
    target.delete()
    gapcounts.recompute_competencies({competency_id})


@transaction.atomic
def competency_delete(*, competency: Competency) -> None:
    """Delete a competency with the competencies below it, their role targets, evidence
    and profiles (cascade), and the counts about them."""
    ids, level = {competency.pk}, [competency.pk]
    while level:
        level = list(
            Competency.objects.filter(parent_id__in=level)
            .exclude(pk__in=ids)
            .values_list("pk", flat=True)
        )
        ids.update(level)
    competency.delete()
    gapcounts.recompute_competencies(ids)


@transaction.atomic
def framework_delete(*, framework: Framework) -> None:
    """Delete a framework with its competencies (see ``competency_delete``); its scale
    stays."""
    ids = set(framework.competencies.values_list("pk", flat=True))
    framework.delete()
    gapcounts.recompute_competencies(ids)


def competency_activity(competency: Competency) -> events.Activity:
    """The xAPI activity for a competency (its URI is the activity IRI)."""
    return events.Activity(
        iri=competency.uri,
        name=competency.name,
        type=vocabulary.TYPE_COMPETENCY,
        description=competency.description[:1000],
    )


def _level(competency: Competency, rank: int) -> ProficiencyLevel:
    try:
        return level_for(competency=competency, rank=rank)
    except ProficiencyLevel.DoesNotExist as exc:
        raise ValidationError(
            f"Level {rank} is not on the scale of {competency.framework}."
        ) from exc


@transaction.atomic
def competency_self_assess(
    *, user, competency: Competency, rank: int, occurred_at=None
) -> "Statement":
    """Record a person's own rating; kept apart from measured levels.

    ``occurred_at`` (default now) dates the rating, e.g. when it is entered afterwards.
    """
    if competency.kind != Competency.Kind.COMPETENCY:
        raise ValidationError("Only competencies (not areas) can be rated.")
    level = _level(competency, rank)
    return events.record(
        events.self_assessed(
            user=user,
            competency=competency_activity(competency),
            level_uri=level.uri,
            level_name=str(level),
            timestamp=occurred_at,
        )
    )


@transaction.atomic
def competency_validate(
    *, user, competency: Competency, rank: int, validator, note: str = "", occurred_at=None
) -> "Statement":
    """A trainer confirms that a person has shown a competency at a level.

    ``occurred_at`` (default now) is when it was observed; it dates the evidence.
    """
    if not user_is_trainer(user=validator):
        raise PermissionDenied("Only trainers may validate competencies.")
    if validator.pk == user.pk:
        raise PermissionDenied("Nobody may validate their own competencies.")
    if competency.kind != Competency.Kind.COMPETENCY:
        raise ValidationError("Only competencies (not areas) can be validated.")
    level = _level(competency, rank)
    return events.record(
        events.competency_validated(
            user=user,
            competency=competency_activity(competency),
            level_uri=level.uri,
            validator=validator,
            note=note,
            timestamp=occurred_at,
        )
    )


# --------------------------------------------------------------------------- background work


def _queue(task_name: str, *args) -> None:
    """Queue a task by name after the transaction commits (tasks import services)."""
    transaction.on_commit(lambda: current_app.tasks[task_name].delay(*args))


def import_job_create(*, user, file_name: str, content: bytes, key: str = "") -> ImportJob:
    """Store an uploaded framework file and import it in the background."""
    job = ImportJob.objects.create(
        requested_by=user if getattr(user, "pk", None) else None,
        file_name=file_name[:255],
        content=content,
        key=key,
    )
    _queue("competencies.tasks.framework_import_task", str(job.pk))
    return job


def import_job_run(*, job_id) -> ImportJob:
    """Run one import job, writing its progress; the import itself is all or nothing."""
    job = ImportJob.objects.get(pk=job_id)
    if job.status in (ImportJob.Status.DONE, ImportJob.Status.FAILED):
        return job
    job.status, job.progress = ImportJob.Status.RUNNING, 1
    job.save(update_fields=["status", "progress"])

    def progress(done, total, _label):
        percent = max(1, min(99, int(100 * done / max(total, 1))))
        if percent >= job.progress + 5:
            # A separate connection is not needed: progress rows are written outside the
            # import's own transaction only when running in a worker (autocommit).
            ImportJob.objects.filter(pk=job.pk).update(progress=percent)
            job.progress = percent

    try:
        result = framework_import_file(
            name=job.file_name, content=bytes(job.content), key=job.key or None, progress=progress
        )
    except FormatProblem as problem:
        job.status, job.message = ImportJob.Status.FAILED, str(problem)
    else:
        job.status, job.message = ImportJob.Status.DONE, result.summary()
        job.progress = 100
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "message", "progress", "finished_at"])
    return job


def report_export_request(
    *, user, params: dict, fmt: str, schedule: ScheduledReport | None = None
) -> ReportExport:
    """Queue a report file for an HR person (the worker checks the scope again)."""
    if not user_is_hr(user=user):
        raise PermissionDenied("Only HR staff may export reports.")
    if fmt not in ReportExport.Format.values:
        raise ValidationError(f"Unknown format {fmt!r}.")
    export = ReportExport.objects.create(
        requested_by=user, filters=params, format=fmt, schedule=schedule
    )
    _queue("competencies.tasks.report_export_task", str(export.pk))
    return export


def _set_progress(export: ReportExport, percent: int, status=None) -> None:
    export.progress = percent
    fields = ["progress"]
    if status:
        export.status = status
        fields.append("status")
    export.save(update_fields=fields)


def report_pdf(report: Report) -> bytes:
    """The report as an A4 PDF (charts as PNG)."""
    return exports.to_pdf(
        report,
        images=exports.pdf_chart_images(report),
        title=gettext("Competency gap report"),
        summary=report_summary(report),
        note=suppression_note(report.k),
    )


def report_export_run(*, export_id) -> ReportExport:
    """Produce the file of one export; sends the download link when it was scheduled."""
    export = ReportExport.objects.select_related("requested_by", "schedule").get(pk=export_id)
    if export.status == ReportExport.Status.DONE:
        return export
    user = export.requested_by
    _set_progress(export, 5, ReportExport.Status.RUNNING)
    with translation.override(settings.LANGUAGE_CODE):
        form = ReportFilterForm(data=export.filters, user=user)
        if not user_is_hr(user=user) or not form.is_valid():
            export.status, export.message = ReportExport.Status.FAILED, "invalid filters or scope"
            export.finished_at = timezone.now()
            export.save(update_fields=["status", "message", "finished_at"])
            return export
        report = report_build(user=user, filters=form.filters())
        _set_progress(export, 40)
        stamp = timezone.localtime().strftime("%Y-%m-%d")
        if export.format == ReportExport.Format.CSV:
            content = exports.to_csv(report)
        elif export.format == ReportExport.Format.XLSX:
            content = exports.to_xlsx(report)
        else:
            content = report_pdf(report)
        export.file.save(
            f"kompetenzbericht-{stamp}-{export.pk.hex[:8]}.{export.format}",
            ContentFile(content),
            save=False,
        )
        export.status, export.progress = ReportExport.Status.DONE, 100
        export.finished_at = timezone.now()
        export.save(update_fields=["file", "status", "progress", "finished_at"])
        audit_log(
            actor=user,
            action="competencies.report.exported",
            details={"format": export.format, "filters": export.filters},
        )
        if export.schedule_id:
            link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
                "competencies:export_download", args=[export.pk]
            )
            send_mail(
                subject=gettext("Your monthly competency report"),
                message=gettext(
                    "Your monthly competency gap report is ready. Download it (login "
                    "required): %(link)s\n\n%(summary)s"
                )
                % {"link": link, "summary": report_summary(report)},
                from_email=None,
                recipient_list=[user.email],
            )
    return export


def scheduled_report_create(*, user, params: dict, fmt: str) -> ScheduledReport:
    if not user_is_hr(user=user):
        raise PermissionDenied("Only HR staff may schedule reports.")
    form = ReportFilterForm(data=params, user=user)
    if not form.is_valid():
        raise ValidationError("invalid filters")
    if fmt not in ReportExport.Format.values:
        raise ValidationError(f"Unknown format {fmt!r}.")
    filters = form.filters()
    with transaction.atomic():
        schedule, created = ScheduledReport.objects.update_or_create(
            owner=user,
            org_unit=filters.unit,
            framework=filters.framework,
            role=filters.role,
            defaults={
                "format": fmt,
                "is_active": True,
                "trend_start": filters.start,
                "trend_end": filters.end,
            },
        )
        audit_log(
            actor=user,
            action="competencies.schedule.created" if created else "competencies.schedule.updated",
            details={"schedule": schedule.pk, "format": fmt, **schedule.filter_params()},
        )
    return schedule


def _managed_schedule(*, user, schedule_id: int) -> ScheduledReport:
    schedule = scheduled_reports_visible(user=user).filter(pk=schedule_id).first()
    if schedule is None:
        raise PermissionDenied("Not a scheduled report this person may manage.")
    return schedule


@transaction.atomic
def scheduled_report_set_active(*, user, schedule_id: int, active: bool) -> ScheduledReport:
    """Pause or resume a scheduled report (its owner, HR of its unit, administrators)."""
    schedule = _managed_schedule(user=user, schedule_id=schedule_id)
    if schedule.is_active != active:
        schedule.is_active = active
        schedule.save(update_fields=["is_active"])
        audit_log(
            actor=user,
            action="competencies.schedule.resumed" if active else "competencies.schedule.paused",
            details={"schedule": schedule.pk, "owner": str(schedule.owner.pseudonym)},
        )
    return schedule


@transaction.atomic
def scheduled_report_delete(*, user, schedule_id: int) -> None:
    """Delete a scheduled report; files already produced stay with their requester."""
    schedule = _managed_schedule(user=user, schedule_id=schedule_id)
    audit_log(
        actor=user,
        action="competencies.schedule.deleted",
        details={"schedule": schedule.pk, "owner": str(schedule.owner.pseudonym)},
    )
    schedule.delete()


def scheduled_reports_run(*, today=None) -> int:
    """Queue this month's run of every active schedule that has not run this month."""
    today = today or timezone.localdate()
    first = today.replace(day=1)
    count = 0
    due = ScheduledReport.objects.filter(is_active=True).exclude(last_run_on__gte=first)
    for schedule in due.select_related("owner", "org_unit", "framework", "role"):
        with transaction.atomic():
            report_export_request(
                user=schedule.owner,
                params=schedule.filter_params(),
                fmt=schedule.format,
                schedule=schedule,
            )
            schedule.last_run_on = today
            schedule.save(update_fields=["last_run_on"])
            count += 1
    return count


def report_summary(report: Report) -> str:
    """The one-sentence summary of a report (screen readers, PDF, e-mail)."""
    worst = largest_gap(report)
    if worst is None and report.filters.role is not None:
        return gettext(
            "No figure for the job role %(role)s can be shown in this selection: it has "
            "fewer than %(k)s people with a target here, or its figures would let a smaller "
            "group be worked out. Choose a larger org unit or all job roles."
        ) % {"role": report.filters.role.name, "k": report.k}
    if worst is None:
        return gettext(
            "No group in this selection is large enough to show (at least %(k)s people)."
        ) % {"k": report.k}
    competency, cell = worst
    return gettext(
        "Across %(people)s people with a target, the largest average gap is in "
        "%(code)s %(name)s (%(gap)s levels, %(share)s%% below target); %(hidden)s of "
        "%(cells)s cells are hidden to protect groups of fewer than %(k)s people."
    ) % {
        "people": cell.stats.people,
        "code": competency.code,
        "name": competency.display_name,
        "gap": format_decimal(cell.stats.average_gap),
        "share": round(100 * cell.stats.share_below),
        "hidden": report.hidden_cells,
        "cells": report.hidden_cells + report.shown_cells,
        "k": report.k,
    }
