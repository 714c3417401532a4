"""Writes for content packages: import an upload safely, launch it, redeem cmi5 fetch tokens.

Launch credentials are LRS clients scoped to one person, registration and activity; no
package ever sees a platform-wide key. They expire after ``QD_TINCAN_CREDENTIAL_TTL``
seconds (Tin Can: handed over in the launch URL) or ``QD_PACKAGE_CREDENTIAL_TTL`` seconds
(cmi5: fetched once by the AU), and ``launch_credentials_delete_expired`` removes them.
"""

import base64
import datetime as dt
import hashlib
import json
import secrets
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, urlencode

from django.conf import settings
from django.core.files.storage import storages
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.content_origin import content_origin
from lms.packages import activities, manifests, moveon, session_rules
from lms.packages.models import ContentPackage, PackageLaunch, PackageProgress
from lms.packages.safezip import (
    READ_ERRORS,
    Limits,
    PackageError,
    delete_files,
    extract_zip,
    inspect_zip,
    is_clutter,
    member_name,
    read_member,
    single_folder,
)
from lms.packages.storage import package_storage
from lms.xapi import events, identity, iris, vocabulary
from lms.xapi import selectors as xapi_selectors
from lms.xapi import services as xapi_services

LAUNCH_DATA = "LMS.LaunchData"


def limits() -> Limits:
    return Limits(
        max_total_bytes=settings.QD_PACKAGE_MAX_BYTES,
        max_files=settings.QD_PACKAGE_MAX_FILES,
        max_ratio=settings.QD_PACKAGE_MAX_RATIO,
        max_file_bytes=settings.QD_PACKAGE_MAX_FILE_BYTES,
    )


MANIFESTS = ("cmi5.xml", "tincan.xml", manifests.SCORM_MANIFEST)
MANIFEST_MAX_BYTES = 2 * 1024 * 1024


def _how_to_zip() -> str:
    return _(
        "The package has neither tincan.xml nor cmi5.xml nor imsmanifest.xml in its top "
        "folder (or in a single folder that holds everything else). Zip it like this: open "
        "the folder that contains the manifest, select everything in it, and compress the "
        "selection (Windows: right-click › Send to › Compressed (zipped) folder; macOS: "
        "right-click › Compress)."
    )


def _layout(archive) -> tuple[list, str]:
    """The package's members (checked, without OS clutter) and its root folder.

    The root is ``""``, or the one top-level folder that holds everything when the
    manifest is in there: Windows and macOS zip a folder together with its name.
    """
    members = [info for info in inspect_zip(archive, limits()) if not is_clutter(member_name(info))]
    names = {member_name(info) for info in members}
    if not names.isdisjoint(MANIFESTS):
        return members, ""
    folder = single_folder(names)
    if folder and any(f"{folder}{manifest}" in names for manifest in MANIFESTS[:2]):
        return members, folder
    nested = sorted(n for n in names if n.rsplit("/", 1)[-1] == manifests.SCORM_MANIFEST)
    if nested:
        # SCORM (CP 1.1.4): the manifest is at the root of the package, and SCOs find
        # their files relative to it; a zipped folder is not a SCORM package.
        raise PackageError(
            _(
                "imsmanifest.xml is in a subfolder (%(path)s), but a SCORM package needs it "
                "at the top level of the zip. Open that folder, select everything in it and "
                "compress the selection."
            )
            % {"path": nested[0]}
        )
    raise PackageError(_how_to_zip())


def _title(text: str) -> str:
    """A manifest's title, cut to what the title column holds."""
    return text[: ContentPackage._meta.get_field("title").max_length]


def _read_manifest(archive, info) -> bytes:
    if info.file_size > MANIFEST_MAX_BYTES:
        raise PackageError(_("The manifest %(name)s is too large.") % {"name": info.filename})
    return read_member(archive, info, limit=MANIFEST_MAX_BYTES)


def _bare_manifest(upload) -> bytes | None:
    """The bytes of an upload that is an XML document rather than a zip, else None.

    cmi5 allows a course structure on its own (section 14.2) when every AU is served
    from elsewhere: the manifest is the whole package.
    """
    upload.seek(0)
    head = upload.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return None
    upload.seek(0)
    raw = upload.read(MANIFEST_MAX_BYTES + 1)
    if len(raw) > MANIFEST_MAX_BYTES:
        raise PackageError(_("The manifest %(name)s is too large.") % {"name": "cmi5.xml"})
    return raw


