"""The reminder job's database work grows with the number of blocks of people, never with
the number of people in a block."""

import datetime as dt

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms.accounts.models import OrgUnitResponsibility
from lms.accounts.services import responsibility_grant
from lms.assignments.models import ReminderSent
from lms.assignments.services import training_reminders_send
from tests.assignments.conftest import at

DEADLINE = dt.date(2027, 3, 31)

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(make_unit, make_user, make_course, make_assignment, frozen):
    unit = make_unit("Referat 11")
    course = make_course(title="Datenschutz kompakt")
    second = make_course(title="IT-Sicherheit")
    boss = make_user("chefin@example.org")
    responsibility_grant(user=boss, org_unit=unit, kind=OrgUnitResponsibility.Kind.MANAGER)
    make_assignment(course=course, org_unit=unit, deadline_date=DEADLINE, escalate_after_days=7)
    make_assignment(title="IT-Sicherheit", course=second, org_unit=unit, deadline_date=DEADLINE)
    frozen(at(DEADLINE + dt.timedelta(days=7)))  # overdue-1 for both, escalation for one
    people = []

    def queries(count: int, *, chunk_size: int) -> int:
        """The queries of a first run (everything due sent) with ``count`` people in all."""
        while len(people) < count:
            people.append(make_user(org_unit=unit))
        ReminderSent.objects.all().delete()
        mail.outbox.clear()
        with CaptureQueriesContext(connection) as context:
            counts = training_reminders_send(chunk_size=chunk_size, batch_size=1000)
        # Two reminders per person (the boss is outside the unit) and one digest.
        assert counts["reminders"] == 2 * count and counts["digests"] == 1
        assert len(mail.outbox) == 2 * count + 1
        return len(context.captured_queries)

    queries(1, chunk_size=100)  # warms the caches of the site root and the like
    return queries


def test_one_block_costs_the_same_for_few_people_or_many(org):
    assert org(3, chunk_size=100) == org(30, chunk_size=100)


def test_queries_grow_with_the_number_of_blocks_only(org):
    one_block = org(5, chunk_size=10)
    three_blocks = org(25, chunk_size=10)
    five_blocks = org(45, chunk_size=10)
    per_block = (three_blocks - one_block) / 2
    assert per_block == (five_blocks - three_blocks) / 2
    # A block: the next ids, one scope query per assignment, course states, the ledger,
    # people, course links, one claim per batch of reminders; for its overdue people their
    # units, managers, the managers' addresses and one claim per batch.
    assert per_block <= 20
