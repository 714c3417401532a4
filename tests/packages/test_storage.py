"""Package files live in a storage of their own, never under MEDIA_ROOT / MEDIA_URL."""

import shutil
from pathlib import Path

import pytest
from django.core import checks
from django.core.management import call_command

from lms.packages.models import ContentPackage


def _files(root) -> list[Path]:
    root = Path(root)
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


@pytest.mark.urls("tests.packages.media_urls")
def test_package_files_are_not_served_under_media(client, make_package, settings):
    """A package's script on the platform's origin could read the learner's data."""
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    (media / "bild.txt").write_text("ein Bild", encoding="utf-8")
    assert client.get("/media/bild.txt").status_code == 200  # media itself is served

    package = make_package()

    assert _files(media) == [media / "bild.txt"]
    for name in (f"{package.content_prefix}/index.html", package.upload.name):
        assert client.get(f"/media/{name}").status_code == 404, name
    played = client.get(f"/content/files/{package.uuid}/index.html")
    assert played.status_code == 200
    assert played["Content-Security-Policy"].startswith("sandbox ")
    assert b"Datenschutz" in b"".join(played.streaming_content)


def test_package_files_and_upload_are_in_the_package_storage(make_package, package_storage):
    package = make_package()
    stored = {path.relative_to(package_storage).as_posix() for path in _files(package_storage)}
    assert f"{package.content_prefix}/index.html" in stored
    assert package.upload.name in stored


def test_packages_uploaded_before_are_moved_out_of_media(
    client, make_package, package_storage, settings
):
    """Packages stored under media by earlier versions: ``move_package_files`` (also run by
    the migration) moves them; the names stay, so the database needs no change."""
    package = make_package()
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    shutil.move(package_storage / "packages", media / "packages")
    (media / "bild.txt").write_text("ein Bild", encoding="utf-8")
    assert client.get(f"/content/files/{package.uuid}/index.html").status_code == 404

    call_command("move_package_files", verbosity=0)

    assert _files(media) == [media / "bild.txt"]
    assert client.get(f"/content/files/{package.uuid}/index.html").status_code == 200
    assert ContentPackage.objects.get().upload.read()[:2] == b"PK"
    call_command("move_package_files", verbosity=0)  # idempotent
    assert client.get(f"/content/files/{package.uuid}/lesson.js").status_code == 200


def test_a_half_finished_move_is_completed(make_package, package_storage, settings):
    package = make_package()
    media = Path(settings.MEDIA_ROOT)
    shutil.copytree(package_storage / "packages", media / "packages")
    index = package_storage / package.content_prefix / "index.html"
    index.write_bytes(index.read_bytes()[:10])  # copy cut off by an earlier, failed run

    call_command("move_package_files", verbosity=0)

    assert _files(media) == []
    assert b"Datenschutz" in index.read_bytes()


def test_system_check_refuses_package_storage_under_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "packages": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media" / "pakete"},
        },
    }
    errors = [e for e in checks.run_checks() if e.id == "packages.E001"]
    assert errors and errors[0].level == checks.ERROR
    settings.STORAGES = {
        **settings.STORAGES,
        "packages": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "package_files"},
        },
    }
    assert not [e for e in checks.run_checks() if e.id.startswith("packages.")]