def _inspect_bare_cmi5(raw: bytes) -> dict:
    manifest = manifests.parse_cmi5(raw, None)
    manifests.refuse_platform_ids(
        manifest.activity_ids(), base_iri=iris.base_iri(), filename="cmi5.xml"
    )
    return {
        "root": "",
        "file_count": 1,
        "total_bytes": len(raw),
        "kind": ContentPackage.Kind.CMI5,
        "title": _title(manifest.title),
        "structure": manifest.as_structure(),
        "launch_path": manifest.aus[0].url if manifest.aus else "",
        "bare": True,
    }


def package_inspect(*, upload) -> dict:
    """Check an upload without writing anything; return what ``package_import`` needs.

    Raises ``PackageError`` with a message for the trainer.
    """
    bare = _bare_manifest(upload)
    if bare is not None:
        return _inspect_bare_cmi5(bare)
    try:
        upload.seek(0)
        archive = zipfile.ZipFile(upload)
    except READ_ERRORS:
        raise PackageError(_("The file is neither a zip archive nor a cmi5.xml.")) from None
    with archive:
        members, root = _layout(archive)
        by_name = {member_name(info)[len(root) :]: info for info in members}
        names = set(by_name)
        common = {
            "root": root,
            "file_count": len(members),
            "total_bytes": sum(info.file_size for info in members),
        }
        if "cmi5.xml" in by_name:
            manifest = manifests.parse_cmi5(_read_manifest(archive, by_name["cmi5.xml"]), names)
            manifests.refuse_platform_ids(
                manifest.activity_ids(), base_iri=iris.base_iri(), filename="cmi5.xml"
            )
            return {
                **common,
                "kind": ContentPackage.Kind.CMI5,
                "title": _title(manifest.title),
                "structure": manifest.as_structure(),
                "launch_path": manifest.aus[0].url if manifest.aus else "",
            }
        if "tincan.xml" not in by_name:
            return {**common, **_inspect_scorm(archive, by_name, names)}
        manifest = manifests.parse_tincan(_read_manifest(archive, by_name["tincan.xml"]), names)
        manifests.refuse_platform_ids(
            manifest.activities, base_iri=iris.base_iri(), filename="tincan.xml"
        )
        return {
            **common,
            "kind": ContentPackage.Kind.TINCAN,
            "title": _title(manifest.title),
            "activity_id": manifest.activity_id,
            "activity_ids": manifest.activities,
            "launch_path": manifest.launch,
            "structure": {},
        }


def _inspect_scorm(archive, by_name: dict, names: set[str]) -> dict:
    manifest = manifests.parse_scorm(
        _read_manifest(archive, by_name[manifests.SCORM_MANIFEST]), names
    )
    kind = (
        ContentPackage.Kind.SCORM12
        if manifest.version == manifests.SCORM_12
        else ContentPackage.Kind.SCORM2004
    )
    return {
        "kind": kind,
        "title": _title(manifest.title),
        "structure": manifest.as_structure(),
        "launch_path": manifest.scos[0].url,
    }


def package_import(*, package: ContentPackage, upload, uploaded_by=None) -> ContentPackage:
    """Validate, unpack and save ``package`` from ``upload`` (a zip, or a bare
    ``cmi5.xml`` whose AUs are all absolute addresses); all or nothing.

    The unpacked files and the zip go to the package storage. When anything fails, what
    was written is removed again and ``PackageError`` (or the original error) is raised; a
    replaced package's old files are removed once the new ones are committed.
    """
    info = package_inspect(upload=upload)
    storage = package_storage()
    previous = (
        ContentPackage.objects.filter(pk=package.pk).values_list("content_prefix", "upload").first()
        if package.pk
        else None
    )
    prefix = f"packages/content/{package.uuid}/{secrets.token_hex(4)}"
    written: list[str] = []
    try:
        upload.seek(0)
        if info.get("bare"):
            # Nothing to unpack: every AU is served from elsewhere.
            package.upload.save(f"{package.uuid}.xml", upload, save=False)
        else:
            with zipfile.ZipFile(upload) as archive:
                members, root = _layout(archive)
                written += extract_zip(
                    archive, members, storage=storage, prefix=prefix, limits=limits(), root=root
                )
            upload.seek(0)
            package.upload.save(f"{package.uuid}.zip", upload, save=False)
        written.append(package.upload.name)
        with transaction.atomic():
            package.kind = info["kind"]
            package.title = package.title or info["title"] or _("Content package")
            package.content_prefix = prefix
            package.launch_path = info["launch_path"]
            package.file_count = info["file_count"]
            package.total_bytes = info["total_bytes"]
            package.structure = info["structure"]
            if info["kind"] == ContentPackage.Kind.CMI5:
                _assign_cmi5_ids(package)
            elif package.is_scorm:
                _assign_scorm_ids(package)
            else:
                package.activity_id = info["activity_id"]
                package.activity_ids = info["activity_ids"]
            if uploaded_by is not None and package.uploaded_by_id is None:
                package.uploaded_by = uploaded_by
            package.save()
    except BaseException:
        delete_files(storage, written)
        raise
    if previous:
        old_prefix, old_upload = previous
        transaction.on_commit(lambda: _delete_replaced(old_prefix, old_upload))
    return package


