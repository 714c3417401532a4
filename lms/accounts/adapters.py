from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        # Agencies usually provision accounts; self sign-up is a deployment decision.
        return bool(getattr(settings, "QD_SELF_SIGNUP", False))
