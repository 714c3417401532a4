"""The footer's links to the information pages."""

from django import template

register = template.Library()


@register.simple_tag
def footer_pages():
    """(title, url) of the live information pages and the statement shown in menus, in one
    query on every page (no cache: the count stays the same on every request).

    Both page types are children of the home page, the site root, so their address is
    their slug; pages with a view restriction of their own are left out.
    """
    from wagtail.models import Page

    from lms.home.models import AccessibilityStatementPage, InformationPage

    pages = (
        Page.objects.live()
        .in_menu()
        .type(InformationPage, AccessibilityStatementPage)
        .filter(view_restrictions__isnull=True)
        .order_by("path")
        .values_list("title", "slug")
    )
    return [(title, f"/{slug}/") for title, slug in pages]
