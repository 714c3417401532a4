"""Demo organisation: an agency, its units, the job roles and the persona accounts."""

import datetime
import random

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.utils import timezone

from lms.accounts.groups import (
    ADMINISTRATOR,
    HR,
    LEARNER,
    REVIEWER,
    TRAINER,
    ensure_permission_groups,
)
from lms.accounts.selectors import ResponsibilityKind, org_unit_by_code
from lms.accounts.services import (
    job_role_update_or_create,
    org_unit_update_or_create,
    responsibility_grant,
    user_create_or_update,
)

DEMO_PASSWORD = "Qualifica-Demo-2026"
# Known TOTP secrets so that the staff demo accounts can log in with any authenticator
# app (or ``manage.py demo_totp``). Only ever used for demo accounts.
DEMO_TOTP_SECRETS = {
    "trainer@example.org": "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
    "freigabe@example.org": "ONSWG4TFORZWK3TEMVZGK4TPOJSWC3DM",
    "hr@example.org": "KRUGKIDROVUWG2ZAMJZG653OEBTG66BA",
    "admin@example.org": "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U",
}

ORG_UNITS = [
    # code, name, kind, parent
    ("lasd", "Landesamt für Soziales und Digitales", "agency", None),
    ("abt-1", "Abteilung 1 – Soziale Leistungen", "department", "lasd"),
    ("ref-11", "Referat 11 – Wohngeld", "unit", "abt-1"),
    ("ref-12", "Referat 12 – Elterngeld und Familienleistungen", "unit", "abt-1"),
    ("ref-13", "Referat 13 – Grundsicherung", "unit", "abt-1"),
    ("abt-2", "Abteilung 2 – Zentrale Dienste", "department", "lasd"),
    ("ref-21", "Referat 21 – IT und Digitalisierung", "unit", "abt-2"),
    ("ref-22", "Referat 22 – Personal und Organisation", "unit", "abt-2"),
    ("stab-ds", "Stabsstelle Datenschutz", "unit", "lasd"),
]

JOB_ROLES = [
    (
        "sachbearbeitung",
        "Sachbearbeitung",
        "Bearbeitet Anträge und erlässt Bescheide, zunehmend in voll- oder teilautomatisierten Verfahren.",
    ),
    (
        "fuehrungskraft",
        "Führungskraft",
        "Leitet ein Team oder Referat, verantwortet Prozesse, Personal und die Einführung digitaler Verfahren.",
    ),
    (
        "it-digitalisierung",
        "IT-/Digitalisierungsfachkraft",
        "Gestaltet, betreibt und prüft IT-Verfahren, Schnittstellen und Automatisierung in der Verwaltung.",
    ),
    (
        "nachwuchskraft",
        "Nachwuchskraft",
        "Auszubildende, Anwärterinnen und Anwärter sowie Trainees im ersten Berufsjahr.",
    ),
    (
        "datenschutz",
        "Datenschutzbeauftragte/r",
        "Berät und überwacht die Einhaltung des Datenschutzes nach Art. 37–39 DSGVO.",
    ),
]

PERSONAS = [
    # email, first, last, unit, roles, groups, label
    ("lernende@example.org", "Lea", "Lindner", "ref-11", ["sachbearbeitung"], [LEARNER], "Learner"),
    (
        "trainer@example.org",
        "Tobias",
        "Brandt",
        "ref-22",
        ["it-digitalisierung"],
        [LEARNER, TRAINER],
        "Trainer",
    ),
    # Releases the courses trainers submit (the "Kursfreigabe" workflow's second person).
    (
        "freigabe@example.org",
        "Renate",
        "Vogt",
        "ref-22",
        ["fuehrungskraft"],
        [LEARNER, REVIEWER],
        "Reviewer",
    ),
    ("hr@example.org", "Hanna", "Roth", "ref-22", ["fuehrungskraft"], [LEARNER, HR], "HR"),
    # Heads unit 11: sees the mandatory-training status of its people at /team/.
    (
        "fuehrung@example.org",
        "Martin",
        "Keller",
        "ref-11",
        ["fuehrungskraft"],
        [LEARNER],
        "Manager",
    ),
    (
        "admin@example.org",
        "Arne",
        "Mertens",
        "ref-21",
        ["it-digitalisierung"],
        [LEARNER, ADMINISTRATOR],
        "Administrator",
    ),
]

