"""Admin forms: a question is checked as a whole (fields and options) before it is saved."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from assessments import scoring
from assessments.models import Question, QuestionOption

PROBLEM_MESSAGES = {
    "points": _("A question needs at least one point."),
    "too_few_options": _("Add at least two options."),
    "single_needs_one_correct": _("Single choice: mark exactly one option as correct."),
    "multiple_needs_correct": _("Multiple choice: mark at least one option as correct."),
    "numeric_needs_answer": _("Numeric: enter the correct number."),
    "short_text_needs_accepted": _("Short text: enter at least one accepted answer."),
    "true_false_needs_answer": _("True / false: say whether the statement is true."),
    "too_few_items": _("Ordering: add at least two items, in the correct order."),
    "too_few_pairs": _("Matching: add at least two pairs (text and matching right side)."),
    "duplicate_right": _("Matching: every right side must be different."),
    "unknown_type": _("Choose a question type."),
}


class QuestionAdminForm(WagtailAdminModelForm):
    def is_valid(self):
        valid = super().is_valid()
        if not valid:
            return False
        formset = self.formsets.get("options")
        options = []
        if formset is not None:
            for form in formset.forms:
                data = getattr(form, "cleaned_data", None) or {}
                if not data or data.get("DELETE"):
                    continue
                options.append(
                    QuestionOption(
                        key=str(len(options)),
                        text=data.get("text", ""),
                        is_correct=bool(data.get("is_correct")),
                        match=data.get("match", ""),
                        feedback=data.get("feedback", ""),
                    )
                )
        candidate = Question(
            **{
                name: self.cleaned_data.get(name)
                for name in (
                    "type",
                    "points",
                    "true_false_answer",
                    "numeric_answer",
                    "numeric_tolerance",
                    "numeric_unit",
                    "accepted_answers",
                )
                if name in self.cleaned_data
            }
        )
        for code in scoring.spec_problems(candidate.spec(options=options)):
            self.add_error(None, PROBLEM_MESSAGES.get(code, code))
        return not self.errors
