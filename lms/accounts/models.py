import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node


class UserManager(DjangoUserManager):
    """A manager for users who log in with their e-mail address."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    # Opaque, stable identifier used wherever a person must be named outside the
    # platform (e.g. xAPI statements forwarded to an agency's LRS).
    pseudonym = models.UUIDField(_("pseudonym"), default=uuid.uuid4, unique=True, editable=False)
    org_unit = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name=_("org unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    personnel_number = models.CharField(_("personnel number"), max_length=40, blank=True)
    # Set when the person is deactivated (they left); their history is erased once the
    # retention period (QD_LEAVER_RETENTION_DAYS) has passed since then.
    deactivated_at = models.DateTimeField(_("deactivated at"), null=True, blank=True)
    # The identifier the provisioning system (SCIM "externalId") knows the person by.
    external_id = models.CharField(_("external id"), max_length=255, blank=True, db_index=True)
    # When the person joined their current org unit (relative training deadlines count from
    # it); empty for people moved before it was recorded, who count from their joining date.
    org_unit_since = models.DateField(_("in this org unit since"), null=True, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["last_name", "first_name", "email"]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return self.get_full_name() or self.email


class OrgUnit(MP_Node):
    """A node in the agency's organisation tree: agency > department > unit."""

    class Kind(models.TextChoices):
        AGENCY = "agency", _("Agency")
        DEPARTMENT = "department", _("Department")
        UNIT = "unit", _("Unit")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.UNIT)

    node_order_by = ["name"]

    class Meta:
        verbose_name = _("org unit")
        verbose_name_plural = _("org units")

    def __str__(self):
        return self.name


class JobRole(models.Model):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("job role")
        verbose_name_plural = _("job roles")
        ordering = ["name"]

    def __str__(self):
        return self.name


class RoleAssignment(models.Model):
    """A person holds a job role since a date (curriculum due dates count from it)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_assignments"
    )
    job_role = models.ForeignKey(JobRole, on_delete=models.PROTECT, related_name="assignments")
    since = models.DateField(_("since"), default=timezone.localdate)

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.UniqueConstraint(fields=["user", "job_role"], name="unique_role_per_user")
        ]

    def __str__(self):
        return f"{self.user} – {self.job_role}"


class OrgUnitResponsibility(models.Model):
    """Who is responsible for an org unit (and its sub-units): HR staff or a manager."""

    class Kind(models.TextChoices):
        HR = "hr", _("HR / personnel development")
        MANAGER = "manager", _("Manager")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="responsibilities"
    )
    org_unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="responsibles")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)

    class Meta:
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibilities")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "org_unit", "kind"], name="unique_responsibility"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.org_unit} ({self.get_kind_display()})"


class ConsentRecord(models.Model):
    """A person's recorded decision about one purpose; the newest record counts."""

    class Purpose(models.TextChoices):
        INDIVIDUAL_PROFILE = (
            "individual_profile",
            _("My manager and HR may view my individual competency profile"),
        )

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents"
    )
    purpose = models.CharField(_("purpose"), max_length=40, choices=Purpose.choices)
    granted = models.BooleanField(_("granted"))
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-recorded_at", "-id"]
        indexes = [models.Index(fields=["user", "purpose", "-recorded_at"])]

    def __str__(self):
        return f"{self.user} {self.purpose}={self.granted}"


class AuditLogEntry(models.Model):
    """Who did what to whom: administrative actions, exports, erasure, views of individual data."""

    # What the admin shows for each action code (the code itself is what is stored, searched
    # and filtered on). A code missing here is shown as it is.
    ACTION_LABELS = {
        "person.created": _("Person created"),
        "person.changed": _("Person changed"),
        "person.deleted": _("Person deleted"),
        "person.erased": _("Personal data erased"),
        "personal_data.exported": _("Personal data exported"),
        "consent.recorded": _("Consent recorded"),
        "organisation.imported": _("Organisation imported"),
        "competencies.framework.import_started": _("Competency framework import started"),
        "competencies.individual_profiles.viewed": _("Individual profiles viewed"),
        "competencies.report.exported": _("Report exported"),
        "competencies.report.downloaded": _("Report downloaded"),
        "competencies.schedule.created": _("Scheduled report created"),
        "competencies.schedule.paused": _("Scheduled report paused"),
        "competencies.schedule.resumed": _("Scheduled report resumed"),
        "competencies.schedule.deleted": _("Scheduled report deleted"),
        "assignments.assignment.created": _("Mandatory training created"),
        "assignments.assignment.changed": _("Mandatory training changed"),
        "assignments.assignment.deleted": _("Mandatory training deleted"),
        "assignments.team.viewed": _("Team training status viewed"),
        "assignments.status.viewed": _("Training status of units viewed"),
        "assignments.status.exported": _("Training status exported"),
        "sso.linked": _("Single sign-on identity linked"),
        "sso.signed_in": _("Signed in with single sign-on"),
        "sso.refused": _("Single sign-on refused"),
        "sso.failed": _("Single sign-on failed"),
    }

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_entries",
    )
    actor_label = models.CharField(_("actor"), max_length=254, blank=True)
    action = models.CharField(_("action"), max_length=80, db_index=True)
    subject_label = models.CharField(_("subject"), max_length=254, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        when = date_format(timezone.localtime(self.created_at), "SHORT_DATETIME_FORMAT")
        return f"{when} {self.actor_label} {self.get_action_display()}"

    def get_action_display(self) -> str:
        # Named like Django's display of choices, which Wagtail's listing and inspect view use.
        return str(self.ACTION_LABELS.get(self.action, self.action))


class ScimToken(models.Model):
    """A bearer token of a SCIM provisioning client; only the SHA-256 digest is stored."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    token_digest = models.CharField(_("token digest"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("SCIM token")
        verbose_name_plural = _("SCIM tokens")

    def __str__(self):
        return self.name
