from django.core.management.base import BaseCommand

from lms.xapi.services import projections_rebuild


class Command(BaseCommand):
    help = "Reset every projection and replay the statement log (non-voided, in stored order)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=1000)

    def handle(self, *args, batch_size, **options):
        count = projections_rebuild(batch_size=batch_size)
        self.stdout.write(f"Replayed {count} statements through the projections.")
