"""Outgoing HTTP to hosts an administrator configured (forwarding), safe against SSRF.

The rules, checked when an endpoint is saved and again on every request:

- ``https`` only; plain ``http`` only for a host named in
  ``settings.QD_FORWARDING_ALLOWED_HTTP_HOSTS`` (exact host names or addresses).
- A URL is scheme, host, optional port and path: no user name or password (they belong in
  the endpoint's key and secret), no query, no fragment, no whitespace or control characters.
- Every address the host resolves to must be public: no private, loopback, link-local,
  multicast, reserved, unspecified, shared or documentation addresses, IPv4 or IPv6
  (``address_refused``); no IPv4-mapped IPv6 addresses; 6to4 and NAT64 addresses are
  judged by the IPv4 address they carry.
  Allow-listed hosts may resolve to private addresses.
- The host is resolved when connecting, and the socket connects to one of exactly those
  checked addresses: there is no second lookup that a rebinding DNS server could answer
  differently. TLS still verifies the certificate against the host name.
- Redirects are never followed (``http.client`` does not follow them; a 3xx is an answer).
"""

import contextlib
import http.client
import ipaddress
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext_lazy as _

MAX_ANSWER_BYTES = 5 * 1024 * 1024


class RefusedTarget(ValueError):
    """A URL or address the platform must not send to; ``message`` is for people."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


INVALID_URL = _(
    "Enter the base URL as https://host[:port]/path, without user name, password, query "
    "or fragment."
)
HTTPS_REQUIRED = _("Use https. Plain http is allowed only for hosts the operator has allowed.")
ADDRESS_REFUSED = _(
    "This host is a private, loopback, link-local or otherwise non-public address. Such "
    "targets are allowed only for hosts the operator has allowed."
)


def host_allowed(host: str) -> bool:
    """True if the operator allowed plain http and private addresses for ``host``."""
    allowed = getattr(settings, "QD_FORWARDING_ALLOWED_HTTP_HOSTS", ()) or ()
    return host.lower().strip("[]") in {entry.lower().strip("[]") for entry in allowed}


# Special-purpose ranges that are not globally reachable (IANA registries), checked in
# addition to Python's flags, whose coverage differs between Python versions.
_REFUSED_V4 = [
    ipaddress.ip_network(net)
    for net in (
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
        "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24",
        "192.88.99.0/24", "192.168.0.0/16", "192.175.48.0/24", "198.18.0.0/15",
        "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
    )
]  # fmt: skip
_GLOBAL_UNICAST_V6 = ipaddress.ip_network("2000::/3")
_REFUSED_V6 = [ipaddress.ip_network(net) for net in ("2001::/23", "2001:db8::/32", "3fff::/20")]
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def address_refused(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """True unless ``ip`` is a public unicast address.

    IPv6: only global unicast (2000::/3) outside the special ranges, or a NAT64 or 6to4
    address whose IPv4 address is public. IPv4-mapped addresses (::ffff:a.b.c.d) are
    refused: no public service is published under one, and they reach IPv4 hosts.
    """
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return True
        if ip in _NAT64:
            return address_refused(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
        if ip.sixtofour is not None:
            return address_refused(ip.sixtofour)
        if ip not in _GLOBAL_UNICAST_V6 or any(ip in net for net in _REFUSED_V6):
            return True
    elif any(ip in net for net in _REFUSED_V4):
        return True
    return (
        not ip.is_global
        or ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str
    port: int
    path: str


def check_url(url: str) -> Target:
    """The parts of a URL the platform may send to; ``RefusedTarget`` otherwise.

    Checks the form and, for a literal IP address, the address; host names are checked
    when they are resolved (``resolve_checked``).
    """
    if not isinstance(url, str) or not url or len(url) > 2000:
        raise RefusedTarget(INVALID_URL)
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        raise RefusedTarget(INVALID_URL)
    try:
        parts = urlsplit(url)
        port = parts.port
        host = parts.hostname or ""
        if not host.isascii():  # an international domain name, sent in its ASCII form
            host = host.encode("idna").decode("ascii")
    except (ValueError, UnicodeError):
        raise RefusedTarget(INVALID_URL) from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not host or port == 0 or not parts.path.isascii():
        raise RefusedTarget(INVALID_URL)
    if "@" in parts.netloc or parts.query or parts.fragment or "?" in url or "#" in url:
        raise RefusedTarget(INVALID_URL)
    allowed = host_allowed(host)
    if scheme == "http" and not allowed:
        raise RefusedTarget(HTTPS_REQUIRED)
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None and not allowed and address_refused(literal):
        raise RefusedTarget(ADDRESS_REFUSED)
    default_port = 443 if scheme == "https" else 80
    return Target(scheme=scheme, host=host, port=port or default_port, path=parts.path or "/")


def resolve_checked(host: str, port: int) -> list[tuple]:
    """``getaddrinfo`` results for ``host`` whose every address may be used.

    Raises ``RefusedTarget`` if any address is refused (unless the host is allowed) and
    ``OSError`` (``socket.gaierror``) if the name does not resolve.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except UnicodeError:
        raise RefusedTarget(INVALID_URL) from None
    allowed = host_allowed(host)
    checked = []
    for family, kind, proto, _canonical, sockaddr in infos:
        if family not in (socket.AF_INET, socket.AF_INET6):
            raise RefusedTarget(ADDRESS_REFUSED)
        ip = ipaddress.ip_address(sockaddr[0].split("%", 1)[0])
        if not allowed and address_refused(ip):
            raise RefusedTarget(ADDRESS_REFUSED)
        checked.append((family, kind, proto, sockaddr))
    if not checked:
        raise socket.gaierror(f"{host} has no address")
    return checked


