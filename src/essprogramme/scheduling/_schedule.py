"""A programme prepared for the conflict checks: each session's stretch of exact time, and who and where.

Every session that will take place (not cancelled, not postponed) with a
time or a day gets a stretch: its interval; from a start alone, the start
plus an assumed duration; from days alone, those whole days in its home
zone (``Programme.zone_of``). Stretches are kept as parallel lists indexed
like ``programme.sessions``: the sweeps read them by index. The same single
pass over the programme notes each session's live speakers and each place's
sessions: on a large programme, reading its objects is what costs, and they
are read once, in memory order.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from ..model import Location, Programme, Session
from ..model.vocab import Delivery, LocationKind, SessionStatus
from ._common import EPOCH, clamp_add, micros, midnight, next_day
from ._timeline import Timeline
from .comfort import MAX_JUDGED
from .policy import ComfortPolicy

__all__ = ["CHANNEL", "NEVER", "PHYSICAL", "Schedule", "Span", "in_person", "occupancy"]

#: A session's stretch: start, end, the assumed duration (``None`` if the end
#: was published), and whether it comes from published days only.
Span = tuple[datetime, datetime, timedelta | None, bool]

#: What a place holds: never one session at a time (a venue, a channel for
#: parallel streams), one at a time (a room, unless its session moved online),
#: or one at a time always (an online channel).
NEVER, PHYSICAL, CHANNEL = 0, 1, 2

_DAY = timedelta(days=1)
#: Beyond this span of timed sessions, comfort is judged session by session.
_SPAN_FOR_TABLES = timedelta(days=400)


class Schedule:
    """The stretches of a programme's sessions, and what the checks ask about places and parts."""

    def __init__(
        self,
        programme: Programme,
        assumed: timedelta,
        extend: timedelta,
        *,
        comfort: bool = True,
        organisations: bool = False,
    ) -> None:
        """Read ``programme`` once, in its own order (memory order: what costs on a large one).

        ``assumed``: the duration of a session published with a start alone;
        ``extend``: how much further a person's stretches reach (buffer and
        travel); ``comfort``: whether comfort will be judged (else no session
        is marked ``judged``); ``organisations``: whether to note organisations.
        """
        self.programme = programme
        self.sessions = sessions = programme.sessions
        self.places: dict[str, Location] = {place.id: place for place in programme.locations}
        self._by_id: dict[str, Session] | None = None  # built when a part is met
        self._sites: dict[str, str] = {}
        self._bad: dict[tuple[str, frozenset[int]], tuple[list[datetime], list[datetime]]] = {}
        count = len(sessions)
        starts: list[datetime | None] = [None] * count
        ends: list[datetime | None] = [None] * count
        assumed_of: list[timedelta | None] = [None] * count
        by_day = [False] * count
        judged = [False] * count
        #: By session: its live speakers (not only sending a recording; one listed
        #: twice is listed twice) and organisations; by place, its sessions.
        self.speakers: list[list[str] | None] = [None] * count
        self.groups: list[list[str] | None] = [None] * count
        self.rooms: dict[str, list[int]] = {}
        #: The sessions with speakers or organisations; those to check for their
        #: places and attendance; those whose assumed end may leave the programme.
        self.swept: list[int] = []
        self.attending: list[int] = []
        self.assuming: list[int] = []
        speakers, groups, rooms, swept = self.speakers, self.groups, self.rooms, self.swept
        # The places that hold one session at a time, by id (each id as one object:
        # quick to compare); those among them that a session moved online leaves.
        holds = {
            place.id: place.id for place in programme.locations if occupancy(place) != NEVER
        }.get
        rooms_left = {place.id for place in programme.locations if occupancy(place) == PHYSICAL}
        cancelled, postponed = SessionStatus.CANCELLED, SessionStatus.POSTPONED
        recorded, moved_online = Delivery.RECORDED, SessionStatus.MOVED_ONLINE
        # Within these instants, a stretch is on the programme's days in every zone
        # (from UTC-12 to UTC+14): no need to read its local days.
        safe_from = midnight(programme.start_date, "Etc/GMT+12")
        safe_to = clamp_add(midnight(programme.end_date, "Etc/GMT-14"), _DAY)
        # The stretches of sessions published by days, shared by the sessions on the same days.
        whole_days: dict[tuple[date, date | None, str], tuple[datetime, datetime] | None] = {}
        first: datetime | None = None  # the span of the sessions whose comfort is judged
        last: datetime | None = None
        for index, session in enumerate(sessions):
            status = session.status
            if status is cancelled or status is postponed:
                continue
            start = session.start
            if start is not None:
                end = session.end
                if end is None:
                    end = clamp_add(start, assumed)
                    assumed_of[index] = assumed
                    if not (safe_from <= start and end <= safe_to):
                        self.assuming.append(index)
                if comfort and end - start <= MAX_JUDGED:
                    judged[index] = True
                    if first is None or start < first:
                        first = start
                    if last is None or end > last:
                        last = end
            elif session.start_date is not None:
                key = (session.start_date, session.end_date, programme.zone_of(session))
                days = whole_days.get(key)
                if days is None:
                    days = whole_days[key] = _whole_days(*key)
                if days is None:
                    continue
                start, end = days
                by_day[index] = True
            else:
                continue
            starts[index], ends[index] = start, end
            live: list[str] | None = None
            held: list[str] | None = None
            for participant in session.participants:
                if participant.delivery is recorded:
                    continue  # a recorded contribution needs nobody there
                speaker = participant.speaker
                if speaker is not None:
                    if live is None:
                        live = speakers[index] = [speaker]
                    else:
                        live.append(speaker)
                elif organisations and participant.organisation is not None:
                    if held is None:
                        held = groups[index] = [participant.organisation]
                    else:
                        held.append(participant.organisation)
            if live is not None or held is not None:
                swept.append(index)
            if session.locations:
                moved = status is moved_online
                for place in session.locations:
                    room = holds(place)
                    if room is not None and not (moved and room in rooms_left):
                        bucket = rooms.get(room)
                        if bucket is None:
                            rooms[room] = [index]
                        else:
                            bucket.append(index)
                if moved or session.attendance_mode is not None:
                    self.attending.append(index)
        self.starts, self.ends, self.assumed_of = starts, ends, assumed_of
        self.by_day, self.judged = by_day, judged
        # A person's stretches reach further by the buffer: pairs closer than it meet.
        self.reach = ends
        if extend:
            self.reach = [
                e if e is None or day else clamp_add(e, extend)
                for e, day in zip(ends, by_day, strict=True)
            ]
        self.timed_range: tuple[datetime, datetime] | None = None
        if first is not None and last is not None:
            self.timed_range = (first, last)

    def span(self, index: int) -> Span:
        """The stretch of a session known to have one."""
        start, end = self.starts[index], self.ends[index]
        assert start is not None and end is not None
        return start, end, self.assumed_of[index], self.by_day[index]

    def related(self, a: Session, b: Session) -> bool:
        """Whether one session is a part (at any depth) of the other: they may overlap."""
        return self._inside(a, b.id) or self._inside(b, a.id)

    def _inside(self, session: Session, ancestor: str) -> bool:
        current, steps = session.parent, 0
        if current is None:
            return False
        by_id = self._by_id
        if by_id is None:
            by_id = self._by_id = {s.id: s for s in self.sessions}
        while current is not None and steps <= len(self.sessions):
            if current == ancestor:
                return True
            parent = by_id.get(current)
            current = parent.parent if parent is not None else None
            steps += 1
        return False

    def site(self, place: str) -> str:
        """The outermost place a place is inside: two rooms of one venue share it."""
        found = self._sites.get(place)
        if found is None:
            current = self.places[place]
            for _ in range(len(self.places)):
                if current.parent is None:
                    break
                current = self.places[current.parent]
            found = self._sites[place] = current.id
        return found

    def sites_of(self, session: Session) -> frozenset[str]:
        """The sites of a session's physical places."""
        places = self.places
        return frozenset(
            self.site(p) for p in session.locations if places[p].kind is not LocationKind.ONLINE
        )

    def bad_stretches(
        self, zone: str, weekend: frozenset[int], policy: ComfortPolicy
    ) -> tuple[list[datetime], list[datetime]] | None:
        """Starts and ends of the uncomfortable stretches in ``zone`` over the timed sessions.

        A session is comfortable for someone in ``zone`` if it meets none of
        them: a look-up instead of a judgement. ``None`` when the sessions
        span too long a time for one table.
        """
        key = (zone, weekend)
        found = self._bad.get(key)
        if found is not None or self.timed_range is None:
            return found
        low, high = self.timed_range
        if high - low > _SPAN_FOR_TABLES:
            return None
        timeline = Timeline(zone, policy, weekend, micros(low), micros(high))
        starts: list[datetime] = []
        ends: list[datetime] = []
        last = None
        points = timeline.points
        for position, level in enumerate(timeline.levels):
            if level.uncomfortable or timeline.weekends[position]:
                begin, finish = points[position], points[position + 1]
                if last == begin:
                    ends[-1] = _at(finish)
                else:
                    starts.append(_at(begin))
                    ends.append(_at(finish))
                last = finish
        self._bad[key] = (starts, ends)
        return starts, ends


def _whole_days(first: date, last: date | None, zone: str) -> tuple[datetime, datetime] | None:
    """The exact stretch of the days ``first`` to ``last`` in ``zone`` (``None``: empty)."""
    after = next_day(last or first)
    low = midnight(first, zone)
    high = midnight(after, zone) if after is not None else clamp_add(low, _DAY)
    return (low, high) if high > low else None


def _at(point: int) -> datetime:
    return clamp_add(EPOCH, timedelta(microseconds=point))


def occupancy(place: Location) -> int:
    """How many sessions a place holds at once: see :data:`NEVER`, :data:`PHYSICAL`, :data:`CHANNEL`."""
    if place.kind is LocationKind.VENUE:
        return NEVER  # a venue holds several rooms: its rooms clash, not the venue
    if place.kind is LocationKind.ONLINE:
        return NEVER if place.parallel else CHANNEL
    return PHYSICAL


def in_person(session: Session, speaker: str) -> bool:
    """Whether the speaker is there in person (no delivery given counts as in person)."""
    return any(
        p.speaker == speaker and p.delivery in (None, Delivery.IN_PERSON)
        for p in session.participants
    )
