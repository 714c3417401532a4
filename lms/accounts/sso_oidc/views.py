import jwt
from allauth.account.internal.decorators import login_not_required
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from django.http import Http404
from django.utils.crypto import constant_time_compare

from lms.accounts.sso import STATE_END_SESSION, STATE_ID_TOKEN

# Public-key algorithms only: "none" and the HMAC family (keyed with the client secret, which
# a token substitution could exploit) are refused whatever the token's header says.
ALLOWED_ALGORITHMS = frozenset(
    {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"}
)
# Seconds of clock difference tolerated between the provider and this server.
CLOCK_SKEW = 60


class VerifiedOpenIDConnectAdapter(OpenIDConnectOAuth2Adapter):
    expected_state: dict | None = None

    def complete_login(self, request, app, token, **kwargs):
        id_token = kwargs["response"].get("id_token")
        if not id_token:
            raise OAuth2Error("The provider sent no ID token.")
        login = super().complete_login(request, app, token, **kwargs)
        userinfo = login.account.extra_data.get("userinfo")
        claims = login.account.extra_data.get("id_token") or {}
        if userinfo and str(userinfo.get("sub")) != str(claims.get("sub")):
            raise OAuth2Error("The userinfo answer names another subject than the ID token.")
        if self.expected_state is not None:
            # The state dict becomes ``login.state``: what RP-initiated logout needs rides
            # along, in the session only, until the sign-in is complete.
            self.expected_state[STATE_ID_TOKEN] = id_token
            self.expected_state[STATE_END_SESSION] = self.openid_config.get("end_session_endpoint")
        return login

    def _decode_id_token(self, app: SocialApp, id_token: str) -> dict:
        try:
            header = jwt.get_unverified_header(id_token)
        except jwt.PyJWTError as error:
            raise OAuth2Error("Malformed ID token.") from error
        algorithm = header.get("alg")
        if algorithm not in ALLOWED_ALGORITHMS:
            raise OAuth2Error(f"ID token algorithm {algorithm!r} is not allowed.")
        key = self._signing_key(header.get("kid"), algorithm)
        try:
            claims = jwt.decode(
                id_token,
                key=key,
                algorithms=[algorithm],
                audience=app.client_id,
                issuer=self.openid_config["issuer"],
                leeway=CLOCK_SKEW,
                options={"require": ["iss", "sub", "aud", "exp", "iat"]},
            )
        except jwt.PyJWTError as error:
            raise OAuth2Error(f"Invalid ID token: {error}") from error
        audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
        if len(audiences) > 1 and claims.get("azp") != app.client_id:
            raise OAuth2Error("ID token issued to another authorised party.")
        expected_nonce = (self.expected_state or {}).get("nonce")
        if not expected_nonce or not constant_time_compare(
            str(claims.get("nonce", "")), expected_nonce
        ):
            raise OAuth2Error("ID token nonce does not match this sign-in.")
        return claims

    def _signing_key(self, kid, algorithm):
        with get_adapter().get_requests_session() as session:
            response = session.get(self.openid_config["jwks_uri"])
            response.raise_for_status()
            keys = response.json().get("keys", [])
        candidates = [
            key
            for key in keys
            if key.get("use", "sig") == "sig" and (kid is None or key.get("kid") == kid)
        ]
        if len(candidates) != 1:
            raise OAuth2Error("No single signing key of the provider matches the ID token.")
        try:
            return jwt.PyJWK(candidates[0], algorithm=algorithm).key
        except jwt.PyJWTError as error:
            raise OAuth2Error("The provider's signing key does not fit the ID token.") from error


class VerifiedCallbackView(OAuth2CallbackView):
    def _get_state(self, request, provider):
        state, response = super()._get_state(request, provider)
        # The adapter checks the ID token's nonce against this browser's request.
        self.adapter.expected_state = state
        return state, response


@login_not_required
def callback(request, provider_id):
    try:
        view = VerifiedCallbackView.adapter_view(VerifiedOpenIDConnectAdapter(request, provider_id))
        return view(request)
    except SocialApp.DoesNotExist as error:
        raise Http404 from error
