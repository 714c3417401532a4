"""The Wagtail admin without inline scripts, so it runs under a strict Content-Security-Policy.

Wagtail 8 renders its page editor from JSON (telepath), but a few server-rendered pieces
still start their widgets with inline ``<script>`` code, which the admin's policy
(``QD_CSP_ADMIN``: ``script-src 'self'``) blocks: chooser widgets (pages, snippets, images,
documents, tasks), date and time inputs (listing filters, the page editor's publishing
schedule, snippet forms) and inline panels (ordered children of snippets). Here they emit
an inert marker instead, ``<template data-qd-init="…" data-qd-id="…" data-qd-options="…">``,
and ``home/admin-init.js`` calls the same initialiser for each marker, including markers
that arrive later (a new inline child, a dialog, a modal). The marker's values are
HTML-escaped attributes, so nothing in them is ever executed as code. The templates for
the date inputs and inline panels are overridden in ``lms/home/templates/wagtailadmin/``.
"""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.widgets import BaseChooser
from wagtail.admin.widgets.workflows import AdminTaskChooser

_inline_script_render = BaseChooser.render


def init_marker(initialiser: str, *, element_id: str = "", options=None) -> str:
    """The inert element that ``home/admin-init.js`` turns into ``initialiser(id, options)``."""
    return format_html(
        '<template data-qd-init="{}" data-qd-id="{}" data-qd-options="{}"></template>',
        initialiser,
        element_id,
        json.dumps(options or {}),
    )


def render_chooser(self, name, value, attrs=None, renderer=None):
    """``BaseChooser.render`` with a marker where Wagtail writes ``<script>new X(id, …)``."""
    if isinstance(self, AdminTaskChooser):
        initialiser = "createTaskChooser"
    elif type(self).render_js_init is BaseChooser.render_js_init:
        initialiser = self.js_constructor
    else:  # a chooser with its own start-up code: keep Wagtail's (the policy will say so)
        return _inline_script_render(self, name, value, attrs, renderer)
    try:
        element_id = attrs["id"]
    except (KeyError, TypeError) as error:
        raise TypeError("BaseChooser cannot be rendered without an 'id' attribute") from error
    value_data = self.get_value_data(value)
    options = self.get_js_init_options(element_id, name, value_data)
    # Wagtail's widget HTML (its own template, escaped) and a format_html marker.
    html = self.render_html(name, value_data, attrs)
    return mark_safe(html + init_marker(initialiser, element_id=element_id, options=options))


def install():
    """Called once from ``HomeConfig.ready()``."""
    BaseChooser.render = render_chooser


def admin_init_script() -> str:
    """The ``insert_global_admin_js`` output: the marker initialiser, before the content."""
    return format_html('<script src="{}"></script>', versioned_static("home/admin-init.js"))
