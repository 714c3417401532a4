import json

import pytest

from competencies.demo import DIGCOMP_FILE
from competencies.formats import FormatProblem
from competencies.models import Competency, CompetencyStatement, Framework, ProficiencyLevel
from competencies.services import framework_import_file


def _import(content: bytes, name="file.jsonld", **kwargs):
    return framework_import_file(name=name, content=content, **kwargs)


def test_digcomp_import_gives_21_competences_8_levels_in_4_bands(db):
    result = _import(DIGCOMP_FILE.read_bytes(), name=DIGCOMP_FILE.name)
    framework = result.framework
    comps = Competency.objects.filter(framework=framework)
    assert comps.filter(kind="competency").count() == 21
    assert comps.filter(kind="area").count() == 5
    assert comps.get(code="1.2").parent.code == "1"
    levels = ProficiencyLevel.objects.filter(scale=framework.scale)
    assert list(levels.values_list("rank", flat=True)) == list(range(1, 9))
    assert set(levels.values_list("band", flat=True)) == {
        "Basic",
        "Intermediate",
        "Advanced",
        "Highly advanced",
    }
    statements = CompetencyStatement.objects.filter(competency__framework=framework)
    assert statements.filter(kind="statement").count() == 362
    assert statements.filter(kind="outcome").count() == 523


def test_digcomp_reimport_changes_nothing(db):
    _import(DIGCOMP_FILE.read_bytes())
    counts = (Competency.objects.count(), CompetencyStatement.objects.count())
    result = _import(DIGCOMP_FILE.read_bytes())
    assert not result.changed, result.summary()
    assert (Competency.objects.count(), CompetencyStatement.objects.count()) == counts


def test_digcomp_newer_version_updates_by_identifier(db):
    _import(DIGCOMP_FILE.read_bytes())
    data = json.loads(DIGCOMP_FILE.read_bytes())
    for obj in data["@graph"]:
        if obj.get("@id") == "Competence/1.2":
            obj["name"] = "Evaluating information and its sources"
    data["@graph"] = [o for o in data["@graph"] if o.get("@id") != "LearningOutcome/LO1.1.01"]
    result = _import(json.dumps(data).encode())
    assert result.updated["competencies"] == 1
    assert result.removed["statements"] == 1
    assert Framework.objects.count() == 1
    assert Competency.objects.get(code="1.2").name == "Evaluating information and its sources"
    assert Competency.objects.filter(kind="competency").count() == 21


def test_broken_digcomp_reports_location_and_imports_nothing(db):
    data = json.loads(DIGCOMP_FILE.read_bytes())
    index = next(i for i, o in enumerate(data["@graph"]) if o.get("@id") == "Competence/2.3")
    data["@graph"][index]["competence_area_id"] = "CompetenceArea/9"
    with pytest.raises(FormatProblem) as info:
        _import(json.dumps(data).encode())
    assert f"@graph[{index}]" in info.value.location
    assert "CompetenceArea/9" in str(info.value)
    assert not Framework.objects.exists() and not Competency.objects.exists()


def test_invalid_json_reports_line_and_column(db):
    with pytest.raises(FormatProblem) as info:
        _import(b'{"@graph": [\n {"@type": "Competence",,}]}')
    assert info.value.location == "line 2, column 25"
