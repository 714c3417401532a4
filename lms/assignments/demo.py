"""Demo: two units with mandatory training, some people overdue and some due soon."""

import datetime

from django.db.models import Q
from django.utils import timezone

from courses import selectors as course_selectors
from lms.accounts.selectors import org_unit_by_code
from lms.assignments.models import Assignment
from lms.assignments.selectors import status_rows


def load_assignments_demo(stdout, *, personas, colleagues):
    courses = list(course_selectors.live_courses().order_by("path")[:2])
    if len(courses) < 2:
        return
    today = timezone.localdate()
    admin = personas.get("Administrator")
    plans = [
        # (unit, course, deadline, title): unit 11 (the manager persona's) is overdue, so
        # the reminder job sends that manager a digest; unit 22 is due soon.
        (
            "ref-11",
            courses[0],
            today - datetime.timedelta(days=10),
            "Datenschutz-Unterweisung 2026",
        ),
        ("ref-22", courses[1], today + datetime.timedelta(days=3), "IT-Sicherheit 2026"),
    ]
    for unit_code, course, deadline, title in plans:
        unit = org_unit_by_code(code=unit_code)
        _assignment, _created = Assignment.objects.update_or_create(
            title=title,
            defaults={
                "course": course,
                "org_unit": unit,
                "include_sub_units": True,
                "deadline_kind": Assignment.DeadlineKind.FIXED,
                "deadline_date": deadline,
                "reminder_days": "14,3,0",
                "escalate_after_days": 7,
                "validity_months": 12,
                "renewal_lead_days": 60,
                "created_by": admin,
            },
        )
    rows = status_rows(people_filter=Q(org_unit__code__in=["ref-11", "ref-22"]))
    overdue = sum(row.status == "overdue" for row in rows)
    stdout.write(
        f"  mandatory training: {len(plans)} assignments, {len(rows)} people in scope, "
        f"{overdue} overdue (mails: python manage.py training_reminders)"
    )
