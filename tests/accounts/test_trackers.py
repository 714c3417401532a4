"""The hook through which other apps keep figures about people current."""

from contextlib import contextmanager

import pytest

from lms.accounts import trackers
from lms.accounts.trackers import people_changing

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard(monkeypatch):
    calls = []

    @contextmanager
    def recorder(user_ids):
        calls.append(("enter", set(user_ids)))
        try:
            yield
        except Exception:
            calls.append(("failed", set(user_ids)))
            raise
        calls.append(("exit", set(user_ids)))

    monkeypatch.setattr(trackers, "_trackers", {"test": recorder})
    return calls


def test_each_person_is_announced_once_by_the_outermost_block(heard):
    with people_changing({1, 2}):
        with people_changing({2}):
            pass
        with people_changing([2, 3, None]), people_changing({3}):
            pass
    assert heard == [
        ("enter", {1, 2}),
        ("enter", {3}),
        ("exit", {3}),
        ("exit", {1, 2}),
    ]


def test_a_failing_change_reaches_the_trackers_as_a_failure(heard):
    with pytest.raises(ValueError), people_changing({7}):
        raise ValueError("refused")
    assert heard == [("enter", {7}), ("failed", {7})]
    with people_changing({7}):  # the block is left: 7 is announced again
        pass
    assert heard[-1] == ("exit", {7})
