"""How long a course completion stays valid.

A completion on day D with a validity of N months is valid up to and including the same
day N months later (the last day of that month when it is shorter), until the end of that
day in Europe/Berlin: deadlines and expiry are both read as calendar days by the people
concerned, never as instants.
"""

import calendar
import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

BERLIN = ZoneInfo("Europe/Berlin")


def add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def end_of_day_berlin(day: datetime.date) -> datetime.datetime:
    """The last instant of a Berlin calendar day; `valid_until > now` means still valid."""
    return datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(), BERLIN)


def valid_until(
    completed_at: datetime.datetime | None, validity_months: int | None
) -> datetime.datetime | None:
    """End of a completion's validity; None when it never expires (or never happened)."""
    if completed_at is None or not validity_months:
        return None
    completed_on = timezone.localtime(completed_at, BERLIN).date()
    return end_of_day_berlin(add_months(completed_on, validity_months))


def is_expired(until: datetime.datetime | None, *, now: datetime.datetime | None = None) -> bool:
    return until is not None and until <= (now or timezone.now())


def last_valid_day(until: datetime.datetime | None) -> datetime.date | None:
    """The calendar day printed as "gültig bis"."""
    if until is None:
        return None
    return (timezone.localtime(until, BERLIN) - datetime.timedelta(microseconds=1)).date()
