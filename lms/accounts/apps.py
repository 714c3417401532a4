from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "lms.accounts"
    label = "accounts"
    verbose_name = _("People and organisation")

    def ready(self):
        from allauth.account.signals import user_logged_in
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
        user_logged_in.connect(_sso_session_on_login, dispatch_uid="accounts.sso_session")


def _sso_session_on_login(sender, request, user, sociallogin=None, **kwargs):
    """A sign-in through an identity provider leaves in the session what it established
    (second factor, ID token for logout); any other sign-in leaves nothing of an earlier one."""
    from lms.accounts.sso import SESSION_KEY, session_login_record

    if sociallogin is None:
        request.session.pop(SESSION_KEY, None)
        return
    session_login_record(
        request=request,
        user=user,
        provider=sociallogin.account.provider,
        claims=sociallogin.account.extra_data.get("id_token") or {},
        state=sociallogin.state or {},
    )
