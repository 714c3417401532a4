"""Validity of course completions: end of the day in Europe/Berlin, certificates that
expire, public verification and ``course_states``."""

import datetime
import io
import zlib
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import timezone

from courses import selectors, services, validity
from courses.models import Certificate, CourseProgress, Enrolment
from tests.conftest import log_in

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def _complete(user, course, at):
    services.lesson_complete(user=user, lesson=selectors.course_lessons(course=course)[0])
    CourseProgress.objects.filter(user=user, course=course).update(completed_at=at)
    Certificate.objects.filter(user=user, course=course).update(issued_at=at)
    Enrolment.objects.filter(user=user, course=course).update(enrolled_at=at)


def test_valid_until_is_the_end_of_the_same_day_months_later_in_berlin():
    # 23:30 UTC on 31 Jan 2025 is already 1 Feb in Berlin.
    completed = datetime.datetime(2025, 1, 31, 23, 30, tzinfo=datetime.UTC)
    until = validity.valid_until(completed, 24)
    assert until == datetime.datetime(2027, 2, 2, 0, 0, tzinfo=BERLIN)
    assert validity.last_valid_day(until) == datetime.date(2027, 2, 1)


def test_short_months_clamp_to_their_last_day():
    completed = datetime.datetime(2024, 8, 31, 12, 0, tzinfo=BERLIN)
    assert validity.last_valid_day(validity.valid_until(completed, 6)) == datetime.date(2025, 2, 28)
    assert validity.add_months(datetime.date(2023, 2, 28), 12) == datetime.date(2024, 2, 28)
    assert validity.add_months(datetime.date(2024, 2, 29), 12) == datetime.date(2025, 2, 28)


def test_no_validity_never_expires():
    now = timezone.now()
    assert validity.valid_until(now, None) is None
    assert validity.valid_until(None, 12) is None
    assert not validity.is_expired(None)


def test_expiry_at_the_boundary_with_a_frozen_clock(make_course, learner, monkeypatch):
    course = make_course(lessons=1, validity_months=12)
    _complete(learner, course, datetime.datetime(2025, 3, 10, 9, 0, tzinfo=BERLIN))
    certificate = Certificate.objects.select_related("course").get(user=learner)
    last_instant = datetime.datetime(2026, 3, 10, 23, 59, 59, 999999, tzinfo=BERLIN)

    monkeypatch.setattr(timezone, "now", lambda: last_instant)
    assert not certificate.is_expired
    monkeypatch.setattr(timezone, "now", lambda: last_instant + datetime.timedelta(microseconds=1))
    assert certificate.is_expired
    assert certificate.valid_through == datetime.date(2026, 3, 10)


def test_public_verification_says_valid_then_expired(make_course, learner, monkeypatch):
    course = make_course(lessons=1, title="IT-Sicherheit im Büro", validity_months=24)
    _complete(learner, course, datetime.datetime(2024, 5, 2, 10, 0, tzinfo=BERLIN))
    code = Certificate.objects.get(user=learner).code

    monkeypatch.setattr(
        timezone, "now", lambda: datetime.datetime(2026, 5, 2, 23, 0, tzinfo=BERLIN)
    )
    page = Client().get("/learn/certificates/verify/", {"code": code}).content.decode()
    assert "badge--success" in page
    assert "02.05.2026" in page
    assert "badge--warning" not in page

    monkeypatch.setattr(timezone, "now", lambda: datetime.datetime(2026, 5, 3, 0, 0, tzinfo=BERLIN))
    page = Client().get("/learn/certificates/verify/", {"code": code}).content.decode()
    assert "badge--warning" in page
    assert "badge--success" not in page
    assert "02.05.2026" in page


def test_certificate_without_validity_verifies_as_valid_forever(make_course, learner):
    course = make_course(lessons=1)
    _complete(learner, course, datetime.datetime(2015, 1, 1, 10, 0, tzinfo=BERLIN))
    code = Certificate.objects.get(user=learner).code
    page = Client().get("/learn/certificates/verify/", {"code": code}).content.decode()
    assert "badge--success" in page and "badge--warning" not in page


def _pdf_text(content: bytes) -> bytes:
    """The page streams of an fpdf2 document, inflated."""
    text = b""
    for chunk in content.split(b"stream\n")[1:]:
        body = chunk.split(b"\nendstream")[0]
        try:
            text += zlib.decompress(body)
        except zlib.error:
            text += body
    return text


