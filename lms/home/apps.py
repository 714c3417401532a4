from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "lms.home"
    label = "home"
    verbose_name = _("Home")

    def ready(self):
        from lms.accounts.groups import register_group_permissions
        from lms.home import admin_csp

        admin_csp.install()
        register_group_permissions(
            "Administrator",
            ["home.view_accessibilityfeedback", "home.delete_accessibilityfeedback"],
        )
