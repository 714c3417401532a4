"""Benchmark: server time and queries of the learner's lesson page and dashboard.

Creates a throw-away test database from DATABASE_URL (``test_<name>``) and fills it with
200 courses of 10 lessons each (2,000 lessons, real StreamField bodies), 4 role
curricula and 5,000 learners. Every learner is enrolled in 3 to 6 courses with progress
rows; the rows are bulk-generated for volume, and the learners that are measured also
record their own statements through the services. Then it requests lesson pages and the
dashboard "Mein Lernen" in-process (Django test client: middleware, session, templates)
for a sample of learners and prints p50 / p95 server time and the query count.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/qd_courses \\
        python bench/pages.py --courses 200 --lessons 10 --learners 5000 --requests 300
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_databases,
    setup_test_environment,
    teardown_databases,
)
from django.utils import timezone  # noqa: E402

BODY = [
    ("heading", {"text": "Woher Verwaltungsdaten kommen", "level": "h2"}),
    (
        "paragraph",
        "<p>Verwaltungsdaten entstehen im Vollzug: Sie zeigen, <strong>wer</strong> einen "
        "Antrag stellt – nicht, wer anspruchsberechtigt wäre. Wer daraus Schlüsse zieht, "
        "muss wissen, wie die Daten erhoben wurden.</p>" * 3,
    ),
    (
        "info_box",
        {
            "kind": "law",
            "title": "§ 35a VwVfG",
            "body": "<p>Ein Verwaltungsakt kann vollständig durch automatische Einrichtungen "
            "erlassen werden, sofern dies durch Rechtsvorschrift zugelassen ist.</p>",
        },
    ),
    (
        "case_study",
        {
            "title": "Die Wohngeldstatistik des Referats 11",
            "scenario": "<p>Die Zahl der Anträge sinkt, die Ablehnungsquote steigt.</p>",
            "questions": ["Welche Gruppen fehlen in den Daten?", "Was sagt die Quote aus?"],
            "model_answer": "<p>Die Daten zeigen nur Antragstellende.</p>",
        },
    ),
    (
        "decision_explainer",
        {
            "title": "Automatisierte Ablehnung eines Wohngeldantrags",
            "decision": "Der Antrag wird abgelehnt.",
            "legal_basis": "§ 35a VwVfG i. V. m. dem Wohngeldgesetz",
            "inputs": [
                {"label": "Gesamteinkommen", "value": "2.450 € monatlich"},
                {"label": "Haushaltsgröße", "value": "2 Personen"},
            ],
            "rule_path": [
                {"rule": "Einkommen über der Höchstgrenze?", "outcome": "Ja"},
                {"rule": "Freitextangaben vorhanden?", "outcome": "Nein"},
            ],
            "citizen_explanation": "<p>Ihr Einkommen liegt über der Höchstgrenze.</p>",
            "human_review": "Bei Freitextangaben prüft eine Sachbearbeiterin den Fall.",
        },
    ),
    (
        "glossary_term",
        {"term": "Stichprobe", "definition": "<p>Eine Auswahl aus einer Grundgesamtheit.</p>"},
    ),
]


def build(*, n_courses, n_lessons, n_learners, rng):
    from courses import services
    from courses.models import (
        CourseIndexPage,
        CoursePage,
        CourseProgress,
        Enrolment,
        LessonPage,
        LessonProgress,
    )
    from courses.services import CurriculumEntry
    from lms.accounts.models import JobRole, User
    from lms.accounts.services import role_assignments_add_many
    from lms.home.services import site_root_ensure

    started = time.perf_counter()
    home = site_root_ensure()
    index = services.course_index_create_or_update(parent=home, title="Kurse", slug="kurse")
    index = CourseIndexPage.objects.get(pk=index.pk)
    roles = [JobRole.objects.create(code=f"rolle-{i}", name=f"Rolle {i}") for i in range(1, 5)]
    courses = []
    for c in range(n_courses):
        course = index.add_child(
            instance=CoursePage(
                title=f"Kurs {c + 1}: Daten und Entscheidungen",
                slug=f"kurs-{c + 1}",
                summary="Wie Verwaltungsdaten entstehen und wo sie verzerrt sind.",
                objectives=[("objective", "Sie können Verzerrungen erkennen.")],
                duration_minutes=rng.choice([45, 90, 120, 240]),
                audience_roles=[roles[c % len(roles)]],
            )
        )
        for n in range(n_lessons):
            course.add_child(
                instance=LessonPage(
                    title=f"Lektion {n + 1}", slug=f"lektion-{n + 1}", body=BODY, summary="…"
                )
            )
        courses.append(course)
    print(
        f"  built {n_courses} courses, {n_courses * n_lessons} lessons "
        f"in {time.perf_counter() - started:.0f} s"
    )
    for i, role in enumerate(roles):
        services.curriculum_update_or_create(
            slug=f"curriculum-{i}",
            title=f"Curriculum {role.name}",
            job_roles=[role],
            entries=[
                CurriculumEntry(course, k % 3 != 2, 30 * (k + 1))
                for k, course in enumerate(courses[i * 10 : i * 10 + 12])
            ],
        )

    started = time.perf_counter()
    users = User.objects.bulk_create(
        User(email=f"learner{i}@example.org", first_name="Lern", last_name=f"Person {i}")
        for i in range(n_learners)
    )
    role_assignments_add_many(
        assignments=[(user.pk, roles[i % len(roles)].pk) for i, user in enumerate(users)]
    )
    lessons_of = {}
    for course in courses:
        lessons_of[course.pk] = list(
            LessonPage.objects.child_of(course).values_list("id", flat=True).order_by("path")
        )
    now = timezone.now()
    enrolments, course_rows, lesson_rows = [], [], []
    for user in users:
        for course in rng.sample(courses, rng.randint(3, 6)):
            registration = uuid.uuid4()
            enrolments.append(
                Enrolment(user=user, course=course, registration=registration, enrolled_at=now)
            )
            done = rng.randint(0, n_lessons)
            ids = lessons_of[course.pk]
            for lesson_id in ids[: done + 1 if done < n_lessons else done]:
                lesson_rows.append(
                    LessonProgress(
                        user=user,
                        lesson_id=lesson_id,
                        course=course,
                        first_experienced_at=now,
                        last_experienced_at=now,
                        completed_at=now if lesson_id in ids[:done] else None,
                    )
                )
            course_rows.append(
                CourseProgress(
                    user=user,
                    course=course,
                    registration=registration,
                    started_at=now,
                    last_activity_at=now,
                    last_lesson_id=ids[min(done, n_lessons - 1)],
                    lessons_completed=done,
                    completed_at=now if done == n_lessons else None,
                )
            )
    with transaction.atomic():
        Enrolment.objects.bulk_create(enrolments, batch_size=5000)
        CourseProgress.objects.bulk_create(course_rows, batch_size=5000)
        LessonProgress.objects.bulk_create(lesson_rows, batch_size=5000)
    print(
        f"  built {n_learners} learners, {len(enrolments)} enrolments, "
        f"{len(lesson_rows)} lesson progress rows in {time.perf_counter() - started:.0f} s"
    )
    return users, courses


def measure(client, url):
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{url}: HTTP {response.status_code}")
    return elapsed, len(queries.captured_queries)


def report(name, samples):
    times = sorted(t for t, _q in samples)
    queries = [q for _t, q in samples]
    p50 = statistics.median(times)
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    print(
        f"  {name:<12} n={len(times):<4} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   "
        f"queries min {min(queries)} / max {max(queries)}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--courses", type=int, default=200)
    parser.add_argument("--lessons", type=int, default=10)
    parser.add_argument("--learners", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["*"]
    old = setup_databases(verbosity=0, interactive=False)
    try:
        from courses import selectors, services
        from courses.models import Enrolment

        users, courses = build(
            n_courses=args.courses,
            n_lessons=args.lessons,
            n_learners=args.learners,
            rng=rng,
        )
        sample = rng.sample(users, min(len(users), 50))
        clients = {}
        for user in sample:
            client = Client()
            client.force_login(user)
            clients[user.pk] = client
            # The measured learners also record real statements through the services.
            course = Enrolment.objects.filter(user=user).select_related("course").first().course
            lesson = services.course_continue(user=user, course=course)
            services.lesson_experience(user=user, lesson=lesson)
        lesson_urls = {}
        for user in sample:
            enrolment = Enrolment.objects.filter(user=user).select_related("course").first()
            lessons = selectors.course_lessons(course=enrolment.course)
            lesson_urls[user.pk] = [lesson.url for lesson in lessons]

        # Warm up (template loading, caches), then measure.
        for user in sample[:5]:
            measure(clients[user.pk], "/learn/")
            measure(clients[user.pk], lesson_urls[user.pk][0])
        lesson_samples, dashboard_samples, outline_samples = [], [], []
        for i in range(args.requests):
            user = sample[i % len(sample)]
            client = clients[user.pk]
            lesson_samples.append(measure(client, rng.choice(lesson_urls[user.pk])))
            dashboard_samples.append(measure(client, "/learn/"))
            outline_samples.append(measure(client, courses[i % len(courses)].url))
        print(
            f"Learner pages ({args.courses} courses, {args.courses * args.lessons} lessons, "
            f"{args.learners} learners, {args.requests} requests each, in-process client):"
        )
        report("lesson page", lesson_samples)
        report("dashboard", dashboard_samples)
        report("course page", outline_samples)
    finally:
        teardown_databases(old, verbosity=0)


if __name__ == "__main__":
    main()
