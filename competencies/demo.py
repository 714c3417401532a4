"""Demo step: DigComp 3.0, the administration framework and role profiles.

Runs first among the app steps, so the assessments and courses steps can resolve
competency references such as ``"qd:QD.2"`` and ``"digcomp:1.2"``.
"""

import datetime as dt
import random
from pathlib import Path

from django.utils import timezone

from competencies import demo_framework as content
from competencies.formats import CompetencyData, FrameworkData, LevelData, ScaleData, StatementData
from competencies.models import Evidence, Framework
from competencies.selectors import competency_get_by_ref, gaps_for_user
from competencies.services import (
    competency_self_assess,
    competency_validate,
    framework_import,
    framework_import_file,
    role_target_set,
)
from lms.accounts.selectors import job_roles_by_code

DIGCOMP_FILE = (
    Path(__file__).resolve().parent / "data" / "digcomp-3.0-data-supplement-2025-11-24.jsonld"
)


def qd_framework_data(*, scale) -> FrameworkData:
    """The demo framework on an existing scale (the DigComp 8-level scale)."""
    data = FrameworkData(
        **content.QD_FRAMEWORK,
        scale=ScaleData(
            key=scale.key,
            name=scale.name,
            uri=scale.uri,
            description=scale.description,
            levels=[
                LevelData(
                    rank=level.rank,
                    code=level.code,
                    name=level.name,
                    band=level.band,
                    description=level.description,
                    uri=level.uri,
                )
                for level in scale.levels.order_by("rank")
            ],
        ),
    )
    data.competencies.append(CompetencyData(kind="area", position=1, **content.QD_AREA))
    for position, (code, name, description, by_band) in enumerate(content.QD_COMPETENCIES, 1):
        data.competencies.append(
            CompetencyData(
                code=code,
                name=name,
                description=description,
                kind="competency",
                parent_code=content.QD_AREA["code"],
                position=position + 1,
            )
        )
        for band_position, (band, text) in enumerate(by_band.items(), 1):
            data.statements.append(
                StatementData(
                    competency_code=code,
                    kind="statement",
                    identifier=f"{code}-{band.lower().replace(' ', '-')}",
                    text=text,
                    band=band,
                    position=band_position,
                )
            )
    return data


def load_frameworks(stdout=None) -> tuple[Framework, Framework]:
    digcomp = framework_import_file(
        name=DIGCOMP_FILE.name, content=DIGCOMP_FILE.read_bytes(), key="digcomp"
    ).framework
    qd = framework_import(data=qd_framework_data(scale=digcomp.scale)).framework
    roles = job_roles_by_code(codes=content.ROLE_TARGETS)
    count = 0
    for role_code, targets in content.ROLE_TARGETS.items():
        role = roles.get(role_code)
        if role is None:
            continue
        for ref, rank, importance in targets:
            role_target_set(
                job_role=role,
                competency=competency_get_by_ref(ref),
                rank=rank,
                importance=importance,
            )
            count += 1
    if stdout is not None:
        stdout.write(
            f"  competencies: frameworks '{digcomp.key}' and '{qd.key}', {count} role targets"
        )
    return digcomp, qd


# Unit strengths and weaknesses (levels above/below the role target) so that the HR
# reports show real patterns; the assessments and courses steps add measured evidence.
UNIT_TENDENCIES = {
    "ref-11": {"QD.1": 0, "QD.3": 1, "QD.7": -2, "QD.8": -1},
    "ref-12": {"QD.1": -2, "QD.2": -1, "QD.6": -1},
    "ref-13": {"QD.4": -2, "QD.2": -2, "QD.1": -1},
    "ref-21": {"QD.1": -2, "QD.5": 1, "1.3": 1, "4.1": 0, "QD.8": -1},
    "ref-22": {"QD.5": -2, "QD.7": -1},
    "stab-ds": {"QD.4": 0, "QD.8": -2},
}


def _some_day_last_year(rng: random.Random, now: dt.datetime) -> dt.datetime:
    """A working-hours moment in the last twelve months, more often in recent ones."""
    days_ago = int(364 * (1 - rng.random() ** 0.7))
    moment = now - dt.timedelta(days=days_ago)
    if days_ago:
        moment = moment.replace(hour=rng.randint(8, 16), minute=rng.randint(0, 59))
    return min(moment, now)


def load_evidence(stdout, *, personas, colleagues, seed: int = 2026) -> int:
    """Trainer validations and self-assessments through the real services (idempotent).

    They are dated over the last twelve months (a separate seeded draw, so the levels
    stay the same) so the HR trend shows how targets were met over the year.
    """
    trainer = personas.get("Trainer")
    if trainer is None:
        return 0
    people = [personas["Learner"], personas["HR"], personas["Administrator"], *colleagues]
    already = set(
        Evidence.objects.filter(user__in=people).values_list("user_id", flat=True).distinct()
    )
    rng = random.Random(seed)  # noqa: S311 (seeded demo data)
    dates = random.Random(seed + 1)  # noqa: S311 (seeded demo data)
    now = timezone.now()
    count = 0
    for person in people:
        gaps = gaps_for_user(user=person)
        unit_code = person.org_unit.code if person.org_unit else ""
        tendencies = UNIT_TENDENCIES.get(unit_code, {})
        for gap in gaps:
            roll_validation, roll_self = rng.random(), rng.random()
            offset = tendencies.get(gap.competency.code, 0) + rng.choice([-2, -1, -1, 0, 0, 1])
            level = max(1, min(8, gap.target_rank + offset))
            own = max(1, min(8, gap.target_rank + rng.choice([-1, 0, 1, 1, 2])))
            if person.pk in already or person.pk == trainer.pk:
                continue
            if roll_validation < 0.6:
                competency_validate(
                    user=person,
                    competency=gap.competency,
                    rank=level,
                    validator=trainer,
                    note="Im Arbeitsalltag beobachtet und im Fachgespräch bestätigt.",
                    occurred_at=_some_day_last_year(dates, now),
                )
                count += 1
            if roll_self < 0.35:
                competency_self_assess(
                    user=person,
                    competency=gap.competency,
                    rank=own,
                    occurred_at=_some_day_last_year(dates, now),
                )
                count += 1
    return count


def load_competencies_demo(stdout, *, personas, colleagues):
    load_frameworks(stdout)
    count = load_evidence(stdout, personas=personas, colleagues=colleagues)
    stdout.write(f"  competencies: {count} trainer validations and self-assessments")
