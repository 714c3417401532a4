"""Hostile values for a course's validity period in the editor: a form error, never a 500,
and nothing saved."""

import pytest
from django.test import Client
from django.urls import reverse

from courses.models import CoursePage
from tests.conftest import log_in
from tests.courses.test_preview import _course_form

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "value",
    ["0", "-1", "121", "99999999999999999999", "zwölf", "1.5", "1e3", "<script>", "\x00", " "],
)
def test_hostile_validity_is_a_form_error(value, make_course, make_user):
    course = make_course(lessons=0)
    client = log_in(Client(), make_user("trainer@example.org", groups=("Learner", "Trainer")))
    data = _course_form(course)
    data["validity_months"] = value
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[course.pk])
    response = client.post(url, data)
    assert response.status_code == 200
    if value.strip():
        assert response.json()["is_valid"] is False
    edit = client.post(reverse("wagtailadmin_pages:edit", args=[course.pk]), data)
    assert edit.status_code in (200, 302)
    course.refresh_from_db()
    assert CoursePage.objects.get(pk=course.pk).validity_months is None


def test_a_sound_validity_is_accepted(make_course, make_user):
    course = make_course(lessons=0)
    client = log_in(Client(), make_user("trainer@example.org", groups=("Learner", "Trainer")))
    data = _course_form(course)
    data["validity_months"] = "24"
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[course.pk])
    assert client.post(url, data).json()["is_valid"] is True
