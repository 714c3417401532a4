"""A person's copy of all of their data (GDPR Art. 15 and 20).

Each app registers, from its ``AppConfig.ready()``, the sections it holds about a person:

    register_personal_data("statements", lambda user: Statement.objects.filter(user=user))

A provider returns a queryset (exported with ``values()``) or a list of dicts. The export
is one JSON document and, for spreadsheets, a ZIP with one CSV per section.
"""

import datetime
import decimal
import io
import json
import uuid
import zipfile
from collections.abc import Callable, Iterable

from django.db.models import QuerySet

from lms.accounts.models import AuditLogEntry, ConsentRecord, RoleAssignment
from lms.spreadsheets import csv_bytes

Provider = Callable[[object], QuerySet | Iterable[dict]]
_PROVIDERS: dict[str, Provider] = {}


def register_personal_data(section: str, provider: Provider) -> None:
    _PROVIDERS[section] = provider


def _plain(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID | decimal.Decimal):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return None
    return value


def _rows(result) -> list[dict]:
    rows = result.values() if isinstance(result, QuerySet) else result
    return [{key: _plain(value) for key, value in row.items()} for row in rows]


def _account(user) -> list[dict]:
    return [
        {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "pseudonym": str(user.pseudonym),
            "personnel_number": user.personnel_number,
            "org_unit": user.org_unit.name if user.org_unit_id else None,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "groups": ", ".join(user.groups.values_list("name", flat=True)),
        }
    ]


register_personal_data("account", _account)
register_personal_data(
    "job_roles",
    lambda user: RoleAssignment.objects.filter(user=user).values("job_role__name", "since"),
)
register_personal_data(
    "consents",
    lambda user: ConsentRecord.objects.filter(user=user).values(
        "purpose", "granted", "recorded_at"
    ),
)
register_personal_data(
    "audit_log_about_me",
    lambda user: AuditLogEntry.objects.filter(subject_label=str(user)).values(
        "created_at", "actor_label", "action", "details"
    ),
)


def personal_data_export(*, user) -> dict[str, list[dict]]:
    """Every registered section for the person, in registration order."""
    return {section: _rows(provider(user)) for section, provider in _PROVIDERS.items()}


def personal_data_json(*, user) -> bytes:
    document = {
        "exported_at": datetime.datetime.now(datetime.UTC).isoformat(),
        "sections": personal_data_export(user=user),
    }
    return json.dumps(document, ensure_ascii=False, indent=2, default=str).encode()


def personal_data_zip(*, user) -> bytes:
    """A ZIP with ``data.json`` and one CSV per section (nested values as JSON text).

    CSV text cells are neutralised against formula injection (``lms.spreadsheets``);
    ``data.json`` holds the values exactly.
    """
    sections = personal_data_export(user=user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(sections, ensure_ascii=False, indent=2))
        for section, rows in sections.items():
            columns = sorted({key for row in rows for key in row}) or ["empty"]
            lines = [columns] + [
                [
                    json.dumps(value, ensure_ascii=False)
                    if isinstance(value := row.get(key, ""), dict | list)
                    else value
                    for key in columns
                ]
                for row in rows
            ]
            archive.writestr(f"{section}.csv", csv_bytes(lines))
    return buffer.getvalue()
