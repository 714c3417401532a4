from wagtail.users.apps import WagtailUsersAppConfig


class PeopleUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with org unit, personnel number and job roles."""

    user_viewset = "lms.accounts.viewsets.PersonViewSet"
