"""What a cmi5 unit page says about progress: per AU, in its blocks, failures as such."""

import uuid

import pytest
from django.utils import timezone, translation

from courses import services as course_services
from lms.packages import selectors
from lms.packages.models import ContentPackagePage, PackageProgress
from tests.conftest import log_in

pytestmark = pytest.mark.django_db


def _progress(user, package, au_state, **fields):
    now = timezone.now()
    return PackageProgress.objects.create(
        user=user,
        package=package,
        registration=uuid.uuid4(),
        attempted_at=now,
        last_activity_at=now,
        au_state=au_state,
        **fields,
    )


def test_a_failed_au_is_not_passed_yet_not_in_progress_at_zero(make_user, make_package):
    """The cmi5 example has a "Completed" AU and a "Passed" AU (mastery score 0.8)."""
    learner = make_user("lea@example.org")
    package = make_package("cmi5_basic")
    state = _progress(
        learner,
        package,
        {"0": {"seen": True, "completed": True}, "1": {"seen": True, "failed": True, "score": 0.4}},
        score_scaled=0.4,
    )
    overview = selectors.package_overview(package=package, state=state)
    assert overview.status == "not_passed"
    assert [(au.status, au.block, au.reopens_in_review) for au in overview.aus] == [
        ("completed", "Grundlagen", True),
        ("not_passed", "Grundlagen", False),
    ]
    assert overview.aus[1].score == 0.4
    assert (overview.satisfied_count, overview.score) == (1, None)  # no average over units


def test_seven_of_eight_passed_reads_as_such(make_user, make_package):
    learner = make_user("lea@example.org")
    package = make_package("cmi5_basic")
    package.structure["aus"] = [
        {**package.aus[1], "id": f"{package.aus[1]['id']}/{i}", "title": f"Kapitel {i + 1}"}
        for i in range(8)
    ]
    package.structure["blocks"][0]["aus"] = list(range(8))
    au_state = {str(i): {"seen": True, "passed": True, "score": 0.9} for i in range(7)}
    state = _progress(learner, package, au_state)
    overview = selectors.package_overview(package=package, state=state)
    assert overview.status == "in_progress"
    assert overview.satisfied_count == 7
    assert overview.score is None
    assert overview.aus[7].status == "not_started"


def test_the_single_unit_package_shows_its_score(make_user, make_package):
    learner = make_user("lea@example.org")
    package = make_package()  # Tin Can
    state = _progress(learner, package, {}, failed_at=timezone.now(), score_scaled=0.35)
    overview = selectors.package_overview(package=package, state=state)
    assert (overview.status, overview.score, overview.aus) == ("not_passed", 0.35, [])
    assert selectors.package_overview(package=package, state=None).status == "not_started"


def test_the_unit_page_lists_blocks_states_and_review_mode(
    client, make_user, make_course, make_package, django_assert_max_num_queries
):
    course = make_course(lessons=1)
    unit = ContentPackagePage(
        title="Aktenführung", slug="akten", package=make_package("cmi5_basic"), required=True
    )
    course.add_child(instance=unit)
    unit.save_revision().publish()
    learner = make_user("lea@example.org")
    enrolment = course_services.course_enrol(user=learner, course=course)
    PackageProgress.objects.create(
        user=learner,
        package=unit.package,
        registration=enrolment.registration,
        attempted_at=timezone.now(),
        last_activity_at=timezone.now(),
        au_state={"0": {"seen": True, "completed": True}, "1": {"seen": True, "failed": True}},
    )
    log_in(client, learner)
    with translation.override("de"), django_assert_max_num_queries(30):
        page = client.get(unit.url).content.decode()
    assert "<h3>Grundlagen</h3>" in page
    assert "Noch nicht bestanden" in page
    assert "1 von 2 erledigt" in page
    assert "„Einführung“ erneut ansehen" in page
    assert "„Wissenstest“ fortsetzen" in page
    assert "im Ansichtsmodus" in page
    assert "Punktzahl 0 %" not in page
