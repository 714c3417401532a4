"""How courses and lessons appear in xAPI statements: their activities and IRIs.

Pages are identified by their ``translation_key`` (a UUID that survives moves and
renames), so statements keep pointing at the same lesson when a trainer restructures
a course.
"""

import uuid
from dataclasses import dataclass

from django.conf import settings

from lms.xapi import vocabulary
from lms.xapi.events import Activity
from lms.xapi.iris import activity_iri


def course_iri(course) -> str:
    return activity_iri("course", course.translation_key)


def lesson_iri(lesson) -> str:
    return activity_iri("lesson", lesson.translation_key)


def assessment_iri(key) -> str:
    """The IRI the assessments app gives an assessment (by its UUID)."""
    return activity_iri("assessment", key)


def certificate_iri(code: str) -> str:
    return activity_iri("certificate", code)


def course_activity(course) -> Activity:
    return Activity(
        iri=course_iri(course),
        name=course.title,
        type=vocabulary.TYPE_COURSE,
        description=getattr(course, "summary", "") or "",
    )


def lesson_activity(lesson) -> Activity:
    return Activity(iri=lesson_iri(lesson), name=lesson.title, type=vocabulary.TYPE_LESSON)


def certificate_activity(*, code: str, course) -> Activity:
    return Activity(
        iri=certificate_iri(code),
        name=f"Zertifikat: {course.title}",
        type=vocabulary.TYPE_CERTIFICATE,
    )


@dataclass(frozen=True)
class PlatformIri:
    kind: str
    identifier: str


def parse_platform_iri(iri: str) -> PlatformIri | None:
    """Split ``{base}/activities/{kind}/{identifier}``; None for any other IRI."""
    prefix = f"{settings.QD_XAPI_BASE_IRI}/activities/"
    if not iri or not iri.startswith(prefix):
        return None
    kind, _sep, identifier = iri[len(prefix) :].partition("/")
    if not kind or not identifier or "/" in identifier:
        return None
    return PlatformIri(kind=kind, identifier=identifier)


def page_key(identifier: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(identifier)
    except ValueError:
        return None


def simulator_activity(*, lesson, block_id, title: str) -> Activity:
    """A decision simulator: its lesson's key and the block's id (stable across edits)."""
    return Activity(
        iri=activity_iri("simulator", f"{lesson.translation_key}.{block_id}"),
        name=title,
        type=vocabulary.TYPE_SIMULATION,
    )
