"""Forms used in the Wagtail admin for people and org units."""

from django import forms
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
