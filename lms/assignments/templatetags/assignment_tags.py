from django import template

from lms.assignments import selectors

register = template.Library()


@register.inclusion_tag("assignments/includes/deadlines.html", takes_context=True)
def upcoming_deadlines(context, limit=5):
    """The learner's next mandatory-training deadlines, for the dashboard (the curricula's
    due dates are in the dashboard's own curriculum tables)."""
    user = context["request"].user
    deadlines = selectors.person_deadlines(user=user, include_curricula=False)
    return {"deadlines": deadlines[:limit], "more": len(deadlines) > limit}
