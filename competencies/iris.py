"""Stable identifiers (URIs) the platform gives to frameworks, competencies and levels.

Competency URIs double as xAPI activity IRIs (activity type competency), so they follow
the activity IRI shape ``{QD_XAPI_BASE_IRI}/activities/competency/<framework>/<code>``.
Imported frameworks that bring their own URIs (IMS CASE) keep them.
"""

from django.conf import settings


def _base() -> str:
    return settings.QD_XAPI_BASE_IRI.rstrip("/")


def framework_uri(key: str) -> str:
    return f"{_base()}/frameworks/{key}"


def competency_uri(framework_key: str, code: str) -> str:
    return f"{_base()}/activities/competency/{framework_key}/{code}"


def scale_uri(scale_key: str) -> str:
    return f"{_base()}/scales/{scale_key}"


def level_uri(scale_key: str, rank: int) -> str:
    return f"{_base()}/scales/{scale_key}/levels/{rank}"
