"""Courses as Wagtail pages, curricula as snippets, and the learner's progress.

Page models only declare content and ask selectors for what their templates need;
progress rows are a projection of stored xAPI statements (see ``courses.projection``).
"""

import datetime
import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import AbstractGroupApprovalTask, Orderable, Page, TaskState
from wagtail.search import index

from courses import validity
from courses.blocks import LessonSourcesBlock, LessonStreamBlock
from courses.review_panels import ReviewStatusPanel


class CourseIndexPage(Page):
    """The section of the site that holds the courses."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("course index")


class CoursePage(Page):
    """A course: a description for the catalogue and an ordered set of lessons."""

    summary = models.TextField(
        _("summary"), max_length=800, help_text=_("Two or three sentences for the catalogue.")
    )
    objectives = StreamField(
        [("objective", blocks.CharBlock(label=_("Learning objective"), max_length=300))],
        verbose_name=_("learning objectives"),
        blank=True,
        help_text=_('What learners can do afterwards, e.g. "You can explain …".'),
    )
    duration_minutes = models.PositiveIntegerField(_("estimated duration (minutes)"), default=60)
    audience_roles = ParentalManyToManyField(
        "accounts.JobRole", verbose_name=_("audience (job roles)"), blank=True
    )
    prerequisites = ParentalManyToManyField(
        "courses.CoursePage",
        verbose_name=_("prerequisites"),
        blank=True,
        symmetrical=False,
        related_name="required_for",
    )
    final_assessment = models.ForeignKey(
        "assessments.Assessment",
        verbose_name=_("final assessment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("If set, learners must pass it to complete the course."),
    )
    content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("content owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=models.Q(groups__name__in=("Trainer", "Administrator"))
        | models.Q(is_superuser=True),
        help_text=_("Reviews the content regularly and is reminded by e-mail when it is due."),
    )
    review_interval_months = models.PositiveSmallIntegerField(
        _("review interval (months)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("How often the content owner must check the course against current law."),
    )
    validity_months = models.PositiveSmallIntegerField(
        _("validity (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_(
            "Leave empty if a completion never expires. Otherwise it (and its certificate and "
            "competency evidence) is valid until the end of the same day this many months later."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("objectives"),
        MultiFieldPanel(
            [
                FieldPanel("duration_minutes"),
                FieldPanel("audience_roles", widget=forms.CheckboxSelectMultiple),
                FieldPanel("prerequisites"),
            ],
            heading=_("Audience and planning"),
        ),
        FieldPanel("validity_months"),
        FieldPanel("final_assessment"),
        InlinePanel(
            "develops", heading=_("Competencies this course develops"), label=_("Competency")
        ),
        MultiFieldPanel(
            [
                ReviewStatusPanel(),
                # A plain select of trainers and administrators: Wagtail's user chooser
                # would need the permission to manage people.
                FieldPanel("content_owner", widget=forms.Select),
                FieldPanel("review_interval_months"),
            ],
            heading=_("Content review"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("objectives"),
        index.FilterField("duration_minutes"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage", "packages.ContentPackagePage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")


class LessonPage(Page):
    """One lesson: a stream of content blocks and a rule for when it counts as completed."""

    class CompletionRule(models.TextChoices):
        END = "end", _("Reached the end of the lesson")
        CHECKS = "checks", _("Answered all of its knowledge checks")

    summary = models.TextField(_("summary"), max_length=600, blank=True)
    body = StreamField(LessonStreamBlock(), verbose_name=_("content"))
    completion_rule = models.CharField(
        _("completed when"), max_length=10, choices=CompletionRule.choices, default="end"
    )
    required = models.BooleanField(
        _("required for course completion"),
        default=True,
    )

    legal_status = models.DateField(
        _("legal status as of"),
        null=True,
        blank=True,
        help_text=_("When the lesson's legal content was last checked against current law."),
    )
    sources = StreamField(
        LessonSourcesBlock(),
        verbose_name=_("sources"),
        blank=True,
        help_text=_("Norms and judgments the lesson relies on, with links to official texts."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [ReviewStatusPanel(), FieldPanel("legal_status"), FieldPanel("sources")],
            heading=_("Legal status and sources"),
        ),
    ]
    settings_panels = [
        *Page.settings_panels,
        MultiFieldPanel(
            [FieldPanel("completion_rule"), FieldPanel("required")], heading=_("Completion")
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")


class CourseReviewTask(AbstractGroupApprovalTask):
    """Approval of course pages by a member of the chosen groups who is a second person.

    Wagtail's group approval lets any member approve, the person who submitted included;
    a release needs four eyes, so the person who submitted the page may neither approve
    nor request changes (superusers neither). A reviewer's own corrections made while
    reviewing are released with their approval, as Wagtail's editor does it.
    """

    @staticmethod
    def _own_work(obj, user) -> bool:
        state = obj.current_workflow_state
        return state is not None and state.requested_by_id == user.pk

    def get_actions(self, obj, user):
        if self._own_work(obj, user):
            return []
        return super().get_actions(obj, user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(workflow_state__requested_by=user)

    def on_action(self, task_state: TaskState, user, action_name, **kwargs):
        # The admin offers only what ``get_actions`` returns; this holds for any caller.
        if self._own_work(task_state.workflow_state.content_object, user):
            raise PermissionDenied(_("A second person must review your own work."))
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve, but never their own submission (four eyes)."
        )

    class Meta:
        verbose_name = _("course release (four eyes)")
        verbose_name_plural = _("course releases (four eyes)")


class CourseCompetency(Orderable):
    """A competency a course develops, and the proficiency level it develops it to."""

    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="develops")
    competency = models.ForeignKey(
        "competencies.Competency",
        verbose_name=_("competency"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    level = models.ForeignKey(
        "competencies.ProficiencyLevel",
        verbose_name=_("level"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [FieldPanel("competency"), FieldPanel("level")]

    class Meta(Orderable.Meta):
        verbose_name = _("competency developed")
        verbose_name_plural = _("competencies developed")

    def __str__(self):
        return f"{self.competency_id} @ {self.level_id}"

    def clean(self):
        if (
            self.competency_id
            and self.level_id
            and self.level.scale_id != self.competency.framework.scale_id
        ):
            raise ValidationError(
                {"level": _("Choose a level of the competency framework's own scale.")}
            )


class Curriculum(ClusterableModel):
    """An ordered list of courses for the people in some job roles."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    job_roles = ParentalManyToManyField(
        "accounts.JobRole",
        verbose_name=_("job roles"),
        blank=True,
        related_name="curricula",
        help_text=_("Everyone who holds one of these roles follows this curriculum."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("job_roles", widget=forms.CheckboxSelectMultiple),
        InlinePanel("items", heading=_("Courses"), label=_("Course"), min_num=1),
    ]

    class Meta:
        verbose_name = _("curriculum")
        verbose_name_plural = _("curricula")
        ordering = ["title"]

    def __str__(self):
        return self.title


