"""SCORM 1.2 / 2004: manifest parsing, import, the run-time endpoint, statements, rollup."""

import base64
import io
import json
import zipfile
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import translation

from courses import services as course_services
from courses.models import CourseProgress
from lms.packages import manifests, scorm_data, services
from lms.packages.models import ContentPackage, ContentPackagePage, PackageProgress, ScormAttempt
from lms.packages.safezip import PackageError
from lms.xapi import vocabulary
from lms.xapi.models import Statement
from lms.xapi.services import projections_rebuild
from tests.conftest import log_in
from tests.packages.conftest import upload, zip_folder

CONTENT = "inhalte.example.org"
ON_CONTENT = {"HTTP_HOST": CONTENT}

MANIFEST_12 = """<?xml version="1.0"?>
<manifest identifier="m" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="o1">
    <organization identifier="o0"><title>Not the default</title></organization>
    <organization identifier="o1"><title>Kurs</title>
      <item identifier="i1" identifierref="r1" parameters="?seite=1">
        <title>Eins</title>
        <adlcp:masteryscore>75</adlcp:masteryscore>
        <adlcp:datafromlms>x=1</adlcp:datafromlms>
        <adlcp:maxtimeallowed>00:10:00</adlcp:maxtimeallowed>
        <adlcp:timelimitaction>exit,message</adlcp:timelimitaction>
      </item>
      <item identifier="i2" identifierref="asset"><title>Nur ein Bild</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="a.html">
      <file href="a.html"/>
    </resource>
    <resource identifier="asset" type="webcontent" adlcp:scormtype="asset" href="b.png">
      <file href="b.png"/>
    </resource>
  </resources>
</manifest>"""

MANIFEST_2004 = """<?xml version="1.0"?>
<manifest identifier="m" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
          xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <organizations default="o">
    <organization identifier="o"><title>Kurs 2004</title>
      <item identifier="k"><title>Kapitel</title>
        <item identifier="s1" identifierref="r1"><title>Eins</title>
          <adlcp:dataFromLMS>d</adlcp:dataFromLMS>
          <adlcp:timeLimitAction>continue,message</adlcp:timeLimitAction>
          <imsss:sequencing>
            <imsss:limitConditions attemptAbsoluteDurationLimit="PT1H"/>
            <imsss:objectives>
              <imsss:primaryObjective satisfiedByMeasure="true">
                <imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure>
              </imsss:primaryObjective>
            </imsss:objectives>
          </imsss:sequencing>
        </item>
        <item identifier="s2" identifierref="r2"><title>Zwei</title></item>
      </item>
    </organization>
  </organizations>
  <resources xml:base="content/">
    <resource identifier="r1" type="webcontent" adlcp:scormType="sco" href="one.html">
      <file href="one.html"/></resource>
    <resource identifier="r2" type="webcontent" adlcp:scormType="sco" href="two.html">
      <file href="two.html"/></resource>
  </resources>
</manifest>"""


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def make_zip(files: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


# --- Manifest ---------------------------------------------------------------------------


def test_scorm_12_manifest_reads_default_organization_scos_and_item_data():
    manifest = manifests.parse_scorm(MANIFEST_12.encode(), {"a.html", "b.png"})
    assert manifest.version == "1.2"
    assert manifest.title == "Kurs"
    assert manifest.organization == "o1"
    assert len(manifest.scos) == 1  # the asset item is not a SCO
    sco = manifest.scos[0]
    assert (sco.id, sco.title, sco.url, sco.resource) == ("i1", "Eins", "a.html?seite=1", "r1")
    assert sco.mastery_score == 75
    assert (sco.data_from_lms, sco.max_time_allowed, sco.time_limit_action) == (
        "x=1",
        "00:10:00",
        "exit,message",
    )
    assert sco.move_on == "CompletedOrPassed"


def test_scorm_2004_manifest_with_xml_base_blocks_mastery_and_time_limit():
    names = {"content/one.html", "content/two.html"}
    manifest = manifests.parse_scorm(MANIFEST_2004.encode(), names)
    assert manifest.version == "2004"  # from the namespaces: no schemaversion given
    first, second = manifest.scos
    assert first.url == "content/one.html"
    assert first.mastery_score == 0.6
    assert first.move_on == "CompletedAndPassed"
    assert first.max_time_allowed == "PT1H"
    assert first.time_limit_action == "continue,message"
    assert first.data_from_lms == "d"
    assert second.mastery_score is None and second.move_on == "Completed"
    assert first.objective_ids == [] and second.objective_ids == []  # no objectiveID given
    assert manifest.blocks == [{"id": "k", "title": "Kapitel", "aus": [0, 1], "blocks": []}]


@pytest.mark.parametrize(
    ("raw", "names", "message"),
    [
        (b"<manifest><broken", {"a.html"}, "not well-formed XML"),
        (
            MANIFEST_12.replace('<file href="a.html"/>', '<file href="fehlt.html"/>'),
            {"a.html", "b.png"},
            "fehlt.html",
        ),
        (MANIFEST_12.replace('adlcp:scormtype="sco"', ""), {"a.html", "b.png"}, "names no SCO"),
        (
            MANIFEST_12.replace('identifierref="r1"', 'identifierref="rX"'),
            {"a.html", "b.png"},
            "missing resource rX",
        ),
        (
            '<?xml version="1.0"?><!DOCTYPE manifest [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            "<manifest><organizations><organization><title>&xxe;</title></organization>"
            "</organizations></manifest>",
            set(),
            "document type declaration",
        ),
        ("<other/>", set(), "root element must be <manifest>"),
        (
            MANIFEST_12.replace('href="a.html">', 'href="../../etc/passwd">'),
            {"a.html", "b.png"},
            "not allowed",
        ),
    ],
)
def test_broken_scorm_manifests_are_refused(raw, names, message):
    with pytest.raises(PackageError, match=message.replace("(", r"\(")):
        manifests.parse_scorm(raw.encode() if isinstance(raw, str) else raw, names)


def test_billion_laughs_is_refused_without_expanding():
    raw = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        "<manifest><x>&lol2;</x></manifest>"
    )
    with pytest.raises(PackageError, match="document type declaration"):
        manifests.parse_scorm(raw.encode(), set())


