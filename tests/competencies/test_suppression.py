"""Suppression: hidden groups can never be recovered from what reports show.

The attacker sees every group any report can show (every unit with its sub-units, every
role filter, unions of units such as an HR person's whole scope) and tries to isolate a
set of fewer than k people by linear algebra over the visible counts.
"""

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from competencies.reporting import Cube
from competencies.suppression import build_blocks


@st.composite
def organisations(draw):
    n_units = draw(st.integers(1, 6))
    parent = {0: None}
    for unit in range(1, n_units):
        parent[unit] = draw(st.integers(0, unit - 1))
    if draw(st.booleans()) and n_units > 2:  # sometimes a second root (a forest)
        parent[n_units - 1] = None
    roles = list(range(draw(st.integers(1, 3))))
    atoms = {}
    for unit in parent:
        for role in roles:
            atoms[(unit, role)] = draw(st.integers(0, 9))
    k = draw(st.integers(2, 6))
    return parent, roles, atoms, k


def subtree(parent, unit):
    result = {unit}
    changed = True
    while changed:
        changed = False
        for child, up in parent.items():
            if up in result and child not in result:
                result.add(child)
                changed = True
    return result


def candidate_groups(parent, roles, atoms):
    """Every group a report can ask for: unit subtrees (and unions of two) × role filters."""
    scopes = [subtree(parent, u) for u in parent]
    scopes += [a | b for a, b in itertools.combinations(scopes, 2)]
    scopes.append(set(parent))
    filters = [set(roles)] + [{r} for r in roles]
    for scope in scopes:
        for role_filter in filters:
            yield frozenset(a for a in atoms if a[0] in scope and a[1] in role_filter)


def residual(basis, vector):
    if basis is None:
        return float(np.abs(vector).sum())
    coeffs, *_ = np.linalg.lstsq(basis.T, vector, rcond=None)
    return float(np.abs(basis.T @ coeffs - vector).max())


def suppress_small(count: int, *, k: int) -> bool:
    """The primary rule on its own: a group of 1..k-1 people is never shown."""
    return 0 < count < k


@settings(max_examples=250, deadline=None)
@given(organisations())
def test_no_set_of_fewer_than_k_people_can_be_isolated(org):
    parent, roles, atoms, k = org
    blocks = build_blocks(atoms=atoms, parent=parent, k=k)
    people_atoms = sorted(a for a, n in atoms.items() if n > 0)
    index = {a: i for i, a in enumerate(people_atoms)}
    visible = []
    for group in set(candidate_groups(parent, roles, atoms)):
        if blocks.visible(group):
            people = sum(atoms[a] for a in group)
            assert not suppress_small(people, k=k), "a visible group has fewer than k people"
            vector = np.zeros(len(people_atoms))
            for atom in group:
                if atom in index:
                    vector[index[atom]] = 1
            visible.append(vector)
    basis = np.array(visible) if visible else None
    # Try every set of atoms holding 1..k-1 people: none may be derivable.
    for size in range(1, min(len(people_atoms), 6) + 1):
        for subset in itertools.combinations(people_atoms, size):
            people = sum(atoms[a] for a in subset)
            if not suppress_small(people, k=k):
                continue
            vector = np.zeros(len(people_atoms))
            for atom in subset:
                vector[index[atom]] = 1
            assert residual(basis, vector) > 1e-6, f"recovered {subset} ({people} people)"


@settings(max_examples=150, deadline=None)
@given(organisations())
def test_blocks_partition_everyone_and_are_big_enough(org):
    parent, _roles, atoms, k = org
    blocks = build_blocks(atoms=atoms, parent=parent, k=k)
    assert set(blocks.block_of) == {a for a, n in atoms.items() if n > 0}
    total = sum(atoms.values())
    assert sum(blocks.size.values()) == total
    if total >= k:
        assert all(size >= k for size in blocks.size.values())


def test_large_groups_are_all_shown():
    parent = {"agency": None, "a": "agency", "b": "agency"}
    atoms = {("a", "case"): 12, ("a", "lead"): 6, ("b", "case"): 9}
    blocks = build_blocks(atoms=atoms, parent=parent, k=5)
    assert blocks.visible([("a", "case")])
    assert blocks.visible([("a", "case"), ("a", "lead")])
    assert blocks.visible(atoms)


def test_small_role_hides_its_largest_neighbour_too():
    """Complementary suppression: unit total visible, the small role and one more hidden."""
    parent = {"agency": None, "a": "agency"}
    atoms = {("a", "case"): 12, ("a", "lead"): 6, ("a", "trainee"): 2}
    blocks = build_blocks(atoms=atoms, parent=parent, k=5)
    assert not blocks.visible([("a", "trainee")])
    assert not blocks.visible([("a", "lead")])  # the smallest block absorbs the trainees
    assert blocks.visible([("a", "case")])
    assert blocks.visible(atoms)  # the whole unit


def test_small_unit_rolls_up_into_its_parent():
    parent = {"agency": None, "dept": "agency", "a": "dept", "b": "dept"}
    atoms = {("a", "case"): 3, ("b", "case"): 8}
    blocks = build_blocks(atoms=atoms, parent=parent, k=5)
    assert not blocks.visible([("a", "case")])
    assert not blocks.visible([("b", "case")])  # else dept − b = a
    assert blocks.visible(atoms)


