from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from django.db.models.signals import post_migrate

        from courses.models import (
            Certificate,
            CourseProgress,
            CourseReview,
            Enrolment,
            LessonProgress,
        )
        from lms.accounts.personal_data import register_personal_data

        register_personal_data(
            "enrolments",
            lambda user: Enrolment.objects.filter(user=user).values(
                "course__title", "attempt", "registration", "source", "enrolled_at", "superseded_at"
            ),
        )
        register_personal_data(
            "course_progress",
            lambda user: CourseProgress.objects.filter(user=user).values(
                "course__title",
                "started_at",
                "last_activity_at",
                "lessons_completed",
                "assessment_passed_at",
                "completed_at",
            ),
        )
        register_personal_data(
            "lesson_progress",
            lambda user: LessonProgress.objects.filter(user=user).values(
                "lesson__title", "first_experienced_at", "last_experienced_at", "completed_at"
            ),
        )
        register_personal_data(
            "certificates",
            lambda user: Certificate.objects.filter(user=user).values(
                "course__title", "code", "issued_at"
            ),
        )
        register_personal_data(
            "course_reviews",
            lambda user: CourseReview.objects.filter(reviewed_by=user).values(
                "course__title", "reviewed_at", "note"
            ),
        )
        from assessments.selectors import register_attempt_outcome_provider
        from assessments.services import register_attempt_context_provider
        from competencies.providers import register_offer_provider
        from courses import package_units, projection, selectors, services
        from lms.accounts.groups import register_group_permissions
        from lms.accounts.services import register_person_eraser
        from lms.packages import projection as package_projection
        from lms.packages.services import register_registration_provider
        from lms.xapi.projections import register_projection

        register_projection(
            projection.PROJECTION_NAME,
            apply=projection.apply,
            reset=projection.reset,
            erase=projection.erase,
            # Package units count once the packages app says they are satisfied.
            after=(package_projection.PROJECTION_NAME,),
        )
        register_attempt_context_provider(services.final_assessment_context)
        register_attempt_outcome_provider(selectors.final_assessment_outcome)
        # After the accounts app's handler (apps in INSTALLED_APPS order) made the groups.
        post_migrate.connect(services.course_review_workflow_ensure_after_migrate, sender=self)
        register_offer_provider("courses", selectors.competency_offers)
        projection.register_unit_resolver(package_units.resolve_units)
        register_registration_provider(package_units.launch_registration)
        register_group_permissions(
            "Trainer",
            [
                "courses.add_curriculum",
                "courses.change_curriculum",
                "courses.delete_curriculum",
                "courses.view_curriculum",
                "courses.view_course_analytics",
                "courses.review_course_content",
            ],
        )
        register_group_permissions("Administrator", ["courses.review_course_content"])
        register_person_eraser(lambda user: services.reviewer_erase(user=user))
