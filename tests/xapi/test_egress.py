"""Outgoing requests to configured hosts: https, public addresses at connect time, no redirects."""

import ipaddress
import socket

import pytest

from lms.xapi import egress


@pytest.fixture(autouse=True)
def _no_allowed_hosts(settings):
    settings.QD_FORWARDING_ALLOWED_HTTP_HOSTS = []


def fake_dns(monkeypatch, answers: dict[str, list[str]]):
    """Resolve the given names to the given addresses (in turn, one list per lookup)."""
    lookups = []
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host not in answers:
            return real(host, port, *args, **kwargs)
        lookups.append(host)
        addresses = answers[host][min(len(lookups), len(answers[host])) - 1]
        result = []
        for address in addresses.split(","):
            ip = ipaddress.ip_address(address)
            family = socket.AF_INET if ip.version == 4 else socket.AF_INET6
            sockaddr = (address, port) if ip.version == 4 else (address, port, 0, 0)
            result.append((family, socket.SOCK_STREAM, 6, "", sockaddr))
        return result

    monkeypatch.setattr(egress.socket, "getaddrinfo", getaddrinfo)
    return lookups


REFUSED_URLS = [
    "http://lrs.example.org/xapi",  # plain http
    "https://127.0.0.1/xapi",
    "https://10.1.2.3/xapi",
    "https://172.16.0.1/xapi",
    "https://192.168.1.1/xapi",
    "https://169.254.169.254/latest/meta-data",  # link-local (cloud metadata)
    "https://100.64.0.1/xapi",  # shared address space
    "https://0.0.0.0/xapi",
    "https://224.0.0.1/xapi",
    "https://240.0.0.1/xapi",
    "https://255.255.255.255/xapi",
    "https://[::1]/xapi",
    "https://[::]/xapi",
    "https://[fe80::1]/xapi",
    "https://[fc00::1]/xapi",
    "https://[ff02::1]/xapi",
    "https://[::ffff:127.0.0.1]/xapi",  # IPv4-mapped loopback
    "https://[::ffff:10.0.0.1]/xapi",
    "https://[2002:a00:1::]/xapi",  # 6to4 carrying 10.0.0.1
    "https://[64:ff9b::a9fe:a9fe]/xapi",  # NAT64 carrying 169.254.169.254
    "https://192.0.0.8/xapi",  # IETF protocol assignment (Python 3.11 calls it global)
    "https://[::ffff:8.8.8.8]/xapi",  # IPv4-mapped, even of a public address
    "https://[4000::1]/xapi",  # outside global unicast
    "https://[3fff::1]/xapi",  # documentation
    "https://user:pw@lrs.example.org/xapi",
    "https://lrs.example.org/xapi?x=1",
    "https://lrs.example.org/xapi#f",
    "https://lrs.example.org:0/xapi",
    "https://lrs.example.org:70000/xapi",
    "https://lrs.example.org/x api",
    "https://lrs.example.org/x\r\nHost: evil",
    "ftp://lrs.example.org/xapi",
    "file:///etc/passwd",
    "https:///xapi",
    "",
]


@pytest.mark.parametrize("url", REFUSED_URLS)
def test_refused_urls(url):
    with pytest.raises(egress.RefusedTarget):
        egress.check_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://lrs.example.org/xapi",
        "https://8.8.8.8:8443/xapi",
        "https://[2001:4860::1]/xapi",
        "https://[64:ff9b::808:808]/xapi",  # NAT64 carrying 8.8.8.8
        "https://[2002:808:808::1]/xapi",  # 6to4 carrying 8.8.8.8
    ],
)
def test_public_https_urls_pass(url):
    assert egress.check_url(url).scheme == "https"


@pytest.mark.parametrize(
    "host", ["localhost", "127.1", "2130706433", "0x7f.0.0.1", "0", "intern.example.org"]
)
def test_names_and_numeric_forms_resolving_to_internal_addresses_are_refused(monkeypatch, host):
    fake_dns(monkeypatch, {"intern.example.org": ["8.8.8.8,10.0.0.7"]})  # one bad address
    with pytest.raises(egress.RefusedTarget):
        egress.resolve_checked(host, 443)
    with pytest.raises(egress.RefusedTarget):
        egress.validate_target(f"https://{host}/xapi")


def test_allow_listed_host_may_use_http_and_a_private_address(settings, remote_http_server):
    settings.QD_FORWARDING_ALLOWED_HTTP_HOSTS = ["127.0.0.1"]
    url = f"http://127.0.0.1:{remote_http_server.server_port}/xapi/statements"

    status, answer = egress.post(url, body=b"[]", headers={}, timeout=5)

    assert (status, answer) == (200, b"[]")
    settings.QD_FORWARDING_ALLOWED_HTTP_HOSTS = ["localhost"]  # names are matched exactly
    with pytest.raises(egress.RefusedTarget):
        egress.post(url, body=b"[]", headers={}, timeout=5)


def test_rebinding_dns_cannot_swap_in_an_internal_address_after_the_check(
    monkeypatch, remote_http_server
):
    # Public when the administrator saved the endpoint, loopback when the worker connects.
    lookups = fake_dns(monkeypatch, {"lrs.example.org": ["93.184.215.14", "127.0.0.1"]})
    egress.validate_target("https://lrs.example.org/xapi")

    with pytest.raises(egress.RefusedTarget):
        egress.post("https://lrs.example.org/xapi/statements", body=b"[]", headers={}, timeout=5)

    assert lookups == ["lrs.example.org", "lrs.example.org"]
    assert remote_http_server.seen == []


def test_the_connection_goes_to_the_one_checked_address(settings, monkeypatch, remote_http_server):
    # An allowed internal host: resolved once, and the socket connects to that answer.
    settings.QD_FORWARDING_ALLOWED_HTTP_HOSTS = ["lrs.intern"]
    lookups = fake_dns(monkeypatch, {"lrs.intern": ["127.0.0.1", "10.99.99.99"]})

    status, _answer = egress.post(
        f"http://lrs.intern:{remote_http_server.server_port}/xapi/statements",
        body=b"[]",
        headers={},
        timeout=5,
    )

    assert status == 200 and lookups == ["lrs.intern"]
    assert remote_http_server.seen[0][0] == "/xapi/statements"


def test_redirects_are_answers_not_followed(settings, remote_http_server):
    settings.QD_FORWARDING_ALLOWED_HTTP_HOSTS = ["127.0.0.1"]
    remote_http_server.answers["/xapi/statements"] = (307, {"Location": "/internal/admin"}, b"")
    url = f"http://127.0.0.1:{remote_http_server.server_port}/xapi/statements"

    status, _answer = egress.post(url, body=b"[]", headers={"Authorization": "Basic x"}, timeout=5)

    assert status == 307
    assert [path for path, _auth in remote_http_server.seen] == ["/xapi/statements"]
