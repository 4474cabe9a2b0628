"""The fast paths of the conflict checks against plain oracles.

The sweep for all keys at once against one sweep per key; forgetting the
keys that have ended against keeping them; the candidates for an
uncomfortable hour (found by groups of zones, without looking up each
participant) against a judgement of every participation; availability
checked as the sweep reads each participation against every one checked
by hand.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from essprogramme import (
    Delivery,
    Interval,
    Participant,
    ParticipantRole,
    Programme,
    SessionStatus,
    ValidationError,
)
from essprogramme.scheduling import (
    ComfortPolicy,
    ConflictKind,
    ConflictReport,
    _people,
    _sweep,
    _uneasy,
    comfort_of,
    detect,
    find_conflicts,
)
from essprogramme.scheduling._sweep import overlapping, shared
from test_scheduling_helpers import person, programme, stretch, talk, utc
from test_scheduling_properties import crowded

ASSUMED = timedelta(minutes=45)
POLICIES = [
    ComfortPolicy(),
    ComfortPolicy(ideal="10:00-16:00", acceptable="09:00-18:00", night="21:00-07:00"),
    ComfortPolicy(weekend={4, 5}, weekends={"ben": {6}}),
]


@given(
    st.lists(
        st.tuples(
            st.integers(0, 20),
            st.integers(1, 6),
            st.lists(st.sampled_from("abc"), max_size=3),
        ),
        max_size=12,
    ),
    st.booleans(),
)
def test_the_shared_sweep_is_the_sweep_of_each_key(
    items: list[tuple[int, int, list[str]]], forget_at_once: bool
) -> None:
    starts = [start for start, _, _ in items]
    ends = [start + length for start, length, _ in items]
    keys_of: list[list[str] | None] = [keys or None for _, _, keys in items]
    order = sorted(range(len(items)), key=starts.__getitem__)
    with pytest.MonkeyPatch.context() as patch:
        if forget_at_once:
            patch.setattr(_sweep, "_PURGE_AT", 0)
        found = shared(order, keys_of, starts, ends)
    expected = []
    for key in "abc":
        holding = [index for index in order for held in keys_of[index] or () if held == key]
        expected += [(a, b, key) for a, b in overlapping(holding, starts, ends)]
    assert sorted(found) == sorted(expected)  # each pair as often as each key's sweep finds it


SPEAKERS = ("ana", "ben", "chloe")
ZONES = [None, "Europe/Paris", "Asia/Kathmandu", "Pacific/Chatham", "America/Toronto", "Asia/Tokyo"]
MONDAY = utc(23)  # 23 March 2026; Paris moves to summer time on Sunday the 29th


@st.composite
def spread(draw: st.DrawFn) -> Programme:
    """Up to 8 sessions over a week, at any hour, up to 10 hours long, for speakers far apart."""
    sessions = []
    for index in range(draw(st.integers(1, 8))):
        start = MONDAY + timedelta(minutes=15 * draw(st.integers(0, 7 * 96 - 1)))
        shape = draw(st.sampled_from(["exact", "exact", "start", "date"]))
        fields: dict[str, object] = {"start": start}
        if shape == "exact":
            fields["end"] = start + timedelta(minutes=15 * draw(st.integers(1, 40)))
        elif shape == "date":
            fields = {"start_date": start.date()}
        who = draw(st.lists(st.sampled_from(SPEAKERS), min_size=1, max_size=3))
        participants = [
            Participant(
                role=ParticipantRole.SPEAKER,
                speaker=name,
                delivery=draw(st.sampled_from([None, *Delivery])),
            )
            for name in who
        ]
        status = draw(st.sampled_from([SessionStatus.SCHEDULED, SessionStatus.CANCELLED]))
        sessions.append(
            talk(f"s{index}", participants=participants, status=status, **fields)  # type: ignore[arg-type]
        )
    speakers = [person(name, draw(st.sampled_from(ZONES))) for name in SPEAKERS]
    return programme(
        sessions, speakers, start_date=MONDAY.date(), end_date=MONDAY.date() + timedelta(days=7)
    )


def _report(built: Programme, **options: object) -> ConflictReport:
    return find_conflicts(built, assumed_duration=ASSUMED, **options)  # type: ignore[arg-type]


@given(crowded(), st.sampled_from([timedelta(0), timedelta(minutes=30)]), st.booleans())
def test_forgetting_ended_speakers_changes_nothing(
    built: Programme, buffer: timedelta, organisations: bool
) -> None:
    kept = _report(built, buffer=buffer, organisations=organisations)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_people, "_PURGE_AT", 0)
        patch.setattr(_sweep, "_PURGE_AT", 0)
        forgotten = _report(built, buffer=buffer, organisations=organisations)
    assert forgotten == kept
    assert [c.message("fr") for c in forgotten] == [c.message("fr") for c in kept]


def _live(built: Programme, session_id: str) -> set[str]:
    session = built.session(session_id)
    return {
        p.speaker
        for p in session.participants
        if p.speaker is not None and p.delivery is not Delivery.RECORDED
    }


def _uneasy_by_hand(built: Programme, policy: ComfortPolicy) -> set[tuple[str, str]]:
    """Every live participation with a zone, judged minute by minute."""
    found = set()
    for session in built.sessions:
        span = stretch(session, built, ASSUMED)
        if span is None or span[3] or span[1] - span[0] > timedelta(hours=24):
            continue
        for speaker in _live(built, session.id):
            zone = built.speaker(speaker).time_zone
            if zone is None:
                continue
            judged = comfort_of(zone, span[0], span[1], policy=policy, participant=speaker)
            assert judged.level is not None
            if judged.level.uncomfortable or judged.weekend:
                found.add((session.id, speaker))
    return found


@given(st.one_of(crowded(), spread()), st.sampled_from(POLICIES), st.booleans())
def test_the_uneasy_are_those_a_judgement_of_every_participation_finds(
    built: Programme, policy: ComfortPolicy, look_up_each: bool
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        if look_up_each:  # no set of members: each participant's group is looked up
            patch.setattr(_uneasy, "_GATHERED", 0)
        report = _report(built, policy=policy)
    found = {(c.sessions[0], c.participant) for c in report.of_kind(ConflictKind.UNCOMFORTABLE)}
    assert found == _uneasy_by_hand(built, policy)


@st.composite
def available(
    draw: st.DrawFn, moments: list[datetime], spans: list[tuple[datetime, datetime]]
) -> tuple[Interval, ...]:
    """Up to three stretches of availability from and to some of ``moments``, or one
    ending where a session ends (and starting where it starts, or earlier)."""
    if len(spans) > 0 and draw(st.booleans()):
        start, end = draw(st.sampled_from(spans))
        return (Interval(start=start - timedelta(minutes=draw(st.sampled_from([0, 30]))), end=end),)
    marks = sorted(draw(st.sets(st.sampled_from(moments), max_size=6)))
    return tuple(
        Interval(start=low, end=high) for low, high in zip(marks[::2], marks[1::2], strict=False)
    )


def _inside(span: tuple[datetime, datetime, bool, bool], slots: tuple[Interval, ...]) -> bool:
    start, end, _, by_day = span
    if by_day:
        return any(slot.start < end and start < slot.end for slot in slots)
    return any(slot.start <= start and end <= slot.end for slot in slots)


@given(spread(), st.data())
def test_availability_is_checked_for_every_live_participation(
    built: Programme, data: st.DataObject
) -> None:
    # Availability starting and ending where sessions do, or on the hour.
    moments = {MONDAY + timedelta(hours=hour) for hour in range(0, 7 * 24, 3)}
    spans = []
    for session in built.sessions:
        span = stretch(session, built, ASSUMED)
        if span is not None:
            moments |= set(span[:2])
            spans.append(span[:2])
    speakers = tuple(
        attrs.evolve(person, availability=data.draw(available(sorted(moments), spans)))
        for person in built.speakers
    )
    built = attrs.evolve(built, speakers=speakers)
    report = _report(built, policy=None)
    found = {(c.sessions[0], c.participant) for c in report.of_kind(ConflictKind.UNAVAILABLE)}
    expected = set()
    for session in built.sessions:
        span = stretch(session, built, ASSUMED)
        if span is None:
            continue
        for speaker in _live(built, session.id):
            slots = built.speaker(speaker).availability
            if slots and not _inside(span, slots):
                expected.add((session.id, speaker))
    assert found == expected


def test_a_crowd_of_one_speaker_is_refused_not_swept() -> None:
    crowd = [talk(f"s{n}", utc(30, 9), utc(30, 10), "ana") for n in range(6)]
    built = programme(crowd, [person("ana")])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(detect, "MAX_PAIRS", 10)  # 15 pairs
        with pytest.raises(ValidationError) as caught:
            find_conflicts(built, policy=None)
        assert caught.value.codes == {"too_large"}
        fewer = programme(crowd[:5], [person("ana")])  # 10 pairs: checked
        assert len(find_conflicts(fewer, policy=None)) == 10
