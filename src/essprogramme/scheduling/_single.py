"""The checks of one session, or of one participant in one session (no pairs).

Each takes the session's stretch of exact time (see :mod:`.detect`) and
returns the conflicts it finds.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, datetime

from ..model import Location, Session, Speaker
from ..model.vocab import AttendanceMode, LocationKind, SessionStatus
from ._common import MAX_UTC, MICROSECOND, micros, on_clock, speaker_label, zone_info
from ._schedule import Span
from ._timeline import Clocks
from .conflicts import Conflict, ConflictKind, Severity

__all__ = ["attendance", "availability", "available", "comfort", "outside_programme"]


def availability(
    person: Speaker,
    session: Session,
    span: Span,
    slots: list[tuple[datetime, datetime]],
    home_zone: str,
) -> Conflict | None:
    """A session outside the person's availability (``slots``, sorted); by day, one on a day without any."""
    start, end, assumed, by_day = span
    if available(slots, start, end, by_day):
        return None
    return Conflict(
        kind=ConflictKind.UNAVAILABLE,
        severity=Severity.ERROR if not by_day and assumed is None else Severity.WARNING,
        sessions=(session.id,),
        titles=(session.title,),
        participant=person.id,
        who=speaker_label(person),
        start=start,
        end=end,
        zone=home_zone if by_day else person.time_zone or home_zone,
        assumed=assumed,
        day_level=by_day,
    )


def available(
    slots: list[tuple[datetime, datetime]], start: datetime, end: datetime, by_day: bool
) -> bool:
    """Whether the stretch lies inside one of the (sorted) ``slots``; by day, whether it meets one."""
    if by_day:
        return any(low < end and start < high for low, high in slots)
    position = bisect_right(slots, (start, MAX_UTC)) - 1
    return position >= 0 and slots[position][1] >= end


def comfort(person: Speaker, session: Session, span: Span, clocks: Clocks) -> Conflict | None:
    """The person at an uncomfortable local hour, or on one of their weekend days.

    The caller leaves out sessions published by day, longer than a day, or
    where the person only sends a recording.
    """
    zone = person.time_zone
    assert zone is not None
    start, end, assumed, _ = span
    _, level, weekend = clocks.judge(
        zone, clocks.policy.weekend_of(person.id), micros(start), micros(end)
    )
    if not (level.uncomfortable or weekend):
        return None
    return Conflict(
        kind=ConflictKind.UNCOMFORTABLE,
        severity=Severity.WARNING,
        sessions=(session.id,),
        titles=(session.title,),
        participant=person.id,
        who=speaker_label(person),
        start=start,
        end=end,
        zone=zone,
        assumed=assumed,
        level=level,
        weekend=weekend,
    )


def attendance(
    session: Session, places: list[Location], span: Span, home_zone: str
) -> list[Conflict]:
    """A session's places against how it is attended (online, in person, hybrid)."""
    physical = [p for p in places if p.kind is not LocationKind.ONLINE]
    online = [p for p in places if p.kind is LocationKind.ONLINE]
    mode = session.attendance_mode
    found: list[tuple[str, Location | None]] = []
    if session.status is SessionStatus.MOVED_ONLINE:
        found += [("moved_online_room", p) for p in physical]
    elif mode is AttendanceMode.ONLINE:
        found += [("room_while_online", p) for p in physical]
    elif mode is AttendanceMode.IN_PERSON:
        found += [("channel_while_in_person", p) for p in online]
    elif mode is AttendanceMode.MIXED and places:
        if not online:
            found.append(("hybrid_without_channel", None))
        if not physical:
            found.append(("hybrid_without_room", None))
    return [
        Conflict(
            kind=ConflictKind.ATTENDANCE,
            severity=Severity.WARNING,
            sessions=(session.id,),
            titles=(session.title,),
            location=None if place is None else place.id,
            place=None if place is None else place.name,
            start=span[0],
            end=span[1],
            zone=home_zone,
            reason=reason,
        )
        for reason, place in found
    ]


def outside_programme(
    session: Session, span: Span, home_zone: str, days: tuple[date, date], extra: set[date]
) -> Conflict | None:
    """A start-only session whose assumed end runs past the programme's last day.

    Exact and dated sessions outside the programme's days never get this far:
    the model refuses them.
    """
    start, end, assumed, by_day = span
    if assumed is None or by_day:
        return None
    last = on_clock(end - MICROSECOND, zone_info(home_zone)).date()
    if days[0] <= last <= days[1] or last in extra:
        return None
    return Conflict(
        kind=ConflictKind.OUTSIDE_PROGRAMME,
        severity=Severity.WARNING,
        sessions=(session.id,),
        titles=(session.title,),
        start=start,
        end=end,
        zone=home_zone,
        assumed=assumed,
    )
