"""Writes of mandatory training: assignments, reminders, escalation digests, feed tokens."""

import datetime
import logging
from array import array
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, get_connection, send_mail
from django.db import connection as db
from django.db import transaction
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


@dataclass(frozen=True, slots=True)
class Escalation:
    """An overdue person to report to their manager: only what the digest needs, so that a
    large first run holds little per person until the digests go out."""

    user_id: int
    assignment_id: int
    course_id: int
    deadline: datetime.date
    source: str
    email: str
    name: str


def training_reminders_send(
    *, now=None, dry_run: bool = False, out=None, chunk_size: int = 5000, batch_size=None
) -> dict:
    """The daily job: remind people of their deadlines and escalate to their managers.

    People are walked in blocks of ``chunk_size`` (a constant number of queries each);
    a block's reminders go out in batches of ``batch_size`` (setting
    ``QD_REMINDER_BATCH_SIZE``). Each batch first claims its ledger rows - one INSERT that
    skips the rows that exist, committed on its own - and then hands over only the mails
    whose rows it inserted, over one mail connection. So a reminder is sent at most once,
    whatever runs again or at the same time: a run that crashes after the claim loses
    that batch's unsent mails rather than sending them twice (the next point of the
    schedule reminds again). A mail the backend refuses has its row released and is
    tried again the next day. ``dry_run`` sends and writes nothing and writes one line
    per reminder to ``out``.
    """
    now = now or timezone.now()
    today = timezone.localtime(now, selectors.BERLIN).date()
    batch_size = batch_size or settings.QD_REMINDER_BATCH_SIZE
    counts = {"reminders": 0, "escalations": 0, "digests": 0, "failed": 0}
    digests: dict[int, array] = defaultdict(lambda: array("q"))  # manager -> ledger row ids
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
        pending, escalated = [], []
        for due in dues.values():
            person = people.get(due.user_id)
            if person is None:
                continue
            key = (due.user_id, due.assignment.pk, due.course_id, due.deadline)
            kind = reminder_kind(due, today)
            if kind and (*key, kind) not in sent:
                pending.append((due, person, kind))
            if escalates(due, today) and (*key, ESCALATION) not in sent:
                escalated.append(Escalation(*key, due.source, person[0], person[1]))
        # By person: the same order in every run, so two runs at once take the ledger's
        # row locks in the same order and cannot deadlock.
        pending.sort(key=lambda item: (item[0].user_id, item[0].course_id))
        if dry_run:
            for due, person, kind in pending:
                title = links[due.course_id][0]
                out.write(Reminder(due.user_id, person[0], title, due.deadline, kind).line() + "\n")
            counts["reminders"] += len(pending)
        else:
            for start in range(0, len(pending), batch_size):
                handed_over, failed = _remind_batch(
                    pending[start : start + batch_size], links, connection
                )
                counts["reminders"] += handed_over
                counts["failed"] += failed
        _escalations_claim(
            escalated, digests, links, dry_run=dry_run, out=out, counts=counts, batch=batch_size
        )
    if digests:
        _digests_send(digests, counts=counts, connection=connection)
    return counts


LEDGER_KEY = ("user", "assignment", "course", "deadline", "kind")


def _ledger_claim(keys: list[tuple]) -> dict[tuple, int]:
    """Insert ledger rows for the given keys (user, assignment, course, deadline, kind) in
    one statement; return key -> row id of the rows this call inserted. A key another run
    has written, or is writing, is skipped (ON CONFLICT DO NOTHING waits for that run's
    transaction to end), which ``bulk_create(ignore_conflicts=True)`` would do too, but
    only RETURNING tells which rows were ours to send."""
    if not keys:
        return {}
    meta = ReminderSent._meta
    quote = db.ops.quote_name
    columns = ", ".join(quote(meta.get_field(name).column) for name in LEDGER_KEY)
    row = "(%s, %s, %s, %s, %s, %s)"
    # Only model metadata and placeholders are formatted in; every value is a parameter.
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({columns}, {quote('sent_at')}) "  # noqa: S608
        f"VALUES {', '.join([row] * len(keys))} "
        f"ON CONFLICT ({columns}) DO NOTHING RETURNING {quote('id')}, {columns}"
    )
    claimed_at = timezone.now()
    params = [value for key in keys for value in (*key, claimed_at)]
    with transaction.atomic(), db.cursor() as cursor:
        cursor.execute(sql, params)
        return {tuple(found[1:]): found[0] for found in cursor.fetchall()}


