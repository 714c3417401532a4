"""What a launch credential accepts: what real content legitimately sends, nothing else.

The statements below copy the shapes real packages send: a cmi5 AU (as ADL's CATAPULT
examples do) reports slides and questions as sub-activities of the AU, carrying the
``contextTemplate`` from ``LMS.LaunchData`` (grouping: the AU's publisher id); a Tin Can
package (as the Golf Example does) reports pages as sub-activities of its course. The
object decides the scope; context activities never do.
"""

import copy
import json
import uuid
from urllib.parse import urlencode, urlsplit

import pytest

from lms.packages import services
from lms.packages.models import PackageLaunch
from lms.xapi import identity, vocabulary
from lms.xapi.models import Statement
from lms.xapi.vocabulary import CMI5_EXT_SESSION as EXT_SESSION
from tests.packages.test_services import BASE, TINCAN_ID, launch_params, statement
from tests.pglocks import committed_once_blocked, connect_test_database, insert_statement

VIDEO = "https://example.com/vid/id1924"


@pytest.fixture
def learner(make_user):
    return make_user("lernende@example.org")


def call(client, method, path, auth, body=None, **params):
    headers = {"HTTP_AUTHORIZATION": auth, "HTTP_X_EXPERIENCE_API_VERSION": "1.0.3"}
    target = f"/xapi/{path}" + (f"?{urlencode(params)}" if params else "")
    if body is None:
        return getattr(client, method)(target, **headers)
    return getattr(client, method)(
        target, data=json.dumps(body), content_type="application/json", **headers
    )


@pytest.fixture
def au_session(client, make_package, learner):
    """A launched cmi5 AU (the test, mastery score 0.8) as the AU sees it."""
    return start_au_session(client, make_package("cmi5_basic"), learner, uuid.uuid4())


def start_au_session(client, package, learner, registration):
    """Launch AU 1 of ``package``: launch parameters, token, LaunchData."""
    params = launch_params(
        services.launch_url(
            user=learner,
            package=package,
            registration=registration,
            au=1,
            return_url=f"{BASE}/",
            base_url=BASE,
        )
    )
    token = client.post(urlsplit(params["fetch"]).path).json()["auth-token"]
    auth = f"Basic {token}"
    launch_data = call(
        client,
        "get",
        "activities/state",
        auth,
        activityId=params["activityId"],
        agent=params["actor"],
        registration=params["registration"],
        stateId="LMS.LaunchData",
    ).json()
    return {
        "package": package,
        "params": params,
        "auth": auth,
        "actor": json.loads(params["actor"]),
        "registration": registration,
        "context": launch_data["contextTemplate"],
        "launch_mode": launch_data["launchMode"],
    }


def au_statement(session, verb, object_id, **extra):
    """A statement built the way cmi5 AUs build theirs: the contextTemplate as context."""
    context = copy.deepcopy(session["context"])
    context["registration"] = str(session["registration"])
    data = {
        "id": str(uuid.uuid4()),
        "actor": session["actor"],
        "verb": {"id": verb},
        "object": {"objectType": "Activity", "id": object_id},
        "context": context,
    }
    data.update(extra)
    return data


ADL = "http://adlnet.gov/expapi/verbs"


def test_cmi5_au_may_report_its_parts_as_sub_activities(client, au_session):
    session = au_session
    au_id = session["params"]["activityId"]
    publisher_id = session["package"].aus[1]["id"]
    accepted = [
        au_statement(session, f"{ADL}/initialized", au_id),
        au_statement(session, f"{ADL}/experienced", f"{au_id}/slide/3"),
        au_statement(session, f"{ADL}/answered", f"{au_id}/test/quiz1/question/q0"),
        au_statement(session, "https://w3id.org/xapi/video/verbs/played", f"{au_id}/video/1"),
        au_statement(session, f"{ADL}/experienced", publisher_id),
        au_statement(session, f"{ADL}/experienced", f"{publisher_id}#kapitel-2"),
    ]
    for data in accepted:
        response = call(client, "put", "statements", session["auth"], data, statementId=data["id"])
        assert response.status_code == 204, (data["object"]["id"], response.content)
    # A video under an IRI of its own is outside, although the contextTemplate grouping
    # names the AU: context activities never place a statement in scope.
    video = au_statement(session, "https://w3id.org/xapi/video/verbs/played", VIDEO)
    response = call(client, "post", "statements", session["auth"], video)
    assert response.status_code == 403, response.content
    assert response.json()["error"]["message"] == (
        "statements[0].object: outside this credential's scope"
    )
    assert not Statement.objects.filter(object_id=VIDEO).exists()
    # The state API accepts the publisher id as well (bookmarks kept under it).
    state = call(
        client,
        "put",
        "activities/state",
        session["auth"],
        {"bookmark": "page3"},
        activityId=publisher_id,
        agent=session["params"]["actor"],
        registration=session["params"]["registration"],
        stateId="suspendData",
    )
    assert state.status_code == 204, state.content


