"""A Celery worker is SIGKILLed in the middle of a framework import (DigComp 3.0).

Nothing of the framework may be visible while the import is unfinished, the job must show
that it is running, and after a new worker starts, the task (acknowledged late, so still
in the broker) runs again and finishes: done with one complete framework, or failed with
a reason.
"""

import time

import psycopg

from competencies.demo import DIGCOMP_FILE
from tests.faults.procs import manage, wait_until
from tests.pglocks import someone_waits_on_a_lock

CREATE_JOB = """
from pathlib import Path
from competencies.services import import_job_create
job = import_job_create(user=None, file_name={name!r}, content=Path({path!r}).read_bytes(),
                        key="digcomp-fault")
print(job.pk)
"""


def _job(database_url, job_id):
    with psycopg.connect(database_url) as conn:
        return conn.execute(
            "SELECT status, progress, message FROM competencies_importjob WHERE id = %s",
            (job_id,),
        ).fetchone()


def _waiting_on_a_lock(database_url) -> bool:
    with psycopg.connect(database_url) as conn:
        return someone_waits_on_a_lock(conn)


def _framework_rows(database_url):
    with psycopg.connect(database_url) as conn:
        frameworks = conn.execute(
            "SELECT count(*) FROM competencies_framework WHERE key = 'digcomp-fault'"
        ).fetchone()[0]
        competencies = conn.execute(
            "SELECT count(*) FROM competencies_competency c JOIN competencies_framework f"
            " ON f.id = c.framework_id WHERE f.key = 'digcomp-fault'"
        ).fetchone()[0]
    return frameworks, competencies


def test_worker_killed_mid_import_leaves_nothing_half_written_and_the_task_reruns(
    platform_env, fault_db, start_celery_worker
):
    # Queue the job first, then start the worker, so that the test sees it start.
    code = CREATE_JOB.format(name=DIGCOMP_FILE.name, path=str(DIGCOMP_FILE))
    job_id = manage("shell", "-c", code, env=platform_env).strip().splitlines()[-1]
    assert _job(fault_db, job_id)[0] == "pending"
    # Hold writes to the competency table: the import then stops inside its transaction
    # (after the framework row) and is certainly unfinished when the worker is killed,
    # however fast the machine is.
    blocker = psycopg.connect(fault_db)
    blocker.execute("LOCK TABLE competencies_competency IN SHARE MODE")
    worker = start_celery_worker(platform_env)

    wait_until(
        lambda: _job(fault_db, job_id)[0] == "running",
        timeout=60,
        interval=0.02,
        what="the import running in the worker",
    )
    wait_until(
        lambda: _waiting_on_a_lock(fault_db),
        timeout=60,
        interval=0.02,
        what="the import waiting inside its transaction",
    )
    worker.kill()
    killed_at = time.monotonic()
    status, progress, _message = _job(fault_db, job_id)
    assert status == "running", f"the import finished before the kill ({status})"
    assert _framework_rows(fault_db) == (0, 0), "a half-imported framework is visible"
    blocker.rollback()
    blocker.close()

    start_celery_worker(platform_env)
    final = wait_until(
        lambda: (row := _job(fault_db, job_id))[0] in ("done", "failed") and row,
        timeout=120,
        interval=0.2,
        what="the import finishing after the worker restart",
    )
    finished_in = time.monotonic() - killed_at
    frameworks, competencies = _framework_rows(fault_db)
    if final[0] == "done":
        assert frameworks == 1 and competencies > 0
    else:
        assert final[2], "a failed import must say why"
        assert (frameworks, competencies) == (0, 0)
    print(
        f"celery kill: import at {progress}% when killed; {final[0]} {finished_in:.1f} s later "
        f"({frameworks} framework, {competencies} competencies)"
    )
