"""A real SAML identity provider (tests/accounts/saml/idp.py, signing with xmlsec1) next
to the live server, configured in the database as the admin configures it."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from lms.home.services import site_root_ensure
from tests.accounts.oidc.conftest import Browser

HERE = Path(__file__).resolve().parent
ORGANISATION = "landesportal"
PROVIDER_ID = "test-saml"


class SAMLIdentityProvider:
    def __init__(self, base_url: str):
        self.base_url = base_url

    def next_login(self, name_id: str, **attributes):
        body = {
            "name_id": name_id,
            "attributes": {
                name: value if isinstance(value, list) else [value]
                for name, value in attributes.items()
            },
        }
        requests.post(f"{self.base_url}/test/login", json=body, timeout=5).raise_for_status()

    def set_mode(self, mode: str):
        requests.post(f"{self.base_url}/test/mode", json={"mode": mode}, timeout=5)


@pytest.fixture(scope="session")
def _saml_process():
    process = subprocess.Popen(
        [sys.executable, str(HERE / "idp.py")],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = process.stdout.readline()
        if not line.startswith("ready "):
            pytest.fail(f"the test SAML identity provider did not start: {line!r}")
        yield SAMLIdentityProvider(line.split()[1])
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def saml_idp(_saml_process, live_server, transactional_db):
    from allauth.socialaccount.models import SocialApp

    # Transactional tests flush the database, Wagtail's page tree (the start page) included.
    site_root_ensure()
    _saml_process.set_mode("normal")
    metadata = f"{_saml_process.base_url}/metadata"
    SocialApp.objects.create(
        provider="saml",
        provider_id=PROVIDER_ID,
        client_id=ORGANISATION,
        name="Landesportal (SAML)",
        settings={
            "idp": {"entity_id": metadata, "metadata_url": metadata},
            # The persistent NameID is the subject (no subject-id attribute).
            "attribute_mapping": {"uid": [], "email": ["email"]},
            "claims": {
                "email": "email",
                "given_name": "givenName",
                "family_name": "sn",
                "employee_number": "employeeNumber",
                "org_unit": "department",
                "roles": "roles",
            },
        },
    )
    yield _saml_process
    _saml_process.set_mode("normal")


def saml_sign_in(browser: Browser):
    """Start at the platform, pass the identity provider's auto-post form to the ACS."""
    page = browser.post_form(f"/accounts/saml/{ORGANISATION}/login/")
    action = re.search(r'<form method="post" action="([^"]+)"', page.text)
    assert action, page.text[:500]
    fields = dict(re.findall(r'name="(SAMLResponse|RelayState)" value="([^"]*)"', page.text))
    return browser._follow("POST", action.group(1).replace("&amp;", "&"), fields, None)


@pytest.fixture
def saml_browser(live_server):
    return Browser(live_server.url)
