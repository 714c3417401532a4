"""Listing columns for the Wagtail admin that read as German as the rest of it."""

from django.utils.text import capfirst
from django.utils.translation import gettext
from wagtail.admin.ui.tables import Column


class YesNoColumn(Column):
    """A boolean field as "Ja"/"Nein": Wagtail lists a model's boolean as "True"/"False"."""

    def __init__(self, model, name, **kwargs):
        kwargs.setdefault("label", capfirst(model._meta.get_field(name).verbose_name))
        super().__init__(name, **kwargs)

    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None:
            return "–"
        return gettext("Yes") if value else gettext("No")
