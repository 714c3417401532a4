"""The admin form for a mandatory training, with the checks HR needs before saving."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.accounts import selectors as account_selectors
from lms.assignments import selectors
from lms.assignments.models import Assignment


class AssignmentForm(forms.ModelForm):
    confirm_overlap = forms.BooleanField(
        label=_("Save although other mandatory trainings overlap"), required=False
    )

    class Meta:
        model = Assignment
        fields = [
            "title",
            "course",
            "curriculum",
            "org_unit",
            "include_sub_units",
            "job_role",
            "people",
            "deadline_kind",
            "deadline_date",
            "deadline_days",
            "reminder_days",
            "escalate_after_days",
            "validity_months",
            "renewal_lead_days",
            "active",
        ]
        widgets = {"deadline_date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.hr_only = not account_selectors.user_is_administrator(user=user)
        if self.hr_only:
            # HR assign within their own units only.
            units = account_selectors.units_responsible_for(user=user)
            self.fields["org_unit"].queryset = units
            self.fields["org_unit"].required = True
            self.fields["people"].queryset = account_selectors.people_in_units(units=units)
        else:
            self.fields["people"].queryset = account_selectors.active_people()
        self.overlaps: list[Assignment] = []
        self.in_scope = None

    def clean(self):
        data = super().clean()
        if bool(data.get("course")) == bool(data.get("curriculum")):
            raise forms.ValidationError(_("Choose either a course or a curriculum."))
        kind = data.get("deadline_kind")
        if kind == Assignment.DeadlineKind.FIXED:
            if not data.get("deadline_date"):
                self.add_error("deadline_date", _("Enter the date everyone must finish by."))
            elif data["deadline_date"] < timezone.localdate() and not self.instance.pk:
                self.add_error("deadline_date", _("The deadline is in the past."))
        elif data.get("deadline_days") is None:
            self.add_error("deadline_days", _("Enter the number of days until the deadline."))
        criteria = {
            "org_unit": data.get("org_unit"),
            "include_sub_units": data.get("include_sub_units", True),
            "job_role": data.get("job_role"),
            "user_ids": [person.pk for person in data.get("people") or []],
        }
        self.in_scope = selectors.scope_count(**criteria)
        if self.in_scope == 0:
            message = _(
                "No one is in scope: choose an org unit, a job role or people with active accounts."
            )
            raise forms.ValidationError(message)
        self.overlaps = selectors.overlapping(
            course=data.get("course"),
            curriculum=data.get("curriculum"),
            criteria=criteria,
            exclude=self.instance.pk,
        )
        if self.overlaps and not data.get("confirm_overlap"):
            self.add_error(
                "confirm_overlap",
                _(
                    "Other mandatory trainings already ask some of these people for the same "
                    "courses: %(titles)s. The earliest deadline applies. Tick the box to save "
                    "anyway."
                )
                % {"titles": ", ".join(str(a) for a in self.overlaps)},
            )
        return data
