from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lms.accounts.imports import CSVImportError, import_org_units


class Command(BaseCommand):
    help = "Import org units from CSV (code,name,kind,parent_code). All rows or none."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path, **options):
        try:
            result = import_org_units(path.read_bytes())
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from exc
        except CSVImportError as exc:
            raise CommandError(f"Nothing imported.\n{exc}") from exc
        self.stdout.write(f"Org units: {result.created} created, {result.updated} updated.")
