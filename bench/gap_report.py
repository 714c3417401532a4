"""Benchmark: HR gap heatmap and full profile rebuild at organisation scale (PostgreSQL).

Generates people in org units with job roles, a 60-competency framework with role
targets, and evidence rows (server-side with generate_series, in chunks of people, into
the evidence table without its keys and indexes, which are built once at the end), then
prints:

    cube_query_ms          the cube alone (gap-count query, numpy cube, suppression blocks)
    heatmap_ms             whole-organisation report data without the trend (cube,
                           heatmap rows, role gaps, distribution, plan) for an HR person
                           responsible for the agency
    trend_ms               the trend alone (one grouped query over the trend counts)
    rebuild_projection_s   full rebuild of the competency profiles, gap and trend counts
                           from the evidence table
    peak_rss_mb            peak resident memory of this process (the database server's
                           memory is not included)

Usage (a database of its own; it is emptied of competency data and people first):

    createdb -h 127.0.0.1 -U postgres qd_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/qd_bench \\
        python bench/gap_report.py --people 100000 --units 200 --competencies 60 \\
        --evidence-per-person 200
"""

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from competencies import projection, reporting  # noqa: E402
from competencies.formats import (  # noqa: E402
    CompetencyData,
    FrameworkData,
    LevelData,
    ScaleData,
)
from competencies.models import CompetencyProfile, Evidence, Framework  # noqa: E402
from competencies.services import framework_import, role_target_set  # noqa: E402
from lms.accounts.models import JobRole, OrgUnit, OrgUnitResponsibility  # noqa: E402
from lms.accounts.services import (  # noqa: E402
    job_role_update_or_create,
    org_unit_create,
    responsibility_grant,
    user_create_or_update,
)
from lms.accounts.trackers import people_changing  # noqa: E402


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def log(message: str) -> None:
    print(message, flush=True)


def setup_organisation(units: int, competencies: int) -> tuple[list[int], list[int]]:
    agency = org_unit_create(code="bench-agency", name="Bench Agency", kind="agency")
    departments = [
        org_unit_create(code=f"bench-d{i}", name=f"Abteilung {i}", kind="department", parent=agency)
        for i in range(10)
    ]
    leaves = []
    for i in range(units - 11):
        parent = departments[i % len(departments)]
        leaves.append(
            org_unit_create(code=f"bench-u{i}", name=f"Referat {i}", kind="unit", parent=parent)
        )
    unit_ids = [agency.pk] + [d.pk for d in departments] + [u.pk for u in leaves]
    data = FrameworkData(
        key="bench",
        title="Benchmark framework",
        version="1",
        scale=ScaleData(
            key="bench-8",
            name="Bench 8 levels",
            levels=[LevelData(rank=r, code=str(r), name=f"Level {r}") for r in range(1, 9)],
        ),
    )
    data.competencies.append(CompetencyData(code="A", name="Area", kind="area"))
    for i in range(competencies):
        data.competencies.append(
            CompetencyData(
                code=f"C{i:02d}", name=f"Competency {i}", kind="competency", parent_code="A"
            )
        )
    framework = framework_import(data=data).framework
    comps = list(framework.competencies.filter(kind="competency").order_by("code"))
    roles = [job_role_update_or_create(code=f"bench-r{i}", name=f"Rolle {i}") for i in range(5)]
    for index, role in enumerate(roles):
        for offset in range(15):  # each role targets 15 competencies
            comp = comps[(index * 11 + offset) % len(comps)]
            role_target_set(job_role=role, competency=comp, rank=3 + (offset + index) % 4)
    return unit_ids, [r.pk for r in roles]


