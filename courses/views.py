"""Learner-facing views: parse the request, call one service or selector, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from courses import certificates, selectors, services
from courses.forms import CatalogueFilterForm, CertificateLookupForm
from courses.models import CoursePage, LessonPage


@login_required
@require_GET
def dashboard(request):
    return render(request, "courses/dashboard.html", selectors.dashboard(user=request.user))


@login_required
@require_GET
def catalogue(request):
    form = CatalogueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    courses = selectors.catalogue(
        query=filters.get("q") or "",
        role_id=filters["role"].pk if filters.get("role") else None,
        competency_id=filters["competency"].pk if filters.get("competency") else None,
        duration=filters.get("duration") or "",
    )
    cards = selectors.course_cards(courses=courses, user=request.user)
    return render(
        request,
        "courses/catalogue.html",
        {"form": form, "cards": cards, "searched": bool(request.GET)},
    )


def _live_course(page_id) -> CoursePage:
    return get_object_or_404(CoursePage.objects.live(), pk=page_id)


def _live_lesson(page_id) -> LessonPage:
    return get_object_or_404(LessonPage.objects.live(), pk=page_id)


@login_required
@require_POST
def course_enrol(request, page_id):
    course = _live_course(page_id)
    try:
        services.course_enrol(user=request.user, course=course)
    except services.CourseActionError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("You are now enrolled in the course “%(title)s”; your progress is saved.")
            % {"title": course.title},
        )
    # A lesson page sends its own address back, so the learner stays where they were.
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(course.get_url(request))


@login_required
@require_POST
def course_continue(request, page_id):
    course = _live_course(page_id)
    try:
        services.course_continue(user=request.user, course=course)
    except services.CourseActionError as error:
        messages.error(request, error.message)
        return redirect(course.get_url(request))
    # The same next step as the course page shows: a lesson, the final test, or the page.
    data = selectors.course_outline(course=course, user=request.user)
    step = data["next_step"]
    if step.kind == "lesson" and step.target is not None:
        return redirect(step.target.get_url(request))
    if step.kind == "final_assessment":
        url = reverse("assessments:detail", args=[data["final_assessment"].uuid])
        return redirect(f"{url}?{urlencode({'context': data['final_assessment_context']})}")
    return redirect(course.get_url(request))


@login_required
@require_POST
def course_retake(request, page_id):
    course = _live_course(page_id)
    try:
        services.course_retake(user=request.user, course=course)
    except services.CourseActionError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _(
                "You are taking “%(title)s” again. Your earlier completion and certificate "
                "remain in your history."
            )
            % {"title": course.title},
        )
    return redirect(course.get_url(request))


@login_required
@require_POST
def lesson_experienced(request, page_id):
    lesson = _live_lesson(page_id)
    try:
        services.lesson_experience(user=request.user, lesson=lesson)
    except services.CourseActionError as error:
        return JsonResponse({"error": error.message}, status=409)
    return JsonResponse({"recorded": True}, status=201)


@login_required
@require_POST
def lesson_complete(request, page_id):
    lesson = _live_lesson(page_id)
    course = selectors.course_of_lesson(lesson=lesson)
    # Completing a lesson enrols; the button said so, and the message confirms it.
    enrolled_before = selectors.is_enrolled(user=request.user, course=course)
    try:
        following = services.lesson_complete(user=request.user, lesson=lesson)
    except services.CourseActionError as error:
        messages.error(request, error.message)
        return redirect(lesson.get_url(request))
    if not enrolled_before:
        messages.success(
            request,
            _("You are now enrolled in the course “%(title)s”; your progress is saved.")
            % {"title": course.title},
        )
    if following is not None:
        return redirect(following.get_url(request))
    return redirect(course.get_url(request))


@login_required
@require_GET
def certificate_pdf(request, code):
    certificate = selectors.certificate_for_owner(user=request.user, code=code)
    if certificate is None:
        raise Http404
    response = HttpResponse(certificates.render_pdf(certificate=certificate), "application/pdf")
    response["Content-Disposition"] = f'attachment; filename="zertifikat-{certificate.code}.pdf"'
    return response


@require_GET
def certificate_verify(request):
    form = CertificateLookupForm(request.GET or None)
    result = None
    if form.is_valid():
        result = selectors.certificate_verification(code=form.cleaned_data["code"])
    return render(
        request,
        "courses/certificate_verify.html",
        {"form": form, "result": result, "looked_up": form.is_bound and form.is_valid()},
    )


def _simulator(lesson: LessonPage, block_id: str):
    value = selectors.simulator_block(lesson=lesson, block_id=block_id)
    if value is None:
        raise Http404
    return value


@login_required
@require_GET
def simulator_evaluate(request, page_id, block_id):
    """The simulator's result region for a case, for the script that updates it at once."""
    lesson = _live_lesson(page_id)
    value = _simulator(lesson, block_id)
    state = selectors.simulator_state(value=value, block_id=block_id, query=request.GET)
    html = render_to_string(
        "courses/blocks/simulator_result.html",
        {"sim": state, "block_id": block_id},
        request=request,
    )
    return JsonResponse(
        {
            "html": html,
            "result": state["decision"].result,
            "errors": state["errors"],
        }
    )


@login_required
@require_POST
def simulator_submit(request, page_id, block_id):
    """Check the learner's explanation; the page shows the feedback and the model answer."""
    lesson = _live_lesson(page_id)
    value = _simulator(lesson, block_id)
    try:
        outcome = services.simulator_submit(
            user=request.user, lesson=lesson, block_id=block_id, data=request.POST
        )
    except services.CourseActionError as error:
        messages.error(request, error.message)
        query = {k: v for k, v in request.POST.items() if k.startswith("in-") or k == "sim"}
        return redirect(f"{lesson.get_url(request)}?{urlencode(query)}#sim-{block_id}")
    return render(
        request,
        "courses/simulator_feedback.html",
        {
            "page": lesson,
            "value": value,
            "block_id": block_id,
            "sim": outcome.state,
            "feedback": outcome.feedback,
            "explanation": outcome.explanation,
        },
    )
