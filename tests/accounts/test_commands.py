"""``rotate_encryption_keys``: every stored secret moves to the newest key, all or nothing."""

import io

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.core.management import CommandError, call_command

from lms import crypto
from lms.xapi.models import ForwardingEndpoint
from tests.conftest import TOTP_SECRET, current_totp

pytestmark = pytest.mark.django_db

OLD, NEW = crypto.new_key(), crypto.new_key()


@pytest.fixture
def secrets_under_old_key(settings, make_user):
    settings.QD_ENCRYPTION_KEYS = [OLD]
    endpoint = ForwardingEndpoint.objects.create(
        name="Landes-LRS", url="https://lrs.example.org/xapi", password="remote-secret"
    )
    trainer = make_user("trainer@example.org", groups=("Learner", "Trainer"))
    TOTP.activate(trainer, TOTP_SECRET)
    return endpoint, trainer


def _rotate(*args):
    out = io.StringIO()
    call_command("rotate_encryption_keys", *args, stdout=out)
    return out.getvalue()


def test_rotation_moves_every_secret_to_the_new_key(settings, secrets_under_old_key):
    endpoint, trainer = secrets_under_old_key
    settings.QD_ENCRYPTION_KEYS = [NEW, OLD]

    output = _rotate()

    assert "forwarding_passwords: 1" in output and "mfa_authenticators: 1" in output
    settings.QD_ENCRYPTION_KEYS = [NEW]  # the old key is removed
    _rotate("--check")
    endpoint.refresh_from_db()
    assert endpoint.password == "remote-secret"
    assert TOTP(Authenticator.objects.get(user=trainer)).validate_code(current_totp())


def test_rotation_without_the_old_key_refuses_and_changes_nothing(settings, secrets_under_old_key):
    endpoint, trainer = secrets_under_old_key
    before = (endpoint.password_encrypted, Authenticator.objects.get(user=trainer).data)
    settings.QD_ENCRYPTION_KEYS = [NEW]  # the old key was removed too early

    with pytest.raises(CommandError, match=r"cannot be decrypted.*Nothing was changed"):
        _rotate()
    with pytest.raises(CommandError, match="cannot be decrypted"):
        _rotate("--check")

    endpoint.refresh_from_db()
    assert (endpoint.password_encrypted, Authenticator.objects.get(user=trainer).data) == before
    settings.QD_ENCRYPTION_KEYS = [NEW, OLD]
    assert endpoint.password == "remote-secret"


def test_check_changes_nothing(settings, secrets_under_old_key):
    endpoint, _trainer = secrets_under_old_key
    settings.QD_ENCRYPTION_KEYS = [NEW, OLD]

    assert "2 secrets can be decrypted" in _rotate("--check")

    endpoint.refresh_from_db()
    settings.QD_ENCRYPTION_KEYS = [OLD]
    assert endpoint.password == "remote-secret"  # still under the old key


def test_one_undecryptable_secret_rolls_back_the_whole_rotation(settings, make_user):
    settings.QD_ENCRYPTION_KEYS = [NEW]
    trainer = make_user("trainer@example.org", groups=("Learner", "Trainer"))
    TOTP.activate(trainer, TOTP_SECRET)
    good = ForwardingEndpoint.objects.create(name="A", url="https://a.example.org", password="a")
    settings.QD_ENCRYPTION_KEYS = [crypto.new_key()]  # a key that is lost afterwards
    ForwardingEndpoint.objects.create(name="B", url="https://b.example.org", password="b")
    before = (Authenticator.objects.get(user=trainer).data, good.password_encrypted)
    settings.QD_ENCRYPTION_KEYS = [NEW]

    with pytest.raises(CommandError, match="Nothing was changed"):
        _rotate()

    good.refresh_from_db()
    assert (Authenticator.objects.get(user=trainer).data, good.password_encrypted) == before
