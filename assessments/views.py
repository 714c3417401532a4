"""Learner views: thin wrappers that parse the request, call one service, render.

Every attempt view looks the attempt up by its identifier *and* the logged-in person,
so another person's attempt is a 404. Scoring and tracking happen in ``services``.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from assessments import presentation, selectors, services
from assessments.models import Assessment, Attempt

ERROR_MESSAGES = {
    "unknown_option": gettext_lazy("Please choose one of the options shown."),
    "too_many_values": gettext_lazy("Please give only one answer."),
    "malformed": gettext_lazy("This answer could not be read. Please answer again."),
    "not_a_number": gettext_lazy("Please enter a number, e.g. 12,5."),
    "too_long": gettext_lazy("The answer is too long (at most 500 characters)."),
    "unknown_item": gettext_lazy("This answer does not belong to the question."),
    "incomplete_order": gettext_lazy("Please give every item a position."),
    "duplicate_position": gettext_lazy("Please use each position exactly once."),
    "unanswered": gettext_lazy("Please answer the question first."),
    "unknown_question": gettext_lazy("The submission contains a question that is not part of it."),
}

STATUS_MESSAGES = {
    "closed": gettext_lazy("This attempt has already been submitted; nothing was changed."),
    "timed_out": gettext_lazy(
        "The time limit has been reached. Your attempt was scored with the answers saved in time."
    ),
    "conflict": gettext_lazy(
        "Your answers were changed in another window in the meantime. The page now shows "
        "the saved answers; please check them and save again."
    ),
    "no_attempts_left": gettext_lazy("You have used all attempts for this assessment."),
    "no_questions": gettext_lazy("This assessment has no questions yet."),
    "bad_context": gettext_lazy("The link you followed is not valid for your account."),
    "bad_token": gettext_lazy("This knowledge check is not valid for your account."),
    "unknown_question": gettext_lazy("The submission contains a question that is not part of it."),
    "invalid": gettext_lazy("Please correct the marked answers."),
    "no_immediate_feedback": gettext_lazy("This assessment shows feedback after submission."),
}


def _error_texts(errors: dict) -> dict:
    return {name: str(ERROR_MESSAGES.get(code, code)) for name, code in errors.items()}


@login_required
@require_GET
def assessment_detail(request, assessment_uuid):
    try:
        assessment = selectors.assessment_get(uuid=assessment_uuid)
    except Assessment.DoesNotExist as exc:
        raise Http404 from exc
    context_token = request.GET.get("context", "")
    registration = None
    if context_token:
        try:
            context = services.attempt_context_from_token(token=context_token, user=request.user)
        except services.AttemptInvalid:
            messages.error(request, STATUS_MESSAGES["bad_context"])
            context_token = ""
        else:
            registration = context.registration
    status = selectors.learner_status(
        assessment=assessment, user=request.user, registration=registration
    )
    return render(
        request,
        "assessments/assessment_detail.html",
        {"assessment": assessment, "status": status, "context_token": context_token},
    )


@login_required
@require_POST
def attempt_start(request, assessment_uuid):
    try:
        assessment = selectors.assessment_get(uuid=assessment_uuid)
    except Assessment.DoesNotExist as exc:
        raise Http404 from exc
    context = None
    token = request.POST.get("context", "")
    try:
        if token:
            context = services.attempt_context_from_token(token=token, user=request.user)
        # Without a signed context, a registered provider (courses) may supply the course.
        attempt = services.attempt_start(
            assessment=assessment, user=request.user, context=context, use_providers=not token
        )
    except services.AttemptError as exc:
        messages.error(request, STATUS_MESSAGES.get(exc.code, exc.code))
        status = selectors.learner_status(
            assessment=assessment,
            user=request.user,
            registration=context.registration if context else None,
        )
        return render(
            request,
            "assessments/assessment_detail.html",
            {"assessment": assessment, "status": status, "context_token": ""},
            status=403 if exc.code in ("no_attempts_left", "no_questions") else 400,
        )
    return redirect(attempt.get_absolute_url())


def _attempt_or_404(request, attempt_uuid) -> Attempt:
    try:
        return selectors.attempt_get(attempt_uuid=attempt_uuid, user=request.user)
    except Attempt.DoesNotExist as exc:
        raise Http404 from exc


def _render_take(request, attempt, *, raw=None, errors=None, status=200, confirm=False):
    answers = selectors.attempt_answers(attempt=attempt)
    items = selectors.attempt_take_items(attempt=attempt, answers=answers, raw=raw, errors=errors)
    answered = sum(1 for a in answers if a.response is not None)
    return render(
        request,
        "assessments/attempt_take.html",
        {
            "attempt": attempt,
            "assessment": attempt.assessment,
            "items": items,
            "answered": answered,
            "unanswered_count": len(answers) - answered,
            # Positions of unanswered questions when a submission waits for confirmation.
            "confirm_unanswered": [
                {"number": a.position, "field": f"q_{a.question.uuid}"}
                for a in answers
                if confirm and a.response is None
            ],
            "seconds_left": selectors.attempt_seconds_left(attempt=attempt),
            "immediate": attempt.assessment.feedback_policy == Assessment.FeedbackPolicy.IMMEDIATE,
            "has_errors": bool(errors),
        },
        status=status,
    )


@login_required
def attempt_take(request, attempt_uuid):
    """GET shows the open attempt; POST saves, checks one answer, or submits (no JS needed)."""
    if request.method == "GET":
        attempt = _attempt_or_404(request, attempt_uuid)
        if attempt.is_open:
            attempt = services.attempt_close_if_expired(
                attempt_uuid=attempt.uuid, user=request.user
            )
        if not attempt.is_open:
            return redirect("assessments:result", attempt_uuid=attempt.uuid)
        return _render_take(request, attempt)
    if request.method != "POST":
        return JsonResponse({"error": "method_not_allowed"}, status=405)
    action = request.POST.get("action", "save")
    revision = _int_or_none(request.POST.get("revision"))
    try:
        if action in ("submit", "submit_anyway"):
            confirmed = action == "submit_anyway" or request.POST.get("confirm_unanswered") == "1"
            attempt = services.attempt_submit(
                attempt_uuid=attempt_uuid,
                user=request.user,
                data=request.POST,
                revision=revision,
                allow_unanswered=confirmed,
            )
            if attempt.is_open:
                # Saved, not submitted: questions are unanswered, so ask first.
                return _render_take(request, attempt, confirm=True)
            return redirect("assessments:result", attempt_uuid=attempt.uuid)
        check = action.removeprefix("check:") if action.startswith("check:") else None
        if action != "save" and check is None:
            return JsonResponse({"error": "unknown_action"}, status=400)
        outcome = services.attempt_save(
            attempt_uuid=attempt_uuid,
            user=request.user,
            data=request.POST,
            revision=revision,
            check=check,
        )
    except services.AttemptNotFound as exc:
        raise Http404 from exc
    except services.AttemptClosed as exc:
        messages.warning(request, STATUS_MESSAGES[exc.code])
        return redirect("assessments:result", attempt_uuid=attempt_uuid)
    except services.AttemptConflict:
        messages.warning(request, STATUS_MESSAGES["conflict"])
        attempt = _attempt_or_404(request, attempt_uuid)
        return _render_take(request, attempt, status=409)
    except services.AttemptInvalid as exc:
        attempt = _attempt_or_404(request, attempt_uuid)
        if exc.code != "invalid" or not exc.errors:
            messages.error(request, STATUS_MESSAGES.get(exc.code, exc.code))
            return _render_take(request, attempt, status=400)
        return _render_take(
            request, attempt, raw=request.POST, errors=_error_texts(exc.errors), status=400
        )
    if check:
        return redirect(f"{reverse('assessments:attempt', args=[attempt_uuid])}#{check}")
    messages.success(request, _("Your answers have been saved."))
    return redirect("assessments:attempt", attempt_uuid=outcome.attempt.uuid)


@login_required
@require_POST
def attempt_autosave(request, attempt_uuid):
    """JSON endpoint for the autosave script; same rules as the form."""
    revision = _int_or_none(request.POST.get("revision"))
    try:
        outcome = services.attempt_save(
            attempt_uuid=attempt_uuid, user=request.user, data=request.POST, revision=revision
        )
    except services.AttemptNotFound:
        return JsonResponse({"error": "not_found"}, status=404)
    except services.AttemptClosed as exc:
        return JsonResponse(
            {
                "error": exc.code,
                "message": str(STATUS_MESSAGES[exc.code]),
                "result_url": reverse("assessments:result", args=[attempt_uuid]),
            },
            status=409,
        )
    except services.AttemptConflict:
        return JsonResponse(
            {"error": "conflict", "message": str(STATUS_MESSAGES["conflict"])}, status=409
        )
    except services.AttemptInvalid as exc:
        return JsonResponse(
            {
                "error": exc.code,
                "message": str(STATUS_MESSAGES.get(exc.code, exc.code)),
                "errors": _error_texts(exc.errors),
            },
            status=400,
        )
    return JsonResponse(
        {
            "revision": outcome.revision,
            "saved": True,
            "answered": outcome.answered,
            "total": outcome.total,
        }
    )


@login_required
@require_GET
def attempt_result(request, attempt_uuid):
    attempt = _attempt_or_404(request, attempt_uuid)
    if attempt.is_open:
        attempt = services.attempt_close_if_expired(attempt_uuid=attempt.uuid, user=request.user)
        if attempt.is_open:
            return redirect(attempt.get_absolute_url())
    answers = selectors.attempt_answers(attempt=attempt)
    status = selectors.learner_status(
        assessment=attempt.assessment,
        user=request.user,
        registration=attempt.registration if attempt.context else None,
    )
    show_solution = selectors.solutions_visible(attempt=attempt, status=status)
    return render(
        request,
        "assessments/attempt_result.html",
        {
            "attempt": attempt,
            "assessment": attempt.assessment,
            "items": selectors.attempt_review_items(
                attempt=attempt, answers=answers, show_solution=show_solution
            ),
            "review_allowed": selectors.review_allowed(attempt),
            "show_solution": show_solution,
            "outcomes": selectors.attempt_outcomes(attempt=attempt),
            "status": status,
            "graded": attempt.assessment.kind == Assessment.Kind.FINAL,
        },
    )


@login_required
@require_POST
def knowledge_check(request):
    """Answer an inline knowledge check: JSON/fragment for the script, a page without it."""
    wants_json = "application/json" in request.headers.get("Accept", "")
    token = request.POST.get("token", "")
    try:
        outcome = services.knowledge_check_answer(user=request.user, token=token, data=request.POST)
    except services.AttemptInvalid as exc:
        message = str(STATUS_MESSAGES.get(exc.code, exc.code))
        errors = _error_texts(exc.errors)
        if wants_json:
            return JsonResponse(
                {"error": exc.code, "message": message, "errors": errors}, status=400
            )
        return render(
            request,
            "assessments/knowledge_check_page.html",
            {"error": next(iter(errors.values()), message), "next": _safe_next(request)},
            status=400,
        )
    view = presentation.review_view(
        spec=outcome.spec,
        question=outcome.question,
        order=None,
        response=outcome.response,
        score=outcome.result.score,
        correct=outcome.result.correct,
        show_solution=True,
    )
    context = {"item": view, "next": _safe_next(request)}
    if wants_json:
        return JsonResponse(
            {
                "correct": outcome.result.correct,
                "score": outcome.result.score,
                "max_score": outcome.result.max_score,
                "html": render_to_string(
                    "assessments/includes/knowledge_check_feedback.html", context, request
                ),
            }
        )
    return render(request, "assessments/knowledge_check_page.html", context)


def _safe_next(request) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
