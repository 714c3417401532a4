from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "lms.accounts"
    label = "accounts"
    verbose_name = _("People and organisation")

    def ready(self):
        from lms.accounts.groups import ensure_permission_groups_after_migrate

        post_migrate.connect(ensure_permission_groups_after_migrate, sender=self)
