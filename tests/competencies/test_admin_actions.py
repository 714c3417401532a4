"""Role targets, competencies and frameworks written in the Wagtail admin go through the
services, so the gap counts follow (and a target level must be on the right scale)."""

import pytest
from django.utils import translation

from competencies import gapcounts
from competencies.models import Competency, Framework, GapCount, RoleProfile
from competencies.services import role_target_set
from tests.conftest import log_in

pytestmark = pytest.mark.django_db


def _assert_consistent():
    assert gapcounts.stored() == gapcounts.contributions()


def _targets_counted() -> dict[int, int]:
    """People counted per competency."""
    result: dict[int, int] = {}
    for key, n in gapcounts.stored().items():
        if key[0] == gapcounts.GAP:
            result[key[3]] = result.get(key[3], 0) + n
    return result


@pytest.fixture
def org(framework, make_framework, make_unit, make_role, make_user):
    unit = make_unit("Referat 1")
    role = make_role()
    qd1, qd2 = Competency.objects.filter(framework=framework).order_by("code")
    role_target_set(job_role=role, competency=qd1, rank=3)
    people = [make_user(org_unit=unit, job_roles=[role]) for _ in range(3)]
    admin = make_user("admin@example.org", groups=("Learner", "Administrator"))
    other = make_framework(levels=12)
    return {"role": role, "qd1": qd1, "qd2": qd2, "people": people, "admin": admin, "other": other}


def test_a_target_level_of_another_scale_is_refused_with_a_form_error(client, org):
    log_in(client, org["admin"])
    foreign_level = org["other"].scale.levels.get(rank=11)
    with translation.override("de"):
        response = client.post(
            "/cms/snippets/competencies/roleprofile/add/",
            {
                "job_role": org["role"].pk,
                "competency": org["qd2"].pk,
                "target_level": foreign_level.pk,
                "importance": "required",
            },
            HTTP_ACCEPT_LANGUAGE="de",
        )
    assert response.status_code == 200
    assert "Wählen Sie eine Stufe der Skala" in response.content.decode()
    assert not RoleProfile.objects.filter(competency=org["qd2"]).exists()
    _assert_consistent()


def test_targets_added_changed_and_deleted_in_the_admin_move_the_counts(client, org):
    log_in(client, org["admin"])
    qd1, qd2, role = org["qd1"], org["qd2"], org["role"]
    level = qd2.framework.scale.levels.get(rank=5)
    response = client.post(
        "/cms/snippets/competencies/roleprofile/add/",
        {
            "job_role": role.pk,
            "competency": qd2.pk,
            "target_level": level.pk,
            "importance": "required",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    _assert_consistent()
    assert _targets_counted() == {qd1.pk: 3, qd2.pk: 3}
    target = RoleProfile.objects.get(competency=qd2)
    assert {k[4] for k in gapcounts.stored() if k[0] == gapcounts.GAP and k[3] == qd2.pk} == {5}

    # The first target moves to the second competency's neighbour: both are recomputed.
    first = RoleProfile.objects.get(competency=qd1)
    other_comp = Competency.objects.create(
        framework=qd1.framework, kind="competency", code="QD.9", uri="urn:test:qd:9", name="9"
    )
    response = client.post(
        f"/cms/snippets/competencies/roleprofile/edit/{first.pk}/",
        {
            "job_role": role.pk,
            "competency": other_comp.pk,
            "target_level": first.target_level_id,
            "importance": "desirable",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    _assert_consistent()
    assert _targets_counted() == {other_comp.pk: 3, qd2.pk: 3}

    assert client.post(f"/cms/snippets/competencies/roleprofile/delete/{target.pk}/").status_code
    assert not RoleProfile.objects.filter(pk=target.pk).exists()
    _assert_consistent()
    assert _targets_counted() == {other_comp.pk: 3}

    response = client.post(f"/cms/bulk/competencies/roleprofile/delete/?id={first.pk}&next=/cms/")
    assert response.status_code == 302
    assert not RoleProfile.objects.exists()
    _assert_consistent()
    assert _targets_counted() == {}


def test_deleting_competencies_and_frameworks_in_the_admin_removes_their_counts(client, org):
    log_in(client, org["admin"])
    qd1, qd2, role = org["qd1"], org["qd2"], org["role"]
    role_target_set(job_role=role, competency=qd2, rank=2)
    area = Competency.objects.create(
        framework=qd1.framework, kind="area", code="QD", uri="urn:test:qd:area", name="Bereich"
    )
    Competency.objects.filter(pk=qd1.pk).update(parent=area)
    assert _targets_counted() == {qd1.pk: 3, qd2.pk: 3}

    response = client.post(f"/cms/snippets/competencies/competency/delete/{area.pk}/")
    assert response.status_code == 302, response.content.decode()[:2000]
    assert not Competency.objects.filter(pk__in=[area.pk, qd1.pk]).exists()
    _assert_consistent()
    assert not GapCount.objects.filter(competency_id=qd1.pk).exists()
    assert _targets_counted() == {qd2.pk: 3}

    response = client.post(
        f"/cms/bulk/competencies/framework/delete/?id={qd2.framework_id}&next=/cms/"
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert not Framework.objects.filter(pk=qd2.framework_id).exists()
    _assert_consistent()
    assert not GapCount.objects.exists()


def test_the_replaced_actions_keep_wagtails_permission_checks(client, org, make_user):
    """A trainer enters the admin but may not change role targets or competencies."""
    log_in(client, make_user("trainer@example.org", groups=("Learner", "Trainer")))
    target = RoleProfile.objects.get()
    before = gapcounts.stored()
    client.post(
        "/cms/snippets/competencies/roleprofile/add/",
        {
            "job_role": org["role"].pk,
            "competency": org["qd2"].pk,
            "target_level": target.target_level_id,
            "importance": "required",
        },
    )
    client.post(f"/cms/snippets/competencies/roleprofile/delete/{target.pk}/")
    client.post(f"/cms/bulk/competencies/roleprofile/delete/?id={target.pk}")
    client.post(f"/cms/bulk/competencies/competency/delete/?id={org['qd1'].pk}")
    client.post(f"/cms/snippets/competencies/framework/delete/{org['qd1'].framework_id}/")
    assert list(RoleProfile.objects.all()) == [target]
    assert Competency.objects.filter(pk=org["qd1"].pk).exists()
    assert gapcounts.stored() == before
