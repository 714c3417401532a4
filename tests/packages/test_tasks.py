"""The periodic clean-up of expired launch credentials."""

import datetime as dt
import json
import uuid

from django.conf import settings
from django.utils import timezone

from lms.packages import services, tasks
from lms.packages.models import PackageLaunch
from lms.xapi.models import LRSClient, Statement
from lms.xapi.services import lrs_client_create
from tests.packages.test_services import BASE, TINCAN_ID, launch_params, statement, xapi


def test_expired_launch_credentials_are_deleted_and_nothing_is_lost(
    client, make_package, make_user
):
    """Deleting a scoped client loses nothing: the launch keeps its row (``lrs_client`` is
    SET_NULL) and the statements keep ``client_id``, a plain integer column."""
    learner = make_user("lernende@example.org")
    package = make_package()
    registration = uuid.uuid4()
    params = launch_params(
        services.launch_url(
            user=learner, package=package, registration=registration, return_url="/", base_url=BASE
        )
    )
    done = statement(json.loads(params["actor"]), "completed", TINCAN_ID, registration)
    assert xapi(client, "post", "statements", params["auth"], done).status_code == 200
    expired = PackageLaunch.objects.get().lrs_client
    stored = Statement.objects.get(verb__endswith="/completed")
    assert stored.client_id == expired.pk

    fresh = services.launch_url(
        user=learner, package=package, registration=registration, return_url="/", base_url=BASE
    )
    admin_client, _secret = lrs_client_create(
        name="Reporting", expires_at=timezone.now() - dt.timedelta(days=1)
    )
    LRSClient.objects.filter(pk=expired.pk).update(
        expires_at=timezone.now() - dt.timedelta(seconds=1)
    )

    assert tasks.delete_expired_launch_credentials() == 1

    assert not LRSClient.objects.filter(pk=expired.pk).exists()
    assert LRSClient.objects.filter(pk=admin_client.pk).exists()  # not a launch credential
    launches = PackageLaunch.objects.order_by("created_at")
    assert launches.count() == 2 and launches[0].lrs_client_id is None
    assert launches[1].lrs_client is not None  # the fresh launch still works
    stored.refresh_from_db()
    assert stored.client_id == expired.pk
    assert xapi(client, "post", "statements", params["auth"], done).status_code == 401
    fresh_auth = launch_params(fresh)["auth"]
    again = statement(json.loads(params["actor"]), "experienced", TINCAN_ID, registration)
    assert xapi(client, "post", "statements", fresh_auth, again).status_code == 200


def test_clean_up_runs_periodically():
    schedule = settings.CELERY_BEAT_SCHEDULE["packages-expired-credentials"]
    assert schedule["task"] == "lms.packages.tasks.delete_expired_launch_credentials"
    assert schedule["schedule"] <= 24 * 60 * 60
