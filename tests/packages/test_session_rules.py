"""The cmi5 session rules (cmi5 9.3, 9.5) as pure functions: one case per rule."""

import datetime as dt
import uuid

import pytest

from lms.packages import session_rules as rules
from lms.xapi import vocabulary

AU = "https://lernen.example.org/qd/au/7"
SESSION = str(uuid.uuid4())
NOW = dt.datetime(2026, 11, 29, 10, 0, tzinfo=dt.UTC)
GRACE = dt.timedelta(seconds=10)
DURATION = {"duration": "PT5M"}
RESULTS = {
    "initialized": None,
    "completed": {"completion": True, **DURATION},
    "passed": {"success": True, "score": {"scaled": 0.9}, **DURATION},
    "failed": {"success": False, "score": {"scaled": 0.4}, **DURATION},
    "terminated": DURATION,
}


def au(verb, *, session=SESSION, result="default", at=None, object_id=AU, category=True):
    context = {"extensions": {vocabulary.CMI5_EXT_SESSION: session}} if session else {}
    if category:
        context["contextActivities"] = {"category": [{"id": vocabulary.CMI5_CATEGORY}]}
    data = {
        "id": str(uuid.uuid4()),
        "verb": {"id": f"http://adlnet.gov/expapi/verbs/{verb}"},
        "object": {"id": object_id},
        "context": context,
    }
    result = RESULTS.get(verb) if result == "default" else result
    if result is not None:
        data["result"] = result
    if at is not None:
        data["timestamp"] = at.isoformat()
    return data


def recorded(verb, *, session=SESSION, at=NOW - dt.timedelta(minutes=5), stored=None):
    return rules.Recorded(
        verb=f"http://adlnet.gov/expapi/verbs/{verb}",
        session_id=session,
        timestamp=at,
        stored=stored or at,
    )


def check(statements, *, history=(), mode="Normal", mastery=0.8, abandoned=False):
    session = rules.Session(
        session_id=SESSION,
        au_activity_id=AU,
        launch_mode=mode,
        mastery_score=mastery,
        abandoned=abandoned,
    )
    refusal = rules.refusal(
        session=session, recorded=list(history), statements=statements, now=NOW, grace=GRACE
    )
    return None if refusal is None else (refusal.index, refusal.message)


def test_a_conformant_session_passes():
    other = au("experienced", object_id=f"{AU}/folie/2", result=None, category=False)
    statements = [au("initialized"), other, au("passed"), au("completed"), au("terminated")]
    assert check(statements) is None


def test_statements_outside_cmi5_are_left_to_the_scope_rules():
    plain = au("experienced", session=None, object_id=f"{AU}/folie/2", result=None)
    assert check([plain]) is None


@pytest.mark.parametrize(
    ("statements", "history", "index", "words"),
    [
        ([au("completed")], [], 0, "starts with 'initialized'"),
        ([au("initialized"), au("initialized", result=None)], [], 1, "already recorded"),
        ([au("initialized"), au("passed"), au("failed")], [], 2, "not both"),
        ([au("completed")], [recorded("initialized")], None, None),
        (
            [au("initialized"), au("completed")],
            [recorded("initialized", session="s1"), recorded("completed", session="s1")],
            1,
            "in this registration",
        ),
        (
            [au("initialized"), au("failed")],
            [recorded("initialized", session="s1"), recorded("passed", session="s1")],
            1,
            "cannot follow 'passed'",
        ),
        (
            [au("initialized"), au("passed")],
            [recorded("initialized", session="s1"), recorded("failed", session="s1")],
            None,
            None,
        ),
        ([au("initialized", session=str(uuid.uuid4()))], [], 0, "session id"),
        ([au("initialized", session=None)], [], 0, "session id"),
    ],
)
def test_verb_order_rules(statements, history, index, words):
    refusal = check(statements, history=history)
    if index is None:
        assert refusal is None
    else:
        assert refusal[0] == index and words in refusal[1], refusal


def test_leaving_out_the_cmi5_category_does_not_escape_the_rules():
    statements = [au("initialized"), au("passed", category=False), au("passed", category=False)]
    assert check(statements)[0] == 2


def test_nothing_after_terminated_except_what_was_in_flight():
    ended = NOW - dt.timedelta(seconds=3)
    history = [recorded("initialized"), recorded("terminated", at=ended, stored=ended)]
    in_flight = au("completed", at=ended - dt.timedelta(seconds=1))
    assert check([in_flight], history=history) is None
    assert (
        "terminated"
        in check([au("completed", at=ended + dt.timedelta(seconds=1))], history=history)[1]
    )
    late = [recorded("initialized"), recorded("terminated", at=ended, stored=NOW - 2 * GRACE)]
    assert "terminated" in check([in_flight], history=late)[1]
    # In one batch: terminated ends the session for whatever comes after it.
    refusal = check([au("initialized"), au("terminated"), au("completed")])
    assert refusal[0] == 2 and "terminated" in refusal[1]


def test_order_is_the_timestamps_order():
    later = au("initialized", at=NOW)
    earlier = au("completed", at=NOW - dt.timedelta(minutes=1))
    assert check([later, earlier])[0] == 1


def test_abandoned_session_accepts_nothing():
    assert "abandoned" in check([au("initialized")], abandoned=True)[1]


@pytest.mark.parametrize("mode", ["Browse", "Review"])
def test_browse_and_review_record_no_results(mode):
    assert check([au("initialized"), au("terminated")], mode=mode) is None
    assert f"{mode} launch" in check([au("initialized"), au("completed")], mode=mode)[1]


@pytest.mark.parametrize(
    ("verb", "result", "words"),
    [
        ("completed", {"completion": True}, "duration: required"),
        ("terminated", {}, "duration: required"),
        ("completed", {"completion": False, **DURATION}, "completion: must be true"),
        ("completed", {"completion": True, "success": True, **DURATION}, "success: not allowed"),
        ("completed", {"completion": True, "score": {"raw": 1}, **DURATION}, "score: not allowed"),
        ("passed", {"success": False, **DURATION}, "success: must be true"),
        ("passed", {"success": True, "completion": True, **DURATION}, "completion: not allowed"),
        ("failed", {"success": True, **DURATION}, "success: must be false"),
        ("passed", {"success": True, "score": {"scaled": 0.7}, **DURATION}, "below the mastery"),
        ("failed", {"success": False, "score": {"scaled": 0.8}, **DURATION}, "reaches the mastery"),
        ("initialized", {"completion": True}, "completion: not allowed"),
    ],
)
def test_result_rules(verb, result, words):
    refusal = check(
        [au("initialized"), au(verb, result=result)]
        if verb != "initialized"
        else [au(verb, result=result)]
    )
    assert refusal is not None and words in refusal[1], refusal


def test_without_a_mastery_score_any_scaled_score_may_pass():
    assert check([au("initialized"), au("passed")], mastery=None) is None
    low = au("passed", result={"success": True, "score": {"scaled": 0.1}, **DURATION})
    assert check([au("initialized"), low], mastery=None) is None


def test_statements_sent_again_are_left_to_the_lrs():
    first = au("initialized")
    history = [recorded("initialized")]
    refusal = rules.refusal(
        session=rules.Session(session_id=SESSION, au_activity_id=AU),
        recorded=history,
        statements=[first],
        now=NOW,
        grace=GRACE,
        known_ids={first["id"]},
    )
    assert refusal is None
