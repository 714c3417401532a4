from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "lms.accounts"
    label = "accounts"
    verbose_name = _("People and organisation")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import pre_delete

        from lms import crypto
        from lms.accounts.groups import ensure_permission_groups_after_migrate
        from lms.accounts.services import erase_on_delete, mfa_secrets_reencrypt

        post_migrate.connect(ensure_permission_groups_after_migrate, sender=self)
        crypto.register_encrypted_secrets("mfa_authenticators", mfa_secrets_reencrypt)
        # Deleting a person by any path is erasure (see ``services.person_erase``).
        pre_delete.connect(
            erase_on_delete, sender=get_user_model(), dispatch_uid="accounts.erase_on_delete"
        )
