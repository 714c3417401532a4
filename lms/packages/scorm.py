"""The SCORM run-time on the server: attempts, resume, persistence and xAPI statements.

The player (``views.scorm_player`` on the content origin) runs scorm-again's API object
for the SCO and calls two endpoints with the launch's credential (HTTP Basic, never a
session cookie): ``scorm_open`` hands it the data to start a SCO with, ``scorm_save``
takes what the SCO committed. Attempts:

- no attempt yet: attempt 1 starts (``entry`` ``ab-initio``);
- the last attempt's SCO is satisfied (its moveOn from the manifest): it opens in
  review mode (``lesson_mode``/``mode`` ``review``, ``credit`` ``no-credit``); nothing
  is written;
- the last attempt was suspended (exit ``suspend``) or never ended (the window closed
  without LMSFinish/Terminate): it goes on, with its data (``entry`` ``resume`` after a
  suspend);
- the last attempt ended normally without being satisfied: a new attempt starts.

Only the launch that opened an attempt writes to it. Statements follow the ADL SCORM
profile (``lms.xapi.events.scorm_*``) and go through ``statements_store`` with the
launch's credential, so package progress counts them as it counts cmi5 AUs' own.
"""

import hashlib
from urllib.parse import quote

from django.db import transaction
from django.urls import reverse

from lms.packages import moveon, scorm_data
from lms.packages.models import ContentPackage, PackageLaunch, ScormAttempt
from lms.packages.scorm_data import SCORM_12, SCORM_2004, CmiError
from lms.xapi import events
from lms.xapi import services as xapi_services
from lms.xapi.events import Activity

EVENTS = ("initialize", "commit", "finish", "unload")


class RuntimeRefusal(Exception):
    """A request the runtime refuses: HTTP ``status`` and a message for the JSON answer."""

    def __init__(self, message: str, status: int = 400, element: str = ""):
        super().__init__(message)
        self.status = status
        self.element = element


def version_of(package: ContentPackage) -> str:
    return SCORM_12 if package.kind == ContentPackage.Kind.SCORM12 else SCORM_2004


def _flags(attempt: ScormAttempt, version: str) -> tuple[bool, bool]:
    """(completed, passed) of an attempt, as the package progress counts them."""
    if version == SCORM_12:
        status = attempt.completion_status
        return status in ("completed", "passed"), status == "passed"
    return attempt.completion_status == "completed", attempt.success_status == "passed"


def attempt_done(attempt: ScormAttempt, sco: dict, version: str) -> bool:
    completed, passed = _flags(attempt, version)
    return moveon.au_satisfied(move_on=sco["move_on"], completed=completed, passed=passed)


def _sco(launch: PackageLaunch, index) -> tuple[int, dict]:
    scos = launch.package.aus
    try:
        index = int(index)
    except (TypeError, ValueError):
        raise RuntimeRefusal("sco must be a number.") from None
    if not 0 <= index < len(scos):
        raise RuntimeRefusal("This package has no such SCO.", status=404)
    return index, scos[index]


def _latest(launch: PackageLaunch, index: int, *, lock: bool = False) -> ScormAttempt | None:
    rows = ScormAttempt.objects.filter(
        user_id=launch.user_id,
        package_id=launch.package_id,
        registration=launch.registration,
        sco_index=index,
    )
    if lock:
        rows = rows.select_for_update()
    return rows.order_by("-number").first()


def _xapi_attempt(launch: PackageLaunch, attempt: ScormAttempt, sco: dict) -> events.ScormAttempt:
    package = launch.package
    return events.ScormAttempt(
        sco=Activity(
            iri=sco["activity_id"],
            name=sco.get("title") or sco["id"],
            type="http://adlnet.gov/expapi/activities/lesson",
        ),
        package=Activity(iri=package.activity_id, name=package.title, type=""),
        registration=launch.registration,
        number=attempt.number,
    )


def sco_states(launch: PackageLaunch) -> list[dict]:
    """Each SCO's title and status for the player's table of contents (one query)."""
    version = version_of(launch.package)
    latest: dict[int, ScormAttempt] = {}
    for attempt in ScormAttempt.objects.filter(
        user_id=launch.user_id, package_id=launch.package_id, registration=launch.registration
    ).order_by("sco_index", "number"):
        latest[attempt.sco_index] = attempt
    states = []
    for index, sco in enumerate(launch.package.aus):
        attempt = latest.get(index)
        if attempt is None:
            status = "not_started"
        elif attempt_done(attempt, sco, version):
            status = "passed" if _flags(attempt, version)[1] else "completed"
        elif attempt.success_status == "failed":
            status = "not_passed"
        else:
            status = "in_progress"
        states.append(
            {
                "index": index,
                "id": sco["id"],
                "title": sco.get("title") or sco["id"],
                "status": status,
            }
        )
    return states


