"""Demo courses and learning activity, built through the services trainers and learners use.

``load_courses_demo`` turns the German content in ``lms.demo.content`` (see its docstring)
into the page tree, question banks, knowledge checks, final assessments and curricula.
``load_courses_activity_demo`` lets the demo colleagues enrol and work through their
curricula, so the dashboard, the course analytics and the HR reports show real data.
Both are idempotent: what exists already is kept.
"""

import datetime as dt
import importlib
import random

from django.utils import timezone

from assessments import services as assessment_services
from competencies import selectors as competency_selectors
from courses import selectors, services
from courses.models import CoursePage, Enrolment, LessonPage
from courses.services import CurriculumEntry
from lms.accounts.selectors import job_roles_by_code
from lms.home.services import site_root_ensure

CONTENT_MODULES = ("lms.demo.content.data_literacy", "lms.demo.content.automated_decisions")
# Blocks added to lessons of the courses above: (course slug, lesson slug, block value).
SIMULATOR_MODULE = "lms.demo.content.simulators"
SEED = 4242

INDEX_INTRO = (
    "<p>Kurse für alle, die in der Verwaltung mit Daten arbeiten und automatisierte "
    "Entscheidungen verantworten oder erklären: von der Datenqualität über den Datenschutz "
    "im Alltag bis zur KI-Verordnung.</p>"
)

# Role curricula: which job role, its title and description, and how many days after
# joining the role the required courses are due.
ROLE_CURRICULA = [
    (
        "sachbearbeitung",
        "Pflichtprogramm Sachbearbeitung",
        "Was Sachbearbeiterinnen und Sachbearbeiter brauchen, um Daten sicher zu lesen, "
        "personenbezogene Daten im Alltag zu schützen und automatisiert erlassene Bescheide "
        "gegenüber Bürgerinnen und Bürgern zu erklären. Die Pflichtkurse sind in den ersten "
        "Monaten nach Übernahme der Aufgabe abzuschließen.",
        90,
    ),
    (
        "fuehrungskraft",
        "Digitale Verwaltung führen",
        "Für Referats- und Teamleitungen: Kennzahlen und Statistiken kritisch bewerten, "
        "Verantwortung für automatisierte Verfahren übernehmen und die Pflichten aus der "
        "KI-Verordnung (KI-Kompetenz nach Art. 4) im eigenen Bereich umsetzen.",
        120,
    ),
    (
        "it-digitalisierung",
        "Automatisierung verantwortungsvoll gestalten",
        "Für IT- und Digitalisierungsfachkräfte, die Fachverfahren konzipieren, betreiben und "
        "prüfen: Datenqualität messen, Regeln nachvollziehbar machen, menschliche Aufsicht "
        "einplanen und Hochrisiko-Anforderungen der KI-Verordnung erfüllen.",
        120,
    ),
    (
        "nachwuchskraft",
        "Einstieg in die digitale Verwaltung",
        "Für Auszubildende, Anwärterinnen und Anwärter sowie Trainees: die Grundlagen der "
        "Datenkompetenz und der Begründung von Verwaltungsentscheidungen, bevor sie in der "
        "Sachbearbeitung eigenständig Fälle übernehmen.",
        180,
    ),
]


def content_modules():
    """The content modules that exist (the demo content is written in separate files)."""
    modules = []
    for name in CONTENT_MODULES:
        try:
            modules.append(importlib.import_module(name))
        except ModuleNotFoundError:
            continue
    return modules


