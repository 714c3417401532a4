"""Serving package files in a sandbox, the standalone launch page, the admin upload form."""

from pathlib import Path
from urllib.parse import unquote

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lms.packages.models import ContentPackage
from tests.conftest import log_in
from tests.packages.conftest import FILES, upload, zip_folder


def test_files_are_served_sandboxed(client, make_package):
    package = make_package()
    response = client.get(f"/content/files/{package.uuid}/index.html")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    csp = response["Content-Security-Policy"]
    assert csp.startswith("sandbox ")
    # confirm() must answer (content asks before it sends its last statements).
    assert {"allow-scripts", "allow-forms", "allow-popups", "allow-modals"} <= set(csp.split())
    assert "allow-same-origin" not in csp
    # Packages frame their own pages from an opaque origin: no X-Frame-Options.
    assert "X-Frame-Options" not in response
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    # A Tin Can launch URL carries its credential in the query string: never as Referer.
    assert response["Referrer-Policy"] == "no-referrer"
    assert b"Datenschutz" in b"".join(response.streaming_content)
    js = client.get(f"/content/files/{package.uuid}/lesson.js")
    assert js.status_code == 200 and "javascript" in js["Content-Type"]


@pytest.mark.parametrize("path", ["../../settings.py", "..%2F..%2Fx", "nope.html", "%00"])
def test_files_outside_the_package_are_not_found(client, make_package, path):
    package = make_package()
    assert client.get(f"/content/files/{package.uuid}/{path}").status_code == 404


@pytest.fixture
def frames(make_package):
    """A package with a folder (``seiten/``), one for all examples of a test."""
    return make_package("tincan_frames")


@pytest.mark.parametrize(
    "path",
    [
        "a/..",
        "seiten/..",
        "%2e%2e",
        "a/%2e%2e",
        "a/%2E%2e/index.html",
        ".",
        "./index.html",
        "index.html/",
        "index.html/.",
        "a//index.html",
        "a\\..\\index.html",
        "%5c..%5cindex.html",
        "index.html%00",
        "%00/index.html",
        "/etc/passwd",
        "C:/Windows/win.ini",
        "x" * 5000,
        "a/" * 2000 + "index.html",
    ],
)
def test_traversal_and_odd_paths_are_not_found(client, frames, path):
    """``/content/files/<uuid>/a/..`` named the package's folder and gave a 500."""
    assert client.get(f"/content/files/{frames.uuid}/{path}").status_code == 404


SEGMENTS = st.sampled_from(
    ["..", ".", "", "%2e%2e", "%2E.", "%2e", "\\", "%5c", "%5C..", "%00", "a%00b", "%2f", "%",
     "%zz", "index.html", "kurs.js", "seiten", "eins.html", "x" * 300, "C:", "~", "ü", "\u202e",
     "index.html%3F", "*", " ", "%20", "con", "..."]
)  # fmt: skip


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
@given(segments=st.lists(SEGMENTS, min_size=1, max_size=8), leading=st.booleans())
def test_any_path_is_a_package_file_or_not_found(client, frames, segments, leading):
    path = ("/" if leading else "") + "/".join(segments)
    response = client.get(f"/content/files/{frames.uuid}/{path}")
    files = {"index.html", "kurs.js", "tincan.xml", "seiten/eins.html", "seiten/zwei.html",
             "seiten/seite.js"}  # fmt: skip
    if unquote(path) in files:
        assert response.status_code == 200, path
        assert response["Content-Security-Policy"].startswith("sandbox ")
    else:
        assert response.status_code == 404, path


def test_trainers_preview_packages_learners_do_not(client, make_package, make_user):
    package = make_package()
    url = reverse("packages:launch", args=[package.uuid])
    assert client.get(url).status_code == 302  # login first
    log_in(client, make_user("lernende@example.org"))
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    client.logout()
    log_in(client, make_user("trainerin@example.org", groups=("Trainer",)))
    page = client.get(url)
    assert page.status_code == 200
    assert "Inhalt starten" in page.content.decode()
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"].startswith(f"http://testserver/content/files/{package.uuid}/")
    again = client.post(url)
    # The same registration is reused for the same person and package.
    assert (
        again["Location"].split("registration=")[1][:36]
        == response["Location"].split("registration=")[1][:36]
    )


def test_trainer_uploads_in_admin_with_german_errors(client, make_user):
    trainer = make_user("trainerin@example.org", groups=("Trainer",))
    log_in(client, trainer)
    add_url = reverse("wagtailsnippets_packages_contentpackage:add")
    bad = zip_folder("tincan_basic", replace={"../../evil.js": b"alert(1)"})
    response = client.post(add_url, {"title": "", "upload": upload(bad)})
    assert response.status_code == 200
    assert "verlässt" in response.content.decode()
    assert not ContentPackage.objects.exists()
    invalid = zip_folder(
        "cmi5_basic",
        replace={
            "cmi5.xml": (
                b'<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/'
                b'CourseStructure.xsd"><au id="x"/></courseStructure>'
            )
        },
    )
    response = client.post(add_url, {"title": "", "upload": upload(invalid)})
    assert "entspricht nicht dem cmi5-Schema" in response.content.decode()
    response = client.post(add_url, {"title": "", "upload": upload(zip_folder("cmi5_basic"))})
    assert response.status_code == 302, response.content.decode()[:2000]
    package = ContentPackage.objects.get()
    assert package.title == "Ordnungsgemäße Aktenführung"
    assert len(package.aus) == 2


