"""cmi5 moveOn evaluation (section 13.1.4): pure, no database."""

from collections.abc import Iterable


def au_satisfied(*, move_on: str, completed: bool, passed: bool, waived: bool = False) -> bool:
    """Whether an AU's moveOn criterion is met."""
    if waived or move_on == "NotApplicable":
        return True
    if move_on == "Completed":
        return completed
    if move_on == "Passed":
        return passed
    if move_on == "CompletedAndPassed":
        return completed and passed
    if move_on == "CompletedOrPassed":
        return completed or passed
    return False


def all_satisfied(flags: Iterable[bool]) -> bool:
    """A block or course is satisfied when every AU in it is."""
    flags = list(flags)
    return bool(flags) and all(flags)


def block_au_indexes(block: dict) -> list[int]:
    """Every AU index inside a block, nested blocks included."""
    indexes = list(block.get("aus", []))
    for child in block.get("blocks", []):
        indexes.extend(block_au_indexes(child))
    return indexes


def walk_blocks(blocks: list[dict]):
    for block in blocks:
        yield block
        yield from walk_blocks(block.get("blocks", []))
