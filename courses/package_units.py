"""External content packages (``lms.packages``) as course units.

A ``ContentPackagePage`` under a course counts like a lesson: its package statements
resolve to the course (so the progress projection re-evaluates completion, see
``projection._complete_courses``), and a satisfied package completes the unit. Learners
launch it with their enrolment's registration.
"""

from courses.models import CoursePage, Enrolment
from courses.projection import Unit
from lms.packages import selectors as package_selectors


def resolve_units(iris: set[str]) -> dict:
    """Package activity IRIs → the course they belong to (kind "package")."""
    found = package_selectors.units_for_activities(iris=iris)
    if not found:
        return {}
    course_ids = set(
        CoursePage.objects.filter(
            id__in={parent for pairs in found.values() for _page, parent in pairs}
        ).values_list("id", flat=True)
    )
    units = {}
    for iri, pairs in found.items():
        for _page, parent in pairs:
            if parent in course_ids:
                units[iri] = Unit(course_id=parent, kind="package")
                break
    return units


def launch_registration(*, user, page):
    """The enrolment registration for a package unit of a course; None if not enrolled."""
    return (
        Enrolment.objects.current()
        .filter(user=user, course__path=page.path[: -page.steplen])
        .values_list("registration", flat=True)
        .first()
    )
