"""Verbs, activity types and extensions: every IRI the platform emits, in one place.

Verbs come from the ADL registry, the cmi5 profile and the TinCan registry. The platform's
own verbs, activity types and extensions are vocabulary: they stay under
``DEFAULT_BASE_IRI`` in every deployment, so statements from different agencies mean the
same. Activity IRIs (courses, lessons, questions …) are per deployment: ``iris.activity_iri``
builds them under ``settings.QD_XAPI_BASE_IRI``.
"""

from typing import NamedTuple


class Verb(NamedTuple):
    id: str
    display_en: str
    display_de: str

    def as_dict(self) -> dict:
        return {"id": self.id, "display": {"en-US": self.display_en, "de-DE": self.display_de}}


ADL = "http://adlnet.gov/expapi/verbs"
ADL_ACTIVITIES = "http://adlnet.gov/expapi/activities"
CMI5_VERBS = "https://w3id.org/xapi/adl/verbs"
DEFAULT_BASE_IRI = "https://qualifica-digitalis.example/xapi"

EXPERIENCED = Verb(f"{ADL}/experienced", "experienced", "hat erlebt")
COMPLETED = Verb(f"{ADL}/completed", "completed", "hat abgeschlossen")
LAUNCHED = Verb(f"{ADL}/launched", "launched", "hat gestartet")
INITIALIZED = Verb(f"{ADL}/initialized", "initialized", "hat initialisiert")
TERMINATED = Verb(f"{ADL}/terminated", "terminated", "hat beendet")
ANSWERED = Verb(f"{ADL}/answered", "answered", "hat beantwortet")
PASSED = Verb(f"{ADL}/passed", "passed", "hat bestanden")
FAILED = Verb(f"{ADL}/failed", "failed", "hat nicht bestanden")
ATTEMPTED = Verb(f"{ADL}/attempted", "attempted", "hat versucht")
VOIDED = Verb(f"{ADL}/voided", "voided", "hat annulliert")
SUSPENDED = Verb(f"{ADL}/suspended", "suspended", "hat unterbrochen")
RESUMED = Verb(f"{ADL}/resumed", "resumed", "hat fortgesetzt")
SATISFIED = Verb(f"{CMI5_VERBS}/satisfied", "satisfied", "hat erfüllt")
WAIVED = Verb(f"{CMI5_VERBS}/waived", "waived", "wurde freigestellt")
ABANDONED = Verb(f"{CMI5_VERBS}/abandoned", "abandoned", "hat abgebrochen")
INTERACTED = Verb(f"{ADL}/interacted", "interacted", "hat interagiert")
EARNED = Verb("http://id.tincanapi.com/verb/earned", "earned", "hat erworben")
SELF_ASSESSED = Verb(
    f"{DEFAULT_BASE_IRI}/verbs/self-assessed", "self-assessed", "hat sich eingeschätzt"
)
VALIDATED = Verb(f"{DEFAULT_BASE_IRI}/verbs/validated", "validated", "wurde bestätigt")

# Activity types.
TYPE_COURSE = f"{ADL_ACTIVITIES}/course"
TYPE_LESSON = f"{ADL_ACTIVITIES}/lesson"
TYPE_ASSESSMENT = f"{ADL_ACTIVITIES}/assessment"
TYPE_QUESTION = f"{ADL_ACTIVITIES}/cmi.interaction"
TYPE_COMPETENCY = f"{DEFAULT_BASE_IRI}/activity-types/competency"
TYPE_SIMULATION = f"{ADL_ACTIVITIES}/simulation"
TYPE_CERTIFICATE = "http://id.tincanapi.com/activitytype/certificate"

# Extensions.
EXT_COMPETENCY_EVIDENCE = f"{DEFAULT_BASE_IRI}/extensions/competency-evidence"
EXT_SELF_ASSESSED_LEVEL = f"{DEFAULT_BASE_IRI}/extensions/self-assessed-level"
EXT_VALIDATION_NOTE = f"{DEFAULT_BASE_IRI}/extensions/validation-note"
# A decision simulator: the case's inputs as submitted, the result and rule the rules
# reached, how many cases the learner tried, and the rubric of an explanation.
EXT_SIMULATOR_CASE = f"{DEFAULT_BASE_IRI}/extensions/simulator-case"
EXT_SIMULATOR_EXPLORED = f"{DEFAULT_BASE_IRI}/extensions/simulator-explored"
EXT_RUBRIC = f"{DEFAULT_BASE_IRI}/extensions/rubric"

# cmi5 (the LMS's statements in a cmi5 session, section 9 of the cmi5 specification).
# The ADL SCORM profile for xAPI: its statements carry this context category.
SCORM_PROFILE_CATEGORY = "https://w3id.org/xapi/scorm"
TYPE_SCO = f"{ADL_ACTIVITIES}/lesson"
TYPE_SCORM_COURSE = f"{ADL_ACTIVITIES}/course"
TYPE_ATTEMPT = f"{ADL_ACTIVITIES}/attempt"
CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
CMI5_MOVE_ON_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/moveon"
CMI5_EXT_SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
CMI5_EXT_LAUNCH_MODE = "https://w3id.org/xapi/cmi5/context/extensions/launchmode"
CMI5_EXT_LAUNCH_URL = "https://w3id.org/xapi/cmi5/context/extensions/launchurl"
CMI5_EXT_MOVE_ON = "https://w3id.org/xapi/cmi5/context/extensions/moveon"
CMI5_EXT_LAUNCH_PARAMETERS = "https://w3id.org/xapi/cmi5/context/extensions/launchparameters"
CMI5_EXT_MASTERY_SCORE = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"
CMI5_EXT_REASON = "https://w3id.org/xapi/cmi5/result/extensions/reason"
CMI5_TYPE_BLOCK = "https://w3id.org/xapi/cmi5/activitytype/block"
CMI5_TYPE_COURSE = "https://w3id.org/xapi/cmi5/activitytype/course"

# The platform name in every statement we build.
PLATFORM = "Qualifica Digitalis"
LANGUAGE = "de-DE"
