"""The review state of a course or lesson, shown to trainers on its edit page."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class ReviewStatusPanel(Panel):
    """Read-only: whether the course's review is due, lessons are marked after a legal
    change, or (on a lesson) why it needs review."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Review status"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "review_status"

    class BoundPanel(Panel.BoundPanel):
        template_name = "courses/admin/review_status_panel.html"

        def get_context_data(self, parent_context=None):
            from courses import selectors
            from courses.models import CoursePage, LessonPage

            context = super().get_context_data(parent_context)
            instance = self.instance
            if instance.pk is None:
                return context
            if isinstance(instance, CoursePage):
                (context["course_state"],) = selectors.course_review_states(courses=[instance])
            elif isinstance(instance, LessonPage):
                context["lesson_flags"] = selectors.lesson_open_review_flags(lesson=instance)
            return context
