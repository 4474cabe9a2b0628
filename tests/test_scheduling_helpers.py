"""Builders shared by the scheduling tests, and the brute-force oracles they compare against.

The oracles are written plainly, pair by pair and minute by minute, from
the rules as docs/scheduling.md states them: they share no code with the
sweeps and timelines they check.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from essprogramme import (
    Delivery,
    Interval,
    LocalizedText,
    Location,
    LocationKind,
    Participant,
    ParticipantRole,
    Programme,
    Session,
    SessionFormat,
    SessionStatus,
    Speaker,
    examples,
    from_json,
)
from essprogramme.scheduling import ComfortPolicy, ConflictKind

FIXTURE = Path(__file__).parent / "fixtures" / "every-shape.json"
SEED_SESSION = "partenariats-innovants-ecosystemes-ess"


def fr(text: str) -> LocalizedText:
    return LocalizedText({"fr": text})


def utc(day: int, hour: int = 0, minute: int = 0, month: int = 3, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def seed() -> Programme:
    return examples.load("gsef2021-partenariats")


def every_shape() -> Programme:
    return from_json(FIXTURE.read_bytes())


def talk(
    ident: str,
    start: datetime | None = None,
    end: datetime | None = None,
    *speakers: str,
    **fields: Any,
) -> Session:
    """A session with these speakers (the first one moderates)."""
    roles = [ParticipantRole.MODERATOR, *[ParticipantRole.SPEAKER] * len(speakers)]
    participants = fields.pop("participants", None) or [
        Participant(role=role, speaker=who) for role, who in zip(roles, speakers, strict=False)
    ]
    return Session(
        id=ident,
        title=fr(f"Session {ident}"),
        format=fields.pop("format", SessionFormat.WORKSHOP),
        start=start,
        end=end,
        participants=participants,
        **fields,
    )


def person(ident: str, zone: str | None = "Europe/Paris", **fields: Any) -> Speaker:
    return Speaker(id=ident, name=ident.replace("-", " ").title(), time_zone=zone, **fields)


def place(ident: str, kind: LocationKind = LocationKind.ROOM, **fields: Any) -> Location:
    return Location(id=ident, name=fr(ident), kind=kind, **fields)


def programme(
    sessions: Iterable[Session] = (),
    speakers: Iterable[Speaker] = (),
    locations: Iterable[Location] = (),
    **fields: Any,
) -> Programme:
    defaults: dict[str, Any] = {
        "id": "essai",
        "title": fr("Essai"),
        "time_zone": "UTC",
        "start_date": date(2026, 3, 27),
        "end_date": date(2026, 3, 30),
    }
    return Programme(
        **{**defaults, **fields},
        sessions=list(sessions),
        speakers=list(speakers),
        locations=list(locations),
    )


# The oracles ----------------------------------------------------------------


def stretch(
    session: Session, programme: Programme, assumed: timedelta
) -> tuple[datetime, datetime, bool, bool] | None:
    """start, end, whether the end is assumed, whether by day only; pair by pair."""
    if session.status in (SessionStatus.CANCELLED, SessionStatus.POSTPONED):
        return None
    if session.start is not None:
        if session.end is not None:
            return session.start, session.end, False, False
        return session.start, session.start + assumed, True, False
    if session.start_date is not None:
        zone = ZoneInfo(programme.zone_of(session))
        last = session.end_date or session.start_date
        low = datetime.combine(session.start_date, time(0), zone).astimezone(UTC)
        high = datetime.combine(last + timedelta(days=1), time(0), zone).astimezone(UTC)
        return low, high, False, True
    return None


def _ancestors(session: Session, programme: Programme) -> set[str]:
    found: set[str] = set()
    current = session.parent
    while current is not None and current not in found:
        found.add(current)
        current = programme.session(current).parent
    return found


def _live(session: Session) -> set[str]:
    return {
        p.speaker
        for p in session.participants
        if p.speaker is not None and p.delivery is not Delivery.RECORDED
    }


def _holds_one(location: Location, session: Session) -> bool:
    if location.kind is LocationKind.VENUE:
        return False
    if location.kind is LocationKind.ONLINE:
        return not location.parallel
    return session.status is not SessionStatus.MOVED_ONLINE


def brute_force_pairs(
    programme: Programme,
    *,
    assumed: timedelta = timedelta(hours=1),
    buffer: timedelta = timedelta(0),
) -> set[tuple[str, tuple[str, str], str | None, str | None, str]]:
    """Every pairwise conflict, comparing each pair of sessions: (kind, ids, who, where, severity)."""
    found = set()
    sessions = programme.sessions
    for i, first in enumerate(sessions):
        for second in sessions[i + 1 :]:
            one, two = stretch(first, programme, assumed), stretch(second, programme, assumed)
            if one is None or two is None:
                continue
            if first.id in _ancestors(second, programme) or second.id in _ancestors(
                first, programme
            ):
                continue
            a, b = (first, second), (one, two)
            if (two[0], second.id) < (one[0], first.id):
                a, b = (second, first), (two, one)
            (sa, ea, assumed_a, day_a), (sb, eb, _, day_b) = b
            ids = (a[0].id, a[1].id)
            overlap = sa < eb and sb < ea
            certain = sa == sb or (not assumed_a and sb < ea)
            severity = "error" if certain and not (day_a or day_b) else "warning"
            for who in _live(first) & _live(second):
                if overlap:
                    found.add(("double_booked", ids, who, None, severity))
                elif buffer and not (day_a or day_b) and sb - ea < buffer:
                    found.add(("buffer", ids, who, None, "warning"))
            if overlap:
                for where in set(first.locations) & set(second.locations):
                    location = programme.location(where)
                    if _holds_one(location, first) and _holds_one(location, second):
                        found.add(("location_clash", ids, None, where, severity))
    return found


PAIR_KINDS = {ConflictKind.DOUBLE_BOOKED, ConflictKind.LOCATION_CLASH, ConflictKind.BUFFER}


def level_by_hand(policy: ComfortPolicy, moment: time) -> str:
    """The policy's level of a local time of day, read from its hours directly."""

    def inside(hours: Any) -> bool:
        start, end = hours.start, hours.end
        return start <= moment < end if start < end else moment >= start or moment < end

    if inside(policy.night):
        return "night"
    if inside(policy.ideal):
        return "ideal"
    if inside(policy.acceptable):
        return "acceptable"
    return "early" if moment < policy.ideal.start else "late"


