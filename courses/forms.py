from django import forms
from django.utils.translation import gettext_lazy as _

from competencies.selectors import competencies_with_ids
from courses.models import CourseCompetency
from lms.accounts.selectors import job_roles

DURATION_CHOICES = [
    ("", _("Any duration")),
    ("short", _("Up to 1 hour")),
    ("medium", _("1 to 3 hours")),
    ("long", _("More than 3 hours")),
]


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    role = forms.ModelChoiceField(
        label=_("Job role"), queryset=job_roles(), required=False, empty_label=_("All")
    )
    competency = forms.ModelChoiceField(
        label=_("Competency"),
        queryset=competencies_with_ids(ids=()),
        required=False,
        empty_label=_("All"),
    )
    duration = forms.ChoiceField(label=_("Duration"), choices=DURATION_CHOICES, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only competencies that some published course develops.
        self.fields["competency"].queryset = competencies_with_ids(
            ids=CourseCompetency.objects.filter(course__live=True).values("competency_id")
        )


class CertificateLookupForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=40,
        help_text=_("As printed on the certificate, e.g. QD-ABCD-EFGH-JKLM."),
    )


class CourseReviewForm(forms.Form):
    note = forms.CharField(
        label=_("Note (what was checked or changed)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class NormSearchForm(forms.Form):
    norm = forms.CharField(
        label=_("Norm that changed"),
        max_length=200,
        help_text=_('For example "§ 35a VwVfG", "Art. 22 DSGVO" or a file number like "C-634/21".'),
    )


class NormMarkForm(NormSearchForm):
    lessons = forms.TypedMultipleChoiceField(label=_("Lessons"), coerce=int, choices=())
    note = forms.CharField(
        label=_("Note (what changed)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, citations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lessons"].choices = [
            (citation.lesson.pk, citation.lesson.title) for citation in citations
        ]
