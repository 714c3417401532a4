"""A learner who holds a content launch credential cannot make up her records.

The attack, as it worked before the statement pipeline decided trust: launch any cmi5 unit,
take the credential from the one-time fetch, and post statements that name the AU in
``context.contextActivities.grouping`` but are about another course's lessons, its final
assessment, or carry a competency-evidence extension. None of it may complete a lesson or a
course, issue a certificate, or raise a level in the HR reports; an integrator's key may
store such statements (it is a full LRS client) but they move nothing either.
"""

import base64
import json
import uuid
from urllib.parse import urlsplit

import pytest

from competencies.models import Competency, CompetencyProfile, Evidence, ProficiencyLevel
from courses import services as course_services
from courses import tracking
from courses.models import Certificate, CourseCompetency, CourseProgress, LessonProgress
from lms.packages import services as package_services
from lms.packages.models import ContentPackage, ContentPackagePage, PackageLaunch
from lms.xapi import identity, vocabulary
from lms.xapi.models import Statement
from lms.xapi.services import lrs_client_create
from tests.packages.test_services import BASE, launch_params, xapi

ADL = "http://adlnet.gov/expapi/verbs"
pytestmark = pytest.mark.django_db


@pytest.fixture
def target_course(make_course, final_assessment, framework):
    """The course the learner never opened: two lessons, a final test, evidence at level 3."""
    course = make_course(lessons=2, title="Automatisierte Bescheide erklären")
    course.final_assessment = final_assessment
    course.save_revision().publish()
    CourseCompetency.objects.create(
        course=course,
        competency=Competency.objects.get(code="QD.1"),
        level=ProficiencyLevel.objects.get(scale=framework.scale, rank=3),
    )
    return course


@pytest.fixture
def au_credential(client, make_course, make_package, learner):
    """A launched cmi5 AU in another course, and the credential its fetch URL hands out."""
    course = make_course(lessons=0, title="Datenschutz kompakt")
    unit = ContentPackagePage(
        title="Übung", slug="uebung", package=make_package("cmi5_basic"), required=True
    )
    course.add_child(instance=unit)
    unit.save_revision().publish()
    enrolment = course_services.course_enrol(user=learner, course=course)
    params = launch_params(
        package_services.launch_url(
            user=learner,
            package=unit.package,
            registration=enrolment.registration,
            au=0,
            return_url=f"{BASE}/",
            base_url=BASE,
        )
    )
    token = client.post(urlsplit(params["fetch"]).path).json()["auth-token"]
    launch = PackageLaunch.objects.get(user=learner, package=unit.package)
    return {
        "session": {vocabulary.CMI5_EXT_SESSION: str(launch.session_id)},
        "auth": f"Basic {token}",
        "actor": json.loads(params["actor"]),
        "registration": params["registration"],
        "au": params["activityId"],
    }


def _statement(actor, verb, object_id, registration, *, grouping=(), parent=(), result=None):
    data = {
        "id": str(uuid.uuid4()),
        "actor": actor,
        "verb": {"id": verb},
        "object": {"objectType": "Activity", "id": object_id},
        "context": {
            "registration": str(registration),
            "contextActivities": {
                "grouping": [{"id": iri} for iri in grouping],
                "parent": [{"id": iri} for iri in parent],
            },
        },
    }
    if result is not None:
        data["result"] = result
    return data


def _evidence(rank=8):
    return {
        "success": True,
        "completion": True,
        "extensions": {
            vocabulary.EXT_COMPETENCY_EVIDENCE: [
                {"competency": "urn:test:qd:QD.1", "level": f"urn:test:level:{rank}", "source": s}
                for s in ("assessment", "course", "validation")
            ]
        },
    }


def _nothing_moved(learner, course):
    assert not LessonProgress.objects.filter(user=learner, completed_at__isnull=False).exists()
    progress = CourseProgress.objects.filter(user=learner, course=course).first()
    assert progress is None or (
        progress.completed_at is None and progress.assessment_passed_at is None
    )
    assert not Certificate.objects.filter(user=learner).exists()
    assert not Evidence.objects.filter(user=learner).exists()
    assert not CompetencyProfile.objects.filter(user=learner, reached_rank__gt=0).exists()


def test_a_launch_credential_cannot_complete_another_course(
    client, learner, target_course, au_credential
):
    lessons = [tracking.lesson_iri(lesson) for lesson in target_course.get_children().specific()]
    course_iri = tracking.course_iri(target_course)
    final_iri = tracking.assessment_iri(target_course.final_assessment.uuid)
    cred = au_credential
    forged = [
        *(
            _statement(
                cred["actor"],
                f"{ADL}/completed",
                iri,
                cred["registration"],
                grouping=[cred["au"]],
                parent=[course_iri],
                result={"completion": True},
            )
            for iri in lessons
        ),
        _statement(
            cred["actor"],
            f"{ADL}/passed",
            final_iri,
            cred["registration"],
            grouping=[cred["au"]],
            parent=[course_iri],
            result={"success": True, "score": {"scaled": 1.0}},
        ),
        _statement(
            cred["actor"],
            f"{ADL}/completed",
            course_iri,
            cred["registration"],
            grouping=[cred["au"]],
            result=_evidence(),
        ),
    ]
    before = Statement.objects.count()
    for data in forged:
        response = xapi(client, "post", "statements", cred["auth"], data)
        assert response.status_code == 403, response.content
        assert "outside this credential's scope" in response.json()["error"]["message"]
    assert Statement.objects.count() == before
    _nothing_moved(learner, target_course)


