"""The daily reminder job: schedule (frozen clock), language, escalation, idempotency."""

import datetime as dt
import io
import socket

import pytest
from django.core import mail
from django.core.management import call_command
from wagtail.users.models import UserProfile

from lms.accounts.models import OrgUnitResponsibility
from lms.accounts.services import people_set_active, responsibility_grant
from lms.assignments.models import ReminderSent
from lms.assignments.services import training_reminders_send
from tests.assignments.conftest import at, complete

DEADLINE = dt.date(2027, 3, 31)

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(make_unit, make_user, make_course, make_assignment):
    unit = make_unit("Referat 11")
    course = make_course(title="Datenschutz kompakt")
    person = make_user("eva@example.org", org_unit=unit)
    assignment = make_assignment(
        course=course, org_unit=unit, deadline_date=DEADLINE, escalate_after_days=14
    )
    return unit, course, person, assignment


def run(frozen, day):
    frozen(at(day))
    mail.outbox.clear()
    return training_reminders_send()


def test_the_schedule_sends_14_3_0_days_before_then_weekly(setup, frozen):
    sent_on = {}
    day = DEADLINE - dt.timedelta(days=20)
    while day <= DEADLINE + dt.timedelta(days=22):
        run(frozen, day)
        if mail.outbox:
            sent_on[day] = [m.subject for m in mail.outbox]
        day += dt.timedelta(days=1)
    assert sorted(sent_on) == [
        DEADLINE - dt.timedelta(days=14),
        DEADLINE - dt.timedelta(days=3),
        DEADLINE,
        DEADLINE + dt.timedelta(days=7),
        DEADLINE + dt.timedelta(days=14),
        DEADLINE + dt.timedelta(days=21),
    ]
    kinds = list(ReminderSent.objects.order_by("sent_at", "id").values_list("kind", flat=True))
    assert kinds == ["before-14", "before-3", "due", "overdue-1", "overdue-2", "overdue-3"]


def test_a_missed_day_is_caught_up_with_one_mail(setup, frozen):
    run(frozen, DEADLINE - dt.timedelta(days=2))
    assert len(mail.outbox) == 1  # "before-3" though the job did not run that day
    assert ReminderSent.objects.get().kind == "before-3"


def test_the_mail_is_in_the_persons_language_with_what_when_why_and_link(setup, frozen):
    _unit, _course, person, _assignment = setup
    run(frozen, DEADLINE)
    german = mail.outbox[0]
    assert "Datenschutz kompakt" in german.subject and "heute fällig" in german.subject
    assert "31. März 2027" in german.body
    assert "Datenschutz-Pflichtschulung" in german.body
    assert "/kurse/kurs-1/" in german.body
    ReminderSent.objects.all().delete()
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = "en"
    profile.save()
    run(frozen, DEADLINE)
    assert mail.outbox[0].subject == "Mandatory training due today: Datenschutz kompakt"


def test_deadline_ends_at_midnight_in_berlin(setup, frozen):
    # 23:30 in Berlin on the deadline is 22:30 UTC: still the day, not yet overdue.
    frozen(dt.datetime(2027, 3, 31, 21, 30, tzinfo=dt.UTC))
    training_reminders_send()
    assert ReminderSent.objects.get().kind == "due"


def test_completed_people_and_leavers_get_nothing(setup, frozen, make_user):
    unit, course, person, _assignment = setup
    leaver = make_user("gone@example.org", org_unit=unit)
    people_set_active(user_ids=[leaver.pk], active=False)
    complete(person, course, at(dt.date(2027, 1, 10)))
    run(frozen, DEADLINE)
    assert mail.outbox == []
    assert ReminderSent.objects.count() == 0


def test_running_twice_sends_nothing_twice(setup, frozen):
    run(frozen, DEADLINE)
    assert len(mail.outbox) == 1
    run(frozen, DEADLINE)
    assert mail.outbox == []
    assert ReminderSent.objects.count() == 1


