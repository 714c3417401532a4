from allauth.account.forms import ResetPasswordForm
from allauth.mfa.base.forms import AuthenticateForm, ReauthenticateForm
from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lms.accounts import sso
from lms.accounts.selectors import totp_code_was_used


class IndividualProfileConsentForm(forms.Form):
    granted = forms.TypedChoiceField(
        label=_("May your manager and HR view your individual competency profile?"),
        choices=[("1", _("Yes, I consent")), ("0", _("No"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )


class SecondFactorCodeMixin:
    """The second factor's code field as the platform words it.

    allauth labels it with the bare msgid "Code", which other catalogues translate for other
    meanings (an org unit's "Kürzel"); and it answers a code that was already used in its
    30-second window (allauth accepts each TOTP code once) with "Incorrect code", which makes
    people type the same code again.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        field.label = pgettext_lazy("second factor", "Code")
        field.widget.attrs["placeholder"] = pgettext_lazy("second factor", "Code")

    def clean_code(self):
        try:
            return super().clean_code()
        except forms.ValidationError:
            if totp_code_was_used(user=self.user, code=self.data.get("code", "")):
                raise forms.ValidationError(
                    _(
                        "This code has already been used. Please wait until your authenticator "
                        "app shows the next code (a new one every 30 seconds) and enter that one."
                    ),
                    code="code_already_used",
                ) from None
            raise


class MFAAuthenticateForm(SecondFactorCodeMixin, AuthenticateForm):
    pass


class MFAReauthenticateForm(SecondFactorCodeMixin, ReauthenticateForm):
    pass


class PasswordResetForm(ResetPasswordForm):
    """Password reset follows the password sign-in mode (``QD_PASSWORD_LOGIN``).

    ``off``: refused with a pointer to single sign-on. ``break-glass``: the page answers
    every address alike (it must not reveal who holds emergency access), but only a
    break-glass account receives the e-mail.
    """

    def clean_email(self):
        if sso.password_login_mode() == "off":
            raise forms.ValidationError(sso.password_login_refusal())
        return super().clean_email()

    def save(self, request, **kwargs):
        email = self.cleaned_data["email"]
        if not sso.password_login_allowed(email=email):
            return email
        return super().save(request, **kwargs)
