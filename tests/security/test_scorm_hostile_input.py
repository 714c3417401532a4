"""Hostile SCORM run-time requests: a learner (or a malicious SCO) forging CMI data.

The endpoint answers 4xx JSON for anything outside the SCORM data model (types, sizes,
vocabularies, collections), never a 500, and writes nothing then. A credential reaches
its own attempt only. Hypothesis sends arbitrary JSON as ``cmi``.
"""

import base64
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from courses import services as course_services
from lms.packages.models import ContentPackagePage, ScormAttempt
from tests.conftest import log_in

pytestmark = pytest.mark.django_db

CONTENT = "inhalte.example.org"


@pytest.fixture
def launch(client, make_course, make_package, make_user, settings):
    """A learner's SCORM 1.2 launch with the SCO opened; returns the credential."""
    settings.QD_CONTENT_ORIGIN = f"https://{CONTENT}"
    course = make_course(lessons=0)
    unit = ContentPackagePage(title="SCORM", slug="scorm", package=make_package("scorm12_basic"))
    course.add_child(instance=unit)
    unit.save_revision().publish()
    learner = make_user("angreifer@example.org")
    log_in(client, learner)
    course_services.course_enrol(user=learner, course=course)
    location = client.post(f"/content/unit/{unit.pk}/start/")["Location"]
    client.logout()
    auth = parse_qs(urlsplit(location).fragment)["auth"][0]
    assert _get(client, auth).status_code == 200
    return auth


def _get(client, auth, sco="0"):
    return client.get(
        f"/content/scorm/runtime/?sco={sco}", HTTP_AUTHORIZATION=f"Basic {auth}", HTTP_HOST=CONTENT
    )


def _post(client, auth, body):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return client.post(
        "/content/scorm/runtime/",
        data=data,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Basic {auth}",
        HTTP_HOST=CONTENT,
    )


def _refused(response, status=400):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["error"]


def _unchanged():
    attempt = ScormAttempt.objects.get()
    assert (attempt.location, attempt.suspend_data, attempt.interactions) == ("", "", [])


@pytest.mark.parametrize(
    ("cmi", "element"),
    [
        ({"suspend_data": "x" * 4097}, "cmi.suspend_data"),
        ({"core": {"lesson_location": "x" * 256}}, "cmi.core.lesson_location"),
        ({"core": {"lesson_status": "bestanden"}}, "cmi.core.lesson_status"),
        ({"core": {"exit": "weg"}}, "cmi.core.exit"),
        ({"core": {"score": {"raw": "NaN"}}}, "cmi.core.score.raw"),
        ({"core": {"score": {"raw": "1e400"}}}, "cmi.core.score.raw"),
        ({"core": {"score": {"raw": "101"}}}, "cmi.core.score.raw"),
        ({"core": {"score": {"raw": 90}}}, "cmi.core.score.raw"),
        ({"core": {"session_time": "gestern"}}, "cmi.core.session_time"),
        ({"suspend_data": ["a"]}, "cmi.suspend_data"),
        ({"suspend_data": "a\x00b"}, "cmi.suspend_data"),
        ({"core": "x"}, "cmi.core"),
        ({"interactions": {"0": {"id": ""}}}, "cmi.interactions.0.id"),
        ({"interactions": {"0": {"id": "a b"}}}, "cmi.interactions.0.id"),
        ({"interactions": {"0": {"id": "q", "type": "essay"}}}, "cmi.interactions.0.type"),
        ({"interactions": {"0": {"id": "q", "result": "maybe"}}}, "cmi.interactions.0.result"),
        ({"interactions": {"5": {"id": "q"}}}, "cmi.interactions"),
        ({"interactions": {str(i): {"id": f"q{i}"} for i in range(251)}}, "cmi.interactions"),
        ({"interactions": {"0": "q"}}, "cmi.interactions"),
        ({"objectives": {"0": {"id": "o", "status": "super"}}}, "cmi.objectives.0.status"),
        ({"student_preference": {"audio": "1000"}}, "cmi.student_preference.audio"),
    ],
)
def test_values_outside_the_data_model_are_refused(client, launch, cmi, element):
    response = _post(client, launch, {"sco": 0, "event": "commit", "cmi": cmi})
    _refused(response)
    assert response.json()["element"] == element
    _unchanged()


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"{nicht json", 400),
        (b"\xff\xfe", 400),
        ("[]", 400),
        ({"sco": 0, "event": "delete", "cmi": {}}, 400),
        ({"sco": 7, "event": "commit", "cmi": {}}, 404),
        ({"sco": "x", "event": "commit", "cmi": {}}, 400),
        ({"sco": 0, "event": "commit", "cmi": "x"}, 400),
        ({"sco": 0, "event": "commit", "cmi": {"suspend_data": "x" * 600_000}}, 413),
    ],
)
def test_malformed_requests_get_4xx_json(client, launch, body, status):
    _refused(_post(client, launch, body), status)
    _unchanged()


def test_unknown_sco_on_open_is_404(client, launch):
    _refused(_get(client, launch, sco="99"), 404)
    _refused(_get(client, launch, sco="-1"), 404)
    _refused(_get(client, launch, sco="eins"), 400)


def test_read_only_elements_a_sco_sends_are_ignored(client, launch):
    forged = {
        "core": {"student_id": "jemand-anderes", "credit": "no-credit", "total_time": "9999:00:00"},
        "launch_data": "anders",
    }
    assert _post(client, launch, {"sco": 0, "event": "commit", "cmi": forged}).status_code == 200
    opened = _get(client, launch).json()["cmi"]
    assert opened["core"]["student_id"] != "jemand-anderes"
    assert opened["core"]["total_time"] == "0000:00:00"
    assert opened["launch_data"] == "mode=kurs"


def test_a_credential_is_no_platform_session(client, launch, make_user):
    """The credential opens nothing on the platform, and a session opens no attempt."""
    from lms.xapi.models import LRSClient

    key = base64.b64decode(launch).decode().split(":")[0]
    assert LRSClient.objects.get(key=key).scope_actor_key
    log_in(client, make_user("jemand@example.org"))
    response = client.get("/content/scorm/runtime/?sco=0", HTTP_HOST=CONTENT)
    _refused(response, 401)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
@given(
    cmi=st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "core",
                        "suspend_data",
                        "interactions",
                        "objectives",
                        "0",
                        "id",
                        "score",
                        "raw",
                        "lesson_status",
                        "exit",
                        "type",
                        "result",
                        "student_response",
                        "x",
                    ]
                ),
                children,
                max_size=5,
            )
        ),
        max_leaves=20,
    )
)
def test_arbitrary_json_never_gets_a_500(client, launch, cmi):
    response = _post(client, launch, {"sco": 0, "event": "commit", "cmi": cmi})
    assert response.status_code in (200, 400), response.content
    assert response["Content-Type"].startswith("application/json")
