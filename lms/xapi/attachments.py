"""Attachments of incoming statements: which part belongs to which statement, and signatures.

Pure: raises ``StatementError`` naming the attachment; the store calls it after the scope
check, so a request a credential may not make never reaches the signature verification.
"""

from lms.xapi import signatures
from lms.xapi.validation import SIGNATURE_USAGE, StatementError


def attachments_match(
    statements: list[dict], parts: dict[str, tuple[str, bytes]], *, many: bool
) -> dict[str, tuple[str, bytes]]:
    """The parts the statements use, keyed by SHA-2; every signature checked.

    ``parts``: ``{sha2: (content type, content)}`` of a multipart request (already checked
    against their hashes). Every attachment without a ``fileUrl`` needs its part, every part
    must belong to a statement, and a signature part must be a JWS of its statement.
    """
    used = set()
    for index, statement in enumerate(statements):
        prefix = f"statements[{index}]." if many else ""
        for number, attachment in enumerate(statement.get("attachments") or []):
            path = f"{prefix}attachments[{number}]"
            sha2 = attachment["sha2"].lower()
            if attachment["usageType"] == SIGNATURE_USAGE:
                if attachment["contentType"] != "application/octet-stream":
                    raise StatementError(
                        f"{path}.contentType", "a signature must be application/octet-stream"
                    )
                if sha2 not in parts:
                    raise StatementError(path, "the signature part is missing")
                signatures.check_signature(statement=statement, jws=parts[sha2][1], path=path)
            if "fileUrl" not in attachment and sha2 not in parts:
                raise StatementError(path, f"no part carries the attachment with sha2 {sha2}")
            if sha2 in parts:
                used.add(sha2)
    unused = set(parts) - used
    if unused:
        raise StatementError(
            "", f"Attachment parts {', '.join(sorted(unused))} belong to no statement."
        )
    return {sha2: parts[sha2] for sha2 in used}
