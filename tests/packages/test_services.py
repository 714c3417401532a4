"""Import, launch parameters, scoped credentials, cmi5 fetch, LaunchData, moveOn, projection."""

import base64
import datetime as dt
import io
import json
import uuid
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from lms.packages import services
from lms.packages.models import ContentPackage, PackageLaunch, PackageProgress
from lms.packages.safezip import PackageError
from lms.packages.storage import files as package_files
from lms.xapi import identity, vocabulary
from lms.xapi.models import Document, LRSClient, Statement
from lms.xapi.services import actor_erase
from tests.packages.conftest import FILES, macos_zip, upload, windows_zip, zip_folder

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
    assert package_files.exists(f"{package.content_prefix}/lesson.js")


def test_import_is_all_or_nothing(db):
    bad = zip_folder("tincan_basic", replace={"../escape.html": b"x"})
    with pytest.raises(PackageError):
        services.package_create(title="x", upload=upload(bad))
    assert not ContentPackage.objects.exists()
    broken = zip_folder("cmi5_basic", replace={"au/test.html": None})
    with pytest.raises(PackageError, match="not in the package"):
        services.package_create(title="x", upload=upload(broken))
    assert not ContentPackage.objects.exists()
    assert not package_files.exists("packages/content")


def test_not_a_package(db):
    with pytest.raises(PackageError, match=r"neither a zip archive nor a cmi5\.xml"):
        services.package_create(title="x", upload=upload(b"plain text"))
    with pytest.raises(PackageError, match=r"neither tincan\.xml nor cmi5\.xml"):
        services.package_create(
            title="x", upload=upload(zip_folder("tincan_basic", replace={"tincan.xml": None}))
        )


def test_a_bare_cmi5_xml_with_remote_units_is_a_package(learner):
    raw = (FILES / "cmi5_basic" / "cmi5.xml").read_bytes()
    remote = raw.replace(b"<url>au/", b"<url>https://cdn.example.org/au/")
    package = services.package_create(title="", upload=upload(remote, name="cmi5.xml"))
    assert package.kind == ContentPackage.Kind.CMI5
    assert (package.title, package.file_count) == ("Ordnungsgemäße Aktenführung", 1)
    assert package.upload.name.endswith(".xml")
    assert not package_files.exists(package.content_prefix)
    url = services.launch_url(
        user=learner,
        package=package,
        registration=uuid.uuid4(),
        return_url="https://platform.example/kurs/",
        base_url="https://platform.example",
        au=1,
    )
    assert url.startswith("https://cdn.example.org/au/test.html?modus=pruefung&endpoint=")
    # Relative units need the files: a bare manifest naming one is refused, nothing is stored.
    with pytest.raises(PackageError, match="uploaded without a package"):
        services.package_create(title="", upload=upload(raw, name="cmi5.xml"))
    assert ContentPackage.objects.count() == 1


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


@pytest.mark.parametrize("port", [8000, 8001, 18443])
def test_the_demo_content_host_follows_the_serving_port(make_package, learner, settings, port):
    """``make run`` on another port: content and credentials stay on the port this
    server answers, never on a hard-coded 8000 that another program may hold."""
    settings.QD_CONTENT_ORIGIN, settings.QD_CONTENT_HOST_ALIAS = "", "localhost"
    package = make_package()
    base = f"http://127.0.0.1:{port}"
    url = services.launch_url(
        user=learner, package=package, registration=uuid.uuid4(), return_url="/", base_url=base
    )
    assert url.startswith(f"http://localhost:{port}/content/files/{package.uuid}/index.html?")
    assert launch_params(url)["endpoint"] == f"{base}/xapi/"


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


def _stored(root) -> list[str]:
    root = Path(root)
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


@pytest.fixture
def leftovers(settings, package_storage):
    """Every file in the package storage and in media: both must stay empty on refusal."""
    return lambda: _stored(package_storage) + _stored(settings.MEDIA_ROOT)


def test_refused_upload_leaves_nothing_in_storage(db, leftovers):
    """The uploaded zip was kept in storage although the package was refused."""
    bad = zip_folder("tincan_basic", replace={"../escape.html": b"x"})
    with pytest.raises(PackageError):
        services.package_create(title="x", upload=upload(bad))
    with pytest.raises(PackageError):
        services.package_create(title="x", upload=upload(b"kein zip"))
    assert leftovers() == []
    assert not ContentPackage.objects.exists()


