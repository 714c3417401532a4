"""The admin form for uploading a content package: checks run before anything is stored."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from lms.packages import services
from lms.packages.safezip import PackageError


class ContentPackageForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.for_user = for_user
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Leave empty to use the title from the package.")
        # No link to the stored zip: package files are never served from a storage URL.
        self.fields["upload"].widget = forms.FileInput(attrs={"accept": ".zip,.xml"})
        help_text = _(
            "A zip of a Tin Can package (with tincan.xml) or a cmi5 package (with cmi5.xml), "
            "at the top of the zip or in a single folder; a SCORM 1.2 or 2004 package (with "
            "imsmanifest.xml at the top of the zip); or a cmi5.xml on its own whose units "
            "are all served from elsewhere (absolute https:// addresses)."
        )
        if self.instance.pk:
            help_text = f"{help_text} {_('Leave empty to keep the current package.')}"
        self.fields["upload"].help_text = help_text

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload is None or "upload" not in self.changed_data:
            return upload
        if upload.size > services.limits().max_total_bytes:
            raise forms.ValidationError(_("The zip file is too large."))
        try:
            services.package_inspect(upload=upload)
        except PackageError as error:
            raise forms.ValidationError(str(error)) from None
        return upload

    def save(self, commit=True):
        """Import a new upload (``PackageError`` if it fails while unpacking, see the admin
        views), or just rename."""
        package = super().save(commit=False)
        if "upload" in self.changed_data:
            return services.package_import(
                package=package, upload=self.cleaned_data["upload"], uploaded_by=self.for_user
            )
        if commit:
            package.save(update_fields=["title"])
        return package
