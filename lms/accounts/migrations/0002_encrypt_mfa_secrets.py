"""TOTP secrets and recovery-code seeds are stored encrypted (lms.accounts.adapters.MFAAdapter).

Encrypts the values allauth stored in clear before the adapter was configured; values that
are already encrypted are left alone, so the migration can run on any state.
"""

from django.db import migrations

from lms import crypto

VALUES = {"totp": ("secret",), "recovery_codes": ("seed",)}


def _convert(apps, convert):
    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.filter(type__in=list(VALUES)):
        data = dict(authenticator.data)
        for key in VALUES[authenticator.type]:
            if data.get(key):
                data[key] = convert(data[key])
        if data.get("migrated_codes"):
            data["migrated_codes"] = [convert(code) for code in data["migrated_codes"]]
        if data != authenticator.data:
            authenticator.data = data
            authenticator.save(update_fields=["data"])


def encrypt_secrets(apps, schema_editor):
    _convert(apps, lambda value: value if crypto.is_encrypted(value) else crypto.encrypt(value))


def decrypt_secrets(apps, schema_editor):
    _convert(apps, lambda value: crypto.decrypt(value) if crypto.is_encrypted(value) else value)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [
        migrations.RunPython(encrypt_secrets, decrypt_secrets),
    ]
