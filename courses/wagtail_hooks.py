from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from courses import admin_views, services
from courses.models import CourseIndexPage, Curriculum


class CurriculumViewSet(SnippetViewSet):
    model = Curriculum
    icon = "list-ol"
    menu_label = _("Curricula")
    menu_name = "curricula"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["title", "slug"]
    list_filter = ["job_roles"]
    search_fields = ["title", "description"]


register_snippet(CurriculumViewSet)


@hooks.register("register_admin_urls")
def register_analytics_urls():
    return [
        path(
            "course-analytics/",
            include(
                (
                    [
                        path("", admin_views.analytics_index, name="index"),
                        path("<int:page_id>/", admin_views.analytics_course, name="course"),
                    ],
                    "course_analytics",
                ),
                namespace="course_analytics",
            ),
        )
    ]


class AnalyticsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("courses.view_course_analytics")


@hooks.register("register_admin_menu_item")
def register_analytics_menu_item():
    return AnalyticsMenuItem(
        _("Course analytics"),
        reverse("course_analytics:index"),
        icon_name="table",
        order=220,
    )


@hooks.register("register_admin_urls")
def register_content_review_urls():
    return [
        path(
            "content-review/",
            include(
                (
                    [
                        path("", admin_views.content_review_index, name="index"),
                        path("norm/", admin_views.content_review_norm, name="norm"),
                        path(
                            "<int:page_id>/review/",
                            admin_views.content_review_complete,
                            name="complete",
                        ),
                    ],
                    "content_review",
                ),
                namespace="content_review",
            ),
        )
    ]


class ContentReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("courses.review_course_content")


@hooks.register("register_admin_menu_item")
def register_content_review_menu_item():
    return ContentReviewMenuItem(
        _("Content review"), reverse("content_review:index"), icon_name="tasks", order=215
    )


@hooks.register("after_create_page")
def course_index_gets_the_release_workflow(request, page):
    """A course section made in the admin is under the "Kursfreigabe" workflow at once."""
    if isinstance(page.specific, CourseIndexPage):
        services.course_review_workflow_ensure(index=page.specific)


@hooks.register("after_edit_page")
def reviewers_return_to_their_tasks(request, page):
    """After approving or sending back, Wagtail shows the parent's page listing; reviewers
    hold no page permission of their own, so they return to their dashboard of tasks."""
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return None
    parent = page.get_parent()
    if parent is None or parent.permissions_for_user(request.user).can_edit():
        return None
    return redirect("wagtailadmin_home")
