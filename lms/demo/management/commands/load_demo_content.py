from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lms.demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Create (or refresh) the demo agency, people, courses and results. Idempotent. "
        "Runs only with DEBUG on (make run), unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the demo although DEBUG is off (e.g. a demo server with production "
            "settings). Never on a live platform: the demo accounts share a published password.",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off, so this looks like a live platform: the demo would add accounts "
                "with a published password (staff accounts included). Nothing was changed. "
                "Use --force to load the demo anyway."
            )
        load_demo(self.stdout)
