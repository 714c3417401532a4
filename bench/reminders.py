"""Benchmark: the daily mandatory-training reminder job at organisation scale.

Creates a throw-away test database from DATABASE_URL (``test_<name>``) and generates, on
the database server (generate_series), N people in a realistic org tree - an agency,
8 departments, 25 sections (Referate) in each, 3 teams (Sachgebiete) in each section -
with a manager for every team and section, five job roles, ten courses, about a third
of the people enrolled in two of them (some completed), and 50 mandatory trainings in a
mix of scopes and deadlines: a department with its sub-units (fixed date), a job role
(days after joining the role), a section with its teams (days after joining the unit),
the whole agency for one role (days after being assigned) and 200 named people (fixed
date). Deadlines are spread so that most people have a reminder due today and many
are overdue past the escalation threshold. Then the daily job runs twice:

    first_run_s    the job sending every reminder due (mails to Django's dummy backend,
                   which counts them without rendering)
    second_run_s   the job again on the same day: it finds the ledger and sends nothing
    job_peak_mb    the peak resident memory of this process during the run (the high
                   water mark is reset just before each run), and the same before it
    py_peak_mb     with --tracemalloc: the peak of Python allocations during a third,
                   dry run (tracemalloc slows it down, so it is not timed)

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


def _insert(sql: str, params) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def build(people: int, assignments: int) -> None:
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
        for n in range(10)
    ]
    agency = org_unit_create(code="agency", name="Landesamt", kind=OrgUnit.Kind.AGENCY)
    departments, sections, teams = [], [], []
    for d in range(8):
        department = org_unit_create(
            code=f"abt-{d}", name=f"Abteilung {d}", kind="department", parent=agency
        )
        departments.append(department)
        for r in range(25):
            section = org_unit_create(
                code=f"ref-{d}-{r}", name=f"Referat {d}.{r:02d}", kind="unit", parent=department
            )
            sections.append(section)
            teams += [
                org_unit_create(
                    code=f"sg-{d}-{r}-{t}",
                    name=f"Sachgebiet {d}.{r:02d}.{t}",
                    kind="unit",
                    parent=section,
                )
                for t in range(3)
            ]
    roles = [JobRole.objects.create(code=f"r{n}", name=f"Rolle {n}") for n in range(5)]
    today = timezone.localdate()
    # People in teams, and a few (one in eight) directly in their section.
    _insert(
        """
        INSERT INTO accounts_user (password, is_superuser, first_name, last_name, email,
            is_staff, is_active, date_joined, pseudonym, personnel_number, external_id,
            org_unit_id, org_unit_since)
        SELECT '!', false, 'P', 'N' || n, 'p' || n || '@example.org', false, true,
               now() - interval '900 days', gen_random_uuid(), '', '',
               CASE WHEN n %% 8 = 0 THEN (%s::int[])[1 + (n / 8) %% %s]
                    ELSE (%s::int[])[1 + n %% %s] END,
               %s::date - (n %% 400)
        FROM generate_series(1, %s) AS n
        """,
        [
            [u.pk for u in sections],
            len(sections),
            [u.pk for u in teams],
            len(teams),
            today,
            people,
        ],
    )
    _insert(
        """
        INSERT INTO accounts_roleassignment (user_id, job_role_id, since)
        SELECT id, %s + (id %% 5), %s::date - (id %% 300)::int FROM accounts_user
        """,
        [roles[0].pk, today],
    )
    # A manager for every team and section: its first member (teams' for their section).
    _insert(
        """
        INSERT INTO accounts_orgunitresponsibility (user_id, org_unit_id, kind)
        SELECT min(u.id), u.org_unit_id, 'manager' FROM accounts_user u
        GROUP BY u.org_unit_id
        """,
        [],
    )
    # A third of the people enrolled in two courses; half of those completed, long ago.
    for course in course_list[:2]:
        _insert(
            """
            INSERT INTO courses_enrolment (user_id, course_id, registration, source,
                enrolled_at)
            SELECT id, %s, gen_random_uuid(), 'self', now() - interval '500 days'
            FROM accounts_user WHERE id %% 3 = 0
            """,
            [course.pk],
        )
        _insert(
            """
            INSERT INTO courses_courseprogress (user_id, course_id, started_at,
                lessons_completed, completed_at)
            SELECT id, %s, now() - interval '500 days', 1, now() - interval '400 days'
            FROM accounts_user WHERE id %% 6 = 0
            """,
            [course.pk],
        )
    offsets = [14, 3, 0, -7, -14, -21, 1]
    kind = Assignment.DeadlineKind
    for n in range(assignments):
        course = course_list[n % len(course_list)]
        fields = {"title": f"Pflicht {n}", "course": course, "escalate_after_days": 7}
        fixed = today + dt.timedelta(days=offsets[n % len(offsets)])
        shape = n % 5
        if shape == 0:
            fields.update(org_unit=departments[n % 8], deadline_date=fixed)
        elif shape == 1:
            fields.update(
                job_role=roles[n % 5], deadline_kind=kind.AFTER_ROLE, deadline_days=20 + n
            )
        elif shape == 2:
            fields.update(
                org_unit=sections[(7 * n) % len(sections)],
                deadline_kind=kind.AFTER_UNIT,
                deadline_days=30 + n,
            )
        elif shape == 3:
            fields.update(
                org_unit=agency,
                job_role=roles[n % 5],
                deadline_kind=kind.AFTER_ASSIGNMENT,
                deadline_days=0,
            )
        else:
            fields.update(deadline_date=fixed)
        assignment = Assignment.objects.create(**fields)
        if shape == 4:
            _insert(
                """
                INSERT INTO assignments_assignment_people (assignment_id, user_id)
                SELECT %s, id FROM accounts_user WHERE id %% 97 = %s LIMIT 200
                """,
                [assignment.pk, n % 97],
            )
    # Fresh tables have no planner statistics yet; in production autovacuum keeps them.
    _insert("ANALYZE", [])


def _rss_mb(field: str) -> float:
    """VmRSS (now) or VmHWM (peak since the last reset) of this process, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _reset_peak() -> None:
    # Writing 5 to clear_refs resets the peak resident set size (Linux 4.0+).
    Path("/proc/self/clear_refs").write_text("5")


