from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HomePage(Page):
    """The site root: a welcome for visitors, a way in for learners."""

    intro = models.CharField(_("intro"), max_length=300, blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    max_count = 1

    class Meta:
        verbose_name = _("home page")


class SignLanguageVideoBlock(blocks.StructBlock):
    """A video in German Sign Language (DGS), with captions and a download (BITV 2.0 Anlage 2)."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    video_file = DocumentChooserBlock(
        label=_("Video file"),
        required=False,
        help_text=_("An MP4 or WebM file; it is also offered for download."),
    )
    captions = DocumentChooserBlock(
        label=_("Captions (WebVTT)"), required=False, help_text=_("A .vtt captions track.")
    )
    description = blocks.RichTextBlock(
        label=_("What the video explains"), required=False, features=TEXT_FEATURES
    )

    class Meta:
        icon = "media"
        label = _("Sign-language video")
        template = "home/blocks/sign_language_video.html"


class InformationPage(Page):
    """A page of general information (e.g. Leichte Sprache, sign language, legal notices).

    Pages shown in menus appear in the footer of every page.
    """

    body = StreamField(
        [
            ("text", blocks.RichTextBlock(label=_("Text"), features=TEXT_FEATURES)),
            ("sign_language_video", SignLanguageVideoBlock()),
        ],
        verbose_name=_("content"),
    )
    language = models.CharField(
        _("language of the content"),
        max_length=10,
        blank=True,
        help_text=_('Only when the content is not in the site language, e.g. "en".'),
    )

    content_panels = [*Page.content_panels, FieldPanel("body")]
    settings_panels = [*Page.settings_panels, FieldPanel("language")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")


class AccessibilityStatementPage(Page):
    """The accessibility statement (§ 12b BGG, § 7 BITV 2.0) with its feedback form and the
    enforcement procedure; the feedback goes to ``QD_ACCESSIBILITY_FEEDBACK_EMAIL``."""

    body = RichTextField(
        _("statement"),
        features=TEXT_FEATURES,
        help_text=_(
            "State of compliance, content that is not accessible and why, alternatives, and "
            "when and how the statement was prepared (EU model statement, 2018/1523)."
        ),
    )
    enforcement = RichTextField(
        _("enforcement procedure"),
        features=TEXT_FEATURES,
        help_text=_("When and how people can turn to the conciliation body (Schlichtungsstelle)."),
    )
    enforcement_name = models.CharField(_("conciliation body"), max_length=200)
    enforcement_url = models.URLField(_("conciliation body (link)"), max_length=500)

    content_panels = [
        *Page.content_panels,
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("enforcement"),
                FieldPanel("enforcement_name"),
                FieldPanel("enforcement_url"),
            ],
            heading=_("Enforcement procedure"),
        ),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("accessibility statement")

    def get_context(self, request, *args, **kwargs):
        from django.conf import settings

        from lms.home.forms import AccessibilityFeedbackForm

        context = super().get_context(request, *args, **kwargs)
        context["feedback_form"] = AccessibilityFeedbackForm()
        context["feedback_email"] = settings.QD_ACCESSIBILITY_FEEDBACK_EMAIL
        return context


class AccessibilityFeedback(models.Model):
    """A barrier someone reported, or a request for content in an accessible form."""

    message = models.TextField(_("message"), max_length=5000)
    page = models.CharField(_("page concerned"), max_length=500, blank=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address for the answer"), blank=True)
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)
    forwarded = models.BooleanField(_("forwarded by e-mail"), default=False)

    class Meta:
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")
        ordering = ["-received_at"]

    def __str__(self):
        return f"{self.received_at:%Y-%m-%d %H:%M} {self.message[:60]}"
