"""Loads the demo through the same services a trainer, an administrator or a learner uses.

Steps run in dependency order; every step is idempotent and seeded, so running the
command twice gives the same state.
"""

from django.db import transaction

from assessments.demo import load_assessments_activity_demo
from competencies.demo import load_competencies_demo
from courses.demo import (
    load_courses_activity_demo,
    load_courses_demo,
    load_recertification_demo,
)
from lms.assignments.demo import load_assignments_demo
from lms.demo.people import DEMO_PASSWORD, DEMO_TOTP_SECRETS, PERSONAS, load_people
from lms.home.demo import load_site_pages_demo
from lms.packages.demo import load_packages_demo

# Each step takes ``stdout`` and the result of the people step (personas, colleagues).
# Apps add their step here, in dependency order.
STEPS = [
    load_site_pages_demo,
    load_competencies_demo,
    load_courses_demo,
    load_packages_demo,
    load_courses_activity_demo,
    load_assessments_activity_demo,
    load_recertification_demo,
    load_assignments_demo,
]


def load_demo(stdout):
    with transaction.atomic():
        personas, colleagues = load_people(stdout)
    for step in STEPS:
        with transaction.atomic():
            step(stdout, personas=personas, colleagues=colleagues)
    print_logins(stdout)


def print_logins(stdout):
    stdout.write("")
    stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD})")
    for email, first, last, _unit, _roles, _groups, label in PERSONAS:
        line = f"  {label:<14} {email:<24} {first} {last}"
        if email in DEMO_TOTP_SECRETS:
            line += f"  TOTP secret {DEMO_TOTP_SECRETS[email]}"
        stdout.write(line)
    stdout.write(
        "Staff accounts use two-factor authentication: add the secret to an authenticator app, "
        "or run 'make totp' for the current codes."
    )
