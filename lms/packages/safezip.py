"""Safe unpacking of uploaded zip packages: pure checks, then an all-or-nothing extraction.

``inspect_zip`` rejects, before anything is written, archives with absolute paths, ``..``
segments, drive letters or backslashes, symbolic links and other special files, duplicate
names, too many files, too much uncompressed data or a suspicious compression ratio (zip
bombs). ``extract_zip`` then copies the members into a storage prefix while counting the
bytes actually decompressed (the sizes in the zip headers can lie) and removes everything
it wrote if anything goes wrong.
"""

import contextlib
import stat
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

CHUNK = 64 * 1024


@dataclass(frozen=True)
class Limits:
    max_total_bytes: int
    max_files: int
    max_ratio: int
    max_file_bytes: int


class PackageError(ValueError):
    """The package cannot be accepted; the message is shown to the trainer."""


def _safe_name(name: str) -> str:
    if not name or "\\" in name or "\x00" in name:
        raise PackageError(
            _("The package contains an invalid file name: %(name)s") % {"name": name}
        )
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise PackageError(_("The package contains an absolute path: %(name)s") % {"name": name})
    parts = PurePosixPath(name).parts
    if any(part in ("..", ".") for part in parts) or ".." in name.split("/"):
        raise PackageError(
            _("The package contains a path that leaves its folder: %(name)s") % {"name": name}
        )
    return "/".join(parts)


def _is_special(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    if not mode:
        return False
    file_type = stat.S_IFMT(mode)
    return file_type not in (0, stat.S_IFREG, stat.S_IFDIR)


def inspect_zip(archive: zipfile.ZipFile, limits: Limits) -> list[zipfile.ZipInfo]:
    """The regular file members of ``archive``, or ``PackageError`` if it is not safe."""
    infos = archive.infolist()
    files = []
    seen = set()
    total = 0
    for info in infos:
        name = _safe_name(info.filename)
        if _is_special(info):
            raise PackageError(
                _("The package contains a link or special file: %(name)s") % {"name": name}
            )
        if info.flag_bits & 0x1:
            raise PackageError(_("Encrypted packages are not supported."))
        if info.is_dir():
            continue
        key = name.lower()
        if key in seen:
            raise PackageError(_("The package contains a file twice: %(name)s") % {"name": name})
        seen.add(key)
        files.append(info)
        if len(files) > limits.max_files:
            raise PackageError(
                _("The package contains more than %(count)d files.") % {"count": limits.max_files}
            )
        if info.file_size > limits.max_file_bytes:
            raise PackageError(_("The file %(name)s is too large.") % {"name": name})
        total += info.file_size
        if total > limits.max_total_bytes:
            raise PackageError(
                _("The unpacked package would be larger than %(mb)d MB.")
                % {"mb": limits.max_total_bytes // (1024 * 1024)}
            )
        if info.file_size > CHUNK and info.file_size > limits.max_ratio * max(
            info.compress_size, 1
        ):
            raise PackageError(
                _("The file %(name)s is compressed suspiciously well (zip bomb?).") % {"name": name}
            )
    if not files:
        raise PackageError(_("The package is empty."))
    return files


def extract_zip(archive, members, *, storage, prefix: str, limits: Limits) -> list[str]:
    """Copy ``members`` below ``prefix`` in ``storage``; all or nothing. Returns the names."""
    written: list[str] = []
    total = 0
    try:
        for info in members:
            name = _safe_name(info.filename)
            data = bytearray()
            with archive.open(info) as source:
                while chunk := source.read(CHUNK):
                    data.extend(chunk)
                    total += len(chunk)
                    if len(data) > info.file_size or len(data) > limits.max_file_bytes:
                        raise PackageError(
                            _("The file %(name)s is larger than its header says.") % {"name": name}
                        )
                    if total > limits.max_total_bytes:
                        raise PackageError(
                            _("The unpacked package would be larger than %(mb)d MB.")
                            % {"mb": limits.max_total_bytes // (1024 * 1024)}
                        )
            target = f"{prefix}/{name}"
            saved = storage.save(target, ContentFile(bytes(data)))
            written.append(saved)
            if saved != target:
                raise PackageError(_("The file %(name)s could not be stored.") % {"name": name})
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as error:
        delete_files(storage, written)
        raise PackageError(_("The zip file is damaged or uses an unsupported format.")) from error
    except BaseException:
        delete_files(storage, written)
        raise
    return written


def delete_files(storage, names) -> None:
    for name in names:
        with contextlib.suppress(OSError):
            storage.delete(name)
