"""A programme as a frab/pretalx schedule in XML, valid against the VOC XSD.

Written by hand, element by element, in the order the XSD's sequences ask
for. XML 1.0 cannot hold most control characters: each becomes U+FFFD
(reported). A carriage return is written ``&#13;`` so that a reader's
end-of-line handling does not turn it into a line feed.
"""

from __future__ import annotations

import re
from datetime import time, timedelta

from ...model import Programme
from ._plan import DAY_CHANGE, Event, Schedule, plan
from ._report import Recorder
from ._vocab import LINK_TYPE_WRITTEN

__all__ = ["render_xml", "to_frab_xml", "xml_duration"]

#: What XML 1.0 cannot carry at all (its ``Char`` production, minus surrogates).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTRIBUTE = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\r": "&#13;",
        "\n": "&#10;",
        "\t": "&#9;",
    }
)


def xml_duration(duration: timedelta) -> str:
    """A duration as the XSD spells it: ``HH:MM``, or ``HH:MM:SS`` when seconds remain.

    >>> xml_duration(timedelta(minutes=90)), xml_duration(timedelta(minutes=1, seconds=30.5))
    ('01:30', '00:01:30')
    """
    seconds = int(duration.total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}" + (f":{seconds:02d}" if seconds else "")


class _Writer:
    def __init__(self, recorder: Recorder | None) -> None:
        self.parts: list[str] = ['<?xml version="1.0" encoding="UTF-8"?>\n']
        self.recorder = recorder

    def _clean(self, value: str) -> str:
        if _NOT_XML.search(value) is None:
            return value
        if self.recorder is not None:
            self.recorder.add("changed", "text", "control characters written as U+FFFD", value)
        return _NOT_XML.sub("\ufffd", value)

    def attributes(self, attributes: dict[str, str | None]) -> str:
        return "".join(
            f' {name}="{self._clean(value).translate(_ATTRIBUTE)}"'
            for name, value in attributes.items()
            if value is not None
        )

    def leaf(self, depth: int, tag: str, text: str | None, /, **attributes: str | None) -> None:
        opened = f"{'  ' * depth}<{tag}{self.attributes(attributes)}"
        if text:
            self.parts.append(f"{opened}>{self._clean(text).translate(_TEXT)}</{tag}>\n")
        else:
            self.parts.append(f"{opened}/>\n")

    def open(self, depth: int, tag: str, /, **attributes: str | None) -> None:
        self.parts.append(f"{'  ' * depth}<{tag}{self.attributes(attributes)}>\n")

    def close(self, depth: int, tag: str) -> None:
        self.parts.append(f"{'  ' * depth}</{tag}>\n")


def _event(out: _Writer, event: Event) -> None:
    out.open(3, "event", guid=event.guid, id=str(event.number))
    out.leaf(4, "date", event.start.isoformat())
    out.leaf(4, "start", event.start.strftime("%H:%M"))
    duration = event.duration
    if duration.microseconds and out.recorder is not None:
        out.recorder.add(
            "changed", "session.end", "duration cut to whole seconds", event.session.id
        )
    out.leaf(4, "duration", xml_duration(duration))
    out.leaf(4, "room", event.room.name)
    out.leaf(4, "slug", event.slug)
    if event.session.url is not None:
        out.leaf(4, "url", event.session.url)
    recording = event.recording
    if recording is not None:
        out.open(4, "recording")
        out.leaf(5, "license", recording.licence)
        out.leaf(5, "optout", "false" if recording.allowed else "true")
        out.close(4, "recording")
    out.leaf(4, "title", event.title)
    out.leaf(4, "subtitle", None)
    out.leaf(4, "track", event.track)
    out.leaf(4, "type", event.session.format.value)
    if event.language is not None:
        out.leaf(4, "language", event.language)
    out.leaf(4, "abstract", None)
    if event.description is not None:
        out.leaf(4, "description", event.description)
    out.open(4, "persons")
    for person in event.persons:
        out.leaf(5, "person", person.name, id=str(person.number), guid=person.guid)
    out.close(4, "persons")
    out.open(4, "links")
    for link, title in event.links:
        out.leaf(5, "link", title, href=link.url, type=LINK_TYPE_WRITTEN[link.kind])
    out.close(4, "links")
    out.close(3, "event")


def render_xml(schedule: Schedule, recorder: Recorder | None = None) -> str:
    """The XML document of a planned schedule; replaced characters go to ``recorder``."""
    out = _Writer(recorder)
    out.open(0, "schedule")
    out.leaf(1, "generator", None, name="essprogramme")
    out.leaf(1, "version", schedule.version)
    out.open(1, "conference")
    out.leaf(2, "acronym", schedule.acronym)
    out.leaf(2, "title", schedule.title)
    out.leaf(2, "start", schedule.start_date.isoformat())
    out.leaf(2, "end", schedule.end_date.isoformat())
    out.leaf(2, "days", str(len(schedule.days)))
    out.leaf(2, "timeslot_duration", "00:05")
    if schedule.url is not None:
        out.leaf(2, "url", schedule.url)
    # The XSD takes any zone name, unlike the JSON Schema.
    out.leaf(2, "time_zone_name", schedule.zone)
    for track, name, slug in schedule.tracks:
        out.leaf(2, "track", None, name=name, color=track.color, slug=slug)
    out.close(1, "conference")
    for day in schedule.days:
        attributes = {"index": str(day.index), "date": day.date.isoformat()}
        attributes |= {"start": day.start.isoformat(), "end": day.end.isoformat()}
        if not day.rooms:
            out.leaf(1, "day", None, **attributes)
            continue
        out.open(1, "day", **attributes)
        for room, events in day.rooms:
            out.open(2, "room", name=room.name, guid=room.guid)
            for event in events:
                _event(out, event)
            out.close(2, "room")
        out.close(1, "day")
    out.close(0, "schedule")
    return "".join(out.parts)


def to_frab_xml(
    programme: Programme,
    *,
    zone: str | None = None,
    lang: str | None = None,
    speaker: str | None = None,
    day_change: time = DAY_CHANGE,
) -> str:
    """``programme`` as a VOC schedule XML document (text; see ``export_report(xml=True)``).

    >>> from essprogramme import examples
    >>> text = to_frab_xml(examples.load("gsef2021-partenariats"))
    >>> "<duration>01:30</duration>" in text, "<language>fr</language>" in text
    (True, True)
    """
    schedule = plan(
        programme, zone=zone, lang=lang, speaker=speaker, day_change=day_change, xml=True
    )
    return render_xml(schedule)
