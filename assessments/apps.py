from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")

    def ready(self):
        from assessments.models import Answer, Attempt
        from lms.accounts.personal_data import register_personal_data

        register_personal_data(
            "assessment_attempts",
            lambda user: Attempt.objects.filter(user=user).values(
                "uuid",
                "assessment__title",
                "number",
                "status",
                "started_at",
                "finished_at",
                "score_raw",
                "score_max",
                "passed",
            ),
        )
        register_personal_data(
            "assessment_answers",
            lambda user: Answer.objects.filter(
                attempt__user=user, answered_at__isnull=False
            ).values("attempt__uuid", "position", "response", "answered_at", "score", "correct"),
        )
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
