"""The sweep against a pairwise brute force, on small programmes crowded on purpose."""

from __future__ import annotations

from datetime import date, timedelta

import attrs
from hypothesis import given
from hypothesis import strategies as st

from essprogramme import (
    Delivery,
    LocationKind,
    Participant,
    ParticipantRole,
    Programme,
    Session,
    SessionFormat,
    SessionStatus,
    strategies,
)
from essprogramme.scheduling import ConflictKind, find_conflicts
from essprogramme.scheduling._sweep import overlapping
from test_scheduling_helpers import (
    PAIR_KINDS,
    brute_force_pairs,
    fr,
    person,
    place,
    programme,
    utc,
)

SPEAKERS = ("ana", "ben", "chloe")
PLACES = ("salle", "amphi", "palais", "live", "multi")


@st.composite
def crowded(draw: st.DrawFn) -> Programme:
    """Up to 8 sessions on two days, three speakers, two rooms, a venue and two channels."""
    count = draw(st.integers(2, 8))
    sessions = []
    for index in range(count):
        shape = draw(st.sampled_from(["exact", "exact", "exact", "start", "date", "none"]))
        start = utc(28, 20) + timedelta(minutes=30 * draw(st.integers(0, 16)))
        length = timedelta(minutes=15 * draw(st.integers(1, 12)))
        fields: dict[str, object] = {}
        if shape == "exact":
            fields = {"start": start, "end": start + length}
        elif shape == "start":
            fields = {"start": start}
        elif shape == "date":
            day = draw(st.sampled_from([date(2026, 3, 28), date(2026, 3, 29)]))
            fields = {"start_date": day}
        who = draw(st.lists(st.sampled_from(SPEAKERS), min_size=1, max_size=3))
        participants = [
            Participant(
                role=draw(st.sampled_from(ParticipantRole)),
                speaker=name,
                delivery=draw(st.sampled_from([None, *Delivery])),
            )
            for name in who
        ]
        parent = None
        if sessions and draw(st.integers(0, 2)) == 0:
            parent = draw(st.sampled_from(sessions)).id
        sessions.append(
            Session(
                id=f"s{index}",
                title=fr(f"Session {index}"),
                format=SessionFormat.WORKSHOP,
                status=draw(st.sampled_from(SessionStatus)),
                participants=participants,
                locations=draw(st.lists(st.sampled_from(PLACES), max_size=2, unique=True)),
                parent=parent,
                **fields,  # type: ignore[arg-type]
            )
        )
    return programme(
        sessions,
        [
            person(name, draw(st.sampled_from([None, "Europe/Paris", "Asia/Kathmandu"])))
            for name in SPEAKERS
        ],
        [
            place("palais", LocationKind.VENUE),
            place("salle", parent="palais"),
            place("amphi", LocationKind.STAGE),
            place("live", LocationKind.ONLINE),
            place("multi", LocationKind.ONLINE, parallel=True),
        ],
        time_zone=draw(st.sampled_from(["UTC", "Europe/Paris", "Pacific/Chatham"])),
        start_date=date(2026, 3, 27),
        end_date=date(2026, 3, 30),
    )


def _pairs(report: object) -> set[tuple[str, tuple[str, str], str | None, str | None, str]]:
    return {
        (c.kind.value, c.sessions, c.participant, c.location, c.severity.value)  # type: ignore[misc]
        for c in report  # type: ignore[attr-defined]
        if c.kind in PAIR_KINDS
    }


@given(
    crowded(),
    st.sampled_from([timedelta(0), timedelta(minutes=15), timedelta(minutes=30)]),
    st.randoms(),
)
def test_the_sweep_finds_what_the_brute_force_finds(
    built: Programme, buffer: timedelta, random: object
) -> None:
    assumed = timedelta(minutes=45)
    report = find_conflicts(built, policy=None, buffer=buffer, assumed_duration=assumed)
    assert _pairs(report) == brute_force_pairs(built, assumed=assumed, buffer=buffer)
    shuffled = list(built.sessions)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    again = find_conflicts(
        attrs.evolve(built, sessions=shuffled), policy=None, buffer=buffer, assumed_duration=assumed
    )
    assert again == report  # the same conflicts, in the same order
    assert all(c.message(lang) for c in report for lang in ("fr", "en", "es"))


@given(strategies.programmes(max_sessions=4))
def test_any_valid_programme_is_checked_without_a_crash(built: Programme) -> None:
    report = find_conflicts(built, buffer=timedelta(minutes=10))
    assert _pairs(report) == brute_force_pairs(built, buffer=timedelta(minutes=10))
    for conflict in report:
        assert conflict.message("fr") and conflict.to_dict("es")["message"]
        assert conflict.kind is not ConflictKind.OUTSIDE_PROGRAMME or conflict.assumed


@given(
    st.lists(
        st.tuples(st.integers(0, 20), st.integers(1, 6)).map(lambda p: (p[0], p[0] + p[1])),
        max_size=12,
    )
)
def test_the_sweep_alone_is_exactly_the_pairwise_overlaps(stretches: list[tuple[int, int]]) -> None:
    starts = [s for s, _ in stretches]
    ends = [e for _, e in stretches]
    order = sorted(range(len(stretches)), key=starts.__getitem__)
    found = {frozenset(pair) for pair in overlapping(order, starts, ends)}
    expected = {
        frozenset((i, j))
        for i in range(len(stretches))
        for j in range(i + 1, len(stretches))
        if starts[i] < ends[j] and starts[j] < ends[i]
    }
    assert found == expected
    assert len(overlapping(order, starts, ends)) == len(expected)  # each pair once
