"""Legal status, sources and the review cycle of course content."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from wagtail.users.models import UserProfile

from courses import norms, rules, selectors, services
from courses.models import CourseReviewReminder, LessonReviewFlag
from courses.tasks import course_review_reminders
from lms.accounts.models import AuditLogEntry
from tests.conftest import log_in
from tests.courses.conftest import SAMPLE_BODY

pytestmark = pytest.mark.django_db

SOURCES = [
    {
        "kind": "norm",
        "label": "§ 35a VwVfG",
        "url": "https://www.gesetze-im-internet.de/vwvfg/__35a.html",
    },
    {
        "kind": "norm",
        "label": "§ 35 Abs. 1 Satz 3 SGB X",
        "url": "https://www.gesetze-im-internet.de/sgb_10/__35.html",
    },
    {
        "kind": "judgment",
        "label": "EuGH, Urt. v. 07.12.2023, C-634/21 (SCHUFA)",
        "url": "https://curia.europa.eu/juris/liste.jsf?num=C-634/21",
    },
]


@pytest.fixture
def trainer(make_user):
    return make_user("trainer@example.org", groups=("Learner", "Trainer"))


def _lesson(course, slug, sources, legal_status=dt.date(2026, 12, 4)):
    return services.lesson_create_or_update(
        course=course,
        title=f"Lektion {slug}",
        slug=slug,
        body=SAMPLE_BODY,
        legal_status=legal_status,
        sources=sources,
    )


# Legal status and sources on the lesson page -------------------------------------------


def test_the_lesson_page_shows_its_legal_status_and_linked_sources(make_course, learner):
    course = make_course(lessons=0)
    lesson = _lesson(course, "begruendung", SOURCES)
    body = log_in(Client(), learner).get(lesson.url).content.decode()
    assert 'Rechtsstand: <time datetime="2026-12-04">4. Dezember 2026</time>' in body
    assert 'href="https://www.gesetze-im-internet.de/vwvfg/__35a.html"' in body
    assert "§ 35a VwVfG" in body
    assert "Urteil" in body and "C-634/21" in body


def test_a_lesson_without_legal_status_shows_no_empty_section(make_course, learner):
    course = make_course(lessons=1)
    lesson = selectors.course_lessons(course=course)[0]
    body = log_in(Client(), learner).get(lesson.url).content.decode()
    assert "Rechtsstand" not in body


def test_a_source_needs_an_official_url(make_course):
    course = make_course(lessons=0)
    for url in ("javascript:alert(1)", "keine Adresse", ""):
        with pytest.raises(ValidationError):
            _lesson(course, "x", [{"kind": "norm", "label": "§ 1 VwVfG", "url": url}])
    with pytest.raises(ValidationError):
        _lesson(course, "y", [{"kind": "gesetz", "label": "§ 1 VwVfG", "url": SOURCES[0]["url"]}])
    assert not selectors.course_lessons(course=course)


# Review cycle ----------------------------------------------------------------------------


def test_review_due_dates_follow_the_interval():
    assert rules.months_added(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert rules.months_added(dt.date(2026, 12, 4), 12) == dt.date(2027, 12, 4)
    assert rules.review_due_on(last_reviewed_on=None, interval_months=12) is None


@pytest.fixture
def frozen(monkeypatch):
    """A clock that stands still at the moment given (Django's clock, not ours)."""

    def freeze(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return freeze


def test_the_owner_is_reminded_once_per_due_review_in_their_language(
    make_course, make_user, frozen
):
    owner = make_user("owner@example.org", groups=("Learner", "Trainer"))
    profile = UserProfile.get_for_user(owner)
    profile.preferred_language = "en"
    profile.save()
    start = dt.datetime(2026, 1, 10, 9, tzinfo=dt.UTC)
    frozen(start)
    course = make_course(lessons=1, content_owner=owner, review_interval_months=6)
    frozen(start + dt.timedelta(days=180))  # 9 July: not yet due
    assert course_review_reminders.delay().get() == 0
    frozen(dt.datetime(2026, 7, 10, 8, tzinfo=dt.UTC))
    assert course_review_reminders.delay().get() == 1
    assert course_review_reminders.delay().get() == 0  # the next day's run: nothing twice
    frozen(dt.datetime(2026, 7, 11, 8, tzinfo=dt.UTC))
    assert course_review_reminders.delay().get() == 0
    (message,) = mail.outbox
    assert message.to == ["owner@example.org"]
    assert message.subject == f"Content review due: {course.title}"
    assert f"/cms/pages/{course.pk}/edit/" in message.body
    (state,) = selectors.course_review_states(courses=[course])
    assert state.due and state.due_on == dt.date(2026, 7, 10)

    # The owner records the review: the next one is due six months later.
    services.course_review_complete(course=course, user=owner, note="KI-VO geprüft")
    (state,) = selectors.course_review_states(courses=[course])
    assert not state.due and state.due_on == dt.date(2027, 1, 11)
    assert state.last_review.reviewed_by == owner
    frozen(dt.datetime(2027, 1, 11, 8, tzinfo=dt.UTC))
    assert course_review_reminders.delay().get() == 1
    assert CourseReviewReminder.objects.filter(course=course).count() == 2
    assert AuditLogEntry.objects.filter(action="courses.review.completed").count() == 1


def test_a_german_owner_gets_a_german_reminder_and_nobody_without_an_owner(
    make_course, make_user, frozen
):
    owner = make_user("inhaber@example.org", groups=("Learner", "Trainer"))
    frozen(dt.datetime(2025, 1, 1, 9, tzinfo=dt.UTC))
    make_course(lessons=0, content_owner=owner, review_interval_months=12)
    make_course(lessons=0)  # no owner: shown as due in the admin, nobody to mail
    frozen(dt.datetime(2026, 1, 2, 9, tzinfo=dt.UTC))
    assert services.course_review_reminders_send() == 1
    assert mail.outbox[0].subject.startswith("Inhaltsüberprüfung fällig")


# A legal change marks lessons ------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "citation", "expected"),
    [
        ("§ 35a VwVfG", "§ 35a VwVfG", True),
        ("§35a  vwvfg", "§ 35a VwVfG", True),
        ("§ 35 SGB X", "§ 35 Abs. 1 Satz 3 SGB X", True),
        ("§ 35 Abs. 1 SGB X", "§ 35 Abs. 1 Satz 3 SGB X", True),
        ("§ 35 Abs. 2 SGB X", "§ 35 Abs. 1 Satz 3 SGB X", False),
        ("§ 35 VwVfG", "§ 35a VwVfG", False),
        ("§ 35 SGB X", "§ 35a VwVfG", False),
        ("Artikel 22 DSGVO", "Art. 22 Abs. 3 DSGVO", True),
        ("art 22 dsgvo", "Art. 22 DSGVO", True),
        ("Art. 2 DSGVO", "Art. 22 DSGVO", False),
        ("Art. 4 KI-VO", "Art. 4 KI-VO", True),
        ("c-634/21", "EuGH, Urt. v. 07.12.2023, C-634/21 (SCHUFA)", True),
    ],
)
def test_norm_citations_match_whatever_the_spelling(query, citation, expected):
    assert norms.norm_matches(query, citation) is expected


def test_a_trainer_marks_every_lesson_citing_a_norm_and_a_review_clears_it(make_course, trainer):
    course = make_course(lessons=0, title="Begründen")
    other = make_course(lessons=0, title="Datenschutz")
    citing = _lesson(course, "a", SOURCES)
    _lesson(course, "b", [SOURCES[1]])
    citing_too = _lesson(other, "c", [{**SOURCES[0], "label": "§ 35a  VWVFG"}])
    client = log_in(Client(), trainer)

    page = client.get("/cms/content-review/norm/", {"norm": "§35a VwVfG"}).content.decode()
    assert "Lektion a" in page and "Lektion c" in page and "Lektion b" not in page
    response = client.post(
        "/cms/content-review/norm/",
        {"norm": "§ 35a VwVfG", "lessons": [citing.pk, citing_too.pk], "note": "Neufassung"},
    )
    assert response.status_code == 302
    flagged = set(LessonReviewFlag.objects.values_list("lesson_id", flat=True))
    assert flagged == {citing.pk, citing_too.pk}
    entry = AuditLogEntry.objects.get(action="courses.lessons.marked_for_review")
    assert entry.subject_label == "§ 35a VwVfG"
    # Marking again changes nothing.
    client.post("/cms/content-review/norm/", {"norm": "§ 35a VwVfG", "lessons": [citing.pk]})
    assert LessonReviewFlag.objects.count() == 2

    edit = client.get(f"/cms/pages/{citing.pk}/edit/").content.decode()
    assert "Überprüfung nötig" in edit
    overview = client.get("/cms/content-review/").content.decode()
    assert "Rechtsänderung: Überprüfung nötig" in overview
    course_edit = client.get(f"/cms/pages/{course.pk}/edit/")
    assert course_edit.status_code == 200
    assert "Rechtsänderung: Überprüfung nötig" in course_edit.content.decode()
    assert f'<option value="{trainer.pk}">' in course_edit.content.decode()

    response = client.post(f"/cms/content-review/{course.pk}/review/", {"note": "geprüft"})
    assert response.status_code == 302
    assert not LessonReviewFlag.objects.filter(lesson=citing, resolved_at__isnull=True).exists()
    assert LessonReviewFlag.objects.get(lesson=citing).resolved_by == trainer
    # The other course's lesson still needs its review.
    assert LessonReviewFlag.objects.filter(lesson=citing_too, resolved_at__isnull=True).exists()


def test_marking_refuses_lessons_that_do_not_cite_the_norm(make_course, trainer):
    course = make_course(lessons=0)
    citing = _lesson(course, "a", SOURCES)
    unrelated = _lesson(course, "b", [SOURCES[2]])
    client = log_in(Client(), trainer)
    response = client.post(
        "/cms/content-review/norm/", {"norm": "§ 35a VwVfG", "lessons": [unrelated.pk]}
    )
    assert response.status_code == 200  # a form error, nothing marked
    assert not LessonReviewFlag.objects.exists()
    response = client.post("/cms/content-review/norm/", {"norm": "x" * 300, "lessons": [citing.pk]})
    assert response.status_code == 200
    assert not LessonReviewFlag.objects.exists()


def test_the_review_state_is_for_trainers_and_administrators_only(make_course, make_user, learner):
    course = make_course(lessons=1)
    hr = make_user("hr@example.org", groups=("Learner", "HR"))
    admin = make_user("admin@example.org", groups=("Administrator",))
    for person in (hr, learner):
        client = log_in(Client(), person)
        for url in ("/cms/content-review/", f"/cms/content-review/{course.pk}/review/"):
            assert client.get(url).status_code in (302, 403), (person, url)
        assert client.post(f"/cms/content-review/{course.pk}/review/").status_code in (302, 403)
    assert log_in(Client(), admin).get("/cms/content-review/").status_code == 200
    # Learners see no review state on the course or lesson pages.
    lesson = selectors.course_lessons(course=course)[0]
    services.lessons_mark_for_review(norm="§ 35a VwVfG", lessons=[lesson], user=admin)
    body = log_in(Client(), learner).get(lesson.url).content.decode()
    assert "Überprüfung" not in body


def test_a_course_whose_review_is_due_shows_trainers_it_is_under_review(make_course, trainer):
    course = make_course(lessons=1, content_owner=trainer)
    type(course).objects.filter(pk=course.pk).update(
        first_published_at=timezone.now() - dt.timedelta(days=400), review_interval_months=12
    )
    client = log_in(Client(), trainer)
    assert (
        "Überprüfung fällig – wird überprüft" in client.get("/cms/content-review/").content.decode()
    )
    services.course_review_complete(course=course, user=trainer)
    assert "wird überprüft" not in client.get("/cms/content-review/").content.decode()


def test_the_review_overview_runs_a_fixed_number_of_queries(
    make_course, trainer, django_assert_max_num_queries
):
    client = log_in(Client(), trainer)
    counts = []
    for n in (1, 4):
        for _ in range(n):
            course = make_course(lessons=1, content_owner=trainer)
            lesson = selectors.course_lessons(course=course)[0]
            services.lessons_mark_for_review(norm="§ 1 VwVfG", lessons=[lesson], user=trainer)
            services.course_review_complete(course=course, user=trainer)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get("/cms/content-review/").status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_an_erased_reviewer_is_no_longer_named_but_the_review_stays(make_course, trainer):
    from lms.accounts.personal_data import personal_data_export
    from lms.accounts.services import person_erase

    course = make_course(lessons=0)
    services.course_review_complete(course=course, user=trainer, note="geprüft")
    assert personal_data_export(user=trainer)["course_reviews"][0]["note"] == "geprüft"
    person_erase(user=trainer)
    (state,) = selectors.course_review_states(courses=[course])
    assert state.last_review.reviewed_by is None
    assert state.last_review.reviewed_by_label == ""
