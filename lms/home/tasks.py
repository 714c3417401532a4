from celery import shared_task
from django.db import connection


@shared_task(name="lms.worker_health")
def worker_health() -> dict:
    """Answered by a worker to prove it runs and reaches the database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        (value,) = cursor.fetchone()
    return {"worker": "ok", "database": "ok" if value == 1 else "error"}
