"""allauth's OpenID Connect provider with the checks of OpenID Connect Core 3.1.3.7 it
leaves out, kept under allauth's provider id ``openid_connect`` (settings:
``SOCIALACCOUNT_PROVIDERS["openid_connect"]["provider_class"]``).

allauth skips the ID token's signature when the token came straight from the token
endpoint and sends no ``nonce``. Here every ID token's signature is checked against the
provider's JWKS (asymmetric algorithms only), its issuer, audience, authorised party,
expiry and ``nonce`` (bound to the ``state`` of this browser's authorisation request), and
the userinfo answer must name the same subject.
"""
