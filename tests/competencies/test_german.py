"""Competency pages in German: DigComp's levels translated, its English names labelled as
English, the schedules page's help text; English under ``en``."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from competencies.demo import DIGCOMP_FILE
from competencies.formats import parse_case, to_case
from competencies.models import Competency, ProficiencyLevel
from competencies.selectors import framework_data
from competencies.services import framework_import_file
from lms.accounts.models import OrgUnitResponsibility
from lms.accounts.services import responsibility_grant
from tests.conftest import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def digcomp(db):
    return framework_import_file(
        name=DIGCOMP_FILE.name, content=DIGCOMP_FILE.read_bytes()
    ).framework


def test_digcomp_levels_read_in_the_page_language(digcomp):
    level = ProficiencyLevel.objects.get(scale=digcomp.scale, rank=7)
    with translation.override("de"):
        assert str(level) == "7 – Hoch fortgeschritten 7 (Hoch fortgeschritten)"
    with translation.override("en"):
        assert str(level) == "7 – Highly advanced 7 (Highly advanced)"


def test_a_level_name_of_another_framework_is_shown_as_it_is(framework):
    level = framework.scale.levels.get(rank=2)
    with translation.override("de"):
        assert str(level) == "2 – Stufe 2"


def test_english_names_are_labelled_english_on_german_pages(client, digcomp, make_user):
    assert digcomp.language == "en"
    competency = Competency.objects.get(framework=digcomp, code="1.2")
    log_in(client, make_user())
    response = client.get(reverse("competencies:evidence", args=[competency.pk]))
    assert f"{competency.name} (englisch)" in response.content.decode()

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(reverse("competencies:evidence", args=[competency.pk]))
    html = response.content.decode()
    assert competency.name in html
    assert "(englisch)" not in html and "(English)" not in html


def test_names_in_the_page_language_carry_no_label(framework):
    # A framework whose language is unknown or German: its names are shown as they are.
    competency = framework.competencies.get(code="QD.1")
    with translation.override("de"):
        assert competency.display_name == "Kompetenz QD.1"
    framework.language = "de"
    framework.save()
    competency.refresh_from_db()
    with translation.override("de"):
        assert competency.display_name == "Kompetenz QD.1"
    with translation.override("en"):
        assert competency.display_name == "Kompetenz QD.1 (German)"


def test_case_documents_give_their_language():
    data = {
        "CFDocument": {"title": "T", "uri": "urn:t", "identifier": "x", "language": "en-GB"},
        "CFItems": [{"identifier": "i1", "fullStatement": "Read data", "uri": "urn:t:1"}],
    }
    assert parse_case(data).language == "en"
    data["CFDocument"]["language"] = "not a language"
    assert parse_case(data).language == ""


def test_the_schedules_page_explains_itself_in_german(client, make_user, make_unit):
    unit = make_unit("Referat A")
    hr = make_user(groups=("Learner", "HR"), org_unit=unit)
    responsibility_grant(user=hr, org_unit=unit, kind=OrgUnitResponsibility.Kind.HR)
    log_in(client, hr)
    html = client.get(reverse("competencies:schedules")).content.decode()
    assert "Jeder aktive Zeitplan erstellt seinen Bericht einmal im Monat" in html
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("competencies:schedules")).content.decode()
    assert "Each active schedule produces its report once a month" in html


def test_a_case_export_keeps_the_language(digcomp):
    assert to_case(framework_data(framework=digcomp))["CFDocument"]["language"] == "en"
