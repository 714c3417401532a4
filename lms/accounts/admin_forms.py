"""Forms used in the Wagtail admin for people and org units."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.users.forms import UserCreationForm, UserEditForm

from lms.accounts.models import JobRole, OrgUnit, RoleAssignment


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

    def _save_job_roles(self, user):
        wanted = set(self.cleaned_data.get("job_roles") or [])
        RoleAssignment.objects.filter(user=user).exclude(job_role__in=wanted).delete()
        for role in wanted:
            RoleAssignment.objects.get_or_create(user=user, job_role=role)

    def save(self, commit=True):
        with transaction.atomic():
            user = super().save(commit=commit)
            if commit:
                self._save_job_roles(user)
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
        unit = self.instance
        with transaction.atomic():
            if unit.pk is None:
                if parent is None:
                    return OrgUnit.add_root(instance=unit)
                parent.refresh_from_db()
                return parent.add_child(instance=unit)
            unit.save()
            current = unit.get_parent()
            if (current.pk if current else None) != (parent.pk if parent else None):
                if parent is None:
                    unit.move(OrgUnit.get_first_root_node(), pos="sorted-sibling")
                else:
                    parent.refresh_from_db()
                    unit.move(parent, pos="sorted-child")
        return unit


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
