"""Competency frameworks, role targets, evidence and the competency profile projection.

Frameworks (with their proficiency scale, competency tree and level statements) and role
profiles are reference data maintained by administrators and importers. ``Evidence`` and
``CompetencyProfile`` are projections of stored xAPI statements (see ``projection.py``):
they are rebuilt from the statement log and never written by hand.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from competencies.rules import MAX_RANK

# DigComp's four proficiency bands (competencies.formats.DIGCOMP_BANDS): its data supplement
# names them in English only, so the platform translates this closed vocabulary itself.
BAND_LABELS = {
    "Basic": pgettext_lazy("DigComp proficiency band", "Basic"),
    "Intermediate": pgettext_lazy("DigComp proficiency band", "Intermediate"),
    "Advanced": pgettext_lazy("DigComp proficiency band", "Advanced"),
    "Highly advanced": pgettext_lazy("DigComp proficiency band", "Highly advanced"),
}

# How a name in another language is labelled, e.g. "Content creation (englisch)".
LANGUAGE_LABELS = {
    "de": pgettext_lazy("language of a name, after it", "German"),
    "en": pgettext_lazy("language of a name, after it", "English"),
    "fr": pgettext_lazy("language of a name, after it", "French"),
}


def name_in_language(name: str, language: str) -> str:
    """``name`` as shown on a page: labelled with its language when that is known and is not
    the page's language (the framework offers no translation to show instead)."""
    current = (get_language() or "de").split("-")[0]
    if not language or language == current:
        return name
    label = LANGUAGE_LABELS.get(language, language)
    return pgettext("a name followed by its language", "%(name)s (%(language)s)") % {
        "name": name,
        "language": label,
    }


class ProficiencyScale(models.Model):
    """An ordered scale of proficiency levels (rank 1 is the lowest)."""

    key = models.SlugField(_("key"), max_length=60, unique=True)
    uri = models.CharField(_("URI"), max_length=500, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("proficiency scale")
        verbose_name_plural = _("proficiency scales")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ProficiencyLevel(models.Model):
    """One level of a scale; ``band`` groups levels (e.g. DigComp: 8 levels in 4 bands).

    ``rank`` is 1..``rules.MAX_RANK`` (a database constraint).
    """

    scale = models.ForeignKey(ProficiencyScale, on_delete=models.CASCADE, related_name="levels")
    rank = models.PositiveSmallIntegerField(_("rank"))
    code = models.CharField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=200)
    band = models.CharField(_("band"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)
    uri = models.CharField(_("URI"), max_length=500, unique=True)

    class Meta:
        verbose_name = _("proficiency level")
        verbose_name_plural = _("proficiency levels")
        ordering = ["scale", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["scale", "rank"], name="unique_level_rank"),
            models.UniqueConstraint(fields=["scale", "code"], name="unique_level_code"),
            models.CheckConstraint(
                condition=models.Q(rank__gte=1, rank__lte=MAX_RANK), name="level_rank_in_range"
            ),
        ]

    def __str__(self):
        if self.band:
            return f"{self.rank} – {self.display_name} ({self.band_label})"
        return f"{self.rank} – {self.display_name}"

    @property
    def band_label(self) -> str:
        return str(BAND_LABELS.get(self.band, self.band))

    @property
    def display_name(self) -> str:
        """The level's name in the page's language where the platform knows it: DigComp's
        imported names are "<band> <rank>" ("Basic 1" -> "Grundlegend 1")."""
        if self.band in BAND_LABELS and self.name == f"{self.band} {self.rank}":
            return f"{self.band_label} {self.rank}"
        return self.name


class Framework(models.Model):
    """A versioned competency framework with its own scale and a stable URI."""

    key = models.SlugField(
        _("key"),
        max_length=60,
        unique=True,
        help_text=_("Short identifier used in references such as 'digcomp:1.2'."),
    )
    uri = models.CharField(_("URI"), max_length=500, unique=True)
    title = models.CharField(_("title"), max_length=300)
    version = models.CharField(_("version"), max_length=60, blank=True)
    source = models.CharField(
        _("source"), max_length=500, blank=True, help_text=_("Publisher, licence or source URL.")
    )
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(
        _("language of the names"),
        max_length=10,
        blank=True,
        help_text=_(
            "Language of the competency names and descriptions (e.g. 'en'), as the import "
            "file gives it. Names in another language than the page's are labelled with it."
        ),
    )
    scale = models.ForeignKey(ProficiencyScale, on_delete=models.PROTECT, related_name="frameworks")
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        verbose_name = _("competency framework")
        verbose_name_plural = _("competency frameworks")
        ordering = ["title"]

    def __str__(self):
        return f"{self.title} {self.version}".strip()


