from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class XapiConfig(AppConfig):
    name = "lms.xapi"
    label = "xapi"
    verbose_name = _("Learning Record Store")

    def ready(self):
        from lms import crypto
        from lms.accounts.groups import register_group_permissions
        from lms.accounts.personal_data import register_personal_data
        from lms.accounts.services import register_deactivation_hook, register_person_eraser
        from lms.xapi import services
        from lms.xapi.forwarding import endpoint_secrets_reencrypt
        from lms.xapi.models import Document, Statement

        register_person_eraser(lambda user: services.actor_erase(user=user))
        register_deactivation_hook(lambda user: services.launch_credentials_revoke(user=user))
        crypto.register_encrypted_secrets("forwarding_passwords", endpoint_secrets_reencrypt)

        register_personal_data(
            "learning_records",
            lambda user: (
                Statement.objects.filter(user=user)
                .order_by("stored")
                .values("id", "stored", "data")
            ),
        )
        register_personal_data(
            "learning_record_documents",
            lambda user: Document.objects.filter(user=user).values(
                "kind", "document_id", "activity_id", "updated"
            ),
        )

        from django.db.models.signals import post_delete, post_save

        from lms.xapi.models import LRSClient
        from lms.xapi.protocol import forget_client

        def _client_changed(sender, instance, **kwargs):
            forget_client(instance.key)

        post_save.connect(_client_changed, sender=LRSClient, weak=False)
        post_delete.connect(_client_changed, sender=LRSClient, weak=False)

        register_group_permissions(
            "Administrator",
            [
                f"xapi.{action}_{model}"
                for model in ("lrsclient", "forwardingendpoint")
                for action in ("add", "change", "delete", "view")
            ],
        )
