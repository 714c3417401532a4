"""A learner takes, autosaves, resumes, submits and reviews an assessment in Chromium."""

import pytest

from assessments.models import Attempt
from lms.xapi import vocabulary
from lms.xapi.models import Statement
from tests.assessments.conftest import bank, make_assessment, questions  # noqa: F401
from tests.conftest import TEST_PASSWORD
from tests.e2e.conftest import axe_violations, browser_log_in

pytestmark = pytest.mark.django_db(transaction=True)


def answer_everything(page, attempt):
    for answer in attempt.answers.select_related("question").order_by("position"):
        spec, name = answer.spec, f"q_{answer.question.uuid}"
        kind = spec["type"]
        if kind == "single":
            key = next(o["key"] for o in spec["options"] if o["correct"])
            page.check(f"#{name}-{key}")
        elif kind == "multiple":
            for option in spec["options"]:
                if option["correct"]:
                    page.check(f"#{name}-{option['key']}")
        elif kind == "true_false":
            page.check(f"#{name}-{'true' if spec['correct'] else 'false'}")
        elif kind == "numeric":
            page.fill(f"#{name}-input", str(spec["answer"]).replace(".", ","))
        elif kind == "short_text":
            page.fill(f"#{name}-input", spec["accepted"][0])
        elif kind == "ordering":
            for position, item in enumerate(spec["items"], start=1):
                page.select_option(f"#{name}__{item['key']}", str(position))
        elif kind == "matching":
            for pair in spec["pairs"]:
                page.select_option(f"#{name}__{pair['key']}", pair["key"])


def test_take_autosave_resume_submit_and_review(page, make_user, make_assessment):  # noqa: F811
    learner = make_user("lea@example.org")
    assessment = make_assessment(time_limit_minutes=30)
    browser_log_in(page, "lea@example.org", TEST_PASSWORD)

    page.goto(f"/assessments/{assessment.uuid}/")
    assert axe_violations(page) == []
    page.click("main form button[type=submit]")
    page.wait_for_selector("form.attempt-form")
    assert axe_violations(page) == []
    attempt = Attempt.objects.get(user=learner)

    answer_everything(page, attempt)
    # Autosave (no button pressed) has stored everything; a reload shows it again.
    page.wait_for_function(
        "document.querySelector('.autosave-status').textContent.includes('gespeichert')"
    )
    page.wait_for_timeout(1500)
    page.wait_for_function(
        "document.querySelector('.autosave-status').textContent.includes('gespeichert')"
    )
    assert attempt.answers.filter(response__isnull=False).count() == 7
    page.reload()
    numeric = attempt.answers.select_related("question").get(spec__type="numeric")
    assert page.input_value(f"#q_{numeric.question.uuid}-input") == "25"
    assert page.locator(".attempt-timer").inner_text().startswith("Verbleibende Zeit")

    page.click("button[name=action][value=submit]")
    page.wait_for_selector(".result-summary")
    assert "Bestanden" in page.inner_text(".result-summary h2")
    assert "12 von 12 Punkten" in page.inner_text(".result-summary")
    assert "§ 35a VwVfG erlaubt ihn" in page.content()  # feedback in the review
    assert axe_violations(page) == []

    assert Statement.objects.filter(user=learner, verb=vocabulary.PASSED.id).count() == 1
    # Going back and submitting the old form again changes nothing.
    page.go_back()
    page.wait_for_load_state("networkidle")
    assert Statement.objects.filter(user=learner, verb=vocabulary.PASSED.id).count() == 1


def test_without_javascript_the_form_still_saves_and_submits(
    browser,
    live_server,
    make_user,
    make_assessment,  # noqa: F811
):
    make_user("ohne-js@example.org")
    assessment = make_assessment()
    context = browser.new_context(
        base_url=live_server.url, locale="de-DE", java_script_enabled=False
    )
    page = context.new_page()
    try:
        browser_log_in(page, "ohne-js@example.org", TEST_PASSWORD)
        page.goto(f"/assessments/{assessment.uuid}/")
        page.click("main form button[type=submit]")
        attempt = Attempt.objects.get(user__email="ohne-js@example.org")
        numeric = attempt.answers.select_related("question").get(spec__type="numeric")
        page.fill(f"#q_{numeric.question.uuid}-input", "zwölf")
        page.click("button[name=action][value=save]")
        assert "Bitte geben Sie eine Zahl ein" in page.content()
        page.fill(f"#q_{numeric.question.uuid}-input", "25")
        page.click("button[name=action][value=save]")
        assert "Ihre Antworten wurden gespeichert" in page.content()
        # Six questions are untouched: the server asks before submitting.
        page.click("button[name=action][value=submit]")
        assert "6 Fragen sind noch nicht beantwortet" in page.inner_text(".confirm-submit")
        assert Attempt.objects.get(pk=attempt.pk).is_open
        page.click("button[name=action][value=submit_anyway]")
        assert "Nicht bestanden" in page.inner_text(".result-summary h2")
    finally:
        context.close()


def test_counter_follows_autosave_and_submitting_asks_about_unanswered_questions(
    page,
    make_user,
    make_assessment,  # noqa: F811
):
    learner = make_user("lina@example.org")
    assessment = make_assessment()
    browser_log_in(page, "lina@example.org", TEST_PASSWORD)
    page.goto(f"/assessments/{assessment.uuid}/")
    page.click("main form button[type=submit]")
    page.wait_for_selector("form.attempt-form")
    attempt = Attempt.objects.get(user=learner)
    assert page.inner_text("#attempt-answered") == "0 von 7 beantwortet"

    numeric = attempt.answers.select_related("question").get(spec__type="numeric")
    page.fill(f"#q_{numeric.question.uuid}-input", "25")
    page.wait_for_function(
        "document.querySelector('#attempt-answered').textContent === '1 von 7 beantwortet'"
    )
    # Touching one position of the ordering question is not an answer yet; the untouched
    # selects start empty.
    ordering = attempt.answers.select_related("question").get(spec__type="ordering")
    first = f"#q_{ordering.question.uuid}__{ordering.presented_order[0]}"
    assert page.input_value(first) == ""

    dialogs = []

    def dismiss(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    page.click("button[name=action][value=submit]")
    page.wait_for_function("true")
    page.wait_for_timeout(500)
    assert dialogs and "6 von 7 Fragen sind nicht beantwortet" in dialogs[0]
    assert Attempt.objects.get(pk=attempt.pk).is_open
    assert page.locator("form.attempt-form").count() == 1

    page.once("dialog", lambda dialog: dialog.accept())
    page.click("button[name=action][value=submit]")
    page.wait_for_selector(".result-summary")
    assert not Attempt.objects.get(pk=attempt.pk).is_open
    assert "Nicht beantwortet" in page.content()