class Competency(models.Model):
    """A node of a framework's tree: an area, or a competency inside an area."""

    class Kind(models.TextChoices):
        AREA = "area", _("Area")
        COMPETENCY = "competency", _("Competency")

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="competencies")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    code = models.CharField(_("code"), max_length=60)
    uri = models.CharField(_("URI"), max_length=500, unique=True)
    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")
        ordering = ["framework", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="unique_competency_code")
        ]

    def __str__(self):
        return f"{self.code} {self.display_name}"

    @property
    def display_name(self) -> str:
        """The name as pages show it, labelled with its language when that differs from the
        page's (load ``framework`` with the competency: ``select_related("framework")``)."""
        return name_in_language(self.name, self.framework.language)

    @property
    def ref(self) -> str:
        return f"{self.framework.key}:{self.code}"


class CompetencyStatement(models.Model):
    """A statement or learning outcome describing a competency at a level or band."""

    class Kind(models.TextChoices):
        STATEMENT = "statement", _("Competence statement")
        OUTCOME = "outcome", _("Learning outcome")

    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="statements")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    identifier = models.CharField(_("identifier"), max_length=300)
    level = models.ForeignKey(
        ProficiencyLevel,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="statements",
        help_text=_("Set when the statement describes one level."),
    )
    band = models.CharField(
        _("band"),
        max_length=100,
        blank=True,
        help_text=_("Set when the statement describes a band of levels."),
    )
    outcome_type = models.CharField(
        _("outcome type"), max_length=40, blank=True, help_text=_("Knowledge, skill or attitude.")
    )
    text = models.TextField(_("text"))
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("competency statement")
        verbose_name_plural = _("competency statements")
        ordering = ["competency", "position", "identifier"]
        constraints = [
            models.UniqueConstraint(
                fields=["competency", "identifier"], name="unique_statement_identifier"
            )
        ]

    def __str__(self):
        return self.text[:80]


class RoleProfile(models.Model):
    """The target level a job role sets for one competency."""

    class Importance(models.TextChoices):
        REQUIRED = "required", _("Required")
        DESIRABLE = "desirable", _("Desirable")

    job_role = models.ForeignKey(
        "accounts.JobRole", on_delete=models.CASCADE, related_name="competency_targets"
    )
    competency = models.ForeignKey(
        Competency, on_delete=models.CASCADE, related_name="role_targets"
    )
    target_level = models.ForeignKey(
        ProficiencyLevel, on_delete=models.PROTECT, related_name="role_targets"
    )
    importance = models.CharField(
        _("importance"), max_length=20, choices=Importance.choices, default=Importance.REQUIRED
    )

    class Meta:
        verbose_name = _("role profile target")
        verbose_name_plural = _("role profile targets")
        ordering = ["job_role", "competency"]
        constraints = [
            models.UniqueConstraint(fields=["job_role", "competency"], name="unique_role_target")
        ]

    def __str__(self):
        return f"{self.job_role}: {self.competency.code} ≥ {self.target_level.rank}"

    def clean(self):
        if (
            self.competency_id
            and self.target_level_id
            and self.target_level.scale_id != self.competency.framework.scale_id
        ):
            raise ValidationError(
                {"target_level": _("Choose a level of the scale of this competency's framework.")}
            )


class Evidence(models.Model):
    """Projection row: one statement evidences a person's competency at a level.

    ``rank`` copies the level's rank so reports and the reached-level rule need no join.
    Self-assessments are stored with source ``self`` and never count as measured.
    """

    class Source(models.TextChoices):
        ASSESSMENT = "assessment", _("Assessment passed")
        COURSE = "course", _("Course completed")
        VALIDATION = "validation", _("Trainer validation")
        SELF = "self", _("Self-assessment")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="competency_evidence"
    )
    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="evidence")
    level = models.ForeignKey(ProficiencyLevel, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField(_("rank"))
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    statement_id = models.UUIDField(_("statement"), db_index=True)
    occurred_at = models.DateTimeField(_("time"))
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["-occurred_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement_id", "competency", "level"], name="unique_evidence_item"
            )
        ]
        indexes = [models.Index(fields=["user", "competency"], name="evidence_user_comp")]

    def __str__(self):
        return f"{self.user_id} {self.competency_id} {self.rank} ({self.source})"


