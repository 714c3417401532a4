"""Activity IRIs the platform generates for cmi5 courses, blocks and AUs (cmi5 8.1.5, 9.4)
and for SCORM packages and their SCOs (SCORM identifiers are not IRIs).

The LMS must give every AU, block and course its own activity id, different from the
publisher's id in ``cmi5.xml``; ours live under the platform's base IRI.
"""

import uuid

from lms.xapi.iris import base_iri


def cmi5_course_iri(package_uuid) -> str:
    return f"{base_iri()}/activities/cmi5-course/{package_uuid}"


def cmi5_au_iri(package_uuid, index: int) -> str:
    return f"{base_iri()}/activities/cmi5-au/{package_uuid}-{index}"


def cmi5_block_iri(package_uuid, number: int) -> str:
    return f"{base_iri()}/activities/cmi5-block/{package_uuid}-{number}"


def scorm_package_iri(package_uuid) -> str:
    return f"{base_iri()}/activities/scorm/{package_uuid}"


def scorm_sco_iri(package_uuid, index: int) -> str:
    return f"{scorm_package_iri(package_uuid)}/sco-{index}"


def cmi5_au_package_uuid(iri: str) -> uuid.UUID | None:
    """The package of a platform AU IRI (``cmi5_au_iri``), or ``None`` for any other IRI."""
    prefix = f"{base_iri()}/activities/cmi5-au/"
    if not iri.startswith(prefix):
        return None
    package, _sep, index = iri[len(prefix) :].rpartition("-")
    try:
        return uuid.UUID(package) if index.isdigit() else None
    except ValueError:
        return None
