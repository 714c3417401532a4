"""Question banks, questions, assessments, attempts and answers.

Trainers author banks, questions and assessments in the Wagtail admin (see
``wagtail_hooks.py``). Learners' attempts and answers are written only by
``assessments.services``; scoring lives in the pure module ``assessments.scoring``.
"""

from uuid import uuid4

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.fields import RichTextField
from wagtail.models import Orderable, PreviewableMixin

from assessments import scoring
from assessments.presentation import question_view

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class QuestionBank(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("question bank")
        verbose_name_plural = _("question banks")

    def __str__(self):
        return self.name


class QuestionCategory(models.Model):
    """A category inside a bank; categories may nest (a small tree per bank)."""

    bank = models.ForeignKey(
        QuestionBank, on_delete=models.CASCADE, related_name="categories", verbose_name=_("bank")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent category"),
    )
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["bank__name", "name"]
        verbose_name = _("question category")
        verbose_name_plural = _("question categories")
        constraints = [
            models.UniqueConstraint(
                fields=["bank", "parent", "name"], name="assessments_category_unique_name"
            ),
            # Top-level categories (parent NULL) need their own constraint: NULLs are distinct.
            models.UniqueConstraint(
                fields=["bank", "name"],
                condition=Q(parent__isnull=True),
                name="assessments_category_unique_top_name",
            ),
        ]

    def __str__(self):
        return f"{self.bank.name} › {self.path_label()}"

    def path_label(self):
        names, node, seen = [], self, set()
        while node is not None and node.pk not in seen:
            seen.add(node.pk)
            names.append(node.name)
            node = node.parent
        return " › ".join(reversed(names))


class TaggedQuestion(TaggedItemBase):
    content_object = ParentalKey(
        "assessments.Question", on_delete=models.CASCADE, related_name="tagged_items"
    )


class Question(PreviewableMixin, ClusterableModel):
    class Type(models.TextChoices):
        SINGLE = scoring.SINGLE, _("Single choice")
        MULTIPLE = scoring.MULTIPLE, _("Multiple choice")
        TRUE_FALSE = scoring.TRUE_FALSE, _("True / false")
        NUMERIC = scoring.NUMERIC, _("Numeric")
        SHORT_TEXT = scoring.SHORT_TEXT, _("Short text")
        ORDERING = scoring.ORDERING, _("Ordering")
        MATCHING = scoring.MATCHING, _("Matching")

    uuid = models.UUIDField(_("identifier"), default=uuid4, unique=True, editable=False)
    bank = models.ForeignKey(
        QuestionBank, on_delete=models.PROTECT, related_name="questions", verbose_name=_("bank")
    )
    category = models.ForeignKey(
        QuestionCategory,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("category"),
    )
    type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    title = models.CharField(
        _("short title"),
        max_length=200,
        blank=True,
        help_text=_("Shown in lists and reports; taken from the question text when empty."),
    )
    stem = RichTextField(_("question text"), features=RICH_TEXT_FEATURES)
    points = models.PositiveSmallIntegerField(
        _("points"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    general_feedback = RichTextField(
        _("general feedback"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown after answering, whatever the answer."),
    )
    competency = models.ForeignKey(
        "competencies.Competency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("competency"),
    )
    level = models.ForeignKey(
        "competencies.ProficiencyLevel",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("proficiency level"),
    )
    # True / false
    true_false_answer = models.BooleanField(_("the statement is true"), null=True, blank=True)
    feedback_true = models.TextField(_("feedback for the answer 'true'"), blank=True)
    feedback_false = models.TextField(_("feedback for the answer 'false'"), blank=True)
    # Numeric
    numeric_answer = models.FloatField(_("correct number"), null=True, blank=True)
    numeric_tolerance = models.FloatField(
        _("tolerance"), default=0, validators=[MinValueValidator(0)]
    )
    numeric_unit = models.CharField(_("unit"), max_length=40, blank=True)
    # Short text
    accepted_answers = models.TextField(
        _("accepted answers"),
        blank=True,
        help_text=_("One per line; compared ignoring case and extra spaces."),
    )
    tags = ClusterTaggableManager(through=TaggedQuestion, blank=True, verbose_name=_("tags"))
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive questions are not drawn at random.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["bank__name", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        indexes = [models.Index(fields=["bank", "competency", "level", "active"])]

    def __str__(self):
        return self.label

    @property
    def label(self):
        return self.title or Truncator(strip_tags(self.stem)).chars(90)

    def spec(self, options=None) -> dict:
        """The question as a plain dict for ``assessments.scoring`` (see its docstring).

        ``options`` may pass the already loaded options (to avoid a query per question).
        """
        options = list(self.options.all()) if options is None else list(options)
        kind = self.type
        spec = {"type": kind, "points": self.points}
        if kind in (scoring.SINGLE, scoring.MULTIPLE):
            spec["options"] = [
                {"key": o.key, "text": o.text, "correct": o.is_correct, "feedback": o.feedback}
                for o in options
            ]
        elif kind == scoring.TRUE_FALSE:
            spec.update(
                correct=self.true_false_answer,
                feedback_true=self.feedback_true,
                feedback_false=self.feedback_false,
            )
        elif kind == scoring.NUMERIC:
            spec.update(
                answer=self.numeric_answer,
                tolerance=self.numeric_tolerance or 0,
                unit=self.numeric_unit,
            )
        elif kind == scoring.SHORT_TEXT:
            spec["accepted"] = [a.strip() for a in self.accepted_answers.splitlines() if a.strip()]
        elif kind == scoring.ORDERING:
            spec["items"] = [{"key": o.key, "text": o.text} for o in options]
        elif kind == scoring.MATCHING:
            spec["pairs"] = [{"key": o.key, "left": o.text, "right": o.match} for o in options]
        return spec

    def get_preview_template(self, request, mode_name):
        return "assessments/admin/question_preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["item"] = question_view(spec=self.spec(), question=self, order=None)
        return context


def _option_key():
    return uuid4().hex[:8]


class QuestionOption(Orderable):
    """An option (choice types), an item (ordering: order = correct order) or a pair (matching)."""

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="options")
    key = models.CharField(max_length=12, default=_option_key, editable=False)
    text = models.CharField(
        _("text"), max_length=500, help_text=_("Option, item to order, or left side of a pair.")
    )
    is_correct = models.BooleanField(_("correct"), default=False)
    match = models.CharField(
        _("matching right side"), max_length=500, blank=True, help_text=_("Matching only.")
    )
    feedback = models.TextField(_("feedback for this option"), blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("option")
        verbose_name_plural = _("options")
        constraints = [
            models.UniqueConstraint(fields=["question", "key"], name="assessments_option_key")
        ]

    def __str__(self):
        return self.text


class Assessment(ClusterableModel):
    class Kind(models.TextChoices):
        FINAL = "final", _("Final assessment (graded)")
        KNOWLEDGE_CHECK = "knowledge_check", _("Knowledge check (ungraded)")

    class Selection(models.TextChoices):
        FIXED = "fixed", _("Fixed questions")
        RANDOM = "random", _("Random draw from question banks")

    class FeedbackPolicy(models.TextChoices):
        IMMEDIATE = "immediate", _("After each question")
        AFTER_SUBMISSION = "after_submission", _("After submission")
        NEVER = "never", _("Never (score only)")

    class SolutionPolicy(models.TextChoices):
        # What a learner may learn about the answer key of a graded test. Per-question
        # marks follow ``feedback_policy``; the key (correct options, accepted answers,
        # correct order, explanations) follows this setting.
        WHEN_DONE = "when_done", _("Once passed or no attempts left")
        EVERY_ATTEMPT = "every_attempt", _("After every attempt")
        NEVER = "never", _("Never")

    uuid = models.UUIDField(_("identifier"), default=uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.FINAL)
    selection = models.CharField(
        _("question selection"), max_length=10, choices=Selection.choices, default=Selection.FIXED
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_options = models.BooleanField(_("shuffle options"), default=True)
    pass_mark_percent = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("maximum attempts"), default=3, help_text=_("0 means unlimited.")
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Empty means no time limit."),
    )
    feedback_policy = models.CharField(
        _("feedback"),
        max_length=20,
        choices=FeedbackPolicy.choices,
        default=FeedbackPolicy.AFTER_SUBMISSION,
    )
    solution_policy = models.CharField(
        _("show solutions"),
        max_length=20,
        choices=SolutionPolicy.choices,
        default=SolutionPolicy.WHEN_DONE,
        help_text=_(
            "When learners see the correct answers and explanations. While attempts remain, "
            "showing them would turn the next attempt into a memory test."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("assessments:detail", kwargs={"assessment_uuid": self.uuid})


class AssessmentQuestion(Orderable):
    """A question of an assessment with fixed questions."""

    assessment = ParentalKey(Assessment, on_delete=models.CASCADE, related_name="fixed_questions")
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="+", verbose_name=_("question")
    )

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return str(self.question)


class DrawRule(Orderable):
    """Draw ``count`` active questions at random from a bank (optionally by competency/level)."""

    assessment = ParentalKey(Assessment, on_delete=models.CASCADE, related_name="draw_rules")
    bank = models.ForeignKey(
        QuestionBank, on_delete=models.PROTECT, related_name="+", verbose_name=_("bank")
    )
    competency = models.ForeignKey(
        "competencies.Competency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("competency"),
    )
    level = models.ForeignKey(
        "competencies.ProficiencyLevel",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proficiency level"),
    )
    count = models.PositiveSmallIntegerField(
        _("number of questions"), default=5, validators=[MinValueValidator(1)]
    )

    class Meta(Orderable.Meta):
        verbose_name = _("random draw rule")
        verbose_name_plural = _("random draw rules")

    def __str__(self):
        return f"{self.count} × {self.bank}"


class Attempt(models.Model):
    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")
        TIMED_OUT = "timed_out", _("Time limit reached")

    uuid = models.UUIDField(default=uuid4, unique=True, editable=False)
    assessment = models.ForeignKey(
        Assessment, on_delete=models.PROTECT, related_name="attempts", verbose_name=_("assessment")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="assessment_attempts",
        verbose_name=_("person"),
    )
    number = models.PositiveSmallIntegerField(_("attempt number"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IN_PROGRESS
    )
    registration = models.UUIDField(_("registration"), default=uuid4)
    context = models.JSONField(
        _("context"), default=dict, blank=True, help_text=_("Parent activity (e.g. the course).")
    )
    started_at = models.DateTimeField(_("started at"))
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    revision = models.PositiveIntegerField(_("revision"), default=0)
    score_raw = models.FloatField(_("score"), null=True, blank=True)
    score_max = models.FloatField(_("maximum score"), null=True, blank=True)
    passed = models.BooleanField(_("passed"), null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "user", "number"], name="assessments_attempt_number"
            ),
            models.UniqueConstraint(
                fields=["assessment", "user"],
                condition=Q(status="in_progress"),
                name="assessments_one_open_attempt",
            ),
        ]
        indexes = [models.Index(fields=["assessment", "status"])]

    def __str__(self):
        return f"{self.assessment} #{self.number} ({self.user_id})"

    def get_absolute_url(self):
        return reverse("assessments:attempt", kwargs={"attempt_uuid": self.uuid})

    @property
    def is_open(self):
        return self.status == self.Status.IN_PROGRESS

    @property
    def score_percent(self):
        if not self.score_max:
            return None
        return round(100 * (self.score_raw or 0) / self.score_max)


class Answer(models.Model):
    """One question of an attempt: its position, presented option order, response, score."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    position = models.PositiveSmallIntegerField()
    spec = models.JSONField(help_text="The question as scored (snapshot when the attempt began).")
    presented_order = models.JSONField(default=list, blank=True)
    response = models.JSONField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    locked = models.BooleanField(default=False)
    score = models.FloatField(null=True, blank=True)
    correct = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering = ["attempt", "position"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="assessments_answer_q"),
            models.UniqueConstraint(fields=["attempt", "position"], name="assessments_answer_pos"),
        ]

    def __str__(self):
        return f"{self.attempt_id}/{self.position}"
