from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from kombu import Connection

from lms.celery import app as celery_app
from lms.home import services
from lms.home.forms import AccessibilityFeedbackForm


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


@require_http_methods(["GET", "POST"])
def accessibility_feedback(request):
    """The feedback channel of the accessibility statement: open to everyone, CSRF-protected,
    rate-limited per client address; the statement page shows the same form."""
    form = AccessibilityFeedbackForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not services.accessibility_feedback_allowed(client=request.META.get("REMOTE_ADDR", "")):
            form.add_error(
                None,
                _("You have sent several messages in a short time. Please try again later."),
            )
            status = 429
        elif form.is_valid():
            services.accessibility_feedback_submit(form=form)
            return redirect("home:accessibility_feedback_thanks")
    return render(
        request, "home/accessibility_feedback.html", {"feedback_form": form}, status=status
    )


def accessibility_feedback_thanks(request):
    return render(request, "home/accessibility_feedback_thanks.html")
