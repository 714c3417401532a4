"""LDAP sync and sign-in against a real OpenLDAP server (slapd) started for these tests."""

import importlib.util
import shutil
import socket
import subprocess
import time

import pytest
from django.contrib.auth import authenticate

from lms.accounts.ldap_sync import directory_sync
from lms.accounts.models import AuditLogEntry, OrgUnitResponsibility, RoleAssignment, User

SLAPD = shutil.which("slapd") or "/usr/sbin/slapd"
pytestmark = pytest.mark.skipif(
    not shutil.which("ldapadd")
    or not shutil.os.path.exists(SLAPD)
    or importlib.util.find_spec("ldap") is None,
    reason="slapd, ldap-utils or python-ldap are not installed (.ci/run installs them)",
)
SUFFIX = "dc=behoerde,dc=example"
ADMIN_DN = f"cn=admin,{SUFFIX}"
ADMIN_PASSWORD = "test-only-admin"

CONFIG = """
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/nis.schema
include /etc/ldap/schema/inetorgperson.schema
modulepath /usr/lib/ldap
moduleload back_mdb
pidfile {dir}/slapd.pid
database mdb
suffix "{suffix}"
rootdn "{admin}"
rootpw {password}
directory {dir}/data
maxsize 10485760
"""

PEOPLE = """
dn: {suffix}
objectClass: dcObject
objectClass: organization
o: Behoerde
dc: behoerde

dn: ou=people,{suffix}
objectClass: organizationalUnit
ou: people

dn: ou=groups,{suffix}
objectClass: organizationalUnit
ou: groups

dn: uid=chef,ou=people,{suffix}
objectClass: inetOrgPerson
uid: chef
cn: Karl Chef
givenName: Karl
sn: Chef
mail: chef@behoerde.example
employeeNumber: 100
departmentNumber: referat-11
userPassword: {chef_password}

dn: uid=anna,ou=people,{suffix}
objectClass: inetOrgPerson
uid: anna
cn: Anna Muster
givenName: Anna
sn: Muster
mail: Anna.Muster@behoerde.example
employeeNumber: 200
departmentNumber: referat-11
manager: uid=chef,ou=people,{suffix}
userPassword: {anna_password}

dn: uid=bert,ou=people,{suffix}
objectClass: inetOrgPerson
uid: bert
cn: Bert Unbekannt
givenName: Bert
sn: Unbekannt
mail: bert@behoerde.example
employeeNumber: 300
departmentNumber: no-such-unit

dn: cn=sachbearbeitung,ou=groups,{suffix}
objectClass: groupOfNames
cn: sachbearbeitung
member: uid=anna,ou=people,{suffix}
"""


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _ldap(tool, url, *args, input_text=None):
    subprocess.run(
        [tool, "-x", "-H", url, "-D", ADMIN_DN, "-w", ADMIN_PASSWORD, *args],
        input=input_text,
        text=True,
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def slapd(tmp_path_factory):
    directory = tmp_path_factory.mktemp("slapd")
    (directory / "data").mkdir()
    config = directory / "slapd.conf"
    config.write_text(
        CONFIG.format(dir=directory, suffix=SUFFIX, admin=ADMIN_DN, password=ADMIN_PASSWORD)
    )
    port = _free_port()
    url = f"ldap://127.0.0.1:{port}"
    process = subprocess.Popen(
        [SLAPD, "-d", "0", "-f", str(config), "-h", url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(process.stderr.read().decode()[-2000:])
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("slapd did not start")
        _ldap(
            "ldapadd",
            url,
            input_text=PEOPLE.format(
                suffix=SUFFIX, chef_password="chef-secret", anna_password="anna-secret"
            ),
        )
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def ldap_settings(settings, slapd):
    from django_auth_ldap.config import LDAPSearch

    settings.AUTH_LDAP_SERVER_URI = slapd
    settings.AUTH_LDAP_BIND_DN = ADMIN_DN
    settings.AUTH_LDAP_BIND_PASSWORD = ADMIN_PASSWORD
    settings.QD_LDAP_PEOPLE_BASE = f"ou=people,{SUFFIX}"
    settings.QD_LDAP_GROUP_BASE = f"ou=groups,{SUFFIX}"
    settings.AUTH_LDAP_USER_SEARCH = LDAPSearch(f"ou=people,{SUFFIX}", 2, "(mail=%(user)s)")
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        "django_auth_ldap.backend.LDAPBackend",
    ]
    return slapd


def test_sync_maps_people_to_units_managers_and_roles(ldap_settings, make_unit, make_role):
    unit = make_unit(code="referat-11")
    role = make_role(code="sachbearbeitung")
    result = directory_sync()
    assert result.applied == 2
    assert len(result.errors) == 1 and "no-such-unit" in result.errors[0]
    anna = User.objects.get(email="anna.muster@behoerde.example")
    chef = User.objects.get(email="chef@behoerde.example")
    assert (anna.first_name, anna.last_name, anna.personnel_number) == ("Anna", "Muster", "200")
    assert anna.org_unit == unit and anna.external_id == "ldap:anna"
    assert RoleAssignment.objects.filter(user=anna, job_role=role).exists()
    assert not RoleAssignment.objects.filter(user=chef).exists()
    assert OrgUnitResponsibility.objects.filter(
        user=chef, org_unit=unit, kind=OrgUnitResponsibility.Kind.MANAGER
    ).exists()
    assert not User.objects.filter(email="bert@behoerde.example").exists()
    assert AuditLogEntry.objects.filter(action="ldap.synced").exists()


def test_sign_in_with_the_directory_password(ldap_settings, make_unit, make_role, rf):
    make_unit(code="referat-11")
    make_role(code="sachbearbeitung")
    request = rf.post("/accounts/login/")
    # Not provisioned yet: no account is created at sign-in (AUTH_LDAP_NO_NEW_USERS).
    assert authenticate(request, username="chef@behoerde.example", password="chef-secret") is None
    directory_sync()
    user = authenticate(request, username="chef@behoerde.example", password="chef-secret")
    assert user is not None and user.email == "chef@behoerde.example"
    assert authenticate(request, username="chef@behoerde.example", password="wrong") is None


def test_a_person_removed_from_the_directory_is_deactivated(
    ldap_settings, make_unit, make_role, make_user
):
    make_unit(code="referat-11")
    make_role(code="sachbearbeitung")
    gone = make_user("left@behoerde.example")
    gone.external_id = "ldap:left"
    gone.save()
    local = make_user("local@behoerde.example")
    result = directory_sync()
    assert result.deactivated == 1
    gone.refresh_from_db()
    local.refresh_from_db()
    assert not gone.is_active and gone.deactivated_at is not None
    assert local.is_active
