from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from lms.packages.forms import ContentPackageForm
from lms.packages.models import ContentPackage
from lms.packages.safezip import PackageError


class PackageErrorsAsFormErrors:
    """A package that fails only while it is unpacked (damaged data that the checks before
    could not see) is a form error like any other: Wagtail's transaction is rolled back and
    the import has removed what it wrote."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except PackageError as error:
            form.add_error("upload", str(error))
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class ContentPackageCreateView(PackageErrorsAsFormErrors, CreateView):
    pass


class ContentPackageEditView(PackageErrorsAsFormErrors, EditView):
    pass


class ContentPackageViewSet(SnippetViewSet):
    model = ContentPackage
    icon = "folder-open-inverse"
    menu_label = _("Content packages")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", "kind", Column("file_count", label=_("Files")), "created_at"]
    search_fields = ["title"]
    add_view_class = ContentPackageCreateView
    edit_view_class = ContentPackageEditView
    edit_handler = ObjectList(
        [FieldPanel("title"), FieldPanel("upload")], base_form_class=ContentPackageForm
    )


register_snippet(ContentPackageViewSet)
