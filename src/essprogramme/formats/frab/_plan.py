"""What a frab schedule of a programme holds, before it is written as JSON or XML.

:func:`plan` chooses the sessions (exactly timed, not cancelled), their
rooms, logical days, texts in one language and persons, and names every
id; the JSON and XML writers only spell the result. Everything the format
cannot carry is counted in the :class:`~._report.ExportReport` by
:mod:`._losses`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import attrs

from ...errors import one_problem
from ...model import Link, LocalizedText, Location, Programme, RecordingPolicy, Session, Track
from ...model._formats import is_zone_key
from ...model.vocab import LocationKind, ParticipantRole
from ._ids import acronym_of, encode_slug, event_numbers, guid_of
from ._report import Recorder
from ._vocab import frab_language

__all__ = ["DAY_CHANGE", "Day", "Event", "Person", "Room", "Schedule", "plan"]

#: Where one logical day ends and the next begins, as pretalx draws it.
DAY_CHANGE = time(4, 0)
#: A programme longer than this lists only its first and last days and the
#: days that hold sessions (and its extra days).
MAX_LISTED_DAYS = 366
#: The XSD's durations have at most two digits of hours.
MAX_XML_DURATION = timedelta(hours=100)
#: ... and whole seconds: a duration of 00:00 would be no end at all.
_SECOND = timedelta(seconds=1)
_TICK = timedelta(microseconds=1)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ufffd]")
_TRACK_SLUG = re.compile("[a-z][a-z0-9-]*[a-z0-9]").fullmatch


@attrs.frozen
class Room:
    """A room of the schedule: a place of the programme, or none (sessions without one)."""

    name: str
    guid: str
    location: Location | None


@attrs.frozen
class Person:
    """Someone on an event: a speaker of the programme in a role."""

    guid: str
    number: int
    name: str
    role: ParticipantRole
    bio: str | None
    photo: str | None
    #: Each link with its title in the programme's language.
    links: tuple[tuple[Link, str | None], ...]


@attrs.frozen
class Event:
    """A session as an event of the schedule, its times read on the schedule's clock."""

    session: Session
    guid: str
    number: int
    slug: str
    start: datetime
    end: datetime
    room: Room
    title: str
    language: str | None
    description: str | None
    track: str | None
    persons: tuple[Person, ...]
    #: Each link with its title in the event's language.
    links: tuple[tuple[Link, str | None], ...]
    recording: RecordingPolicy | None

    @property
    def duration(self) -> timedelta:
        """The exact elapsed time of the event.

        Not ``end - start``: two datetimes of one ``ZoneInfo`` subtract as
        wall-clock times, an hour off across a DST change.
        """
        assert self.session.start is not None and self.session.end is not None
        return self.session.end - self.session.start


@attrs.frozen
class Day:
    """A logical day: from ``start`` (the day change) to the next one, its events by room."""

    index: int
    date: date
    start: datetime
    end: datetime
    rooms: tuple[tuple[Room, tuple[Event, ...]], ...]


@attrs.frozen
class Schedule:
    """A whole schedule, ready to be written."""

    acronym: str
    title: str
    description: str | None
    url: str | None
    zone: str
    start_date: date
    end_date: date
    rooms: tuple[Room, ...]
    tracks: tuple[tuple[Track, str, str | None], ...]
    days: tuple[Day, ...]
    version: str


def local(instant: datetime, zone: ZoneInfo) -> datetime:
    """``instant`` on the wall clock of ``zone``; in UTC if its offset has seconds there.

    An RFC 3339 offset has whole minutes: the local mean times of the
    nineteenth century (``+00:04:52`` in Lomé) cannot be written.
    """
    shown = instant.astimezone(zone)
    offset = shown.utcoffset()
    if offset is not None and (offset.seconds % 60 or offset.microseconds):
        try:
            return instant.astimezone(UTC)
        except OverflowError:  # the first day of year 1, west of Greenwich
            return shown
    return shown


