"""Signed statements (xAPI 1.0.3 Data 2.6): check the JWS against the statement. Pure.

The JWS payload must be the statement; when the JWS header carries an X.509 certificate
chain (``x5c``), the signature must verify against its first certificate. As the
specification says, that catches mistakes, it does not authenticate the signer.
"""

import base64
import binascii
import json

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from lms.xapi.validation import StatementError

ALGORITHMS = {"RS256": hashes.SHA256, "RS384": hashes.SHA384, "RS512": hashes.SHA512}


def _b64(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def _truncate_duration(value):
    """Durations compare to 0.01 s precision (xAPI 2.0 4.2.7).

    String operations only, linear in the length: the payload is not validated yet, and a
    backtracking pattern over a long run of digits took seconds per kilobyte.
    """
    if not isinstance(value, str) or not value.endswith("S"):
        return value
    head, dot, fraction = value[:-1].rpartition(".")
    if not dot or not fraction.isdigit() or not head[-1:].isdigit():
        return value
    fraction = fraction[:2].rstrip("0")
    return f"{head}{'.' + fraction if fraction else ''}S"


def _comparable(statement: dict) -> dict:
    ignored = ("id", "stored", "authority", "version", "attachments", "timestamp")
    out = {k: v for k, v in statement.items() if k not in ignored}
    result = out.get("result")
    if isinstance(result, dict) and "duration" in result:
        out["result"] = dict(result, duration=_truncate_duration(result["duration"]))
    return out


def check_signature(*, statement: dict, jws: bytes, path: str) -> None:
    """Raise ``StatementError`` unless ``jws`` is a JWS whose payload is this statement."""
    try:
        header_b64, payload_b64, signature_b64 = jws.decode("ascii").strip().split(".")
        header = json.loads(_b64(header_b64))
        payload = json.loads(_b64(payload_b64))
        _b64(signature_b64)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise StatementError(path, "the signature is not a JWS compact serialization") from None
    if not isinstance(header, dict) or header.get("alg") not in ALGORITHMS:
        raise StatementError(path, "the JWS must use RS256, RS384 or RS512")
    if not isinstance(payload, dict):
        raise StatementError(path, "the JWS payload must be the statement")
    payload_id = payload.get("id")
    if (
        "id" in payload
        and "id" in statement
        and (not isinstance(payload_id, str) or payload_id.lower() != statement["id"].lower())
    ):
        raise StatementError(path, "the JWS payload is not the statement (id differs)")
    if _comparable(payload) != _comparable(statement):
        raise StatementError(path, "the JWS payload does not match the statement")
    if "x5c" in header:
        _verify_with_certificate(
            header=header,
            signing_input=f"{header_b64}.{payload_b64}".encode("ascii"),
            signature=_b64(signature_b64),
            path=path,
        )


def _verify_with_certificate(*, header: dict, signing_input: bytes, signature: bytes, path: str):
    chain = header["x5c"]
    if not isinstance(chain, list) or not chain or not isinstance(chain[0], str):
        raise StatementError(path, "the JWS header x5c must be a list of certificates")
    try:
        certificate = x509.load_der_x509_certificate(base64.b64decode(chain[0], validate=True))
        key = certificate.public_key()
    except (ValueError, binascii.Error, TypeError):
        raise StatementError(path, "the first x5c certificate cannot be read") from None
    if not isinstance(key, rsa.RSAPublicKey):
        raise StatementError(path, "the x5c certificate must hold an RSA key")
    try:
        key.verify(signature, signing_input, padding.PKCS1v15(), ALGORITHMS[header["alg"]]())
    except InvalidSignature:
        raise StatementError(
            path, "the JWS signature does not verify against its x5c certificate"
        ) from None
