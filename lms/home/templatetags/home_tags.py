"""The footer's links to the information pages, cached until a page is published or removed
(``lms.home.apps``), so they add no query to any page."""

from django import template
from django.core.cache import cache

register = template.Library()
FOOTER_CACHE_KEY = "qd:footer-pages"


@register.simple_tag
def footer_pages():
    """(title, url) of the live, public information pages and the statement shown in menus."""
    links = cache.get(FOOTER_CACHE_KEY)
    if links is None:
        from wagtail.models import Page

        from lms.home.models import AccessibilityStatementPage, InformationPage

        pages = (
            Page.objects.live()
            .public()
            .in_menu()
            .type(InformationPage, AccessibilityStatementPage)
            .order_by("path")
        )
        links = [(page.title, page.url) for page in pages if page.url]
        cache.set(FOOTER_CACHE_KEY, links, 60 * 60)
    return links
