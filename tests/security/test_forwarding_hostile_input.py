"""Hostile forwarding URLs: never a 500, and never accepted when they reach a refused address.

URLs are built from hostile parts (schemes, credentials, IP literals in every notation,
names that a fake DNS resolves to generated addresses, ports, paths, queries) or are
arbitrary text. The oracle is written here independently of ``lms.xapi.egress``: the
IANA special-purpose ranges, and IPv6 forms that carry an IPv4 address.
"""

import ipaddress
import socket

import pytest
from hypothesis import HealthCheck, assume, event, example, given, settings
from hypothesis import strategies as st

from lms.xapi import egress
from lms.xapi.models import ForwardingEndpoint
from tests.conftest import log_in

pytestmark = pytest.mark.django_db

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)

REFUSED_V4 = [
    ipaddress.ip_network(n)
    for n in (
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
        "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16",
        "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
    )
]  # fmt: skip
REFUSED_V6 = [
    ipaddress.ip_network(n)
    for n in (
        "::/127", "::ffff:0:0/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32",
        "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8", "::/96",
    )
]  # fmt: skip


def refused(ip) -> bool:
    """The oracle: is ``ip`` (or an IPv4 address it carries) a non-public address?"""
    if ip.version == 4:
        return any(ip in net for net in REFUSED_V4)
    carried = []
    if ip in ipaddress.ip_network("::ffff:0:0/96") or ip in ipaddress.ip_network("64:ff9b::/96"):
        carried.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    if ip in ipaddress.ip_network("2002::/16"):
        carried.append(ipaddress.IPv4Address((int(ip) >> 80) & 0xFFFFFFFF))
    return any(ip in net for net in REFUSED_V6) or any(refused(c) for c in carried)


interesting_v4 = st.sampled_from(
    ["127.0.0.1", "10.0.0.1", "169.254.169.254", "100.64.1.1", "0.0.0.0", "192.168.0.10",  # noqa: S104
     "172.31.255.255", "224.0.0.251", "255.255.255.255", "93.184.215.14", "8.8.8.8"]
).map(ipaddress.IPv4Address)  # fmt: skip
interesting_v6 = st.sampled_from(
    ["::1", "::", "::ffff:127.0.0.1", "::ffff:8.8.8.8", "fe80::1", "fd00::1", "ff02::1",
     "64:ff9b::a9fe:a9fe", "64:ff9b::808:808", "2002:7f00:1::", "2002:808:808::",
     "2001:4860:4860::8888", "2001:db8::1", "::127.0.0.1"]
).map(ipaddress.IPv6Address)  # fmt: skip
addresses = st.one_of(interesting_v4, interesting_v6, st.ip_addresses(v=4), st.ip_addresses(v=6))


def v4_notations(ip):
    """Other spellings that resolvers accept for the same IPv4 address."""
    n = int(ip)
    return st.sampled_from(
        [str(ip), str(n), hex(n), ".".join(hex(int(p)) for p in str(ip).split("."))]
    )


@st.composite
def hosts(draw):
    """(host as written in the URL, the addresses it stands for, or None if unknown)."""
    kind = draw(st.sampled_from(["literal", "notation", "name", "name", "localhost", "text"]))
    if kind == "literal":
        ip = draw(addresses)
        return (f"[{ip}]" if ip.version == 6 else str(ip)), [ip]
    if kind == "notation":
        ip = draw(st.one_of(interesting_v4, st.ip_addresses(v=4)))
        return draw(v4_notations(ip)), [ip]
    if kind == "name":
        ips = draw(st.lists(addresses, min_size=1, max_size=2))
        return "lrs.hostile.test", ips
    if kind == "localhost":
        return draw(st.sampled_from(["localhost", "LOCALHOST", "localhost."])), None
    return draw(st.text(max_size=20)), None


@st.composite
def hostile_urls(draw):
    host, ips = draw(hosts())
    scheme = draw(st.sampled_from(["https", "HTTPS", "http", "ftp", "javascript", ""]))
    userinfo = draw(st.sampled_from(["", "user@", "user:pw@", "@"]))
    port = draw(st.one_of(st.just(""), st.integers(-1, 70000).map(lambda p: f":{p}")))
    path = draw(st.one_of(st.just("/xapi"), st.text(max_size=15).map(lambda t: "/" + t)))
    tail = draw(st.sampled_from(["", "?a=1", "#x", "?", "/../..", "%0d%0aHost:x", "\r\nX: y"]))
    url = f"{scheme}://{userinfo}{host}{port}{path}{tail}"
    return draw(st.one_of(st.just(url), st.text(max_size=60))), ips


