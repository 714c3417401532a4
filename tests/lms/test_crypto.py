"""Secrets at rest: Fernet under keys from the settings, with rotation and clear errors."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from lms import crypto

OLD, NEW = crypto.new_key(), crypto.new_key()


def test_round_trip_and_the_stored_form_hides_the_secret(settings):
    settings.QD_ENCRYPTION_KEYS = [NEW]

    stored = crypto.encrypt("remote-lrs-secret")

    assert stored.startswith("fernet:") and "remote-lrs-secret" not in stored
    assert crypto.encrypt("remote-lrs-secret") != stored  # random IV: equal secrets differ
    assert crypto.decrypt(stored) == "remote-lrs-secret"
    assert crypto.is_encrypted(stored) and not crypto.is_encrypted("remote-lrs-secret")


def test_rotation_new_key_in_front_reencrypt_then_old_key_removed(settings):
    settings.QD_ENCRYPTION_KEYS = [OLD]
    stored = crypto.encrypt("geheim")
    settings.QD_ENCRYPTION_KEYS = [NEW, OLD]
    assert crypto.decrypt(stored) == "geheim"  # old values still readable

    rotated = crypto.reencrypt(stored)

    settings.QD_ENCRYPTION_KEYS = [NEW]
    assert crypto.decrypt(rotated) == "geheim"
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(stored)


def test_wrong_key_gives_a_clear_error_not_a_wrong_value(settings):
    settings.QD_ENCRYPTION_KEYS = [OLD]
    stored = crypto.encrypt("geheim")
    settings.QD_ENCRYPTION_KEYS = [NEW]

    with pytest.raises(crypto.DecryptionError, match="QD_ENCRYPTION_KEYS"):
        crypto.decrypt(stored)
    with pytest.raises(crypto.DecryptionError, match="QD_ENCRYPTION_KEYS"):
        crypto.reencrypt(stored)
    with pytest.raises(crypto.DecryptionError, match="not an encrypted secret"):
        crypto.decrypt("geheim")  # a clear-text value is never passed through


@pytest.mark.parametrize(
    ("keys", "message"),
    [([], "is empty"), (["kein-schluessel"], "key 1 is not a Fernet key"), ([NEW, ""], "key 2")],
)
def test_missing_or_malformed_keys_are_a_configuration_error(settings, keys, message):
    settings.QD_ENCRYPTION_KEYS = keys
    with pytest.raises(ImproperlyConfigured, match=message):
        crypto.encrypt("geheim")