def _remind_batch(batch, links, connection) -> tuple[int, int]:
    """Claim the batch's ledger rows, then send the mails of the rows claimed; returns
    (mails handed over, mails failed)."""
    claimed = _ledger_claim(
        [
            (due.user_id, due.assignment.pk, due.course_id, due.deadline, kind)
            for due, _person, kind in batch
        ]
    )
    handed_over, released, texts = 0, [], {}
    if not claimed:
        return 0, 0
    try:
        connection.open()
    except Exception:
        logger.exception("Mail connection for %s training reminders failed", len(claimed))
        ReminderSent.objects.filter(pk__in=list(claimed.values())).delete()
        return 0, len(claimed)
    try:
        for due, person, kind in batch:
            row = claimed.get((due.user_id, due.assignment.pk, due.course_id, due.deadline, kind))
            if row is None:
                continue  # another run claimed it
            try:
                # One message per call on the open connection: the backend's answer then
                # says exactly which mail failed, so only its row is released.
                connection.send_messages([_reminder_message(due, person, links, kind, texts)])
                handed_over += 1
            except Exception:
                logger.exception("Training reminder %s for person %s not sent", kind, due.user_id)
                released.append(row)
    finally:
        connection.close()
    if released:
        ReminderSent.objects.filter(pk__in=released).delete()
    return handed_over, len(released)


