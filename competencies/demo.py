"""Demo step: DigComp 3.0, the administration framework and role profiles.

Runs first among the app steps, so the assessments and courses steps can resolve
competency references such as ``"qd:QD.2"`` and ``"digcomp:1.2"``.
"""

from pathlib import Path

from competencies import demo_framework as content
from competencies.formats import CompetencyData, FrameworkData, LevelData, ScaleData, StatementData
from competencies.models import Framework
from competencies.selectors import competency_get_by_ref
from competencies.services import framework_import, framework_import_file, role_target_set
from lms.accounts.models import JobRole

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
    roles = {role.code: role for role in JobRole.objects.filter(code__in=content.ROLE_TARGETS)}
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


def load_competencies_demo(stdout, *, personas, colleagues):
    load_frameworks(stdout)
