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
