from allauth.mfa.stages import AuthenticateStage


class SecondFactorStage(AuthenticateStage):
    """allauth's code step, skipped when the identity provider's signed ID token names a
    second factor this deployment trusts (``QD_SSO_TRUSTED_AMR`` / ``_ACR``): the staff
    middleware then counts that sign-in as the session's second factor."""

    def _should_handle(self, request) -> bool:
        from lms.accounts.sso import second_factor_in_claims

        sociallogin = (self.login.signal_kwargs or {}).get("sociallogin")
        if sociallogin is not None and second_factor_in_claims(
            sociallogin.account.extra_data.get("id_token") or {}
        ):
            return False
        return super()._should_handle(request)
