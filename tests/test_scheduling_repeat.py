"""Wall-clock and exact time across DST changes: repeats, skipped and doubled local times."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from essprogramme import ValidationError
from essprogramme.scheduling import (
    add_wall_clock,
    repeat_local,
    resolve_local,
    wall_clock_between,
)

DST_ZONES = (
    "Europe/Paris",
    "America/Toronto",
    "America/Santiago",
    "Australia/Lord_Howe",
    "Asia/Beirut",
    "America/Havana",
    "Pacific/Chatham",
    "Africa/Casablanca",
)


def test_a_weekly_call_keeps_its_paris_hour_across_the_change() -> None:
    weekly = repeat_local(
        datetime(2026, 3, 17, 13, tzinfo=UTC), "Europe/Paris", 3, duration=timedelta(minutes=90)
    )
    assert [o.local.strftime("%m-%d %H:%M %Z") for o in weekly] == [
        "03-17 14:00 CET",
        "03-24 14:00 CET",
        "03-31 14:00 CEST",
    ]
    assert [o.start.strftime("%H:%M") for o in weekly] == ["13:00", "13:00", "12:00"]
    assert all(o.end is not None and o.end - o.start == timedelta(minutes=90) for o in weekly)


def test_toronto_and_paris_change_on_different_weeks() -> None:
    # The week Europe has changed and North America has not, Paris is five hours ahead, not six.
    paris = resolve_local(date(2021, 11, 1), time(13), "Europe/Paris")
    toronto = resolve_local(date(2021, 11, 1), time(8), "America/Toronto")
    assert paris.local.utcoffset() == timedelta(hours=1)
    assert toronto.local.utcoffset() == timedelta(hours=-4)
    assert paris.start == toronto.start == datetime(2021, 11, 1, 12, tzinfo=UTC)
    a_week_later = resolve_local(date(2021, 11, 8), time(8), "America/Toronto")
    assert a_week_later.start == datetime(2021, 11, 8, 13, tzinfo=UTC)


def test_a_skipped_time_is_shifted_forward_and_a_doubled_one_chosen_by_fold() -> None:
    gap = resolve_local(date(2026, 3, 8), time(2, 30), "America/Toronto")
    assert (gap.shifted, gap.local.strftime("%H:%M %Z")) == (True, "03:30 EDT")
    first = resolve_local(date(2026, 11, 1), time(1, 30), "America/Toronto")
    second = resolve_local(date(2026, 11, 1), time(1, 30), "America/Toronto", fold=1)
    assert first.ambiguous and second.ambiguous
    assert second.start - first.start == timedelta(hours=1)
    assert (first.local.tzname(), second.local.tzname()) == ("EDT", "EST")
    plain = resolve_local(date(2026, 6, 1), time(1, 30), "America/Toronto")
    assert not plain.shifted and not plain.ambiguous


def test_wall_clock_and_exact_durations_differ_across_a_change() -> None:
    night = (datetime(2026, 3, 28, 23, tzinfo=UTC), datetime(2026, 3, 29, 2, tzinfo=UTC))
    assert night[1] - night[0] == timedelta(hours=3)
    assert wall_clock_between(*night, "Europe/Paris") == timedelta(hours=4)
    saturday = datetime(2026, 3, 28, 9, tzinfo=UTC)
    assert add_wall_clock(saturday, timedelta(days=1), "Europe/Paris") - saturday == timedelta(
        hours=23
    )
    assert saturday + timedelta(days=1) - saturday == timedelta(hours=24)


def test_arguments_are_checked() -> None:
    with pytest.raises(ValidationError) as caught:
        repeat_local(
            datetime(2026, 3, 17, 13),
            "Europe/Paname",
            0,
            every=timedelta(hours=36),
            fold=2,
        )
    assert {(p.path, p.code) for p in caught.value.problems} == {
        ("$.first", "naive_datetime"),
        ("$.zone", "time_zone"),
        ("$.count", "range"),
        ("$.every", "duration"),
        ("$.fold", "fold"),
    }
    with pytest.raises(ValidationError) as caught:
        resolve_local(datetime(2026, 1, 1), "14:00", "UTC")  # type: ignore[arg-type]
    assert {p.path for p in caught.value.problems} == {"$.day", "$.at"}
    with pytest.raises(ValidationError) as caught:
        repeat_local(datetime(9999, 1, 1, tzinfo=UTC), "UTC", 1000, every=timedelta(days=30))
    assert caught.value.codes == {"range"}


def _changes(zone: str, year: int) -> list[tuple[datetime, timedelta, timedelta]]:
    """The instants in ``year`` at which ``zone``'s offset changes: (instant, before, after)."""
    tz = ZoneInfo(zone)
    found = []
    moment = datetime(year, 1, 1, tzinfo=UTC)
    while moment.year == year:
        later = moment + timedelta(days=1)
        before, after = moment.astimezone(tz).utcoffset(), later.astimezone(tz).utcoffset()
        if before != after:
            low, high = moment, later
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                if middle.astimezone(tz).utcoffset() == before:
                    low = middle
                else:
                    high = middle
            assert before is not None and after is not None
            found.append((high.replace(microsecond=0), before, after))
        moment = later
    return found


