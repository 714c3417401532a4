"""Per-course analytics in the Wagtail admin (trainers)."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from courses import selectors
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
