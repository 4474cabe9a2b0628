"""A frab/pretalx schedule (JSON-shaped data) into a programme and its import report.

The document is read whole first, every problem collected (bad input: one
:class:`~essprogramme.ValidationError` naming them all, with their paths);
then ids are made (:mod:`._ids`) and the programme is built. The XML reader
(:mod:`._xml`) turns XML into the same shape and reads it here, its paths
translated back to the XML's elements.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any
from zoneinfo import ZoneInfo

from ...errors import Location, ValidationError, json_path, sorted_problems
from ...model import Programme
from ...model._formats import COLOR_MATCH, is_zone_key
from ...model.vocab import LocationKind
from ._build import build
from ._events import Context, RawEvent, read_event
from ._raw import Built, RawRoom, RawTrack
from ._read import Obj, Reader, parse_date, parse_instant
from ._report import ImportReport
from ._vocab import ROOM_KIND_READ

__all__ = ["from_frab", "read_document"]


def _rooms(conference: Obj, schedule: Obj, reader: Reader, base: str | None) -> list[RawRoom]:
    key, holder = "rooms", conference
    if "rooms" not in conference.data and "rooms" in schedule.data:
        holder = schedule  # old exports list them beside the conference
        reader.note(
            "broken",
            "schedule.rooms",
            "rooms outside the conference: read",
            "",
            schedule.at("rooms"),
        )
    rooms: list[RawRoom] = []
    guids: dict[str, Location] = {}
    for item, location in holder.items(key):
        room = reader.obj(item, location, "room")
        if room is None:
            continue
        name = room.text("name", required=True)
        guid = room.text("guid")
        word = room.text("type")
        capacity = room.number("capacity")
        page = room.text("url")
        room.done(derived=("slug",))
        if name is None:
            continue
        if guid is not None and guid in guids:
            reader.note(
                "broken",
                "room.guid",
                f"also the guid of {json_path(reader.where(guids[guid]))}",
                guid,
                room.at("guid"),
            )
        elif guid is not None:
            guids[guid] = location
        if any(other.name == name for other in rooms):
            reader.note(
                "broken", "room.name", "a second room of this name: ignored", name, room.at("name")
            )
            continue
        if capacity is not None and (capacity != round(capacity) or not 1 <= capacity <= 2**53 - 1):
            reader.note(
                "broken",
                "room.capacity",
                "not a whole number of places: left out",
                capacity,
                room.at("capacity"),
            )
            capacity = None
        rooms.append(
            RawRoom(
                location=location,
                name=name,
                guid=guid,
                kind=ROOM_KIND_READ.get((word or "").lower(), LocationKind.ROOM),
                capacity=None if capacity is None else int(capacity),
                url=reader.url(page, room.at("url"), "room.url", base) if page else None,
            )
        )
    return rooms


def _tracks(conference: Obj, reader: Reader) -> list[RawTrack]:
    tracks: list[RawTrack] = []
    for item, location in conference.items("tracks"):
        track = reader.obj(item, location, "track")
        if track is None:
            continue
        name = track.text("name", required=True)
        slug = track.text("slug")
        color = track.text("color")
        track.done()
        if name is None:
            continue
        if any(other.name == name for other in tracks):
            reader.note(
                "broken",
                "track.name",
                "a second track of this name: ignored",
                name,
                track.at("name"),
            )
            continue
        if color is not None and not COLOR_MATCH(color):
            reader.note(
                "broken", "track.color", "not a colour #RRGGBB: left out", color, track.at("color")
            )
            color = None
        tracks.append(RawTrack(location, name, slug, color))
    return tracks


def _day_date(text: str | None, zone: ZoneInfo) -> date | None:
    if text is None:
        return None
    found = parse_date(text)
    if found is None:
        instant = parse_instant(text)
        if instant is not None:
            try:
                found = (instant if instant.tzinfo is None else instant.astimezone(zone)).date()
            except OverflowError:
                return None
    return found


def _zone(conference: Obj, reader: Reader, time_zone: str | None) -> str | None:
    """The schedule's zone: ``time_zone_name``, else the one given; never guessed."""
    named = conference.text("time_zone_name")
    if named is None:
        if time_zone is None or not is_zone_key(time_zone):
            message = "the schedule names no time zone: give one (time_zone=...)"
            reader.fail(conference.at("time_zone_name"), "required", message)
            return None
        return time_zone
    if not is_zone_key(named.strip()):
        message = f"is not an IANA time zone key: {named[:60]!r}"
        reader.fail(conference.at("time_zone_name"), "time_zone", message)
        return None
    return named.strip()


