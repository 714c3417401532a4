import time

from django.core.management.base import BaseCommand

from competencies.projection import profiles_rebuild_from_evidence


class Command(BaseCommand):
    help = (
        "Recompute every competency profile and the gap counts from the evidence table "
        "(set-based; 'rebuild_projections' replays the whole statement log instead)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--chunk-people", type=int, default=5000)

    def handle(self, *args, chunk_people, **options):
        started = time.monotonic()

        def progress(done, total):
            self.stdout.write(f"{100 * done // total:3d} % of people ({done}/{total} ids)")

        count = profiles_rebuild_from_evidence(chunk_people=chunk_people, progress=progress)
        self.stdout.write(f"{count} profiles in {time.monotonic() - started:.1f} s.")
