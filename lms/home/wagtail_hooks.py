from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.home.admin_csp import admin_init_script
from lms.home.models import AccessibilityFeedback


@hooks.register("insert_global_admin_js")
def start_admin_widgets_without_inline_scripts():
    return admin_init_script()


class AccessibilityFeedbackViewSet(SnippetViewSet):
    """Administrators read (and delete, once answered) the reports of barriers."""

    model = AccessibilityFeedback
    icon = "mail"
    menu_label = _("Accessibility feedback")
    menu_name = "accessibility_feedback"
    menu_order = 900
    add_to_admin_menu = True
    list_display = ["received_at", "message", "page", "forwarded"]
    list_filter = ["forwarded"]
    search_fields = ["message", "page"]
    inspect_view_enabled = True


register_snippet(AccessibilityFeedbackViewSet)
