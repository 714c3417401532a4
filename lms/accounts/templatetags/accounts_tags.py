from allauth.account.adapter import get_adapter
from django import template

from lms.accounts import sso

register = template.Library()


@register.simple_tag(takes_context=True)
def signup_open(context) -> bool:
    """Whether people may sign up themselves (the account adapter decides, ``QD_SELF_SIGNUP``)."""
    request = context.get("request")
    return request is not None and get_adapter(request).is_open_for_signup(request)


@register.simple_tag
def password_login_mode() -> str:
    """ "on", "off" or "break-glass" (``QD_PASSWORD_LOGIN``): what the sign-in page offers."""
    return sso.password_login_mode()
