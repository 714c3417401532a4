from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.packages.forms import ContentPackageForm
from lms.packages.models import ContentPackage


class ContentPackageViewSet(SnippetViewSet):
    model = ContentPackage
    icon = "folder-open-inverse"
    menu_label = _("Content packages")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", "kind", "file_count", "created_at"]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [FieldPanel("title"), FieldPanel("upload")], base_form_class=ContentPackageForm
    )


register_snippet(ContentPackageViewSet)
