"""Per-course analytics and the content review in the Wagtail admin (trainers)."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses import selectors, services
from courses.forms import CourseReviewForm, NormMarkForm, NormSearchForm
from courses.models import CoursePage


def _check(request):
    if not request.user.has_perm("courses.view_course_analytics"):
        raise PermissionDenied


def analytics_index(request):
    _check(request)
    courses = CoursePage.objects.live().order_by("title")
    figures = selectors.course_analytics(courses=courses, min_group_size=settings.QD_MIN_GROUP_SIZE)
    return TemplateResponse(
        request,
        "courses/admin/analytics_index.html",
        {"figures": figures, "k": settings.QD_MIN_GROUP_SIZE},
    )


def analytics_course(request, page_id):
    _check(request)
    course = get_object_or_404(CoursePage, pk=page_id)
    figures = selectors.course_analytics(
        courses=[course], min_group_size=settings.QD_MIN_GROUP_SIZE
    )[0]
    lessons = selectors.lesson_analytics(course=course)
    return TemplateResponse(
        request,
        "courses/admin/analytics_course.html",
        {"course": course, "item": figures, "lessons": lessons, "k": settings.QD_MIN_GROUP_SIZE},
    )


# Content review (trainers and administrators) -----------------------------------------------


def _check_reviewer(request):
    if not request.user.has_perm("courses.review_course_content"):
        raise PermissionDenied


def content_review_index(request):
    _check_reviewer(request)
    courses = CoursePage.objects.live().select_related("content_owner").order_by("title")
    return TemplateResponse(
        request,
        "courses/admin/content_review_index.html",
        {"states": selectors.course_review_states(courses=courses)},
    )


def content_review_complete(request, page_id):
    _check_reviewer(request)
    course = get_object_or_404(CoursePage, pk=page_id)
    form = CourseReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.course_review_complete(
            course=course, user=request.user, note=form.cleaned_data["note"]
        )
        messages.success(request, _("The review of “%(course)s” is recorded.") % {"course": course})
        return redirect("content_review:index")
    (state,) = selectors.course_review_states(courses=[course])
    return TemplateResponse(
        request,
        "courses/admin/content_review_complete.html",
        {"course": course, "state": state, "form": form},
    )


def content_review_norm(request):
    """Find every lesson citing a norm and mark them as needing review (after a change)."""
    _check_reviewer(request)
    data = request.POST if request.method == "POST" else request.GET
    search = NormSearchForm(data if "norm" in data else None)
    citations = (
        selectors.lessons_citing(norm=search.cleaned_data["norm"]) if search.is_valid() else []
    )
    form = NormMarkForm(request.POST or None, citations=citations)
    if request.method == "POST" and form.is_valid():
        chosen = set(form.cleaned_data["lessons"])
        created = services.lessons_mark_for_review(
            norm=form.cleaned_data["norm"],
            lessons=[c.lesson for c in citations if c.lesson.pk in chosen],
            user=request.user,
            note=form.cleaned_data["note"],
        )
        messages.success(
            request,
            ngettext(
                "%(count)d lesson is marked as needing review.",
                "%(count)d lessons are marked as needing review.",
                len(created),
            )
            % {"count": len(created)},
        )
        return redirect("content_review:index")
    return TemplateResponse(
        request,
        "courses/admin/content_review_norm.html",
        {"search": search, "form": form, "citations": citations},
    )
