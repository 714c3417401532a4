from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from competencies.formats import FormatProblem
from competencies.services import framework_import_file, import_job_create


class Command(BaseCommand):
    help = (
        "Import a competency framework: DigComp 3.0 JSON-LD, IMS CASE 1.0 JSON or the "
        "documented CSV (format detected). Re-importing updates by identifier; a broken "
        "file is reported with the location of the problem and nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--key", default="", help="framework key, e.g. 'digcomp'")
        parser.add_argument(
            "--background",
            action="store_true",
            help="queue the import as a Celery task and print the job id",
        )

    def handle(self, *args, path, key, background, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"{path}: no such file")
        content = file.read_bytes()
        if background:
            job = import_job_create(user=None, file_name=file.name, content=content, key=key)
            self.stdout.write(f"queued import job {job.pk}")
            return

        def progress(done, total, label):
            if options.get("verbosity", 1) > 1:
                self.stdout.write(f"  {done}/{total} {label}")

        try:
            result = framework_import_file(
                name=file.name, content=content, key=key or None, progress=progress
            )
        except FormatProblem as problem:
            raise CommandError(f"{file.name}: {problem} — nothing was imported") from problem
        self.stdout.write(
            self.style.SUCCESS(f"{result.framework} ({result.framework.key}): {result.summary()}")
        )
