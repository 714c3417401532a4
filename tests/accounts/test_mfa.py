"""Staff reach the platform only after the second factor in this session, on every path.

A session counts as complete when allauth recorded an ``mfa`` authentication for this person
in this session; having an authenticator is not enough. Password-only staff sessions come
from logins outside allauth's flow (``client.login`` stands for any of them), from sessions
that began before the person became staff, or from a tampered session.
"""

import pytest
from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse

from tests.conftest import TEST_PASSWORD, TOTP_SECRET, current_totp, log_in

pytestmark = pytest.mark.django_db

STAFF_PAGES = ["/cms/", "/competencies/reports/", "/learn/", "/me/"]


@pytest.fixture
def hr(make_user, make_unit):
    person = make_user("hr@example.org", groups=("Learner", "HR"), org_unit=make_unit("Amt"))
    TOTP.activate(person, TOTP_SECRET)
    return person


@pytest.fixture
def admin(make_user):
    person = make_user("admin@example.org", groups=("Learner", "Administrator"))
    TOTP.activate(person, TOTP_SECRET)
    return person


def password_only(client, user):
    """A session authenticated by password alone, outside allauth's login flow."""
    assert client.login(email=user.email, password=TEST_PASSWORD)
    return client


def mfa_step(path):
    return f"{reverse('mfa_reauthenticate')}?next={path.replace('/', '%2F')}"


@pytest.mark.parametrize("path", ["/cms/", "/cms/pages/"])
def test_a_password_only_admin_session_cannot_reach_the_cms(client, admin, path):
    password_only(client, admin)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == mfa_step(path)


def test_a_password_only_hr_session_cannot_reach_the_reports(client, hr):
    password_only(client, hr)
    response = client.get("/competencies/reports/")
    assert response.status_code == 302
    assert response["Location"] == mfa_step("/competencies/reports/")
    assert client.get("/competencies/reports/schedules/").status_code == 302


def test_a_session_whose_mfa_record_is_missing_is_refused_despite_an_authenticator(client, hr):
    log_in(client, hr)
    assert client.get("/competencies/reports/").status_code == 200
    session = client.session
    records = session[AUTHENTICATION_METHODS_SESSION_KEY]
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [r for r in records if r["method"] != "mfa"]
    session.save()
    response = client.get("/competencies/reports/")
    assert response.status_code == 302
    assert response["Location"] == mfa_step("/competencies/reports/")


def test_a_session_from_before_the_person_became_staff_is_caught(client, make_user):
    person = make_user("lea@example.org")
    log_in(client, person)  # a learner: password only
    TOTP.activate(person, TOTP_SECRET)  # sets up TOTP in this session, voluntarily
    assert client.get("/learn/").status_code == 200
    person.groups.add(Group.objects.get(name="Trainer"))
    response = client.get("/learn/")
    assert response.status_code == 302
    assert response["Location"] == mfa_step("/learn/")


def test_the_mfa_step_completes_the_session_and_returns_to_the_page(client, hr):
    password_only(client, hr)
    response = client.get(mfa_step("/competencies/reports/"))
    assert response.status_code == 200
    response = client.post(
        mfa_step("/competencies/reports/"), {"code": current_totp()}, follow=False
    )
    assert response.status_code == 302
    assert response["Location"] == "/competencies/reports/"
    assert client.get("/competencies/reports/").status_code == 200


def test_a_wrong_code_keeps_the_session_out(client, hr):
    password_only(client, hr)
    response = client.post(mfa_step("/cms/"), {"code": "000000"})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert client.get("/competencies/reports/").status_code == 302


@pytest.mark.parametrize(
    "url_name",
    [
        "mfa_view_recovery_codes",
        "mfa_generate_recovery_codes",
        "mfa_deactivate_totp",
        "mfa_index",
        "account_change_password",
        "account_email",
        "account_reauthenticate",
        "account_request_reauthentication_code",
    ],
)
def test_a_pending_session_reaches_only_the_code_step_and_logout(client, hr, url_name):
    """Recovery codes, TOTP removal, password and e-mail changes need the second factor:
    otherwise a stolen password would be enough to read the recovery codes."""
    password_only(client, hr)
    path = reverse(url_name)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == mfa_step(path)


def test_a_pending_session_may_log_out(client, hr):
    password_only(client, hr)
    assert client.get(reverse("account_logout")).status_code == 200
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db(transaction=True)  # the notification is sent once the set-up commits
def test_staff_without_an_authenticator_set_one_up_and_then_enter_a_code(client, make_user):
    trainer = make_user("trainer@example.org", groups=("Learner", "Trainer"))
    client.post(reverse("account_login"), {"login": trainer.email, "password": TEST_PASSWORD})
    response = client.get("/cms/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    # Setting up asks for the password again (allauth), then for a code of the new secret.
    response = client.get(reverse("mfa_activate_totp"))
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("account_reauthenticate"))
        client.post(response["Location"], {"password": TEST_PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = page.context["form"].secret
    response = client.post(reverse("mfa_activate_totp"), {"code": current_totp(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=trainer, type=Authenticator.Type.TOTP).exists()
    # The owner hears of it (someone with only the password could have done this).
    assert [message.to for message in mail.outbox] == [[trainer.email]]
    # Setting up proves nothing the password did not: the admin still wants a code.
    response = client.get("/cms/")
    assert response["Location"] == mfa_step("/cms/")


@pytest.mark.parametrize(
    "url_name", ["account_reauthenticate", "account_request_reauthentication_code"]
)
def test_setting_up_may_ask_for_the_password_or_an_emailed_code_first(client, make_user, url_name):
    trainer = make_user("trainer@example.org", groups=("Learner", "Trainer"))
    password_only(client, trainer)
    assert client.get(reverse(url_name)).status_code == 200
    assert client.get("/cms/")["Location"] == reverse("mfa_activate_totp")


def test_staff_whose_authenticator_was_removed_must_set_up_a_new_one(client, hr):
    log_in(client, hr)
    Authenticator.objects.filter(user=hr).delete()
    response = client.get("/competencies/reports/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_superusers_need_the_second_factor_whatever_their_groups(client, make_user):
    root = make_user("root@example.org", groups=())
    root.is_superuser = True
    root.save(update_fields=["is_superuser"])
    TOTP.activate(root, TOTP_SECRET)
    password_only(client, root)
    assert client.get("/cms/").status_code == 302


def test_anyone_who_may_enter_the_admin_needs_the_second_factor_there(client, make_user):
    editors = Group.objects.create(name="Redaktion")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    editor = make_user("editor@example.org", groups=("Learner", "Redaktion"))
    TOTP.activate(editor, TOTP_SECRET)
    password_only(client, editor)
    response = client.get("/cms/")
    assert response.status_code == 302
    assert response["Location"] == mfa_step("/cms/")


def test_learners_are_not_asked_for_a_second_factor(client, make_user):
    learner = make_user("lea@example.org")
    password_only(client, learner)
    assert client.get("/learn/").status_code == 200


def test_the_lrs_ignores_a_pending_staff_session(client, hr):
    """/xapi/ stays outside the rule because it never uses the session: the cookie of a
    pending staff session gets the same 401 as no cookie at all."""
    password_only(client, hr)
    response = client.get("/xapi/statements", HTTP_X_EXPERIENCE_API_VERSION="1.0.3")
    assert response.status_code == 401


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_staff_who_passed_the_second_factor_get_in(client, hr, admin, path):
    log_in(client, admin if path == "/cms/" else hr)
    assert client.get(path).status_code == 200