def load_courses_demo(stdout, *, personas, colleagues):
    modules = content_modules()
    if not modules:
        stdout.write("  courses: no demo content found in lms.demo.content")
        return
    home = site_root_ensure()
    index = services.course_index_create_or_update(
        parent=home, title="Kurse", slug="kurse", intro=INDEX_INTRO
    )
    roles = job_roles_by_code()
    trainer = personas.get("Trainer")
    courses: dict[str, CoursePage] = {}
    data_by_slug = {}
    for module in modules:
        for data in module.COURSES:
            data_by_slug[data["slug"]] = data
            courses[data["slug"]] = _course(index=index, data=data, roles=roles, user=trainer)
    for slug, data in data_by_slug.items():
        wanted = [courses[s] for s in data.get("prerequisites", ()) if s in courses]
        current = set(courses[slug].prerequisites.values_list("pk", flat=True))
        if wanted and current != {c.pk for c in wanted}:
            courses[slug] = services.course_prerequisites_set(
                course=courses[slug], prerequisites=wanted, user=trainer
            )
    curricula = 0
    for module in modules:
        curriculum = getattr(module, "CURRICULUM", None)
        if curriculum:
            _thematic_curriculum(curriculum, courses, data_by_slug, roles)
            curricula += 1
    for code, title, description, due_days in ROLE_CURRICULA:
        if code not in roles:
            continue
        entries = [
            CurriculumEntry(courses[slug], True, due_days)
            for slug, data in data_by_slug.items()
            if code in data.get("audience_roles", ())
        ]
        entries += [
            CurriculumEntry(courses[slug], False, None)
            for slug, data in data_by_slug.items()
            if code not in data.get("audience_roles", ())
        ]
        services.curriculum_update_or_create(
            slug=f"rolle-{code}",
            title=title,
            description=description,
            job_roles=[roles[code]],
            entries=entries,
        )
        curricula += 1
    simulators = _simulators(courses=courses, user=trainer)
    lessons = LessonPage.objects.live().count()
    stdout.write(f"  courses: {simulators} decision simulators added")
    stdout.write(f"  courses: {len(courses)} courses with {lessons} lessons, {curricula} curricula")


def _course(*, index, data, roles, user) -> CoursePage:
    existing = CoursePage.objects.filter(slug=data["slug"]).child_of(index).first()
    if existing is not None:
        return existing
    bank = assessment_services.question_bank_create(
        name=f"Kurs: {data['title']}",
        description=f"Wissenschecks und Abschlusstest des Kurses „{data['title']}“.",
    )
    final = None
    if data.get("assessment"):
        final = assessment_services.assessment_create_from_data(bank=bank, data=data["assessment"])
    develops = []
    for ref, rank in data.get("develops", ()):
        competency = competency_selectors.competency_get_by_ref(ref)
        develops.append(
            (competency, competency_selectors.level_for(competency=competency, rank=rank))
        )
    course = services.course_create_or_update(
        index=index,
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        objectives=data.get("objectives", ()),
        duration_minutes=data.get("duration_minutes", 60),
        audience_roles=[roles[c] for c in data.get("audience_roles", ()) if c in roles],
        develops=develops,
        final_assessment=final,
        content_owner=user,
        review_interval_months=data.get("review_interval_months", 12),
        validity_months=data.get("validity_months"),
        user=user,
    )
    for lesson in data["lessons"]:
        body = []
        for block_type, value in lesson["blocks"]:
            if block_type == "knowledge_check":
                value = assessment_services.question_create_from_data(bank=bank, data=value)
            body.append((block_type, value))
        services.lesson_create_or_update(
            course=course,
            title=lesson["title"],
            slug=lesson["slug"],
            summary=lesson.get("summary", ""),
            body=body,
            legal_status=_iso_date(lesson.get("legal_status")),
            sources=lesson.get("sources", ()),
            user=user,
        )
    return course


def _iso_date(value) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _simulators(*, courses, user) -> int:
    """Append each demo simulator to its lesson unless the lesson has one of that title."""
    try:
        module = importlib.import_module(SIMULATOR_MODULE)
    except ModuleNotFoundError:
        return 0
    added = 0
    for course_slug, lesson_slug, value in module.SIMULATORS:
        course = courses.get(course_slug)
        lesson = (
            LessonPage.objects.child_of(course).filter(slug=lesson_slug).first() if course else None
        )
        if lesson is None:
            continue
        titles = {
            block.value["title"]
            for block in lesson.body
            if block.block_type == "decision_simulator"
        }
        if value["title"] in titles:
            continue
        block = lesson.body.stream_block.child_blocks["decision_simulator"]
        services.lesson_block_append(
            lesson=lesson,
            block_type="decision_simulator",
            value=block.to_python(value),
            user=user,
        )
        added += 1
    return added


def _thematic_curriculum(curriculum, courses, data_by_slug, roles):
    slugs = [s for s in curriculum["courses"] if s in courses]
    role_codes = {c for s in slugs for c in data_by_slug[s].get("audience_roles", ())}
    services.curriculum_update_or_create(
        slug=curriculum["slug"],
        title=curriculum["title"],
        description=curriculum.get("description", ""),
        job_roles=[roles[c] for c in sorted(role_codes) if c in roles],
        entries=[
            CurriculumEntry(courses[slug], True, 60 * (position + 1))
            for position, slug in enumerate(slugs)
        ],
    )


