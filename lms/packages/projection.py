"""Package progress as a projection of stored statements.

A statement counts for a package only through this app's rules: its person and
registration match a launch of that package, it was written by one of that launch's
own credentials (or by the platform itself, e.g. ``waived``), and its object is one of
the package's activities. So two packages that reuse activity ids never mix, and an
integrator's key cannot move a learner's package state. Tin Can: completed / passed /
failed about the package's main activity. cmi5: the AU states (completed, passed,
failed, waived) and the moveOn rule of each AU (SCORM: each SCO, with a moveOn the import
derived from the manifest); when a block or the whole course becomes
satisfied, ``apply`` returns the LMS's ``satisfied`` statement as a follow-up (the store
records it). Constant number of queries per batch.
"""

from collections import defaultdict
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model

from lms.packages import activities, moveon
from lms.packages.models import ContentPackage, PackageLaunch, PackageProgress, ScormAttempt
from lms.xapi import events, selectors, vocabulary
from lms.xapi import services as xapi_services
from lms.xapi.projections import FollowUp

if TYPE_CHECKING:
    from lms.xapi.models import Statement

PROJECTION_NAME = "packages.progress"
COMPLETED = vocabulary.COMPLETED.id
PASSED = vocabulary.PASSED.id
FAILED = vocabulary.FAILED.id
WAIVED = vocabulary.WAIVED.id
VOIDED = vocabulary.VOIDED.id
FIELDS = [
    "attempted_at",
    "completed_at",
    "passed_at",
    "failed_at",
    "satisfied_at",
    "score_scaled",
    "last_activity_at",
    "au_state",
]


def _matches(object_id: str, activity_id: str) -> bool:
    return object_id == activity_id or object_id.startswith(
        (activity_id + "/", activity_id + "#", activity_id + "?")
    )


def apply(statements: list["Statement"]) -> list[FollowUp]:
    voiding = [s for s in statements if s.verb == VOIDED]
    regular = [s for s in statements if s.user_id and s.registration and s.verb != VOIDED]
    follow_ups = _apply([s for s in regular if not s.voided])
    if voiding:
        follow_ups += _recompute_after_voiding([s.object_id for s in voiding])
    return follow_ups


def reset() -> None:
    PackageProgress.objects.all().delete()


def erase(user_id) -> None:
    """Remove the person's package state, SCORM attempts, launches and launch credentials."""
    PackageProgress.objects.filter(user_id=user_id).delete()
    ScormAttempt.objects.filter(user_id=user_id).delete()
    client_ids = list(
        PackageLaunch.objects.filter(user_id=user_id, lrs_client__isnull=False).values_list(
            "lrs_client_id", flat=True
        )
    )
    PackageLaunch.objects.filter(user_id=user_id).delete()
    xapi_services.lrs_clients_delete(ids=client_ids)