def test_a_tiny_organisation_shows_nothing():
    blocks = build_blocks(atoms={("a", "x"): 2, ("a", "y"): 1}, parent={"a": None}, k=5)
    assert not blocks.visible([("a", "x"), ("a", "y")])
    assert blocks.visible([])


@settings(max_examples=100, deadline=None)
@given(organisations())
def test_report_cube_hides_exactly_the_groups_that_are_not_unions_of_blocks(org):
    """The vectorised report path agrees with ``Blocks.visible`` for every subtree × filter."""
    parent, roles, atoms, k = org
    blocks = build_blocks(atoms=atoms, parent=parent, k=k)
    units = sorted(parent)
    counts = np.zeros((1, len(units), len(roles), 2, 2), dtype=np.int64)
    for (unit, role), people in atoms.items():
        counts[0, units.index(unit), roles.index(role), 1, 0] = people
    cube = Cube(
        counts=counts,
        competency_index={7: 0},
        unit_index={u: i for i, u in enumerate(units)},
        role_index={r: i for i, r in enumerate(roles)},
        parent=parent,
        blocks={7: blocks},
        k=k,
    )
    for role_filter in [None, *({r} for r in roles)]:
        cells = cube.cells(units, role_filter, [7])
        for unit in units:
            group = {
                a
                for a in atoms
                if a[0] in subtree(parent, unit) and (role_filter is None or a[1] in role_filter)
            }
            cell = cells[(unit, 7)]
            assert cell.suppressed == (not blocks.visible(group))
            if not cell.suppressed:
                assert cell.stats.people == sum(atoms[a] for a in group)
                assert cell.stats.below == cell.stats.people  # all at level 0, target 1


def test_a_large_role_spread_over_small_units_is_shown_where_it_is_large():
    """30 case workers in four units, some sharing a unit with a few trainees: the role is
    shown for the whole organisation (30) and in the units where it has k people; the
    units it cannot be told apart from stay hidden."""
    parent = {"agency": None, "dept1": "agency", "dept2": "agency"}
    parent |= {"r11": "dept1", "r12": "dept1", "r13": "dept1", "r22": "dept2"}
    atoms = {
        ("r11", "case"): 12,
        ("r11", "trainee"): 2,
        ("r12", "case"): 11,
        ("r13", "case"): 5,
        ("r13", "trainee"): 4,
        ("r22", "case"): 2,
    }
    blocks = build_blocks(atoms=atoms, parent=parent, k=5)
    case = [a for a in atoms if a[1] == "case"]
    trainee = [a for a in atoms if a[1] == "trainee"]
    assert blocks.visible(atoms)
    assert blocks.visible(case)  # 30 people across units
    assert blocks.visible(trainee)  # 6 people across units
    assert blocks.visible([("r12", "case")])
    assert not blocks.visible([("r22", "case")])  # 2 people
    assert not blocks.visible([("r13", "case")])  # else the whole role − r11 − r12 − r13
    assert not blocks.visible([a for a in atoms if a[0] == "r11"])  # else its 2 trainees


@settings(max_examples=150, deadline=None)
@given(organisations())
def test_every_role_with_k_people_is_shown_for_the_whole_organisation_if_others_allow(org):
    """With two job roles of at least k people each, both are shown organisation-wide,
    however they are spread over units."""
    parent, roles, atoms, k = org
    if len(roles) != 2:
        return
    totals = [sum(n for (_u, r), n in atoms.items() if r == role) for role in roles]
    blocks = build_blocks(atoms=atoms, parent=parent, k=k)
    for role, total in zip(roles, totals, strict=True):
        group = [a for a in atoms if a[1] == role]
        if all(t >= k for t in totals):
            assert blocks.visible(group)
        if 0 < total < k:
            assert not blocks.visible(group)


@settings(max_examples=100, deadline=None)
@given(organisations())
def test_no_set_of_fewer_than_k_people_can_be_isolated_from_three_way_unions(org):
    """As above, with the attacker also combining three scopes and every role pair."""
    parent, roles, atoms, k = org
    blocks = build_blocks(atoms=atoms, parent=parent, k=k)
    people_atoms = sorted(a for a, n in atoms.items() if n > 0)
    index = {a: i for i, a in enumerate(people_atoms)}
    scopes = [subtree(parent, u) for u in parent]
    scopes += [a | b | c for a, b, c in itertools.combinations(scopes, 3)]
    filters = [set(roles)] + [set(pair) for pair in itertools.combinations(roles, 2)]
    filters += [{r} for r in roles]
    visible = []
    for scope in scopes:
        for role_filter in filters:
            group = [a for a in people_atoms if a[0] in scope and a[1] in role_filter]
            if blocks.visible(group):
                vector = np.zeros(len(people_atoms))
                vector[[index[a] for a in group]] = 1
                visible.append(vector)
    basis = np.array(visible) if visible else None
    for size in range(1, min(len(people_atoms), 4) + 1):
        for subset in itertools.combinations(people_atoms, size):
            if not suppress_small(sum(atoms[a] for a in subset), k=k):
                continue
            vector = np.zeros(len(people_atoms))
            vector[[index[a] for a in subset]] = 1
            assert residual(basis, vector) > 1e-6, f"recovered {subset}"
