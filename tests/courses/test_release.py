"""The "Kursfreigabe" release rules: trainers submit, a second person (Reviewer) releases.

The browser walk is in ``tests/e2e/test_course_release.py``; these tests hold the rules
through Wagtail's admin views and models.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.test import Client
from wagtail.models import GroupPagePermission, Page, TaskState, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from courses import services
from courses.models import CoursePage, CourseReviewTask
from lms.accounts.groups import ensure_permission_groups
from tests.conftest import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(make_user):
    return {
        "trainer": make_user("trainer@example.org", groups=("Learner", "Trainer")),
        "reviewer": make_user("freigabe@example.org", groups=("Learner", "Reviewer")),
        "both": make_user("beides@example.org", groups=("Learner", "Trainer", "Reviewer")),
    }


@pytest.fixture
def draft(course_index, people):
    return services.course_create_or_update(
        index=course_index,
        title="Automatisierte Bescheide erklären",
        slug="bescheide",
        summary="Noch nicht freigegeben.",
        publish=False,
        user=people["trainer"],
    )


def _form(course, **actions):
    data = nested_form_data(
        {
            "title": course.title,
            "slug": course.slug,
            "summary": course.summary,
            "objectives": streamfield([]),
            "duration_minutes": "60",
            "final_assessment": "",
            "develops": inline_formset([]),
            "content_owner": "",
            "review_interval_months": "12",
            "comments": inline_formset([]),
        }
    )
    data.update(actions)
    return data


def _edit_url(page):
    return f"/cms/pages/{page.pk}/edit/"


def test_trainers_hold_no_publish_permission_and_earlier_grants_are_revoked(groups):
    trainer = Group.objects.get(name="Trainer")
    root = Page.get_first_root_node()
    codenames = set(
        GroupPagePermission.objects.filter(group=trainer).values_list(
            "permission__codename", flat=True
        )
    )
    assert codenames == {"add_page", "change_page"}
    # An installation set up by an earlier version: ensuring the groups (on migrate) revokes it.
    publish = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    GroupPagePermission.objects.create(group=trainer, page=root, permission=publish)
    ensure_permission_groups()
    assert not GroupPagePermission.objects.filter(group=trainer, permission=publish).exists()
    assert Group.objects.filter(name="Reviewer").exists()


def test_the_course_section_is_under_the_release_workflow(course_index):
    workflow = WorkflowPage.objects.get(page=course_index).workflow
    assert workflow.name == "Kursfreigabe" and workflow.active
    (task,) = [t.specific for t in workflow.tasks.filter(active=True)]
    assert isinstance(task, CourseReviewTask)
    assert list(task.groups.values_list("name", flat=True)) == ["Reviewer"]


def test_a_trainer_cannot_publish_and_a_publish_post_only_saves(draft, people):
    client = log_in(Client(), people["trainer"])
    edit = client.get(_edit_url(draft))
    assert edit.status_code == 200
    html = edit.content.decode()
    assert 'name="action-publish"' not in html
    assert 'name="action-submit"' in html
    response = client.post(_edit_url(draft), _form(draft, **{"action-publish": "action-publish"}))
    assert response.status_code in (200, 302)
    draft.refresh_from_db()
    assert not draft.live and draft.live_revision is None
    assert not WorkflowState.objects.exists()


def test_submit_leaves_the_page_unpublished_with_a_task_for_the_reviewers(draft, people):
    client = log_in(Client(), people["trainer"])
    response = client.post(_edit_url(draft), _form(draft, **{"action-submit": "action-submit"}))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert not draft.live
    state = WorkflowState.objects.get(object_id=str(draft.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.status == TaskState.STATUS_IN_PROGRESS
    assert list(TaskState.objects.reviewable_by(people["reviewer"])) == [state.current_task_state]
    assert not TaskState.objects.reviewable_by(people["trainer"]).exists()


def test_nobody_approves_their_own_submission(draft, people):
    """Four eyes: a person who is trainer and reviewer cannot release what they submitted."""
    both = log_in(Client(), people["both"])
    both.post(_edit_url(draft), _form(draft, **{"action-submit": "action-submit"}))
    state = WorkflowState.objects.get(object_id=str(draft.pk))
    task_state = state.current_task_state
    assert not TaskState.objects.reviewable_by(people["both"]).exists()
    approve = both.post(
        _edit_url(draft),
        _form(draft, **{"action-workflow-action": "true", "workflow-action-name": "approve"}),
    )
    assert approve.status_code in (200, 302)
    draft.refresh_from_db()
    task_state.refresh_from_db()
    assert not draft.live and task_state.status == TaskState.STATUS_IN_PROGRESS
    with pytest.raises(PermissionDenied):
        task_state.task.specific.on_action(task_state, people["both"], "approve")

    # Another reviewer releases it.
    reviewer = log_in(Client(), people["reviewer"])
    reviewer.post(
        _edit_url(draft),
        _form(draft, **{"action-workflow-action": "true", "workflow-action-name": "approve"}),
    )
    draft = CoursePage.objects.get(pk=draft.pk)
    assert draft.live


def test_the_platforms_own_set_up_publishes_pages_a_trainer_authored(course_index, people):
    """The demo names the trainer persona as author; set-up is not a publish by that person."""
    course = services.course_create_or_update(
        index=course_index, title="Demo", slug="demo", summary="Demo.", user=people["trainer"]
    )
    assert CoursePage.objects.get(pk=course.pk).live