# --- Import -----------------------------------------------------------------------------


def test_scorm_zip_imports_as_a_package_with_sco_ids(make_package):
    package = make_package("scorm12_basic")
    assert package.kind == ContentPackage.Kind.SCORM12
    assert package.is_scorm
    assert package.title == "Datenschutz-Grundlagen (SCORM 1.2)"
    assert package.launch_path == "index.html"
    assert package.activity_id.endswith(f"/activities/scorm/{package.uuid}")
    assert package.aus[0]["activity_id"] == package.activity_id + "/sco-0"
    assert package.activity_ids == [package.activity_id + "/sco-0"]
    multi = make_package("scorm2004_multi")
    assert multi.kind == ContentPackage.Kind.SCORM2004
    assert [sco["title"] for sco in multi.aus] == ["Teil A: Grundsätze", "Teil B: Prüfung"]


def test_nested_scorm_manifest_is_refused_in_german(db):
    data = make_zip({"kurs/imsmanifest.xml": MANIFEST_12, "kurs/a.html": "x", "kurs/b.png": "y"})
    with translation.override("de"), pytest.raises(PackageError) as error:
        services.package_inspect(upload=upload(data))
    assert "imsmanifest.xml liegt in einem Unterordner" in str(error.value)
    assert "kurs/imsmanifest.xml" in str(error.value)


def test_refused_scorm_import_leaves_nothing_behind(db, package_storage):
    data = make_zip({"imsmanifest.xml": MANIFEST_12, "b.png": "y"})  # a.html is missing
    with pytest.raises(PackageError):
        services.package_create(title="", upload=upload(data))
    assert not ContentPackage.objects.exists()
    stored = (
        [p for p in package_storage.rglob("*") if p.is_file()] if package_storage.exists() else []
    )
    assert stored == []


# --- Runtime ----------------------------------------------------------------------------


@pytest.fixture
def scorm_unit(make_course, make_package, settings):
    settings.QD_CONTENT_ORIGIN = f"https://{CONTENT}"

    def make(folder="scorm12_basic"):
        course = make_course(lessons=0)
        package = make_package(folder)
        unit = ContentPackagePage(title="SCORM-Einheit", slug=folder, package=package)
        course.add_child(instance=unit)
        unit.save_revision().publish()
        return course, unit, package

    return make


