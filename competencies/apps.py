from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetenciesConfig(AppConfig):
    name = "competencies"
    verbose_name = _("Competencies")

    def ready(self):
        from competencies import projection, tasks  # noqa: F401 (registers the Celery tasks)
        from lms.accounts.groups import register_group_permissions
        from lms.xapi.projections import register_projection

        register_projection(
            projection.NAME, apply=projection.apply, reset=projection.reset, erase=projection.erase
        )
        register_group_permissions(
            "Administrator",
            [
                f"competencies.{action}_{model}"
                for model in (
                    "framework",
                    "competency",
                    "competencystatement",
                    "proficiencyscale",
                    "proficiencylevel",
                    "roleprofile",
                )
                for action in ("add", "change", "delete", "view")
            ],
        )
