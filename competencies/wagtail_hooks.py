from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from competencies import admin_views
from competencies.admin_actions import (
    DELETE_SERVICES,
    RoleProfileForm,
    ServiceDeleteAction,
    ServiceDeleteBulkAction,
)
from competencies.choosers import CompetencyChooserViewSet
from competencies.models import Competency, Framework, RoleProfile
from lms.accounts.selectors import user_is_administrator


class FrameworkViewSet(SnippetViewSet):
    model = Framework
    icon = "list-ul"
    menu_label = _("Frameworks")
    list_display = ["title", "key", "version", "updated_at"]
    search_fields = ["title", "key"]


class CompetencyViewSet(SnippetViewSet):
    chooser_viewset_class = CompetencyChooserViewSet
    model = Competency
    icon = "tag"
    menu_label = _("Competencies")
    list_display = ["code", "name", "framework", "kind"]
    list_filter = ["framework", "kind"]
    search_fields = ["code", "name"]


class RoleProfileViewSet(SnippetViewSet):
    model = RoleProfile
    icon = "user"
    menu_label = _("Role profiles")
    list_display = ["job_role", "competency", "target_level", "importance"]
    list_filter = ["job_role", "importance"]

    def get_form_class(self, for_update=False):
        return RoleProfileForm


class CompetencyGroup(SnippetViewSetGroup):
    items = (FrameworkViewSet, CompetencyViewSet, RoleProfileViewSet)
    menu_icon = "tasks"
    menu_label = _("Competencies")
    menu_name = "competencies"
    menu_order = 510


register_snippet(CompetencyGroup)


@hooks.register("register_actions")
def register_service_actions(registry):
    for model in DELETE_SERVICES:
        registry.register(model, ServiceDeleteAction)


# After Wagtail's snippet bulk delete (order 0), so it replaces it for these models.
hooks.register("register_bulk_action", ServiceDeleteBulkAction, order=100)


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path(
            "competencies/import/",
            include(
                (
                    [
                        path("", admin_views.framework_import, name="framework_import"),
                        path("<uuid:job_id>/", admin_views.import_status, name="import_status"),
                    ],
                    "competencies_admin",
                ),
                namespace="competencies_admin",
            ),
        )
    ]


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return user_is_administrator(user=request.user)


@hooks.register("register_settings_menu_item")
def register_import_menu_item():
    return AdministratorMenuItem(
        _("Import competency framework"),
        reverse("competencies_admin:framework_import"),
        icon_name="upload",
        order=910,
    )