def start(client, user, course, unit, sco=0):
    """Enrol, launch from the unit page and return the player's fragment parameters."""
    log_in(client, user)
    course_services.course_enrol(user=user, course=course)
    response = client.post(f"/content/unit/{unit.pk}/start/", {"au": sco})
    assert response.status_code == 302, response.content
    location = urlsplit(response["Location"])
    assert location.netloc == CONTENT
    assert location.path == "/content/scorm/player/"
    assert not location.query  # the credential is in the fragment only
    fragment = {k: v[0] for k, v in parse_qs(location.fragment).items()}
    client.logout()
    return fragment


def runtime(client, auth, *, sco=0, event=None, cmi=None, raw=None):
    headers = {"HTTP_AUTHORIZATION": f"Basic {auth}", **ON_CONTENT}
    if event is None and raw is None:
        return client.get(f"/content/scorm/runtime/?sco={sco}", **headers)
    body = raw if raw is not None else json.dumps({"sco": sco, "event": event, "cmi": cmi})
    return client.post(
        "/content/scorm/runtime/", data=body, content_type="application/json", **headers
    )


def cmi12(**core):
    return {"core": {"lesson_status": "incomplete", **core}, "suspend_data": ""}


def verbs(user):
    return [
        s.verb.rsplit("/", 1)[1]
        for s in Statement.objects.filter(user_id=user.pk).order_by("stored")
        if vocabulary.SCORM_PROFILE_CATEGORY in json.dumps(s.data)
    ]


def test_scorm_12_attempt_persists_resumes_and_completes_the_course(client, make_user, scorm_unit):
    course, unit, package = scorm_unit()
    learner = make_user("lea@example.org")
    launch = start(client, learner, course, unit)
    auth = launch["auth"]
    assert launch["return"].endswith(unit.url)

    opened = runtime(client, auth).json()
    assert opened["version"] == "1.2"
    assert opened["mode"] == "normal"
    assert opened["url"] == f"/content/files/{package.uuid}/index.html"
    assert opened["cmi"]["core"]["entry"] == "ab-initio"
    assert opened["cmi"]["launch_data"] == "mode=kurs"
    assert opened["cmi"]["student_data"]["mastery_score"] == "80"
    assert opened["cmi"]["core"]["student_id"] == str(learner.pseudonym)
    assert opened["cmi"]["core"]["student_name"] == ""  # pseudonymous, as for cmi5

    assert runtime(client, auth, event="initialize", cmi=cmi12()).status_code == 200
    saved = runtime(
        client,
        auth,
        event="finish",
        cmi={
            "core": {
                "lesson_status": "incomplete",
                "lesson_location": "seite-2",
                "exit": "suspend",
                "session_time": "00:01:30",
            },
            "suspend_data": "gelesen=1,2",
        },
    )
    assert saved.status_code == 200, saved.content
    attempt = ScormAttempt.objects.get(user=learner, package=package)
    assert (attempt.location, attempt.suspend_data, attempt.exit) == (
        "seite-2",
        "gelesen=1,2",
        "suspend",
    )
    assert attempt.total_seconds == 90

    # Relaunch: the suspended attempt resumes with its data and the total time.
    auth = start(client, learner, course, unit)["auth"]
    opened = runtime(client, auth).json()
    assert opened["attempt"] == 1
    assert opened["cmi"]["core"]["entry"] == "resume"
    assert opened["cmi"]["core"]["lesson_location"] == "seite-2"
    assert opened["cmi"]["suspend_data"] == "gelesen=1,2"
    assert opened["cmi"]["core"]["total_time"] == "0000:01:30"
    runtime(client, auth, event="initialize", cmi=cmi12())
    done = runtime(
        client,
        auth,
        event="finish",
        cmi={
            "core": {
                "lesson_status": "completed",
                "score": {"raw": "90", "min": "0", "max": "100"},
                "session_time": "00:00:30",
            },
            "interactions": {
                "0": {
                    "id": "frage-1",
                    "type": "choice",
                    "student_response": "b",
                    "result": "correct",
                }
            },
        },
    )
    assert done.status_code == 200, done.content
    assert done.json()["scos"][0]["status"] == "passed"
    attempt.refresh_from_db()
    # Mastery score 80 and a raw score of 90: the LMS sets "passed" (RTE 3.4.4).
    assert attempt.completion_status == "passed"
    assert attempt.score_scaled == 0.9
    assert attempt.total_seconds == 120
    assert verbs(learner) == [
        "initialized",
        "suspended",
        "resumed",
        "answered",
        "completed",
        "passed",
        "terminated",
    ]
    # Stored with the launches' own credentials, as a cmi5 AU's statements are.
    scorm_rows = Statement.objects.filter(
        user_id=learner.pk, object_id__startswith=package.activity_id
    )
    assert scorm_rows.count() == 7
    assert not scorm_rows.filter(client_id__isnull=True).exists()
    progress = PackageProgress.objects.get(user=learner, package=package)
    assert progress.satisfied_at is not None and progress.score_scaled == 0.9
    assert CourseProgress.objects.get(user=learner, course=course).completed_at is not None

    # A finished SCO opens in review mode and nothing changes any more.
    auth = start(client, learner, course, unit)["auth"]
    review = runtime(client, auth).json()
    assert review["mode"] == "review"
    assert review["cmi"]["core"]["lesson_mode"] == "review"
    assert review["cmi"]["core"]["credit"] == "no-credit"
    again = runtime(client, auth, event="commit", cmi=cmi12(lesson_status="failed"))
    assert again.json()["stored"] is False
    attempt.refresh_from_db()
    assert attempt.completion_status == "passed"


