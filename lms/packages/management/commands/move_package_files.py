from django.core.management.base import BaseCommand

from lms.packages.services import package_files_move_from_media


class Command(BaseCommand):
    help = (
        "Move content package files that earlier versions stored in media (packages/) to "
        "the package storage (STORAGES['packages']). The migration does the same; run this "
        "if media was not reachable then. Idempotent."
    )

    def handle(self, *args, **options):
        moved = package_files_move_from_media()
        self.stdout.write(f"{moved} package files moved out of media.")
