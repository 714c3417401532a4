"""Where package files live: ``STORAGES["packages"]``, never under ``MEDIA_ROOT``/``MEDIA_URL``.

A package's HTML and scripts must run only where ``/content/files/`` serves them (a CSP
sandbox, or ``QD_CONTENT_ORIGIN``). Media is served as it is, on the platform's origin
(``make run`` serves ``/media/`` itself): a package file there ran with the learner's
session and could read ``/me/export.json``. So the unpacked files and the uploaded zip
go to a storage of their own that nothing else serves.
"""

from pathlib import Path

from django.conf import settings
from django.core import checks
from django.core.files.storage import FileSystemStorage, InvalidStorageError, storages
from django.utils.functional import LazyObject, empty

ALIAS = "packages"


class _PackageStorage(LazyObject):
    def _setup(self):
        self._wrapped = storages[ALIAS]


files = _PackageStorage()


def package_storage():
    """The storage of package files; also the ``storage`` callable of the upload field."""
    return files


def forget_storage() -> None:
    """Build the storage again on next use (after ``STORAGES`` changed, in tests)."""
    files._wrapped = empty


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


@checks.register(checks.Tags.security)
def check_package_storage(app_configs=None, **kwargs):
    """Package files must not be reachable through media (same folder or same URLs)."""
    try:
        packages = storages[ALIAS]
    except InvalidStorageError:
        return [
            checks.Error(
                'STORAGES has no "packages" entry.',
                hint="Give package files a storage of their own (see README, Production).",
                id="packages.E002",
            )
        ]
    if isinstance(packages, FileSystemStorage):
        location = Path(packages.location).resolve()
        media_root = Path(settings.MEDIA_ROOT).resolve()
        if _inside(location, media_root):
            return [
                checks.Error(
                    f"Package files ({location}) are stored in MEDIA_ROOT "
                    f"({media_root}), where /media/ would serve them on the platform's origin.",
                    hint='Point STORAGES["packages"] (PACKAGE_ROOT) at a folder outside '
                    "MEDIA_ROOT.",
                    id="packages.E001",
                )
            ]
        return []
    try:
        same = packages.url("probe") == storages["default"].url("probe")
    except Exception:  # a backend without URLs cannot be compared
        return []
    if same:
        return [
            checks.Error(
                "Package files and media share one place (the same URLs).",
                hint='Give STORAGES["packages"] a private bucket or location of its own '
                "(PACKAGE_STORAGE_OPTIONS).",
                id="packages.E001",
            )
        ]
    return []
