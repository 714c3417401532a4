"""Reads for content packages: launch pages, package state, and unit completion for courses."""

import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from lms.content_origin import content_origin
from lms.packages import moveon, session_rules
from lms.packages.models import ContentPackage, ContentPackagePage, PackageLaunch, PackageProgress
from lms.xapi import selectors as xapi_selectors
from lms.xapi import vocabulary
from lms.xapi.credentials import ScopeExtension

# cmi5 9.3: the LMS alone records these for an AU; an AU that sends them is refused.
CMI5_LMS_VERBS = frozenset(
    verb.id
    for verb in (
        vocabulary.LAUNCHED,
        vocabulary.SATISFIED,
        vocabulary.WAIVED,
        vocabulary.ABANDONED,
    )
)


def package_for_uuid(*, package_uuid) -> ContentPackage | None:
    return ContentPackage.objects.filter(uuid=package_uuid).first()


def scorm_launch_for_client(*, client) -> PackageLaunch | None:
    """The SCORM launch a credential was issued for (None for any other credential)."""
    launch = (
        PackageLaunch.objects.filter(lrs_client=client)
        .select_related("package", "user", "lrs_client")
        .first()
    )
    if launch is None or not launch.package.is_scorm:
        return None
    return launch


def launch_scope(client) -> ScopeExtension | None:
    """What a launch credential may name besides the launched activity.

    Tin Can: every activity listed in tincan.xml. cmi5: the AU's publisher id from
    cmi5.xml (its ``contextTemplate`` grouping), and the LMS-only verbs are refused.
    """
    launch = (
        PackageLaunch.objects.filter(lrs_client=client)
        .select_related("package")
        .only("au_index", "package__kind", "package__structure", "package__activity_ids")
        .first()
    )
    if launch is None:
        return None
    package = launch.package
    if package.kind == ContentPackage.Kind.CMI5:
        aus = package.aus
        if launch.au_index is None or not 0 <= launch.au_index < len(aus):
            return ScopeExtension(forbidden_verbs=CMI5_LMS_VERBS)
        return ScopeExtension(
            activity_ids=frozenset({aus[launch.au_index]["id"]}), forbidden_verbs=CMI5_LMS_VERBS
        )
    return ScopeExtension(activity_ids=frozenset(package.activity_ids))


def cmi5_session_refusal(client, statements: list[dict]) -> tuple[int, str] | None:
    """Refuse what a cmi5 AU's launch credential sends against the session rules.

    Registered as an LRS statement guard; see ``session_rules``. Three queries: the launch
    (locked until the insert commits, so one session's requests pass the rules one by one),
    the AU's cmi5 statements in the registration, and which of the batch's ids are stored.
    """
    launches = PackageLaunch.objects.filter(lrs_client=client, au_index__isnull=False)
    if connection.in_atomic_block:
        launches = launches.select_for_update(of=("self",))
    launch = launches.select_related("package").first()
    if launch is None or launch.package.kind != ContentPackage.Kind.CMI5:
        return None
    aus = launch.package.aus
    au = aus[launch.au_index] if launch.au_index < len(aus) else {}
    recorded = [
        session_rules.Recorded(
            verb=verb,
            session_id=session_rules.session_id_of(data) or "",
            timestamp=timestamp,
            stored=stored,
        )
        for verb, data, timestamp, stored in (
            (row.verb, row.data, row.timestamp, row.stored)
            for row in xapi_selectors.activity_statements(
                user_id=launch.user_id,
                registration=launch.registration,
                object_id=launch.activity_id,
                verbs=session_rules.AU_VERBS,
            )
        )
    ]
    # A statement sent again (same id) is the LRS's business: skipped or a conflict.
    ids = [str(s["id"]).lower() for s in statements if s.get("id")]
    known = xapi_selectors.stored_ids(ids=ids)
    refusal = session_rules.refusal(
        session=session_rules.Session(
            session_id=str(launch.session_id),
            au_activity_id=launch.activity_id,
            launch_mode=launch.launch_mode,
            mastery_score=au.get("mastery_score"),
            abandoned=launch.abandoned_at is not None,
        ),
        recorded=recorded,
        statements=statements,
        known_ids=known,
        now=timezone.now(),
        grace=dt.timedelta(seconds=settings.QD_CMI5_TERMINATED_GRACE_SECONDS),
    )
    return None if refusal is None else (refusal.index, refusal.message)


