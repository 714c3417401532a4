import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from competencies import rules

T0 = dt.datetime(2026, 1, 15, 10, 0, tzinfo=dt.UTC)


def item(rank, source="assessment", days=0, expires=None):
    return rules.EvidenceItem(rank, source, T0 + dt.timedelta(days=days), expires)


def test_highest_measured_level_counts():
    items = [item(2), item(5, "course", 3), item(4, "validation", 9)]
    assert rules.reached_rank(items, now=T0 + dt.timedelta(days=30)) == 5


def test_self_assessment_never_counts_as_measured():
    items = [item(8, "self"), item(2)]
    state = rules.profile_state(items, now=T0)
    assert state.reached_rank == 2
    assert state.self_assessed_rank == 8


def test_latest_self_assessment_wins_even_if_lower():
    items = [item(6, "self", 1), item(3, "self", 5)]
    state = rules.profile_state(items, now=T0 + dt.timedelta(days=10))
    assert (state.self_assessed_rank, state.reached_rank) == (3, 0)


def test_nothing_measured_is_rank_zero():
    assert rules.reached_rank([], now=T0) == 0
    assert rules.profile_state([], now=T0).reached_at is None


def test_expired_evidence_no_longer_counts():
    expires = rules.expiry_for(T0, 12)
    assert expires == dt.datetime(2027, 1, 15, 10, 0, tzinfo=dt.UTC)
    items = [item(6, expires=expires), item(3, days=200)]
    assert rules.reached_rank(items, now=T0 + dt.timedelta(days=100)) == 6
    assert rules.reached_rank(items, now=expires) == 3


def test_expiry_clamps_to_month_end():
    start = dt.datetime(2026, 8, 31, tzinfo=dt.UTC)
    assert rules.expiry_for(start, 6) == dt.datetime(2027, 2, 28, tzinfo=dt.UTC)
    assert rules.expiry_for(start, None) is None


def test_reached_at_is_first_time_the_reached_level_was_shown():
    state = rules.profile_state([item(4, days=5), item(4, days=2), item(3)], now=T0)
    assert state.reached_at == T0 + dt.timedelta(days=2)
    assert state.last_evidence_at == T0 + dt.timedelta(days=5)


@pytest.mark.parametrize(
    ("target", "reached", "expected"), [(4, 0, 4), (4, 3, 1), (4, 4, 0), (4, 7, 0), (0, 3, 0)]
)
def test_gap_is_target_minus_reached_and_never_negative(target, reached, expected):
    assert rules.gap(target=target, reached=reached) == expected


def test_gap_rejects_negative_ranks():
    with pytest.raises(ValueError):
        rules.gap(target=-1, reached=0)


@given(
    st.lists(
        st.tuples(
            st.integers(1, 8),
            st.sampled_from(["assessment", "course", "validation", "self"]),
            st.integers(0, 400),
        ),
        max_size=20,
    )
)
def test_reached_rank_is_monotone_in_measured_evidence(raw):
    items = [item(rank, source, days) for rank, source, days in raw]
    now = T0 + dt.timedelta(days=500)
    base = rules.reached_rank(items, now=now)
    assert base == max((r for r, s, _d in raw if s != "self"), default=0)
    assert rules.reached_rank([*items, item(1, "self")], now=now) == base
    assert rules.reached_rank([*items, item(8)], now=now) == 8


@given(
    st.lists(
        st.tuples(
            st.integers(1, rules.MAX_RANK),
            st.sampled_from(["assessment", "course", "validation", "self"]),
            st.integers(0, 30),  # occurred, days after T0
            st.one_of(st.none(), st.integers(1, 90)),  # valid for so many days
        ),
        max_size=12,
    ),
    st.integers(0, 120),
    st.integers(0, 120),
)
def test_nothing_changes_by_time_alone_before_the_next_expiry(raw, start, step):
    """The daily refresh may skip a row until its ``next_expiry_at``: before that moment
    the state is the same at any later time; from it on, recomputing may change it."""
    items = [
        item(rank, source, days, None if valid is None else T0 + dt.timedelta(days + valid))
        for rank, source, days, valid in raw
    ]
    now = T0 + dt.timedelta(days=start)
    later = now + dt.timedelta(days=step)
    state = rules.profile_state(items, now=now)
    if state.next_expiry_at is None or later < state.next_expiry_at:
        assert rules.profile_state(items, now=later) == state
    else:
        assert state.next_expiry_at > now
