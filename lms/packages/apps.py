from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PackagesConfig(AppConfig):
    name = "lms.packages"
    label = "packages"
    verbose_name = _("Content packages")

    def ready(self):
        from lms.accounts.groups import register_group_permissions
        from lms.accounts.personal_data import register_personal_data
        from lms.packages import projection, selectors, storage  # noqa: F401 (system check)
        from lms.packages.models import ScormAttempt
        from lms.xapi.credentials import register_scope_provider, register_statement_guard
        from lms.xapi.projections import register_projection

        register_projection(
            projection.PROJECTION_NAME,
            apply=projection.apply,
            reset=projection.reset,
            erase=projection.erase,
        )
        # SCORM run-time data a SCO stored for the person (their copy, GDPR Art. 15/20).
        register_personal_data(
            "scorm_attempts",
            lambda user: ScormAttempt.objects.filter(user=user).values(
                "package__title",
                "sco_identifier",
                "number",
                "completion_status",
                "success_status",
                "score_scaled",
                "location",
                "suspend_data",
                "interactions",
                "total_seconds",
                "started_at",
                "updated_at",
            ),
        )
        register_scope_provider(selectors.launch_scope)
        register_statement_guard(selectors.cmi5_session_refusal)
        register_group_permissions(
            "Trainer",
            [f"packages.{action}_contentpackage" for action in ("add", "change", "delete", "view")],
        )
