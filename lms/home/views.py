from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from kombu import Connection

from lms.celery import app as celery_app


def health(request):
    """Readiness for load balancers and operators.

    503 when the database or the broker does not answer; a missing worker is reported as
    "degraded" (the web process still serves, but background work waits).
    """
    checks = {"database": _check_database(), **_check_celery()}
    essential_ok = checks["database"] == "ok" and checks["broker"] in ("ok", "eager")
    worker_ok = checks["worker"] in ("ok", "eager")
    status = "ok" if essential_ok and worker_ok else ("degraded" if essential_ok else "error")
    return JsonResponse({"status": status, "checks": checks}, status=200 if essential_ok else 503)


def _check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except Exception as exc:  # any failure means "not ready"
        return f"error: {exc.__class__.__name__}"


def _check_celery() -> dict:
    if getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
        return {"broker": "eager", "worker": "eager"}
    try:
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=2) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        broker = "ok"
    except Exception as exc:  # the broker is down or unreachable
        return {"broker": f"error: {exc.__class__.__name__}", "worker": "unknown"}
    replies = celery_app.control.ping(timeout=1.0)
    return {"broker": broker, "worker": "ok" if replies else "unavailable"}
