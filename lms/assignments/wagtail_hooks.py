from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lms.assignments import admin_views


@hooks.register("register_admin_urls")
def register_assignment_urls():
    return [
        path(
            "assignments/",
            include(
                (
                    [
                        path("", admin_views.assignment_list, name="list"),
                        path("add/", admin_views.assignment_edit, name="add"),
                        path("<int:assignment_id>/", admin_views.assignment_edit, name="edit"),
                        path("preview.json", admin_views.scope_preview, name="preview"),
                    ],
                    "assignments_admin",
                ),
                namespace="assignments_admin",
            ),
        )
    ]


class AuthorMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_author(request.user)


@hooks.register("register_admin_menu_item")
def register_assignment_menu_item():
    return AuthorMenuItem(
        _("Mandatory training"), reverse("assignments_admin:list"), icon_name="date", order=450
    )