class CurriculumItem(Orderable):
    curriculum = ParentalKey(Curriculum, on_delete=models.CASCADE, related_name="items")
    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), on_delete=models.CASCADE, related_name="+"
    )
    required = models.BooleanField(_("required"), default=True)
    due_days = models.PositiveIntegerField(
        _("due (days after joining the role)"), null=True, blank=True
    )

    panels = [FieldPanel("course"), FieldPanel("required"), FieldPanel("due_days")]

    class Meta(Orderable.Meta):
        verbose_name = _("curriculum item")
        verbose_name_plural = _("curriculum items")

    def __str__(self):
        return f"{self.curriculum} – {self.course_id}"


class EnrolmentQuerySet(models.QuerySet):
    def current(self):
        """Each person's running attempt per course (earlier attempts are history)."""
        return self.filter(superseded_at__isnull=True)


class Enrolment(models.Model):
    """One attempt at a course; its registration groups the attempt's xAPI statements.

    Taking a course again (``services.course_retake``) closes the current enrolment
    (``superseded_at``) and opens the next ``attempt`` with a new registration; earlier
    enrolments, their statements and certificates stay as history.
    """

    class Source(models.TextChoices):
        SELF = "self", _("Self-enrolled")
        CURRICULUM = "curriculum", _("Assigned through a curriculum")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="enrolments")
    registration = models.UUIDField(_("registration"), default=uuid.uuid4, unique=True)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default="self")
    enrolled_at = models.DateTimeField(_("enrolled at"))
    attempt = models.PositiveSmallIntegerField(_("attempt"), default=1)
    superseded_at = models.DateTimeField(_("taken again on"), null=True, blank=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        permissions = [("view_course_analytics", _("Can view course analytics"))]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"],
                condition=models.Q(superseded_at__isnull=True),
                name="one_current_enrolment_per_course",
            ),
            models.UniqueConstraint(
                fields=["user", "course", "attempt"], name="unique_enrolment_attempt"
            ),
        ]

    def __str__(self):
        return f"{self.user_id} → {self.course_id}"


