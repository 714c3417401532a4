"""Forwarding passwords are stored encrypted (lms.crypto); the clear-text column goes."""

from django.db import migrations, models

from lms import crypto


def encrypt_passwords(apps, schema_editor):
    ForwardingEndpoint = apps.get_model("xapi", "ForwardingEndpoint")
    for endpoint in ForwardingEndpoint.objects.exclude(password=""):
        endpoint.password_encrypted = crypto.encrypt(endpoint.password)
        endpoint.save(update_fields=["password_encrypted"])


def decrypt_passwords(apps, schema_editor):
    ForwardingEndpoint = apps.get_model("xapi", "ForwardingEndpoint")
    for endpoint in ForwardingEndpoint.objects.exclude(password_encrypted=""):
        endpoint.password = crypto.decrypt(endpoint.password_encrypted)
        endpoint.save(update_fields=["password"])


class Migration(migrations.Migration):
    dependencies = [
        ("xapi", "0004_platform_questions_without_answer_keys"),
    ]

    operations = [
        migrations.AddField(
            model_name="forwardingendpoint",
            name="password_encrypted",
            field=models.TextField(
                blank=True, editable=False, verbose_name="password (secret), encrypted"
            ),
        ),
        migrations.RunPython(encrypt_passwords, decrypt_passwords),
        migrations.RemoveField(
            model_name="forwardingendpoint",
            name="password",
        ),
    ]
