"""Wagtail admin bulk actions on people, through the services.

Wagtail deletes many people and sets their active flag with queryset writes that no
service sees; these replacements call the services (erasure, the trackers). Deleting one
person is handled by the ``before_delete_user`` hook in ``wagtail_hooks.py``, which
erases. Registered in ``wagtail_hooks.py``.
"""

from wagtail.users.views.bulk_actions.delete import DeleteBulkAction
from wagtail.users.views.bulk_actions.set_active_state import SetActiveStateBulkAction

from lms.accounts.services import (
    audit_log,
    person_deactivate,
    person_erase,
    person_reactivate,
)


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
        # A leaver loses access at once (sessions, launch credentials), as through SCIM.
        changed = 0
        for person in objects:
            if (user is not None and person.pk == user.pk) or person.is_active == mark_as_active:
                continue
            if mark_as_active:
                person_reactivate(user=person, actor=user, source="admin")
            else:
                person_deactivate(user=person, actor=user, source="admin")
            changed += 1
        return changed, 0
