"""Import, launch parameters, scoped credentials, cmi5 fetch, LaunchData, moveOn, projection."""

import base64
import io
import json
import uuid
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import translation

from lms.packages import services
from lms.packages.models import ContentPackage, PackageLaunch, PackageProgress
from lms.packages.safezip import PackageError
from lms.xapi import identity, vocabulary
from lms.xapi.models import Document, LRSClient, Statement
from lms.xapi.services import actor_erase
from tests.packages.conftest import upload, zip_folder

BASE = "http://testserver"
TINCAN_ID = "https://lernen.example.org/tincan/datenschutz-grundlagen"


@pytest.fixture(autouse=True)
def _english():
    """Messages are matched in English here; test_views checks the German ones."""
    with translation.override("en"):
        yield


def launch_params(url: str) -> dict:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def xapi(client, method, path, auth, body=None, **params):
    kwargs = {
        "HTTP_AUTHORIZATION": auth,
        "HTTP_X_EXPERIENCE_API_VERSION": "1.0.3",
    }
    query = "&".join(f"{k}={v}" for k, v in params.items())
    target = f"/xapi/{path}" + (f"?{query}" if query else "")
    if body is not None:
        return getattr(client, method)(
            target, data=json.dumps(body), content_type="application/json", **kwargs
        )
    return getattr(client, method)(target, **kwargs)


def statement(actor, verb, object_id, registration, **extra):
    data = {
        "actor": actor,
        "verb": {"id": f"http://adlnet.gov/expapi/verbs/{verb}"},
        "object": {"id": object_id},
        "context": {"registration": str(registration)},
    }
    data.update(extra)
    return data


@pytest.fixture
def learner(make_user):
    return make_user("lernende@example.org")


def test_tincan_import_stores_files_and_manifest(make_package):
    package = make_package()
    assert package.kind == ContentPackage.Kind.TINCAN
    assert package.title == "Datenschutz im Bürgerbüro"
    assert package.activity_id == TINCAN_ID
    assert package.launch_path == "index.html"
    assert package.file_count == 3
    assert default_storage.exists(f"{package.content_prefix}/lesson.js")


def test_import_is_all_or_nothing(db):
    bad = zip_folder("tincan_basic", replace={"../escape.html": b"x"})
    with pytest.raises(PackageError):
        services.package_create(title="x", upload=upload(bad))
    assert not ContentPackage.objects.exists()
    broken = zip_folder("cmi5_basic", replace={"au/test.html": None})
    with pytest.raises(PackageError, match="not in the package"):
        services.package_create(title="x", upload=upload(broken))
    assert not ContentPackage.objects.exists()
    assert not default_storage.exists("packages/content")


def test_not_a_package(db):
    with pytest.raises(PackageError, match="not a zip"):
        services.package_create(title="x", upload=upload(b"plain text"))
    with pytest.raises(PackageError, match=r"neither tincan\.xml nor cmi5\.xml"):
        services.package_create(
            title="x", upload=upload(zip_folder("tincan_basic", replace={"tincan.xml": None}))
        )


def test_tincan_launch_parameters(make_package, learner):
    package = make_package()
    registration = uuid.uuid4()
    url = services.launch_url(
        user=learner, package=package, registration=registration, return_url="/", base_url=BASE
    )
    assert url.startswith(f"{BASE}/content/files/{package.uuid}/index.html?")
    params = launch_params(url)
    assert params["endpoint"] == f"{BASE}/xapi/"
    assert json.loads(params["actor"]) == identity.actor_for_user(learner)
    assert params["registration"] == str(registration)
    assert params["activity_id"] == TINCAN_ID
    assert params["auth"].startswith("Basic ")
    key = base64.b64decode(params["auth"][6:]).decode().split(":")[0]
    credential = LRSClient.objects.get(key=key)
    assert credential.scope_actor_key == identity.actor_key_for_user(learner)
    assert credential.scope_registration == registration
    assert credential.scope_activity_id == TINCAN_ID
    assert credential.expires_at is not None


def test_content_origin_setting(make_package, learner, settings):
    settings.QD_CONTENT_ORIGIN = "https://inhalte.example.org"
    package = make_package()
    url = services.launch_url(
        user=learner, package=package, registration=uuid.uuid4(), return_url="/", base_url=BASE
    )
    assert url.startswith(f"https://inhalte.example.org/content/files/{package.uuid}/index.html?")
    assert launch_params(url)["endpoint"] == f"{BASE}/xapi/"


