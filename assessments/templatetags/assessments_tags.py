"""``{% knowledge_check question parent_iri registration %}`` for lessons.

Renders an ungraded question with a form that posts to ``assessments:knowledge_check``,
together with a signed token of (parent IRI, registration, question, person). The HTML
carries no correct answer and no option feedback; the server scores and answers.
"""

from django import template
from django.template.loader import render_to_string

from assessments import presentation, selectors, services
from assessments.models import Question

register = template.Library()


@register.simple_tag(takes_context=True)
def knowledge_check(
    context, question, parent_iri, registration=None, parent_name="", preview=False
):
    """Render ``question`` (a ``Question`` or its id) as an inline knowledge check.

    ``preview`` (Wagtail's preview of the page) is taken from the request only: its answers
    are scored and nothing is recorded.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    if question is None or user is None or not user.is_authenticated:
        return ""
    if not isinstance(question, Question):
        try:
            question = selectors.question_get(pk=question)
        except (Question.DoesNotExist, ValueError, TypeError):
            return ""
    spec = question.spec()
    item = presentation.question_view(
        spec=spec,
        question=question,
        order=presentation.presented_order(spec, None),
        field_name=f"q_{question.uuid}",
    )
    token = services.knowledge_check_token(
        user=user,
        question=question,
        parent_iri=parent_iri,
        registration=registration,
        parent_name=parent_name or str(context.get("page") or ""),
        preview=bool(preview and getattr(request, "is_preview", False)),
    )
    return render_to_string(
        "assessments/includes/knowledge_check.html",
        {"item": item, "token": token, "next": request.get_full_path()},
        request=request,
    )
