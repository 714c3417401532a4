"""A task goes through a real Celery worker process on Redis and its result comes back."""

import pytest

from lms.home.tasks import worker_health


@pytest.mark.worker
def test_task_runs_in_a_real_worker_and_returns_its_result(celery_worker_process):
    result = worker_health.delay()
    assert result.get(timeout=30) == {"worker": "ok", "database": "ok"}
    assert result.successful()