def test_launch_credential_is_scoped(client, make_package, learner, make_user):
    package = make_package()
    registration = uuid.uuid4()
    params = launch_params(
        services.launch_url(
            user=learner, package=package, registration=registration, return_url="/", base_url=BASE
        )
    )
    auth, actor = params["auth"], json.loads(params["actor"])
    ok = xapi(
        client, "post", "statements", auth, statement(actor, "experienced", TINCAN_ID, registration)
    )
    assert ok.status_code == 200, ok.content
    sub = statement(actor, "experienced", TINCAN_ID + "/schalter", registration)
    assert xapi(client, "post", "statements", auth, sub).status_code == 200
    other = identity.actor_for_user(make_user("kollegin@example.org"))
    forbidden = [
        statement(other, "completed", TINCAN_ID, registration),
        statement(actor, "completed", TINCAN_ID, uuid.uuid4()),
        statement(actor, "completed", "https://lernen.example.org/anderer-kurs", registration),
    ]
    for data in forbidden:
        response = xapi(client, "post", "statements", auth, data)
        assert response.status_code == 403, data
    assert Statement.objects.filter(verb=vocabulary.COMPLETED.id).count() == 0


def test_tincan_statements_project_to_progress(client, make_package, learner):
    package = make_package()
    registration = uuid.uuid4()
    params = launch_params(
        services.launch_url(
            user=learner, package=package, registration=registration, return_url="/", base_url=BASE
        )
    )
    auth, actor = params["auth"], json.loads(params["actor"])
    xapi(
        client, "post", "statements", auth, statement(actor, "experienced", TINCAN_ID, registration)
    )
    progress = PackageProgress.objects.get(user=learner, package=package)
    assert progress.attempted_at and progress.satisfied_at is None
    done = statement(
        actor,
        "completed",
        TINCAN_ID,
        registration,
        result={"completion": True, "score": {"scaled": 0.9}},
    )
    assert xapi(client, "post", "statements", auth, done).status_code == 200
    progress.refresh_from_db()
    assert progress.completed_at and progress.satisfied_at
    assert progress.score_scaled == 0.9


def cmi5_launch(package, learner, registration, au=0):
    return launch_params(
        services.launch_url(
            user=learner,
            package=package,
            registration=registration,
            au=au,
            return_url=f"{BASE}/content/{package.uuid}/",
            base_url=BASE,
        )
    )


def test_cmi5_launch_fetch_once_and_launch_data(client, make_package, learner):
    package = make_package("cmi5_basic")
    assert package.kind == ContentPackage.Kind.CMI5
    registration = uuid.uuid4()
    params = cmi5_launch(package, learner, registration, au=1)
    assert set(params) == {"endpoint", "fetch", "actor", "registration", "activityId", "modus"}
    assert params["modus"] == "pruefung"  # the AU's own query string is kept
    au = package.aus[1]
    assert params["activityId"] == au["activity_id"] != au["id"]
    assert params["registration"] == str(registration)
    fetch_path = urlsplit(params["fetch"]).path
    assert client.get(fetch_path).status_code == 405
    first = client.post(fetch_path)
    assert first.status_code == 200 and first["Content-Type"] == "application/json"
    token = first.json()["auth-token"]
    second = client.post(fetch_path)
    assert second.status_code == 200
    assert second.json()["error-code"] == "1"
    assert "auth-token" not in second.json()

    auth = f"Basic {token}"
    state = xapi(
        client,
        "get",
        "activities/state",
        auth,
        activityId=params["activityId"],
        agent=params["actor"],
        registration=params["registration"],
        stateId="LMS.LaunchData",
    )
    assert state.status_code == 200, state.content
    data = state.json()
    assert data["launchMode"] == "Normal"
    assert data["moveOn"] == "Passed"
    assert data["masteryScore"] == 0.8
    assert data["returnURL"] == f"{BASE}/content/{package.uuid}/"
    assert data["entitlementKey"] == {"courseStructure": "aktenfuehrung-2026"}
    assert data["contextTemplate"]["contextActivities"]["grouping"][0]["id"] == au["id"]
    launched = Statement.objects.get(verb=vocabulary.LAUNCHED.id)
    assert launched.object_id == au["activity_id"]
    assert launched.registration == registration
    assert (
        launched.context["extensions"]["https://w3id.org/xapi/cmi5/context/extensions/masteryscore"]
        == 0.8
    )


def test_cmi5_relaunch_without_terminated_is_abandoned(make_package, learner):
    package = make_package("cmi5_basic")
    registration = uuid.uuid4()
    cmi5_launch(package, learner, registration)
    cmi5_launch(package, learner, registration)
    abandoned = Statement.objects.filter(verb=vocabulary.ABANDONED.id)
    assert abandoned.count() == 1
    assert PackageLaunch.objects.filter(abandoned_at__isnull=False).count() == 1


def _au_session(client, package, learner, registration, au):
    params = cmi5_launch(package, learner, registration, au=au)
    token = client.post(urlsplit(params["fetch"]).path).json()["auth-token"]
    launch_data = json.loads(
        bytes(
            Document.objects.get(
                document_id="LMS.LaunchData", activity_id=params["activityId"]
            ).content
        )
    )
    return f"Basic {token}", json.loads(params["actor"]), params["activityId"], launch_data


