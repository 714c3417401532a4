"""multipart/mixed bodies for statements with attachments (parse and build). Pure."""

import uuid


class MultipartError(ValueError):
    pass


def boundary_of(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        name, _sep, value = part.strip().partition("=")
        if name.strip().lower() == "boundary":
            return value.strip().strip('"')
    return None


def _headers(block: bytes) -> dict[str, str]:
    headers = {}
    for line in block.split(b"\r\n"):
        if not line.strip():
            continue
        name, sep, value = line.partition(b":")
        if not sep:
            raise MultipartError("A part header line has no ':'.")
        headers[name.decode("latin-1").strip().lower()] = value.decode("latin-1").strip()
    return headers


def parse(body: bytes, content_type: str) -> list[tuple[dict[str, str], bytes]]:
    """The parts of a multipart body as ``(headers, content)`` pairs."""
    boundary = boundary_of(content_type)
    if not boundary:
        raise MultipartError("The multipart Content-Type has no boundary.")
    delimiter = b"--" + boundary.encode("latin-1")
    body = body.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    chunks = body.split(delimiter)
    if len(chunks) < 3:
        raise MultipartError("The multipart body has no parts.")
    parts = []
    for chunk in chunks[1:]:
        if chunk.startswith(b"--"):
            break
        if chunk.startswith(b"\r\n"):
            chunk = chunk[2:]
        head, sep, content = chunk.partition(b"\r\n\r\n")
        if not sep:
            if chunk.strip():
                head, content = b"", chunk
            else:
                raise MultipartError("A part has no header/body separator.")
        if content.endswith(b"\r\n"):
            content = content[:-2]
        parts.append((_headers(head), content))
    if not parts:
        raise MultipartError("The multipart body has no parts.")
    return parts


def build(statements_json: bytes, attachments: list[tuple[str, str, bytes]]) -> tuple[bytes, str]:
    """A multipart/mixed body: the statements, then each ``(sha2, content_type, content)``."""
    boundary = uuid.uuid4().hex
    crlf = b"\r\n"
    out = [
        b"--" + boundary.encode(),
        b"Content-Type: application/json",
        b"",
        statements_json,
    ]
    for sha2, content_type, content in attachments:
        out += [
            b"--" + boundary.encode(),
            f"Content-Type: {content_type}".encode(),
            b"Content-Transfer-Encoding: binary",
            f"X-Experience-API-Hash: {sha2}".encode(),
            b"",
            content,
        ]
    out.append(b"--" + boundary.encode() + b"--")
    return crlf.join(out) + crlf, f'multipart/mixed; boundary="{boundary}"'