def launch_origins(*, package, base_url: str) -> list[str]:
    """Origins other than this site (reached at ``base_url``) that a launch of ``package``
    may lead to."""
    origins = []
    if content := content_origin(base_url):
        origins.append(content)
    for au in package.aus:
        parts = urlsplit(au.get("url", ""))
        if parts.scheme in ("http", "https") and parts.netloc:
            origins.append(f"{parts.scheme}://{parts.netloc}")
    return sorted(set(origins))


def package_state(*, user, package, registration=None) -> PackageProgress | None:
    """The person's state in a package (in one registration, or the most recent one)."""
    rows = PackageProgress.objects.filter(user=user, package=package)
    if registration is not None:
        rows = rows.filter(registration=registration)
    return rows.order_by("-last_activity_at").first()


@dataclass(frozen=True)
class AUOverview:
    """One AU of a cmi5 package as its learner sees it."""

    index: int
    title: str
    block: str  # title of the block it sits in ("" at the top of the course)
    status: str  # one of AU_STATUSES
    score: float | None
    satisfied: bool  # its moveOn is met (or it was waived)
    # Once its moveOn is met an AU opens in Review mode: the result stays as recorded.
    reopens_in_review: bool


AU_STATUSES = ("not_started", "in_progress", "not_passed", "completed", "passed", "waived")


@dataclass(frozen=True)
class PackageOverview:
    """What a package page says about the learner's progress, unit by unit."""

    status: str  # "not_started", "in_progress", "not_passed" or "completed"
    score: float | None  # shown for a package with one unit only: an average hides failures
    aus: list[AUOverview]
    satisfied_count: int


def _au_status(state: dict, satisfied: bool) -> str:
    if state.get("waived"):
        return "waived"
    if state.get("passed"):
        return "passed"
    if state.get("failed") and not satisfied:
        return "not_passed"
    if state.get("completed"):
        return "completed"
    return "in_progress" if state.get("seen") else "not_started"


def package_overview(*, package, state: PackageProgress | None) -> PackageOverview:
    """The learner's progress in ``package`` (their ``state`` from ``package_state``)."""
    block_of: dict[int, str] = {}
    for block in moveon.walk_blocks(package.structure.get("blocks", [])):
        for index in block.get("aus", []):
            block_of[index] = block.get("title", "")
    au_states = (state.au_state if state else None) or {}
    aus = []
    for index, au in enumerate(package.aus):
        au_state = au_states.get(str(index)) or {}
        satisfied = moveon.au_satisfied(
            move_on=au["move_on"],
            completed=bool(au_state.get("completed")),
            passed=bool(au_state.get("passed")),
            waived=bool(au_state.get("waived")),
        ) and bool(au_state)
        aus.append(
            AUOverview(
                index=index,
                title=au.get("title") or au["id"],
                block=block_of.get(index, ""),
                status=_au_status(au_state, satisfied),
                score=au_state.get("score"),
                satisfied=satisfied,
                reopens_in_review=satisfied and not au_state.get("waived"),
            )
        )
    if state is None:
        status = "not_started"
    elif state.satisfied_at:
        status = "completed"
    elif any(au.status == "not_passed" for au in aus) or (
        not aus and state.failed_at and not state.passed_at
    ):
        status = "not_passed"
    else:
        status = "in_progress"
    single = len(aus) <= 1
    return PackageOverview(
        status=status,
        score=state.score_scaled if state is not None and single else None,
        aus=aus,
        satisfied_count=sum(au.satisfied for au in aus),
    )


def satisfied_units(*, user_ids, page_ids, registrations=None) -> dict[int, set[int]]:
    """Which ``ContentPackagePage`` ids each person has satisfied: in any registration, or
    only in ``registrations`` (a course attempt's own) when given.

    Two queries, whatever the number of people and pages.
    """
    pages = dict(
        ContentPackagePage.objects.filter(id__in=list(page_ids)).values_list("id", "package_id")
    )
    if not pages:
        return {}
    by_package = defaultdict(set)
    for page_id, package_id in pages.items():
        by_package[package_id].add(page_id)
    result: dict[int, set[int]] = defaultdict(set)
    for user_id, package_id in (
        PackageProgress.objects.filter(
            user_id__in=list(user_ids), package_id__in=list(by_package), satisfied_at__isnull=False
        )
        .filter(**({"registration__in": list(registrations)} if registrations is not None else {}))
        .values_list("user_id", "package_id")
        .distinct()
    ):
        result[user_id] |= by_package[package_id]
    return dict(result)


