from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError

from lms.packages import services
from lms.packages.safezip import PackageError


class Command(BaseCommand):
    help = (
        "Import a content package (SCORM 1.2 / 2004, cmi5 or Tin Can zip) and publish it as "
        "a unit of the course with the given slug. A refused package leaves nothing behind."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the package's zip file")
        parser.add_argument("--course", required=True, help="slug of the course page")
        parser.add_argument("--title", default="", help="title (default: the manifest's)")
        parser.add_argument("--slug", default="", help="slug of the unit page")

    def handle(self, *args, **options):
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        upload = SimpleUploadedFile(path.name, path.read_bytes(), content_type="application/zip")
        try:
            unit = services.unit_import(
                upload=upload,
                course_slug=options["course"],
                title=options["title"],
                slug=options["slug"],
            )
        except PackageError as error:
            raise CommandError(str(error)) from None
        package = unit.package
        self.stdout.write(
            f"Imported {package.get_kind_display()} “{package.title}” as {unit.url_path} "
            f"({len(package.aus) or 1} unit(s))."
        )