def _assign_cmi5_ids(package: ContentPackage) -> None:
    structure = package.structure
    package.activity_id = activities.cmi5_course_iri(package.uuid)
    for index, au in enumerate(structure["aus"]):
        au["activity_id"] = activities.cmi5_au_iri(package.uuid, index)
    for number, block in enumerate(moveon.walk_blocks(structure["blocks"])):
        block["activity_id"] = activities.cmi5_block_iri(package.uuid, number)
    package.activity_ids = [au["activity_id"] for au in structure["aus"]]


def _assign_scorm_ids(package: ContentPackage) -> None:
    """The package's IRI and one per SCO below it: a launch credential scoped to the package
    covers every SCO (and its interactions) of the package, nothing else."""
    package.activity_id = activities.scorm_package_iri(package.uuid)
    for index, sco in enumerate(package.structure["aus"]):
        sco["activity_id"] = activities.scorm_sco_iri(package.uuid, index)
    package.activity_ids = [sco["activity_id"] for sco in package.structure["aus"]]


def _walk(storage, folder: str):
    """Every file name below ``folder`` in ``storage`` (none if it does not exist)."""
    try:
        dirs, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in files:
        yield f"{folder}/{name}"
    for name in dirs:
        yield from _walk(storage, f"{folder}/{name}")


def _delete_replaced(prefix: str, upload_name: str) -> None:
    storage = package_storage()
    delete_files(storage, list(_walk(storage, prefix)) if prefix else [])
    if upload_name:
        delete_files(storage, [upload_name])


def package_create(*, title: str, upload, uploaded_by=None) -> ContentPackage:
    package = ContentPackage(title=title.strip())
    return package_import(package=package, upload=upload, uploaded_by=uploaded_by)


def package_files_move_from_media() -> int:
    """Move package files that earlier versions kept in media to the package storage.

    Earlier versions stored uploads and unpacked files below ``packages/`` in the default
    (media) storage, where ``/media/`` served them on the platform's origin. Names stay
    the same, so no database row changes. Idempotent: a file already copied (same size)
    is only deleted from media; a copy cut short earlier is made again. Returns how many
    files left media. Does nothing if both storages are one place (see the system check).
    """
    media, target = storages["default"], package_storage()
    if _same_place(media, target):
        return 0
    moved = 0
    for name in list(_walk(media, "packages")):
        if not (target.exists(name) and target.size(name) == media.size(name)):
            if target.exists(name):
                target.delete(name)
            with media.open(name, "rb") as source:
                saved = target.save(name, source)
            if saved != name:
                target.delete(saved)
                raise RuntimeError(f"Could not store {name} under its own name.")
        media.delete(name)
        moved += 1
    return moved


def _same_place(one, other) -> bool:
    try:
        return Path(one.path("probe")).resolve() == Path(other.path("probe")).resolve()
    except NotImplementedError:
        return one.url("probe") == other.url("probe")


# --- Launch -----------------------------------------------------------------------------


def content_url(*, package: ContentPackage, path: str, base_url: str) -> str:
    """Where a package file is served: the content origin if configured, else this site."""
    origin = (content_origin(base_url) or base_url).rstrip("/")
    route = reverse("packages:file", args=[package.uuid, "x"])[:-1]
    return f"{origin}{route}{quote(path, safe='/?=&')}"


