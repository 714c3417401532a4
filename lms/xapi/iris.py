"""Stable activity IRIs under the platform's base IRI."""

from django.conf import settings

ACTIVITY_KINDS = (
    "course",
    "lesson",
    "assessment",
    "question",
    "competency",
    "certificate",
    "curriculum",
    "simulator",
)


def base_iri() -> str:
    return settings.QD_XAPI_BASE_IRI.rstrip("/")


def activity_iri(kind: str, identifier) -> str:
    """The IRI of a platform activity, e.g. ``…/activities/course/42``."""
    if kind not in ACTIVITY_KINDS:
        raise ValueError(f"Unknown activity kind {kind!r}; expected one of {ACTIVITY_KINDS}.")
    identifier = str(identifier).strip()
    if not identifier or any(ch.isspace() for ch in identifier):
        raise ValueError("An activity identifier must be non-empty and contain no spaces.")
    return f"{base_iri()}/activities/{kind}/{identifier}"