def _apply(statements: list["Statement"]) -> list[FollowUp]:
    if not statements:
        return []
    # (person, registration) -> package -> the ids of its launches' credentials
    launched: dict = defaultdict(lambda: defaultdict(set))
    for user_id, registration, package_id, credential_id in PackageLaunch.objects.filter(
        registration__in={s.registration for s in statements},
        user_id__in={s.user_id for s in statements},
    ).values_list("user_id", "registration", "package_id", "credential_id"):
        launched[(user_id, registration)][package_id].add(credential_id)
    # The platform's own statements about an AU (a waiver) need no launch: the AU's IRI
    # names its package, so the order of launch and waiver does not matter.
    platform = {
        (s.user_id, s.registration, activities.cmi5_au_package_uuid(s.object_id))
        for s in statements
        if s.by_platform
    }
    platform = {item for item in platform if item[2] is not None}
    if platform:
        by_uuid = dict(
            ContentPackage.objects.filter(uuid__in={p for _u, _r, p in platform}).values_list(
                "uuid", "pk"
            )
        )
        for user_id, registration, package_uuid in platform:
            if package_uuid in by_uuid:
                launched[(user_id, registration)].setdefault(by_uuid[package_uuid], set())
    if not launched:
        return []
    packages = ContentPackage.objects.in_bulk(
        {p for by_package in launched.values() for p in by_package}
    )
    matched = []
    for statement in statements:
        if statement.verb == vocabulary.SATISFIED.id:
            continue
        by_package = launched.get((statement.user_id, statement.registration), {})
        for package_id in sorted(by_package):
            if not (statement.by_platform or statement.client_id in by_package[package_id]):
                continue
            package = packages[package_id]
            if package.kind == ContentPackage.Kind.CMI5 or package.is_scorm:
                # One state per AU / SCO, rolled up by its moveOn (SCORM: from the manifest).
                if statement.object_id in package.activity_ids:
                    index = package.activity_ids.index(statement.object_id)
                    matched.append((statement, package_id, index, True))
                    break
            elif _matches(statement.object_id, package.activity_id):
                is_main = statement.object_id == package.activity_id
                matched.append((statement, package_id, None, is_main))
                break
    if not matched:
        return []
    keys = {(s.user_id, p, s.registration) for s, p, _a, _m in matched}
    rows = {
        (r.user_id, r.package_id, r.registration): r
        for r in PackageProgress.objects.filter(
            user_id__in={u for u, _p, _r in keys},
            package_id__in=packages.keys(),
            registration__in={r for _u, _p, r in keys},
        )
    }
    new = {}
    for key in keys:
        if key not in rows:
            rows[key] = new[key] = PackageProgress(
                user_id=key[0], package_id=key[1], registration=key[2], au_state={}
            )
    for statement, package_id, au_index, is_main in matched:
        row = rows[(statement.user_id, package_id, statement.registration)]
        _fold(row, statement, packages[package_id], au_index, is_main)
    PackageProgress.objects.bulk_create(new.values())
    changed = [row for key, row in rows.items() if key not in new]
    if changed:
        PackageProgress.objects.bulk_update(changed, FIELDS)
    return _satisfied_follow_ups(matched, rows, packages)


def _earliest(current, new):
    return new if current is None or (new is not None and new < current) else current


def _fold(row: PackageProgress, statement: "Statement", package, au_index, is_main) -> None:
    when = statement.timestamp or statement.stored
    row.attempted_at = _earliest(row.attempted_at, when)
    if row.last_activity_at is None or when > row.last_activity_at:
        row.last_activity_at = when
    verb = statement.verb
    if au_index is None:
        if not is_main:
            return
        if verb == COMPLETED or (statement.result_completion is True and verb != FAILED):
            row.completed_at = _earliest(row.completed_at, when)
        if verb == PASSED or (verb == COMPLETED and statement.result_success is True):
            row.passed_at = _earliest(row.passed_at, when)
        if verb == FAILED:
            row.failed_at = _earliest(row.failed_at, when)
        if statement.result_score_scaled is not None:
            row.score_scaled = statement.result_score_scaled
        done = row.completed_at or row.passed_at
        if done is not None:
            row.satisfied_at = _earliest(row.satisfied_at, done)
        return
    state = dict(row.au_state.get(str(au_index)) or {})
    if verb == COMPLETED:
        state["completed"] = True
    elif verb == PASSED:
        state["passed"] = True
        if statement.result_score_scaled is not None:
            state["score"] = statement.result_score_scaled
    elif verb == FAILED:
        state["failed"] = True
        if statement.result_score_scaled is not None:
            state.setdefault("score", statement.result_score_scaled)
    elif verb == WAIVED:
        state["waived"] = True
    state["seen"] = True
    row.au_state = {**row.au_state, str(au_index): state}
    aus = package.aus
    states = [row.au_state.get(str(i)) or {} for i in range(len(aus))]
    if all(s.get("completed") or s.get("waived") for s in states):
        row.completed_at = _earliest(row.completed_at, when)
    if all(
        s.get("passed") or s.get("waived") or aus[i]["move_on"] in ("Completed", "NotApplicable")
        for i, s in enumerate(states)
    ) and any(s.get("passed") for s in states):
        row.passed_at = _earliest(row.passed_at, when)
    scores = [s["score"] for s in states if "score" in s]
    if scores:
        row.score_scaled = round(sum(scores) / len(scores), 4)
    if moveon.all_satisfied(_au_satisfied(aus, states)):
        row.satisfied_at = _earliest(row.satisfied_at, when)


