from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssignmentsConfig(AppConfig):
    name = "lms.assignments"
    label = "assignments"
    verbose_name = _("Mandatory training")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms.accounts.groups import HR, register_group_permissions

        # HR author mandatory training for their units in the admin.
        register_group_permissions(HR, ["wagtailadmin.access_admin"])