def au_statements(auth_actor_au_template, registration, *steps):
    """The statements of one AU session: (verb, result) steps, each carrying the template."""
    _auth, actor, au_id, template = auth_actor_au_template
    context = {**template["contextTemplate"], "registration": str(registration)}
    context["contextActivities"] = {
        **context["contextActivities"],
        "category": [{"id": vocabulary.CMI5_CATEGORY}],
    }
    return [
        statement(actor, verb, au_id, registration, context=context, result=result)
        if result is not None
        else statement(actor, verb, au_id, registration, context=context)
        for verb, result in steps
    ]


def test_cmi5_move_on_and_satisfied(client, make_package, learner):
    package = make_package("cmi5_basic")
    registration = uuid.uuid4()
    session = _au_session(client, package, learner, registration, 0)
    initialized, done = au_statements(
        session,
        registration,
        ("initialized", None),
        ("completed", {"completion": True, "duration": "PT4M"}),
    )
    assert xapi(client, "post", "statements", session[0], initialized).status_code == 200
    assert xapi(client, "post", "statements", session[0], done).status_code == 200
    progress = PackageProgress.objects.get(user=learner, package=package)
    assert progress.au_state["0"]["completed"] is True
    assert progress.satisfied_at is None
    assert not Statement.objects.filter(verb=vocabulary.SATISFIED.id).exists()

    # The test AU, first session: failed (below the mastery score 0.8), then terminated.
    session = _au_session(client, package, learner, registration, 1)
    first = au_statements(
        session,
        registration,
        ("initialized", None),
        ("failed", {"success": False, "score": {"scaled": 0.5}, "duration": "PT9M"}),
        ("terminated", {"duration": "PT10M"}),
    )
    assert xapi(client, "post", "statements", session[0], first).status_code == 200
    progress.refresh_from_db()
    assert progress.satisfied_at is None
    # Second session of the test AU: passed.
    session = _au_session(client, package, learner, registration, 1)
    second = au_statements(
        session,
        registration,
        ("initialized", None),
        ("passed", {"success": True, "score": {"scaled": 0.9}, "duration": "PT7M"}),
    )
    assert xapi(client, "post", "statements", session[0], second).status_code == 200
    progress.refresh_from_db()
    assert progress.satisfied_at is not None
    satisfied = set(
        Statement.objects.filter(verb=vocabulary.SATISFIED.id).values_list("object_id", flat=True)
    )
    assert satisfied == {package.activity_id, package.structure["blocks"][0]["activity_id"]}

    incremental = list(
        PackageProgress.objects.values(
            "user_id",
            "package_id",
            "registration",
            "satisfied_at",
            "completed_at",
            "passed_at",
            "au_state",
        )
    )
    call_command("rebuild_projections", stdout=io.StringIO())
    rebuilt = list(
        PackageProgress.objects.values(
            "user_id",
            "package_id",
            "registration",
            "satisfied_at",
            "completed_at",
            "passed_at",
            "au_state",
        )
    )
    assert rebuilt == incremental
    assert Statement.objects.filter(verb=vocabulary.SATISFIED.id).count() == 2


def test_waived_au_counts_for_move_on(client, make_package, learner):
    package = make_package("cmi5_basic")
    registration = uuid.uuid4()
    services.au_waive(
        user=learner, package=package, au=1, registration=registration, reason="Tested"
    )
    # A waiver alone is not a launch: the LMS still records it, but progress needs a launch.
    session = _au_session(client, package, learner, registration, 0)
    services.au_waive(
        user=learner, package=package, au=1, registration=registration, reason="Tested"
    )
    done = au_statements(
        session,
        registration,
        ("initialized", None),
        ("completed", {"completion": True, "duration": "PT2M"}),
    )
    assert xapi(client, "post", "statements", session[0], done).status_code == 200
    progress = PackageProgress.objects.get(user=learner, package=package)
    assert progress.au_state["1"]["waived"] is True
    assert progress.satisfied_at is not None


def test_erasure_removes_package_state_and_launch_credentials(client, make_package, learner):
    package = make_package()
    registration = uuid.uuid4()
    params = launch_params(
        services.launch_url(
            user=learner, package=package, registration=registration, return_url="/", base_url=BASE
        )
    )
    done = statement(json.loads(params["actor"]), "completed", TINCAN_ID, registration)
    assert xapi(client, "post", "statements", params["auth"], done).status_code == 200
    assert PackageProgress.objects.filter(user=learner).exists()
    actor_erase(user=learner)
    assert not PackageProgress.objects.filter(user=learner).exists()
    assert not PackageLaunch.objects.filter(user=learner).exists()
    assert not LRSClient.objects.filter(
        scope_actor_key=identity.actor_key_for_user(learner)
    ).exists()
    assert xapi(client, "post", "statements", params["auth"], done).status_code == 401
