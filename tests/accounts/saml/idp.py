"""A small SAML 2.0 identity provider for the single sign-on tests.

It serves its metadata (``/metadata``) and single sign-on (``/sso``, HTTP-Redirect
binding in, HTTP-POST binding out) and signs assertions with the ``xmlsec1`` program, a
signer independent of the platform's SAML library. Started by the tests:
``python idp.py``; prints ``ready <base url>``. For the tests only:

- ``POST /test/login`` ``{"name_id": ..., "attributes": {name: [values]}}``: who signs in next;
- ``POST /test/mode`` ``{"mode": ...}``: ``normal``, ``unsigned``, ``tampered`` (signed,
  then an attribute changed), ``wrong-audience``, ``expired``.
"""

import base64
import datetime as dt
import html
import json
import subprocess
import sys
import tempfile
import uuid
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from lxml import etree

SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol"
SAML = "urn:oasis:names:tc:SAML:2.0:assertion"
WORK = Path(tempfile.mkdtemp(prefix="qd-saml-idp-"))
STATE = {
    "mode": "normal",
    "name_id": "try-out",
    "attributes": {"email": ["sso.probe@example.org"]},
}


def _key_and_certificate():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "qd-test-idp")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    (WORK / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    (WORK / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return base64.b64encode(cert.public_bytes(serialization.Encoding.DER)).decode()


CERT_B64 = _key_and_certificate()


def _instant(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def metadata(base):
    return f"""<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"
    xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="{base}/metadata">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="false"
      protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data>
      <ds:X509Certificate>{CERT_B64}</ds:X509Certificate>
    </ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
        Location="{base}/sso"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>"""


SIGNATURE_TEMPLATE = """<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo>
<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>
<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>
<ds:Reference URI="#{id}"><ds:Transforms>
<ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>
<ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms>
<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>
<ds:DigestValue/></ds:Reference></ds:SignedInfo><ds:SignatureValue/>
<ds:KeyInfo><ds:X509Data><ds:X509Certificate/></ds:X509Data></ds:KeyInfo></ds:Signature>"""


def _sign(xml: str) -> str:
    source, signed = WORK / f"{uuid.uuid4().hex}.xml", WORK / f"{uuid.uuid4().hex}.xml"
    source.write_text(xml)
    subprocess.run(
        [
            "xmlsec1",
            "--sign",
            "--privkey-pem",
            f"{WORK / 'key.pem'},{WORK / 'cert.pem'}",
            "--id-attr:ID",
            f"{SAML}:Assertion",
            "--output",
            str(signed),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    return signed.read_text()


def response(base, request_xml: str) -> tuple[str, str]:
    """(the ACS URL, the base64 SAMLResponse) for a decoded AuthnRequest."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    request = etree.fromstring(request_xml.encode(), parser)
    request_id = request.get("ID")
    acs = request.get("AssertionConsumerServiceURL")
    audience = request.find(f"{{{SAML}}}Issuer").text
    mode = STATE["mode"]
    if mode == "wrong-audience":
        audience = "https://another-service.example.org/saml/metadata/"
    now = dt.datetime.now(dt.UTC)
    if mode == "expired":
        now -= dt.timedelta(hours=2)
    later = now + dt.timedelta(minutes=5)
    assertion_id, response_id = f"_a{uuid.uuid4().hex}", f"_r{uuid.uuid4().hex}"
    attributes = "".join(
        f'<saml:Attribute Name="{html.escape(name)}" '
        'NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">'
        + "".join(
            f'<saml:AttributeValue xmlns:xs="http://www.w3.org/2001/XMLSchema" '
            f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="xs:string">'
            f"{html.escape(str(value))}</saml:AttributeValue>"
            for value in values
        )
        + "</saml:Attribute>"
        for name, values in STATE["attributes"].items()
    )
    signature = "" if mode == "unsigned" else SIGNATURE_TEMPLATE.format(id=assertion_id)
    name_id = html.escape(STATE["name_id"])
    assertion = (
        f'<saml:Assertion xmlns:saml="{SAML}" ID="{assertion_id}" Version="2.0" '
        f'IssueInstant="{_instant(now)}"><saml:Issuer>{base}/metadata</saml:Issuer>'
        f"{signature}<saml:Subject>"
        f'<saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">'
        f"{name_id}</saml:NameID>"
        '<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">'
        f'<saml:SubjectConfirmationData InResponseTo="{request_id}" '
        f'NotOnOrAfter="{_instant(later)}" Recipient="{acs}"/></saml:SubjectConfirmation>'
        "</saml:Subject>"
        f'<saml:Conditions NotBefore="{_instant(now - dt.timedelta(minutes=1))}" '
        f'NotOnOrAfter="{_instant(later)}"><saml:AudienceRestriction>'
        f"<saml:Audience>{audience}</saml:Audience></saml:AudienceRestriction></saml:Conditions>"
        f'<saml:AuthnStatement AuthnInstant="{_instant(now)}" SessionIndex="{assertion_id}">'
        "<saml:AuthnContext><saml:AuthnContextClassRef>"
        "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
        "</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>"
        f"<saml:AttributeStatement>{attributes}</saml:AttributeStatement></saml:Assertion>"
    )
    document = (
        f'<samlp:Response xmlns:samlp="{SAMLP}" xmlns:saml="{SAML}" ID="{response_id}" '
        f'Version="2.0" IssueInstant="{_instant(now)}" Destination="{acs}" '
        f'InResponseTo="{request_id}"><saml:Issuer>{base}/metadata</saml:Issuer>'
        '<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/>'
        f"</samlp:Status>{assertion}</samlp:Response>"
    )
    if mode != "unsigned":
        document = _sign(document)
    if mode == "tampered":
        # After signing: another person's address, as a man in the middle would put it.
        document = document.replace(
            html.escape(STATE["attributes"]["email"][0]), "intruder@example.org", 1
        )
    return acs, base64.b64encode(document.encode()).decode()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _send(self, status, body, content_type="text/html; charset=utf-8"):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        base = self.server.base_url
        url = urlsplit(self.path)
        query = {key: values[0] for key, values in parse_qs(url.query).items()}
        if url.path == "/metadata":
            return self._send(200, metadata(base), "application/samlmetadata+xml")
        if url.path == "/sso":
            request_xml = zlib.decompress(base64.b64decode(query["SAMLRequest"]), -15).decode()
            acs, saml_response = response(base, request_xml)
            relay = html.escape(query.get("RelayState", ""))
            return self._send(
                200,
                f'<!DOCTYPE html><form method="post" action="{html.escape(acs)}">'
                f'<input type="hidden" name="SAMLResponse" value="{saml_response}">'
                f'<input type="hidden" name="RelayState" value="{relay}">'
                "<button>Weiter</button></form>",
            )
        return self._send(404, "not found")

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        if self.path == "/test/login":
            STATE["name_id"] = body["name_id"]
            STATE["attributes"] = body["attributes"]
        elif self.path == "/test/mode":
            STATE["mode"] = body.get("mode", "normal")
        else:
            return self._send(404, "not found")
        return self._send(200, json.dumps({"ok": True}), "application/json")


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    server = ThreadingHTTPServer(("localhost", port), Handler)
    server.base_url = f"http://localhost:{server.server_address[1]}"
    print(f"ready {server.base_url}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
