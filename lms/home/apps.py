from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "lms.home"
    label = "home"
    verbose_name = _("Home")

    def ready(self):
        from django.core.cache import cache
        from django.db.models.signals import post_delete
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished

        from lms.accounts.groups import register_group_permissions
        from lms.home import admin_csp
        from lms.home.templatetags.home_tags import FOOTER_CACHE_KEY

        admin_csp.install()

        def forget_footer(sender, **kwargs):
            if sender is Page or issubclass(sender, Page):
                cache.delete(FOOTER_CACHE_KEY)

        page_published.connect(forget_footer, weak=False, dispatch_uid="home-footer-published")
        page_unpublished.connect(forget_footer, weak=False, dispatch_uid="home-footer-unpublished")
        post_delete.connect(forget_footer, weak=False, dispatch_uid="home-footer-deleted")
        register_group_permissions(
            "Administrator",
            ["home.view_accessibilityfeedback", "home.delete_accessibilityfeedback"],
        )
