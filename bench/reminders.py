"""Benchmark: the daily mandatory-training reminder job at organisation scale.

Creates a throw-away test database from DATABASE_URL (``test_<name>``), generates N people
(server-side with generate_series) in org units under one agency, five courses and 50
mandatory trainings (by unit with sub-units, by job role, fixed and relative deadlines,
spread so that most people have a reminder due today), then runs the daily job twice:

    first_run_s    the job sending every reminder due (mails to Django's dummy backend;
                   one ledger row per reminder, each in its own transaction)
    second_run_s   the job again on the same day: it finds the ledger and sends nothing
    peak_rss_mb    peak resident memory of this process (the job walks people in id
                   blocks, so this stays flat in the number of people)

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/qd_bench \\
        python bench/reminders.py --people 100000 --assignments 50
"""

import argparse
import datetime as dt
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import (  # noqa: E402
    setup_databases,
    setup_test_environment,
    teardown_databases,
)
from django.utils import timezone  # noqa: E402


def build(people: int, assignments: int, units: int) -> None:
    from courses import services as courses
    from lms.accounts.models import JobRole, OrgUnit
    from lms.accounts.services import org_unit_create
    from lms.assignments.models import Assignment
    from lms.home.services import site_root_ensure

    index = courses.course_index_create_or_update(
        parent=site_root_ensure(), title="Kurse", slug="kurse"
    )
    course_list = [
        courses.course_create_or_update(
            index=index,
            title=f"Pflichtkurs {n}",
            slug=f"pflicht-{n}",
            summary="s",
            objectives=["o"],
            duration_minutes=30,
        )
        for n in range(5)
    ]
    agency = org_unit_create(code="agency", name="Landesamt", kind=OrgUnit.Kind.AGENCY)
    unit_list = [
        org_unit_create(code=f"u{n}", name=f"Referat {n}", kind="unit", parent=agency)
        for n in range(units)
    ]
    roles = [JobRole.objects.create(code=f"r{n}", name=f"Rolle {n}") for n in range(5)]
    first_unit = unit_list[0].pk
    today = timezone.localdate()
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO accounts_user (password, is_superuser, first_name, last_name, email,
                is_staff, is_active, date_joined, pseudonym, personnel_number, org_unit_id,
                org_unit_since)
            SELECT '!', false, 'P', 'N' || n, 'p' || n || '@example.org', false, true,
                   now() - interval '400 days', gen_random_uuid(), '', %s + (n %% %s),
                   %s::date - (n %% 40)
            FROM generate_series(1, %s) AS n
            """,
            [first_unit, units, today, people],
        )
        cursor.execute(
            """
            INSERT INTO accounts_roleassignment (user_id, job_role_id, since)
            SELECT id, %s + (id %% 5), %s::date - (id %% 30)::int FROM accounts_user
            """,
            [roles[0].pk, today],
        )
    offsets = [14, 3, 0, -7, -14]
    for n in range(assignments):
        course = course_list[n % len(course_list)]
        if n % 2 == 0:
            Assignment.objects.create(
                title=f"Pflicht {n}",
                course=course,
                org_unit=agency if n % 10 == 0 else unit_list[n % units],
                deadline_date=today + dt.timedelta(days=offsets[n % len(offsets)]),
                escalate_after_days=7,
            )
        else:
            Assignment.objects.create(
                title=f"Pflicht {n}",
                course=course,
                job_role=roles[n % len(roles)],
                deadline_kind=Assignment.DeadlineKind.AFTER_ROLE,
                deadline_days=20 + n,
            )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--assignments", type=int, default=50)
    parser.add_argument("--units", type=int, default=200)
    args = parser.parse_args()
    setup_test_environment()
    settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    old = setup_databases(verbosity=0, interactive=False)
    try:
        started = time.perf_counter()
        build(args.people, args.assignments, args.units)
        print(f"setup_s={time.perf_counter() - started:.1f}")
        from lms.assignments.models import ReminderSent
        from lms.assignments.services import training_reminders_send

        started = time.perf_counter()
        counts = training_reminders_send()
        first = time.perf_counter() - started
        started = time.perf_counter()
        again = training_reminders_send()
        second = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"people={args.people} assignments={args.assignments} "
            f"reminders={counts['reminders']} digests={counts['digests']} "
            f"ledger_rows={ReminderSent.objects.count()} second_run_reminders={again['reminders']}"
        )
        print(f"first_run_s={first:.1f} second_run_s={second:.1f} peak_rss_mb={peak:.0f}")
    finally:
        teardown_databases(old, verbosity=0)


if __name__ == "__main__":
    main()
