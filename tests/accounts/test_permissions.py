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


def test_hr_enter_the_cms_for_mandatory_training_only(client, make_user, make_unit):
    """HR author mandatory training for their units in the admin; pages and people stay
    closed."""
    from lms.accounts.models import OrgUnitResponsibility
    from lms.accounts.services import responsibility_grant

    hr = make_user("hr@example.org", groups=("Learner", "HR"))
    responsibility_grant(user=hr, org_unit=make_unit(), kind=OrgUnitResponsibility.Kind.HR)
    log_in(client, hr)
    assert client.get("/cms/").status_code == 200
    assert client.get("/cms/assignments/").status_code == 200
    for closed in ("/cms/pages/add/courses/coursepage/", "/cms/users/", "/cms/course-analytics/"):
        assert client.get(closed).status_code in (302, 403, 404), closed


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


@pytest.fixture
def identity_provider(settings):
    from lms.settings.sso import sso_settings_from_env

    settings.SOCIALACCOUNT_PROVIDERS = sso_settings_from_env(
        {"QD_OIDC_ISSUER": "http://127.0.0.1:9", "QD_OIDC_CLIENT_ID": "c"}
    )["SOCIALACCOUNT_PROVIDERS"]


@pytest.mark.parametrize("who", ["anonymous", "learner", "admin"])
def test_single_sign_on_routes_are_the_same_for_everyone(client, make_user, identity_provider, who):
    """Starting a sign-in only asks for confirmation on GET (a cross-site link cannot start
    one); a callback without this browser's state is refused; an unknown provider is 404."""
    if who != "anonymous":
        groups = ("Learner",) if who == "learner" else ("Learner", "Administrator")
        log_in(client, make_user(f"{who}@example.org", groups=groups))
    login = client.get(reverse("openid_connect_login", kwargs={"provider_id": "idp"}))
    assert login.status_code == 200 and b'method="post"' in login.content
    callback = client.get(
        reverse("openid_connect_callback", kwargs={"provider_id": "idp"}) + "?code=x&state=y"
    )
    assert callback.status_code == 400
    unknown = client.get(reverse("openid_connect_login", kwargs={"provider_id": "other"}))
    assert unknown.status_code == 404


def test_only_superusers_configure_identity_providers(client, make_user):
    import json

    from allauth.socialaccount.models import SocialApp

    administrator = make_user("admin@example.org", groups=("Learner", "Administrator"))
    log_in(client, administrator)
    assert client.get("/cms/identity-providers/").status_code in (302, 403)
    client.logout()

    superuser = make_user("root@example.org", groups=("Learner", "Administrator"))
    superuser.is_superuser = True
    superuser.save(update_fields=["is_superuser"])
    log_in(client, superuser)
    assert client.get("/cms/identity-providers/").status_code == 200
    fields = {
        "provider": "openid_connect",
        "provider_id": "landesportal",
        "name": "Landesportal",
        "client_id": "qualifica",
        "secret": "s3cret",
        "settings": json.dumps(
            {"server_url": "https://idp.example.org/realms/land", "claims": {"org_unit": "ou"}}
        ),
    }
    response = client.post("/cms/identity-providers/add/", fields)
    assert response.status_code == 302, response.content.decode()[:2000]
    app = SocialApp.objects.get(provider_id="landesportal")
    assert app.settings["claims"] == {"org_unit": "ou"}
    # The secret is never shown again, and an empty field keeps it.
    edit = f"/cms/identity-providers/edit/{app.pk}/"
    assert "s3cret" not in client.get(edit).content.decode()
    client.post(edit, {**fields, "secret": "", "name": "Landesportal NRW"})
    app.refresh_from_db()
    assert (app.name, app.secret) == ("Landesportal NRW", "s3cret")
    # A provider without an address is refused with a form error, nothing saved.
    response = client.post(
        "/cms/identity-providers/add/", {**fields, "provider_id": "x", "settings": "{}"}
    )
    assert response.status_code == 200
    assert not SocialApp.objects.filter(provider_id="x").exists()
    client.logout()
    assert "Landesportal NRW" in client.get(reverse("account_login")).content.decode()
