"""External content packages (Tin Can, cmi5), their launches, and learners' package state.

``ContentPackage`` holds what an upload produced (files in the package storage, never in
media: see ``lms.packages.storage``; launch file, activity ids, the cmi5 course
structure). ``PackageLaunch`` records each launch with its short-lived, scoped LRS
credential. ``PackageProgress`` is a projection of stored
statements (see ``lms.packages.projection``) and is never written by anything else.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from lms.packages.storage import package_storage


class ContentPackage(models.Model):
    class Kind(models.TextChoices):
        TINCAN = "tincan", _("Tin Can (xAPI) package")
        CMI5 = "cmi5", _("cmi5 course package")
        SCORM12 = "scorm12", _("SCORM 1.2 package")
        SCORM2004 = "scorm2004", _("SCORM 2004 package")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, editable=False)
    title = models.CharField(_("title"), max_length=255)
    upload = models.FileField(
        _("zip file"),
        upload_to="packages/uploads/",
        storage=package_storage,
        help_text=_(
            "A Tin Can package (with tincan.xml), a cmi5 package (with cmi5.xml) or a "
            "SCORM 1.2 / 2004 package (with imsmanifest.xml)."
        ),
    )
    content_prefix = models.CharField(max_length=255, editable=False)
    launch_path = models.CharField(_("launch file"), max_length=1024, editable=False)
    activity_id = models.CharField(_("activity id"), max_length=1024, editable=False)
    activity_ids = models.JSONField(default=list, editable=False)
    structure = models.JSONField(_("course structure"), default=dict, editable=False)
    file_count = models.PositiveIntegerField(default=0, editable=False)
    total_bytes = models.BigIntegerField(default=0, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("content package")
        verbose_name_plural = _("content packages")
        ordering = ["title"]
        indexes = [models.Index(fields=["activity_id"], name="packages_activity")]

    def __str__(self):
        return self.title

    @property
    def is_scorm(self) -> bool:
        return self.kind in (self.Kind.SCORM12, self.Kind.SCORM2004)

    @property
    def aus(self) -> list[dict]:
        """cmi5 AUs, or a SCORM package's SCOs (same keys: one launchable unit each)."""
        if self.kind == self.Kind.CMI5 or self.is_scorm:
            return self.structure.get("aus", [])
        return []


class PackageLaunch(models.Model):
    """One launch of a package (a cmi5 session) for a person and registration."""

    package = models.ForeignKey(ContentPackage, on_delete=models.CASCADE, related_name="launches")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    registration = models.UUIDField()
    au_index = models.PositiveIntegerField(null=True, blank=True)
    activity_id = models.CharField(max_length=1024)
    session_id = models.UUIDField(default=uuid.uuid4, unique=True)
    launch_mode = models.CharField(max_length=20, default="Normal")
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    fetch_token_digest = models.CharField(max_length=64, blank=True, db_index=True)
    fetch_used_at = models.DateTimeField(null=True, blank=True)
    lrs_client = models.ForeignKey(
        "xapi.LRSClient", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The id of the launch credential, kept after the client row is cleaned up: statements
    # name their writer by this id, and package progress counts only the launch's own.
    credential_id = models.BigIntegerField(null=True, blank=True, editable=False)
    abandoned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("package launch")
        verbose_name_plural = _("package launches")
        indexes = [models.Index(fields=["user", "package", "registration"])]

    def __str__(self):
        return f"{self.package_id} / {self.user_id} / {self.session_id}"


class PackageProgress(models.Model):
    """Projection: a person's state in one package and registration."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    package = models.ForeignKey(ContentPackage, on_delete=models.CASCADE, related_name="progress")
    registration = models.UUIDField()
    attempted_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    passed_at = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)
    satisfied_at = models.DateTimeField(null=True, blank=True)
    score_scaled = models.FloatField(null=True, blank=True)
    last_activity_at = models.DateTimeField(null=True, blank=True)
    au_state = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("package progress")
        verbose_name_plural = _("package progress")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "package", "registration"], name="unique_package_progress"
            )
        ]

    def __str__(self):
        return f"{self.user_id} / {self.package_id}"


class ScormAttempt(models.Model):
    """One attempt of a person at one SCO, in one registration: the SCORM run-time data.

    Written only by ``lms.packages.scorm`` from what the player commits with the launch's
    credential. ``cmi`` keeps the validated data model elements the SCO may set (location,
    suspend data, status, score, interactions, objectives, preferences …) in the shape
    scorm-again loads them; the columns beside it are the ones reports and resume read.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    package = models.ForeignKey(
        ContentPackage, on_delete=models.CASCADE, related_name="scorm_attempts"
    )
    registration = models.UUIDField()
    sco_index = models.PositiveIntegerField()
    sco_identifier = models.CharField(max_length=255)
    number = models.PositiveIntegerField(default=1)
    cmi = models.JSONField(default=dict)
    # 1.2: cmi.core.lesson_status; 2004: cmi.completion_status
    completion_status = models.CharField(max_length=20, default="not attempted")
    success_status = models.CharField(max_length=20, default="unknown")
    score_scaled = models.FloatField(null=True, blank=True)
    score_raw = models.FloatField(null=True, blank=True)
    location = models.CharField(max_length=1000, blank=True)
    suspend_data = models.TextField(blank=True)
    exit = models.CharField(max_length=20, blank=True)
    interactions = models.JSONField(default=list)
    objectives = models.JSONField(default=list)
    total_seconds = models.FloatField(default=0)
    # Session time reported since the last LMSFinish/Terminate (added to the total then).
    session_seconds = models.FloatField(default=0)
    terminated = models.BooleanField(default=False)
    # The launch that opened the attempt last: only it may write (a second window may not).
    launch_session = models.UUIDField(null=True, blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("SCORM attempt")
        verbose_name_plural = _("SCORM attempts")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "package", "registration", "sco_index", "number"],
                name="unique_scorm_attempt",
            )
        ]

    def __str__(self):
        return f"{self.package_id} / {self.user_id} / {self.sco_identifier} #{self.number}"


class ContentPackagePage(Page):
    """A course unit that launches an uploaded package for the enrolled learner."""

    package = models.ForeignKey(
        ContentPackage,
        verbose_name=_("content package"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    required = models.BooleanField(_("required for course completion"), default=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("package")]
    settings_panels = [*Page.settings_panels, FieldPanel("required")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    def serve(self, request, *args, **kwargs):
        from lms.packages.views import allow_launch_targets

        response = super().serve(request, *args, **kwargs)
        return allow_launch_targets(request, response, self.package)

    class Meta:
        verbose_name = _("content package unit")
        verbose_name_plural = _("content package units")
