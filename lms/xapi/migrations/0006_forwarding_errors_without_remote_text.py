"""Forwarding errors are fixed codes; older rows could hold the remote LRS's answer text."""

from django.db import migrations

CODES = r"^(target_refused|unreachable|http:[0-9]+|bad_answer|unconfirmed|decryption)$"


def replace_free_text(apps, schema_editor):
    for model in ("ForwardingEndpoint", "OutboxEntry"):
        rows = apps.get_model("xapi", model).objects.exclude(last_error="")
        rows.exclude(last_error__regex=CODES).update(last_error="failed")


class Migration(migrations.Migration):
    dependencies = [
        ("xapi", "0005_forwarding_password_encrypted"),
    ]

    operations = [
        migrations.RunPython(replace_free_text, migrations.RunPython.noop),
    ]