def test_evidence_from_content_is_ignored_even_about_its_own_activity(
    client, learner, target_course, au_credential
):
    cred = au_credential
    initialized = _statement(cred["actor"], f"{ADL}/initialized", cred["au"], cred["registration"])
    initialized["context"]["extensions"] = cred["session"]
    first = xapi(client, "post", "statements", cred["auth"], initialized)
    assert first.status_code == 200, first.content
    claim = _statement(
        cred["actor"],
        f"{ADL}/experienced",
        f"{cred['au']}/folie/1",
        cred["registration"],
        result=_evidence(),
    )
    claim["context"]["extensions"] = cred["session"]
    response = xapi(client, "post", "statements", cred["auth"], claim)
    assert response.status_code == 200, response.content  # in scope: stored, not believed
    assert Statement.objects.filter(id=claim["id"]).exists()
    _nothing_moved(learner, target_course)


def test_a_package_that_claims_a_platform_lesson_does_not_complete_it(
    client, learner, target_course
):
    """Defence in depth: even a package whose manifest names a platform lesson (uploads
    refuse that, so it is made here directly) moves no lesson through its credential."""
    lesson = target_course.get_children().specific().first()
    lesson_iri = tracking.lesson_iri(lesson)
    package = ContentPackage.objects.create(
        kind=ContentPackage.Kind.TINCAN,
        title="Untergeschoben",
        content_prefix="packages/content/x",
        launch_path="index.html",
        activity_id=lesson_iri,
        activity_ids=[lesson_iri],
    )
    enrolment = course_services.course_enrol(user=learner, course=target_course)
    params = launch_params(
        package_services.launch_url(
            user=learner,
            package=package,
            registration=enrolment.registration,
            return_url="/",
            base_url=BASE,
        )
    )
    done = _statement(
        json.loads(params["actor"]),
        f"{ADL}/completed",
        lesson_iri,
        enrolment.registration,
        result={"completion": True},
    )
    assert xapi(client, "post", "statements", params["auth"], done).status_code == 200
    _nothing_moved(learner, target_course)


def test_an_integrator_key_stores_but_moves_no_course_record(
    client, learner, target_course, framework
):
    _client, secret = lrs_client_create(name="Fachverfahren", key="fachverfahren")
    auth = "Basic " + base64.b64encode(f"fachverfahren:{secret}".encode()).decode()
    enrolment = course_services.course_enrol(user=learner, course=target_course)
    actor = identity.actor_for_user(learner)
    course_iri = tracking.course_iri(target_course)
    code = "QD-AAAA-BBBB-CCCC"
    statements = [
        _statement(
            actor,
            f"{ADL}/completed",
            tracking.lesson_iri(lesson),
            enrolment.registration,
            parent=[course_iri],
            result={"completion": True},
        )
        for lesson in target_course.get_children().specific()
    ]
    statements += [
        _statement(
            actor,
            f"{ADL}/passed",
            tracking.assessment_iri(target_course.final_assessment.uuid),
            enrolment.registration,
            parent=[course_iri],
            result={"success": True},
        ),
        _statement(
            actor, f"{ADL}/completed", course_iri, enrolment.registration, result=_evidence()
        ),
        _statement(
            actor,
            vocabulary.EARNED.id,
            tracking.certificate_activity(code=code, course=target_course).iri,
            enrolment.registration,
            grouping=[course_iri],
        ),
        _statement(
            actor,
            vocabulary.VALIDATED.id,
            "urn:test:qd:QD.1",
            enrolment.registration,
            result=_evidence(),
        ),
    ]
    response = xapi(client, "post", "statements", auth, statements)
    assert response.status_code == 200, response.content
    _nothing_moved(learner, target_course)
    assert not Certificate.objects.filter(code=code).exists()


def test_the_learner_still_completes_the_course_the_real_way(learner, target_course, question):
    from assessments import services as assessment_services

    course_services.course_continue(user=learner, course=target_course)
    for lesson in target_course.get_children().specific():
        course_services.lesson_complete(user=learner, lesson=lesson)
    attempt = assessment_services.attempt_start(
        user=learner, assessment=target_course.final_assessment, use_providers=True
    )
    assessment_services.attempt_submit(
        attempt_uuid=attempt.uuid, user=learner, data={f"q_{question.uuid}": ["false"]}
    )
    progress = CourseProgress.objects.get(user=learner, course=target_course)
    assert progress.completed_at is not None
    assert Certificate.objects.filter(user=learner, course=target_course).count() == 1
    assert Evidence.objects.filter(user=learner, source="course", rank=3).exists()
