"""Fair series: rotation of the inconvenient hours, totals, availability, unplaced occurrences."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from essprogramme import Interval, ValidationError
from essprogramme.scheduling import Attendee, Series, suggest_series, suggest_slots
from test_scheduling_helpers import inside_any

NETWORK = ["America/Los_Angeles", "Europe/Paris", "Asia/Tokyo", "Indian/Mayotte"]
MONTHS = [
    (datetime(2026, month, 6, tzinfo=UTC), datetime(2026, month, 7, tzinfo=UTC))
    for month in range(1, 13)
]


def _objective(series: Series) -> tuple[int, int]:
    return series.worst, series.spread


def _baseline(series: Series) -> tuple[int, int]:
    amounts = [t.discomfort for t in series.baseline]
    return max(amounts), max(amounts) - min(amounts)


def test_a_monthly_call_rotates_the_early_and_late_hours() -> None:
    series = suggest_series(NETWORK, timedelta(minutes=90), MONTHS)
    assert len(series.occurrences) == 12 and not series.unplaced
    fair = [t.discomfort for t in series.totals]
    repeated = [t.discomfort for t in series.baseline]
    assert max(fair) < max(repeated)
    assert max(fair) - min(fair) < max(repeated) - min(repeated)
    assert series.total == sum(fair)
    # No one carries every bad hour: each uncomfortable participant has company.
    assert sum(1 for t in series.totals if t.uncomfortable) >= 2
    for slot, (low, high) in zip(series.occurrences, MONTHS, strict=True):
        assert slot is not None and low <= slot.start and slot.end <= high


def test_the_baseline_is_the_best_slot_of_each_occurrence_alone() -> None:
    series = suggest_series(NETWORK, timedelta(minutes=90), MONTHS[:3])
    for total, person in zip(series.baseline, NETWORK, strict=True):
        alone = [
            suggest_slots(NETWORK, timedelta(minutes=90), window, limit=1)[0]
            for window in MONTHS[:3]
        ]
        index = NETWORK.index(person)
        assert total.discomfort == sum(s.comfort[index].discomfort for s in alone)


def test_an_occurrence_where_nothing_fits_is_left_unplaced() -> None:
    away = Attendee(
        id="ana",
        zone="Europe/Paris",
        availability=[Interval(start=MONTHS[0][0], end=MONTHS[0][1])],
    )
    series = suggest_series([away, "Asia/Tokyo"], timedelta(hours=1), MONTHS[:3])
    assert series.unplaced == (1, 2)
    assert series.occurrences[0] is not None
    assert [t.participant for t in series.totals] == ["ana", "Asia/Tokyo"]


def test_bad_windows_are_reported() -> None:
    with pytest.raises(ValidationError) as caught:
        suggest_series(["UTC"], timedelta(hours=1), [MONTHS[0], (MONTHS[0][1], MONTHS[0][0]), "x"])  # type: ignore[list-item]
    assert {p.path for p in caught.value.problems} == {"$.windows[1][1]", "$.windows[2]"}
    with pytest.raises(ValidationError) as caught:
        suggest_series(["UTC"], timedelta(hours=1), [])
    assert caught.value.codes == {"range"}


ZONES = (
    "America/Los_Angeles",
    "Europe/Paris",
    "Asia/Tokyo",
    "Pacific/Auckland",
    "America/Sao_Paulo",
)


@given(
    st.lists(st.sampled_from(ZONES), min_size=2, max_size=4),
    st.integers(2, 5),
    st.integers(0, 300),
)
def test_a_fair_series_is_never_less_fair_than_the_best_slot_repeated(
    zones: list[str], count: int, first_day: int
) -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(days=first_day)
    windows = [
        (start + timedelta(days=7 * n), start + timedelta(days=7 * n + 1)) for n in range(count)
    ]
    series = suggest_series(zones, timedelta(hours=1), windows, step=timedelta(minutes=30))
    assert _objective(series) <= _baseline(series)
    for position, total in enumerate(series.totals):
        assert total.discomfort == sum(
            s.comfort[position].discomfort for s in series.occurrences if s is not None
        )
    for slot, (low, high) in zip(series.occurrences, windows, strict=True):
        assert slot is not None and low <= slot.start and slot.end <= high
        assert inside_any((slot.start, slot.end), [Interval(start=low, end=high)])
