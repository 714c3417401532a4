"""Authoring in the Wagtail admin: banks, categories, questions (with preview), assessments,
and the item statistics trainers use to fix bad questions."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from assessments import admin_views
from assessments.admin_forms import QuestionAdminForm
from assessments.choosers import QuestionChooserViewSet
from assessments.models import Assessment, Question, QuestionBank, QuestionCategory
from lms.accounts.admin_columns import YesNoColumn


class QuestionBankViewSet(SnippetViewSet):
    model = QuestionBank
    icon = "folder-open-inverse"
    menu_label = _("Question banks")
    list_display = ["name", "created_at"]
    search_fields = ["name", "description"]
    panels = [FieldPanel("name"), FieldPanel("description")]


class QuestionCategoryViewSet(SnippetViewSet):
    model = QuestionCategory
    icon = "folder-inverse"
    menu_label = _("Categories")
    list_display = ["name", "bank", "parent"]
    list_filter = ["bank"]
    search_fields = ["name"]
    panels = [FieldPanel("bank"), FieldPanel("parent"), FieldPanel("name")]


class QuestionViewSet(SnippetViewSet):
    chooser_viewset_class = QuestionChooserViewSet
    model = Question
    icon = "help"
    menu_label = _("Questions")
    list_display = [
        "label",
        "type",
        "bank",
        "competency",
        "level",
        "points",
        YesNoColumn(Question, "active"),
    ]
    list_filter = ["type", "bank", "active"]
    search_fields = ["title", "stem"]
    list_per_page = 50

    def get_queryset(self, request):
        return Question.objects.select_related("bank", "competency", "level")

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("bank"), FieldPanel("category")]),
                FieldRowPanel([FieldPanel("type"), FieldPanel("points"), FieldPanel("active")]),
                FieldPanel("title"),
                FieldPanel("stem"),
            ],
            heading=_("Question"),
        ),
        InlinePanel(
            "options",
            heading=_("Options, items or pairs"),
            help_text=_(
                "Choice questions: the options (mark the correct ones). Ordering: the items in "
                "the correct order. Matching: each pair's left text and its matching right side."
            ),
            label=_("Option"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("true_false_answer"),
                FieldPanel("feedback_true"),
                FieldPanel("feedback_false"),
            ],
            heading=_("True / false"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("numeric_answer"),
                        FieldPanel("numeric_tolerance"),
                        FieldPanel("numeric_unit"),
                    ]
                )
            ],
            heading=_("Numeric"),
        ),
        MultiFieldPanel([FieldPanel("accepted_answers")], heading=_("Short text")),
        MultiFieldPanel(
            [
                FieldPanel("general_feedback"),
                FieldRowPanel([FieldPanel("competency"), FieldPanel("level")]),
                FieldPanel("tags"),
            ],
            heading=_("Feedback and competency"),
        ),
    ]

    edit_handler = ObjectList(panels, base_form_class=QuestionAdminForm)


class AssessmentViewSet(SnippetViewSet):
    model = Assessment
    icon = "tasks"
    menu_label = _("Assessments")
    list_display = ["title", "kind", "selection", "pass_mark_percent", "max_attempts"]
    list_filter = ["kind", "selection"]
    search_fields = ["title"]
    panels = [
        FieldPanel("title"),
        FieldPanel("introduction"),
        FieldRowPanel(
            [FieldPanel("kind"), FieldPanel("feedback_policy"), FieldPanel("solution_policy")]
        ),
        FieldRowPanel(
            [
                FieldPanel("pass_mark_percent"),
                FieldPanel("max_attempts"),
                FieldPanel("time_limit_minutes"),
            ]
        ),
        FieldRowPanel(
            [
                FieldPanel("selection"),
                FieldPanel("shuffle_questions"),
                FieldPanel("shuffle_options"),
            ]
        ),
        InlinePanel("fixed_questions", heading=_("Fixed questions"), label=_("Question")),
        InlinePanel("draw_rules", heading=_("Random draw"), label=_("Draw rule")),
    ]


class AssessmentsGroup(SnippetViewSetGroup):
    items = (AssessmentViewSet, QuestionViewSet, QuestionBankViewSet, QuestionCategoryViewSet)
    menu_icon = "tasks"
    menu_label = _("Assessments")
    menu_name = "assessments"
    menu_order = 300


register_snippet(AssessmentsGroup)


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("assessments.view_assessment")


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return StatisticsMenuItem(
        _("Item statistics"),
        reverse("assessments_admin:statistics_index"),
        icon_name="table",
        order=310,
        name="item-statistics",
    )


@hooks.register("register_admin_urls")
def register_statistics_urls():
    return [
        path(
            "assessments/statistics/",
            include(
                (
                    [
                        path("", admin_views.statistics_index, name="statistics_index"),
                        path("<int:pk>/", admin_views.statistics_detail, name="statistics_detail"),
                    ],
                    "assessments_admin",
                ),
                namespace="assessments_admin",
            ),
        )
    ]
