"""Data migrations of accounts: TOTP secrets and recovery seeds stored in clear get encrypted."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.conftest import TOTP_SECRET, current_totp

BEFORE = ("accounts", "0001_initial")
AFTER = ("accounts", "0002_encrypt_mfa_secrets")


@pytest.mark.django_db(transaction=True)
def test_clear_text_authenticators_are_encrypted_and_still_work(make_user):
    trainer = make_user("trainer@example.org", groups=("Learner", "Trainer"))
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])
    # As allauth stored them before the MFA adapter encrypted anything:
    Authenticator.objects.create(user=trainer, type="totp", data={"secret": TOTP_SECRET})
    Authenticator.objects.create(
        user=trainer,
        type="recovery_codes",
        data={"seed": "ab" * 40, "used_mask": 0, "migrated_codes": ["12345678"]},
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())  # the current schema, with AFTER

    with connection.cursor() as cursor:
        cursor.execute("SELECT data::text FROM mfa_authenticator")
        rows = [row[0] for row in cursor.fetchall()]
    assert not any(plain in row for row in rows for plain in (TOTP_SECRET, "ab" * 40, "12345678"))
    totp = TOTP(Authenticator.objects.get(type="totp"))
    assert totp.validate_code(current_totp())
    codes = RecoveryCodes(Authenticator.objects.get(type="recovery_codes"))
    assert codes.get_unused_codes() == ["12345678"]
