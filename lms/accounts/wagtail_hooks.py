from allauth.socialaccount.models import SocialApp
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from lms.accounts import admin_views
from lms.accounts.admin_actions import PeopleDeleteBulkAction, PeopleSetActiveBulkAction
from lms.accounts.admin_forms import IdentityProviderForm, OrgUnitForm
from lms.accounts.models import AuditLogEntry, JobRole, OrgUnit
from lms.accounts.selectors import user_is_administrator
from lms.accounts.services import audit_log, person_erase


class OrgUnitViewSet(SnippetViewSet):
    model = OrgUnit
    icon = "site"
    menu_label = _("Org units")
    list_display = ["name", "code", "kind", "depth"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    ordering = ["path"]

    def get_form_class(self, for_update=False):
        return OrgUnitForm


class JobRoleViewSet(SnippetViewSet):
    model = JobRole
    icon = "user"
    menu_label = _("Job roles")
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


class AuditLogViewSet(SnippetViewSet):
    model = AuditLogEntry
    icon = "history"
    menu_label = _("Audit log")
    list_display = ["created_at", "actor_label", "action", "subject_label"]
    list_filter = ["action"]
    search_fields = ["actor_label", "action", "subject_label"]
    inspect_view_enabled = True


class IdentityProviderViewSet(SnippetViewSet):
    """Single sign-on providers (allauth's social applications). Only superusers hold the
    model permissions: whoever configures a provider decides who may sign in as whom."""

    model = SocialApp
    icon = "key"
    menu_label = _("Identity providers")
    url_prefix = "identity-providers"
    list_display = ["name", "provider", "provider_id", "client_id"]

    def get_form_class(self, for_update=False):
        return IdentityProviderForm


class OrganisationGroup(SnippetViewSetGroup):
    items = (OrgUnitViewSet, JobRoleViewSet, AuditLogViewSet, IdentityProviderViewSet)
    menu_icon = "group"
    menu_label = _("Organisation")
    menu_name = "organisation"
    menu_order = 500


register_snippet(OrganisationGroup)


# Registered after Wagtail's own (order 0) for the same model and action type, so they
# replace them.
hooks.register("register_bulk_action", PeopleDeleteBulkAction, order=100)
hooks.register("register_bulk_action", PeopleSetActiveBulkAction, order=100)


@hooks.register("register_admin_urls")
def register_import_url():
    return [
        path(
            "organisation/import/",
            include(
                (
                    [path("", admin_views.organisation_import, name="organisation_import")],
                    "accounts_admin",
                ),
                namespace="accounts_admin",
            ),
        )
    ]


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return user_is_administrator(user=request.user)


@hooks.register("register_settings_menu_item")
def register_import_menu_item():
    return AdministratorMenuItem(
        _("Import organisation (CSV)"),
        reverse("accounts_admin:organisation_import"),
        icon_name="upload",
        order=900,
    )


# Wagtail's account page leaves password and e-mail address to allauth (settings); these
# items link to allauth's pages. Wagtail takes one item per hook function.
@hooks.register("register_account_menu_item")
def link_password_change(request):
    return {
        "url": reverse("account_change_password"),
        "label": _("Change password"),
        "help_text": _("Asks for your current password; then you sign in again."),
    }


@hooks.register("register_account_menu_item")
def link_email_addresses(request):
    return {
        "url": reverse("account_email"),
        "label": _("E-mail addresses"),
        "help_text": _("A new address is used only after it has been confirmed."),
    }


@hooks.register("register_account_menu_item")
def link_two_factor(request):
    return {
        "url": reverse("mfa_index"),
        "label": _("Two-factor authentication"),
        "help_text": _("Authenticator app and recovery codes."),
    }


def _person_snapshot(user) -> dict:
    return {
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "job_roles": sorted(user.role_assignments.values_list("job_role__code", flat=True)),
        "org_unit": user.org_unit.code if user.org_unit_id else None,
        "is_active": user.is_active,
        "is_superuser": user.is_superuser,
    }


@hooks.register("after_create_user")
def audit_user_created(request, user):
    audit_log(
        actor=request.user, action="person.created", subject=user, details=_person_snapshot(user)
    )


@hooks.register("after_edit_user")
def audit_user_edited(request, user):
    audit_log(
        actor=request.user, action="person.changed", subject=user, details=_person_snapshot(user)
    )


@hooks.register("before_delete_user")
def erase_deleted_person(request, user):
    """Deleting a person in the admin is erasure (``person_erase``), audited.

    Wagtail runs this hook for the confirmation page too: only the confirmed POST erases.
    Its permission checks have run by then.
    """
    if request.method != "POST":
        return None
    audit_log(
        actor=request.user, action="person.deleted", subject=user, details=_person_snapshot(user)
    )
    person_erase(user=user, actor=request.user)
    messages.success(request, _("The person and all of their data were erased."))
    return redirect("wagtailusers_users:index")