def _server_fields(launch, attempt, sco, version, *, mode: str, entry: str) -> dict:
    """The read-only elements the LMS sets, merged into the data the SCO starts with.

    The SCO learns the person's pseudonym as their id and no name, as cmi5 and Tin Can
    content sees only the pseudonymous account: package scripts may send what they know
    anywhere.
    """
    user = launch.user
    credit = "no-credit" if mode == "review" else "credit"
    mastery = sco.get("mastery_score")
    if version == SCORM_12:
        return {
            "core": {
                "student_id": str(user.pseudonym),
                "student_name": "",
                "entry": entry,
                "credit": credit,
                "lesson_mode": mode,
                "total_time": scorm_data.format_timespan_12(attempt.total_seconds),
            },
            "launch_data": sco.get("data_from_lms", ""),
            "student_data": {
                "mastery_score": "" if mastery is None else f"{mastery:g}",
                "max_time_allowed": sco.get("max_time_allowed", ""),
                "time_limit_action": sco.get("time_limit_action", ""),
            },
        }
    fields = {
        "learner_id": str(user.pseudonym),
        "learner_name": "",
        "entry": entry,
        "credit": credit,
        "mode": mode,
        "total_time": scorm_data.format_duration_2004(attempt.total_seconds),
        "launch_data": sco.get("data_from_lms", ""),
    }
    if mastery is not None:
        fields["scaled_passing_score"] = f"{mastery:g}"
    if sco.get("time_limit_action"):
        fields["time_limit_action"] = sco["time_limit_action"]
    if sco.get("max_time_allowed"):
        fields["max_time_allowed"] = sco["max_time_allowed"]
    return fields


def _merge(base: dict, extra: dict) -> dict:
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


@transaction.atomic
def scorm_open(*, launch: PackageLaunch, sco_index) -> dict:
    """What the player needs to start a SCO: its URL, mode and the data to load."""
    index, sco = _sco(launch, sco_index)
    version = version_of(launch.package)
    attempt = _latest(launch, index, lock=True)
    if attempt is not None and attempt_done(attempt, sco, version):
        mode, entry = "review", ""
    else:
        mode = "normal"
        if attempt is None or (attempt.terminated and attempt.exit != "suspend"):
            number = 1 if attempt is None else attempt.number + 1
            attempt = ScormAttempt.objects.create(
                user_id=launch.user_id,
                package_id=launch.package_id,
                registration=launch.registration,
                sco_index=index,
                sco_identifier=sco["id"],
                number=number,
                launch_session=launch.session_id,
            )
            entry = "ab-initio"
        else:
            # A session that never ended still counts its time (SCORM: total_time).
            attempt.total_seconds += attempt.session_seconds
            attempt.session_seconds = 0
            attempt.terminated = False
            attempt.launch_session = launch.session_id
            attempt.save(
                update_fields=["total_seconds", "session_seconds", "terminated", "launch_session"]
            )
            entry = "resume" if attempt.exit == "suspend" else ""
    data = _merge(
        attempt.cmi or {},
        _server_fields(launch, attempt, sco, version, mode=mode, entry=entry),
    )
    if version != SCORM_12 and sco.get("objective_ids") and not data.get("objectives"):
        # SCORM 2004 RTE: cmi.objectives starts with the objectives the manifest declares.
        data["objectives"] = {
            str(index): {"id": objective_id}
            for index, objective_id in enumerate(sco["objective_ids"])
        }
    return {
        "version": version,
        "sco": index,
        "title": sco.get("title") or sco["id"],
        "path": sco["url"],
        # Relative: the player and the package's files share the content origin.
        "url": reverse("packages:file", args=[launch.package.uuid, "x"])[:-1]
        + quote(sco["url"], safe="/?=&#%"),
        "mode": mode,
        "attempt": attempt.number,
        "cmi": data,
        "scos": sco_states(launch),
    }


def _interaction_iri(sco: dict, interaction_id: str) -> str:
    iri = f"{sco['activity_id']}/interactions/{quote(interaction_id, safe='')}"
    if len(iri) > 1000:  # the LRS keeps activity ids of at most 1024 characters
        digest = hashlib.sha256(interaction_id.encode()).hexdigest()
        iri = f"{sco['activity_id']}/interactions/sha256-{digest}"
    return iri


def _apply_mastery(cmi: scorm_data.Cmi, sco: dict, version: str) -> None:
    """The LMS decides pass/fail from the manifest's mastery score when the SCO scored.

    1.2 (RTE 3.4.4 cmi.core.lesson_status): with a mastery score and a raw score, a
    finished lesson is passed or failed by comparison. 2004 (cmi.scaled_passing_score):
    a scaled score decides the success status.
    """
    mastery = sco.get("mastery_score")
    if mastery is None:
        return
    if version == SCORM_12:
        if cmi.score.get("raw") and cmi.completion_status in ("completed", "passed", "failed"):
            passed = float(cmi.score["raw"]) >= mastery
            cmi.completion_status = "passed" if passed else "failed"
            cmi.success_status = cmi.completion_status
    elif cmi.score.get("scaled"):
        cmi.success_status = "passed" if float(cmi.score["scaled"]) >= mastery else "failed"


