"""Other apps keep figures about people current through trackers registered here.

``lms/accounts`` imports none of the other apps, yet some of them keep figures derived
from people (``competencies``: gap counts per own org unit and reporting role). Every
write that can change what those figures see of a person (org unit, active flag, role
assignments, or the person's existence) runs inside ``people_changing(user_ids)``: the
services in ``services.py`` do, and so must anything else that writes these (admin
actions, bulk loads, erasure).

A tracker is a context manager factory taking a frozenset of user ids, registered once
from an ``AppConfig.ready()``::

    register_people_tracker("competencies.gapcounts", gapcounts.tracking)

``people_changing`` enters every tracker before the change and leaves it after the
change, inside one transaction, so a tracker can read the people's state on both sides
and apply the difference. Blocks nest: an inner block announces only people that no
enclosing block announced, so each tracker hears of each person once, from the
outermost block. A person created inside a block has no id when it starts: save a new
person first (they hold no role yet, so no figure counts them), then announce them.
"""

import contextvars
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, ExitStack, contextmanager

from django.db import transaction

PeopleTracker = Callable[[frozenset[int]], AbstractContextManager]

_trackers: dict[str, PeopleTracker] = {}
_announced: contextvars.ContextVar[frozenset[int]] = contextvars.ContextVar(
    "people_changing", default=frozenset()
)


def register_people_tracker(name: str, factory: PeopleTracker) -> None:
    """Register (or replace, by name) a tracker entered around every change to people."""
    _trackers[name] = factory


@contextmanager
def people_changing(user_ids: Iterable[int]):
    """Wrap a change to these people (ids of existing people) in every registered tracker.

    Runs in a transaction (a savepoint inside an outer one). If the block raises, the
    trackers apply nothing and the transaction rolls back.
    """
    outer = _announced.get()
    new = frozenset(int(pk) for pk in user_ids if pk is not None) - outer
    with transaction.atomic():
        if not new:
            yield
            return
        token = _announced.set(outer | new)
        try:
            with ExitStack() as stack:
                for factory in list(_trackers.values()):
                    stack.enter_context(factory(new))
                yield
        finally:
            _announced.reset(token)
