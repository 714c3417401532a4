"""Safe unpacking of uploaded zip packages: pure checks, then an all-or-nothing extraction.

``inspect_zip`` rejects, before anything is written, archives with absolute paths, ``..``
segments, drive letters or backslashes (except as the folder separator of zips made on
Windows), over-long names, symbolic links and other special files, duplicate names, a
name used for a file and a folder, too many files, too much uncompressed data or a
suspicious compression ratio (zip bombs). ``extract_zip`` then copies the members into a
storage prefix while counting the bytes actually decompressed (the sizes in the zip
headers can lie) and removes everything it wrote if anything goes wrong.
"""

import contextlib
import lzma
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

CHUNK = 64 * 1024
MAX_NAME_CHARS = 1000
MAX_SEGMENT_BYTES = 255  # a file name on common file systems
# "Version made by" of MS-DOS/Windows (FAT), NTFS and VFAT: these zips may use "\\" as the
# folder separator (Windows PowerShell 5.1's Compress-Archive does).
WINDOWS_SYSTEMS = (0, 11, 14)
# What reading a damaged or unusual member can raise: bad CRC or header, corrupt deflate,
# LZMA or bzip2 data, an unsupported method, a truncated archive.
READ_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    NotImplementedError,
    EOFError,
    zlib.error,
    lzma.LZMAError,
    OSError,
    RuntimeError,
    ValueError,
)
# Left out of every package: what Finder and Explorer add to a zip on their own.
CLUTTER_FOLDERS = frozenset({"__macosx"})
CLUTTER_FILES = frozenset({".ds_store", "thumbs.db", "desktop.ini"})


@dataclass(frozen=True)
class Limits:
    max_total_bytes: int
    max_files: int
    max_ratio: int
    max_file_bytes: int


class PackageError(ValueError):
    """The package cannot be accepted; the message is shown to the trainer."""


def _safe_name(name: str) -> str:
    invalid = PackageError(
        _("The package contains an invalid file name: %(name)s") % {"name": name[:200]}
    )
    if not name or "\\" in name or "\x00" in name or len(name) > MAX_NAME_CHARS:
        raise invalid
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise PackageError(_("The package contains an absolute path: %(name)s") % {"name": name})
    parts = PurePosixPath(name).parts
    if any(part in ("..", ".") for part in parts) or ".." in name.split("/"):
        raise PackageError(
            _("The package contains a path that leaves its folder: %(name)s") % {"name": name}
        )
    if any(len(part.encode("utf-8", "surrogatepass")) > MAX_SEGMENT_BYTES for part in parts):
        raise invalid
    return "/".join(parts)


def member_name(info: zipfile.ZipInfo) -> str:
    """The checked name of a member (``PackageError`` if it is unsafe), without a final "/"."""
    name = info.filename
    if info.create_system in WINDOWS_SYSTEMS:
        name = name.replace("\\", "/")
    return _safe_name(name)


def _is_dir(info: zipfile.ZipInfo) -> bool:
    windows = info.create_system in WINDOWS_SYSTEMS
    return info.filename.endswith("/") or (windows and info.filename.endswith("\\"))


def is_clutter(name: str) -> bool:
    """``__MACOSX/…``, ``.DS_Store``, ``Thumbs.db``, ``desktop.ini``: not part of a package."""
    parts = name.lower().split("/")
    return parts[0] in CLUTTER_FOLDERS or parts[-1] in CLUTTER_FILES


def single_folder(names) -> str:
    """``"F/"`` if every name lies inside the one top-level folder F, else ``""``."""
    tops = {name.split("/", 1)[0] for name in names}
    if len(tops) == 1 and all("/" in name for name in names):
        return f"{tops.pop()}/"
    return ""


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
    folders = set()
    total = 0
    for info in infos:
        name = member_name(info)
        if _is_special(info):
            raise PackageError(
                _("The package contains a link or special file: %(name)s") % {"name": name}
            )
        if info.flag_bits & 0x1:
            raise PackageError(_("Encrypted packages are not supported."))
        if _is_dir(info):
            continue
        key = name.lower()
        if key in seen:
            raise PackageError(_("The package contains a file twice: %(name)s") % {"name": name})
        seen.add(key)
        parents = {str(parent).lower() for parent in PurePosixPath(key).parents} - {"."}
        clash = key if key in folders else next((p for p in parents if p in seen), None)
        if clash:
            raise PackageError(
                _("The package uses %(name)s both as a file and as a folder.") % {"name": clash}
            )
        folders |= parents
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


def read_member(archive, info: zipfile.ZipInfo, *, limit: int, counted: int = 0) -> bytes:
    """The bytes of one member, at most ``limit`` of them (headers can lie).

    ``PackageError`` if it inflates beyond its header's size or ``limit``, or cannot be
    read (damaged data, unsupported compression). ``counted`` is what was read before, for
    the message about the whole package's size.
    """
    data = bytearray()
    try:
        with archive.open(info) as source:
            while chunk := source.read(CHUNK):
                data.extend(chunk)
                if len(data) > info.file_size or len(data) > limit:
                    raise PackageError(
                        _("The file %(name)s is larger than its header says.")
                        % {"name": info.filename}
                    )
    except PackageError:
        raise
    except READ_ERRORS as error:
        raise PackageError(_("The zip file is damaged or uses an unsupported format.")) from error
    return bytes(data)


def extract_zip(
    archive, members, *, storage, prefix: str, limits: Limits, root: str = ""
) -> list[str]:
    """Copy ``members`` below ``prefix`` in ``storage``; all or nothing. Returns the names.

    ``root`` (a folder every member lies in, e.g. ``"Kurs/"``) is left out of the names.
    """
    written: list[str] = []
    total = 0
    try:
        for info in members:
            name = member_name(info)
            if not name.startswith(root):
                raise PackageError(_("The file %(name)s could not be stored.") % {"name": name})
            data = read_member(archive, info, limit=limits.max_file_bytes)
            total += len(data)
            if total > limits.max_total_bytes:
                raise PackageError(
                    _("The unpacked package would be larger than %(mb)d MB.")
                    % {"mb": limits.max_total_bytes // (1024 * 1024)}
                )
            target = f"{prefix}/{name[len(root) :]}"
            saved = storage.save(target, ContentFile(data))
            written.append(saved)
            if saved != target:
                raise PackageError(_("The file %(name)s could not be stored.") % {"name": name})
    except BaseException:
        delete_files(storage, written)
        raise
    return written


def delete_files(storage, names) -> None:
    for name in names:
        with contextlib.suppress(OSError):
            storage.delete(name)