@st.composite
def well_formed_urls(draw):
    """https URLs of the right form: accepted exactly when the addresses are public."""
    host, ips = draw(hosts())
    port = draw(st.one_of(st.just(""), st.integers(1, 65535).map(lambda p: f":{p}")))
    path = draw(st.from_regex(r"\A(/[a-zA-Z0-9._~-]{0,12}){0,3}\Z"))
    return f"https://{host}{port}{path}", ips


urls = st.one_of(well_formed_urls(), well_formed_urls(), hostile_urls())
PUBLIC, PRIVATE = ipaddress.ip_address("93.184.215.14"), ipaddress.ip_address("10.0.0.1")
KNOWN = [  # each run covers both outcomes, whatever hypothesis draws
    ("https://lrs.hostile.test/xapi", [PUBLIC]),
    ("https://lrs.hostile.test:8443/xapi", [PUBLIC, PRIVATE]),
    ("https://[2001:4860:4860::8888]/xapi", [ipaddress.ip_address("2001:4860:4860::8888")]),
    ("https://0x7f.1/xapi", [ipaddress.ip_address("127.0.0.1")]),
]


def with_known_examples(test):
    for known in KNOWN:
        test = example(example=known)(test)
    return test


@pytest.fixture
def fake_dns(monkeypatch):
    """``lrs.hostile.test`` resolves to whatever the example chose; other names as usual."""
    answer = {"ips": []}
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host != "lrs.hostile.test":
            return real(host, port, *args, **kwargs)
        result = []
        for ip in answer["ips"]:
            if ip.version == 4:
                result.append((socket.AF_INET, socket.SOCK_STREAM, 6, "", (str(ip), port)))
            else:
                sockaddr = (str(ip), port, 0, 0)
                result.append((socket.AF_INET6, socket.SOCK_STREAM, 6, "", sockaddr))
        return result

    monkeypatch.setattr(egress.socket, "getaddrinfo", getaddrinfo)
    return answer


@pytest.fixture
def no_connections(monkeypatch):
    """Fail the test if anything opens a socket."""

    def refuse(*args, **kwargs):
        raise AssertionError("a socket was opened")

    monkeypatch.setattr(egress.socket, "socket", refuse)


@SETTINGS
@with_known_examples
@given(example=urls)
def test_generated_urls_are_refused_or_point_only_to_public_https(
    example, fake_dns, no_connections, settings
):
    settings.QD_FORWARDING_ALLOWED_HTTP_HOSTS = []
    url, ips = example
    fake_dns["ips"] = ips or []
    try:
        target = egress.validate_target(url)
    except egress.RefusedTarget as error:
        assert str(error)
        event("refused")
        return
    event("accepted")
    assert target.scheme == "https" and "@" not in url.split("/")[2]
    if ips is not None:
        assert not any(refused(ip) for ip in ips), url
    # Sending re-resolves and refuses the same way; a refused address never gets a socket.
    if ips is not None and any(refused(ip) for ip in ips):
        with pytest.raises(egress.RefusedTarget):
            egress.post(url, body=b"[]", headers={}, timeout=1)


@SETTINGS
@given(ips=st.lists(addresses, min_size=1, max_size=3))
def test_sending_to_a_name_that_resolves_to_any_refused_address_opens_no_socket(
    ips, fake_dns, no_connections, settings
):
    settings.QD_FORWARDING_ALLOWED_HTTP_HOSTS = []
    assume(any(refused(ip) for ip in ips))
    fake_dns["ips"] = ips
    with pytest.raises(egress.RefusedTarget):
        egress.post("https://lrs.hostile.test/xapi/statements", body=b"[]", headers={}, timeout=1)


@pytest.fixture
def admin_client(client, make_user):
    return log_in(client, make_user("admin@example.org", groups=("Administrator",)))


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
@with_known_examples
@given(example=urls)
def test_admin_form_never_fails_and_never_saves_a_refused_target(
    example, admin_client, fake_dns, settings
):
    settings.QD_FORWARDING_ALLOWED_HTTP_HOSTS = []
    url, ips = example
    fake_dns["ips"] = ips or []
    form = {
        "name": "Feindlich",
        "url": url,
        "username": "",
        "password": "",
        "version": "1.0.3",
        "verbs": "",
        "is_active": "on",
        "batch_size": "100",
        "retry_base_seconds": "30",
    }

    response = admin_client.post("/cms/snippets/xapi/forwardingendpoint/add/", form)

    assert response.status_code in (200, 302)
    saved = list(ForwardingEndpoint.objects.all())
    ForwardingEndpoint.objects.all().delete()
    event(f"status {response.status_code}")
    if response.status_code == 200:
        assert not saved
        return
    assert len(saved) == 1 and saved[0].url.lower().startswith("https://")
    if ips is not None:
        assert not any(refused(ip) for ip in ips), url
