"""Who may enter the Wagtail admin: trainers and administrators, nobody else."""

import pytest
from django.urls import reverse

from tests.conftest import TEST_PASSWORD, log_in

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_the_login_page(client):
    response = client.get("/cms/", follow=True)
    assert response.redirect_chain[-1][0] == reverse("account_login") + "?next=%2Fcms%2F"
    assert response.status_code == 200


def test_learner_cannot_enter_the_cms(client, make_user):
    make_user("lea@example.org")
    client.post(reverse("account_login"), {"login": "lea@example.org", "password": TEST_PASSWORD})
    response = client.get("/cms/", follow=True)
    assert response.status_code == 403  # signed in, but no admin access


def test_hr_cannot_enter_the_cms(client, make_user):
    log_in(client, make_user("hr@example.org", groups=("Learner", "HR")))
    response = client.get("/cms/", follow=True)
    assert response.status_code == 403


@pytest.mark.parametrize("group", ["Trainer", "Administrator"])
def test_trainer_and_administrator_enter_the_cms(client, make_user, group):
    log_in(client, make_user("staff@example.org", groups=("Learner", group)))
    assert client.get("/cms/").status_code == 200


def test_only_administrators_reach_the_organisation_import(client, make_user):
    log_in(client, make_user("trainer@example.org", groups=("Learner", "Trainer")))
    response = client.get(reverse("accounts_admin:organisation_import"))
    assert response.status_code in (302, 403)


def test_administrator_manages_people_and_units_in_the_cms(client, make_user):
    log_in(client, make_user("admin@example.org", groups=("Learner", "Administrator")))
    assert client.get("/cms/users/").status_code == 200
    assert client.get("/cms/snippets/accounts/orgunit/").status_code == 200
    assert client.get(reverse("accounts_admin:organisation_import")).status_code == 200
