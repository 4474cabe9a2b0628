"""Reading one event of a schedule: its times, texts, people and links.

An event is read into a :class:`RawEvent` of checked values; ids are
given and model objects built once every event is read (``_import.py``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from ...errors import Location
from ...model.vocab import LinkKind, SessionFormat
from ._people import RawPerson, read_links, read_person
from ._read import Obj, Reader, parse_duration, parse_instant
from ._vocab import read_event_type

__all__ = ["Context", "RawEvent", "read_event"]


@attrs.define
class RawEvent:
    """An event's checked values."""

    location: Location
    guid: str | None
    code: str | None
    number: str | int | None
    slug: str | None
    title: str
    description: str | None
    format: SessionFormat
    start: datetime
    end: datetime | None
    language: str | None
    room: str
    track: str | None
    url: str | None
    links: list[dict[str, Any]]
    persons: list[RawPerson]
    recording: tuple[bool | None, str | None]


@attrs.frozen
class Context:
    """What reading an event needs from the schedule around it."""

    zone: ZoneInfo
    base: str | None
    day: date | None
    day_start: time | None
    room: str
    pretalx: bool


def _times(event: Obj, reader: Reader, context: Context) -> tuple[datetime | None, datetime | None]:
    start = None
    written = event.text("date")
    clock = event.text("start")
    if written is not None:
        start = parse_instant(written)
        if start is None:
            reader.fail(event.at("date"), "date_time", f"is not a date-time: {written[:40]!r}")
        elif start.tzinfo is None:
            start = start.replace(tzinfo=context.zone)
    elif clock is not None and context.day is not None:
        try:
            at = time.fromisoformat(clock)
        except ValueError:
            reader.fail(event.at("start"), "time", f"is not a time HH:MM: {clock[:40]!r}")
        else:
            day = context.day
            if context.day_start is not None and at < context.day_start:
                day += timedelta(days=1)  # after midnight, still the same logical day
            start = datetime.combine(day, at, context.zone)
    elif clock is None:
        reader.fail(
            event.location, "required", "an event needs 'date' (or 'start' on a day with a date)"
        )
    try:
        if start is not None and clock is not None and written is not None:
            shown = start.astimezone(context.zone).strftime("%H:%M")
            if shown != clock.strip()[:5]:
                message = "disagrees with 'date' read in the schedule's zone: 'date' is used"
                reader.note(
                    "broken", "event.start", message, f"{clock} vs {shown}", event.at("start")
                )
        if start is not None:
            # In UTC, so that adding a duration adds elapsed time, not wall-clock time.
            start.astimezone(context.zone)
            start = start.astimezone(UTC)
    except (OverflowError, ValueError):
        reader.fail(event.at("date"), "date_time", "is out of range")
        return None, None
    return start, _end(event, reader, context, start)


def _end(event: Obj, reader: Reader, context: Context, start: datetime | None) -> datetime | None:
    length = None
    text = event.text("duration")
    if text is not None:
        length = parse_duration(text, days_first=context.pretalx)
        if length is None:
            reader.fail(event.at("duration"), "duration", f"is not a duration HH:MM: {text[:40]!r}")
    end = None
    written = event.text("end")
    if written is not None:
        end = parse_instant(written)
        if end is None:
            reader.fail(event.at("end"), "date_time", f"is not a date-time: {written[:40]!r}")
        elif end.tzinfo is None:
            end = end.replace(tzinfo=context.zone)
        if end is not None:
            try:
                end = end.astimezone(UTC)
            except OverflowError:
                reader.fail(event.at("end"), "date_time", "is out of range")
                end = None
    if start is None:
        return None
    try:
        if end is not None and end <= start:
            reader.note(
                "broken",
                "event.end",
                "not after the start: the duration is used",
                written,
                event.at("end"),
            )
            end = None
        if end is not None:
            if length is not None and abs((end - start) - length) >= timedelta(minutes=1):
                reader.note(
                    "broken",
                    "event.duration",
                    "disagrees with 'end': 'end' is used",
                    text,
                    event.at("duration"),
                )
            return end
        if length is None:
            if text is None:
                reader.fail(event.location, "required", "an event needs 'duration' (or 'end')")
            return None
        if not length:
            reader.note(
                "changed",
                "event.duration",
                "zero: read as a start without an end",
                text,
                event.at("duration"),
            )
            return None
        return start + length
    except OverflowError:
        reader.fail(event.at("duration"), "date_time", "ends out of range")
        return None


def read_event(item: Any, location: Location, reader: Reader, context: Context) -> RawEvent | None:
    """One event; ``None`` (with problems recorded) when it cannot be read."""
    event = reader.obj(item, location, "event")
    if event is None:
        return None
    title = event.text("title", required=True)
    start, end = _times(event, reader, context)
    parts = [(key, event.text(key)) for key in ("subtitle", "abstract", "description")]
    for key, text in parts[:2]:
        if text is not None:
            message = "kept in the description, before the rest"
            reader.note("changed", f"event.{key}", message, text, event.at(key))
    description = "\n\n".join(text for _, text in parts if text is not None) or None
    word = event.text("type")
    kind = read_event_type(word) if word is not None else None
    if kind is None:
        reader.note(
            "changed",
            "event.type",
            "not a known format: read as other",
            word or "",
            event.at("type"),
        )
        kind = SessionFormat.OTHER
    persons = []
    for person_item, person_location in event.items("persons"):
        person = read_person(person_item, person_location, reader, context.base)
        if person is not None:
            persons.append(person)
    if persons and kind.is_pause:
        reader.note(
            "changed",
            "event.type",
            f"a {kind.value} with persons: read as other",
            word,
            event.at("type"),
        )
        kind = SessionFormat.OTHER
    room = event.text("room")
    if room is not None and room != context.room:
        reader.note(
            "broken",
            "event.room",
            f"not the room it is listed in ({context.room!r})",
            room,
            event.at("room"),
        )
    url_text = event.text("url")
    guid = event.text("guid")
    url = None
    if url_text is not None and url_text != f"urn:uuid:{guid}":
        url = reader.url(url_text, event.at("url"), "event.url", context.base)
    links = read_links(event, "links", reader, None, LinkKind.OTHER)
    links += read_links(event, "attachments", reader, context.base, LinkKind.DOCUMENT)
    recording = (event.flag("do_not_record"), event.text("recording_license"))
    language = event.text("language")
    found = RawEvent(
        location=location,
        guid=guid,
        code=event.text("code"),
        number=event.identifier("id"),
        slug=event.text("slug"),
        title=title or "",
        description=description,
        format=kind,
        start=start or datetime.min,
        end=end,
        language=language.strip() if language else None,
        room=context.room,
        track=event.text("track"),
        url=url,
        links=links,
        persons=persons,
        recording=recording,
    )
    event.done(derived=("start", "duration", "daysCount"))
    if title is None or start is None:
        return None
    return found