def test_cmi5_au_is_refused_outside_its_scope(client, au_session, make_user):
    session = au_session
    au_id = session["params"]["activityId"]
    other_actor = identity.actor_for_user(make_user("kollegin@example.org"))
    unrelated = au_statement(session, f"{ADL}/experienced", "https://example.org/anderer-kurs")
    unrelated["context"]["contextActivities"] = {
        "grouping": [{"id": "https://example.org/anderer-kurs"}],
        # A category naming the AU classifies the statement, it does not place it.
        "category": [{"id": au_id}],
    }
    other_person = au_statement(session, f"{ADL}/experienced", f"{au_id}/slide/1")
    other_person["actor"] = other_actor
    other_registration = au_statement(session, f"{ADL}/experienced", f"{au_id}/slide/1")
    other_registration["context"]["registration"] = str(uuid.uuid4())
    refused = {
        "unrelated activity": unrelated,
        "another person": other_person,
        "another registration": other_registration,
    }
    # cmi5 9.3: launched, satisfied, abandoned and waived are the LMS's; an AU may not void.
    for verb in (vocabulary.LAUNCHED, vocabulary.SATISFIED, vocabulary.ABANDONED):
        refused[verb.id] = au_statement(session, verb.id, au_id)
    refused["waived"] = au_statement(
        session,
        vocabulary.WAIVED.id,
        au_id,
        result={"success": True, "completion": True},
    )
    voiding = au_statement(session, vocabulary.VOIDED.id, "unused")
    voiding["object"] = {
        "objectType": "StatementRef",
        "id": str(Statement.objects.get(verb=vocabulary.LAUNCHED.id).id),
    }
    refused["voided"] = voiding
    before = Statement.objects.count()
    for reason, data in refused.items():
        response = call(client, "post", "statements", session["auth"], data)
        assert response.status_code == 403, (reason, response.content)
        assert (
            "scope" in response.json()["error"]["message"]
            or "may not" in (response.json()["error"]["message"])
        )
    assert Statement.objects.count() == before


def test_tincan_package_may_use_every_activity_of_its_manifest(client, make_package, learner):
    tincan_xml = f"""<?xml version="1.0" encoding="utf-8"?>
<tincan xmlns="http://projecttincan.com/tincan.xsd"><activities>
  <activity id="{TINCAN_ID}" type="http://adlnet.gov/expapi/activities/course">
    <name lang="de-DE">Datenschutz</name><launch lang="de-DE">index.html</launch>
  </activity>
  <activity id="https://lernen.example.org/fragen/datenschutz-quiz"
            type="http://adlnet.gov/expapi/activities/assessment">
    <name lang="de-DE">Abschlussfragen</name>
  </activity>
</activities></tincan>"""
    package = make_package(replace={"tincan.xml": tincan_xml.encode()})
    registration = uuid.uuid4()
    params = launch_params(
        services.launch_url(
            user=learner, package=package, registration=registration, return_url="/", base_url=BASE
        )
    )
    auth, actor = params["auth"], json.loads(params["actor"])
    quiz = statement(
        actor, "passed", "https://lernen.example.org/fragen/datenschutz-quiz", registration
    )
    assert call(client, "post", "statements", auth, quiz).status_code == 200
    # A page of the course as Golf Example pages report: sub-activity, course as parent.
    page = statement(
        actor,
        "experienced",
        f"{TINCAN_ID}/Playing/Par",
        registration,
        context={
            "registration": str(registration),
            "contextActivities": {"parent": [{"id": TINCAN_ID}], "grouping": [{"id": TINCAN_ID}]},
        },
    )
    assert call(client, "post", "statements", auth, page).status_code == 200
    # The bookmark state under the course id, as TinCanJS stores it.
    bookmark = call(
        client,
        "put",
        "activities/state",
        auth,
        {"location": 3},
        activityId=TINCAN_ID,
        agent=params["actor"],
        registration=str(registration),
        stateId="bookmarking-data",
    )
    assert bookmark.status_code == 204
    voiding = statement(actor, "voided", "x", registration)
    voiding["object"] = {"objectType": "StatementRef", "id": str(uuid.uuid4())}
    assert call(client, "post", "statements", auth, voiding).status_code == 403