def _days(
    conference: Obj, reader: Reader, zone: ZoneInfo, base: str | None, pretalx: bool
) -> tuple[list[date], list[RawEvent]]:
    """The dates of the days listed, and every event read from them."""
    events: list[RawEvent] = []
    days: list[date] = []
    for item, location in conference.items("days", required=True):
        day = reader.obj(item, location, "day")
        if day is None:
            continue
        when = _day_date(day.text("date"), zone)
        if when is not None:
            days.append(when)
        day_start = day.text("day_start")
        if day_start is not None or day.text("day_end") is not None:
            message = "the day's boundaries are not carried"
            reader.note("lost", "day.day_start", message, day_start or "", day.at("day_start"))
        first = parse_instant(day_start) if day_start else None
        starts_at: time | None = None
        if first is not None:
            try:
                starts_at = (first if first.tzinfo is None else first.astimezone(zone)).time()
            except OverflowError:
                starts_at = None
        rooms = day.raw("rooms")
        if rooms is not None and type(rooms) is not dict:
            reader.fail(day.at("rooms"), "type", "expected an object of room name to events")
            rooms = None
        for name, listed in (rooms or {}).items():
            where = (*day.at("rooms"), name)
            if type(listed) is not list:
                reader.fail(where, "type", "expected an array of events")
                continue
            context = Context(zone, base, when, starts_at, name, pretalx)
            for index, event_item in enumerate(listed):
                found = read_event(event_item, (*where, index), reader, context)
                if found is not None:
                    events.append(found)
        day.done(derived=("index", "date", "day_start", "day_end"))
    return days, events


def read_document(document: Any, reader: Reader, time_zone: str | None) -> Built | None:
    """Read a whole schedule into checked parts; ``None`` when it cannot be read at all."""
    top = reader.obj(document, (), "document")
    if top is None:
        return None
    pretalx = False
    generator = top.child("generator", "generator")
    if generator is not None:
        # pretalx writes three-part durations as D:HH:MM, the XSD as H:MM:SS.
        pretalx = (generator.text("name") or "").lower() == "pretalx"
        generator.done(derived=("name", "version", "url", "system"))
    top.raw("$schema")
    schedule = top.child("schedule", "schedule", required=True)
    top.done()
    conference = schedule.child("conference", "conference", required=True) if schedule else None
    if schedule is None or conference is None:
        return None
    version = schedule.raw("version")
    acronym = conference.text("acronym", required=True)
    title = conference.text("title", required=True)
    zone_name = _zone(conference, reader, time_zone)
    zone = ZoneInfo(zone_name or "UTC")
    url, page = (
        reader.url(text, holder.at("url"), f"{holder.kind}.url", None) if text else None
        for holder, text in ((conference, conference.text("url")), (schedule, schedule.text("url")))
    )
    holder = schedule if "base_url" in schedule.data else conference  # XML: in the conference
    text = holder.text("base_url")
    base = reader.url(text, holder.at("base_url"), "schedule.base_url", None) if text else None
    base = base or url
    rooms = _rooms(conference, schedule, reader, base)
    tracks = _tracks(conference, reader)
    start = _day_date(conference.text("start"), zone)
    end = _day_date(conference.text("end"), zone)
    days, events = _days(conference, reader, zone, base, pretalx)
    description = conference.text("description")
    conference.done(derived=("daysCount", "start", "end", "days", "base_url"))
    schedule.done(derived=("base_url", "url"))
    if reader.problems or acronym is None or title is None or zone_name is None:
        return None
    if start is None or end is None:
        known = days or [event.start.astimezone(zone).date() for event in events]
        if not known:
            message = "the schedule has no dates: no start, no days"
            reader.fail(conference.at("start"), "required", message)
            return None
        start, end = start or min(known), end or max(known)
    written = f", version {version}" if type(version) is str and version.strip() else ""
    return Built(
        acronym=acronym, title=title, description=description, url=url, page=page or url or base,
        citation={"en": f"Schedule of {title}{written}"}, zone=zone_name, start=start, end=end,
        rooms=rooms, tracks=tracks, events=events, location=conference.location, days=days,
    )  # fmt: skip


def from_frab(
    document: Any, *, time_zone: str | None = None, _reader: Reader | None = None
) -> tuple[Programme, ImportReport]:
    """A schedule's JSON data (parsed) into a programme and its :class:`ImportReport`.

    ``time_zone`` is the zone to read the schedule in when it names none.
    Raises :class:`~essprogramme.ValidationError` naming every problem of
    the document, each with its JSON path.

    >>> from_frab({"schedule": {}})
    Traceback (most recent call last):
    ...
    essprogramme.errors.ValidationError: 1 problem:
      $.schedule.conference: schedule needs 'conference' [required]
    """
    reader = _reader or Reader()
    built = read_document(document, reader, time_zone)
    if built is not None and not reader.problems:
        result = build(built, reader)
        if result is not None and not reader.problems:
            return result
    if not reader.problems:  # pragma: no cover - every path that gives up records why
        reader.fail((), "schedule", "not a schedule")
    raise ValidationError(sorted_problems(reader.problems))
