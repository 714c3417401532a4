"""The projection registry: apps turn stored statements into their own tables.

Apps call ``register_projection`` from ``AppConfig.ready()``. ``apply`` runs inside the
insert transaction with the statements of one insert (a single statement or a whole
batch, voiding statements included), so projections are current when the request
returns. ``reset`` empties the projection; ``rebuild_projections`` calls every
``reset`` and replays the non-voided log through ``apply``. ``erase(user_id)`` is
called when a person is erased.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Projection:
    name: str
    apply: Callable[[list], None]
    reset: Callable[[], None]
    erase: Callable[[int], None] | None = None


_REGISTRY: dict[str, Projection] = {}


def register_projection(
    name: str,
    *,
    apply: Callable[[list], None],
    reset: Callable[[], None],
    erase: Callable[[int], None] | None = None,
) -> None:
    """Register (or replace, by name) a projection."""
    _REGISTRY[name] = Projection(name=name, apply=apply, reset=reset, erase=erase)


def unregister_projection(name: str) -> None:
    _REGISTRY.pop(name, None)


def registered_projections() -> list[Projection]:
    return list(_REGISTRY.values())


def run_projections(statements: list) -> None:
    """Give the newly stored statements to every projection (caller holds the transaction)."""
    if not statements:
        return
    for projection in list(_REGISTRY.values()):
        projection.apply(statements)
