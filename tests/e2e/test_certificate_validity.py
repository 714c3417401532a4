"""A certificate whose validity has ended, in Chromium: the learner's course page and the
public verification page say so, and both stay accessible."""

import datetime as dt

import pytest
from django.utils import timezone

from courses import selectors, services
from courses.models import Certificate, CourseProgress
from lms.home.services import site_root_ensure
from tests.conftest import TEST_PASSWORD
from tests.e2e.conftest import axe_violations, browser_log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_expired_certificate_on_course_page_and_verification(page, make_user):
    index = services.course_index_create_or_update(
        parent=site_root_ensure(), title="Kurse", slug="kurse"
    )
    course = services.course_create_or_update(
        index=index,
        title="KI-Kompetenz nach Art. 4 KI-VO",
        slug="ki-kompetenz",
        summary="Grundlagen für alle, die KI-Systeme im Dienst nutzen.",
        validity_months=12,
    )
    services.lesson_create_or_update(
        course=course, title="Was KI-Systeme sind", slug="ki-systeme", body=[]
    )
    learner = make_user("lea@example.org", first_name="Lea", last_name="Lindner")
    services.lesson_complete(user=learner, lesson=selectors.course_lessons(course=course)[0])
    long_ago = timezone.now() - dt.timedelta(days=800)
    CourseProgress.objects.filter(user=learner).update(completed_at=long_ago)
    Certificate.objects.filter(user=learner).update(issued_at=long_ago)
    certificate = Certificate.objects.select_related("course").get(user=learner)
    last_day = certificate.valid_through.strftime("%d.%m.%Y")

    browser_log_in(page, "lea@example.org", TEST_PASSWORD)
    page.goto(course.url)
    validity = page.locator(".certificate-validity")
    assert "Abgelaufen" in validity.inner_text()
    assert f"Zertifikat gültig bis {last_day}" in validity.inner_text()

    page.goto(f"/learn/certificates/verify/?code={certificate.code}")
    heading = page.locator("#verify-result-heading")
    assert "Abgelaufen" in heading.inner_text()
    assert "Gültigkeit ist jedoch abgelaufen" in heading.inner_text()
    assert last_day in page.locator("main dl").inner_text()
    assert axe_violations(page) == []