def test_pdf_prints_the_last_valid_day(make_course, learner):
    course = make_course(lessons=1, validity_months=24)
    _complete(learner, course, datetime.datetime(2025, 6, 30, 10, 0, tzinfo=BERLIN))
    code = Certificate.objects.get(user=learner).code
    response = log_in(Client(), learner).get(f"/learn/certificates/{code}.pdf")
    assert response.status_code == 200
    assert b"30.06.2027" in _pdf_text(io.BytesIO(response.content).getvalue())


def test_course_page_shows_valid_until(make_course, learner):
    course = make_course(lessons=1, validity_months=12)
    _complete(learner, course, datetime.datetime(2025, 6, 30, 10, 0, tzinfo=BERLIN))
    page = log_in(Client(), learner).get(course.url).content.decode()
    assert "30.06.2026" in page


def test_course_states_reports_start_completion_and_validity(
    make_course, learner, make_user, django_assert_num_queries
):
    timed = make_course(lessons=1, validity_months=24)
    forever = make_course(lessons=1)
    other = make_user()
    completed = datetime.datetime(2025, 1, 15, 10, 0, tzinfo=BERLIN)
    _complete(learner, timed, completed)
    _complete(learner, forever, completed)
    services.course_enrol(user=other, course=timed)

    with django_assert_num_queries(4):
        states = selectors.course_states(course_ids=[timed.pk, forever.pk])
    assert states[(learner.pk, timed.pk)] == selectors.CourseState(
        started_at=completed,
        completed_at=completed,
        valid_until=datetime.datetime(2027, 1, 16, tzinfo=BERLIN),
    )
    assert states[(learner.pk, forever.pk)].valid_until is None
    assert states[(other.pk, timed.pk)].completed_at is None
    assert states[(other.pk, timed.pk)].started_at is not None
    assert (other.pk, forever.pk) not in states

    with django_assert_num_queries(4):
        mine = selectors.course_states(course_ids=[timed.pk, forever.pk], user_ids=[other.pk])
    assert set(mine) == {(other.pk, timed.pk)}
    assert selectors.course_states(course_ids=[]) == {}


def test_course_states_query_count_is_flat(make_course, make_user, django_assert_num_queries):
    course = make_course(lessons=1, validity_months=12)
    for _ in range(15):
        _complete(make_user(), course, timezone.now())
    with django_assert_num_queries(4):
        assert len(selectors.course_states(course_ids=[course.pk])) == 15


def test_course_evidence_expires_with_the_course_and_reports_follow(
    make_course, make_user, make_role, make_unit, framework
):
    from competencies import gapcounts
    from competencies import projection as competency_projection
    from competencies.models import CompetencyProfile, Evidence
    from competencies.services import role_target_set
    from lms.xapi.services import projections_rebuild

    role = make_role()
    competency = framework.competencies.get(code="QD.1")
    level = framework.scale.levels.get(rank=3)
    role_target_set(job_role=role, competency=competency, rank=3)
    learner = make_user(job_roles=[role], org_unit=make_unit())
    course = make_course(lessons=1, validity_months=12, develops=[(competency, level)])
    services.lesson_complete(user=learner, lesson=selectors.course_lessons(course=course)[0])

    progress = CourseProgress.objects.select_related("course").get(user=learner, course=course)
    evidence = Evidence.objects.get(user=learner, source="course")
    assert evidence.expires_at == progress.valid_until
    assert evidence.expires_at > timezone.now() + datetime.timedelta(days=364)
    profile = CompetencyProfile.objects.get(user=learner, competency=competency)
    assert profile.reached_rank == 3
    met = {
        key[-1] for key, count in gapcounts.stored().items() if key[0] == gapcounts.GAP and count
    }
    assert met == {3}  # one person in the unit reached the target level

    # The day after the validity ends the level lapses, and the gap counts follow.
    later = progress.valid_until + datetime.timedelta(days=1)
    competency_projection.profiles_refresh_expired(now=later)
    profile.refresh_from_db()
    assert profile.reached_rank == 0
    reached = {k[-1] for k, n in gapcounts.stored().items() if k[0] == gapcounts.GAP and n}
    assert reached == {0}  # HR reports now count the gap again

    # A rebuild replays the statement's own expiry.
    projections_rebuild()
    assert Evidence.objects.get(user=learner, source="course").expires_at == evidence.expires_at


def test_validity_costs_the_course_page_no_query(
    make_course, learner, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = log_in(Client(), learner)
    counts = []
    for months in (None, 12):
        course = make_course(lessons=1, validity_months=months)
        _complete(learner, course, timezone.now())
        client.get(course.url)  # warm caches (site, session) first
        with CaptureQueriesContext(connection) as captured:
            page = client.get(course.url)
        assert page.status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
    with django_assert_max_num_queries(40):
        client.get(course.url)