def _credential(*, user, registration, activity_id: str, name: str, seconds: int):
    return xapi_services.lrs_client_create(
        name=name[:200],
        scope_actor_key=identity.actor_key_for_user(user),
        scope_registration=registration,
        scope_activity_id=activity_id,
        expires_at=timezone.now() + dt.timedelta(seconds=seconds),
    )


def launch_credentials_delete_expired(*, batch: int = 500) -> int:
    """Delete expired launch credentials (scoped LRS clients); returns how many.

    Nothing is lost: a launch keeps its row (``lrs_client`` becomes NULL, its
    ``credential_id`` stays, so package progress still knows the launch's statements), and
    statements keep the ``client_id`` they were stored with (a plain integer column, not a
    foreign key). Clients without a scope (made by administrators) are left alone.
    """
    return xapi_services.scoped_clients_delete_expired(batch=batch)


def _basic(key: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()


def _with_query(url: str, params: dict) -> str:
    return url + ("&" if "?" in url else "?") + urlencode(params)


def _endpoint(base_url: str) -> str:
    return base_url.rstrip("/") + reverse("xapi:root")


@transaction.atomic
def launch_url(
    *,
    user,
    package: ContentPackage,
    registration,
    return_url: str,
    base_url: str,
    au: int | None = None,
) -> str:
    """Issue a scoped, short-lived credential and return the URL that starts the package.

    ``base_url`` is this site's scheme and host (for the LRS endpoint and fetch URL).
    """
    registration = uuid.UUID(str(registration))
    if package.is_scorm:
        return _launch_scorm(
            user=user,
            package=package,
            registration=registration,
            return_url=return_url,
            base_url=base_url,
            sco_index=au or 0,
        )
    if package.kind == ContentPackage.Kind.CMI5:
        return _launch_cmi5(
            user=user,
            package=package,
            registration=registration,
            return_url=return_url,
            base_url=base_url,
            au_index=au or 0,
        )
    now = timezone.now()
    client, secret = _credential(
        user=user,
        registration=registration,
        activity_id=package.activity_id,
        name=f"Start {package.title}",
        # In the launch URL's query string (history, logs): shorter than cmi5's.
        seconds=settings.QD_TINCAN_CREDENTIAL_TTL,
    )
    PackageLaunch.objects.create(
        package=package,
        user=user,
        registration=registration,
        activity_id=package.activity_id,
        created_at=now,
        expires_at=client.expires_at,
        lrs_client=client,
        credential_id=client.pk,
    )
    target = content_url(package=package, path=package.launch_path, base_url=base_url)
    return _with_query(
        target,
        {
            "endpoint": _endpoint(base_url),
            "auth": _basic(client.key, secret),
            "actor": json.dumps(identity.actor_for_user(user), separators=(",", ":")),
            "registration": str(registration),
            "activity_id": package.activity_id,
        },
    )


def _launch_scorm(*, user, package, registration, return_url, base_url, sco_index) -> str:
    """The SCORM player on the content origin, with the launch's credential in the fragment.

    SCOs find the run-time API in a parent frame, which needs the same origin: player and
    SCO both run on the content origin, which never receives the platform's cookies. The
    fragment never reaches a server or a log; the player removes it from the address bar.
    """
    origin = content_origin(base_url)
    if not origin:
        raise PackageError(
            _(
                "SCORM content can only be played from a separate content address "
                "(QD_CONTENT_ORIGIN). Please ask the administrators."
            )
        )
    if not 0 <= sco_index < len(package.aus):
        raise PackageError(_("This package has no such unit."))
    now = timezone.now()
    client, secret = _credential(
        user=user,
        registration=registration,
        activity_id=package.activity_id,
        name=f"SCORM {package.title}",
        seconds=settings.QD_PACKAGE_CREDENTIAL_TTL,
    )
    PackageLaunch.objects.create(
        package=package,
        user=user,
        registration=registration,
        au_index=sco_index,
        activity_id=package.aus[sco_index]["activity_id"],
        created_at=now,
        expires_at=client.expires_at,
        lrs_client=client,
        credential_id=client.pk,
    )
    player = origin.rstrip("/") + reverse("packages:scorm_player")
    return (
        player
        + "#"
        + urlencode(
            {
                "auth": base64.b64encode(f"{client.key}:{secret}".encode()).decode(),
                "sco": sco_index,
                "return": return_url,
            }
        )
    )


def _token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _launch_cmi5(*, user, package, registration, return_url, base_url, au_index) -> str:
    aus = package.aus
    if not 0 <= au_index < len(aus):
        raise PackageError(_("This package has no such unit."))
    au = aus[au_index]
    now = timezone.now()
    _abandon_open_sessions(user=user, package=package, registration=registration, au=au)
    token = secrets.token_urlsafe(32)
    launch = PackageLaunch.objects.create(
        package=package,
        user=user,
        registration=registration,
        au_index=au_index,
        activity_id=au["activity_id"],
        launch_mode=_launch_mode(
            user=user, package=package, registration=registration, au=au_index
        ),
        created_at=now,
        expires_at=now + dt.timedelta(seconds=settings.QD_PACKAGE_CREDENTIAL_TTL),
        fetch_token_digest=_token_digest(token),
    )
    actor_key = identity.actor_key_for_user(user)
    launch_data = {
        "contextTemplate": events.cmi5_context_template(
            publisher_id=au["id"], session_id=launch.session_id
        ),
        "launchMode": launch.launch_mode,
        "moveOn": au["move_on"],
        "returnURL": return_url,
    }
    if au.get("mastery_score") is not None:
        launch_data["masteryScore"] = au["mastery_score"]
    if au.get("launch_parameters"):
        launch_data["launchParameters"] = au["launch_parameters"]
    if au.get("entitlement_key"):
        launch_data["entitlementKey"] = {"courseStructure": au["entitlement_key"]}
    xapi_services.document_write(
        kind=xapi_services.DOCUMENT_STATE,
        document_id=LAUNCH_DATA,
        content=json.dumps(launch_data).encode(),
        content_type="application/json",
        merge=False,
        activity_id=au["activity_id"],
        agent_key=actor_key,
        registration=str(registration),
    )
    if au["url"].startswith(("http://", "https://")):
        target = au["url"]
    else:
        target = content_url(package=package, path=au["url"], base_url=base_url)
    fetch = base_url.rstrip("/") + reverse("packages:fetch", args=[token])
    url = _with_query(
        target,
        {
            # Without the trailing slash: ADL's cmi5.js (used by most cmi5 AUs) appends
            # "/statements" itself; Tin Can libraries expect the slash (see above).
            "endpoint": _endpoint(base_url).rstrip("/"),
            "fetch": fetch,
            "actor": json.dumps(identity.actor_for_user(user), separators=(",", ":")),
            "registration": str(registration),
            "activityId": au["activity_id"],
        },
    )
    events.record(
        events.cmi5_launched(
            user=user,
            activity_id=launch.activity_id,
            registration=launch.registration,
            publisher_id=au["id"],
            session_id=launch.session_id,
            launch_mode=launch.launch_mode,
            launch_url=target,
            move_on=au["move_on"],
            launch_parameters=au.get("launch_parameters") or "",
            mastery_score=au.get("mastery_score"),
        )
    )
    return url


def _launch_mode(*, user, package, registration, au: int) -> str:
    """``Review`` once the AU's moveOn criterion is met in the registration, else ``Normal``.

    cmi5 10.2.2: a review revisits finished material and records no new results, which
    is also what the session rules allow after ``passed`` or ``completed``.
    """
    progress = PackageProgress.objects.filter(
        user=user, package=package, registration=registration
    ).first()
    state = (progress.au_state.get(str(au)) if progress else None) or {}
    move_on = package.aus[au]["move_on"]
    finished = moveon.au_satisfied(
        move_on=move_on,
        completed=bool(state.get("completed")),
        passed=bool(state.get("passed")),
        waived=bool(state.get("waived")),
    )
    if move_on == "NotApplicable":
        finished = bool(state.get("completed") or state.get("passed"))
    return "Review" if finished else "Normal"


def _abandon_open_sessions(*, user, package, registration, au: dict) -> None:
    """Earlier sessions of this AU that never terminated are abandoned (cmi5 9.3.8)."""
    open_launches = list(
        PackageLaunch.objects.select_for_update().filter(
            user=user,
            package=package,
            registration=registration,
            activity_id=au["activity_id"],
            abandoned_at__isnull=True,
        )
    )
    if not open_launches:
        return
    terminated = {
        session_rules.session_id_of(row.data)
        for row in xapi_selectors.activity_statements(
            user_id=user.pk,
            registration=registration,
            object_id=au["activity_id"],
            verbs=[vocabulary.TERMINATED.id],
        )
    }
    now = timezone.now()
    for launch in open_launches:
        if str(launch.session_id) in terminated:
            continue
        events.record(
            events.cmi5_abandoned(
                user=user,
                activity_id=launch.activity_id,
                registration=launch.registration,
                publisher_id=au["id"],
                session_id=launch.session_id,
                duration=now - launch.created_at,
            )
        )
        launch.abandoned_at = now
        launch.save(update_fields=["abandoned_at"])


@transaction.atomic
def fetch_token_redeem(*, token: str) -> dict:
    """The cmi5 fetch response: an auth token the first time, error code 1 afterwards."""
    launch = (
        PackageLaunch.objects.select_for_update()
        .select_related("package", "user")
        .filter(fetch_token_digest=_token_digest(token))
        .first()
    )
    if launch is None or launch.fetch_used_at is not None or launch.expires_at <= timezone.now():
        return {
            "error-code": "1",
            "error-text": "The authorization token has already been returned or has expired.",
        }
    client, secret = _credential(
        user=launch.user,
        registration=launch.registration,
        activity_id=launch.activity_id,
        name=f"cmi5 {launch.package.title}",
        seconds=settings.QD_PACKAGE_CREDENTIAL_TTL,
    )
    launch.fetch_used_at = timezone.now()
    launch.lrs_client = client
    launch.credential_id = client.pk
    launch.save(update_fields=["fetch_used_at", "lrs_client", "credential_id"])
    return {"auth-token": base64.b64encode(f"{client.key}:{secret}".encode()).decode()}


def au_waive(*, user, package: ContentPackage, au: int, registration, reason: str):
    """Record that the learner need not take an AU (e.g. recognised prior learning)."""
    aus = package.aus
    if not 0 <= au < len(aus):
        raise PackageError(_("This package has no such unit."))
    return events.record(
        events.cmi5_waived(
            user=user,
            activity_id=aus[au]["activity_id"],
            registration=uuid.UUID(str(registration)),
            publisher_id=aus[au]["id"],
            reason=reason,
        )
    )


# --- Registration providers -------------------------------------------------------------

RegistrationProvider = Callable[..., "uuid.UUID | None"]
_registration_providers: list[RegistrationProvider] = []


def register_registration_provider(provider: RegistrationProvider) -> None:
    """Let the app that owns a package page's parent (e.g. courses) name the registration.

    ``provider(user=…, page=…)`` returns the registration (UUID) to launch with, or
    ``None`` when the person may not launch the unit (e.g. not enrolled).
    """
    if provider not in _registration_providers:
        _registration_providers.append(provider)


def registration_for_page(*, user, page):
    for provider in _registration_providers:
        registration = provider(user=user, page=page)
        if registration is not None:
            return registration
    return None


def standalone_registration(*, user, package: ContentPackage):
    """The registration of a launch outside a course: one per person and package."""
    latest = (
        PackageLaunch.objects.filter(user=user, package=package)
        .order_by("-created_at")
        .values_list("registration", flat=True)
        .first()
    )
    return latest or uuid.uuid4()


# --- Command line ---------------------------------------------------------------------


def unit_import(*, upload, course_slug: str, title: str = "", slug: str = "", uploaded_by=None):
    """Import a package (SCORM, cmi5 or Tin Can) and publish it as a unit of a course.

    All or nothing: when the course is missing, the package is refused or the page cannot
    be added, ``PackageError`` is raised and no row, page or stored file is left.
    """
    from django.utils.text import slugify
    from wagtail.models import Page

    from lms.packages.models import ContentPackagePage

    course = Page.objects.filter(slug=course_slug).live().first()
    if course is None or not ContentPackagePage.can_create_at(course.specific):
        raise PackageError(_("There is no course with the slug %(slug)s.") % {"slug": course_slug})
    package = None
    try:
        with transaction.atomic():
            package = package_create(title=title, upload=upload, uploaded_by=uploaded_by)
            base = slugify(slug or package.title)[:200] or "inhalt"
            unit_slug, number = base, 1
            siblings = set(course.get_children().values_list("slug", flat=True))
            while unit_slug in siblings:
                number += 1
                unit_slug = f"{base}-{number}"
            unit = ContentPackagePage(title=package.title, slug=unit_slug, package=package)
            course.add_child(instance=unit)
            unit.save_revision().publish()
    except BaseException:
        if package is not None and package.content_prefix:
            _delete_replaced(package.content_prefix, package.upload.name)
        raise
    return unit
