"""The question chooser (knowledge checks, fixed assessment questions): search and filters.

Search finds words in the title and the full stem; filters narrow by bank category and
question type. Each row shows the whole stem, so similar questions can be told apart.
"""

from django import forms
from django.db.models import Q
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)

from assessments.models import Question, QuestionCategory


class QuestionFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Words in the title or question")}),
    )
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=QuestionCategory.objects.select_related("bank").order_by("bank__name", "name"),
        required=False,
    )
    type = forms.ChoiceField(
        label=_("Type"), choices=[("", _("All types")), *Question.Type.choices], required=False
    )

    def filter(self, objects):
        data = self.cleaned_data
        if data.get("q"):
            self.is_searching, self.search_query = True, data["q"]
            for word in data["q"].split():
                objects = objects.filter(Q(title__icontains=word) | Q(stem__icontains=word))
        if data.get("category"):
            objects = objects.filter(category=data["category"])
        if data.get("type"):
            objects = objects.filter(type=data["type"])
        return objects


def _bank_and_category(question) -> str:
    if question.category is None:
        return question.bank.name
    return f"{question.bank.name} › {question.category.name}"


class QuestionChooseMixin:
    filter_form_class = QuestionFilterForm
    ordering = ["bank__name", "title", "pk"]

    def get_object_list(self):
        return Question.objects.select_related("bank", "category")

    @property
    def columns(self):
        return [
            self.title_column,
            Column("stem", label=_("Question"), accessor=lambda q: strip_tags(q.stem)),
            Column("type", label=_("Type"), accessor="get_type_display"),
            Column(
                "category",
                label=_("Category"),
                accessor=lambda q: (
                    f"{q.bank.name} › {q.category.name}" if q.category else q.bank.name
                ),
            ),
        ]


class QuestionChooseView(QuestionChooseMixin, ChooseView):
    pass


class QuestionChooseResultsView(QuestionChooseMixin, ChooseResultsView):
    pass


class QuestionChooserViewSet(SnippetChooserViewSet):
    choose_view_class = QuestionChooseView
    choose_results_view_class = QuestionChooseResultsView
