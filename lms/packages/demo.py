"""Demo step: a small self-written German cmi5 exercise as an optional unit of a demo course.

The package is zipped from ``demo_content/`` and imported through ``package_create`` like
a trainer's upload. Idempotent: an existing package or unit is kept.
"""

import io
import zipfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Page

from lms.packages import services
from lms.packages.models import ContentPackage, ContentPackagePage

CONTENT = Path(__file__).resolve().parent / "demo_content"
PACKAGE_TITLE = "Übung: Datenqualität erkennen"
COURSE_SLUG = "datenqualitaet-und-bias"
UNIT_SLUG = "uebung-datenqualitaet-erkennen"


def zip_folder(root: Path) -> SimpleUploadedFile:
    """A folder of package files as the zip upload a trainer would make of it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(root).as_posix())
    return SimpleUploadedFile(f"{root.name}.zip", buffer.getvalue(), content_type="application/zip")


def load_packages_demo(stdout, *, personas, colleagues, course_slug: str = COURSE_SLUG):
    course = Page.objects.filter(slug=course_slug).live().first()
    if course is None:
        stdout.write(f"Content package demo skipped: no course {course_slug!r}.")
        return None
    package = ContentPackage.objects.filter(title=PACKAGE_TITLE).first()
    if package is None:
        package = services.package_create(
            title=PACKAGE_TITLE,
            upload=zip_folder(CONTENT / "datenqualitaet_uebung"),
            uploaded_by=personas.get("Trainer"),
        )
    unit = ContentPackagePage.objects.child_of(course).filter(slug=UNIT_SLUG).first()
    if unit is None:
        unit = ContentPackagePage(
            title=PACKAGE_TITLE,
            slug=UNIT_SLUG,
            package=package,
            required=False,
            intro=(
                "<p>Eine kurze interaktive Übung im cmi5-Format: Drei Fälle aus der "
                "Verwaltungspraxis, jeweils mit einer verletzten Qualitätsdimension.</p>"
            ),
        )
        course.add_child(instance=unit)
        unit.save_revision().publish()
    stdout.write(f"Content package demo: {package.title} in {course.title}.")
    return unit
