"""Who may see what: every URL of the platform × six roles, generated from the URL
configuration and checked against one table of expected outcomes.

Path parameters are filled with real ids of objects that belong to someone else (a learner
of unit B: their attempt, their export; HR of unit B's report export), so every cell also
probes object-level access. A URL that is not in the table fails the test: whoever adds a
view decides here who may reach it.

Signing in, out and resetting a password happen only in allauth (throttling, the second
factor for staff). Wagtail's own routes for them (admin login, logout, password reset, the
front-end login) are checked in ``SIGN_IN`` for every role: they lead to allauth and
authenticate nobody, whatever is posted to them.
"""

import datetime as dt
import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from assessments import services as assessment_services
from competencies.models import Competency
from competencies.services import report_export_request, scheduled_report_create
from lms.accounts.models import OrgUnit, OrgUnitResponsibility
from lms.accounts.services import responsibility_grant
from lms.assignments.models import Assignment
from tests.conftest import log_in
from tests.courses.conftest import (  # noqa: F401
    course_index,
    final_assessment,
    make_course,
    question,
)

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "learner", "trainer", "hr_a", "hr_b", "admin")

# Outcomes: OK 200 · LOGIN redirect to the login page · DENY 403 or 404 · GONE 404 (an id
# nobody may guess) · NOGET 405 (POST only) · BAD 400 (GET without its parameters) ·
# MOVED 302 elsewhere · AUTH 401 (LRS credentials) · PUBLIC any answer below 500.
OK, LOGIN, DENY, GONE, NOGET, BAD, MOVED, AUTH, PUBLIC = (
    "OK", "LOGIN", "DENY", "GONE", "NOGET", "BAD", "MOVED", "AUTH", "PUBLIC"
)  # fmt: skip


def row(anonymous, learner, trainer, hr_a, hr_b, admin):
    return dict(zip(ROLES, (anonymous, learner, trainer, hr_a, hr_b, admin), strict=True))


def same(outcome, anonymous=None):
    return row(anonymous or outcome, outcome, outcome, outcome, outcome, outcome)


# The table: every route of the platform's own apps, written down once.
MATRIX = {
    "healthz": same(OK),
    "i18n/setlang/": same(PUBLIC),
    "me/": same(OK, anonymous=LOGIN),
    "me/consent/": same(NOGET, anonymous=LOGIN),
    "me/export.json": same(OK, anonymous=LOGIN),
    "me/export.zip": same(OK, anonymous=LOGIN),
    "training/": same(OK, anonymous=LOGIN),
    "training/calendar/": same(NOGET, anonymous=LOGIN),
    "training/calendar/<str:token>.ics": same(GONE),
    # Nobody here manages a unit: the team view is refused to all (tests/assignments).
    "team/": row(LOGIN, DENY, DENY, DENY, DENY, DENY),
    "team/units/": row(LOGIN, DENY, DENY, OK, OK, DENY),
    # The LRS answers its own clients (HTTP Basic), never browser sessions.
    "xapi/^statements/?$": same(AUTH),
    # SCIM answers only its bearer tokens; no session, not even an administrator's, opens it.
    "scim/v2/Users": same(AUTH),
    "scim/v2/Users/<str:scim_id>": same(AUTH),
    "scim/v2/Groups": same(AUTH),
    "scim/v2/Groups/<str:scim_id>": same(AUTH),
    "scim/v2/ServiceProviderConfig": same(AUTH),
    "scim/v2/ResourceTypes": same(AUTH),
    "scim/v2/Schemas": same(AUTH),
    "xapi/^activities/state/?$": same(AUTH),
    "xapi/^activities/profile/?$": same(AUTH),
    "xapi/^activities/?$": same(AUTH),
    "xapi/^agents/profile/?$": same(AUTH),
    "xapi/^agents/?$": same(AUTH),
    "xapi/^about/?$": same(OK),
    "xapi/": same(OK),
    "learn/": same(OK, anonymous=LOGIN),
    "learn/catalogue/": same(OK, anonymous=LOGIN),
    "learn/courses/<int:page_id>/enrol/": same(NOGET, anonymous=LOGIN),
    "learn/courses/<int:page_id>/continue/": same(NOGET, anonymous=LOGIN),
    "learn/courses/<int:page_id>/retake/": same(NOGET, anonymous=LOGIN),
    "learn/lessons/<int:page_id>/experienced/": same(NOGET, anonymous=LOGIN),
    "learn/lessons/<int:page_id>/complete/": same(NOGET, anonymous=LOGIN),
    # A simulator id the lesson does not hold: nobody learns anything about it.
    "learn/lessons/<int:page_id>/simulators/<uuid:block_id>/evaluate/": same(GONE, anonymous=LOGIN),
    "learn/lessons/<int:page_id>/simulators/<uuid:block_id>/explain/": same(NOGET, anonymous=LOGIN),
    "learn/certificates/verify/": same(OK),
    "learn/certificates/<str:code>.pdf": same(GONE, anonymous=LOGIN),
    "assessments/check/": same(NOGET, anonymous=LOGIN),
    # Another learner's attempt: nobody else sees it, not even HR or administrators.
    "assessments/attempt/<uuid:attempt_uuid>/": same(DENY, anonymous=LOGIN),
    "assessments/attempt/<uuid:attempt_uuid>/autosave/": same(NOGET, anonymous=LOGIN),
    "assessments/attempt/<uuid:attempt_uuid>/result/": same(DENY, anonymous=LOGIN),
    "assessments/<uuid:assessment_uuid>/": same(OK, anonymous=LOGIN),
    "assessments/<uuid:assessment_uuid>/start/": same(NOGET, anonymous=LOGIN),
    "competencies/me/": same(OK, anonymous=LOGIN),
    "competencies/me/<int:competency_id>/self-assessment/": same(NOGET, anonymous=LOGIN),
    "competencies/me/<int:competency_id>/evidence/": same(OK, anonymous=LOGIN),
    # HR reports: HR only; exports belong to the HR person who asked for them (HR of B).
    "competencies/reports/": row(LOGIN, DENY, DENY, OK, OK, DENY),
    "competencies/reports/export/": same(NOGET, anonymous=LOGIN),  # POST: see POST_MATRIX
    "competencies/reports/schedule/": same(NOGET, anonymous=LOGIN),
    # Scheduled reports: HR (their own and their units') and administrators manage them.
    "competencies/reports/schedules/": row(LOGIN, DENY, DENY, OK, OK, OK),
    "competencies/reports/schedules/<int:schedule_id>/": same(NOGET, anonymous=LOGIN),
    # The delete confirmation page: HR of B (its unit) and administrators.
    "competencies/reports/schedules/<int:schedule_id>/delete/": row(
        LOGIN, DENY, DENY, DENY, OK, OK
    ),
    "competencies/reports/exports/<uuid:export_id>/": row(LOGIN, DENY, DENY, DENY, OK, DENY),
    "competencies/reports/exports/<uuid:export_id>/status.json": row(
        LOGIN, DENY, DENY, DENY, OK, DENY
    ),
    "competencies/reports/exports/<uuid:export_id>/download/": row(
        LOGIN, DENY, DENY, DENY, DENY, DENY
    ),  # not finished yet: nothing to download, for anyone
    "competencies/reports/people/": row(LOGIN, DENY, DENY, DENY, DENY, DENY),
    # Content packages: files by unguessable package id (sandboxed, no session needed), the
    # one-time cmi5 fetch URL (POST), launches (logged in; units need the enrolment).
    "content/files/<uuid:package_uuid>/<path:path>": same(GONE),
    "content/cmi5/fetch/<str:token>/": same(NOGET),
    "content/<uuid:package_uuid>/": same(GONE),
    "content/unit/<int:page_id>/start/": same(NOGET, anonymous=LOGIN),
    # The SCORM player, its scripts and its run-time API exist only on the content origin
    # (never beside the platform session); the API takes the launch credential only.
    "content/scorm/player/": same(GONE),
    "content/scorm/assets/<str:name>": same(GONE),
    "content/scorm/runtime/": same(GONE),
    # The accessibility statement's feedback channel: everyone, signed in or not.
    "feedback/accessibility/": same(OK),
    "feedback/accessibility/thanks/": same(OK),
}

