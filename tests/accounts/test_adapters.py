"""allauth adapters: TOTP secrets and recovery-code seeds are stored encrypted."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.db import connection

from lms import crypto
from tests.conftest import TOTP_SECRET, current_totp, log_in

pytestmark = pytest.mark.django_db


def _raw_data(user) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT data::text FROM mfa_authenticator WHERE user_id = %s", [user.pk])
        return [row[0] for row in cursor.fetchall()]


def test_totp_secret_and_recovery_seed_are_stored_encrypted_and_sign_in_works(client, make_user):
    trainer = make_user("trainer@example.org", groups=("Learner", "Trainer"))
    TOTP.activate(trainer, TOTP_SECRET)
    codes = RecoveryCodes.activate(trainer)
    seed = crypto.decrypt(codes.instance.data["seed"])

    rows = _raw_data(trainer)

    assert len(rows) == 2
    assert all(TOTP_SECRET not in row and seed not in row for row in rows)
    assert all('"fernet:' in row for row in rows)
    log_in(client, trainer)  # the TOTP step decrypts the secret
    fresh = RecoveryCodes(Authenticator.objects.get(user=trainer, type="recovery_codes"))
    assert fresh.validate_code(fresh.get_unused_codes()[0])


def test_a_wrong_key_fails_sign_in_closed_with_a_clear_error(make_user, settings):
    trainer = make_user("trainer@example.org", groups=("Learner", "Trainer"))
    totp = TOTP.activate(trainer, TOTP_SECRET)
    settings.QD_ENCRYPTION_KEYS = [crypto.new_key()]

    with pytest.raises(crypto.DecryptionError, match="QD_ENCRYPTION_KEYS"):
        totp.validate_code(current_totp())
