from wagtail.users.views.users import UserViewSet

from lms.accounts.admin_forms import PersonCreationForm, PersonEditForm


class PersonViewSet(UserViewSet):
    def get_form_class(self, for_update=False):
        return PersonEditForm if for_update else PersonCreationForm
