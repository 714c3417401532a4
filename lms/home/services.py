import logging

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext
from wagtail.models import Locale, Page, Site

from lms.home.models import AccessibilityFeedback, HomePage

logger = logging.getLogger(__name__)

HOME_INTRO = (
    "Die Lern- und Kompetenzplattform für die öffentliche Verwaltung: Datenkompetenz aufbauen, "
    "automatisierte Entscheidungen erklären können und Qualifizierung an echten "
    "Kompetenzlücken planen."
)


@transaction.atomic
def site_root_ensure() -> HomePage:
    """Make sure the page tree has a root, the home page and a default site pointing at it.

    Migrations create these; this repairs a tree that was emptied (e.g. by a database
    flush) and is safe to call at any time.
    """
    home = HomePage.objects.first()
    if home is None:
        locale = (
            Locale.get_default()
            if Locale.objects.exists()
            else Locale.objects.create(language_code="de")
        )
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=locale)
        )
        home = root.add_child(
            instance=HomePage(
                title="Qualifica Digitalis", slug="home", intro=HOME_INTRO, locale=locale
            )
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save(update_fields=["root_page"])
    return home


# Accessibility feedback (§ 12b Abs. 2 Nr. 2 BGG) ---------------------------------------------


def accessibility_feedback_allowed(*, client: str) -> bool:
    """At most ``QD_ACCESSIBILITY_FEEDBACK_RATE`` (count, seconds) submissions per client
    address; a cache that is down lets feedback through rather than lose it."""
    count, seconds = settings.QD_ACCESSIBILITY_FEEDBACK_RATE
    key = f"qd:a11y-feedback:{client}"
    try:
        cache.add(key, 0, timeout=seconds)
        return cache.incr(key) <= count
    except Exception:
        logger.warning("Accessibility feedback rate limit skipped: the cache is unreachable.")
        return True


def accessibility_feedback_submit(*, form) -> AccessibilityFeedback:
    """Store the feedback, then send it to ``QD_ACCESSIBILITY_FEEDBACK_EMAIL``.

    The record is kept even when the mail fails (it is marked as not forwarded, and the
    administrators see it in the admin), so no report is lost.
    """
    with transaction.atomic():
        feedback = form.save()
    try:
        _feedback_mail(feedback)
    except Exception:
        logger.exception("Accessibility feedback %s not forwarded by e-mail", feedback.pk)
        return feedback
    feedback.forwarded = True
    feedback.save(update_fields=["forwarded"])
    return feedback


def _feedback_mail(feedback: AccessibilityFeedback) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        lines = [
            gettext("Accessibility feedback received on %(date)s:")
            % {
                "date": formats.date_format(
                    timezone.localtime(feedback.received_at), "DATETIME_FORMAT"
                )
            },
            "",
            feedback.message,
            "",
            gettext("Page concerned: %(page)s") % {"page": feedback.page or "–"},
            gettext("Name: %(name)s") % {"name": feedback.name or "–"},
            gettext("E-mail address: %(email)s") % {"email": feedback.email or "–"},
            "",
            gettext("Please answer within one month (§ 12b Abs. 4 BGG)."),
        ]
        EmailMessage(
            subject=gettext("Accessibility feedback"),
            body="\n".join(lines),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[settings.QD_ACCESSIBILITY_FEEDBACK_EMAIL],
            reply_to=[feedback.email] if feedback.email else None,
        ).send()
