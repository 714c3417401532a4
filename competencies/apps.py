from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetenciesConfig(AppConfig):
    name = "competencies"
    verbose_name = _("Competencies")

    def ready(self):
        from competencies import gapcounts, projection, tasks  # noqa: F401 (Celery tasks)
        from competencies.models import CompetencyProfile, Evidence
        from lms.accounts.groups import register_group_permissions
        from lms.accounts.personal_data import register_personal_data

        register_personal_data(
            "competency_profile",
            lambda user: CompetencyProfile.objects.filter(user=user).values(
                "competency__uri",
                "competency__name",
                "reached_rank",
                "reached_at",
                "self_assessed_rank",
                "self_assessed_at",
                "last_evidence_at",
                "expires_at",
            ),
        )
        register_personal_data(
            "competency_evidence",
            lambda user: Evidence.objects.filter(user=user).values(
                "competency__uri", "rank", "source", "statement_id", "occurred_at", "expires_at"
            ),
        )
        from lms.accounts.trackers import register_people_tracker

        register_people_tracker("competencies.gapcounts", gapcounts.people_tracking)
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
