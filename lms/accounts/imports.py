"""CSV import of org units and people, validated as a whole.

A file is either imported completely or not at all: every row is checked
first, and any problem is reported with its line number and reason.

Org units (``code,name,kind,parent_code``): ``kind`` is agency, department or
unit; ``parent_code`` is empty for the agency or names a unit that exists or
appears in the same file.

People (``email,first_name,last_name,org_unit_code,job_roles,groups``):
``job_roles`` and ``groups`` are lists separated by ``;``.
"""

import csv
import io
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email, validate_slug
from django.db import transaction
from django.utils.translation import gettext as _
from treebeard.exceptions import PathOverflow

from lms.accounts.groups import GROUP_PERMISSIONS
from lms.accounts.models import JobRole, OrgUnit
from lms.accounts.services import org_unit_update_or_create, user_create_or_update
from lms.accounts.trackers import people_changing

ORG_UNIT_COLUMNS = ["code", "name", "kind", "parent_code"]
PEOPLE_COLUMNS = ["email", "first_name", "last_name", "org_unit_code", "job_roles", "groups"]
MAX_ROWS = 100_000


@dataclass
class RowError:
    line: int
    message: str

    def __str__(self):
        return _("Line %(line)d: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class CSVImportError(Exception):
    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


def _read_rows(data: bytes | str, expected_columns: list[str]):
    """Decode and parse; yields (line_number, row dict). Raises CSVImportError on shape errors."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise CSVImportError([RowError(1, _("The file is not UTF-8 encoded."))]) from exc
    try:
        dialect = csv.Sniffer().sniff(data.splitlines()[0] if data else "", delimiters=",;")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(data), dialect=dialect)
    try:
        header = [h.strip() for h in (reader.fieldnames or [])]
    except csv.Error as exc:
        raise CSVImportError([RowError(1, str(exc))]) from exc
    missing = [c for c in expected_columns if c not in header]
    if missing:
        raise CSVImportError(
            [RowError(1, _("Missing columns: %(columns)s") % {"columns": ", ".join(missing)})]
        )
    reader.fieldnames = header
    rows = []
    try:
        for row in reader:
            if len(rows) >= MAX_ROWS:
                raise CSVImportError(
                    [RowError(reader.line_num, _("Too many rows (at most %d).") % MAX_ROWS)]
                )
            if None in row:
                raise CSVImportError([RowError(reader.line_num, _("Too many values in this row."))])
            cleaned = {k: (v or "").strip() for k, v in row.items()}
            if any("\x00" in value for value in cleaned.values()):
                raise CSVImportError(
                    [RowError(reader.line_num, _("The row contains a NUL character."))]
                )
            if any(cleaned.values()):
                rows.append((reader.line_num, cleaned))
    except csv.Error as exc:
        raise CSVImportError([RowError(reader.line_num, str(exc))]) from exc
    if not rows:
        raise CSVImportError([RowError(1, _("The file contains no data rows."))])
    return rows


def import_org_units(data: bytes | str) -> ImportResult:
    rows = _read_rows(data, ORG_UNIT_COLUMNS)
    errors: list[RowError] = []
    existing = set(OrgUnit.objects.values_list("code", flat=True))
    seen: dict[str, int] = {}
    kinds = set(OrgUnit.Kind.values)
    for line, row in rows:
        code = row["code"]
        try:
            validate_slug(code)
        except ValidationError:
            errors.append(RowError(line, _("Invalid code “%(code)s”.") % {"code": code}))
        if code in seen:
            errors.append(
                RowError(
                    line,
                    _("Code “%(code)s” already appears in line %(other)d.")
                    % {"code": code, "other": seen[code]},
                )
            )
        seen.setdefault(code, line)
        if not row["name"]:
            errors.append(RowError(line, _("The name is missing.")))
        if row["kind"] not in kinds:
            errors.append(
                RowError(
                    line,
                    _("Unknown kind “%(kind)s” (allowed: %(allowed)s).")
                    % {"kind": row["kind"], "allowed": ", ".join(sorted(kinds))},
                )
            )
    codes_in_file = {row["code"] for _line, row in rows}
    for line, row in rows:
        parent = row["parent_code"]
        if parent and parent not in codes_in_file and parent not in existing:
            errors.append(RowError(line, _("Unknown parent unit “%(code)s”.") % {"code": parent}))
    ordered = _parents_first(rows, errors)
    if errors:
        raise CSVImportError(sorted(errors, key=lambda e: e.line))

    result = ImportResult()
    with transaction.atomic():
        units = {u.code: u for u in OrgUnit.objects.all()}
        for line, row in ordered:
            parent = units.get(row["parent_code"]) if row["parent_code"] else None
            if parent is not None:
                parent.refresh_from_db()
            is_new = row["code"] not in units
            with _row_errors(line):
                units[row["code"]] = org_unit_update_or_create(
                    code=row["code"], name=row["name"], kind=row["kind"], parent=parent
                )
            result.created += is_new
            result.updated += not is_new
    return result


def _parents_first(rows, errors):
    """Order rows so that every parent comes before its children; report cycles.

    Iterative, so that a long chain of units (each listed before its parent) cannot hit
    Python's recursion limit.
    """
    by_code = {row["code"]: (line, row) for line, row in rows}
    ordered, placed = [], set()
    for _line, row in rows:
        chain, chain_codes, code = [], set(), row["code"]
        while code in by_code and code not in placed:
            if code in chain_codes:
                errors.append(RowError(by_code[code][0], _("The parent units form a cycle.")))
                break
            chain.append(code)
            chain_codes.add(code)
            code = by_code[code][1]["parent_code"]
        for code in reversed(chain):
            if code not in placed:
                placed.add(code)
                ordered.append(by_code[code])
    return ordered


def import_people(data: bytes | str) -> ImportResult:
    rows = _read_rows(data, PEOPLE_COLUMNS)
    errors: list[RowError] = []
    units = {u.code: u for u in OrgUnit.objects.all()}
    roles = {r.code: r for r in JobRole.objects.all()}
    known_groups = set(GROUP_PERMISSIONS)
    seen: dict[str, int] = {}
    for line, row in rows:
        email = row["email"].lower()
        try:
            validate_email(email)
        except ValidationError:
            errors.append(
                RowError(line, _("Invalid e-mail address “%(email)s”.") % {"email": email})
            )
        if email in seen:
            errors.append(
                RowError(
                    line,
                    _("E-mail address already appears in line %(other)d.") % {"other": seen[email]},
                )
            )
        seen.setdefault(email, line)
        if row["org_unit_code"] not in units:
            errors.append(
                RowError(line, _("Unknown org unit “%(code)s”.") % {"code": row["org_unit_code"]})
            )
        for code in _split(row["job_roles"]):
            if code not in roles:
                errors.append(RowError(line, _("Unknown job role “%(code)s”.") % {"code": code}))
        for name in _split(row["groups"]):
            if name not in known_groups:
                errors.append(RowError(line, _("Unknown group “%(name)s”.") % {"name": name}))
    if errors:
        raise CSVImportError(errors)

    User = get_user_model()
    emails = {row["email"].lower() for _line, row in rows}
    # All addresses (no IN list: a file may name up to 100,000 people).
    known = {e: pk for e, pk in User.objects.values_list("email", "pk") if e in emails}
    result = ImportResult()
    # One tracked change for everybody already known; new people are announced one by one
    # as they are created (``user_create_or_update``).
    with transaction.atomic(), people_changing(known.values()):
        for line, row in rows:
            email = row["email"].lower()
            with _row_errors(line):
                user_create_or_update(
                    email=email,
                    first_name=row["first_name"],
                    last_name=row["last_name"],
                    org_unit=units[row["org_unit_code"]],
                    job_roles=[roles[c] for c in _split(row["job_roles"])],
                    groups=_split(row["groups"]) or ["Learner"],
                )
            if email in known:
                result.updated += 1
            else:
                result.created += 1
    return result


@contextmanager
def _row_errors(line: int):
    """A value the database cannot hold (too long, …) fails the whole file with its line."""
    try:
        yield
    except ValidationError as error:
        by_field = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
        messages = [
            f"{name}: {message}" if name and name != "__all__" else message
            for name, field_messages in by_field.items()
            for message in field_messages
        ]
        raise CSVImportError([RowError(line, "; ".join(messages))]) from error
    except PathOverflow as error:
        raise CSVImportError([RowError(line, _("The unit is nested too deeply."))]) from error


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]