def validate_target(url: str) -> Target:
    """The check on save: the URL's form, and its host's addresses if it resolves now.

    A name that does not resolve at the moment is accepted: it is resolved and checked
    again on every request.
    """
    target = check_url(url)
    with contextlib.suppress(OSError):
        resolve_checked(target.host, target.port)
    return target


def _connect_checked(address, timeout=socket._GLOBAL_DEFAULT_TIMEOUT, source_address=None):
    """Like ``socket.create_connection``, but only to addresses ``resolve_checked`` allowed."""
    host, port = address
    last_error: OSError | None = None
    for family, kind, proto, sockaddr in resolve_checked(host, port):
        sock = socket.socket(family, kind, proto)
        try:
            if timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            sock.connect(sockaddr)
            return sock
        except OSError as error:
            sock.close()
            last_error = error
    raise last_error or OSError(f"cannot connect to {host}")


class _CheckedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = _connect_checked


class _CheckedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, context=ssl.create_default_context(), **kwargs)
        self._create_connection = _connect_checked


def post(url: str, *, body: bytes, headers: dict[str, str], timeout: float) -> tuple[int, bytes]:
    """POST ``body`` to ``url`` under the rules above; returns (status, answer body).

    Raises ``RefusedTarget`` for a refused URL or address, ``OSError`` (connection, TLS,
    timeout, unknown host) or ``http.client.HTTPException`` (a broken answer). An answer
    longer than ``MAX_ANSWER_BYTES`` is an ``http.client.HTTPException``.
    """
    target = check_url(url)
    kind = _CheckedHTTPSConnection if target.scheme == "https" else _CheckedHTTPConnection
    connection = kind(target.host, target.port, timeout=timeout)
    try:
        connection.request("POST", target.path, body=body, headers=headers)
        response = connection.getresponse()
        answer = response.read(MAX_ANSWER_BYTES + 1)
    finally:
        connection.close()
    if len(answer) > MAX_ANSWER_BYTES:
        raise http.client.HTTPException("answer too long")
    return response.status, answer
