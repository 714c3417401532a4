"""Wagtail admin actions on people that must keep the trackers informed.

Wagtail deletes a person (one, or many at once) and sets the active flag of many with
queryset writes that no service sees; these replacements run the same writes inside
``people_changing`` or through the services. Registered in ``wagtail_hooks.py``.
"""

from wagtail.actions.delete import DeleteAction
from wagtail.users.views.bulk_actions.delete import DeleteBulkAction
from wagtail.users.views.bulk_actions.set_active_state import SetActiveStateBulkAction

from lms.accounts.services import people_set_active
from lms.accounts.trackers import people_changing


class PersonDeleteAction(DeleteAction):
    """The admin's delete button for one person."""

    def _delete(self):
        with people_changing({self.instance.pk}):
            return super()._delete()


class PeopleDeleteBulkAction(DeleteBulkAction):
    @classmethod
    def execute_action(cls, objects, model=None, **kwargs):
        with people_changing({person.pk for person in objects}):
            return super().execute_action(objects, model=model, **kwargs)


class PeopleSetActiveBulkAction(SetActiveStateBulkAction):
    @classmethod
    def execute_action(cls, objects, mark_as_active=False, model=None, **kwargs):
        user = kwargs.get("user")  # nobody deactivates themselves here
        ids = {person.pk for person in objects if user is None or person.pk != user.pk}
        return people_set_active(user_ids=ids, active=mark_as_active), 0
