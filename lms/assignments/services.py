"""Writes of mandatory training: assignments, reminders, escalation digests, feed tokens."""

import datetime
import logging
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import get_connection, send_mail
from django.db import IntegrityError, transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from courses import selectors as course_selectors
from lms.accounts import selectors as account_selectors
from lms.accounts.services import audit_log
from lms.assignments import selectors
from lms.assignments.models import Assignment, CalendarFeed, ReminderSent, new_feed_token

logger = logging.getLogger(__name__)

ESCALATION = "escalation"


# Assignments --------------------------------------------------------------------------


def assignment_save(*, assignment: Assignment, people=None, actor, created: bool) -> Assignment:
    """Save an assignment authored in the admin, with its audit entry, in one transaction."""
    with transaction.atomic():
        if created:
            assignment.created_by = actor
        assignment.save()
        if people is not None:
            assignment.people.set(people)
        audit_log(
            actor=actor,
            action="assignments.assignment.created"
            if created
            else "assignments.assignment.changed",
            subject=assignment,
            details={
                "assignment": assignment.pk,
                "people_in_scope": selectors.scope(assignment).count(),
            },
        )
    return assignment


def assignment_delete(*, assignment: Assignment, actor) -> None:
    with transaction.atomic():
        audit_log(
            actor=actor,
            action="assignments.assignment.deleted",
            subject=assignment,
            details={"assignment": assignment.pk},
        )
        assignment.delete()


# Reminders ----------------------------------------------------------------------------


def reminder_kind(due: "selectors.Due", today: datetime.date) -> str | None:
    """The newest point of the assignment's schedule that has come (``None``: none yet).

    Points: each configured number of days before the deadline ("before-14", …, "due" on
    the day), then every 7 days overdue ("overdue-1", "overdue-2", …). Taking the newest
    point that has come, rather than today's only, means a day the job did not run is
    caught up with one mail, not several.
    """
    offsets = due.assignment.reminder_offsets
    days_left = (due.deadline - today).days
    if days_left < 0 and -days_left >= 7:
        return f"overdue-{-days_left // 7}"
    passed = [offset for offset in offsets if offset >= max(days_left, 0)]
    if not passed:
        return None
    offset = min(passed)
    return "due" if offset == 0 else f"before-{offset}"


def escalates(due: "selectors.Due", today: datetime.date) -> bool:
    after = due.assignment.escalate_after_days
    return (
        after is not None and due.status != selectors.DONE and (today - due.deadline).days >= after
    )


@dataclass(frozen=True)
class Reminder:
    user_id: int
    email: str
    course_title: str
    deadline: datetime.date
    kind: str

    def line(self) -> str:
        return f"{self.email}\t{self.course_title}\t{self.deadline:%Y-%m-%d}\t{self.kind}"


def training_reminders_send(*, now=None, dry_run: bool = False, out=None, chunk_size=5000) -> dict:
    """The daily job: remind people of their deadlines and escalate to their managers.

    Each reminder's ledger row is written in the same transaction as its mail is handed
    over: a job that runs again (after a crash, or twice at once) sends nothing twice, and
    a mail that fails leaves no row and is tried again the next day. ``dry_run`` sends and
    writes nothing and writes one line per reminder to ``out``.
    """
    now = now or timezone.now()
    today = timezone.localtime(now, selectors.BERLIN).date()
    counts = {"reminders": 0, "escalations": 0, "digests": 0, "failed": 0}
    escalated: list[tuple[selectors.Due, tuple]] = []
    connection = None if dry_run else get_connection()
    for dues in selectors.dues_in_chunks(now=now, chunk_size=chunk_size):
        if not dues:
            continue
        user_ids = {user_id for user_id, _course in dues}
        sent = set(
            ReminderSent.objects.filter(user_id__in=user_ids).values_list(
                "user_id", "assignment_id", "course_id", "deadline", "kind"
            )
        )
        people = account_selectors.people_for_mail(user_ids=user_ids)
        links = course_selectors.course_links(course_ids={course for _user, course in dues})
        for due in dues.values():
            person = people.get(due.user_id)
            if person is None:
                continue
            key = (due.user_id, due.assignment.pk, due.course_id, due.deadline)
            kind = reminder_kind(due, today)
            if kind and (*key, kind) not in sent:
                reminder = Reminder(
                    due.user_id, person[0], links[due.course_id][0], due.deadline, kind
                )
                if dry_run:
                    out.write(reminder.line() + "\n")
                    counts["reminders"] += 1
                elif _send_once(key, kind, _reminder_mail, due, person, links, kind, connection):
                    counts["reminders"] += 1
                else:
                    counts["failed"] += 1
            if escalates(due, today) and (*key, ESCALATION) not in sent:
                escalated.append((due, person))
    _escalate(escalated, today, dry_run=dry_run, out=out, counts=counts, connection=connection)
    return counts


