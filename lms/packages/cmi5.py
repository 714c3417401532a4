"""The statements the LMS itself makes in a cmi5 session (cmi5 section 9): built here as
xAPI JSON, stored through ``lms.xapi.services`` (validated, projected, forwarded)."""

import datetime as dt
import uuid

from django.utils import timezone

from lms.xapi import identity, services, vocabulary

EXT_SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
EXT_LAUNCH_MODE = "https://w3id.org/xapi/cmi5/context/extensions/launchmode"
EXT_LAUNCH_URL = "https://w3id.org/xapi/cmi5/context/extensions/launchurl"
EXT_MOVE_ON = "https://w3id.org/xapi/cmi5/context/extensions/moveon"
EXT_LAUNCH_PARAMETERS = "https://w3id.org/xapi/cmi5/context/extensions/launchparameters"
EXT_MASTERY_SCORE = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"
EXT_REASON = "https://w3id.org/xapi/cmi5/result/extensions/reason"
CATEGORY_CMI5 = vocabulary.CMI5_CATEGORY
CATEGORY_MOVE_ON = "https://w3id.org/xapi/cmi5/context/categories/moveon"
TYPE_BLOCK = "https://w3id.org/xapi/cmi5/activitytype/block"
TYPE_COURSE = "https://w3id.org/xapi/cmi5/activitytype/course"


def context_template(*, publisher_id: str, session_id) -> dict:
    """The context every statement of the session carries (also in LMS.LaunchData)."""
    return {
        "contextActivities": {"grouping": [{"id": publisher_id, "objectType": "Activity"}]},
        "extensions": {EXT_SESSION: str(session_id)},
    }


def _statement(
    *,
    user,
    verb,
    object_id,
    registration,
    publisher_id,
    session_id,
    categories,
    extensions=None,
    result=None,
    object_type=None,
    name=None,
) -> dict:
    context = context_template(publisher_id=publisher_id, session_id=session_id)
    context["registration"] = str(registration)
    context["contextActivities"]["category"] = [{"id": iri} for iri in categories]
    context["extensions"].update(extensions or {})
    obj = {"objectType": "Activity", "id": object_id}
    if object_type:
        obj["definition"] = {"type": object_type}
        if name:
            obj["definition"]["name"] = {vocabulary.LANGUAGE: name}
    statement = {
        "id": str(uuid.uuid4()),
        "actor": identity.actor_for_user(user),
        "verb": verb.as_dict(),
        "object": obj,
        "context": context,
        "timestamp": timezone.now().isoformat(),
    }
    if result:
        statement["result"] = result
    return statement


def _record(statement: dict):
    if services.is_replaying():
        return None
    return services.statement_record(statement=statement)


def launched(*, user, launch, au: dict, launch_url: str, publisher_id: str):
    extensions = {
        EXT_LAUNCH_MODE: launch.launch_mode,
        EXT_LAUNCH_URL: launch_url,
        EXT_MOVE_ON: au["move_on"],
    }
    if au.get("launch_parameters"):
        extensions[EXT_LAUNCH_PARAMETERS] = au["launch_parameters"]
    if au.get("mastery_score") is not None:
        extensions[EXT_MASTERY_SCORE] = au["mastery_score"]
    return _record(
        _statement(
            user=user,
            verb=vocabulary.LAUNCHED,
            object_id=launch.activity_id,
            registration=launch.registration,
            publisher_id=publisher_id,
            session_id=launch.session_id,
            categories=[CATEGORY_CMI5],
            extensions=extensions,
        )
    )


def abandoned(*, user, launch, publisher_id: str, duration: dt.timedelta):
    seconds = max(int(duration.total_seconds()), 0)
    return _record(
        _statement(
            user=user,
            verb=vocabulary.ABANDONED,
            object_id=launch.activity_id,
            registration=launch.registration,
            publisher_id=publisher_id,
            session_id=launch.session_id,
            categories=[CATEGORY_CMI5],
            result={"duration": f"PT{seconds}S"},
        )
    )


def waived(*, user, activity_id, registration, publisher_id, reason: str):
    return _record(
        _statement(
            user=user,
            verb=vocabulary.WAIVED,
            object_id=activity_id,
            registration=registration,
            publisher_id=publisher_id,
            session_id=uuid.uuid4(),
            categories=[CATEGORY_CMI5, CATEGORY_MOVE_ON],
            result={"success": True, "completion": True, "extensions": {EXT_REASON: reason}},
        )
    )


def satisfied(*, user, object_id, object_type, name, registration, publisher_id, session_id):
    return _record(
        _statement(
            user=user,
            verb=vocabulary.SATISFIED,
            object_id=object_id,
            registration=registration,
            publisher_id=publisher_id,
            session_id=session_id,
            categories=[CATEGORY_CMI5, CATEGORY_MOVE_ON],
            object_type=object_type,
            name=name,
        )
    )
