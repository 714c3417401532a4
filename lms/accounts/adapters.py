from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django import forms
from django.conf import settings
from django.shortcuts import render

from lms import crypto
from lms.accounts import sso


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        # Agencies usually provision accounts; self sign-up is a deployment decision, and
        # with password sign-in off there is nothing to sign up for.
        if sso.password_login_mode() != "on":
            return False
        return bool(getattr(settings, "QD_SELF_SIGNUP", False))

    def pre_authenticate(self, request, **credentials):
        # Every password sign-in of allauth's form passes here (LDAP passwords too).
        if "password" in credentials and not sso.password_login_allowed(
            email=credentials.get("email")
        ):
            raise forms.ValidationError(sso.password_login_refusal())
        super().pre_authenticate(request, **credentials)

    def get_login_stages(self):
        return [
            "lms.accounts.stages.SecondFactorStage"
            if path == "allauth.mfa.stages.AuthenticateStage"
            else path
            for path in super().get_login_stages()
        ]

    def get_logout_redirect_url(self, request):
        # A session that began at the identity provider ends there too (RP-initiated
        # logout), which then sends the browser back to the start page.
        url = super().get_logout_redirect_url(request)
        return (
            sso.end_session_url(request, post_logout_redirect_uri=request.build_absolute_uri(url))
            or url
        )


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """Sign-in through an identity provider follows ``lms.accounts.sso``: people are linked
    and updated there, never signed up through allauth's forms."""

    def is_open_for_signup(self, request, sociallogin):
        # pre_social_login links or creates the person; reaching signup means it did not.
        return False

    def list_apps(self, request, provider=None, client_id=None):
        apps = super().list_apps(request, provider=provider, client_id=client_id)
        for app in apps:
            if app.provider == "saml":
                app.settings = sso.saml_settings_enforced(app.settings or {})
        return apps

    def pre_social_login(self, request, sociallogin):
        provider = sociallogin.account.get_provider()
        app_settings = provider.app.settings or {}
        identity = sso.SSOIdentity(
            provider=sociallogin.account.provider,
            subject=str(sociallogin.account.uid),
            claims=login_claims(sociallogin.account.extra_data),
            app_settings=app_settings,
            source=f"{provider.id}:{sociallogin.account.provider}",
            email_verified_by_provider=bool(app_settings.get("email_verified")),
        )

        def link(person, notify):
            if notify:  # tells the person by e-mail that an identity was linked
                sociallogin.connect(request, person)
            else:
                sociallogin.user = person
                sociallogin.save(request, connect=True)

        try:
            person, _how = sso.sso_login_accept(
                identity=identity,
                linked_user=sociallogin.user if sociallogin.is_existing else None,
                link=link,
            )
        except sso.SSORefused as refusal:
            raise ImmediateHttpResponse(
                render(
                    request, "accounts/sso_refused.html", {"message": refusal.message}, status=403
                )
            ) from refusal
        sociallogin.user = person

    def on_authentication_error(
        self, request, provider, error=None, exception=None, extra_context=None
    ):
        sso.sso_error_record(
            source=f"{provider.id}:{getattr(provider.app, 'provider_id', '') or provider.id}",
            error=str(error or "unknown"),
            detail=str(exception or (extra_context or {}).get("saml_last_error_reason") or ""),
        )
        if error == "cancelled":
            return  # allauth's page: the person cancelled at the provider
        raise ImmediateHttpResponse(
            render(request, "accounts/sso_failed.html", {"provider": provider}, status=400)
        )


def login_claims(extra_data: dict) -> dict:
    """The claims of a sign-in: the userinfo answer's, the signed ID token's first."""
    if "id_token" in extra_data or "userinfo" in extra_data:
        return {**(extra_data.get("userinfo") or {}), **(extra_data.get("id_token") or {})}
    return dict(extra_data)


class MFAAdapter(DefaultMFAAdapter):
    """TOTP secrets and recovery-code seeds are stored encrypted (``lms.crypto``).

    allauth passes every such value through these two hooks; a value that no configured
    key can decrypt raises ``lms.crypto.DecryptionError`` (sign-in fails closed).
    """

    def encrypt(self, text: str) -> str:
        return crypto.encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        return crypto.decrypt(encrypted_text)
