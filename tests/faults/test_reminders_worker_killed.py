"""A Celery worker is SIGKILLed in the middle of the daily training-reminder run.

The run hands reminders over in batches of six. It is held in the ledger claim of the
second batch (another transaction holds the ledger key of that batch's first person), the
worker is killed there, and a new worker redelivers the task (acknowledged late). In the
end every person has exactly one mail and one ledger row: nothing the first run sent is
sent again, and nothing is lost, because the kill came before the second claim committed
(a kill after a claim and before its mails would lose them: at most once).
"""

import re
from pathlib import Path

import psycopg

from tests.faults.procs import manage, wait_until
from tests.pglocks import someone_waits_on_a_lock

PEOPLE = 12

SETUP = """
import datetime as dt
from django.utils import timezone
from courses import services as courses
from lms.accounts.services import org_unit_create, user_create_or_update
from lms.assignments.models import Assignment
from lms.home.services import site_root_ensure
index = courses.course_index_create_or_update(
    parent=site_root_ensure(), title="Kurse", slug="kurse")
course = courses.course_create_or_update(index=index, title="Datenschutz", slug="datenschutz",
    summary="s", objectives=["o"], duration_minutes=30)
unit = org_unit_create(code="ref-11", name="Referat 11", kind="unit")
for n in range({people}):
    user_create_or_update(email=f"p{{n:02d}}@example.org", first_name="P",
                          last_name=f"{{n:02d}}", org_unit=unit, job_roles=[], groups=[])
a = Assignment.objects.create(title="Pflicht", course=course, org_unit=unit,
                              deadline_date=timezone.localdate())
print(a.pk, course.pk, a.deadline_date.isoformat())
"""

QUEUE = "from lms.assignments.tasks import training_reminders; training_reminders.delay()"


def _mails(directory: Path) -> list[str]:
    recipients = []
    for path in directory.glob("*.log"):
        recipients += re.findall(r"^To: (\S+)$", path.read_text(), flags=re.MULTILINE)
    return recipients


def _ledger(database_url) -> list[str]:
    with psycopg.connect(database_url) as conn:
        rows = conn.execute(
            "SELECT u.email FROM assignments_remindersent r"
            " JOIN accounts_user u ON u.id = r.user_id"
        ).fetchall()
    return [row[0] for row in rows]


def test_worker_killed_mid_run_sends_every_reminder_exactly_once(
    platform_env, fault_db, start_celery_worker, tmp_path
):
    env = {
        **platform_env,
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "TEST_MAIL_DIR": str(tmp_path),
        "QD_REMINDER_BATCH_SIZE": "6",
    }
    assignment, course, deadline = (
        manage("shell", "-c", SETUP.format(people=PEOPLE), env=env).strip().splitlines()[-1].split()
    )
    # Hold the ledger key of the person in the middle: the run stops in the claim of the
    # second batch, after the first batch has been claimed and sent.
    blocker = psycopg.connect(fault_db)
    blocker.execute(
        "INSERT INTO assignments_remindersent (user_id, assignment_id, course_id, deadline,"
        " kind, sent_at) SELECT id, %s, %s, %s, 'due', now() FROM accounts_user"
        " WHERE email = 'p06@example.org'",
        (assignment, course, deadline),
    )
    manage("shell", "-c", QUEUE, env=env)
    worker = start_celery_worker(env)
    with psycopg.connect(fault_db) as watcher:
        wait_until(
            lambda: someone_waits_on_a_lock(watcher),
            timeout=90,
            interval=0.05,
            what="the run waiting in the second batch's ledger claim",
        )
    worker.kill()
    before_kill = sorted(_mails(tmp_path))
    assert before_kill == [f"p{n:02d}@example.org" for n in range(6)]
    blocker.rollback()
    blocker.close()

    start_celery_worker(env)
    wait_until(
        lambda: len(_ledger(fault_db)) >= PEOPLE,
        timeout=120,
        interval=0.2,
        what="the redelivered run finishing",
    )
    everyone = [f"p{n:02d}@example.org" for n in range(PEOPLE)]
    assert sorted(_mails(tmp_path)) == everyone
    assert sorted(_ledger(fault_db)) == everyone
    print(f"reminders: {len(before_kill)} sent before the kill, {PEOPLE} in total, none twice")
