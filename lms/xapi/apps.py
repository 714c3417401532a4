from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class XapiConfig(AppConfig):
    name = "lms.xapi"
    label = "xapi"
    verbose_name = _("Learning Record Store")

    def ready(self):
        from lms.accounts.groups import register_group_permissions

        register_group_permissions(
            "Administrator",
            [
                f"xapi.{action}_{model}"
                for model in ("lrsclient", "forwardingendpoint")
                for action in ("add", "change", "delete", "view")
            ],
        )