def room_of(session: Session, places: dict[str, Location]) -> Location | None:
    """The room an event is in: the first physical place, else its online channel, else none."""
    found = [places[place] for place in session.locations if place in places]
    for place in found:
        if place.kind is not LocationKind.ONLINE:
            return place
    return found[0] if found else None


def _next(day: date) -> date:
    return day + timedelta(days=1) if day < date.max else day


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _unique(names: Sequence[str]) -> list[str]:
    """The names, a repeated one followed by `` (2)``, `` (3)``...: rooms are keyed by name."""
    seen: set[str] = set()
    out = []
    for name in names:
        candidate, number = name, 1
        while candidate in seen:
            number += 1
            candidate = f"{name} ({number})"
        seen.add(candidate)
        out.append(candidate)
    return out


def _text(text: LocalizedText | None, preferences: tuple[str, ...]) -> str | None:
    return None if text is None else text.lookup(*preferences)


def plan(
    programme: Programme,
    *,
    zone: str | None = None,
    lang: str | None = None,
    speaker: str | None = None,
    day_change: time = DAY_CHANGE,
    xml: bool = False,
    report: Recorder | None = None,
) -> Schedule:
    """The schedule of ``programme``, on the clock of ``zone`` (default: the programme's).

    ``lang`` is the preferred language of the texts; ``speaker`` keeps only
    that speaker's sessions; ``day_change`` is the local time a logical day
    starts (a session before it belongs to the day before, if that day is
    one of the programme's). ``xml`` leaves out the sessions the XSD cannot
    hold (shorter than a second, or 100 hours or longer). What is left out goes to ``report``.
    """
    recorder = report if report is not None else Recorder()
    zone_name = programme.time_zone if zone is None else zone
    if not is_zone_key(zone_name):
        raise one_problem(("zone",), "time_zone", f"is not an IANA time zone key: {zone_name!r}")
    clock = ZoneInfo(zone_name)
    main = tuple(filter(None, (lang, *programme.languages[:1])))
    acronym = acronym_of(programme.id)
    places = {place.id: place for place in programme.locations}

    chosen: list[tuple[Session, Location | None]] = []
    for index, session in enumerate(programme.sessions):
        if speaker is not None and speaker not in session.speaker_ids:
            continue
        where = ("sessions", index)
        if session.is_cancelled:
            recorder.add(
                "lost",
                "session",
                f"left out: {session.status.value}, as pretalx does",
                session.id,
                where,
            )
        elif session.start is None or session.end is None:
            recorder.add(
                "lost",
                "session",
                f"left out: no exact time ({session.time_shape})",
                session.id,
                where,
            )
        elif xml and not _SECOND <= session.end - session.start < MAX_XML_DURATION:
            message = "left out: shorter than a second, or 100 hours or longer (XSD)"
            recorder.add("lost", "session", message, session.id, where)
        else:
            chosen.append((session, room_of(session, places)))

    used = {place.id for _, place in chosen if place is not None}
    located = [place for place in programme.locations if place.id in used]
    has_fallback = any(place is None for _, place in chosen)
    names = _unique(
        [place.name.lookup(*main) for place in located]
        + ([programme.title.lookup(*main)] if has_fallback else [])
    )
    rooms = [
        Room(name=name, guid=guid_of(acronym, "room", place.id), location=place)
        for name, place in zip(names, located, strict=False)
    ]
    if has_fallback:
        rooms.append(Room(name=names[-1], guid=guid_of(acronym, "room", ""), location=None))
    room_by_place = {room.location.id if room.location else None: room for room in rooms}

    track_names = _unique([track.name.lookup(*main) for track in programme.tracks])
    tracks = tuple(
        (track, name, track.id if _TRACK_SLUG(track.id) else None)
        for track, name in zip(programme.tracks, track_names, strict=True)
    )
    track_name = {track.id: name for track, name, _ in tracks}

    speaker_ids = {p.speaker for s, _ in chosen for p in s.participants if p.speaker}
    people = [person for person in programme.speakers if person.id in speaker_ids]
    person_guids = {person.id: guid_of(acronym, "speaker", person.id) for person in people}
    person_numbers = event_numbers(person_guids.values())
    session_guids = {s.id: guid_of(acronym, "session", s.id) for s, _ in chosen}
    numbers = event_numbers(session_guids.values())

    def persons_of(session: Session) -> tuple[Person, ...]:
        out: dict[str, Person] = {}
        for participant in session.participants:
            who = participant.speaker
            if who is None or who in out:
                continue
            found = programme.speaker(who)
            name = found.name if found.name is not None else _text(found.office, main)
            guid = person_guids[who]
            out[who] = Person(
                guid=guid,
                number=person_numbers[guid],
                name=name or who,
                role=participant.role,
                bio=_text(found.bio, main),
                photo=found.photo,
                links=tuple((link, _text(link.title, main)) for link in found.links),
            )
        return tuple(out.values())

    # The schedule's days: the programme's, and the days exported sessions
    # start and end on, on the schedule's clock. A session before the day
    # change belongs to the day before when that day is one of them.
    # A programme spanning years lists its first and last days, not every one.
    schedule_days = set(programme.extra_days) | {programme.start_date, programme.end_date}
    if (programme.end_date - programme.start_date).days <= MAX_LISTED_DAYS:
        schedule_days.update(_days(programme.start_date, programme.end_date))
    for session, _ in chosen:
        assert session.start is not None and session.end is not None
        schedule_days.add(local(session.start, clock).date())
        schedule_days.add(local(session.end - _TICK, clock).date())

    by_day: dict[date, list[Event]] = {}
    for session, place in chosen:
        assert session.start is not None and session.end is not None
        start = local(session.start, clock)
        logical = start.date()
        if start.time() < day_change and logical - timedelta(days=1) in schedule_days:
            logical -= timedelta(days=1)
        language = frab_language(session.languages)
        own = tuple(filter(None, (lang, language)))
        guid = session_guids[session.id]
        by_day.setdefault(logical, []).append(
            Event(
                session=session,
                guid=guid,
                number=numbers[guid],
                slug=f"{acronym}-{encode_slug(session.id)}",
                start=start,
                end=local(session.end, clock),
                room=room_by_place[place.id if place else None],
                title=session.title.lookup(*own),
                language=language,
                description=_text(session.description, own),
                track=track_name[session.track] if session.track else None,
                persons=persons_of(session),
                links=tuple((link, _text(link.title, own)) for link in session.links),
                recording=session.recording,
            )
        )

    room_order = {room.guid: position for position, room in enumerate(rooms)}
    days = []
    for index, when in enumerate(sorted(schedule_days), start=1):
        events = sorted(
            by_day.get(when, ()), key=lambda e: (room_order[e.room.guid], e.start, e.guid)
        )
        grouped: dict[str, list[Event]] = {}
        for event in events:
            grouped.setdefault(event.room.guid, []).append(event)
        days.append(
            Day(
                index=index,
                date=when,
                start=local(datetime.combine(when, day_change, clock), clock),
                end=local(datetime.combine(_next(when), day_change, clock), clock),
                rooms=tuple((group[0].room, tuple(group)) for group in grouped.values()),
            )
        )
    content = [
        (
            e.guid,
            e.start.isoformat(),
            str(int(e.duration.total_seconds())),
            e.room.name,
            e.title,
            e.description or "",
        )
        for d in days
        for _, events in d.rooms
        for e in events
    ]
    # What XML cannot hold (some characters, fractions of a second) is left
    # out of the hash: the JSON and the XML of one programme have one version.
    texts = [acronym, programme.title.lookup(*main), *(part for row in content for part in row)]
    digest = hashlib.sha256(_NOT_XML.sub("", "\x1e".join(texts)).encode())
    return Schedule(
        acronym=acronym,
        title=programme.title.lookup(*main),
        description=_text(programme.description, main),
        url=programme.url,
        zone=zone_name,
        start_date=programme.start_date,
        end_date=programme.end_date,
        rooms=tuple(rooms),
        tracks=tracks,
        days=tuple(days),
        version=digest.hexdigest()[:12],
    )