class CompetencyProfile(models.Model):
    """Projection row: a person's reached and self-assessed level for one competency.

    ``reached_rank`` is 0 when nothing was measured; it follows the rule in ``rules.py``.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="competency_profiles"
    )
    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="profiles")
    reached_rank = models.PositiveSmallIntegerField(_("reached level"), default=0)
    reached_at = models.DateTimeField(_("reached at"), null=True, blank=True)
    self_assessed_rank = models.PositiveSmallIntegerField(_("self-assessed level"), default=0)
    self_assessed_at = models.DateTimeField(_("self-assessed at"), null=True, blank=True)
    last_evidence_at = models.DateTimeField(_("last evidence"), null=True, blank=True)
    expires_at = models.DateTimeField(_("reached level expires at"), null=True, blank=True)
    # When the row may next change by time passing alone (``rules.profile_state``).
    next_expiry_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("competency profile")
        verbose_name_plural = _("competency profiles")
        constraints = [
            models.UniqueConstraint(fields=["user", "competency"], name="unique_profile")
        ]
        indexes = [
            models.Index(
                fields=["next_expiry_at"],
                name="profile_next_expiry",
                condition=models.Q(next_expiry_at__isnull=False),
            )
        ]

    def __str__(self):
        return f"{self.user_id} {self.competency_id}: {self.reached_rank}"


class GapCount(models.Model):
    """Projection row: people of one own org unit and reporting role with a target and a
    reached level for one competency (see ``gapcounts.py``; reports read only these).

    Plain ids rather than foreign keys: rows are adjusted by signed differences inside
    other apps' transactions, also while the referenced rows are being deleted.
    """

    unit_id = models.BigIntegerField()
    role_id = models.BigIntegerField()
    competency_id = models.BigIntegerField()
    target_rank = models.PositiveSmallIntegerField()
    reached_rank = models.PositiveSmallIntegerField()
    people = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("gap count")
        verbose_name_plural = _("gap counts")
        constraints = [
            models.UniqueConstraint(
                fields=["unit_id", "role_id", "competency_id", "target_rank", "reached_rank"],
                name="unique_gap_count",
            )
        ]
        indexes = [models.Index(fields=["competency_id"], name="gap_count_competency")]

    def __str__(self):
        return (
            f"{self.unit_id}/{self.role_id}/{self.competency_id} "
            f"{self.target_rank}->{self.reached_rank}: {self.people}"
        )


class GapTrendCount(models.Model):
    """Projection row: people of one own org unit and reporting role whose target for one
    competency was first met in ``month`` (its first day, UTC; see ``gapcounts.py``)."""

    unit_id = models.BigIntegerField()
    role_id = models.BigIntegerField()
    competency_id = models.BigIntegerField()
    month = models.DateField()
    people = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("trend count")
        verbose_name_plural = _("trend counts")
        constraints = [
            models.UniqueConstraint(
                fields=["unit_id", "role_id", "competency_id", "month"],
                name="unique_gap_trend_count",
            )
        ]
        indexes = [models.Index(fields=["competency_id"], name="gap_trend_competency")]

    def __str__(self):
        return f"{self.unit_id}/{self.role_id}/{self.competency_id} {self.month}: {self.people}"


class ImportJob(models.Model):
    """A framework file imported in the background, with its progress and outcome."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    file_name = models.CharField(_("file name"), max_length=255)
    content = models.BinaryField(_("content"))
    key = models.SlugField(_("framework key"), max_length=60, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("framework import")
        verbose_name_plural = _("framework imports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"


class ReportExport(models.Model):
    """An HR report produced in the background as a file (CSV, XLSX or PDF)."""

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"
        PDF = "pdf", "PDF"

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_exports"
    )
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    file = models.FileField(_("file"), upload_to="reports/%Y/%m/", blank=True)
    message = models.TextField(_("message"), blank=True)
    schedule = models.ForeignKey(
        "ScheduledReport", null=True, blank=True, on_delete=models.SET_NULL, related_name="runs"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("report export")
        verbose_name_plural = _("report exports")
        ordering = ["-created_at"]

    def __str__(self):
        when = date_format(timezone.localtime(self.created_at), "SHORT_DATETIME_FORMAT")
        return f"{self.get_format_display()} {when}"


class ScheduledReport(models.Model):
    """A monthly report for an HR person, produced by Celery beat and sent by e-mail."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scheduled_reports"
    )
    org_unit = models.ForeignKey(
        "accounts.OrgUnit", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    framework = models.ForeignKey(
        Framework, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    role = models.ForeignKey(
        "accounts.JobRole",
        verbose_name=_("job role"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # The trend period as chosen on the reports page; no end: up to each run's date.
    trend_start = models.DateField(_("trend from"), null=True, blank=True)
    trend_end = models.DateField(_("trend until"), null=True, blank=True)
    format = models.CharField(
        _("format"), max_length=10, choices=ReportExport.Format.choices, default="pdf"
    )
    is_active = models.BooleanField(_("active"), default=True)
    last_run_on = models.DateField(_("last run on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("scheduled report")
        verbose_name_plural = _("scheduled reports")
        ordering = ["owner", "org_unit"]

    def __str__(self):
        return f"{self.owner} – {self.org_unit or '*'} ({self.format})"

    def filter_params(self) -> dict:
        """The report filters, as the reports page and the export task take them."""
        return {
            "unit": self.org_unit_id or "",
            "role": self.role_id or "",
            "framework": self.framework_id or "",
            "start": self.trend_start.isoformat() if self.trend_start else "",
            "end": self.trend_end.isoformat() if self.trend_end else "",
        }
