"""Numbers, shares and durations in the reader's language, through one set of functions
(``lms.home.formats``) and the ``qd_format`` filters that every page uses."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import timezone, translation

from lms.accounts.services import audit_log
from lms.home.formats import format_decimal, format_duration, format_percent, format_share

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("language", "decimal", "percent", "share", "duration", "hours"),
    [
        ("de", "1,6", f"45{NBSP}%", f"45{NBSP}%", "3 Std. 5 Min.", "534 Std. 15 Min."),
        ("en", "1.6", "45%", "45%", "3 h 5 min", "534 h 15 min"),
    ],
)
def test_formats_follow_the_language(language, decimal, percent, share, duration, hours):
    with translation.override(language):
        assert format_decimal(1.55) == decimal  # rounded half up, as people round
        assert format_percent(45) == percent
        assert format_share(0.449) == share
        assert format_duration(185) == duration
        assert format_duration(32055.0) == hours


def test_edge_cases():
    with translation.override("de"):
        assert format_decimal(None) == ""
        assert format_percent(None) == ""
        assert format_duration(None) == ""
        assert format_duration(0) == "0 Min."
        assert format_duration(120) == "2 Std."
        assert format_decimal(0.125, 2) == "0,13"
        assert format_percent(66.666, 1) == f"66,7{NBSP}%"
        assert format_duration(60 * 1234) == "1.234 Std."


def test_the_template_filters_use_them():
    template = Template(
        "{% load qd_format %}{{ gap|decimal }}|{{ rate|percent }}|{{ part|share }}"
        "|{{ minutes|duration }}|{{ score|decimal:2 }}"
    )
    context = Context({"gap": 1.6, "rate": 45, "part": 0.45, "minutes": 185, "score": 0.5})
    with translation.override("de"):
        assert template.render(context) == f"1,6|45{NBSP}%|45{NBSP}%|3 Std. 5 Min.|0,50"
    with translation.override("en"):
        assert template.render(context) == "1.6|45%|45%|3 h 5 min|0.50"


def test_the_report_filters_are_the_same_functions():
    template = Template("{% load competency_reports %}{{ gap|one_decimal }} ({{ part|percent }})")
    with translation.override("de"):
        assert template.render(Context({"gap": 1.6, "part": 0.45})) == f"1,6 (45{NBSP}%)"


def test_course_analytics_show_the_median_time_in_hours_and_minutes():
    item = SimpleNamespace(
        course=SimpleNamespace(title="Datenqualität", pk=1),
        enrolled=40,
        started=30,
        completed=12,
        completion_rate=30,
        median_minutes=32055.0,
        median_suppressed=False,
    )
    with translation.override("de"):
        html = render_to_string("courses/admin/analytics_row.html", {"item": item, "k": 5})
    assert "534 Std. 15 Min." in html
    assert f"30{NBSP}%" in html
    assert "32055" not in html


def test_record_titles_show_dates_as_people_read_them(db, make_user):
    person = make_user("lea@example.org")
    entry = audit_log(actor=person, action="person.created", subject=person)
    entry.created_at = dt.datetime(2026, 3, 9, 13, 5, tzinfo=dt.UTC)
    with translation.override("de"), timezone.override("Europe/Berlin"):
        assert str(entry).startswith("09.03.2026 14:05 ")
        assert str(entry).endswith("Person angelegt")
