import pytest

from competencies.demo import load_frameworks
from competencies.models import Competency, RoleProfile
from competencies.selectors import competency_get_by_ref, gaps_for_user, level_for
from lms.accounts.models import JobRole


def test_refs_resolve_to_both_frameworks(frameworks):
    qd2 = competency_get_by_ref("qd:QD.2")
    assert qd2.name == "Datenqualität beurteilen"
    assert qd2.parent.name == "Digitale Verwaltung"
    assert competency_get_by_ref("digcomp:1.2").name == "Evaluating information"
    level = level_for(competency=qd2, rank=3)
    assert (level.rank, level.band) == (3, "Intermediate")
    assert level.scale_id == competency_get_by_ref("digcomp:1.2").framework.scale_id


def test_demo_framework_has_the_eight_competencies_with_band_statements(frameworks):
    qd = Competency.objects.filter(framework__key="qd", kind="competency")
    assert sorted(qd.values_list("code", flat=True)) == [f"QD.{n}" for n in range(1, 9)]
    for comp in qd:
        assert comp.statements.count() == 4


def test_unknown_and_malformed_refs(frameworks):
    with pytest.raises(Competency.DoesNotExist):
        competency_get_by_ref("qd:QD.99")
    with pytest.raises(ValueError):
        competency_get_by_ref("QD.2")


def test_demo_load_is_idempotent(frameworks):
    before = (Competency.objects.count(), RoleProfile.objects.count())
    load_frameworks()
    assert (Competency.objects.count(), RoleProfile.objects.count()) == before


def test_gaps_for_user_without_evidence_are_the_targets(frameworks, make_user):
    user = make_user(job_roles=[JobRole.objects.get(code="sachbearbeitung")])
    gaps = gaps_for_user(user=user)
    assert len(gaps) == 9
    qd1 = next(g for g in gaps if g.competency.code == "QD.1")
    assert (qd1.target_rank, qd1.reached_rank, qd1.gap) == (4, 0, 4)
