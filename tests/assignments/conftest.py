"""Builders for mandatory training: assignments, completions, a frozen clock."""

import datetime as dt

import pytest
from django.utils import timezone

from courses.models import CourseProgress
from courses.services import enrolment_ensure
from lms.assignments.models import Assignment
from lms.assignments.selectors import BERLIN
from tests.courses.conftest import course_index, make_course  # noqa: F401 (fixtures)


def at(day: dt.date, hour: int = 7) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=BERLIN)


@pytest.fixture
def frozen(monkeypatch):
    """Django's clock stands still at the moment given."""

    def freeze(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return freeze


@pytest.fixture
def make_assignment(db):
    def make(*, course=None, curriculum=None, people=(), **fields):
        fields.setdefault("title", "Datenschutz-Pflichtschulung")
        assignment = Assignment.objects.create(course=course, curriculum=curriculum, **fields)
        if people:
            assignment.people.set(people)
        return assignment

    return make


def complete(user, course, when):
    enrolment = enrolment_ensure(user=user, course=course)
    enrolment.enrolled_at = when - dt.timedelta(hours=1)
    enrolment.save(update_fields=["enrolled_at"])
    CourseProgress.objects.update_or_create(
        user=user, course=course, defaults={"completed_at": when}
    )


def start(user, course, when):
    enrolment = enrolment_ensure(user=user, course=course)
    enrolment.enrolled_at = when
    enrolment.save(update_fields=["enrolled_at"])
