from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings

from lms import crypto


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        # Agencies usually provision accounts; self sign-up is a deployment decision.
        return bool(getattr(settings, "QD_SELF_SIGNUP", False))


class MFAAdapter(DefaultMFAAdapter):
    """TOTP secrets and recovery-code seeds are stored encrypted (``lms.crypto``).

    allauth passes every such value through these two hooks; a value that no configured
    key can decrypt raises ``lms.crypto.DecryptionError`` (sign-in fails closed).
    """

    def encrypt(self, text: str) -> str:
        return crypto.encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        return crypto.decrypt(encrypted_text)
