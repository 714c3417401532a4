from django import forms
from django.utils.translation import gettext_lazy as _

from competencies.models import Framework, ReportExport
from competencies.reporting import ReportFilters, report_scope
from lms.accounts.selectors import job_roles, org_units


class ReportFilterForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Org unit (with sub-units)"),
        queryset=org_units(ids=()),
        required=False,
        empty_label=_("All my units"),
    )
    role = forms.ModelChoiceField(
        label=_("Job role"),
        queryset=job_roles(),
        required=False,
        empty_label=_("All job roles"),
        help_text=_(
            "A job role is shown wherever it has enough people: for the whole selection "
            "even if it is spread over small units. Units in which it has too few people "
            "stay hidden."
        ),
    )
    framework = forms.ModelChoiceField(
        label=_("Framework"),
        queryset=Framework.objects.order_by("title"),
        required=False,
        empty_label=_("All frameworks"),
    )
    start = forms.DateField(
        label=_("Trend from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("Trend until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        scope_ids = [u.pk for u in report_scope(user=user)]
        self.fields["unit"].queryset = org_units(ids=scope_ids)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            raise forms.ValidationError(_("The start of the period must be before its end."))
        return data

    def filters(self) -> ReportFilters:
        data = self.cleaned_data
        return ReportFilters(
            unit=data.get("unit"),
            role=data.get("role"),
            framework=data.get("framework"),
            start=data.get("start"),
            end=data.get("end"),
        )


class ExportForm(forms.Form):
    format = forms.ChoiceField(label=_("Format"), choices=ReportExport.Format.choices)


class ScheduleForm(forms.Form):
    format = forms.ChoiceField(
        label=_("Format"), choices=ReportExport.Format.choices, initial="pdf"
    )


class SelfAssessmentForm(forms.Form):
    rank = forms.TypedChoiceField(
        label=_("My own rating"),
        coerce=int,
        choices=(),
        error_messages={"required": _("Please choose a level; the competency stays unrated.")},
    )

    def __init__(self, *args, levels, **kwargs):
        super().__init__(*args, **kwargs)
        # A competency never rated shows as such, not as the lowest level: saving without a
        # choice is refused and stores nothing.
        self.fields["rank"].choices = [("", _("– not rated –"))] + [
            (level.rank, str(level)) for level in levels
        ]


class FrameworkImportForm(forms.Form):
    file = forms.FileField(
        label=_("Framework file"),
        help_text=_("DigComp JSON-LD, IMS CASE 1.0 JSON or the documented CSV."),
    )
    key = forms.SlugField(
        label=_("Framework key"),
        required=False,
        help_text=_("Short identifier, e.g. 'digcomp'. Taken from the file if empty."),
    )
