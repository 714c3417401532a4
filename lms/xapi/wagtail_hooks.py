"""Admin for the LRS: client credentials and forwarding endpoints (Administrators only)."""

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import (
    CreateView,
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from lms.accounts.admin_columns import YesNoColumn
from lms.xapi import egress
from lms.xapi.forwarding import endpoints_with_lag, error_text
from lms.xapi.models import ForwardingEndpoint, LRSClient
from lms.xapi.selectors import lrs_clients_managed
from lms.xapi.services import lrs_client_create


class LRSClientForm(WagtailAdminModelForm):
    class Meta:
        model = LRSClient
        fields = ["name", "read_only", "is_active", "expires_at"]


class LRSClientCreateView(CreateView):
    """Creates the client through the service and shows the secret exactly once."""

    def save_instance(self):
        data = self.form.cleaned_data
        client, secret = lrs_client_create(
            name=data["name"], read_only=data["read_only"], expires_at=data.get("expires_at")
        )
        if not data.get("is_active", True):
            client.is_active = False
            client.save(update_fields=["is_active"])
        self.secret = secret
        return client

    def get_success_message(self, instance):
        return format_html(
            _(
                "LRS client “{name}” created. Key: <code>{key}</code> – secret: <code>{secret}"
                "</code>. Copy the secret now: it is stored only as a digest and cannot be "
                "shown again."
            ),
            name=instance.name,
            key=instance.key,
            secret=self.secret,
        )


class ManagedClientsOnly:
    def get_object_list(self):
        return lrs_clients_managed()


class LRSClientChooseView(ManagedClientsOnly, ChooseView):
    pass


class LRSClientChooseResultsView(ManagedClientsOnly, ChooseResultsView):
    pass


class LRSClientChooserViewSet(SnippetChooserViewSet):
    choose_view_class = LRSClientChooseView
    choose_results_view_class = LRSClientChooseResultsView


class LRSClientViewSet(SnippetViewSet):
    model = LRSClient
    icon = "key"
    menu_label = _("LRS clients")
    form_fields = ["name", "read_only", "is_active", "expires_at"]
    list_display = [
        "name",
        "key",
        YesNoColumn(LRSClient, "read_only"),
        YesNoColumn(LRSClient, "is_active"),
        "expires_at",
        "created_at",
    ]
    list_filter = ["read_only", "is_active"]
    search_fields = ["name", "key"]
    add_view_class = LRSClientCreateView
    chooser_viewset_class = LRSClientChooserViewSet

    def get_queryset(self, request):
        # Each package launch issues a scoped client; listing them buried the real ones.
        return lrs_clients_managed()

    def get_form_class(self, for_update=False):
        return LRSClientForm


class ForwardingEndpointForm(WagtailAdminModelForm):
    url = forms.URLField(
        label=_("statements endpoint base URL"),
        max_length=500,
        assume_scheme="https",
        help_text=_(
            "https to a public address, e.g. https://lrs.example.org/xapi. Plain http and "
            "internal addresses only for hosts the operator has allowed."
        ),
    )
    password = forms.CharField(
        label=_("password (secret)"),
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Leave empty to keep the current password."),
    )

    class Meta:
        model = ForwardingEndpoint
        fields = [
            "name",
            "url",
            "username",
            "version",
            "verbs",
            "is_active",
            "batch_size",
            "retry_base_seconds",
        ]

    def clean_url(self):
        # The same rules apply again on every send, with the addresses resolved then.
        url = self.cleaned_data["url"]
        try:
            egress.validate_target(url)
        except egress.RefusedTarget as error:
            raise forms.ValidationError(error.message, code="target_refused") from None
        return url

    def save(self, commit=True):
        # Stored encrypted by the model; an empty field keeps the current secret.
        if self.cleaned_data.get("password"):
            self.instance.password = self.cleaned_data["password"]
        return super().save(commit=commit)


class ForwardingIndexView(IndexView):
    def get_base_queryset(self):
        return endpoints_with_lag()


class ForwardingEndpointViewSet(SnippetViewSet):
    model = ForwardingEndpoint
    icon = "redirect"
    menu_label = _("Forwarding")
    index_view_class = ForwardingIndexView
    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("username"),
        FieldPanel("password"),
        FieldPanel("version"),
        FieldPanel("verbs"),
        FieldPanel("is_active"),
        FieldPanel("batch_size"),
        FieldPanel("retry_base_seconds"),
    ]
    list_display = [
        "name",
        "url",
        YesNoColumn(ForwardingEndpoint, "is_active"),
        Column("pending", label=_("Waiting statements")),
        Column("lag", label=_("Lag (oldest waiting)")),
        Column("consecutive_failures", label=_("Failures in a row")),
        "last_success_at",
        "last_failure_at",
        Column(
            "last_error",
            label=_("Last error"),
            accessor=lambda endpoint: error_text(endpoint.last_error),
        ),
    ]
    search_fields = ["name", "url"]

    def get_form_class(self, for_update=False):
        return ForwardingEndpointForm


class LRSGroup(SnippetViewSetGroup):
    items = (LRSClientViewSet, ForwardingEndpointViewSet)
    menu_icon = "code"
    menu_label = _("Learning Record Store")
    menu_name = "lrs"
    menu_order = 600


register_snippet(LRSGroup)