FIRST_NAMES = [
    "Anna",
    "Ben",
    "Clara",
    "David",
    "Elif",
    "Felix",
    "Greta",
    "Hakan",
    "Ines",
    "Jonas",
    "Katrin",
    "Lukas",
    "Mara",
    "Niklas",
    "Olga",
    "Paul",
    "Quirin",
    "Rana",
    "Stefan",
    "Tanja",
    "Ulrike",
    "Volker",
    "Wiebke",
    "Yusuf",
    "Zoe",
    "Marta",
    "Jan",
    "Sabine",
    "Dirk",
    "Leonie",
]
LAST_NAMES = [
    "Albers",
    "Becker",
    "Cakir",
    "Dietrich",
    "Engel",
    "Fischer",
    "Günther",
    "Hoffmann",
    "Imhof",
    "Jansen",
    "Keller",
    "Lorenz",
    "Meyer",
    "Nowak",
    "Otto",
    "Peters",
    "Quast",
    "Richter",
    "Schulz",
    "Thiel",
    "Ulrich",
    "Vogel",
    "Wagner",
    "Yilmaz",
    "Zimmermann",
]
# Unit -> (number of colleagues, their role mix) so that reports show real patterns.
COLLEAGUES = {
    "ref-11": (14, ["sachbearbeitung"] * 5 + ["nachwuchskraft"]),
    "ref-12": (12, ["sachbearbeitung"] * 5 + ["nachwuchskraft"]),
    "ref-13": (10, ["sachbearbeitung"] * 4 + ["nachwuchskraft"]),
    "ref-21": (9, ["it-digitalisierung"] * 4 + ["nachwuchskraft"]),
    "ref-22": (7, ["sachbearbeitung", "fuehrungskraft"]),
    "stab-ds": (3, ["datenschutz"]),
}
MANAGED_UNITS = ["ref-11", "ref-12", "ref-13", "ref-21", "ref-22"]


def load_people(stdout, *, seed: int = 2026):
    ensure_permission_groups()
    units = {}
    for code, name, kind, parent in ORG_UNITS:
        parent_unit = org_unit_by_code(code=parent) if parent else None
        units[code] = org_unit_update_or_create(code=code, name=name, kind=kind, parent=parent_unit)
    roles = {
        code: job_role_update_or_create(code=code, name=name, description=description)
        for code, name, description in JOB_ROLES
    }
    # The personas joined their roles recently, so their curriculum deadlines lie ahead.
    joined = timezone.localdate() - datetime.timedelta(days=21)

    personas = {}
    for email, first, last, unit, role_codes, groups, label in PERSONAS:
        user = user_create_or_update(
            email=email,
            first_name=first,
            last_name=last,
            password=DEMO_PASSWORD,
            org_unit=org_unit_by_code(code=unit),
            job_roles=[roles[c] for c in role_codes],
            groups=groups,
            roles_since=joined,
        )
        if (
            email in DEMO_TOTP_SECRETS
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            TOTP.activate(user, DEMO_TOTP_SECRETS[email])
        personas[label] = user
    responsibility_grant(
        user=personas["HR"],
        org_unit=org_unit_by_code(code="lasd"),
        kind=ResponsibilityKind.HR,
    )
    responsibility_grant(
        user=personas["Manager"],
        org_unit=org_unit_by_code(code="ref-11"),
        kind=ResponsibilityKind.MANAGER,
    )

    rng = random.Random(seed)
    colleagues = []
    for unit_code, (count, role_mix) in COLLEAGUES.items():
        unit = org_unit_by_code(code=unit_code)
        for index in range(count):
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            role_code = rng.choice(role_mix)
            is_manager = index == 0 and unit_code in MANAGED_UNITS
            role_codes = ["fuehrungskraft"] if is_manager else [role_code]
            user = user_create_or_update(
                email=_ascii(f"{first}.{last}.{unit_code}-{index}@example.org".lower()),
                first_name=first,
                last_name=last,
                password=DEMO_PASSWORD,
                org_unit=unit,
                job_roles=[roles[c] for c in role_codes],
                groups=[LEARNER],
                roles_since=joined - datetime.timedelta(days=rng.randint(0, 900)),
            )
            if is_manager:
                responsibility_grant(user=user, org_unit=unit, kind=ResponsibilityKind.MANAGER)
            colleagues.append(user)
    stdout.write(
        f"  organisation: {len(units)} org units, {len(roles)} job roles, "
        f"{len(personas) + len(colleagues)} people"
    )
    return personas, colleagues


def _ascii(text: str) -> str:
    return text.translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))
