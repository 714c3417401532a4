from lms.accounts.selectors import user_is_administrator, user_is_hr, user_is_trainer


def personas(request):
    """What the navigation needs to know about the current person (lazy, cached per request)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"is_trainer": False, "is_hr": False, "is_administrator": False}
    return {
        "is_trainer": user_is_trainer(user=user),
        "is_hr": user_is_hr(user=user),
        "is_administrator": user_is_administrator(user=user),
    }
