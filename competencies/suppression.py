"""Small-group suppression for HR reports, as pure functions.

The problem
    A report shows aggregates for groups of people: an org unit with its sub-units, maybe
    narrowed to one job role. Hiding every group with fewer than k people is not enough:
    a hidden group can be recovered by subtracting visible groups from a visible total
    (parent unit − sibling units), or by comparing two filters (all roles − one role).

The construction
    People are partitioned into *atoms*: (org unit, reporting job role) for the people
    whose own unit is that unit. Every group a report can show is a union of atoms. We
    partition the atoms into *blocks* such that every block holds at least k people (or,
    in an organisation of fewer than k people, the single block is never shown), and a
    report shows a group **only if it is a union of whole blocks**.

    Every visible number is then a sum of per-block aggregates. Blocks are disjoint, so a
    linear combination of visible numbers gives each block one coefficient: whatever an
    attacker combines (totals, siblings, other filters, other pages), the finest thing
    they can isolate is a whole block, which has at least k people. The blocks depend only
    on the whole organisation's atoms and k — never on the viewer, the filters or the
    page — so every view reveals the same, safe partition.

Forming blocks (deterministic, coarse to fine)
    Start with one block: everybody. Then go through the groups reports ask for, from the
    largest level down — the whole organisation per job role first, then each level of the
    org tree (each unit with its sub-units, then that unit per job role) — and split the
    blocks along each group, but only if every piece keeps at least k people; otherwise
    that group stays hidden and the blocks stay as they are. A group of fewer than k
    people is therefore always hidden, and a group whose showing would let a smaller one
    be worked out is hidden too (complementary suppression). Because the coarse groups
    come first, a job role of 30 people spread over many small units is shown for the
    whole organisation (and every level where it is large enough), and the small units
    are the ones that stay hidden.
"""

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

Atom = tuple[Hashable, Hashable]  # (unit id, role id)


@dataclass(frozen=True)
class Blocks:
    """The partition of atoms into blocks (block ids are ints)."""

    block_of: Mapping[Atom, int]
    size: Mapping[int, int]
    k: int
    members: Mapping[int, int]

    def visible(self, atoms: Iterable[Atom]) -> bool:
        """Whether a group made of these atoms may be shown: a union of whole blocks.

        Atoms with no people never matter; a group whose atoms hold nobody is visible
        (it shows an empty group, which reveals nothing about anyone).
        """
        chosen = defaultdict(int)
        for atom in set(atoms):
            block = self.block_of.get(atom)
            if block is not None:
                chosen[block] += 1
        for block, count in chosen.items():
            if count != self.members[block]:
                return False
            if 0 < self.size[block] < self.k:
                return False
        return True


def _subtrees(units: set, parent: Mapping) -> tuple[dict, dict]:
    """Depth of every unit and the units of its subtree (itself included)."""
    depth: dict[Hashable, int] = {}

    def depth_of(unit):
        chain = []
        while unit not in depth:
            up = parent.get(unit)
            if up is None:
                depth[unit] = 0
                break
            chain.append(unit)
            unit = up
        for node in reversed(chain):
            depth[node] = depth[parent[node]] + 1
        return depth[chain[0]] if chain else depth[unit]

    for unit in units:
        depth_of(unit)
    below: dict[Hashable, set] = {unit: {unit} for unit in units}
    for unit in sorted(units, key=lambda u: -depth[u]):
        up = parent.get(unit)
        if up is not None:
            below[up] |= below[unit]
    return depth, below


def build_blocks(
    *,
    atoms: Mapping[Atom, int],
    parent: Mapping[Hashable, Hashable | None],
    k: int,
) -> Blocks:
    """Partition atoms with people into blocks of ≥ k people (see module docstring).

    ``atoms`` maps (unit, role) to the number of people; ``parent`` maps every unit to its
    parent (None for roots). Atoms with 0 people are left out (they hold no one).
    """
    if k < 1:
        raise ValueError("k must be at least 1")
    people = {atom: count for atom, count in atoms.items() if count > 0}
    units = {atom[0] for atom in people} | set(parent)
    for unit in list(units):  # make sure every ancestor is known
        up = parent.get(unit)
        while up is not None and up not in units:
            units.add(up)
            up = parent.get(up)
    depth, below = _subtrees(units, parent)
    by_unit: dict[Hashable, list[Atom]] = defaultdict(list)
    for atom in people:
        by_unit[atom[0]].append(atom)
    roles = sorted({atom[1] for atom in people}, key=str)

    block_of: dict[Atom, int] = dict.fromkeys(people, 0)
    size: dict[int, int] = {0: sum(people.values())}
    if not people:
        return Blocks(block_of={}, size={}, k=k, members={})

    def split(group: list[Atom]) -> None:
        """Split the blocks along the group if every piece keeps ≥ k people."""
        inside: dict[int, int] = defaultdict(int)
        for atom in group:
            inside[block_of[atom]] += people[atom]
        for block, count in inside.items():
            outside = size[block] - count
            if count < k or 0 < outside < k:
                return
        for block, count in inside.items():
            if count == size[block]:
                continue  # the group holds the whole block: nothing to split
            new = len(size)
            size[new], size[block] = count, size[block] - count
            for atom in group:
                if block_of[atom] == block:
                    block_of[atom] = new

    def group_of(unit, role=None) -> list[Atom]:
        return [
            atom
            for node in below[unit]
            for atom in by_unit.get(node, ())
            if role is None or atom[1] == role
        ]

    for role in roles:  # the whole organisation per job role
        split([atom for atom in people if atom[1] == role])
    for unit in sorted(units, key=lambda u: (depth[u], str(u))):
        group = group_of(unit)
        if not group:
            continue
        split(group)
        for role in roles:
            split([atom for atom in group if atom[1] == role])
    members: dict[int, int] = defaultdict(int)
    for block in block_of.values():
        members[block] += 1
    return Blocks(block_of=block_of, size=size, k=k, members=dict(members))
