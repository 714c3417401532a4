"""Mandatory training: who must complete which course by when, and the reminders sent."""

import secrets

from django.conf import settings
from django.core.validators import validate_comma_separated_integer_list
from django.db import models
from django.utils.translation import gettext_lazy as _


class Assignment(models.Model):
    """A course (or every required course of a curriculum) people in a scope must complete.

    Scope: an org unit (optionally with its sub-units) and/or a job role narrow the people
    down (both set: people who match both); named people are added to that.
    """

    class DeadlineKind(models.TextChoices):
        FIXED = "fixed", _("Fixed date")
        AFTER_ROLE = "after_role", _("Days after joining the job role")
        AFTER_UNIT = "after_unit", _("Days after joining the org unit")
        AFTER_ASSIGNMENT = "after_assignment", _("Days after being assigned")

    title = models.CharField(_("title"), max_length=200)
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    curriculum = models.ForeignKey(
        "courses.Curriculum",
        verbose_name=_("curriculum"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Every required course of the curriculum is assigned."),
    )
    org_unit = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name=_("org unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    include_sub_units = models.BooleanField(_("include sub-units"), default=True)
    job_role = models.ForeignKey(
        "accounts.JobRole",
        verbose_name=_("job role"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    people = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("named people"), blank=True, related_name="+"
    )
    deadline_kind = models.CharField(
        _("deadline"), max_length=20, choices=DeadlineKind.choices, default=DeadlineKind.FIXED
    )
    deadline_date = models.DateField(_("deadline date"), null=True, blank=True)
    deadline_days = models.PositiveIntegerField(_("days until the deadline"), null=True, blank=True)
    reminder_days = models.CharField(
        _("reminders (days before the deadline)"),
        max_length=60,
        default="14,3,0",
        validators=[validate_comma_separated_integer_list],
        help_text=_("E.g. “14,3,0”; after the deadline a reminder goes out every week."),
    )
    escalate_after_days = models.PositiveIntegerField(
        _("inform the manager after (days overdue)"),
        null=True,
        blank=True,
        help_text=_("Empty: managers are not informed."),
    )
    validity_months = models.PositiveIntegerField(
        _("completion valid for (months)"),
        null=True,
        blank=True,
        help_text=_("Empty: as the course says (usually unlimited)."),
    )
    renewal_lead_days = models.PositiveIntegerField(
        _("renewal assigned (days before expiry)"), default=60
    )
    active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("mandatory training")
        verbose_name_plural = _("mandatory trainings")
        ordering = ["title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(course__isnull=False, curriculum__isnull=True)
                | models.Q(course__isnull=True, curriculum__isnull=False),
                name="assignment_targets_course_or_curriculum",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def reminder_offsets(self) -> list[int]:
        """The days before the deadline a reminder goes out, largest first."""
        days = {int(part) for part in self.reminder_days.split(",") if part.strip().isdigit()}
        return sorted(days, reverse=True)


class ReminderSent(models.Model):
    """One reminder (or escalation) handed over for a person, assignment and deadline.

    Claimed (inserted and committed) before the mail is handed over: a job that runs
    again, or twice at once, finds the row and sends nothing twice. A mail the backend
    refuses has its row deleted again, so it is tried the next day.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reminders")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="+")
    deadline = models.DateField(_("deadline"))
    kind = models.CharField(_("kind"), max_length=30)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "assignment", "course", "deadline", "kind"],
                name="unique_reminder_per_cycle",
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.deadline}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A person's secret calendar address; regenerating it revokes the old one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return str(self.user_id)
