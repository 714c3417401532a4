from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "lms.accounts"
    label = "accounts"
    verbose_name = _("People and organisation")

    def ready(self):
        from lms import crypto
        from lms.accounts.groups import ensure_permission_groups_after_migrate
        from lms.accounts.services import mfa_secrets_reencrypt

        post_migrate.connect(ensure_permission_groups_after_migrate, sender=self)
        crypto.register_encrypted_secrets("mfa_authenticators", mfa_secrets_reencrypt)
