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

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload is None or "upload" not in self.changed_data:
            return upload
        if upload.size > services.limits().max_total_bytes:
            raise forms.ValidationError(_("The zip file is too large."))
        try:
            self._inspected = services.package_inspect(upload=upload)
        except PackageError as error:
            raise forms.ValidationError(str(error)) from None
        return upload

    def save(self, commit=True):
        package = super().save(commit=False)
        if "upload" in self.changed_data:
            upload = self.cleaned_data["upload"]
            package.upload.save(upload.name.rsplit("/", 1)[-1], upload, save=False)
            try:
                return services.package_import(
                    package=package, upload=upload, uploaded_by=self.for_user
                )
            except PackageError as error:
                # Checked in clean_upload already; only a race or a lying header gets here.
                self.add_error("upload", str(error))
                raise
        if commit:
            package.save(update_fields=["title"])
        return package
