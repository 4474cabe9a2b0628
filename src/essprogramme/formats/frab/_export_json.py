"""A programme as a frab/pretalx schedule in JSON, valid against the VOC JSON Schema."""

from __future__ import annotations

import re
from datetime import time, timedelta
from typing import Any

import orjson

from ...model import Programme
from ._losses import record_losses
from ._plan import DAY_CHANGE, Event, Person, Schedule, plan
from ._report import ExportReport, Recorder
from ._vocab import LINK_TYPE_WRITTEN, ROLE_WRITTEN, ROOM_TYPE_WRITTEN

__all__ = [
    "dumps",
    "export_report",
    "hours_minutes",
    "render_json",
    "to_frab",
    "writable_zone_name",
]

#: The VOC schema's pattern for ``time_zone_name``, searched as JSON Schema does.
_ZONE_NAME = re.compile("^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$").search
#: Where the VOC schema is published: the ``$schema`` of every document written.
SCHEMA_URL = "https://c3voc.de/schedule/schema.json"


def writable_zone_name(zone: str) -> bool:
    """Whether the VOC schema lets ``time_zone_name`` hold ``zone``.

    Its pattern takes ``Area/Location`` keys and ``UTC``; others (``EST5EDT``,
    ``Etc/GMT+3``, ``US/Eastern``) are left out of the JSON, whose dates
    still carry their offsets.

    >>> writable_zone_name("Indian/Mayotte"), writable_zone_name("Etc/GMT+3")
    (True, False)
    """
    return _ZONE_NAME(zone) is not None


def hours_minutes(duration: timedelta) -> str:
    """A duration as ``HH:MM``, in whole minutes (the seconds are cut).

    >>> hours_minutes(timedelta(minutes=90)), hours_minutes(timedelta(hours=26, seconds=59))
    ('01:30', '26:00')
    """
    minutes = int(duration.total_seconds()) // 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _person(person: Person) -> dict[str, Any]:
    # A VOC v1 person with a name (pretalx's shape) and no integer id, so
    # that it matches exactly one of FrabPerson and PretalxPerson.
    out: dict[str, Any] = {
        "guid": person.guid,
        "name": person.name,
        "public_name": person.name,
        "role": ROLE_WRITTEN[person.role],
    }
    if person.bio is not None:
        out["biography"] = person.bio
    if person.photo is not None:
        out["avatar"] = person.photo
    if person.links:
        out["links"] = [
            _reference(link.url, LINK_TYPE_WRITTEN[link.kind], title)
            for link, title in person.links
        ]
    return out


def _reference(url: str, kind: str, title: str | None) -> dict[str, Any]:
    out = {"url": url, "type": kind}
    if title is not None:
        out["title"] = title
    return out


def _event(event: Event) -> dict[str, Any]:
    recording = event.recording
    return {
        "guid": event.guid,
        "id": event.number,
        "date": event.start.isoformat(),
        "start": event.start.strftime("%H:%M"),
        "end": event.end.isoformat(),
        "duration": hours_minutes(event.duration),
        "room": event.room.name,
        "slug": event.slug,
        # "url" is required: a URN names the event when it has no page.
        "url": event.session.url or f"urn:uuid:{event.guid}",
        "title": event.title,
        "subtitle": "",
        "track": event.track,
        "type": event.session.format.value,
        "language": event.language,
        "abstract": "",
        "description": event.description,
        "recording_license": (recording.licence or "") if recording else "",
        "do_not_record": (not recording.allowed) if recording else None,
        "persons": [_person(person) for person in event.persons],
        "links": [
            _reference(link.url, LINK_TYPE_WRITTEN[link.kind], title) for link, title in event.links
        ],
        "attachments": [],
    }


def render_json(schedule: Schedule) -> dict[str, Any]:
    """The JSON document of a planned schedule."""
    rooms = []
    for room in schedule.rooms:
        entry: dict[str, Any] = {"name": room.name, "guid": room.guid}
        place = room.location
        if place is not None:
            entry["type"] = ROOM_TYPE_WRITTEN[place.kind]
            if place.capacity is not None:
                entry["capacity"] = place.capacity
            if place.url is not None:
                entry["url"] = place.url
        rooms.append(entry)
    tracks = []
    for track, name, slug in schedule.tracks:
        written: dict[str, Any] = {"name": name}
        if slug is not None:
            written["slug"] = slug
        if track.color is not None:
            written["color"] = track.color
        tracks.append(written)
    conference: dict[str, Any] = {
        "acronym": schedule.acronym,
        "title": schedule.title,
        "start": schedule.start_date.isoformat(),
        "end": schedule.end_date.isoformat(),
        "daysCount": len(schedule.days),
        "timeslot_duration": "00:05",
    }
    if writable_zone_name(schedule.zone):
        conference["time_zone_name"] = schedule.zone
    if schedule.description is not None:
        conference["description"] = schedule.description
    if schedule.url is not None:
        conference["url"] = schedule.url
    conference["rooms"] = rooms
    conference["tracks"] = tracks
    conference["days"] = [
        {
            "index": day.index,
            "date": day.date.isoformat(),
            "day_start": day.start.isoformat(),
            "day_end": day.end.isoformat(),
            "rooms": {room.name: [_event(event) for event in events] for room, events in day.rooms},
        }
        for day in schedule.days
    ]
    return {
        "$schema": SCHEMA_URL,
        "generator": {"name": "essprogramme"},
        "schedule": {"version": schedule.version, "conference": conference},
    }


def to_frab(
    programme: Programme,
    *,
    zone: str | None = None,
    lang: str | None = None,
    speaker: str | None = None,
    day_change: time = DAY_CHANGE,
) -> dict[str, Any]:
    """``programme`` as a VOC schedule JSON document (plain data; see :func:`export_report`).

    >>> from essprogramme import examples
    >>> document = to_frab(examples.load("gsef2021-partenariats"))
    >>> day = document["schedule"]["conference"]["days"][0]
    >>> [(e["start"], e["duration"], e["language"]) for events in day["rooms"].values() for e in events]
    [('11:00', '01:30', 'fr')]
    """
    schedule = plan(programme, zone=zone, lang=lang, speaker=speaker, day_change=day_change)
    return render_json(schedule)


def export_report(
    programme: Programme,
    *,
    xml: bool = False,
    zone: str | None = None,
    lang: str | None = None,
    speaker: str | None = None,
    day_change: time = DAY_CHANGE,
) -> ExportReport:
    """What an export of ``programme`` leaves out or cannot carry (``xml``: the XML's)."""
    recorder = Recorder()
    schedule = plan(
        programme, zone=zone, lang=lang, speaker=speaker, day_change=day_change, xml=xml,
        report=recorder,
    )  # fmt: skip
    record_losses(programme, schedule, "xml" if xml else "json", recorder)
    if not xml and not writable_zone_name(schedule.zone):
        recorder.add(
            "lost", "programme.time_zone", "not a zone name the VOC schema allows", schedule.zone
        )
    if xml:
        from ._export_xml import render_xml

        render_xml(schedule, recorder)
    return ExportReport(entries=recorder.entries())


def dumps(document: dict[str, Any]) -> bytes:
    """A JSON document as UTF-8 bytes, indented, ending in a newline."""
    return orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n"
