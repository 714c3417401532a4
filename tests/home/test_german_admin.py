"""The admin's listings in German: audit actions by name, booleans as "Ja"/"Nein", a
package's file count as "Dateien". English under ``en``."""

import pytest
from django.test import Client

from assessments.services import question_bank_create, question_create
from lms.accounts.services import audit_log
from lms.packages import services as package_services
from lms.xapi.services import lrs_client_create
from tests.conftest import log_in
from tests.packages.conftest import upload, zip_folder

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(make_user):
    return make_user("admin@example.org", groups=("Learner", "Administrator"))


@pytest.fixture
def admin_client(client, admin):
    return log_in(client, admin)


@pytest.mark.parametrize(
    ("language", "label"), [("de", "Person angelegt"), ("en", "Person created")]
)
def test_the_audit_log_names_its_actions(admin_client, admin, language, label):
    audit_log(actor=admin, action="person.created", subject=admin)
    entry = audit_log(actor=admin, action="something.new", subject=admin)
    admin_client.cookies["django_language"] = language
    html = admin_client.get("/cms/snippets/accounts/auditlogentry/").content.decode()
    assert label in html
    assert "person.created" not in html
    assert "something.new" in html  # an action without a name is shown as it is
    inspect = admin_client.get(f"/cms/snippets/accounts/auditlogentry/inspect/{entry.pk}/")
    assert inspect.status_code == 200


def test_listings_say_yes_and_no_in_german(
    admin_client, make_user, settings, tmp_path, package_storage
):
    settings.MEDIA_ROOT = tmp_path
    lrs_client_create(name="Autorenwerkzeug", read_only=True)
    bank = question_bank_create(name="Grundlagen")
    question_create(bank=bank, type="true_false", stem="Stimmt das?", true_false_answer=True)
    package_services.package_create(
        title="Paket", upload=upload(zip_folder("tincan_basic")), uploaded_by=None
    )

    clients = admin_client.get("/cms/snippets/xapi/lrsclient/").content.decode()
    questions = admin_client.get("/cms/snippets/assessments/question/").content.decode()
    trainer = log_in(Client(), make_user("trainer@example.org", groups=("Learner", "Trainer")))
    response = trainer.get("/cms/snippets/packages/contentpackage/")
    assert response.status_code == 200
    packages = response.content.decode()
    for html in (clients, questions):
        assert "Ja" in html
        assert ">True<" not in html and ">False<" not in html
        assert "True" not in html.split("<tbody")[1].split("</tbody>")[0]
    assert "Dateien" in packages
    assert "File count" not in packages
