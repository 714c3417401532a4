"""Production settings pass Django's deployment checks when the environment is set."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


def test_check_deploy_is_clean_with_production_settings():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DJANGO_SETTINGS_MODULE="lms.settings.production",
        SECRET_KEY="x" * 30 + "-a-long-random-production-secret-value",
        ALLOWED_HOSTS="lms.example.org",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/test",
        QD_ENCRYPTION_KEYS="30MSB036eosS41KVdyBr4s3niqJc9aUtV5B9D4ZqhUQ=",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {
        k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env["DJANGO_SETTINGS_MODULE"] = "lms.settings.production"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.parametrize(
    ("keys", "message"),
    [(None, "QD_ENCRYPTION_KEYS is empty"), ("kein-schluessel", "key 1 is not a Fernet key")],
)
def test_production_settings_refuse_to_start_without_valid_encryption_keys(keys, message):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("QD_ENCRYPTION_KEYS", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(DJANGO_SETTINGS_MODULE="lms.settings.production", SECRET_KEY="x" * 60)
    if keys is not None:
        env["QD_ENCRYPTION_KEYS"] = keys
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and message in result.stderr


def test_production_settings_refuse_package_files_inside_media(tmp_path):
    """Package files under MEDIA_ROOT would be served at /media/ on the platform's origin."""
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DJANGO_SETTINGS_MODULE="lms.settings.production",
        SECRET_KEY="x" * 30 + "-a-long-random-production-secret-value",
        ALLOWED_HOSTS="lms.example.org",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/test",
        MEDIA_ROOT=str(tmp_path / "media"),
        PACKAGE_ROOT=str(tmp_path / "media" / "pakete"),
        # A test key, for production settings that require encryption keys.
        QD_ENCRYPTION_KEYS="30MSB036eosS41KVdyBr4s3niqJc9aUtV5B9D4ZqhUQ=",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "packages.E001" in result.stdout + result.stderr
    env["PACKAGE_ROOT"] = str(tmp_path / "package_files")
    env["PACKAGE_STORAGE_OPTIONS"] = "[1, 2]"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "PACKAGE_STORAGE_OPTIONS must be a JSON object" in result.stderr


def test_production_reads_the_forwarding_allow_list_from_the_environment():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DJANGO_SETTINGS_MODULE="lms.settings.production",
        SECRET_KEY="x" * 60,
        QD_ENCRYPTION_KEYS="30MSB036eosS41KVdyBr4s3niqJc9aUtV5B9D4ZqhUQ=",
        QD_FORWARDING_ALLOWED_HTTP_HOSTS=" lrs.intern.example , 10.0.0.5 ",
    )
    code = "from django.conf import settings; print(settings.QD_FORWARDING_ALLOWED_HTTP_HOSTS)"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("['lrs.intern.example', '10.0.0.5']")


def _default_settings_module(path):
    """The DJANGO_SETTINGS_MODULE an entry point sets when the environment names none."""
    tree = ast.parse((ROOT / path).read_text())
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", "") == "setdefault"
            and isinstance(node.args[0], ast.Constant)
            and node.args[0].value == "DJANGO_SETTINGS_MODULE"
        ):
            return node.args[1].value
    raise AssertionError(f"{path} sets no default settings module")


def test_workers_default_to_the_settings_the_web_processes_use():
    assert _default_settings_module("lms/celery.py") == "lms.settings.production"
    assert _default_settings_module("lms/wsgi.py") == "lms.settings.production"
    assert _default_settings_module("lms/asgi.py") == "lms.settings.production"


def test_base_settings_assign_each_setting_once():
    tree = ast.parse((ROOT / "lms/settings/base.py").read_text())
    names = [
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    ]
    assert sorted({n for n in names if names.count(n) > 1}) == []


@pytest.mark.parametrize(
    ("module", "value", "expected"),
    [
        ("lms.settings.dev", None, "False"),
        ("lms.settings.dev", "true", "True"),
        ("lms.settings.production", None, "False"),
        ("lms.settings.production", "true", "True"),
    ],
)
def test_individual_views_are_off_unless_the_environment_switches_them_on(module, value, expected):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("QD_INDIVIDUAL_VIEWS_ENABLED", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE=module,
        SECRET_KEY="x" * 30 + "-a-long-random-production-secret-value",
        QD_ENCRYPTION_KEYS="30MSB036eosS41KVdyBr4s3niqJc9aUtV5B9D4ZqhUQ=",
    )
    if value is not None:
        env["QD_INDIVIDUAL_VIEWS_ENABLED"] = value
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.QD_INDIVIDUAL_VIEWS_ENABLED)",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected
