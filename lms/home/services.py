from django.db import transaction
from wagtail.models import Locale, Page, Site

from lms.home.models import HomePage

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
