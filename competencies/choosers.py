"""The competency chooser (courses, role profiles, questions): search and a framework filter.

Search finds a competency by its code or words of its name; each row names its framework.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)

from competencies.models import Competency, Framework


class CompetencyFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Code or words of the name")}),
    )
    framework = forms.ModelChoiceField(
        label=_("Framework"), queryset=Framework.objects.order_by("title"), required=False
    )

    def filter(self, objects):
        data = self.cleaned_data
        if data.get("q"):
            self.is_searching, self.search_query = True, data["q"]
            for word in data["q"].split():
                objects = objects.filter(Q(code__icontains=word) | Q(name__icontains=word))
        if data.get("framework"):
            objects = objects.filter(framework=data["framework"])
        return objects


class CompetencyChooseMixin:
    filter_form_class = CompetencyFilterForm
    ordering = ["framework__title", "code", "pk"]

    def get_object_list(self):
        return Competency.objects.select_related("framework")

    @property
    def columns(self):
        return [
            self.title_column,
            Column("framework", label=_("Framework"), accessor=lambda c: c.framework.title),
            Column("kind", label=_("Kind"), accessor="get_kind_display"),
        ]


class CompetencyChooseView(CompetencyChooseMixin, ChooseView):
    pass


class CompetencyChooseResultsView(CompetencyChooseMixin, ChooseResultsView):
    pass


class CompetencyChooserViewSet(SnippetChooserViewSet):
    choose_view_class = CompetencyChooseView
    choose_results_view_class = CompetencyChooseResultsView
