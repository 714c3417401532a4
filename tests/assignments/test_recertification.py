"""A full recertification cycle through the learner's own services: complete, expire,
take the course again, complete again; the team status follows each step."""

import datetime as dt

import pytest
from django.db.models import Q

from courses import selectors as course_selectors
from courses import services as course_services
from courses.models import Certificate
from lms.assignments.selectors import status_rows
from tests.assignments.conftest import at

pytestmark = pytest.mark.django_db


def _work_through(person, course, day):
    for lesson in course_selectors.course_lessons(course=course):
        course_services.lesson_complete(user=person, lesson=lesson, now=at(day))


def _status(person, day):
    (row,) = status_rows(people_filter=Q(pk=person.pk), now=at(day, 12))
    return row.status, row.deadline


def test_expiry_retake_and_second_completion_move_the_status(
    make_unit, make_user, make_course, make_assignment, frozen
):
    unit = make_unit("Referat 11")
    course = make_course(title="IT-Sicherheit", lessons=2, validity_months=12)
    person = make_user("eva@example.org", org_unit=unit)
    make_assignment(course=course, org_unit=unit, deadline_date=dt.date(2025, 3, 31))

    _work_through(person, course, dt.date(2025, 3, 1))
    assert _status(person, dt.date(2025, 6, 1)) == ("done", None)
    # Within the renewal lead time before 01.03.2026, the renewal is due.
    status, deadline = _status(person, dt.date(2026, 2, 20))
    assert deadline == dt.date(2026, 3, 1)
    assert status == "done"  # the old completion counts until it expires
    assert _status(person, dt.date(2026, 3, 5))[0] == "overdue"

    frozen(at(dt.date(2026, 3, 5)))
    course_services.course_retake(user=person, course=course, now=at(dt.date(2026, 3, 5)))
    # Started, but the renewal deadline has passed: still overdue until completed.
    assert _status(person, dt.date(2026, 3, 6)) == ("overdue", dt.date(2026, 3, 1))

    _work_through(person, course, dt.date(2026, 3, 10))
    assert _status(person, dt.date(2026, 3, 11)) == ("done", None)
    certificates = Certificate.objects.filter(user=person).order_by("issued_at")
    assert [c.valid_through for c in certificates] == [dt.date(2026, 3, 1), dt.date(2027, 3, 10)]
