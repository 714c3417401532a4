import pytest

from competencies.demo import DIGCOMP_FILE, load_frameworks
from competencies.services import framework_import_file


@pytest.fixture
def digcomp(db):
    return framework_import_file(
        name=DIGCOMP_FILE.name, content=DIGCOMP_FILE.read_bytes(), key="digcomp"
    ).framework


@pytest.fixture
def frameworks(db, make_role):
    for code in ("sachbearbeitung", "fuehrungskraft", "nachwuchskraft"):
        make_role(code=code, name=code.title())
    return load_frameworks()


@pytest.fixture
def make_framework(db):
    """A framework with ``levels`` levels on its own scale and the given competency codes."""
    from competencies.models import Competency, Framework, ProficiencyLevel, ProficiencyScale

    counter = {"n": 0}

    def make(*, levels: int, codes=("C.1", "C.2")) -> Framework:
        counter["n"] += 1
        key = f"scale{counter['n']}-{levels}"
        scale = ProficiencyScale.objects.create(key=key, uri=f"urn:test:{key}", name=key)
        ProficiencyLevel.objects.bulk_create(
            ProficiencyLevel(
                scale=scale,
                rank=rank,
                code=str(rank),
                name=f"Stufe {rank}",
                uri=f"urn:test:{key}:level:{rank}",
            )
            for rank in range(1, levels + 1)
        )
        framework = Framework.objects.create(
            key=f"fw{counter['n']}", uri=f"urn:test:fw{counter['n']}", title=key, scale=scale
        )
        Competency.objects.bulk_create(
            Competency(
                framework=framework,
                kind=Competency.Kind.COMPETENCY,
                code=code,
                uri=f"urn:test:fw{counter['n']}:{code}",
                name=f"Kompetenz {code}",
            )
            for code in codes
        )
        return framework

    return make
