"""The demo's cmi5 exercise: imported like an upload, an optional unit, idempotent."""

import io
import json
import uuid
from urllib.parse import urlsplit

from lms.packages import demo, services
from lms.packages.models import ContentPackage, ContentPackagePage
from tests.packages.test_services import BASE, launch_params


def test_demo_adds_a_german_cmi5_exercise_once(client, make_course, make_user):
    course = make_course(lessons=1)
    out = io.StringIO()
    trainer = make_user("trainer@example.org", groups=("Trainer",))
    for _ in range(2):
        unit = demo.load_packages_demo(
            out, personas={"Trainer": trainer}, colleagues=[], course_slug=course.slug
        )
    assert ContentPackage.objects.count() == 1
    assert ContentPackagePage.objects.child_of(course).count() == 1
    package = unit.package
    assert package.kind == ContentPackage.Kind.CMI5
    assert package.uploaded_by == trainer
    assert unit.required is False  # optional: the demo courses' completion stays as it was
    assert package.aus[0]["title"] == "Drei Fälle"
    assert package.aus[0]["mastery_score"] == 0.6
    page = client.get(f"/content/files/{package.uuid}/index.html")
    assert page.status_code == 200
    assert "Datenqualität erkennen" in b"".join(page.streaming_content).decode()
    # It launches like any cmi5 package: fetch once, then the credential works.
    learner = make_user("lea@example.org")
    params = launch_params(
        services.launch_url(
            user=learner,
            package=package,
            registration=uuid.uuid4(),
            return_url=f"{BASE}{unit.url}",
            base_url=BASE,
        )
    )
    assert "auth-token" in client.post(urlsplit(params["fetch"]).path).json()
    assert json.loads(params["actor"])["account"]


def test_demo_without_the_course_does_nothing(db):
    out = io.StringIO()
    assert demo.load_packages_demo(out, personas={}, colleagues=[]) is None
    assert ContentPackage.objects.count() == 0
    assert "skipped" in out.getvalue()
