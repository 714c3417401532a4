"""No page is wider than the window, on a phone (390 px) and a laptop (1280 px): wide
tables scroll inside their own container, long words wrap."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP

from competencies.demo import load_frameworks
from competencies.selectors import competency_get_by_ref
from competencies.services import competency_self_assess, competency_validate
from courses import selectors as course_selectors
from courses import services as course_services
from lms.accounts.models import JobRole, OrgUnitResponsibility
from lms.accounts.services import responsibility_grant
from tests.conftest import TEST_PASSWORD, TOTP_SECRET, current_totp
from tests.courses.conftest import SAMPLE_BODY, course_index  # noqa: F401
from tests.e2e.conftest import browser_log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# A real role name of the kind that has no place to break.
LONG_ROLE = "Unterhaltsvorschusssachbearbeitungsverantwortliche (Grundsatzangelegenheiten)"
WIDTHS = (390, 1280)
OVERFLOW = "document.documentElement.scrollWidth <= window.innerWidth"
WIDE_ELEMENTS = """[...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
    .filter((el) => {
        for (let up = el.parentElement; up; up = up.parentElement) {
            if (getComputedStyle(up).overflowX !== "visible") return false;
        }
        return true;
    })
    .slice(0, 8)
    .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`)"""


@pytest.fixture
def world(make_unit, make_user, make_role, course_index):  # noqa: F811
    make_role(code="sachbearbeitung", name=LONG_ROLE)
    make_role(code="nachwuchskraft", name="Nachwuchskraft")
    load_frameworks()
    case = JobRole.objects.get(code="sachbearbeitung")
    agency = make_unit("Landesamt für Familie und Soziales", kind="agency", code="agency")
    units = [
        make_unit(f"Referat {name}", parent=agency, code=f"ref-{index}")
        for index, name in enumerate(("Wohngeld", "Elterngeld", "Unterhaltsvorschuss"))
    ]
    trainer = make_user(groups=("Learner", "Trainer"), org_unit=agency)
    qd1 = competency_get_by_ref("qd:QD.1")
    for unit in units:
        for index in range(6):
            person = make_user(org_unit=unit, job_roles=[case])
            competency_validate(user=person, competency=qd1, rank=2 + index % 3, validator=trainer)
    # A unit too small to report: its cells are hidden, with a label for screen readers.
    small = make_unit("Stabsstelle Digitalisierung", parent=units[0], code="stab")
    for _index in range(2):
        make_user(org_unit=small, job_roles=[case])
    learner = make_user("lea@example.org", org_unit=units[0], job_roles=[case])
    competency_self_assess(user=learner, competency=qd1, rank=5)
    hr = make_user("hr@example.org", groups=("Learner", "HR"), org_unit=agency)
    TOTP.activate(hr, TOTP_SECRET)
    responsibility_grant(user=hr, org_unit=agency, kind=OrgUnitResponsibility.Kind.HR)

    course = course_services.course_create_or_update(
        index=course_index,
        title="Automatisierte Bescheide verständlich erklären",
        slug="bescheide",
        summary="Wie eine automatisierte Entscheidung für Bürgerinnen und Bürger lesbar wird.",
        objectives=["Sie können eine automatisierte Entscheidung erklären."],
        duration_minutes=95,
        audience_roles=[case],
    )
    lesson = course_services.lesson_create_or_update(
        course=course, title="Eine Entscheidung erklären", slug="erklaeren", body=SAMPLE_BODY
    )
    course_services.course_continue(user=learner, course=course)
    return {"course": course, "lesson": lesson, "learner": learner}


def _assert_fits(page, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(path)
    assert response.status == 200, path
    page.wait_for_load_state("networkidle")
    # On failure, name the elements that stick out (outermost first).
    wide = page.evaluate(WIDE_ELEMENTS) if not page.evaluate(OVERFLOW) else []
    assert page.evaluate(OVERFLOW), f"{path} at {width} px: {wide}"


@pytest.mark.parametrize("width", WIDTHS)
def test_learner_pages_fit_the_window(page, world, width):
    browser_log_in(page, "lea@example.org", TEST_PASSWORD)
    lesson = course_selectors.course_lessons(course=world["course"])[0]
    for path in ("/learn/", world["course"].url, lesson.url, "/competencies/me/"):
        _assert_fits(page, path, width)
    page.goto(lesson.url)
    assert page.locator(".decision").count() == 1  # the decision explainer is on the page
    # The long role name wraps inside the course's sidebar.
    page.goto(world["course"].url)
    inside = page.evaluate(
        """() => {
            const aside = document.querySelector('.course-layout__aside');
            const box = aside.getBoundingClientRect();
            return [...aside.querySelectorAll('dd')].every(
                (dd) => dd.scrollWidth <= dd.clientWidth + 1
                    && dd.getBoundingClientRect().right <= box.right + 1);
        }"""
    )
    assert inside


@pytest.mark.parametrize("width", WIDTHS)
def test_hr_reports_fit_the_window_and_the_heatmap_scrolls_in_its_box(page, world, width):
    browser_log_in(page, "hr@example.org", TEST_PASSWORD)
    page.fill("input[name=code]", current_totp())
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    _assert_fits(page, "/competencies/reports/", width)
    box = page.evaluate(
        """() => {
            const wrap = document.querySelector('#heatmap-table').parentElement;
            return [wrap.clientWidth, wrap.scrollWidth, getComputedStyle(wrap).overflowX];
        }"""
    )
    assert box[0] <= width
    assert box[2] == "auto"
    assert page.locator("#heatmap-table td.heat--hidden").count() > 0