@st.composite
def near_a_change(draw: st.DrawFn) -> tuple[str, datetime, int, int]:
    """A zone, a first instant whose local time some later occurrence finds skipped or doubled."""
    zone = draw(st.sampled_from(DST_ZONES))
    changes = _changes(zone, draw(st.integers(2020, 2029)))
    every = draw(st.sampled_from([1, 7]))
    if not changes:  # a year without a change (Casablanca, some years)
        return zone, datetime(2026, 1, 1, tzinfo=UTC), 3, every
    instant, before, after = draw(st.sampled_from(changes))
    wall = (instant + before).replace(tzinfo=None)  # the local time at which the clock jumps
    jump = abs(after - before)
    # A time in the gap (clocks forward) or the repeated stretch (clocks back), on the hour's grid.
    inside = draw(st.integers(0, int(jump / timedelta(minutes=15)) - 1)) * timedelta(minutes=15)
    target = wall + inside if after > before else wall - jump + inside
    weeks = draw(st.integers(1, 3))
    first_wall = target - timedelta(days=every * weeks)
    first = first_wall.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)
    return zone, first, weeks + 1 + draw(st.integers(0, 2)), every


@given(
    st.one_of(
        near_a_change(),
        st.tuples(
            st.sampled_from(DST_ZONES),
            st.datetimes(
                min_value=datetime(2020, 1, 1),
                max_value=datetime(2030, 1, 1),
                timezones=st.just(UTC),
            ),
            st.integers(1, 60),
            st.sampled_from([1, 7, 14, 28]),
        ),
    ),
    st.sampled_from([0, 1]),
)
def test_a_repeat_keeps_its_local_hour_and_never_lands_on_a_skipped_time(
    case: tuple[str, datetime, int, int], fold: int
) -> None:
    zone, first, count, every = case
    tz = ZoneInfo(zone)
    wall = first.astimezone(tz).replace(tzinfo=None)
    found = repeat_local(first, zone, count, every=timedelta(days=every), fold=fold)
    for n, occurrence in enumerate(found):
        expected = wall + timedelta(days=every * n)
        local = occurrence.start.astimezone(tz)
        assert local == occurrence.local
        # What the wall clock shows is a time that exists: it reads back to the same instant.
        assert local.replace(tzinfo=None).replace(tzinfo=tz, fold=local.fold).astimezone(UTC) == (
            occurrence.start
        )
        if occurrence.shifted:
            back = expected.replace(tzinfo=tz).astimezone(UTC).astimezone(tz).replace(tzinfo=None)
            assert back != expected  # the time asked for did not exist that day
            assert local.replace(tzinfo=None) > expected
        else:
            assert local.replace(tzinfo=None) == expected  # the same local hour, every time
        if occurrence.ambiguous:
            assert local.fold == fold
