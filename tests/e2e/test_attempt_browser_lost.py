"""A browser that disappears mid-attempt loses nothing that was saved: the attempt resumes
in a new browser, and once its time is up the server closes and scores it with the saved
answers; answers sent after the deadline are not stored."""

import datetime as dt

import pytest
from django.utils import timezone

from assessments.models import Attempt
from lms.xapi import vocabulary
from lms.xapi.models import Statement
from tests.assessments.conftest import bank, make_assessment, questions  # noqa: F401
from tests.conftest import TEST_PASSWORD
from tests.e2e.conftest import browser_log_in
from tests.e2e.test_assessments import answer_everything

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _context(browser, live_server):
    # bypass_csp only lets the test evaluate its own probes; the pages keep their policy.
    return browser.new_context(base_url=live_server.url, locale="de-DE", bypass_csp=True)


def test_browser_lost_mid_attempt_resumes_then_server_closes_at_the_limit(
    browser,
    live_server,
    make_user,
    make_assessment,  # noqa: F811
):
    learner = make_user("verschwunden@example.org")
    assessment = make_assessment(time_limit_minutes=30)

    first = _context(browser, live_server)
    page = first.new_page()
    browser_log_in(page, learner.email, TEST_PASSWORD)
    page.goto(f"/assessments/{assessment.uuid}/")
    page.click("main form button[type=submit]")
    page.wait_for_selector("form.attempt-form")
    attempt = Attempt.objects.get(user=learner)
    answer_everything(page, attempt)
    page.wait_for_function(
        "document.querySelector('.autosave-status').textContent.includes('gespeichert')"
    )
    page.wait_for_timeout(1500)
    page.wait_for_function(
        "document.querySelector('.autosave-status').textContent.includes('gespeichert')"
    )
    saved = dict(attempt.answers.values_list("pk", "response"))
    assert all(response is not None for response in saved.values())
    first.close()  # the browser is gone: no submit, no unload handlers, no goodbye

    # A new browser (new session) resumes the same attempt with every saved answer.
    second = _context(browser, live_server)
    try:
        page = second.new_page()
        browser_log_in(page, learner.email, TEST_PASSWORD)
        page.goto(f"/assessments/{assessment.uuid}/")
        page.click("main form button[type=submit]")
        page.wait_for_selector("form.attempt-form")
        assert Attempt.objects.filter(user=learner).count() == 1
        assert f"/assessments/attempt/{attempt.uuid}/" in page.url
        numeric = attempt.answers.select_related("question").get(spec__type="numeric")
        assert page.input_value(f"#q_{numeric.question.uuid}-input") == "25"

        # The time limit passes while nobody is there (the clock is moved, not waited for).
        Attempt.objects.filter(pk=attempt.pk).update(
            deadline=timezone.now() - dt.timedelta(minutes=1)  # past the grace period too
        )
        # A late answer (typed after the limit, sent by autosave) is refused, not stored.
        page.fill(f"#q_{numeric.question.uuid}-input", "99")
        status = page.evaluate(
            """async (url) => {
                const data = new FormData(document.querySelector('form.attempt-form'));
                const response = await fetch(url, {method: 'POST', body: data});
                return response.status;
            }""",
            f"/assessments/attempt/{attempt.uuid}/autosave/",
        )
        assert status == 409
        page.reload()
        page.wait_for_selector(".result-summary")
        attempt.refresh_from_db()
        assert attempt.status == Attempt.Status.TIMED_OUT
        assert dict(attempt.answers.values_list("pk", "response")) == saved
        assert attempt.score_raw is not None and attempt.score_raw > 0
        verbs = set(Statement.objects.filter(user=learner).values_list("verb", flat=True))
        assert verbs & {vocabulary.PASSED.id, vocabulary.FAILED.id}
    finally:
        second.close()
