"""A real OpenID provider (tests/accounts/oidc/provider.mjs, the npm package oidc-provider)
next to the live server, and a browser-like HTTP client that signs in through it."""

import os
import re
import subprocess
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import pytest
import requests

from lms.home.services import site_root_ensure
from lms.settings.sso import sso_settings_from_env

HERE = Path(__file__).resolve().parent
CLIENT_ID = "qd-test"
CLIENT_SECRET = "qd-test-secret"
PROVIDER_ID = "test-idp"
ADMIN_PROVIDER_ID = "admin-idp"

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


class OpenIDProvider:
    def __init__(self, issuer: str):
        self.issuer = issuer

    def next_login(self, sub: str, *, amr=None, acr=None, **claims):
        body = {"sub": sub, "claims": claims, "amr": amr, "acr": acr}
        requests.post(f"{self.issuer}/test/login", json=body, timeout=5).raise_for_status()

    def set_mode(self, mode: str):
        requests.post(f"{self.issuer}/test/mode", json={"mode": mode}, timeout=5).raise_for_status()

    def end_sessions(self) -> list[dict]:
        return requests.get(f"{self.issuer}/test/end-sessions", timeout=5).json()


@pytest.fixture(scope="session")
def _oidc_process(live_server):
    callbacks = [
        f"{live_server.url}/accounts/oidc/{provider_id}/login/callback/"
        for provider_id in (PROVIDER_ID, ADMIN_PROVIDER_ID)
    ]
    env = {
        **os.environ,
        "QD_TEST_OIDC_REDIRECT_URIS": ",".join(callbacks),
        "QD_TEST_OIDC_POST_LOGOUT_URIS": f"{live_server.url}/",
        "QD_TEST_OIDC_CLIENT_ID": CLIENT_ID,
        "QD_TEST_OIDC_CLIENT_SECRET": CLIENT_SECRET,
    }
    process = subprocess.Popen(
        ["node", str(HERE / "provider.mjs")],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    try:
        line = process.stdout.readline()
        if not line.startswith("ready "):
            pytest.fail(f"the test OpenID provider did not start: {line!r}")
        yield OpenIDProvider(line.split()[1])
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def oidc_provider(_oidc_process, settings, transactional_db):
    """The provider, configured the way the environment configures it (QD_OIDC_*)."""
    # Transactional tests flush the database, Wagtail's page tree (the start page) included.
    site_root_ensure()
    _oidc_process.set_mode("normal")
    values = sso_settings_from_env(
        {
            "QD_OIDC_ISSUER": _oidc_process.issuer,
            "QD_OIDC_CLIENT_ID": CLIENT_ID,
            "QD_OIDC_CLIENT_SECRET": CLIENT_SECRET,
            "QD_OIDC_SCOPES": "openid email profile qd",
            "QD_OIDC_PROVIDER_ID": PROVIDER_ID,
            "QD_OIDC_NAME": "Test-Dienstkonto",
        }
    )
    for name, value in values.items():
        setattr(settings, name, value)
    yield _oidc_process
    _oidc_process.set_mode("normal")


class Browser:
    """A real HTTP client that follows redirects the way a browser does, across the live
    server and the provider; ``alter`` may change a URL before it is fetched."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.session = requests.Session()
        self.session.headers["Accept-Language"] = "de"
        self.history: list[str] = []

    def get(self, url: str, *, alter=None) -> requests.Response:
        return self._follow("GET", urljoin(self.base_url, url), None, alter)

    def post_form(self, url: str, data: dict | None = None, *, alter=None) -> requests.Response:
        """GET the page, then POST its first form (with its CSRF token and ``data``)."""
        url = urljoin(self.base_url, url)
        page = self.get(url)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        fields = {"csrfmiddlewaretoken": token.group(1)} if token else {}
        return self._follow("POST", page.url, {**fields, **(data or {})}, alter)

    def _follow(self, method, url, data, alter):
        for _hop in range(20):
            if alter:
                url = alter(url)
            self.history.append(url)
            response = self.session.request(
                method, url, data=data, allow_redirects=False, timeout=20
            )
            if response.status_code not in (301, 302, 303, 307, 308):
                return response
            url = urljoin(url, response.headers["Location"])
            method, data = "GET", None
        raise AssertionError(f"too many redirects: {self.history[-5:]}")

    def sign_in(self, provider_id: str = PROVIDER_ID, *, alter=None) -> requests.Response:
        return self.post_form(f"/accounts/oidc/{provider_id}/login/", alter=alter)

    def my_account(self) -> requests.Response:
        """The personal page, not followed: 200 signed in, 302 to sign-in or a staff step."""
        return self.session.get(urljoin(self.base_url, "/me/"), allow_redirects=False)


@pytest.fixture
def browser_client(live_server):
    return Browser(live_server.url)


def with_query(url: str, **params) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query.update(params)
    return urlunsplit(parts._replace(query=urlencode(query)))