# POST-only routes where a role must be refused (403/404) whatever it sends; the other
# roles must get an answer below 500 (a form error is fine).
POST_MATRIX = {
    "training/calendar/": same(MOVED, anonymous=LOGIN),  # a new address, back to the page
    "competencies/reports/export/": row(LOGIN, DENY, DENY, PUBLIC, PUBLIC, DENY),
    "competencies/reports/schedule/": row(LOGIN, DENY, DENY, PUBLIC, PUBLIC, DENY),
    # HR of B's schedule for unit B: HR of A may not touch it.
    "competencies/reports/schedules/<int:schedule_id>/": row(
        LOGIN, DENY, DENY, DENY, PUBLIC, PUBLIC
    ),
    "competencies/reports/schedules/<int:schedule_id>/delete/": row(
        LOGIN, DENY, DENY, DENY, PUBLIC, PUBLIC
    ),
    "assessments/attempt/<uuid:attempt_uuid>/autosave/": same(DENY, anonymous=LOGIN),
    "assessments/attempt/<uuid:attempt_uuid>/": same(DENY, anonymous=LOGIN),
    "me/consent/": same(PUBLIC, anonymous=LOGIN),
    "learn/lessons/<int:page_id>/simulators/<uuid:block_id>/explain/": same(DENY, anonymous=LOGIN),
    # page_id is a course here, not a package unit: nobody starts anything.
    "content/unit/<int:page_id>/start/": same(DENY, anonymous=LOGIN),
    "content/cmi5/fetch/<str:token>/": same(PUBLIC),  # unknown token: cmi5 error code 1
    "content/scorm/runtime/": same(DENY),  # not on the platform's host
    "feedback/accessibility/": same(PUBLIC),  # a form error (tests/security/…feedback…)
}
# The platform's own views inside the Wagtail admin (under cms/, so the GROUPS entry covers
# their routes): each is checked here for every role, GET and POST. People without admin
# access are sent to the sign-in (LOGIN) or refused.
ADMIN_MATRIX = {
    # HR enter the admin (to author mandatory training); the admin turns them away from
    # pages they may not see with a redirect to its start page (MOVED).
    "cms/content-review/": row(LOGIN, LOGIN, OK, MOVED, MOVED, OK),
    "cms/content-review/norm/": row(LOGIN, LOGIN, OK, MOVED, MOVED, OK),
    "cms/content-review/<int:page_id>/review/": row(LOGIN, LOGIN, OK, MOVED, MOVED, OK),
    "cms/assignments/": row(LOGIN, LOGIN, MOVED, OK, OK, OK),
    "cms/assignments/add/": row(LOGIN, LOGIN, MOVED, OK, OK, OK),
    # unit B's assignment: HR of unit A cannot open it.
    "cms/assignments/<int:assignment_id>/": row(LOGIN, LOGIN, MOVED, DENY, OK, OK),
    # without a scope: HR must name one of their units (400), administrators need not.
    "cms/assignments/preview.json": row(LOGIN, LOGIN, MOVED, BAD, BAD, OK),
}
ADMIN_POST_MATRIX = {
    "cms/assignments/add/": row(LOGIN, LOGIN, MOVED, OK, OK, OK),  # the form with its errors
    "cms/assignments/<int:assignment_id>/": row(LOGIN, LOGIN, MOVED, DENY, OK, OK),
    "cms/content-review/norm/": row(LOGIN, LOGIN, PUBLIC, MOVED, MOVED, PUBLIC),
    "cms/content-review/<int:page_id>/review/": row(LOGIN, LOGIN, PUBLIC, MOVED, MOVED, PUBLIC),
}

# Wagtail admin resources without data that load before sign-in (icons, translations).
CMS_PUBLIC = {"cms/sprite/", "cms/jsi18n/"}

# Sign-in routes outside allauth: every one leads to allauth's page (ALLAUTH: 302 to
# /accounts/…) or is allauth's own view (the admin's logout: a GET asks, a POST ends the
# session; without a session there is nothing to ask). People already signed in whom
# Wagtail sends to its login pages (no admin access, a page for other groups) get a 403
# page instead of a loop through allauth. Wagtail's own views for the same paths are
# shadowed by lms/urls.py; a new Wagtail sign-in route fails
# test_every_sign_in_route_is_in_the_table.
ALLAUTH = "ALLAUTH"
SIGN_IN = {
    "cms/login/": same(DENY, anonymous=ALLAUTH),
    "cms/logout/": same(OK, anonymous=MOVED),
    "^cms/password_reset/": same(ALLAUTH),
    "cms/password_reset/": same(ALLAUTH),
    "cms/password_reset/done/": same(ALLAUTH),
    "cms/password_reset/confirm/<uidb64>/<token>/": same(ALLAUTH),
    "cms/password_reset/complete/": same(ALLAUTH),
    "_util/login/": same(DENY, anonymous=ALLAUTH),
}

# Third-party areas, checked as groups: their own permission systems decide inside.
GROUPS = {
    "cms/": "Wagtail admin: anonymous people and learners never get a page from it",
    "accounts/": "allauth sign-in flows (tests/accounts covers them)",
    "documents/": "Wagtail documents: served only through their collection permissions",
    "_util/": "Wagtail's private-page password form (its login is in SIGN_IN)",
    "^((?:[\\w\\-]+/)*)$": "Wagtail pages (public course pages, served by the page tree)",
}