def _damaged(member: str) -> bytes:
    """A zip whose ``member`` has a corrupt deflate stream (headers and manifest intact)."""
    payload = bytes(range(256)) * 40
    data = zip_folder("tincan_basic", replace={member: payload})
    compressed = zipfile.ZipFile(io.BytesIO(data)).getinfo(member)
    start = compressed.header_offset + 30 + len(member.encode()) + len(compressed.extra)
    broken = bytearray(data)
    broken[start : start + 16] = b"\xff" * 16
    return bytes(broken)


def test_damaged_member_is_refused_with_a_message_and_nothing_is_kept(db, leftovers):
    """A corrupt deflate stream raised zlib.error past the zip checks: a 500 in the admin."""
    with pytest.raises(PackageError, match="damaged"):
        services.package_create(title="x", upload=upload(_damaged("daten.bin")))
    assert leftovers() == []
    assert not ContentPackage.objects.exists()


def test_package_zipped_with_its_folder_on_windows_is_accepted(client, db, package_storage):
    """Explorer's "Send to › Compressed (zipped) folder" puts everything in one folder."""
    data = windows_zip(
        "tincan_frames", folder="Datenschutz Kurs", extra={"Datenschutz Kurs/Übung.html": b"x"}
    )
    package = services.package_create(title="", upload=upload(data, "Datenschutz Kurs.zip"))
    assert package.launch_path == "index.html"
    assert package.file_count == 7
    stored = _stored(package_storage / package.content_prefix)
    assert stored == sorted(
        ["index.html", "kurs.js", "seiten/eins.html", "seiten/seite.js", "seiten/zwei.html",
         "tincan.xml", "Übung.html"]
    )  # fmt: skip
    served = client.get(f"/content/files/{package.uuid}/seiten/eins.html")
    assert served.status_code == 200


def test_powershell_zip_with_backslashes_is_accepted(db, package_storage):
    data = windows_zip("tincan_basic", folder="paket", backslashes=True)
    package = services.package_create(title="", upload=upload(data))
    assert _stored(package_storage / package.content_prefix) == [
        "index.html",
        "lesson.js",
        "tincan.xml",
    ]


def test_package_zipped_with_its_folder_on_macos_is_accepted(client, db, package_storage):
    """Finder's "Compress" adds __MACOSX/ and .DS_Store, which are left out."""
    package = services.package_create(
        title="", upload=upload(macos_zip("cmi5_basic", folder="aktenfuehrung"))
    )
    assert package.kind == ContentPackage.Kind.CMI5
    assert [au["url"] for au in package.aus] == [
        "au/einfuehrung.html",
        "au/test.html?modus=pruefung",
    ]
    assert _stored(package_storage / package.content_prefix) == [
        "au/einfuehrung.html",
        "au/test.html",
        "cmi5.xml",
    ]
    assert package.file_count == 3
    assert client.get(f"/content/files/{package.uuid}/au/test.html").status_code == 200


@pytest.mark.parametrize(
    "names",
    [
        ["aussen/innen/tincan.xml", "aussen/innen/index.html"],
        ["eins/tincan.xml", "eins/index.html", "zwei/index.html"],
        ["eins/index.html", "tincan-kopie.xml"],
    ],
)
def test_manifest_elsewhere_is_refused_with_how_to_zip(db, leftovers, names):
    tincan = (FILES / "tincan_basic" / "tincan.xml").read_bytes()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, tincan if name.endswith(".xml") else b"<p>x</p>")
    with pytest.raises(PackageError) as refused:
        services.package_create(title="", upload=upload(buffer.getvalue()))
    message = str(refused.value)
    assert "neither tincan.xml nor cmi5.xml" in message
    assert "select everything in it" in message and "Windows" in message and "macOS" in message
    assert leftovers() == []


PLATFORM_IDS = [
    "https://qualifica-digitalis.example/xapi/activities/lesson/3f1c8a52-5c57-4a56-9d7e-1b2c3d4e5f60",
    "https://qualifica-digitalis.example/xapi/activities/course/kurs",
    "HTTPS://Qualifica-Digitalis.example/xapi/activities/course/kurs",
    "https://qualifica-digitalis.example/xapi",
    "https://qualifica-digitalis.example",
    "https://qualifica-digitalis.example/xapi#x",
]


