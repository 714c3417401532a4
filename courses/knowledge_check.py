"""The inline knowledge check: a lesson block that shows one question of a question bank.

The assessments app renders the question and records the (ungraded) answer with the
lesson as the statement's parent; this block only chooses the question.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.blocks import SnippetChooserBlock

from lms.xapi.iris import activity_iri


class KnowledgeCheckBlock(SnippetChooserBlock):
    def __init__(self, **kwargs):
        super().__init__("assessments.Question", **kwargs)

    class Meta:
        icon = "help"
        label = _("Knowledge check")
        template = "courses/blocks/knowledge_check.html"
        preview_template = "courses/blocks/preview.html"
        preview_value = None
        description = _(
            "An ungraded question from a question bank; learners get feedback right away."
        )

    @staticmethod
    def question_iri(question) -> str:
        return activity_iri("question", question.uuid)