class LessonProgress(models.Model):
    """Projection: what a person has done in one lesson, from their statements."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="progress")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="+")
    first_experienced_at = models.DateTimeField(null=True, blank=True)
    last_experienced_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    answered_questions = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="unique_lesson_progress")
        ]
        indexes = [models.Index(fields=["user", "course"])]

    def __str__(self):
        return f"{self.user_id} / {self.lesson_id}"


class CourseProgress(models.Model):
    """Projection: a person's state in a course, from their statements."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="progress")
    registration = models.UUIDField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    last_activity_at = models.DateTimeField(null=True, blank=True)
    last_lesson = models.ForeignKey(
        LessonPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lessons_completed = models.PositiveIntegerField(default=0)
    assessment_passed_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("course progress")
        verbose_name_plural = _("course progress")
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="unique_course_progress")
        ]

    def __str__(self):
        return f"{self.user_id} / {self.course_id}"

    @property
    def valid_until(self) -> datetime.datetime | None:
        return validity.valid_until(self.completed_at, self.course.validity_months)


class Certificate(models.Model):
    """Projection of a ``certificate_earned`` statement; the code is part of its IRI.

    One per attempt (registration): a person who took a course again keeps every earlier
    certificate, each with its own validity.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates"
    )
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="certificates")
    code = models.CharField(_("verification code"), max_length=40, unique=True)
    registration = models.UUIDField(null=True, blank=True)
    issued_at = models.DateTimeField(_("issued at"))

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course", "registration"], name="unique_certificate_per_attempt"
            )
        ]
        indexes = [
            models.Index(fields=["user", "course", "-issued_at"], name="certificate_latest_idx")
        ]

    def __str__(self):
        return self.code

    @property
    def valid_until(self) -> datetime.datetime | None:
        return validity.valid_until(self.issued_at, self.course.validity_months)

    @property
    def valid_through(self) -> datetime.date | None:
        """The last day the certificate is valid, as printed on it."""
        return validity.last_valid_day(self.valid_until)

    @property
    def is_expired(self) -> bool:
        return validity.is_expired(self.valid_until)


class CourseReview(models.Model):
    """A completed content review of a course: who checked it and when."""

    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="reviews")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_by_label = models.CharField(max_length=254, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed at"))
    note = models.TextField(_("note"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("course review")
        verbose_name_plural = _("course reviews")
        permissions = [("review_course_content", _("Can review course content"))]
        indexes = [models.Index(fields=["course", "-reviewed_at"])]

    def __str__(self):
        return f"{self.course_id} @ {self.reviewed_at:%Y-%m-%d}"


class CourseReviewReminder(models.Model):
    """One reminder per course and due date, so the daily task never sends one twice."""

    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="+")
    due_on = models.DateField()
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["course", "due_on"], name="one_reminder_per_due_date")
        ]

    def __str__(self):
        return f"{self.course_id} due {self.due_on}"


class LessonReviewFlag(models.Model):
    """A lesson marked "needs review", e.g. because a norm it cites was amended."""

    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="review_flags")
    norm = models.CharField(_("norm"), max_length=200)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    flagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    flagged_at = models.DateTimeField(_("marked at"))
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("lesson review mark")
        verbose_name_plural = _("lesson review marks")
        constraints = [
            # Marking the same lesson for the same norm again changes nothing.
            models.UniqueConstraint(
                fields=["lesson", "norm"],
                condition=models.Q(resolved_at__isnull=True),
                name="one_open_review_flag_per_lesson_and_norm",
            )
        ]

    def __str__(self):
        return f"{self.lesson_id}: {self.norm}"
