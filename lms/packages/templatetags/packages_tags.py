from django import template

from lms.packages import selectors

register = template.Library()


@register.simple_tag
def package_unit(page, user):
    """What a package unit page shows: the parent (course), the learner's state, the AUs."""
    state = (
        selectors.package_state(user=user, package=page.package) if user.is_authenticated else None
    )
    return {
        "parent": page.get_parent(),
        "state": state,
        "overview": selectors.package_overview(package=page.package, state=state),
        "aus": page.package.aus,
    }