def test_a_failing_mail_leaves_no_ledger_row_and_is_retried(setup, frozen, settings):
    # A real SMTP backend aimed at a port where nothing listens: the connection is refused.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port, 2
    counts = run(frozen, DEADLINE)
    assert counts == {"reminders": 0, "escalations": 0, "digests": 0, "failed": 1}
    assert ReminderSent.objects.count() == 0
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run(frozen, DEADLINE)
    assert len(mail.outbox) == 1
    assert ReminderSent.objects.get().kind == "due"


def test_a_refused_message_releases_only_its_own_row(setup, frozen, make_user):
    # The locmem backend renders each message; an address with a line break is refused
    # there (a header injection), while the other person's mail goes out.
    unit = setup[0]
    make_user("ok@example.org", org_unit=unit)
    broken = make_user("zz@example.org", org_unit=unit)
    type(broken).objects.filter(pk=broken.pk).update(email="zz@example.org\nBcc: x@example.org")
    counts = run(frozen, DEADLINE)
    assert counts["reminders"] == 2 and counts["failed"] == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["eva@example.org", "ok@example.org"]
    assert ReminderSent.objects.count() == 2


def test_managers_get_one_digest_for_their_team(setup, frozen, make_user, make_unit):
    unit, _course, person, _assignment = setup
    team = make_unit("Sachgebiet 11.1", parent=unit)
    colleague = make_user("ole@example.org", org_unit=team)
    colleague2 = make_user("ida@example.org", org_unit=team)
    boss = make_user("chefin@example.org", org_unit=team)
    top = make_user("leitung@example.org")
    responsibility_grant(user=boss, org_unit=team, kind=OrgUnitResponsibility.Kind.MANAGER)
    responsibility_grant(user=top, org_unit=unit, kind=OrgUnitResponsibility.Kind.MANAGER)
    run(frozen, DEADLINE + dt.timedelta(days=14))
    digests = [m for m in mail.outbox if "Ihrem Team" in m.subject]
    by_recipient = {m.to[0]: m.body for m in digests}
    assert len(digests) == len(by_recipient) == 2  # one mail per manager
    # The manager is in the team: her own overdue course goes to the manager above her.
    assert set(by_recipient) == {"chefin@example.org", "leitung@example.org"}
    assert f"- {colleague.display_name}:" in by_recipient["chefin@example.org"]
    assert f"- {colleague2.display_name}:" in by_recipient["chefin@example.org"]
    assert f"- {boss.display_name}:" not in by_recipient["chefin@example.org"]
    assert f"- {boss.display_name}:" in by_recipient["leitung@example.org"]
    assert f"- {person.display_name}:" in by_recipient["leitung@example.org"]
    run(frozen, DEADLINE + dt.timedelta(days=15))
    assert mail.outbox == []


def test_dry_run_prints_one_tab_separated_line_per_reminder_and_sends_nothing(
    setup, frozen, make_user
):
    unit = setup[0]
    boss = make_user("chefin@example.org")
    responsibility_grant(user=boss, org_unit=unit, kind=OrgUnitResponsibility.Kind.MANAGER)
    frozen(at(DEADLINE + dt.timedelta(days=14)))
    out = io.StringIO()
    call_command("training_reminders", "--dry-run", stdout=out)
    assert out.getvalue().splitlines() == [
        "eva@example.org\tDatenschutz kompakt\t2027-03-31\toverdue-2",
        "eva@example.org\tDatenschutz kompakt\t2027-03-31\tescalation",
    ]
    assert mail.outbox == [] and ReminderSent.objects.count() == 0


def test_renewal_becomes_due_before_the_completion_expires(setup, frozen):
    _unit, course, person, assignment = setup
    assignment.validity_months = 12
    assignment.renewal_lead_days = 60
    assignment.save()
    complete(person, course, at(dt.date(2026, 6, 15)))
    run(frozen, dt.date(2027, 4, 1))  # 75 days before expiry: nothing due
    assert mail.outbox == []
    run(frozen, dt.date(2027, 6, 1))  # within 14 days of expiry on 15.06.2027
    assert [r.kind for r in ReminderSent.objects.all()] == ["before-14"]
    assert ReminderSent.objects.get().deadline == dt.date(2027, 6, 15)