def required_units(*, parent_pages) -> dict[int, set[int]]:
    """Live, required package units under each parent page (e.g. a course), in one query."""
    parents = list(parent_pages)
    if not parents:
        return {}
    by_path = {parent.path: parent.pk for parent in parents}
    condition = Q()
    for parent in parents:
        condition |= Q(path__startswith=parent.path, depth=parent.depth + 1)
    rows = ContentPackagePage.objects.live().filter(condition, required=True)
    result: dict[int, set[int]] = defaultdict(set)
    for page_id, path in rows.values_list("id", "path"):
        result[by_path[path[: -Page.steplen]]].add(page_id)
    return dict(result)


def units_for_activities(*, iris) -> dict[str, list[tuple[int, int]]]:
    """For package activity IRIs: ``(unit page id, parent page id)`` pairs using them.

    Tin Can activities count with their sub-activities (``…/part``); cmi5 AUs by the id
    the platform generated. Three queries.
    """
    iris = {iri for iri in iris if iri}
    if not iris:
        return {}
    candidates = set(iris)
    for iri in iris:
        for separator in ("/", "#", "?"):
            head = iri
            while separator in head[8:]:
                head = head.rsplit(separator, 1)[0]
                candidates.add(head)
    return _units(iris, candidates)


def _cmi5_package_key(iri: str) -> uuid.UUID | None:
    """The package UUID in ``…/activities/cmi5-au/<uuid>-<n>[/…]``, or None."""
    tail = iri.split("/activities/cmi5-au/", 1)[1].split("/", 1)[0]
    try:
        return uuid.UUID(tail.rsplit("-", 1)[0])
    except ValueError:
        return None


def _units(iris, candidates) -> dict[str, list[tuple[int, int]]]:
    package_rows = list(
        ContentPackage.objects.filter(activity_id__in=candidates).values_list(
            "id", "activity_id", "kind"
        )
    )
    cmi5_rows = []
    prefix_ids = [i for i in iris if "/activities/cmi5-au/" in i]
    if prefix_ids:
        uuids = {key for key in map(_cmi5_package_key, prefix_ids) if key is not None}
        cmi5_rows = list(
            ContentPackage.objects.filter(uuid__in=uuids).values_list("id", "activity_ids")
        )
    iri_packages: dict[str, set[int]] = defaultdict(set)
    for package_id, activity_id, _kind in package_rows:
        for iri in iris:
            if iri == activity_id or iri.startswith(
                (activity_id + "/", activity_id + "#", activity_id + "?")
            ):
                iri_packages[iri].add(package_id)
    for package_id, activity_ids in cmi5_rows:
        for iri in prefix_ids:
            if iri in activity_ids or any(iri.startswith(a + "/") for a in activity_ids):
                iri_packages[iri].add(package_id)
    if not iri_packages:
        return {}
    pages = list(
        ContentPackagePage.objects.filter(
            package_id__in={p for ids in iri_packages.values() for p in ids}
        ).values_list("id", "package_id", "path")
    )
    parent_ids = dict(
        Page.objects.filter(path__in={path[: -Page.steplen] for _i, _p, path in pages}).values_list(
            "path", "id"
        )
    )
    by_package = defaultdict(list)
    for page_id, package_id, path in pages:
        parent = parent_ids.get(path[: -Page.steplen])
        if parent is not None:
            by_package[package_id].append((page_id, parent))
    return {
        iri: [pair for p in sorted(ids) for pair in by_package[p]]
        for iri, ids in iri_packages.items()
        if any(by_package[p] for p in ids)
    }


def units_under(*, parent, user, drafts: bool = False, registration=None) -> list[dict]:
    """The live package units below a page (a course) with the person's status; 2 queries.

    ``drafts`` adds the unpublished ones (for a preview of the course); ``registration``
    limits the status to one attempt at the course (else: any registration).
    """
    pages = ContentPackagePage.objects.child_of(parent)
    if not drafts:
        pages = pages.live()
    pages = list(
        pages.order_by("path").only("id", "title", "path", "url_path", "package_id", "required")
    )
    done, started = set(), set()
    if pages and user.is_authenticated:
        progress = PackageProgress.objects.filter(
            user=user, package_id__in={page.package_id for page in pages}
        )
        if registration is not None:
            progress = progress.filter(registration=registration)
        for package_id, satisfied_at in progress.values_list("package_id", "satisfied_at"):
            started.add(package_id)
            if satisfied_at is not None:
                done.add(package_id)
    return [
        {
            "page": page,
            "status": "completed"
            if page.package_id in done
            else "started"
            if page.package_id in started
            else "not_started",
        }
        for page in pages
    ]