def test_scorm_2004_multi_sco_rollup_needs_every_sco(client, make_user, scorm_unit):
    course, unit, package = scorm_unit("scorm2004_multi")
    learner = make_user("ben@example.org")
    auth = start(client, learner, course, unit)["auth"]
    opened = runtime(client, auth).json()
    assert opened["version"] == "2004"
    assert opened["cmi"]["entry"] == "ab-initio"
    assert opened["cmi"]["launch_data"] == "teil=a"
    assert [s["title"] for s in opened["scos"]] == ["Teil A: Grundsätze", "Teil B: Prüfung"]
    finished = runtime(
        client,
        auth,
        event="finish",
        cmi={"completion_status": "completed", "exit": "normal", "session_time": "PT2M"},
    )
    assert finished.json()["scos"][0]["status"] == "completed"
    assert PackageProgress.objects.get(user=learner, package=package).satisfied_at is None

    second = runtime(client, auth, sco=1).json()
    assert second["cmi"]["scaled_passing_score"] == "0.8"
    # cmi.objectives starts with the objectives the manifest declares (content looks
    # its objectives up by these ids); the first SCO declares none.
    assert second["cmi"]["objectives"] == {"0": {"id": "pruefung"}}
    assert "objectives" not in opened["cmi"]
    suspended = runtime(
        client,
        auth,
        sco=1,
        event="commit",
        cmi={
            "exit": "suspend",
            "objectives": {"0": {"id": "ziel-1", "success_status": "passed"}},
            "interactions": {"0": {"id": "q1", "type": "true-false", "learner_response": "true"}},
        },
    )
    assert suspended.status_code == 200
    auth = start(client, learner, course, unit, sco=1)["auth"]
    resumed = runtime(client, auth, sco=1).json()
    assert resumed["cmi"]["entry"] == "resume"
    assert resumed["cmi"]["objectives"]["0"]["id"] == "ziel-1"
    assert resumed["cmi"]["interactions"]["0"]["learner_response"] == "true"
    low = runtime(
        client,
        auth,
        sco=1,
        event="commit",
        cmi={"completion_status": "completed", "score": {"scaled": "0.5"}},
    )
    assert low.json()["scos"][1]["status"] == "not_passed"  # the LMS decides: 0.5 < 0.8
    high = runtime(
        client,
        auth,
        sco=1,
        event="finish",
        cmi={"completion_status": "completed", "score": {"scaled": "0.85"}, "exit": "normal"},
    )
    assert high.json()["scos"][1]["status"] == "passed"
    progress = PackageProgress.objects.get(user=learner, package=package)
    assert progress.satisfied_at is not None
    assert progress.au_state["0"]["completed"] and progress.au_state["1"]["passed"]
    assert CourseProgress.objects.get(user=learner, course=course).completed_at is not None
    # Replaying the log reaches the same package state (the projection is the only writer).
    projections_rebuild()
    rebuilt = PackageProgress.objects.get(user=learner, package=package)
    assert (rebuilt.satisfied_at, rebuilt.completed_at, rebuilt.au_state) == (
        progress.satisfied_at,
        progress.completed_at,
        progress.au_state,
    )