def _routes():
    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern)

    return list(walk(get_resolver().url_patterns))


def _group(route):
    return next((group for group in GROUPS if route.startswith(group)), None)


def _is_sign_in_route(route):
    # Page and document view restrictions' shared passwords (authenticate_with_password)
    # are no account sign-in.
    words = ("login", "logout", "password_reset", "password_change")
    return not route.startswith("accounts/") and any(word in route for word in words)


def test_every_url_is_in_the_table():
    routes = _routes()
    known = MATRIX.keys() | SIGN_IN.keys()
    unknown = [route for route in routes if route not in known and _group(route) is None]
    assert not unknown, f"URLs without an entry in MATRIX (decide who may see them): {unknown}"
    stale = [route for route in MATRIX if route not in routes]
    assert not stale, f"MATRIX entries for URLs that no longer exist: {stale}"


def test_every_sign_in_route_is_in_the_table():
    routes = _routes()
    unknown = [r for r in routes if _is_sign_in_route(r) and r not in SIGN_IN]
    assert not unknown, f"Sign-in routes outside allauth without an entry in SIGN_IN: {unknown}"
    stale = [route for route in SIGN_IN if route not in routes]
    assert not stale, f"SIGN_IN entries for URLs that no longer exist: {stale}"


@pytest.fixture
def world(make_user, make_unit, make_course, final_assessment):  # noqa: F811
    agency = make_unit("Landesamt", code="agency", kind=OrgUnit.Kind.AGENCY)
    unit_a = make_unit("Referat A", code="unit-a", parent=agency)
    unit_b = make_unit("Referat B", code="unit-b", parent=agency)
    people = {
        "learner": make_user("learner@example.org", org_unit=unit_a),
        "other": make_user("other@example.org", org_unit=unit_b),
        "trainer": make_user("trainer@example.org", groups=("Trainer",), org_unit=unit_a),
        "hr_a": make_user("hr-a@example.org", groups=("HR",), org_unit=unit_a),
        "hr_b": make_user("hr-b@example.org", groups=("HR",), org_unit=unit_b),
        "admin": make_user("admin@example.org", groups=("Administrator",), org_unit=agency),
    }
    responsibility_grant(user=people["hr_a"], org_unit=unit_a, kind=OrgUnitResponsibility.Kind.HR)
    responsibility_grant(user=people["hr_b"], org_unit=unit_b, kind=OrgUnitResponsibility.Kind.HR)
    course = make_course(lessons=1)
    lesson = course.get_children().first()
    attempt = assessment_services.attempt_start(assessment=final_assessment, user=people["other"])
    export = report_export_request(user=people["hr_b"], params={}, fmt="csv")
    schedule = scheduled_report_create(user=people["hr_b"], params={"unit": unit_b.pk}, fmt="pdf")
    params = {
        "page_id": course.pk,
        "attempt_uuid": attempt.uuid,
        "assessment_uuid": final_assessment.uuid,
        "competency_id": Competency.objects.first().pk,
        "export_id": export.pk,
        "schedule_id": schedule.pk,
        "code": f"QD-{uuid.uuid4().hex[:10].upper()}",
        "block_id": uuid.uuid4(),
        "scim_id": people["learner"].pseudonym,
        "assignment_id": Assignment.objects.create(
            title="Unit B", course=course, org_unit=unit_b, deadline_date=dt.date(2030, 1, 1)
        ).pk,
    }
    return people, params, lesson


def _url(route, params, lesson):
    path = route.replace("^", "").replace("/?$", "").replace("$", "")
    path = path.replace("<uidb64>/<token>", "MQ/set-password")
    for name, value in params.items():
        for kind in ("int", "uuid", "str"):
            path = path.replace(f"<{kind}:{name}>", str(value))
    if "lessons/<int:page_id>" in route:
        path = path.replace(str(params["page_id"]), str(lesson.pk))
    return "/" + path


def _outcome(response):
    status = response.status_code
    if status == 200:
        return OK
    if status in (301, 302):
        location = response.headers.get("Location", "")
        return LOGIN if "/accounts/login/" in location or "/login/" in location else MOVED
    return {400: BAD, 401: AUTH, 403: DENY, 404: DENY, 405: NOGET}.get(status, str(status))


