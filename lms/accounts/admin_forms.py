"""Forms used in the Wagtail admin for people, org units and identity providers."""

import re

from allauth.socialaccount.models import SocialApp
from django import forms
from django.apps import apps
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.users.forms import UserCreationForm, UserEditForm

from lms.accounts.models import JobRole, OrgUnit
from lms.accounts.services import org_unit_create, org_unit_update, person_save


class _PersonFieldsMixin(forms.Form):
    job_roles = forms.ModelMultipleChoiceField(
        label=_("Job roles"),
        queryset=JobRole.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def _init_job_roles(self):
        if self.instance.pk:
            self.fields["job_roles"].initial = list(
                self.instance.role_assignments.values_list("job_role_id", flat=True)
            )

    def save(self, commit=True):
        user = super().save(commit=False)  # sets the password on the instance
        if commit:
            with transaction.atomic():
                person_save(user=user, job_roles=list(self.cleaned_data.get("job_roles") or []))
                self.save_m2m()  # groups
        return user


class PersonCreationForm(_PersonFieldsMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | {"org_unit", "personnel_number"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._init_job_roles()


class PersonEditForm(_PersonFieldsMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | {"org_unit", "personnel_number"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._init_job_roles()


class OrgUnitForm(WagtailAdminModelForm):
    """Org units live in a tree, so creating one means adding it under a parent."""

    parent = forms.ModelChoiceField(
        label=_("Parent unit"),
        queryset=OrgUnit.objects.order_by("path"),
        required=False,
        help_text=_("Leave empty only for the agency at the top of the tree."),
    )

    class Meta:
        model = OrgUnit
        fields = ["name", "code", "kind"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["parent"].initial = self.instance.get_parent()
            subtree = OrgUnit.objects.filter(path__startswith=self.instance.path)
            self.fields["parent"].queryset = OrgUnit.objects.exclude(pk__in=subtree).order_by(
                "path"
            )

    def save(self, commit=True):
        parent = self.cleaned_data.get("parent")
        values = {name: self.cleaned_data[name] for name in ("code", "name", "kind")}
        if self.instance.pk is None:
            if parent is not None:
                parent.refresh_from_db()  # treebeard reads the parent's path and child count
            return org_unit_create(parent=parent, **values)
        # The instance already holds the form's values; the service compares with the row.
        unit = OrgUnit.objects.get(pk=self.instance.pk)
        return org_unit_update(unit=unit, parent=parent, **values)


class OrganisationImportForm(forms.Form):
    KIND_CHOICES = [("org_units", _("Org units")), ("people", _("People"))]

    kind = forms.ChoiceField(label=_("What the file contains"), choices=KIND_CHOICES)
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8, comma or semicolon separated, with a header row. At most 10 MB."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 10 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return upload


class IdentityProviderForm(WagtailAdminModelForm):
    """An identity provider for single sign-on (allauth's social application). The client
    secret is never shown again; left empty on a change, it stays as it was."""

    provider = forms.ChoiceField(label=_("Protocol"), choices=[])
    secret = forms.CharField(
        label=_("Client secret"),
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Left empty when changing a provider: the stored secret stays."),
    )

    class Meta:
        model = SocialApp
        fields = ["provider", "provider_id", "name", "client_id", "secret", "settings"]
        help_texts = {
            "settings": _(
                'E.g. {"server_url": "https://idp.example.org/realms/agency", "scope": '
                '["openid", "profile", "email"], "claims": {"org_unit": "department"}, '
                '"link_by_email": false} (docs/IDENTITY.md).'
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("openid_connect", "OpenID Connect")]
        if apps.is_installed("allauth.socialaccount.providers.saml"):
            choices.append(("saml", "SAML 2.0"))
        self.fields["provider"].choices = choices

    def clean_provider_id(self):
        provider_id = self.cleaned_data["provider_id"].strip()
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,49}", provider_id):
            raise forms.ValidationError(
                _("Use lower-case letters, digits, hyphens and underscores only.")
            )
        return provider_id

    def clean_settings(self):
        settings = self.cleaned_data.get("settings") or {}
        if not isinstance(settings, dict):
            raise forms.ValidationError(_("The settings must be a JSON object."))
        if self.data.get("provider") == "saml":
            idp = settings.get("idp")
            if not isinstance(idp, dict) or not (
                str(idp.get("metadata_url", "")).startswith(("https://", "http://"))
                and idp.get("entity_id")
            ):
                raise forms.ValidationError(
                    _('SAML needs "idp" with "metadata_url" and "entity_id".')
                )
        elif not str(settings.get("server_url", "")).startswith(("https://", "http://")):
            raise forms.ValidationError(
                _('The settings need the identity provider\'s address as "server_url".')
            )
        if not isinstance(settings.get("claims", {}), dict):
            raise forms.ValidationError(_('"claims" must map field names to claim names.'))
        return settings

    def save(self, commit=True):
        if not self.cleaned_data.get("secret") and self.instance.pk:
            self.instance.secret = SocialApp.objects.get(pk=self.instance.pk).secret
        return super().save(commit=commit)
