from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lms.accounts.imports import CSVImportError, import_people


class Command(BaseCommand):
    help = (
        "Import people from CSV (email,first_name,last_name,org_unit_code,job_roles,groups). "
        "All rows or none."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path, **options):
        try:
            result = import_people(path.read_bytes())
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from exc
        except CSVImportError as exc:
            raise CommandError(f"Nothing imported.\n{exc}") from exc
        self.stdout.write(f"People: {result.created} created, {result.updated} updated.")
