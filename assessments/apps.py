from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from lms.accounts.groups import register_group_permissions


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")

    def ready(self):
        register_group_permissions(
            "Trainer",
            [
                f"assessments.{action}_{model}"
                for model in ("questionbank", "questioncategory", "question", "assessment")
                for action in ("add", "change", "delete", "view")
            ],
        )
        register_group_permissions(
            "Administrator",
            [
                f"assessments.{action}_{model}"
                for model in ("questionbank", "questioncategory", "question", "assessment")
                for action in ("add", "change", "delete", "view")
            ],
        )
