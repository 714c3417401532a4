from django import forms
from django.utils.translation import gettext_lazy as _

from lms.home.models import AccessibilityFeedback


class AccessibilityFeedbackForm(forms.ModelForm):
    class Meta:
        model = AccessibilityFeedback
        fields = ["message", "page", "name", "email"]
        labels = {
            "message": _(
                "Which barrier did you find, or which content do you need in another form?"
            ),
            "page": _("Page concerned (address or title, optional)"),
            "name": _("Your name (optional)"),
            "email": _("Your e-mail address, if you would like an answer (optional)"),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if len(message) < 10:
            raise forms.ValidationError(_("Please describe the barrier in a few words."))
        return message
