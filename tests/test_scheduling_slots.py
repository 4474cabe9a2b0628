"""The slot finder: the seed's golden ranking, feasibility, a brute-force grid, the bounds."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from essprogramme import Interval, ValidationError
from essprogramme.scheduling import (
    MAX_CANDIDATES,
    Attendee,
    ComfortPolicy,
    comfort_of,
    suggest_slots,
)
from test_scheduling_helpers import (
    SEED_SESSION,
    inside_any,
    person,
    programme,
    seed,
    talk,
    utc,
    window,
)

SEED_ZONES = ["Indian/Mayotte", "Europe/Paris", "America/Toronto", "Africa/Lome"]
EIGHT_TO_SIX = ComfortPolicy(ideal="08:00-18:00", acceptable="08:00-18:00")
SEED_DAY = window(date(2021, 10, 8))


def _ranks(slots: tuple[object, ...]) -> dict[str, int]:
    return {f"{s.start:%H:%M}": s.rank for s in slots}  # type: ignore[attr-defined]


def test_with_an_eight_to_six_policy_13z_ranks_above_11z() -> None:
    slots = suggest_slots(
        SEED_ZONES, timedelta(minutes=90), SEED_DAY, policy=EIGHT_TO_SIX, limit=96
    )
    ranks = _ranks(slots)
    assert ranks["13:00"] < ranks["11:00"]
    at_13 = slots[ranks["13:00"] - 1]
    at_11 = slots[ranks["11:00"] - 1]
    assert at_13.worst == 0  # everyone inside 08:00-18:00
    assert (at_11.worst, at_11.worst_off) == (60 * 3, ("America/Toronto",))
    assert [f"{c.start:%H:%M}" for c in at_11.comfort] == ["14:00", "13:00", "07:00", "11:00"]
    assert [s.rank for s in slots] == list(range(1, len(slots) + 1))


def test_the_golden_ranking_with_the_seed_speakers_themselves() -> None:
    built = seed()
    speakers = [s for s in built.speakers if s.time_zone is not None]  # Rodéric Egal has none
    slots = suggest_slots(
        speakers,
        timedelta(minutes=90),
        SEED_DAY,
        policy=EIGHT_TO_SIX,
        programme=built,
        exclude=[SEED_SESSION],  # the workshop being placed does not keep them busy
        limit=96,
    )
    ranks = _ranks(slots)
    assert ranks["13:00"] < ranks["11:00"]
    assert slots[ranks["11:00"] - 1].worst_off == ("johanne-lavoie",)


def test_the_seed_speakers_as_participants() -> None:
    built = seed()
    speakers = [built.speaker(i) for i in ("kevin-ossah", "maud-caruhel", "johanne-lavoie")]
    # Their workshop itself makes them busy from 11:00 to 12:30, unless it is the one being moved.
    busy = suggest_slots(speakers, timedelta(minutes=90), SEED_DAY, programme=built, limit=96)
    assert all(
        s.end <= utc(8, 11, month=10, year=2021) or s.start >= utc(8, 12, 30, month=10, year=2021)
        for s in busy
    )
    moving = suggest_slots(
        speakers, timedelta(minutes=90), SEED_DAY, programme=built, exclude=[SEED_SESSION], limit=1
    )
    assert moving[0].comfort[2].participant == "johanne-lavoie"
    with pytest.raises(ValidationError) as caught:
        suggest_slots([built.speaker("roderic-egal")], timedelta(hours=1), SEED_DAY)
    assert [(p.path, p.code) for p in caught.value.problems] == [("$.participants[0]", "time_zone")]


def test_every_suggestion_lies_inside_availability_and_outside_other_sessions() -> None:
    ana = person("ana", availability=[Interval(start=utc(30, 8), end=utc(30, 12))])
    built = programme([talk("x", utc(30, 9), utc(30, 10), "ana")], [ana])
    slots = suggest_slots(
        [ana, "America/Toronto"],
        timedelta(minutes=60),
        window(date(2026, 3, 30)),
        programme=built,
        limit=100,
    )
    # Toronto is an hour early at 10:00Z as at 11:00Z: the earlier comes first; 08:00Z is night.
    assert [f"{s.start:%H:%M}" for s in slots] == [
        "10:00",
        "10:15",
        "10:30",
        "10:45",
        "11:00",
        "08:00",
    ]
    assert not suggest_slots(["UTC"], timedelta(hours=3), (utc(30, 8), utc(30, 10)))


def test_an_attendee_is_checked() -> None:
    with pytest.raises(ValidationError) as caught:
        Attendee(id="", zone="Mars/Olympus", busy=["soon"])  # type: ignore[list-item]
    assert {p.path for p in caught.value.problems} == {"$.id", "$.zone", "$.busy[0]"}


def test_bad_arguments_are_all_reported() -> None:
    with pytest.raises(ValidationError) as caught:
        suggest_slots(
            ["Europe/Paris", 42, "Mars/Base"],  # type: ignore[list-item]
            timedelta(0),
            (datetime(2026, 3, 28), utc(27)),
            step=timedelta(seconds=30),
            limit=0,
            policy="x",  # type: ignore[arg-type]
        )
    assert {(p.path, p.code) for p in caught.value.problems} == {
        ("$.participants[1]", "type"),
        ("$.participants[2]", "time_zone"),
        ("$.duration", "duration"),
        ("$.window[0]", "naive_datetime"),
        ("$.step", "step"),
        ("$.limit", "range"),
        ("$.policy", "type"),
    }
    with pytest.raises(ValidationError) as caught:
        suggest_slots([], timedelta(hours=1), (utc(28, 10), utc(28, 9)))
    assert {(p.path, p.code) for p in caught.value.problems} == {
        ("$.participants", "required"),
        ("$.window[1]", "end_before_start"),
    }


def test_a_pathological_grid_is_refused_not_computed() -> None:
    century = (datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
    with pytest.raises(ValidationError) as caught:
        suggest_slots(["UTC"], timedelta(hours=1), century, step=timedelta(minutes=1))
    assert caught.value.codes == {"too_large"}
    assert str(MAX_CANDIDATES) not in str(caught.value)  # written for people: 105,408
    assert f"{MAX_CANDIDATES:,}" in str(caught.value)
    many = [f"Etc/GMT+{n % 12}" for n in range(400)]
    with pytest.raises(ValidationError) as caught:
        suggest_slots(
            many, timedelta(hours=1), window(date(2026, 3, 1), 100), step=timedelta(minutes=5)
        )
    assert caught.value.codes == {"too_large"}


ZONES = ("Europe/Paris", "America/Toronto", "Asia/Kathmandu", "Pacific/Chatham", "Africa/Lome")


@st.composite
def attendees(draw: st.DrawFn) -> list[Attendee]:
    people = []
    for index in range(draw(st.integers(1, 3))):
        availability = []
        if draw(st.booleans()):
            start = utc(28) + timedelta(hours=draw(st.integers(0, 40)))
            availability = [
                Interval(start=start, end=start + timedelta(hours=draw(st.integers(2, 20))))
            ]
        busy = []
        if draw(st.booleans()):
            start = utc(28) + timedelta(minutes=15 * draw(st.integers(0, 190)))
            busy = [
                Interval(start=start, end=start + timedelta(minutes=15 * draw(st.integers(1, 8))))
            ]
        people.append(
            Attendee(
                id=f"p{index}",
                zone=draw(st.sampled_from(ZONES)),
                availability=availability,
                busy=busy,
            )
        )
    return people


@given(
    attendees(),
    st.integers(2, 12).map(lambda n: timedelta(minutes=15 * n)),
    st.sampled_from([timedelta(minutes=30), timedelta(minutes=45), timedelta(hours=1)]),
)
def test_the_ranking_is_a_brute_force_search_over_the_grid(
    people: list[Attendee], duration: timedelta, step: timedelta
) -> None:
    span = window(date(2026, 3, 28), 2)  # across the European change to summer time
    found = suggest_slots(people, duration, span, step=step, limit=10_000)
    expected = []
    start = span[0]
    while start + duration <= span[1]:
        end = start + duration
        fits = all(
            (not p.availability or inside_any((start, end), p.availability))
            and not any(b.start < end and start < b.end for b in p.busy)
            for p in people
        )
        if fits:
            costs = [comfort_of(p.zone, start, end, participant=p.id).discomfort for p in people]
            expected.append((max(costs), sum(costs), start))
        start += step
    assert [(s.worst, s.total, s.start) for s in found] == sorted(expected)
    for slot in found:
        assert [c.discomfort for c in slot.comfort] and max(
            c.discomfort for c in slot.comfort
        ) == slot.worst