def load_courses_activity_demo(stdout, *, personas, colleagues):
    """Colleagues enrol in their curriculum courses and work through lessons (seeded)."""
    if not CoursePage.objects.live().exists():
        return
    rng = random.Random(SEED)  # noqa: S311 - demo data
    enrolled_already = set(Enrolment.objects.values_list("user_id", flat=True).distinct())
    statements = 0
    learner = personas.get("Learner")
    if learner is not None and learner.pk not in enrolled_already:
        statements += _lea(learner)
    for person in colleagues:
        if person.pk in enrolled_already:
            continue
        zeal = rng.random()
        for entry in selectors.curriculum_for_user(user=person):
            if rng.random() > (0.85 if entry.required else 0.3) * (0.4 + zeal):
                continue
            lessons = selectors.course_lessons(course=entry.course)
            clock = _learning_days(person, entry.course, len(lessons) + 1)
            services.course_continue(user=person, course=entry.course, now=next(clock))
            statements += 1
            done = (
                len(lessons) if rng.random() < 0.35 + 0.5 * zeal else rng.randint(0, len(lessons))
            )
            for lesson in lessons[:done]:
                services.lesson_complete(user=person, lesson=lesson, now=next(clock))
                statements += 1
            if done < len(lessons):
                services.lesson_experience(user=person, lesson=lessons[done], now=next(clock))
                statements += 1
    stdout.write(f"  courses: {statements} learning events by demo colleagues")


def _learning_days(person, course, steps: int):
    """When a colleague's course events happened: a start within the last eleven months,
    then one step every one to six days, never later than an hour ago (seeded per person
    and course, so the HR trend shows a year of learning rather than one day)."""
    rng = random.Random(f"{SEED}-{person.pk}-{course.pk}")  # noqa: S311 - demo data
    latest = timezone.now() - dt.timedelta(hours=1)
    days = rng.randint(min(steps * 6, 330), 330)
    moment = latest - dt.timedelta(days=days, minutes=rng.randint(0, 600))
    for _ in range(steps):
        yield min(moment, latest)
        moment += dt.timedelta(days=rng.randint(1, 6), minutes=rng.randint(5, 90))


def _lea(learner) -> int:
    """The demo learner is half-way through her first required course."""
    entries = [e for e in selectors.curriculum_for_user(user=learner) if e.required]
    if not entries:
        return 0
    course = entries[0].course
    lessons = selectors.course_lessons(course=course)
    services.course_continue(user=learner, course=course)
    count = 1
    for lesson in lessons[:2]:
        services.lesson_experience(user=learner, lesson=lesson)
        services.lesson_complete(user=learner, lesson=lesson)
        count += 2
    if len(lessons) > 2:
        services.lesson_experience(user=learner, lesson=lessons[2])
        count += 1
    return count


def load_recertification_demo(stdout, *, personas, colleagues):
    """A course with a validity period, completed twice: the manager persona took it 27
    months ago (that certificate has expired) and again last month, so their history
    shows two certificates; one colleague's completion has expired without renewal."""
    course = (
        CoursePage.objects.live().filter(validity_months__isnull=False).order_by("path").first()
    )
    manager = personas.get("Manager")
    if course is None or manager is None:
        return
    now = timezone.now()
    histories = [(manager, [now - dt.timedelta(days=820), now - dt.timedelta(days=35)])]
    lapsed = next(
        (
            person
            for person in colleagues
            if getattr(person.org_unit, "code", None) == "ref-22"
            and not Enrolment.objects.filter(user=person, course=course).exists()
        ),
        None,
    )
    if lapsed is not None:
        histories.append((lapsed, [now - dt.timedelta(days=790)]))
    certificates = 0
    for person, starts in histories:
        if Enrolment.objects.filter(user=person, course=course).exists():
            continue
        for number, start in enumerate(starts):
            if number:
                services.course_retake(user=person, course=course, now=start)
            certificates += _work_through(person, course, start)
    stdout.write(f"  recertification: {certificates} certificates in {course.title}")


def _work_through(person, course, start: dt.datetime) -> int:
    """Every lesson one day after the other, then the final assessment; 1 if completed."""
    from assessments.demo import final_assessment_pass

    moment = start
    services.course_continue(user=person, course=course, now=moment)
    for lesson in selectors.course_lessons(course=course):
        moment += dt.timedelta(days=1)
        services.lesson_complete(user=person, lesson=lesson, now=moment)
    if course.final_assessment_id:
        final_assessment_pass(
            user=person, assessment=course.final_assessment, now=moment + dt.timedelta(hours=2)
        )
    progress = selectors.course_progress(user=person, course=course)
    return int(bool(progress and progress.completed_at))
