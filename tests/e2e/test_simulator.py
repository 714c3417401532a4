"""The decision simulator in Chromium: a learner's walk with and without JavaScript, axe,
and a trainer authoring one in the Wagtail editor."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP

from courses import services
from courses.models import LessonPage
from lms.demo.content.simulators import PARKING
from lms.home.services import site_root_ensure
from lms.xapi import vocabulary
from lms.xapi.models import Statement
from tests.conftest import TEST_PASSWORD, TOTP_SECRET, current_totp
from tests.e2e.conftest import axe_violations, browser_log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

EXPLANATION = (
    "Sehr geehrter Herr Yilmaz, Sie erhalten den Bewohnerparkausweis nach § 45 Abs. 1b "
    "StVO. Sie wohnen mit Hauptwohnsitz im Gebiet. Sie sind Halter des Fahrzeugs und haben "
    "0 Ausweise. Sie können innerhalb eines Monats Widerspruch erheben. Fragen beantwortet "
    "das Bürgerbüro, Telefon 0341 123-4567."
)


@pytest.fixture
def simulator_lesson():
    index = services.course_index_create_or_update(
        parent=site_root_ensure(), title="Kurse", slug="kurse"
    )
    course = services.course_create_or_update(
        index=index,
        title="Entscheidungen erklären",
        slug="erklaeren",
        summary="Bescheide verständlich begründen.",
        objectives=["Sie erklären Entscheidungen."],
        duration_minutes=60,
    )
    lesson = services.lesson_create_or_update(
        course=course,
        title="Bewohnerparken",
        slug="bewohnerparken",
        body=[("heading", {"text": "Ein Fall aus dem Bürgerbüro", "level": "h2"})],
    )
    block = lesson.body.stream_block.child_blocks["decision_simulator"]
    return services.lesson_block_append(
        lesson=lesson, block_type="decision_simulator", value=block.to_python(PARKING)
    )


def _explain(page):
    page.get_by_label("Schreiben Sie Herrn Yilmaz").fill(EXPLANATION)
    page.get_by_role("button", name="Meine Erklärung prüfen").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("heading", name="Rückmeldung zu Ihrer Erklärung").is_visible()
    assert "5 von 5 Prüfungen erfüllt" in page.content()
    assert page.get_by_role("heading", name="Die Musterlösung der Lehrenden").is_visible()
    assert axe_violations(page) == []


def test_learner_walk_with_javascript(page, make_user, simulator_lesson):
    make_user("lea@example.org")
    browser_log_in(page, "lea@example.org", TEST_PASSWORD)
    page.goto(simulator_lesson.url)
    page.wait_for_load_state("networkidle")
    outcome = page.locator("[data-simulator-outcome]")
    assert "Erteilung des Bewohnerparkausweises" in outcome.inner_text()
    # The button is for pages without the script; changes decide at once.
    assert page.get_by_role("button", name="Diesen Fall entscheiden").is_hidden()
    assert axe_violations(page) == []
    url = page.url
    # Keyboard only: focus the yes/no fact and toggle it with the space bar.
    page.get_by_label("Hauptwohnsitz im Bewohnerparkgebiet").focus()
    page.keyboard.press("Space")
    announce = page.locator("[data-simulator-announce]")
    announce.filter(has_text="kein Bewohner des Gebiets").wait_for(state="attached")
    assert "Ablehnung: kein Bewohner des Gebiets" in outcome.inner_text()
    assert page.url == url
    path = page.locator("ol.simulator__path li")
    assert path.count() == 1 and "trifft zu" in path.first.inner_text()
    page.keyboard.press("Space")
    outcome.filter(has_text="Erteilung").wait_for()
    page.get_by_label("Beziehung zum Fahrzeug").select_option("dauer")
    # The explanation form carries the case once the server has decided it.
    page.wait_for_function(
        "() => document.querySelector(\"[data-case='in-fahrzeug']\").value === 'dauer'"
    )
    page.locator("summary", has_text="Was müsste sich ändern?").click()
    page.locator(
        "details.simulator__counterfactuals li",
        has_text="Bereits erteilte Bewohnerparkausweise: 0 → 1",
    ).wait_for()
    _explain(page)
    answered = Statement.objects.get(verb=vocabulary.ANSWERED.id)
    case = Statement.objects.get(verb=vocabulary.INTERACTED.id).data["result"]["extensions"]
    assert case[vocabulary.EXT_SIMULATOR_CASE]["inputs"]["fahrzeug"] == "dauer"
    assert case[vocabulary.EXT_SIMULATOR_EXPLORED] >= 3
    assert answered.data["result"]["success"] is True


def test_learner_walk_without_javascript(browser, live_server, make_user, simulator_lesson):
    make_user("lea@example.org")
    context = browser.new_context(
        base_url=live_server.url, locale="de-DE", java_script_enabled=False, bypass_csp=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    browser_log_in(page, "lea@example.org", TEST_PASSWORD)
    page.goto(simulator_lesson.url)
    page.get_by_label("Hauptwohnsitz im Bewohnerparkgebiet").uncheck()
    page.get_by_role("button", name="Diesen Fall entscheiden").click()
    page.wait_for_load_state()
    assert (
        "Ablehnung: kein Bewohner des Gebiets"
        in page.locator("[data-simulator-outcome]").inner_text()
    )
    page.get_by_label("Hauptwohnsitz im Bewohnerparkgebiet").check()
    page.get_by_label("Bereits erteilte Bewohnerparkausweise").fill("5")
    page.get_by_role("button", name="Diesen Fall entscheiden").click()
    page.wait_for_load_state()
    assert "außerhalb des zulässigen Bereichs" in page.content()
    page.get_by_label("Bereits erteilte Bewohnerparkausweise").fill("0")
    page.get_by_role("button", name="Diesen Fall entscheiden").click()
    page.wait_for_load_state()
    assert (
        "Erteilung des Bewohnerparkausweises"
        in page.locator("[data-simulator-outcome]").inner_text()
    )
    page.get_by_label("Schreiben Sie Herrn Yilmaz").fill(EXPLANATION)
    page.get_by_role("button", name="Meine Erklärung prüfen").click()
    page.wait_for_load_state()
    assert "5 von 5 Prüfungen erfüllt" in page.content()
    context.close()
    assert Statement.objects.filter(verb=vocabulary.ANSWERED.id).count() == 1


def test_trainer_authors_a_simulator_and_sees_a_validation_error(page, make_user, simulator_lesson):
    trainer = make_user("trainer@example.org", groups=("Learner", "Trainer"))
    if not Authenticator.objects.filter(user=trainer).exists():
        TOTP.activate(trainer, TOTP_SECRET)
    browser_log_in(page, "trainer@example.org", TEST_PASSWORD)
    page.fill("input[name=code]", current_totp())
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    course = simulator_lesson.get_parent()

    page.goto(f"/cms/pages/add/courses/lessonpage/{course.pk}/")
    page.wait_for_load_state("networkidle")
    page.fill("#id_title", "Hundesteuer")
    page.locator("[data-streamfield-stream-container] button[title]").first.click()
    page.get_by_role("option", name="Entscheidungssimulator").first.click()
    page.locator("input[name='body-0-value-title']").fill("Ermäßigung der Hundesteuer")
    page.locator("[data-contentpath='case'] [role=textbox]").first.fill(
        "Frau Roth beantragt eine Ermäßigung."
    )
    # Lists open with one empty item (an input, a rule with one condition).
    inputs = "body-0-value-inputs-0-value"
    page.locator(f"input[name='{inputs}-key']").fill("hilfe")
    page.locator(f"input[name='{inputs}-label']").fill("Bezieht Sozialhilfe")
    page.locator(f"select[name='{inputs}-kind']").select_option("boolean")
    page.locator(f"input[name='{inputs}-start']").fill("nein")
    rule = "body-0-value-rules-0-value"
    page.locator(f"input[name='{rule}-label']").fill("Sozialhilfe bezogen")
    condition = f"{rule}-conditions-0-value"
    page.locator(f"input[name='{condition}-input']").fill("hilfe")
    page.locator(f"select[name='{condition}-operator']").select_option("is_true")
    page.locator(f"input[name='{rule}-outcome']").fill("Ermäßigung gewährt")
    page.locator(f"input[name='{rule}-legal_basis']").fill("§ 5 Hundesteuersatzung")
    # The editor keeps its content in a hidden input (Draftail's raw content state).
    page.evaluate(
        """() => { document.querySelector("input[name='body-0-value-model_answer']").value =
        JSON.stringify({blocks: [{key: "m1", text: "Sehr geehrte Frau Roth, …",
        type: "unstyled", depth: 0, inlineStyleRanges: [], entityRanges: [], data: {}}],
        entityMap: {}}); }"""
    )
    page.evaluate("() => { document.querySelector('#id_slug').value = 'hundesteuer'; }")
    # Trainers submit to the release ("Kursfreigabe"); the editor validates either way.
    with page.expect_navigation():
        page.locator("button[name=action-submit]").dispatch_event("click")
    page.wait_for_load_state("networkidle")
    # Only "yes" is decided: the editor names the uncovered case.
    assert "Keine Regel entscheidet den Fall Bezieht Sozialhilfe: nein" in page.content()
    assert not LessonPage.objects.filter(slug="hundesteuer").exists()

    # Fix: a second rule for "no" (the rules list's add button after the first rule).
    page.locator("[data-contentpath='rules'] [data-streamfield-list-add]").last.click()
    rule2 = "body-0-value-rules-1-value"
    page.locator(f"input[name='{rule2}-label']").fill("Keine Sozialhilfe")
    condition2 = f"{rule2}-conditions-0-value"
    page.locator(f"input[name='{condition2}-input']").fill("hilfe")
    page.locator(f"select[name='{condition2}-operator']").select_option("is_false")
    page.locator(f"input[name='{rule2}-outcome']").fill("Ermäßigung abgelehnt")
    page.locator(f"input[name='{rule2}-legal_basis']").fill("§ 5 Hundesteuersatzung")
    with page.expect_navigation():
        page.locator("button[name=action-submit]").dispatch_event("click")
    page.wait_for_url(lambda url: "/add/" not in url)
    page.wait_for_load_state("networkidle")
    lesson = LessonPage.objects.get(slug="hundesteuer")
    assert not lesson.live and lesson.workflow_in_progress  # waits for a reviewer
    assert lesson.body[0].block_type == "decision_simulator"
    assert len(lesson.body[0].value["rules"]) == 2
