"""CSV imports are all-or-nothing and name the bad line."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse

from lms.accounts.imports import CSVImportError, import_org_units, import_people
from lms.accounts.models import OrgUnit
from tests.conftest import log_in

pytestmark = pytest.mark.django_db
FILES = Path(__file__).parent / "files"


def read(name):
    return (FILES / name).read_bytes()


def test_good_org_units_import_with_parents_in_any_order():
    result = import_org_units(read("org_units_good.csv"))
    assert (result.created, result.updated) == (5, 0)
    unit = OrgUnit.objects.get(code="ref-11")
    assert [u.code for u in unit.get_ancestors()] == ["lasd", "abt-1"]


def test_reimport_updates_instead_of_duplicating():
    import_org_units(read("org_units_good.csv"))
    result = import_org_units(read("org_units_good.csv"))
    assert (result.created, result.updated) == (0, 5)
    assert OrgUnit.objects.count() == 5


def test_bad_org_units_file_imports_nothing_and_names_the_lines():
    with pytest.raises(CSVImportError) as excinfo:
        import_org_units(read("org_units_bad.csv"))
    lines = {error.line for error in excinfo.value.errors}
    assert lines == {4, 5}
    assert "referat" in str(excinfo.value)
    assert "abt-9" in str(excinfo.value)
    assert OrgUnit.objects.count() == 0


def test_cycle_in_parents_is_reported():
    data = "code,name,kind,parent_code\na,A,unit,b\nb,B,unit,a\n"
    with pytest.raises(CSVImportError) as excinfo:
        import_org_units(data)
    assert "cycle" in str(excinfo.value).lower() or "Zyklus" in str(excinfo.value)
    assert OrgUnit.objects.count() == 0


def test_missing_columns_and_wrong_encoding_are_reported():
    with pytest.raises(CSVImportError) as excinfo:
        import_org_units("code,name\nx,X\n")
    assert excinfo.value.errors[0].line == 1
    with pytest.raises(CSVImportError):
        import_org_units("code,name,kind,parent_code\nx,\xff,unit,\n".encode("latin-1"))


def test_good_people_import_creates_verified_accounts_with_roles(groups, make_role):
    make_role("sachbearbeitung", "Sachbearbeitung")
    make_role("fuehrungskraft", "Führungskraft")
    import_org_units(read("org_units_good.csv"))
    result = import_people(read("people_good.csv"))
    assert result.created == 2
    tobias = get_user_model().objects.get(email="tobias.brandt@example.org")
    assert tobias.org_unit.code == "abt-1"
    assert set(tobias.role_assignments.values_list("job_role__code", flat=True)) == {
        "sachbearbeitung",
        "fuehrungskraft",
    }
    assert set(tobias.groups.values_list("name", flat=True)) == {"Learner", "Trainer"}
    assert tobias.emailaddress_set.get().verified


def test_bad_people_file_imports_nothing(groups, make_role):
    make_role("sachbearbeitung", "Sachbearbeitung")
    import_org_units(read("org_units_good.csv"))
    with pytest.raises(CSVImportError) as excinfo:
        import_people(read("people_bad.csv"))
    assert {error.line for error in excinfo.value.errors} == {3, 4}
    assert not get_user_model().objects.exists()


def test_management_command_reports_bad_line_and_imports_nothing():
    with pytest.raises(CommandError) as excinfo:
        call_command("import_org_units", str(FILES / "org_units_bad.csv"))
    assert "4" in str(excinfo.value)
    assert OrgUnit.objects.count() == 0
    call_command("import_org_units", str(FILES / "org_units_good.csv"))
    assert OrgUnit.objects.count() == 5


def test_admin_upload_of_a_bad_file_shows_errors_and_imports_nothing(client, make_user):
    log_in(client, make_user("admin@example.org", groups=("Learner", "Administrator")))
    with open(FILES / "org_units_bad.csv", "rb") as handle:
        response = client.post(
            reverse("accounts_admin:organisation_import"), {"kind": "org_units", "file": handle}
        )
    assert response.status_code == 200
    body = response.content.decode()
    assert "abt-9" in body
    assert OrgUnit.objects.count() == 0


def test_people_import_keeps_the_gap_counts(groups, make_role, make_user, framework):
    """Known people move and change roles, new people arrive: one tracked change for the
    known, one per new person; the counts equal a count from scratch afterwards."""
    from competencies import gapcounts
    from competencies.models import Competency
    from competencies.services import role_target_set

    clerk = make_role("sachbearbeitung", "Sachbearbeitung")
    lead = make_role("fuehrungskraft", "Führungskraft")
    for competency in Competency.objects.filter(framework=framework):
        role_target_set(job_role=clerk, competency=competency, rank=3)
        role_target_set(job_role=lead, competency=competency, rank=6)
    import_org_units(read("org_units_good.csv"))
    known = make_user(
        "anna.schulz@example.org",
        org_unit=OrgUnit.objects.get(code="ref-11"),
        job_roles=[clerk],
    )
    data = (
        "email,first_name,last_name,org_unit_code,job_roles,groups\n"
        f"{known.email},Anna,Schulz,abt-1,fuehrungskraft,\n"
        "neu@example.org,Nils,Neu,ref-11,sachbearbeitung,\n"
    )
    before = gapcounts.stored()
    result = import_people(data)
    assert (result.created, result.updated) == (1, 1)
    assert gapcounts.stored() == gapcounts.contributions() != before
    targets = {key[4] for key in gapcounts.stored() if key[0] == gapcounts.GAP}
    assert targets == {3, 6}
