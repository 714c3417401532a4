from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PackagesConfig(AppConfig):
    name = "lms.packages"
    label = "packages"
    verbose_name = _("Content packages")

    def ready(self):
        from lms.accounts.groups import register_group_permissions
        from lms.packages import projection, selectors, storage  # noqa: F401 (system check)
        from lms.xapi.credentials import register_scope_provider, register_statement_guard
        from lms.xapi.projections import register_projection

        register_projection(
            projection.PROJECTION_NAME,
            apply=projection.apply,
            reset=projection.reset,
            erase=projection.erase,
        )
        register_scope_provider(selectors.launch_scope)
        register_statement_guard(selectors.cmi5_session_refusal)
        register_group_permissions(
            "Trainer",
            [f"packages.{action}_contentpackage" for action in ("add", "change", "delete", "view")],
        )
