"""Small-group suppression for HR reports, as pure functions.

The problem
    A report shows aggregates for groups of people: an org unit with its sub-units, maybe
    narrowed to one job role. Hiding every group with fewer than k people is not enough:
    a hidden group can be recovered by subtracting visible groups from a visible total
    (parent unit − sibling units), or by comparing two filters (all roles − one role).

The construction
    People are partitioned into *atoms*: (org unit, reporting job role) for the people
    whose own unit is that unit. Every group a report can show is a union of atoms. We
    partition the atoms into *blocks* such that every block holds either no people or at
    least k people, and a report shows a group **only if it is a union of whole blocks**.

    Every visible number is then a sum of per-block aggregates. Blocks are disjoint, so a
    linear combination of visible numbers gives each block one coefficient: whatever an
    attacker combines (totals, siblings, other filters, other pages), the finest thing
    they can isolate is a whole block, which has at least k people. The blocks depend only
    on the whole organisation's atoms and k — never on the viewer, the filters or the
    page — so every view reveals the same, safe partition.

Forming blocks (deterministic, bottom-up through the org tree)
    1. In each unit, atoms with at least k people are their own blocks; the smaller atoms
       of the unit, together with whatever the unit's children passed up, form one
       *remainder*.
    2. A remainder with at least k people is a block. A remainder with 1..k−1 people is
       merged into the unit's smallest block if the unit has one, else into the smallest
       block of its sub-units (complementary suppression: that block is then hidden too,
       while the unit as a whole stays visible); otherwise it is passed up to the parent.
    3. Whatever reaches the top with 1..k−1 people is merged into the smallest block of the
       organisation (if there is none, the whole organisation is one block and nothing is
       shown unless it has at least k people).
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
    depth: dict[Hashable, int] = {}

    def depth_of(unit):
        if unit not in depth:
            up = parent.get(unit)
            depth[unit] = 0 if up is None else depth_of(up) + 1
        return depth[unit]

    by_unit: dict[Hashable, list[Atom]] = defaultdict(list)
    for atom, count in atoms.items():
        if count > 0:
            by_unit[atom[0]].append(atom)
    units = set(by_unit) | set(parent)
    for unit in list(units):  # make sure every ancestor is known
        up = parent.get(unit)
        while up is not None and up not in units:
            units.add(up)
            up = parent.get(up)

    block_of: dict[Atom, int] = {}
    size: dict[int, int] = {}
    unit_blocks: dict[Hashable, list[int]] = defaultdict(list)
    passed_up: dict[Hashable, list[Atom]] = defaultdict(list)
    below: dict[Hashable, list[int]] = defaultdict(list)  # blocks in a unit's sub-units
    next_id = 0

    def new_block(members: list[Atom]) -> int:
        nonlocal next_id
        next_id += 1
        for atom in members:
            block_of[atom] = next_id
        size[next_id] = sum(atoms[a] for a in members)
        return next_id

    def merge(members: list[Atom], into: int) -> None:
        for atom in members:
            block_of[atom] = into
        size[into] += sum(atoms[a] for a in members)

    order = sorted(units, key=lambda u: (-depth_of(u), str(u)))
    roots_rest: list[Atom] = []
    for unit in order:
        remainder = list(passed_up.pop(unit, []))
        own = by_unit.get(unit, [])
        for atom in sorted(own, key=lambda a: str(a[1])) if len(own) > 1 else own:
            if atoms[atom] >= k:
                unit_blocks[unit].append(new_block([atom]))
            else:
                remainder.append(atom)
        people = sum(atoms[a] for a in remainder)
        up = parent.get(unit)
        if people >= k:
            unit_blocks[unit].append(new_block(remainder))
        elif people and (unit_blocks[unit] or below[unit]):
            candidates = unit_blocks[unit] or below[unit]
            smallest = min(candidates, key=lambda b: (size[b], b))
            merge(remainder, smallest)
        elif people and up is not None:
            passed_up[parent[unit]].extend(remainder)
        elif people:
            roots_rest.extend(remainder)
        if up is not None:
            below[up].extend(below[unit] + unit_blocks[unit])
    if roots_rest:
        if size:
            smallest = min(size, key=lambda b: (size[b], b))
            merge(roots_rest, smallest)
        else:
            new_block(roots_rest)
    members: dict[int, int] = defaultdict(int)
    for block in block_of.values():
        members[block] += 1
    return Blocks(block_of=block_of, size=size, k=k, members=dict(members))
