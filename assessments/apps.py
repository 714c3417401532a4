from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")

    def ready(self):
        # Imported here: the groups module needs the app registry (standard Django pattern).
        from lms.accounts.groups import register_group_permissions

        models = ("questionbank", "questioncategory", "question", "assessment")
        permissions = [
            f"assessments.{action}_{model}"
            for model in models
            for action in ("add", "change", "delete", "view")
        ]
        register_group_permissions("Trainer", permissions)
        register_group_permissions("Administrator", permissions)