def _client_for(role, people, client_factory):
    client = client_factory()
    if role != "anonymous":
        log_in(client, people[role])
    return client


@pytest.mark.parametrize("role", ROLES)
def test_matrix(role, world, client):
    from django.test import Client

    people, params, lesson = world
    client = _client_for(role, people, Client)
    mismatches = []
    for route, expected in MATRIX.items():
        response = client.get(_url(route, params, lesson))
        actual = _outcome(response)
        want = expected[role]
        if want == GONE:
            want = DENY
        ok = response.status_code < 500 if want == PUBLIC else actual == want
        if not ok:
            mismatches.append(f"{route}: expected {want}, got {actual} ({response.status_code})")
    assert not mismatches, f"{role}:\n" + "\n".join(mismatches)


@pytest.mark.parametrize("role", ["anonymous", "learner"])
def test_the_wagtail_admin_is_closed_to_anonymous_people_and_learners(role, world):
    from django.test import Client

    people, _params, _lesson = world
    client = _client_for(role, people, Client)
    opened = []
    for route in _routes():
        if not route.startswith("cms/") or "<" in route or "(" in route:
            continue
        if route in CMS_PUBLIC or route in SIGN_IN:
            continue
        response = client.get("/" + route)
        if response.status_code == 200:
            opened.append(route)
    assert not opened, f"{role} gets admin pages: {opened}"


@pytest.mark.parametrize("role", ROLES)
def test_post_matrix(role, world):
    from django.test import Client

    people, params, lesson = world
    client = _client_for(role, people, Client)
    mismatches = []
    for route, expected in POST_MATRIX.items():
        response = client.post(_url(route, params, lesson), {"action": "save", "format": "csv"})
        want, actual = expected[role], _outcome(response)
        ok = response.status_code < 500 if want == PUBLIC else actual == want
        if not ok:
            mismatches.append(
                f"POST {route}: expected {want}, got {actual} ({response.status_code})"
            )
    assert not mismatches, f"{role}:\n" + "\n".join(mismatches)


@pytest.mark.parametrize("role", ROLES)
def test_sign_in_routes_lead_to_allauth(role, world):
    from django.test import Client

    people, params, lesson = world
    client = _client_for(role, people, Client)
    mismatches = []
    for route, expected in SIGN_IN.items():
        response = client.get(_url(route, params, lesson))
        location = response.headers.get("Location", "")
        if response.status_code == 302 and location.startswith("/accounts/"):
            actual = ALLAUTH
        else:
            actual = _outcome(response)
        if actual != expected[role]:
            mismatches.append(f"{route}: expected {expected[role]}, got {actual} ({location})")
    assert not mismatches, f"{role}:\n" + "\n".join(mismatches)


@pytest.mark.parametrize("role", [role for role in ROLES if role != "anonymous"])
def test_sign_in_routes_authenticate_nobody(role, world):
    """Each role's correct e-mail address and password, posted to every sign-in route
    outside allauth (in both allauth's and Django's field names), opens no session."""
    from django.test import Client

    from tests.conftest import TEST_PASSWORD

    people, params, lesson = world
    email = people[role].email
    signed_in = []
    for route in SIGN_IN:
        client = Client()
        data = {"login": email, "username": email, "email": email, "password": TEST_PASSWORD}
        response = client.post(_url(route, params, lesson), data)
        assert response.status_code < 500, route
        if "_auth_user_id" in client.session:
            signed_in.append(route)
    assert not signed_in, f"{role} signed in through {signed_in}"


def test_every_admin_route_of_the_platform_is_in_the_admin_table():
    routes = _routes()
    ours = [r for r in routes if r.startswith(("cms/content-review/", "cms/assignments/"))]
    assert sorted(ours) == sorted(ADMIN_MATRIX)


@pytest.mark.parametrize("role", ROLES)
def test_admin_matrix(role, world):
    from django.test import Client

    people, params, lesson = world
    client = _client_for(role, people, Client)
    mismatches = []
    for table, method in ((ADMIN_MATRIX, client.get), (ADMIN_POST_MATRIX, client.post)):
        for route, expected in table.items():
            response = method(_url(route, params, lesson))
            want, actual = expected[role], _outcome(response)
            if want == LOGIN and actual == DENY:
                actual = LOGIN  # refused either way
            ok = response.status_code < 500 if want == PUBLIC else actual == want
            if not ok:
                mismatches.append(f"{method.__name__} {route}: expected {want}, got {actual}")
    assert not mismatches, f"{role}:\n" + "\n".join(mismatches)