@pytest.mark.parametrize("claimed", PLATFORM_IDS)
def test_tincan_package_may_not_claim_platform_activities(db, leftovers, claimed):
    """A launch credential is scoped to tincan.xml's activities (and their sub-activities):
    a package naming the platform's IRIs could record a platform lesson or course."""
    tincan = (FILES / "tincan_basic" / "tincan.xml").read_text(encoding="utf-8")
    main = tincan.replace(
        'id="https://lernen.example.org/tincan/datenschutz-grundlagen"', f'id="{claimed}"', 1
    )
    extra = tincan.replace(
        'id="https://lernen.example.org/tincan/datenschutz-grundlagen/schalter"', f'id="{claimed}"'
    )
    for manifest in (main, extra):
        data = zip_folder("tincan_basic", replace={"tincan.xml": manifest.encode()})
        with pytest.raises(PackageError, match="belongs to this platform"):
            services.package_create(title="", upload=upload(data))
    assert not ContentPackage.objects.exists() and leftovers() == []


@pytest.mark.parametrize("where", ["course", "block", "au"])
def test_cmi5_package_may_not_claim_platform_activities(db, package_storage, where):
    cmi5 = (FILES / "cmi5_basic" / "cmi5.xml").read_text(encoding="utf-8")
    original = {
        "course": "https://lernen.example.org/cmi5/aktenfuehrung",
        "block": "https://lernen.example.org/cmi5/aktenfuehrung/grundlagen",
        "au": "https://lernen.example.org/cmi5/aktenfuehrung/grundlagen/test",
    }[where]
    claimed = "https://qualifica-digitalis.example/xapi/activities/lesson/abc"
    manifest = cmi5.replace(f'id="{original}"', f'id="{claimed}"')
    data = zip_folder("cmi5_basic", replace={"cmi5.xml": manifest.encode()})
    with pytest.raises(PackageError, match="belongs to this platform"):
        services.package_create(title="", upload=upload(data))
    assert not ContentPackage.objects.exists()


def test_activity_ids_that_only_look_alike_are_accepted(db, package_storage):
    tincan = (FILES / "tincan_basic" / "tincan.xml").read_text(encoding="utf-8")
    original = "https://lernen.example.org/tincan/datenschutz-grundlagen"
    for lookalike in (
        "https://qualifica-digitalis.example/xapix/kurs",
        "https://qualifica-digitalis.example.org/xapi/activities/course/1",
    ):
        manifest = tincan.replace(original, lookalike)
        data = zip_folder("tincan_basic", replace={"tincan.xml": manifest.encode()})
        assert services.package_create(title="", upload=upload(data)).activity_id == lookalike


def _expiry_seconds(client_row) -> float:
    return (client_row.expires_at - timezone.now()).total_seconds()


def test_tincan_credentials_live_shorter_than_cmi5_ones(client, make_package, learner, settings):
    """A Tin Can credential travels in the launch URL's query string (history, logs):
    it gets a lifetime of its own, shorter than cmi5's fetch-based credential."""
    settings.QD_TINCAN_CREDENTIAL_TTL = 20 * 60
    settings.QD_PACKAGE_CREDENTIAL_TTL = 4 * 60 * 60
    tincan = make_package()
    params = launch_params(
        services.launch_url(
            user=learner, package=tincan, registration=uuid.uuid4(), return_url="/", base_url=BASE
        )
    )
    key = base64.b64decode(params["auth"][6:]).decode().split(":")[0]
    tincan_client = LRSClient.objects.get(key=key)
    assert 20 * 60 - 30 < _expiry_seconds(tincan_client) <= 20 * 60
    launch = PackageLaunch.objects.get(lrs_client=tincan_client)
    assert launch.expires_at == tincan_client.expires_at

    cmi5_params = cmi5_launch(make_package("cmi5_basic"), learner, uuid.uuid4())
    token = client.post(urlsplit(cmi5_params["fetch"]).path).json()["auth-token"]
    cmi5_client = LRSClient.objects.get(key=base64.b64decode(token).decode().split(":")[0])
    assert 4 * 60 * 60 - 30 < _expiry_seconds(cmi5_client) <= 4 * 60 * 60

    tincan_client.expires_at = timezone.now() - dt.timedelta(seconds=1)
    tincan_client.save(update_fields=["expires_at"])
    done = statement(json.loads(params["actor"]), "completed", TINCAN_ID, params["registration"])
    assert xapi(client, "post", "statements", params["auth"], done).status_code == 401


def test_long_manifest_title_is_cut_to_fit(db, package_storage):
    """A 1,000-character title from tincan.xml reached the 255-character column (a 500)."""
    tincan = (FILES / "tincan_basic" / "tincan.xml").read_text(encoding="utf-8")
    manifest = tincan.replace("Datenschutz im Bürgerbüro", "T" * 1000)
    data = zip_folder("tincan_basic", replace={"tincan.xml": manifest.encode()})
    package = services.package_create(title="", upload=upload(data))
    assert package.title == "T" * 255
