"""Wagtail admin writes to role targets, competencies and frameworks, through services.

Each of these changes what the gap counts hold, so the admin's form, delete button and
bulk delete call ``services.role_target_save`` / ``role_target_delete`` /
``competency_delete`` / ``framework_delete`` instead of saving or deleting the rows
themselves. Registered in ``wagtail_hooks.py``.
"""

from django.db import transaction
from wagtail.actions.delete import DeleteAction
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.log_actions import log
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction

from competencies.models import Competency, Framework, RoleProfile
from competencies.services import (
    competency_delete,
    framework_delete,
    role_target_delete,
    role_target_save,
)

DELETE_SERVICES = {
    RoleProfile: lambda target: role_target_delete(target=target),
    Competency: lambda competency: competency_delete(competency=competency),
    Framework: lambda framework: framework_delete(framework=framework),
}


class RoleProfileForm(WagtailAdminModelForm):
    class Meta:
        model = RoleProfile
        fields = ["job_role", "competency", "target_level", "importance"]

    def save(self, commit=True):
        if not commit:
            return super().save(commit=False)
        return role_target_save(target=self.instance)


class ServiceDeleteAction(DeleteAction):
    """The admin's delete button for one role target, competency or framework."""

    def _delete(self):
        with transaction.atomic():
            if self.log_action:
                log(instance=self.instance, action=self.log_action, user=self.user, deleted=True)
            DELETE_SERVICES[type(self.instance)](self.instance)


class ServiceDeleteBulkAction(DeleteBulkAction):
    models = list(DELETE_SERVICES)

    @classmethod
    def execute_action(cls, objects, **kwargs):
        for instance in objects:
            DELETE_SERVICES[type(instance)](instance)
        return len(objects), 0
