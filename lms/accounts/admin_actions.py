"""Wagtail admin bulk actions on people, through the services.

Wagtail deletes many people and sets their active flag with queryset writes that no
service sees; these replacements call the services (erasure, the trackers). Deleting one
person is handled by the ``before_delete_user`` hook in ``wagtail_hooks.py``, which
erases. Registered in ``wagtail_hooks.py``.
"""

from wagtail.users.views.bulk_actions.delete import DeleteBulkAction
from wagtail.users.views.bulk_actions.set_active_state import SetActiveStateBulkAction

from lms.accounts.services import audit_log, people_set_active, person_erase


class PeopleDeleteBulkAction(DeleteBulkAction):
    """Deleting people is erasure (``person_erase``), one person at a time, each audited."""

    @classmethod
    def execute_action(cls, objects, model=None, user=None, **kwargs):
        for person in objects:
            audit_log(actor=user, action="person.deleted", subject=person)
            person_erase(user=person, actor=user)
        return len(objects), 0


class PeopleSetActiveBulkAction(SetActiveStateBulkAction):
    @classmethod
    def execute_action(cls, objects, mark_as_active=False, model=None, **kwargs):
        user = kwargs.get("user")  # nobody deactivates themselves here
        ids = {person.pk for person in objects if user is None or person.pk != user.pk}
        return people_set_active(user_ids=ids, active=mark_as_active), 0
