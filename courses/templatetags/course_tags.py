"""Template tags through which the course pages ask the selectors for their data."""

from django import template

from courses import selectors
from lms.home import formats

register = template.Library()


@register.simple_tag(takes_context=True)
def course_outline(context, course):
    request = context["request"]
    return selectors.course_outline(
        course=course, user=request.user, preview=getattr(request, "is_preview", False)
    )


@register.simple_tag(takes_context=True)
def lesson_view(context, lesson):
    request = context["request"]
    return selectors.lesson_view(
        lesson=lesson, user=request.user, preview=getattr(request, "is_preview", False)
    )


@register.simple_tag(takes_context=True)
def course_cards_for(context, index):
    courses = selectors.live_courses(parent=index)
    return selectors.course_cards(courses=courses, user=context["request"].user)


# Kept under this name for the course templates; the formatting itself is lms.home.formats.
register.filter("duration", formats.format_duration)


@register.simple_tag(takes_context=True)
def simulator_state(context, value, block_id):
    """The simulator's case from the request (when it names this block), decided."""
    request = context.get("request")
    query = request.GET if request is not None else {}
    return selectors.simulator_state(value=value, block_id=str(block_id or "preview"), query=query)
