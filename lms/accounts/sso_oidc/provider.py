from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider
from django.utils.crypto import get_random_string

from lms.accounts.sso_oidc.views import VerifiedOpenIDConnectAdapter


class VerifiedOpenIDConnectProvider(OpenIDConnectProvider):
    # Our URLs (lms.accounts.sso_oidc.urls): allauth's login view, our callback.
    package = "lms.accounts.sso_oidc"
    oauth2_adapter_class = VerifiedOpenIDConnectAdapter

    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        # The nonce travels in the stashed state (session, keyed by ``state``) and comes
        # back in the ID token; the callback compares them.
        nonce = get_random_string(32)
        auth_params = kwargs.pop("auth_params", None)
        if auth_params is None:
            auth_params = self.get_auth_params()
        auth_params["nonce"] = nonce
        return super().redirect(
            request, process, next_url, data, auth_params=auth_params, nonce=nonce, **kwargs
        )
