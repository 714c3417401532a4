"""The projection registry: apps turn stored statements into their own tables.

Apps call ``register_projection`` from ``AppConfig.ready()``. ``apply(rows)`` runs inside
the insert transaction with the rows of one insert (a single statement or a whole batch,
voiding statements included), so projections are current when the request returns. It
never stores a statement itself: when the rows call for one (a course completed, a
certificate earned, a cmi5 block satisfied) it *returns* a ``FollowUp`` and the store
records it in its second pass (``services.statements_store``). ``reset`` empties the
projection; ``rebuild_projections`` calls every ``reset`` and replays the log through
``apply``, dropping the follow-ups (they are in the log already). ``erase(user_id)`` is
called when a person is erased.

Order is explicit: a projection that reads another's tables names it in ``after`` (the
courses projection reads package progress, so it runs after ``packages.progress``).
Otherwise projections run in the order they were registered.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class FollowUp:
    """A statement the platform must record because of what a projection saw.

    ``reason`` names the intent for logs and tests (e.g. ``"course completed"``);
    ``statement`` is the statement JSON, built by ``lms.xapi.events``.
    """

    reason: str
    statement: dict


@dataclass(frozen=True)
class Projection:
    name: str
    apply: Callable[[list], "list[FollowUp] | None"]
    reset: Callable[[], None]
    erase: Callable[[int], None] | None = None
    after: tuple[str, ...] = ()


_REGISTRY: dict[str, Projection] = {}
_running: ContextVar[bool] = ContextVar("xapi_projection_running", default=False)


def register_projection(
    name: str,
    *,
    apply: Callable[[list], "list[FollowUp] | None"],
    reset: Callable[[], None],
    erase: Callable[[int], None] | None = None,
    after: tuple[str, ...] = (),
) -> None:
    """Register (or replace, by name) a projection."""
    _REGISTRY[name] = Projection(
        name=name, apply=apply, reset=reset, erase=erase, after=tuple(after)
    )


def registered_projections() -> list[Projection]:
    """Every projection, each after the ones it names in ``after`` (if registered)."""
    ordered: list[Projection] = []
    placed: set[str] = set()
    visiting: set[str] = set()

    def place(projection: Projection) -> None:
        if projection.name in placed:
            return
        if projection.name in visiting:
            raise ImproperlyConfigured(f"Projection order has a cycle at {projection.name!r}.")
        visiting.add(projection.name)
        for name in projection.after:
            if name in _REGISTRY:
                place(_REGISTRY[name])
        visiting.discard(projection.name)
        placed.add(projection.name)
        ordered.append(projection)

    for projection in list(_REGISTRY.values()):
        place(projection)
    return ordered


def is_running() -> bool:
    """True while projections run (the store refuses to be entered from one)."""
    return _running.get()


@contextmanager
def _projecting() -> Iterator[None]:
    token = _running.set(True)
    try:
        yield
    finally:
        _running.reset(token)


def run_projections(rows: list) -> list[FollowUp]:
    """Give stored rows to every projection in order; return the follow-ups they ask for.

    The caller holds the transaction.
    """
    follow_ups: list[FollowUp] = []
    if not rows:
        return follow_ups
    with _projecting():
        for projection in registered_projections():
            follow_ups.extend(projection.apply(rows) or ())
    return follow_ups