def test_upload_that_fails_while_unpacking_gets_a_form_error(
    client, make_user, package_storage, settings
):
    """A member whose data is damaged passes the checks of the form and fails while it is
    unpacked: that was a 500 and left the uploaded zip in storage."""
    from tests.packages.test_services import _damaged

    log_in(client, make_user("trainerin@example.org", groups=("Trainer",)))
    add_url = reverse("wagtailsnippets_packages_contentpackage:add")
    response = client.post(add_url, {"title": "", "upload": upload(_damaged("daten.bin"))})
    assert response.status_code == 200
    assert "beschädigt" in response.content.decode()
    assert not ContentPackage.objects.exists()
    for root in (package_storage, Path(settings.MEDIA_ROOT)):
        assert not [p for p in root.rglob("*") if p.is_file()]


def test_content_host_keeps_its_own_origin(client, make_package, settings):
    settings.QD_CONTENT_ORIGIN = "https://inhalte.example.org"
    settings.ALLOWED_HOSTS = ["*"]
    package = make_package()
    on_site = client.get(f"/content/files/{package.uuid}/index.html")
    assert "allow-same-origin" not in on_site["Content-Security-Policy"]
    on_content_host = client.get(
        f"/content/files/{package.uuid}/index.html", HTTP_HOST="inhalte.example.org"
    )
    assert on_content_host["Content-Security-Policy"].endswith("allow-same-origin")


def test_the_demo_content_host_is_the_alias_on_the_serving_port(client, make_package, settings):
    settings.QD_CONTENT_ORIGIN, settings.QD_CONTENT_HOST_ALIAS = "", "localhost"
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    settings.ALLOWED_HOSTS = ["*"]
    package = make_package()
    alias = {"HTTP_HOST": "localhost:8001"}
    served = client.get(f"/content/files/{package.uuid}/index.html", **alias)
    assert served["Content-Security-Policy"].endswith("allow-same-origin")
    on_platform = client.get(
        f"/content/files/{package.uuid}/index.html", HTTP_HOST="127.0.0.1:8001"
    )
    assert "allow-same-origin" not in on_platform["Content-Security-Policy"]
    # Everything else on the alias goes to the platform on the same port.
    response = client.get("/accounts/login/", **alias)
    assert response["Location"] == "http://127.0.0.1:8001/accounts/login/"


def test_trainer_renames_a_package_without_uploading_again(client, make_user, make_package):
    package = make_package()
    prefix = package.content_prefix
    log_in(client, make_user("trainerin@example.org", groups=("Trainer",)))
    edit_url = reverse("wagtailsnippets_packages_contentpackage:edit", args=[package.pk])
    assert client.get(edit_url).status_code == 200
    response = client.post(edit_url, {"title": "Datenschutz kompakt"})
    assert response.status_code == 302, response.content.decode()[:2000]
    package.refresh_from_db()
    assert (package.title, package.content_prefix) == ("Datenschutz kompakt", prefix)


def test_start_forms_may_lead_to_the_content_host(client, make_user, make_package, settings):
    """Browsers apply form-action to the redirect after the start form's post as well."""
    package = make_package()
    log_in(client, make_user("trainerin@example.org", groups=("Trainer",)))
    default = client.get(f"/content/{package.uuid}/")["Content-Security-Policy"]
    assert "form-action 'self';" in default + ";"
    settings.QD_CONTENT_ORIGIN = "https://inhalte.example.org/"
    policy = client.get(f"/content/{package.uuid}/")["Content-Security-Policy"]
    assert "form-action 'self' https://inhalte.example.org" in policy
    assert "script-src 'self'" in policy  # the rest of the policy stays as strict


def test_start_forms_may_lead_to_an_au_on_another_host(client, make_user, make_package):
    cmi5_xml = (FILES / "cmi5_basic" / "cmi5.xml").read_text(encoding="utf-8")
    cmi5_xml = cmi5_xml.replace(
        "<url>au/test.html?modus=pruefung</url>",
        "<url>https://au.example.net/aktenfuehrung/test.html</url>",
    )
    package = make_package("cmi5_basic", replace={"cmi5.xml": cmi5_xml.encode()})
    log_in(client, make_user("trainerin@example.org", groups=("Trainer",)))
    policy = client.get(f"/content/{package.uuid}/")["Content-Security-Policy"]
    assert "form-action 'self' https://au.example.net" in policy


def test_content_host_serves_package_files_only(client, make_package, settings):
    """Nobody logs in on the content host: package scripts there would share the session."""
    settings.QD_CONTENT_ORIGIN = "https://inhalte.example.org"
    settings.WAGTAILADMIN_BASE_URL = "https://lernen.example.org"
    settings.ALLOWED_HOSTS = ["*"]
    package = make_package()
    on_content_host = {"HTTP_HOST": "inhalte.example.org"}
    assert (
        client.get(f"/content/files/{package.uuid}/index.html", **on_content_host).status_code
        == 200
    )
    for path in ("/accounts/login/?next=/me/", "/", "/cms/", "/xapi/about"):
        response = client.get(path, **on_content_host)
        assert response.status_code == 302, path
        assert response["Location"] == f"https://lernen.example.org{path}"
    assert client.post("/accounts/login/", {}, **on_content_host).status_code == 302
    # The platform's own host is untouched.
    assert client.get("/accounts/login/").status_code == 200
    # Without a platform address to send people to, the content host answers 404.
    settings.WAGTAILADMIN_BASE_URL = ""
    assert client.get("/accounts/login/", **on_content_host).status_code == 404
    # One host for both (a misconfiguration) must not lock the platform out.
    settings.WAGTAILADMIN_BASE_URL = "https://inhalte.example.org"
    assert client.get("/accounts/login/", **on_content_host).status_code == 200