def _send_once(key, kind, send, *args) -> bool:
    """Write the ledger row and send in one transaction; False when the row exists already
    (another run was first) or the mail failed (no row is left)."""
    user_id, assignment_id, course_id, deadline = key
    try:
        with transaction.atomic():
            ReminderSent.objects.create(
                user_id=user_id,
                assignment_id=assignment_id,
                course_id=course_id,
                deadline=deadline,
                kind=kind,
            )
            send(*args)
        return True
    except IntegrityError:
        return False
    except Exception:
        logger.exception("Training reminder %s for person %s not sent", kind, user_id)
        return False


def _link(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _reminder_mail(due, person, links, kind, connection) -> None:
    email, name, language = person
    title, path = links[due.course_id]
    with translation.override(language):
        date = formats.date_format(due.deadline)
        if kind.startswith("overdue"):
            subject = _("Overdue mandatory training: %(course)s") % {"course": title}
            opening = _("the deadline for the mandatory course “%(course)s” was %(date)s.")
        elif kind == "due":
            subject = _("Mandatory training due today: %(course)s") % {"course": title}
            opening = _("the mandatory course “%(course)s” is due today, %(date)s.")
        else:
            subject = _("Mandatory training due by %(date)s: %(course)s") % {
                "course": title,
                "date": date,
            }
            opening = _("please complete the mandatory course “%(course)s” by %(date)s.")
        lines = [
            _("Hello %(name)s,") % {"name": name},
            "",
            opening % {"course": title, "date": date},
            _("Why: %(reason)s.") % {"reason": due.source},
            _("The deadline ends at midnight (German time) on that day."),
            "",
            _("Go to the course:"),
            _link(path),
        ]
        send_mail(
            subject, "\n".join(lines), settings.DEFAULT_FROM_EMAIL, [email], connection=connection
        )


def _escalate(escalated, today, *, dry_run, out, counts, connection) -> None:
    """One digest per manager listing their overdue team members (a manager in the team is
    reported to the next manager up, never to themself)."""
    if not escalated:
        return
    units = account_selectors.people_units(user_ids={due.user_id for due, _p in escalated})
    managers = account_selectors.managers_of_units(unit_ids={u for u in units.values() if u})
    by_manager = defaultdict(list)
    for due, person in escalated:
        candidates = [
            (d, m) for d, m in managers.get(units.get(due.user_id), []) if m != due.user_id
        ]
        # Every manager of the nearest managed unit above the person (never the person).
        for depth, manager_id in candidates:
            if depth == candidates[0][0]:
                by_manager[manager_id].append((due, person))
    recipients = account_selectors.people_for_mail(user_ids=by_manager)
    titles = course_selectors.course_titles(course_ids={d.course_id for d, _p in escalated})
    for manager_id, entries in by_manager.items():
        manager = recipients.get(manager_id)
        if manager is None:
            continue
        if dry_run:
            for due, person in entries:
                out.write(
                    f"{person[0]}\t{titles[due.course_id]}\t{due.deadline:%Y-%m-%d}\t{ESCALATION}\n"
                )
            counts["escalations"] += len(entries)
            continue
        try:
            with transaction.atomic():
                rows = [
                    ReminderSent(
                        user_id=due.user_id,
                        assignment_id=due.assignment.pk,
                        course_id=due.course_id,
                        deadline=due.deadline,
                        kind=ESCALATION,
                    )
                    for due, _person in entries
                ]
                # Two managers of one unit each get the digest; the person is escalated once.
                ReminderSent.objects.bulk_create(rows, ignore_conflicts=True)
                _digest_mail(manager, entries, titles, connection)
            counts["digests"] += 1
            counts["escalations"] += len(entries)
        except Exception:
            logger.exception("Overdue digest for manager %s not sent", manager_id)
            counts["failed"] += 1


def _digest_mail(manager, entries, titles, connection) -> None:
    email, name, language = manager
    with translation.override(language):
        lines = [
            _("Hello %(name)s,") % {"name": name},
            "",
            _("these people in your team have not completed mandatory training in time:"),
            "",
        ]
        for due, person in sorted(entries, key=lambda entry: (entry[1][1], entry[0].deadline)):
            lines.append(
                _("- %(person)s: %(course)s (deadline %(date)s; %(reason)s)")
                % {
                    "person": person[1],
                    "course": titles[due.course_id],
                    "date": formats.date_format(due.deadline),
                    "reason": due.source,
                }
            )
        lines += ["", _("The team overview:"), _link("/team/")]
        send_mail(
            _("Overdue mandatory training in your team"),
            "\n".join(lines),
            settings.DEFAULT_FROM_EMAIL,
            [email],
            connection=connection,
        )


# Calendar feed ------------------------------------------------------------------------


def calendar_feed_regenerate(*, user) -> CalendarFeed:
    """Give the person a new secret feed address; the old one stops working at once."""
    feed, created = CalendarFeed.objects.get_or_create(user=user)
    if not created:
        feed.token = new_feed_token()
        feed.save(update_fields=["token", "created_at"])
    return feed


def calendar_feed_revoke(*, user) -> None:
    CalendarFeed.objects.filter(user=user).delete()


def calendar_feed_get_or_create(*, user) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


def preferred_language(user) -> str:
    return account_selectors.people_for_mail(user_ids=[user.pk]).get(
        user.pk, ("", "", settings.LANGUAGE_CODE)
    )[2]