def _link(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _reminder_texts(texts: dict, language: str, shape: str, deadline: datetime.date):
    """The translated wording of a reminder and its formatted date, each built once per
    language (and date) in a batch rather than once per mail."""
    key = (language, shape, deadline)
    if key not in texts:
        with translation.override(language):
            if shape == "overdue":
                subject = _("Overdue mandatory training: %(course)s")
                opening = _("the deadline for the mandatory course “%(course)s” was %(date)s.")
            elif shape == "due":
                subject = _("Mandatory training due today: %(course)s")
                opening = _("the mandatory course “%(course)s” is due today, %(date)s.")
            else:
                subject = _("Mandatory training due by %(date)s: %(course)s")
                opening = _("please complete the mandatory course “%(course)s” by %(date)s.")
            texts[key] = (
                formats.date_format(deadline),
                subject,
                opening,
                _("Hello %(name)s,"),
                _("Why: %(reason)s."),
                _("The deadline ends at midnight (German time) on that day."),
                _("Go to the course:"),
            )
    return texts[key]


def _reminder_message(due, person, links, kind, texts: dict) -> EmailMessage:
    email, name, language = person
    title, path = links[due.course_id]
    shape = "overdue" if kind.startswith("overdue") else ("due" if kind == "due" else "before")
    date, subject, opening, hello, why, ends, go = _reminder_texts(
        texts, language, shape, due.deadline
    )
    values = {"course": title, "date": date}
    lines = [
        hello % {"name": name},
        "",
        opening % values,
        why % {"reason": due.source},
        ends,
        "",
        go,
        _link(path),
    ]
    return EmailMessage(subject % values, "\n".join(lines), settings.DEFAULT_FROM_EMAIL, [email])


def _escalations_claim(
    escalated: list[Escalation], digests, links, *, dry_run, out, counts, batch: int
) -> None:
    """A block's overdue people, each for every manager of the nearest managed unit above
    them (never themself): their ledger rows are claimed now, and only the row ids are
    kept per manager until the digests go out, so a large first run holds 8 bytes per
    escalation rather than the people's details. A person without a manager is not
    recorded (and is looked at again the next day)."""
    if not escalated:
        return
    units = account_selectors.people_units(user_ids={entry.user_id for entry in escalated})
    managers = account_selectors.managers_of_units(unit_ids={u for u in units.values() if u})
    reachable = account_selectors.people_for_mail(
        user_ids={m for unit in managers.values() for _depth, m in unit}
    )
    recipients_of = {}
    for entry in escalated:
        candidates = [
            (d, m)
            for d, m in managers.get(units.get(entry.user_id), [])
            if m != entry.user_id and m in reachable
        ]
        nearest = [m for d, m in candidates if d == candidates[0][0]] if candidates else []
        if nearest:
            recipients_of[_escalation_key(entry)] = (entry, nearest)
    if dry_run:
        for entry, nearest in recipients_of.values():
            title = links[entry.course_id][0]
            for _manager in nearest:
                out.write(f"{entry.email}\t{title}\t{entry.deadline:%Y-%m-%d}\t{ESCALATION}\n")
                counts["escalations"] += 1
        return
    keys = sorted(recipients_of)
    for start in range(0, len(keys), batch):
        for key, row in _ledger_claim(keys[start : start + batch]).items():
            for manager_id in recipients_of[key][1]:
                digests[manager_id].append(row)


def _digests_send(digests: dict[int, array], *, counts, connection) -> None:
    """One digest per manager with the people this run claimed for them (read back from
    the ledger, one manager at a time). Rows that reached no manager are released, so
    those people are escalated again the next day."""
    recipients = account_selectors.people_for_mail(user_ids=digests)
    sources = dict(Assignment.objects.values_list("pk", "title"))
    titles: dict[int, str] = {}
    delivered_to: set[int] = set()
    try:
        connection.open()
        for manager_id, rows in digests.items():
            ledger = list(
                ReminderSent.objects.filter(pk__in=list(rows)).values_list(
                    "user_id", "assignment_id", "course_id", "deadline"
                )
            )
            people = account_selectors.people_for_mail(user_ids={row[0] for row in ledger})
            missing = {row[2] for row in ledger} - titles.keys()
            titles.update(course_selectors.course_titles(course_ids=missing) if missing else {})
            entries = [
                Escalation(
                    user_id,
                    assignment_id,
                    course_id,
                    deadline,
                    sources.get(assignment_id, ""),
                    *people.get(user_id, ("", ""))[:2],
                )
                for user_id, assignment_id, course_id, deadline in ledger
            ]
            try:
                _digest_mail(recipients[manager_id], entries, titles, connection)
            except Exception:
                logger.exception("Overdue digest for manager %s not sent", manager_id)
                counts["failed"] += 1
                continue
            delivered_to.add(manager_id)
            counts["digests"] += 1
            counts["escalations"] += len(entries)
    except Exception:
        logger.exception("Mail connection for overdue digests failed")
        counts["failed"] += 1
    finally:
        connection.close()
    failed = [manager_id for manager_id in digests if manager_id not in delivered_to]
    if failed:
        # Failures are rare: only then are the delivered rows gathered (two managers of
        # one unit share a person's row, which one delivered digest suffices for).
        delivered = {row for m in delivered_to for row in digests[m]}
        undelivered = {row for m in failed for row in digests[m]} - delivered
        ReminderSent.objects.filter(pk__in=list(undelivered)).delete()


def _escalation_key(entry: Escalation) -> tuple:
    return (entry.user_id, entry.assignment_id, entry.course_id, entry.deadline, ESCALATION)


def _digest_mail(manager, entries: list[Escalation], titles, connection) -> None:
    email, name, language = manager
    with translation.override(language):
        lines = [
            _("Hello %(name)s,") % {"name": name},
            "",
            _("these people in your team have not completed mandatory training in time:"),
            "",
        ]
        for entry in sorted(entries, key=lambda entry: (entry.name, entry.deadline)):
            lines.append(
                _("- %(person)s: %(course)s (deadline %(date)s; %(reason)s)")
                % {
                    "person": entry.name,
                    "course": titles[entry.course_id],
                    "date": formats.date_format(entry.deadline),
                    "reason": entry.source,
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