def _timed(job):
    _reset_peak()
    before = _rss_mb("VmRSS")
    started = time.perf_counter()
    result = job()
    return result, time.perf_counter() - started, before, _rss_mb("VmHWM")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--assignments", type=int, default=50)
    parser.add_argument("--tracemalloc", action="store_true")
    args = parser.parse_args()
    setup_test_environment()
    settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    old = setup_databases(verbosity=0, interactive=False)
    try:
        started = time.perf_counter()
        build(args.people, args.assignments)
        print(f"setup_s={time.perf_counter() - started:.1f}", flush=True)
        from lms.assignments.models import ReminderSent
        from lms.assignments.services import training_reminders_send

        counts, first, rss_before, first_peak = _timed(training_reminders_send)
        again, second, _rss, second_peak = _timed(training_reminders_send)
        print(
            f"people={args.people} assignments={args.assignments} "
            f"reminders={counts['reminders']} escalations={counts['escalations']} "
            f"digests={counts['digests']} failed={counts['failed']} "
            f"ledger_rows={ReminderSent.objects.count()} "
            f"second_run_reminders={again['reminders']}"
        )
        print(
            f"first_run_s={first:.1f} second_run_s={second:.1f} rss_before_mb={rss_before:.0f} "
            f"job_peak_mb={first_peak:.0f} second_run_peak_mb={second_peak:.0f} "
            f"max_rss_mb={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}"
        )
        if args.tracemalloc:
            import tracemalloc

            ReminderSent.objects.all().delete()
            tracemalloc.start()
            with open(os.devnull, "w") as nowhere:
                training_reminders_send(dry_run=True, out=nowhere)
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            print(f"py_peak_mb={peak:.1f} (dry run, every reminder due)")
    finally:
        teardown_databases(old, verbosity=0)


if __name__ == "__main__":
    main()
