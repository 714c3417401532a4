"""Package progress as a projection of stored statements.

A statement counts for a package when its registration and activity match a launch of
that package by the same person (so two packages that reuse activity ids never mix).
Tin Can: completed / passed / failed about the package's main activity. cmi5: the AU
states (completed, passed, failed, waived) and the moveOn rule of each AU; when a block
or the whole course becomes satisfied the LMS records ``satisfied`` (never during a
replay: those statements are already in the log). Constant number of queries per batch.
"""

from collections import defaultdict

from django.contrib.auth import get_user_model

from lms.packages import cmi5, moveon
from lms.packages.models import ContentPackage, PackageLaunch, PackageProgress
from lms.xapi import vocabulary
from lms.xapi.models import LRSClient, Statement
from lms.xapi.services import is_replaying

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


def apply(statements: list[Statement]) -> None:
    voiding = [s for s in statements if s.verb == VOIDED]
    regular = [s for s in statements if s.user_id and s.registration and s.verb != VOIDED]
    regular = [s for s in regular if not s.voided]
    if regular:
        _apply(regular)
    if voiding and not is_replaying():
        _recompute_after_voiding([s.object_id for s in voiding])


def reset() -> None:
    PackageProgress.objects.all().delete()


def erase(user_id) -> None:
    """Remove the person's package state, launches and their launch credentials."""
    PackageProgress.objects.filter(user_id=user_id).delete()
    client_ids = list(
        PackageLaunch.objects.filter(user_id=user_id, lrs_client__isnull=False).values_list(
            "lrs_client_id", flat=True
        )
    )
    PackageLaunch.objects.filter(user_id=user_id).delete()
    LRSClient.objects.filter(id__in=client_ids).delete()


def _apply(statements: list[Statement]) -> None:
    launched = defaultdict(set)
    for user_id, registration, package_id in (
        PackageLaunch.objects.filter(
            registration__in={s.registration for s in statements},
            user_id__in={s.user_id for s in statements},
        )
        .values_list("user_id", "registration", "package_id")
        .distinct()
    ):
        launched[(user_id, registration)].add(package_id)
    if not launched:
        return
    packages = ContentPackage.objects.in_bulk({p for ids in launched.values() for p in ids})
    matched = []
    for statement in statements:
        if statement.verb == vocabulary.SATISFIED.id:
            continue
        for package_id in sorted(launched.get((statement.user_id, statement.registration), ())):
            package = packages[package_id]
            if package.kind == ContentPackage.Kind.CMI5:
                if statement.object_id in package.activity_ids:
                    index = package.activity_ids.index(statement.object_id)
                    matched.append((statement, package_id, index, True))
                    break
            elif _matches(statement.object_id, package.activity_id):
                is_main = statement.object_id == package.activity_id
                matched.append((statement, package_id, None, is_main))
                break
    if not matched:
        return
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
    newly_satisfied = []
    for statement, package_id, au_index, is_main in matched:
        row = rows[(statement.user_id, package_id, statement.registration)]
        before = row.satisfied_at
        _fold(row, statement, packages[package_id], au_index, is_main)
        if before is None and row.satisfied_at is not None:
            newly_satisfied.append((row, packages[package_id], statement))
    PackageProgress.objects.bulk_create(new.values())
    changed = [row for key, row in rows.items() if key not in new]
    if changed:
        PackageProgress.objects.bulk_update(changed, FIELDS)
    if not is_replaying():
        _record_satisfied(matched, rows, packages)


def _earliest(current, new):
    return new if current is None or (new is not None and new < current) else current


def _fold(row: PackageProgress, statement: Statement, package, au_index, is_main) -> None:
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


def _record_satisfied(matched, rows, packages) -> None:
    """cmi5: record ``satisfied`` for blocks and the course whose AUs are all satisfied."""
    candidates = {}
    for statement, package_id, au_index, _is_main in matched:
        if au_index is None:
            continue
        key = (statement.user_id, package_id, statement.registration)
        candidates[key] = statement
    if not candidates:
        return
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
                        cmi5.TYPE_BLOCK,
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
                    cmi5.TYPE_COURSE,
                    package.title,
                    package.structure["course"]["id"],
                )
            )
    if not targets:
        return
    done = set(
        Statement.objects.filter(
            verb=vocabulary.SATISFIED.id,
            object_id__in={t[2] for t in targets},
            registration__in={t[0][2] for t in targets},
            user_id__in={t[0][0] for t in targets},
            voided=False,
        ).values_list("user_id", "registration", "object_id")
    )
    users = get_user_model().objects.in_bulk({t[0][0] for t in targets})
    for key, statement, object_id, object_type, name, publisher in targets:
        if (key[0], key[2], object_id) in done:
            continue
        done.add((key[0], key[2], object_id))
        session = ((statement.data.get("context") or {}).get("extensions") or {}).get(
            cmi5.EXT_SESSION, ""
        )
        cmi5.satisfied(
            user=users[key[0]],
            object_id=object_id,
            object_type=object_type,
            name=name,
            registration=key[2],
            publisher_id=publisher,
            session_id=session or statement.id,
        )


def _recompute_after_voiding(statement_ids: list[str]) -> None:
    voided = list(Statement.objects.filter(id__in=statement_ids, registration__isnull=False))
    if not voided:
        return
    pairs = {(s.user_id, s.registration) for s in voided if s.user_id}
    for user_id, registration in pairs:
        PackageProgress.objects.filter(user_id=user_id, registration=registration).delete()
        remaining = list(
            Statement.objects.filter(user_id=user_id, registration=registration, voided=False)
            .exclude(id__in=statement_ids)
            .order_by("stored")
        )
        if remaining:
            _apply(remaining)