def discomfort_by_hand(
    zone: str, start: datetime, end: datetime, policy: ComfortPolicy, weekend: frozenset[int]
) -> int:
    """Weighted minutes, minute by minute (start and end on whole minutes)."""
    weights = {
        "ideal": 0,
        "acceptable": policy.acceptable_penalty,
        "early": policy.outside_penalty,
        "late": policy.outside_penalty,
        "night": policy.night_penalty,
    }
    total = 0
    moment = start
    tz = ZoneInfo(zone)
    while moment < end:
        local = moment.astimezone(tz)
        total += weights[level_by_hand(policy, local.time().replace(second=0, microsecond=0))]
        if local.weekday() in weekend:
            total += policy.weekend_penalty
        moment += timedelta(minutes=1)
    return total


def window(day: date, days: int = 1) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0), UTC)
    return start, start + timedelta(days=days)


def inside_any(slot: tuple[datetime, datetime], intervals: Iterable[Interval]) -> bool:
    return any(i.start <= slot[0] and slot[1] <= i.end for i in intervals)


def test_the_builders_make_valid_programmes() -> None:
    built = programme(
        [talk("a", utc(28, 9), utc(28, 10), "ana", "ben")],
        [person("ana"), person("ben", "America/Toronto")],
        [place("salle")],
    )
    assert built.session("a").speaker_ids == ("ana", "ben")
    assert stretch(built.session("a"), built, timedelta(hours=1)) == (
        utc(28, 9),
        utc(28, 10),
        False,
        False,
    )
