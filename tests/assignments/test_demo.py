"""The demo's mandatory training: two units, people overdue and due soon, the manager
persona's digest and the reminders in the mail outbox."""

import io

import pytest
from django.core import mail

from lms.assignments.demo import load_assignments_demo
from lms.assignments.models import Assignment
from lms.assignments.services import training_reminders_send
from lms.demo.loader import print_logins
from lms.demo.people import load_people

pytestmark = pytest.mark.django_db


def test_the_demo_shows_the_cycle(make_course):
    make_course(title="Datenschutz im Amt")
    make_course(title="IT-Sicherheit im Amt")
    out = io.StringIO()
    personas, colleagues = load_people(out)
    load_assignments_demo(out, personas=personas, colleagues=colleagues)
    load_assignments_demo(out, personas=personas, colleagues=colleagues)  # idempotent
    assert Assignment.objects.count() == 2
    assert "overdue" in out.getvalue()
    counts = training_reminders_send()
    assert counts["reminders"] > 5 and counts["digests"] >= 1
    recipients = {m.to[0] for m in mail.outbox}
    assert "lernende@example.org" in recipients
    assert "fuehrung@example.org" in recipients  # the manager persona's digest
    logins = io.StringIO()
    print_logins(logins)
    assert "fuehrung@example.org" in logins.getvalue()
