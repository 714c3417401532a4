"""Fixtures shared by the whole suite: small builders and real service processes."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.signals import setting_changed
from django.db import connection
from django.dispatch import receiver

from competencies.models import Competency, Framework, ProficiencyLevel, ProficiencyScale
from lms.accounts.groups import ensure_permission_groups
from lms.accounts.models import OrgUnit
from lms.accounts.services import job_role_update_or_create, org_unit_create, user_create_or_update
from lms.packages.storage import forget_storage

ROOT = Path(__file__).resolve().parent.parent
TEST_PASSWORD = "correct-horse-battery"

# Under pytest-xdist every test process gets a Celery broker database of its own, so the
# real workers two test processes start never take each other's tasks.
if _xdist_worker := os.environ.get("PYTEST_XDIST_WORKER"):
    _broker = f"redis://127.0.0.1:6379/{15 - int(_xdist_worker.removeprefix('gw')) % 8}"
    os.environ["CELERY_BROKER_URL"] = os.environ["CELERY_RESULT_BACKEND"] = _broker


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Start every test with an empty cache, so no test sees another's cached state
    (e.g. Wagtail's site root paths cached by a browser request during a flush)."""
    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _gap_counts_follow_every_write(request):
    """After every test that used the database, the maintained gap and trend counts equal
    the counts computed from scratch: a write to people, roles or targets that bypasses
    the services fails the test that made it. Tests that write counts on purpose are
    marked ``counts_written_directly``."""
    node = request.node
    names = set(request.fixturenames)
    marker = node.get_closest_marker("django_db")
    transactional = (
        "transactional_db" in names
        or "live_server" in names
        or (marker is not None and marker.kwargs.get("transaction", False))
    )
    if node.get_closest_marker("counts_written_directly") or not (
        transactional or "db" in names or marker is not None
    ):
        yield
        return
    # Requested here so that this check runs before the database is rolled back.
    request.getfixturevalue("transactional_db" if transactional else "db")
    yield
    from competencies import gapcounts

    assert gapcounts.stored() == gapcounts.contributions(), (
        "gap counts differ from a count from scratch: a write bypassed the services"
    )


@receiver(setting_changed)
def _storages_changed(*, setting, **kwargs):
    # Like Django's own default_storage: the package storage follows changed STORAGES.
    if setting == "STORAGES":
        forget_storage()


@pytest.fixture
def package_storage(settings, tmp_path):
    """Package files (``STORAGES["packages"]``) in a folder of this test's own."""
    root = tmp_path / "package_files"
    settings.STORAGES = {
        **settings.STORAGES,
        "packages": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": root},
        },
    }
    return root


@pytest.fixture
def groups(db):
    return ensure_permission_groups()


@pytest.fixture
def make_unit(db):
    counter = {"n": 0}

    def make(name=None, *, parent=None, kind=OrgUnit.Kind.UNIT, code=None):
        counter["n"] += 1
        code = code or f"unit-{counter['n']}"
        return org_unit_create(code=code, name=name or code, kind=kind, parent=parent)

    return make


@pytest.fixture
def make_role(db):
    def make(code="sachbearbeitung", name="Sachbearbeitung"):
        return job_role_update_or_create(code=code, name=name)

    return make


@pytest.fixture
def framework(db):
    """A tiny competency framework on an eight-level scale, like the demo's (QD.1, QD.2)."""
    scale = ProficiencyScale.objects.create(key="stufen", uri="urn:test:scale", name="Stufen")
    for rank in range(1, 9):
        ProficiencyLevel.objects.create(
            scale=scale,
            rank=rank,
            code=str(rank),
            name=f"Stufe {rank}",
            uri=f"urn:test:level:{rank}",
        )
    framework = Framework.objects.create(key="qd", uri="urn:test:qd", title="QD", scale=scale)
    for code in ("QD.1", "QD.2"):
        Competency.objects.create(
            framework=framework,
            kind=Competency.Kind.COMPETENCY,
            code=code,
            uri=f"urn:test:qd:{code}",
            name=f"Kompetenz {code}",
        )
    return framework


@pytest.fixture
def make_user(db, groups):
    counter = {"n": 0}

    def make(email=None, *, groups=("Learner",), org_unit=None, job_roles=(), **kwargs):
        counter["n"] += 1
        return user_create_or_update(
            email=email or f"person{counter['n']}@example.org",
            first_name=kwargs.pop("first_name", "Erika"),
            last_name=kwargs.pop("last_name", f"Muster{counter['n']}"),
            password=kwargs.pop("password", TEST_PASSWORD),
            org_unit=org_unit,
            job_roles=list(job_roles),
            groups=list(groups),
            **kwargs,
        )

    return make


def _service_env(extra=None):
    """Environment for a child process that must use this test run's database."""
    db = connection.settings_dict
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="lms.settings.test",
        DATABASE_URL=(
            f"postgres://{db['USER']}:{db.get('PASSWORD') or ''}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        ),
        PYTHONPATH=str(ROOT),
    )
    env.update(extra or {})
    return env


@pytest.fixture
def celery_worker_process(transactional_db, settings):
    """A real Celery worker on Redis, using this test's database. Yields the Celery app."""
    from lms.celery import app

    broker = os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/15")
    app.conf.update(task_always_eager=False, broker_url=broker, result_backend=broker)
    settings.CELERY_TASK_ALWAYS_EAGER = False
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lms",
            "worker",
            "--pool=solo",
            "--concurrency=1",
            "--loglevel=WARNING",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
            "-n",
            f"test-{os.getpid()}@%h",
        ],
        cwd=ROOT,
        env=_service_env({"CELERY_TASK_ALWAYS_EAGER": "false", "QD_CELERY_EAGER": "0"}),
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError("Celery worker exited during start-up")
            if app.control.ping(timeout=0.5):
                break
        else:
            raise RuntimeError("Celery worker did not answer within 30 s")
        yield app
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        app.conf.update(task_always_eager=True)


TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def current_totp(secret=TOTP_SECRET):
    """The code of the current 30-second window, taken well inside it: on a slow machine a
    code taken just before the window turns would reach the server already expired."""
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    remaining = 30 - time.time() % 30
    if remaining < 3:
        time.sleep(remaining + 0.05)

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def log_in(client, user, password=TEST_PASSWORD):
    """Log in through allauth's real views, passing the TOTP step for staff accounts."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP
    from django.urls import reverse

    from lms.accounts.selectors import user_requires_mfa

    has_totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    if user_requires_mfa(user=user, admin=True) and not has_totp:
        TOTP.activate(user, TOTP_SECRET)
        has_totp = True
    response = client.post(reverse("account_login"), {"login": user.email, "password": password})
    if has_totp:  # allauth asks anyone with an authenticator for a code, learners too
        assert response["Location"] == reverse("mfa_authenticate"), "no TOTP step"
        client.post(reverse("mfa_authenticate"), {"code": current_totp()})
    assert client.session.get("_auth_user_id") == str(user.pk), "login failed"
    return client


def pytest_runtest_setup(item):
    """Tests of PostgreSQL's own behaviour skip in the SQLite smoke suite."""
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"]
    if item.get_closest_marker("postgresql") and "postgresql" not in engine:
        pytest.skip("needs PostgreSQL")