def au_result(session, verb, result):
    au_id = session["params"]["activityId"]
    extra = {"result": result} if result is not None else {}
    data = au_statement(session, f"{ADL}/{verb}", au_id, **extra)
    data["context"]["contextActivities"]["category"] = [{"id": vocabulary.CMI5_CATEGORY}]
    return data


def post(client, session, data):
    return call(client, "post", "statements", session["auth"], data)


def test_cmi5_session_rules_are_enforced_by_the_lrs(client, au_session, learner):
    session = au_session
    assert session["launch_mode"] == "Normal"
    au_id = session["params"]["activityId"]
    before = Statement.objects.count()
    slide = au_statement(session, f"{ADL}/experienced", f"{au_id}/folie/1")
    response = post(client, session, slide)
    assert response.status_code == 403
    assert "starts with 'initialized'" in response.json()["error"]["message"]
    assert Statement.objects.count() == before

    assert post(client, session, au_result(session, "initialized", None)).status_code == 200
    assert post(client, session, slide).status_code == 200
    low = au_result(
        session, "passed", {"success": True, "score": {"scaled": 0.6}, "duration": "PT3M"}
    )
    response = post(client, session, low)
    assert response.status_code == 403
    assert "statements[0].result.score.scaled" in response.json()["error"]["message"]
    passed = au_result(
        session, "passed", {"success": True, "score": {"scaled": 0.9}, "duration": "PT3M"}
    )
    assert post(client, session, passed).status_code == 200
    # The same statement again is the LRS's idempotent case, not a second "passed".
    assert post(client, session, passed).status_code == 200
    again = au_result(
        session, "passed", {"success": True, "score": {"scaled": 1.0}, "duration": "PT4M"}
    )
    assert post(client, session, again).status_code == 403
    # A batch with one statement against the rules stores none of it.
    count = Statement.objects.count()
    batch = [au_statement(session, f"{ADL}/experienced", f"{au_id}/folie/2"), again]
    response = post(client, session, batch)
    assert response.status_code == 403 and "statements[1]" in response.json()["error"]["message"]
    assert Statement.objects.count() == count
    assert (
        post(client, session, au_result(session, "terminated", {"duration": "PT5M"})).status_code
        == 200
    )
    response = post(
        client, session, au_statement(session, f"{ADL}/experienced", f"{au_id}/folie/3")
    )
    assert response.status_code == 403 and "terminated" in response.json()["error"]["message"]

    # The AU is passed (its moveOn): the next launch is a review that records no results.
    second = start_au_session(client, session["package"], learner, session["registration"])
    assert second["launch_mode"] == "Review"
    assert post(client, second, au_result(second, "initialized", None)).status_code == 200
    failed = au_result(
        second, "failed", {"success": False, "score": {"scaled": 0.2}, "duration": "PT1M"}
    )
    response = post(client, second, failed)
    assert response.status_code == 403
    assert "Review launch" in response.json()["error"]["message"]
    # Launching again without terminating abandons the session: its credential is done.
    third = start_au_session(client, session["package"], learner, session["registration"])
    assert Statement.objects.filter(verb=vocabulary.ABANDONED.id).count() == 1
    response = post(client, second, au_statement(second, f"{ADL}/experienced", f"{au_id}/folie/4"))
    assert response.status_code == 403 and "abandoned" in response.json()["error"]["message"]
    assert post(client, third, au_result(third, "initialized", None)).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_two_requests_of_one_session_pass_the_rules_one_at_a_time(client, au_session, learner):
    """Another request of the session holds the launch and has stored 'passed', uncommitted.

    Our 'passed' must wait for it and then be refused; without the lock both would pass.
    """
    session = au_session
    assert post(client, session, au_result(session, "initialized", None)).status_code == 200
    result = {"success": True, "score": {"scaled": 0.9}, "duration": "PT3M"}
    theirs, ours = au_result(session, "passed", result), au_result(session, "passed", result)
    launch = PackageLaunch.objects.get(session_id=session["context"]["extensions"][EXT_SESSION])
    other = connect_test_database()
    other.execute("SELECT id FROM packages_packagelaunch WHERE id = %s FOR UPDATE", [launch.pk])
    insert_statement(other, theirs, registration=session["registration"], user_id=learner.pk)
    with committed_once_blocked(other):
        response = post(client, session, ours)
    assert response.status_code == 403, response.content
    assert "already recorded in this cmi5 session" in response.json()["error"]["message"]
    assert Statement.objects.filter(verb=vocabulary.PASSED.id).count() == 1
