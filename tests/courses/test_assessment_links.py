"""Knowledge checks inside lessons and final assessments that complete a course."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from assessments import services as assessment_services
from competencies.models import Competency, Evidence, ProficiencyLevel
from courses import selectors, services, tracking
from courses.models import Certificate, CourseCompetency, CourseProgress, LessonPage
from lms.xapi import vocabulary
from lms.xapi.models import Statement
from tests.conftest import log_in

pytestmark = pytest.mark.django_db


def _answer_knowledge_check(client, lesson, question, value="false"):
    page = client.get(lesson.url).content.decode()
    assert 'name="token"' in page
    token = page.split('name="token" value="', 1)[1].split('"', 1)[0]
    return client.post(
        "/assessments/check/",
        {"token": token, f"q_{question.uuid}": value, "next": lesson.url},
    )


def test_checks_rule_completes_only_after_the_knowledge_check_is_answered(
    make_course, learner, question
):
    course = make_course(lessons=0)
    lesson = services.lesson_create_or_update(
        course=course,
        title="Wann ein Mensch entscheiden muss",
        slug="mensch",
        body=[("paragraph", "<p>§ 24 Abs. 1 Satz 3 VwVfG.</p>"), ("knowledge_check", question)],
        completion_rule=LessonPage.CompletionRule.CHECKS,
    )
    services.course_continue(user=learner, course=course)
    with pytest.raises(services.CourseActionError):
        services.lesson_complete(user=learner, lesson=lesson)
    client = log_in(Client(), learner)
    _answer_knowledge_check(client, lesson, question)
    answered = Statement.objects.get(user=learner, verb=vocabulary.ANSWERED.id)
    assert answered.data["context"]["contextActivities"]["parent"][0]["id"] == tracking.lesson_iri(
        lesson
    )
    assert selectors.lesson_progress(user=learner, lesson=lesson).answered_questions == [
        answered.object_id
    ]
    services.lesson_complete(user=learner, lesson=lesson)
    assert CourseProgress.objects.get(user=learner, course=course).completed_at is not None


def test_knowledge_check_is_shown_only_to_enrolled_learners_with_a_token(
    make_course, learner, question
):
    course = make_course(lessons=0)
    lesson = services.lesson_create_or_update(
        course=course, title="Prüfen", slug="pruefen", body=[("knowledge_check", question)]
    )
    client = log_in(Client(), learner)
    assert 'name="token"' not in client.get(lesson.url).content.decode()
    services.course_enrol(user=learner, course=course)
    assert 'name="token"' in client.get(lesson.url).content.decode()


def test_passing_the_final_assessment_completes_the_course_with_evidence(
    make_course, learner, final_assessment, question, framework
):
    course = make_course(lessons=1)
    course.final_assessment = final_assessment
    course.save_revision().publish()
    competency = Competency.objects.get(code="QD.1")
    CourseCompetency.objects.create(
        course=course,
        competency=competency,
        level=ProficiencyLevel.objects.get(scale=framework.scale, rank=3),
    )
    services.course_continue(user=learner, course=course)
    services.lesson_complete(user=learner, lesson=selectors.course_lessons(course=course)[0])
    progress = CourseProgress.objects.get(user=learner, course=course)
    assert progress.completed_at is None  # the final assessment is still missing

    # Submitted with its own clock (as a late sync would be): the records keep that time.
    submitted = timezone.now() + dt.timedelta(hours=1)
    attempt = assessment_services.attempt_start(
        assessment=final_assessment,
        user=learner,
        use_providers=True,
        now=submitted - dt.timedelta(minutes=5),
    )
    assessment_services.attempt_submit(
        attempt_uuid=attempt.uuid,
        user=learner,
        data={f"q_{question.uuid}": ["false"]},
        now=submitted,
    )
    progress.refresh_from_db()
    assert progress.assessment_passed_at is not None
    assert progress.completed_at is not None
    completed = Statement.objects.get(
        user=learner, verb=vocabulary.COMPLETED.id, object_id=tracking.course_iri(course)
    )
    assert completed.evidence == [
        {"competency": competency.uri, "level": "urn:test:level:3", "source": "course"}
    ]
    # The course was completed when the attempt that met its rule ended, and so was the
    # competency evidenced.
    assert completed.timestamp == submitted == progress.completed_at
    evidence = Evidence.objects.get(user=learner, competency=competency, source="course")
    assert evidence.occurred_at == submitted
    assert Certificate.objects.get(user=learner, course=course).issued_at == submitted


def test_failing_the_final_assessment_leaves_the_course_open(
    make_course, learner, final_assessment, question
):
    course = make_course(lessons=1)
    course.final_assessment = final_assessment
    course.save_revision().publish()
    services.lesson_complete(user=learner, lesson=selectors.course_lessons(course=course)[0])
    attempt = assessment_services.attempt_start(
        assessment=final_assessment, user=learner, use_providers=True
    )
    assessment_services.attempt_submit(
        attempt_uuid=attempt.uuid, user=learner, data={f"q_{question.uuid}": ["true"]}
    )
    progress = CourseProgress.objects.get(user=learner, course=course)
    assert progress.assessment_passed_at is None and progress.completed_at is None


def test_course_page_links_the_final_assessment_with_a_signed_context(
    make_course, learner, final_assessment
):
    course = make_course(lessons=1)
    course.final_assessment = final_assessment
    course.save_revision().publish()
    services.course_enrol(user=learner, course=course)
    page = log_in(Client(), learner).get(course.url).content.decode()
    assert f"/assessments/{final_assessment.uuid}/?context=" in page


def test_recommendations_put_the_course_closing_the_largest_gap_first(
    make_course, make_user, make_role, framework
):
    from competencies.services import role_target_set

    role = make_role()
    qd1, qd2 = Competency.objects.get(code="QD.1"), Competency.objects.get(code="QD.2")
    role_target_set(job_role=role, competency=qd1, rank=4)
    role_target_set(job_role=role, competency=qd2, rank=2)
    small, large = make_course(lessons=1), make_course(lessons=1)
    level = {r: ProficiencyLevel.objects.get(scale=framework.scale, rank=r) for r in (2, 5)}
    CourseCompetency.objects.create(course=small, competency=qd2, level=level[2])
    CourseCompetency.objects.create(course=large, competency=qd1, level=level[5])
    person = make_user(job_roles=[role])
    cards = selectors.recommended_courses(user=person)
    assert [card.course.pk for card in cards] == [large.pk, small.pk]
    assert selectors.gap_closure_by_course(user=person) == {large.pk: 4, small.pk: 2}