def _au_satisfied(aus, states) -> list[bool]:
    return [
        moveon.au_satisfied(
            move_on=au["move_on"],
            completed=bool(state.get("completed")),
            passed=bool(state.get("passed")),
            waived=bool(state.get("waived")),
        )
        for au, state in zip(aus, states, strict=True)
    ]


def _satisfied_follow_ups(matched, rows, packages) -> list[FollowUp]:
    """cmi5: the LMS's ``satisfied`` for blocks and the course whose AUs are all satisfied."""
    candidates = {}
    for statement, package_id, au_index, _is_main in matched:
        if au_index is None or packages[package_id].kind != ContentPackage.Kind.CMI5:
            continue
        key = (statement.user_id, package_id, statement.registration)
        candidates[key] = statement
    if not candidates:
        return []
    targets = []
    for key, statement in candidates.items():
        package = packages[key[1]]
        row = rows[key]
        aus = package.aus
        states = [row.au_state.get(str(i)) or {} for i in range(len(aus))]
        flags = _au_satisfied(aus, states)
        for block in moveon.walk_blocks(package.structure.get("blocks", [])):
            indexes = moveon.block_au_indexes(block)
            if moveon.all_satisfied(flags[i] for i in indexes):
                targets.append(
                    (
                        key,
                        statement,
                        block["activity_id"],
                        vocabulary.CMI5_TYPE_BLOCK,
                        block.get("title", ""),
                        block["id"],
                    )
                )
        if moveon.all_satisfied(flags):
            targets.append(
                (
                    key,
                    statement,
                    package.activity_id,
                    vocabulary.CMI5_TYPE_COURSE,
                    package.title,
                    package.structure["course"]["id"],
                )
            )
    if not targets:
        return []
    done = selectors.recorded(
        verb=vocabulary.SATISFIED.id,
        user_ids={t[0][0] for t in targets},
        object_ids={t[2] for t in targets},
        registrations={t[0][2] for t in targets},
    )
    users = {u.pk: u for u in get_user_model().objects.filter(pk__in={t[0][0] for t in targets})}
    follow_ups = []
    for key, statement, object_id, object_type, name, publisher in targets:
        if (key[0], key[2], object_id) in done:
            continue
        done.add((key[0], key[2], object_id))
        session = ((statement.data.get("context") or {}).get("extensions") or {}).get(
            vocabulary.CMI5_EXT_SESSION, ""
        )
        follow_ups.append(
            FollowUp(
                reason="cmi5 satisfied",
                statement=events.cmi5_satisfied(
                    user=users[key[0]],
                    block=events.Activity(iri=object_id, name=name, type=object_type),
                    registration=key[2],
                    publisher_id=publisher,
                    session_id=session or statement.id,
                ),
            )
        )
    return follow_ups


def _recompute_after_voiding(statement_ids: list[str]) -> list[FollowUp]:
    """Rebuild the package state of every registration a voided statement belonged to."""
    voided = [s for s in selectors.statements_by_ids(ids=statement_ids) if s.registration]
    follow_ups: list[FollowUp] = []
    for user_id, registration in {(s.user_id, s.registration) for s in voided if s.user_id}:
        PackageProgress.objects.filter(user_id=user_id, registration=registration).delete()
        follow_ups += _apply(
            selectors.registration_statements(
                user_id=user_id, registration=registration, exclude_ids=statement_ids
            )
        )
    return follow_ups
