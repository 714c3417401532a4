"""Template tags through which the course pages ask the selectors for their data."""

from django import template
from django.utils.translation import gettext as _

from courses import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def course_outline(context, course):
    return selectors.course_outline(course=course, user=context["request"].user)


@register.simple_tag(takes_context=True)
def lesson_view(context, lesson):
    return selectors.lesson_view(lesson=lesson, user=context["request"].user)


@register.simple_tag(takes_context=True)
def course_cards_for(context, index):
    courses = selectors.live_courses(parent=index)
    return selectors.course_cards(courses=courses, user=context["request"].user)


@register.filter
def duration(minutes):
    """90 -> "1 Std. 30 Min." style, in the active language."""
    minutes = int(minutes or 0)
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return _("%(h)d h %(m)d min") % {"h": hours, "m": rest}
    if hours:
        return _("%(h)d h") % {"h": hours}
    return _("%(m)d min") % {"m": rest}


@register.simple_tag(takes_context=True)
def simulator_state(context, value, block_id):
    """The simulator's case from the request (when it names this block), decided."""
    request = context.get("request")
    query = request.GET if request is not None else {}
    return selectors.simulator_state(value=value, block_id=str(block_id or "preview"), query=query)
