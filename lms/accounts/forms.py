from django import forms
from django.utils.translation import gettext_lazy as _


class IndividualProfileConsentForm(forms.Form):
    granted = forms.TypedChoiceField(
        label=_("May your manager and HR view your individual competency profile?"),
        choices=[("1", _("Yes, I consent")), ("0", _("No"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