def test_a_normally_ended_unfinished_attempt_starts_a_new_one(client, make_user, scorm_unit):
    course, unit, _package = scorm_unit()
    learner = make_user()
    auth = start(client, learner, course, unit)["auth"]
    runtime(client, auth)
    runtime(client, auth, event="finish", cmi=cmi12(lesson_location="p9", exit=""))
    auth = start(client, learner, course, unit)["auth"]
    opened = runtime(client, auth).json()
    assert opened["attempt"] == 2
    assert opened["cmi"]["core"]["entry"] == "ab-initio"
    assert "lesson_location" not in opened["cmi"]["core"]


def test_runtime_refuses_missing_wrong_and_expired_credentials(client, make_user, scorm_unit):
    course, unit, _package = scorm_unit()
    learner = make_user()
    auth = start(client, learner, course, unit)["auth"]
    assert client.get("/content/scorm/runtime/?sco=0", **ON_CONTENT).status_code == 401
    key = base64.b64decode(auth).decode().split(":")[0]
    wrong = base64.b64encode(f"{key}:falsch".encode()).decode()
    assert runtime(client, wrong).status_code == 401
    from lms.xapi.models import LRSClient

    LRSClient.objects.filter(key=key).update(expires_at="2000-01-01T00:00:00Z")
    from lms.xapi import protocol

    protocol.forget_client(key)
    response = runtime(client, auth)
    assert response.status_code == 401
    assert "error" in response.json()


def test_runtime_lives_on_the_content_host_only(client, make_user, scorm_unit):
    course, unit, _package = scorm_unit()
    auth = start(client, make_user(), course, unit)["auth"]
    on_platform = client.get("/content/scorm/runtime/?sco=0", HTTP_AUTHORIZATION=f"Basic {auth}")
    assert on_platform.status_code == 404
    assert client.get("/content/scorm/player/").status_code == 404
    player = client.get("/content/scorm/player/", **ON_CONTENT)
    assert player.status_code == 200
    assert "frame-src 'self'" in player["Content-Security-Policy"]
    assert "sessionid" not in player.cookies
    asset = client.get("/content/scorm/assets/scorm-again.min.js", **ON_CONTENT)
    assert asset.status_code == 200
    assert b"Scorm12API" in b"".join(asset.streaming_content)
    assert client.get("/content/scorm/assets/..%2Fsettings.py", **ON_CONTENT).status_code == 404


def test_an_lrs_client_that_is_not_a_scorm_launch_is_refused(client, make_user, scorm_unit):
    from lms.xapi.services import lrs_client_create

    _client, secret = lrs_client_create(name="Integrator", key="integrator")
    auth = base64.b64encode(f"integrator:{secret}".encode()).decode()
    assert runtime(client, auth).status_code == 403


def test_another_learners_attempt_cannot_be_reached(client, make_user, scorm_unit):
    course, unit, package = scorm_unit()
    lea, ben = make_user("lea2@example.org"), make_user("ben2@example.org")
    lea_auth = start(client, lea, course, unit)["auth"]
    runtime(client, lea_auth)
    runtime(client, lea_auth, event="commit", cmi=cmi12(lesson_location="lea"))
    ben_auth = start(client, ben, course, unit)["auth"]
    opened = runtime(client, ben_auth).json()
    assert "lesson_location" not in opened["cmi"]["core"]
    runtime(client, ben_auth, event="commit", cmi=cmi12(lesson_location="ben"))
    locations = dict(
        ScormAttempt.objects.filter(package=package).values_list("user__email", "location")
    )
    assert locations == {"lea2@example.org": "lea", "ben2@example.org": "ben"}


