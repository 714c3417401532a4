"""The "Kursfreigabe" walk in Chromium: a trainer submits, a second person releases.

Trainer submits a new course → it stays unpublished with a task waiting → the reviewer
finds the task on the dashboard and approves → the course is live and a learner sees it.
And the other way: the reviewer requests changes with a comment → back to the author, who
reads the comment; the page is not live.
"""

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from wagtail.models import TaskState, WorkflowState

from courses import services
from courses.models import CoursePage
from lms.accounts.groups import ensure_permission_groups
from lms.home.services import site_root_ensure
from tests.conftest import TEST_PASSWORD, TOTP_SECRET, current_totp
from tests.courses.conftest import root_collection  # noqa: F401
from tests.e2e.conftest import browser_log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SCREENSHOTS = None  # set to a folder to keep screenshots of the walk


@pytest.fixture
def release(root_collection, make_user):  # noqa: F811
    # A transactional test before this one may have flushed the page tree: grant the
    # trainers' page permissions on the root that exists now.
    home = site_root_ensure()
    ensure_permission_groups()
    trainer = make_user("trainer@example.org", groups=("Learner", "Trainer"))
    reviewer = make_user("freigabe@example.org", groups=("Learner", "Reviewer"))
    for person in (trainer, reviewer):
        TOTP.activate(person, TOTP_SECRET)
    learner = make_user("lea@example.org")
    index = services.course_index_create_or_update(parent=home, title="Kurse", slug="kurse")
    course = services.course_create_or_update(
        index=index,
        title="Automatisierte Bescheide erklären",
        slug="bescheide",
        summary="Wie man eine automatisierte Entscheidung begründet.",
        publish=False,
        user=trainer,
    )
    return {"trainer": trainer, "reviewer": reviewer, "learner": learner, "course": course}


def _admin_log_in(browser, live_server, email):
    context = browser.new_context(base_url=live_server.url, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto("/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/accounts/2fa/authenticate/")
    page.fill("input[name=code]", current_totp())
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    return page


def _footer_action(page, selector):
    """Open the editor's action menu and press the action this selector finds."""
    page.locator("footer .w-dropdown-button .w-dropdown__toggle").click()
    page.locator(f"footer {selector}").click()


SUBMIT = "button[name=action-submit]"
APPROVE = "[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
REQUEST_CHANGES = "[data-workflow-action-name=reject]"


def _shot(page, name):
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


def _trainer_submits(browser, live_server, course):
    page = _admin_log_in(browser, live_server, "trainer@example.org")
    page.goto(f"/cms/pages/{course.pk}/edit/")
    # No way to publish: the trainer can only save or submit.
    assert page.locator("footer button[name=action-publish]").count() == 0
    assert page.locator(f"footer {SUBMIT}").inner_text().strip() == "In Kursfreigabe einreichen"
    _footer_action(page, SUBMIT)
    page.wait_for_load_state("networkidle")
    _shot(page, "1-trainer-submitted")
    return page


def _reviewer_opens_the_task(browser, live_server, course):
    page = _admin_log_in(browser, live_server, "freigabe@example.org")
    page.goto("/cms/")
    review = page.locator("section", has_text="Ihre Überprüfung steht aus")
    assert review.get_by_text(course.title).count() >= 1
    _shot(page, "2-reviewer-dashboard")
    page.goto(f"/cms/pages/{course.pk}/edit/")
    return page


def test_a_submitted_course_goes_live_only_when_a_reviewer_approves(
    browser, live_server, release, client
):
    course = release["course"]
    trainer_page = _trainer_submits(browser, live_server, course)
    course.refresh_from_db()
    assert not course.live
    state = WorkflowState.objects.get(object_id=str(course.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.status == TaskState.STATUS_IN_PROGRESS
    # The trainer cannot approve their own submission.
    trainer_page.goto(f"/cms/pages/{course.pk}/edit/")
    assert trainer_page.locator("footer [data-workflow-action-name]").count() == 0
    trainer_page.context.close()

    learner = browser.new_context(base_url=live_server.url, locale="de-DE").new_page()
    browser_log_in(learner, "lea@example.org", TEST_PASSWORD)
    assert learner.goto(course.url).status == 404

    reviewer_page = _reviewer_opens_the_task(browser, live_server, course)
    _footer_action(reviewer_page, APPROVE)
    reviewer_page.wait_for_url("**/cms/")
    reviewer_page.wait_for_load_state("networkidle")
    # Back on the dashboard, without a "no access" error for the page listing.
    assert "keinen Zugang" not in reviewer_page.content()
    _shot(reviewer_page, "3-reviewer-approved")
    reviewer_page.context.close()

    course.refresh_from_db()
    assert course.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    response = learner.goto(course.url)
    assert response.status == 200
    assert "Automatisierte Bescheide erklären" in learner.content()
    _shot(learner, "4-learner-sees-the-course")
    learner.context.close()


def test_a_reviewer_requests_changes_with_a_comment_and_the_author_reads_it(
    browser, live_server, release
):
    course = release["course"]
    # The author stays signed in (a TOTP code is accepted once per 30-second window).
    author = _trainer_submits(browser, live_server, course)

    reviewer_page = _reviewer_opens_the_task(browser, live_server, course)
    _footer_action(reviewer_page, REQUEST_CHANGES)
    modal = reviewer_page.locator(".modal-dialog, [role=dialog]").filter(
        has=reviewer_page.locator("textarea")
    )
    modal.locator("textarea").fill("Bitte die Rechtsgrundlage (§ 35a VwVfG) ergänzen.")
    modal.locator("button[type=submit]").click()
    reviewer_page.wait_for_load_state("networkidle")
    reviewer_page.context.close()

    course = CoursePage.objects.get(pk=course.pk)
    assert not course.live
    state = WorkflowState.objects.get(object_id=str(course.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Bitte die Rechtsgrundlage (§ 35a VwVfG) ergänzen."

    author.goto(f"/cms/pages/{course.pk}/edit/")
    assert "Änderungen angefordert" in author.content()
    author.goto(f"/cms/pages/{course.pk}/workflow_history/")
    author.get_by_role("link", name="Kursfreigabe").first.click()
    author.wait_for_url("**/workflow_history/detail/**")
    author.get_by_text("Bitte die Rechtsgrundlage (§ 35a VwVfG) ergänzen.").first.wait_for()
    _shot(author, "5-author-reads-the-comment")
    author.context.close()