def generate_people(people: int, unit_ids: list[int], role_ids: list[int]) -> None:
    """People and their roles by plain SQL, past the services (100,000 people in seconds).
    Nothing reads the gap counts before ``measure`` rebuilds them from scratch."""
    user_table = "accounts_user"
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {user_table} (password, last_login, is_superuser, first_name, last_name,
                is_staff, is_active, date_joined, email, pseudonym, org_unit_id,
                personnel_number)
            SELECT '!', NULL, false, 'Bench', 'Person ' || i, false, true, now(),
                   'bench' || i || '@example.org', gen_random_uuid(),
                   (%s::bigint[])[1 + (i %% %s)], ''
            FROM generate_series(1, %s) AS i
            """,
            [unit_ids, len(unit_ids), people],
        )
        cursor.execute(
            f"""
            INSERT INTO accounts_roleassignment (user_id, job_role_id, since)
            SELECT u.id, (%s::bigint[])[1 + (u.id %% %s)], current_date
            FROM {user_table} u WHERE u.email LIKE 'bench%%@example.org'
            """,
            [role_ids, len(role_ids)],
        )


def generate_evidence(per_person: int) -> int:
    """``per_person`` evidence rows for every bench person, spread over the competencies."""
    framework = Framework.objects.get(key="bench")
    comp_ids = list(
        framework.competencies.filter(kind="competency")
        .order_by("code")
        .values_list("id", flat=True)
    )
    level_ids = list(framework.scale.levels.order_by("rank").values_list("id", flat=True))
    step = 5000  # people per INSERT, so progress shows and no statement runs for long
    count = 0
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE competencies_evidence SET UNLOGGED")
        cursor.execute("SELECT MIN(id), MAX(id) FROM accounts_user WHERE email LIKE 'bench%%'")
        first, last = cursor.fetchone()
    with transaction.atomic(), connection.cursor() as cursor:
        # Load without keys and indexes, then build each once (like the profile rebuild).
        recreate = projection._bulk_load_indexes(cursor, "competencies_evidence")
        for low in range(first, last + 1, step):
            cursor.execute(
                """
                INSERT INTO competencies_evidence
                    (user_id, competency_id, level_id, rank, source, statement_id,
                     occurred_at, expires_at)
                SELECT u.id,
                       (%(comps)s::bigint[])[1 + ((u.id * 7 + g) %% %(ncomp)s)],
                       (%(levels)s::bigint[])[r.rank],
                       r.rank,
                       (ARRAY['assessment','course','validation','self'])[1 + (g %% 4)],
                       gen_random_uuid(),
                       now() - ((u.id + g * 13) %% 700) * interval '1 day',
                       NULL
                FROM accounts_user u
                CROSS JOIN generate_series(1, %(per)s) AS g
                CROSS JOIN LATERAL (SELECT 1 + ((u.id * 31 + g * 17) %% 8) AS rank) r
                WHERE u.id >= %(low)s AND u.id < %(high)s
                  AND u.email LIKE 'bench%%@example.org'
                """,
                {
                    "comps": comp_ids,
                    "ncomp": len(comp_ids),
                    "levels": level_ids,
                    "per": per_person,
                    "low": low,
                    "high": low + step,
                },
            )
            count += cursor.rowcount
            if (low - first) % (step * 5) == 0:
                log(f"  generated {count} evidence rows")
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for statement in recreate:
            started = time.perf_counter()
            cursor.execute(statement)
            log(f"  {statement[:70]}… {time.perf_counter() - started:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE competencies_evidence SET LOGGED")
        cursor.execute("ANALYZE competencies_evidence")
    return count


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--competencies", type=int, default=60)
    parser.add_argument("--evidence-per-person", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--reuse", action="store_true", help="keep the generated people and evidence"
    )
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("run this benchmark on PostgreSQL (DATABASE_URL)")

    log(f"database: {connection.settings_dict['NAME']}")
    call_command("migrate", verbosity=0)
    if args.reuse and Evidence.objects.exists():
        unit_ids = list(
            OrgUnit.objects.filter(code__startswith="bench-").values_list("id", flat=True)
        )
        role_ids = list(
            JobRole.objects.filter(code__startswith="bench-").values_list("id", flat=True)
        )
        log(f"reusing {Evidence.objects.count()} evidence rows")
        measure(unit_ids, role_ids, args.repeat)
        return
    # Emptied past the services as well; the rebuild in ``measure`` recomputes the counts.
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE competencies_evidence, competencies_competencyprofile, "
            "competencies_roleprofile, accounts_roleassignment CASCADE"
        )
    Framework.objects.filter(key="bench").delete()
    JobRole.objects.filter(code__startswith="bench-").delete()
    get_user_model().objects.filter(
        email__in=["bench-hr@example.org", "hr.bench@example.org"]
    ).delete()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM accounts_user WHERE email LIKE 'bench%%@example.org'")
    OrgUnit.objects.filter(code__startswith="bench-").delete()

    started = time.perf_counter()
    unit_ids, role_ids = setup_organisation(args.units, args.competencies)
    generate_people(args.people, unit_ids, role_ids)
    log(f"people: {args.people} in {len(unit_ids)} units ({time.perf_counter() - started:.1f} s)")
    started = time.perf_counter()
    rows = generate_evidence(args.evidence_per_person)
    log(f"evidence_rows: {rows} ({time.perf_counter() - started:.1f} s to generate)")

    measure(unit_ids, role_ids, args.repeat)


def measure(unit_ids, role_ids, repeat):
    with connection.cursor() as cursor:  # what autovacuum would have done by now
        cursor.execute("ANALYZE accounts_user")
        cursor.execute("ANALYZE accounts_roleassignment")
        cursor.execute("ANALYZE competencies_evidence")
    started = time.perf_counter()

    def progress(done, total):
        if done == total or (done // 5000) % 4 == 0:
            log(f"  rebuild {100 * done // total} % ({time.perf_counter() - started:.0f} s)")

    profiles = projection.profiles_rebuild_from_evidence(progress=progress)
    rebuild_s = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE competencies_competencyprofile")
    log(f"profiles: {profiles}")
    log(f"rebuild_projection_s: {rebuild_s:.1f}")

    previous_hr = get_user_model().objects.filter(email="hr.bench@example.org")
    with people_changing(previous_hr.values_list("pk", flat=True)):
        previous_hr.delete()
    hr = user_create_or_update(email="hr.bench@example.org", groups=["HR"])
    responsibility_grant(
        user=hr,
        org_unit=OrgUnit.objects.get(code="bench-agency"),
        kind=OrgUnitResponsibility.Kind.HR,
    )
    framework = Framework.objects.get(key="bench")
    filters = reporting.ReportFilters(framework=framework)
    heatmap, cube_times, trend = [], [], []
    for _ in range(repeat):
        started = time.perf_counter()
        cube = reporting.cube_build(
            competency_ids=[c.pk for c in reporting.report_competencies(framework=framework)]
        )
        cube_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        built = reporting.report_build(user=hr, filters=filters, with_trend=False)
        heatmap.append(time.perf_counter() - started)
        started = time.perf_counter()
        reporting.trend_build(
            cube=cube,
            competencies=built.competencies,
            atoms={(u, r) for u in unit_ids for r in role_ids},
            start=None,
            end=None,
            months=12,
        )
        trend.append(time.perf_counter() - started)
    hidden = built.hidden_cells
    log(f"heatmap_cells: {built.shown_cells + hidden} ({hidden} hidden)")
    log(f"cube_query_ms: {1000 * min(cube_times):.0f}")
    log(f"heatmap_ms: {1000 * min(heatmap):.0f}")
    log(f"trend_ms: {1000 * min(trend):.0f}")
    log(f"peak_rss_mb: {rss_mb():.0f}")
    log(f"evidence_table_rows: {Evidence.objects.count()}")
    log(f"profile_table_rows: {CompetencyProfile.objects.count()}")


if __name__ == "__main__":
    main()