def test_an_older_launch_may_not_write_after_a_newer_one_opened(client, make_user, scorm_unit):
    course, unit, _package = scorm_unit()
    learner = make_user()
    first = start(client, learner, course, unit)["auth"]
    runtime(client, first)
    second = start(client, learner, course, unit)["auth"]
    runtime(client, second)
    stale = runtime(client, first, event="commit", cmi=cmi12(lesson_location="alt"))
    assert stale.status_code == 409


def test_scorm_needs_a_content_origin(client, make_user, scorm_unit, settings):
    course, unit, _package = scorm_unit()
    settings.QD_CONTENT_ORIGIN = ""
    learner = make_user()
    log_in(client, learner)
    course_services.course_enrol(user=learner, course=course)
    response = client.post(f"/content/unit/{unit.pk}/start/")
    assert response.status_code == 400
    assert "QD_CONTENT_ORIGIN" in response.content.decode()


# --- Data model -------------------------------------------------------------------------


def test_time_formats():
    assert scorm_data.parse_timespan_12("0001:02:03.5") == 3723.5
    assert scorm_data.parse_duration_2004("PT1H2M3.5S") == 3723.5
    assert scorm_data.format_timespan_12(3723.5) == "0001:02:03.50"
    assert scorm_data.format_duration_2004(90) == "PT0H1M30S"
    for bad in ("1:2:3", "aa:bb:cc", "00:61:00"):
        with pytest.raises(scorm_data.CmiError):
            scorm_data.parse_timespan_12(bad)
    for bad in ("P", "PT", "1H", "PT1X"):
        with pytest.raises(scorm_data.CmiError):
            scorm_data.parse_duration_2004(bad)


def test_import_of_a_zip_with_both_cmi5_and_imsmanifest_stays_cmi5(make_package):
    package = make_package(
        "cmi5_basic", replace={"imsmanifest.xml": MANIFEST_12, "a.html": "x", "b.png": "y"}
    )
    assert package.kind == ContentPackage.Kind.CMI5


def test_zip_folder_helper_builds_scorm_fixture():
    names = zipfile.ZipFile(io.BytesIO(zip_folder("scorm2004_multi"))).namelist()
    assert "imsmanifest.xml" in names and "a/index.html" in names


def test_attempts_are_in_the_personal_export_and_erased_with_the_person(
    client, make_user, scorm_unit
):
    from lms.accounts.services import person_erase

    course, unit, _package = scorm_unit()
    learner = make_user("export@example.org")
    auth = start(client, learner, course, unit)["auth"]
    runtime(client, auth)
    runtime(client, auth, event="commit", cmi=cmi12(lesson_location="hier"))
    log_in(client, learner)
    exported = client.get("/me/export.json").json()
    assert exported["sections"]["scorm_attempts"][0]["location"] == "hier"
    client.logout()
    person_erase(user=learner)
    assert not ScormAttempt.objects.exists()


def test_trainer_uploads_scorm_in_the_admin_with_german_errors(client, make_user):
    from django.urls import reverse

    log_in(client, make_user("trainer-scorm@example.org", groups=("Trainer",)))
    add_url = reverse("wagtailsnippets_packages_contentpackage:add")
    with translation.override("de"):
        form = client.get(add_url).content.decode()
        assert "imsmanifest.xml" in form
        nested = make_zip({"kurs/imsmanifest.xml": MANIFEST_12, "kurs/a.html": "x"})
        refused = client.post(add_url, {"title": "", "upload": upload(nested)})
        assert refused.status_code == 200
        assert "liegt in einem Unterordner" in refused.content.decode()
        missing = zip_folder("scorm12_basic", replace={"sco.js": None})
        refused = client.post(add_url, {"title": "", "upload": upload(missing)})
        assert "nicht im Paket enthalten" in refused.content.decode()
        assert not ContentPackage.objects.exists()
        accepted = client.post(
            add_url, {"title": "", "upload": upload(zip_folder("scorm2004_multi"))}
        )
    assert accepted.status_code == 302
    package = ContentPackage.objects.get()
    assert package.kind == ContentPackage.Kind.SCORM2004
    assert len(package.aus) == 2