def statements_for(
    *,
    user,
    attempt: events.ScormAttempt,
    version: str,
    before: ScormAttempt,
    after: scorm_data.Cmi,
    event: str,
    sco: dict,
    resumed: bool,
) -> list[dict]:
    """The statements a commit produces: what changed between ``before`` and ``after``."""
    statements = []
    if event == "initialize":
        builder = events.scorm_resumed if resumed else events.scorm_initialized
        return [builder(user=user, attempt=attempt)]
    old_interactions = before.interactions or []
    for position, interaction in enumerate(after.interactions):
        old = old_interactions[position] if position < len(old_interactions) else None
        answer = (interaction.get("response"), interaction.get("result"))
        if any(answer) and (old is None or (old.get("response"), old.get("result")) != answer):
            statements.append(
                events.scorm_answered(
                    user=user,
                    attempt=attempt,
                    interaction=interaction,
                    interaction_iri=_interaction_iri(sco, interaction["id"]),
                )
            )
    was_completed, _passed = _flags(before, version)
    if version == SCORM_12:
        completed = after.completion_status in ("completed", "passed")
    else:
        completed = after.completion_status == "completed"
    if completed and not was_completed:
        statements.append(events.scorm_completed(user=user, attempt=attempt))
    success = after.success_status
    if success in ("passed", "failed") and success != before.success_status:
        score = after.score
        statements.append(
            events.scorm_passed(
                user=user,
                attempt=attempt,
                passed=success == "passed",
                scaled=scorm_data.score_scaled(score, version),
                raw=score.get("raw") or None,
                low=score.get("min") or None,
                high=score.get("max") or None,
            )
        )
    if event == "finish":
        builder = events.scorm_suspended if after.exit == "suspend" else events.scorm_terminated
        statements.append(builder(user=user, attempt=attempt, duration=after.session_seconds))
    return statements


def scorm_save(*, launch: PackageLaunch, sco_index, event: str, cmi) -> dict:
    """Persist what the SCO committed and record its statements; all or nothing."""
    if event not in EVENTS:
        raise RuntimeRefusal("event must be one of " + ", ".join(EVENTS) + ".")
    index, sco = _sco(launch, sco_index)
    version = version_of(launch.package)
    try:
        reported = scorm_data.parse_cmi(cmi, version)
    except CmiError as error:
        raise RuntimeRefusal(error.message, element=error.element) from None
    with transaction.atomic():
        attempt = _latest(launch, index, lock=True)
        if attempt is None:
            raise RuntimeRefusal("This SCO was not opened.", status=409)
        if attempt.launch_session != launch.session_id:
            if attempt_done(attempt, sco, version):
                # Opened in review mode by this launch: nothing changes.
                return {"stored": False, "scos": sco_states(launch)}
            raise RuntimeRefusal(
                "Another launch has opened this SCO since; this one may no longer write.",
                status=409,
            )
        _apply_mastery(reported, sco, version)
        before = ScormAttempt(
            completion_status=attempt.completion_status,
            success_status=attempt.success_status,
            interactions=list(attempt.interactions or []),
        )
        statements = statements_for(
            user=launch.user,
            attempt=_xapi_attempt(launch, attempt, sco),
            version=version,
            before=before,
            after=reported,
            event=event,
            sco=sco,
            resumed=attempt.exit == "suspend" and bool(attempt.cmi),
        )
        if event != "initialize":
            attempt.cmi = scorm_data.loadable(reported, version)
            attempt.completion_status = reported.completion_status
            attempt.success_status = reported.success_status
            attempt.score_raw = float(reported.score["raw"]) if reported.score.get("raw") else None
            attempt.score_scaled = scorm_data.score_scaled(reported.score, version)
            attempt.location = reported.location
            attempt.suspend_data = reported.suspend_data
            attempt.exit = reported.exit
            attempt.interactions = reported.interactions
            attempt.objectives = reported.objectives
            attempt.session_seconds = reported.session_seconds
            if event in ("finish", "unload"):
                # Session time joins the total when the session ends (RTE: total_time).
                attempt.total_seconds += reported.session_seconds
                attempt.session_seconds = 0
                attempt.terminated = event == "finish"
            attempt.save()
        if statements:
            xapi_services.statements_store(statements=statements, client=launch.lrs_client)
    return {"stored": True, "scos": sco_states(launch)}
