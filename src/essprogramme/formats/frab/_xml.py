"""frab/pretalx XML: parsed safely, then read as the JSON shape it mirrors.

:func:`parse_xml` refuses, as a :class:`~essprogramme.ValidationError`
(code ``xml``) and before building anything large: a document over
:data:`MAX_XML_BYTES`; any DTD (so no entity, internal or external: no
billion laughs, nothing read from disk or network); nesting deeper than
:data:`MAX_XML_DEPTH`; text that is not well-formed XML.

:func:`from_frab_xml` turns the elements into the JSON schedule's shape
(``day`` → ``days``, ``room`` elements → ``rooms`` by name, attributes and
child elements → fields) and reads it with the JSON reader; every path of a
problem or a report entry is translated back to the XML's elements, as
``$.schedule.day[0].room[1].event[2].duration`` (0-based positions among
elements of that name).
"""

from __future__ import annotations

import io
from typing import Any
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeTree
from defusedxml import DefusedXmlException

from ...errors import Location, ValidationError, one_problem
from ...model import Programme
from ._import import from_frab
from ._read import Reader
from ._report import ImportReport

__all__ = ["MAX_XML_BYTES", "MAX_XML_DEPTH", "from_frab_xml", "parse_xml"]

#: The largest XML document read: a schedule of thousands of events is a few MB.
MAX_XML_BYTES = 64 * 1024 * 1024
#: The deepest nesting of elements read: a schedule needs 7.
MAX_XML_DEPTH = 32


def parse_xml(data: bytes) -> Element:
    """The root element of ``data``, parsed without DTDs, entities or external references.

    >>> parse_xml(b"<schedule><version>1</version></schedule>").tag
    'schedule'
    >>> parse_xml(b'<!DOCTYPE s [<!ENTITY a "aaaa">]><s>&a;</s>')
    Traceback (most recent call last):
    ...
    essprogramme.errors.ValidationError: 1 problem:
      $: not accepted: a DTD (no DTD, entity or external reference is read) [xml]
    """
    if len(data) > MAX_XML_BYTES:
        raise one_problem((), "xml", f"larger than {MAX_XML_BYTES} bytes")
    depth = 0
    root: Element | None = None
    try:
        events = SafeTree.iterparse(
            io.BytesIO(data), events=("start", "end"), forbid_dtd=True,
            forbid_entities=True, forbid_external=True,
        )  # fmt: skip
        for event, element in events:
            if event == "start":
                depth += 1
                if root is None:
                    root = element
                if depth > MAX_XML_DEPTH:
                    raise one_problem((), "xml", f"nests elements deeper than {MAX_XML_DEPTH}")
            else:
                depth -= 1
    except DefusedXmlException as error:
        kind = type(error).__name__.removesuffix("Forbidden")
        what = {
            "DTD": "a DTD",
            "Entities": "an entity",
            "ExternalReference": "an external reference",
        }
        raise one_problem(
            (),
            "xml",
            f"not accepted: {what.get(kind, kind)} (no DTD, entity or external reference is read)",
        ) from None
    except ParseError as error:
        raise one_problem((), "xml", f"not well-formed XML: {error}") from None
    if root is None:  # pragma: no cover - the parser reports an empty document
        raise one_problem((), "xml", "no element")
    return root


class _Converter:
    """Elements into the JSON shape, remembering where each value came from."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.paths: dict[Location, Location] = {}

    def where(self, location: Location) -> Location:
        rest: list[str | int] = []
        steps = tuple(location)
        while steps and steps not in self.paths:
            rest.insert(0, steps[-1])
            steps = steps[:-1]
        return (*self.paths.get(steps, steps), *rest)

    def text(self, element: Element, json_at: Location, xml_at: Location) -> Any:
        """An element's text, or (for an element with children) its fields as an object."""
        self.paths[json_at] = xml_at
        if len(element):
            return self.fields(element, json_at, xml_at, {})
        return element.text or ""

    def fields(
        self, element: Element, json_at: Location, xml_at: Location, names: dict[str, str]
    ) -> dict[str, Any]:
        """Attributes and child elements as fields; a repeated child is reported, the first kept."""
        self.paths[json_at] = xml_at
        out: dict[str, Any] = {}
        for name, value in element.attrib.items():
            key = names.get("@" + name, name)
            out[key] = int(value) if key == "id" and value.isdigit() and len(value) < 16 else value
            self.paths[(*json_at, key)] = (*xml_at, "@" + name)
        seen: dict[str, int] = {}
        for child in element:
            tag = str(child.tag)
            count = seen[tag] = seen.get(tag, -1) + 1
            child_at: Location = (*xml_at, tag, count) if count else (*xml_at, tag)
            key = names.get(tag, tag)
            if key in out:
                self.reader.note(
                    "broken", tag, "repeated: the first one is read", child.text or "", child_at
                )
                continue
            out[key] = self.text(child, (*json_at, key), child_at)
        return out

    def references(
        self, element: Element | None, json_at: Location, xml_at: Location, tag: str
    ) -> list[Any]:
        found: list[Any] = []
        for index, child in enumerate([] if element is None else element.findall(tag)):
            at = (*xml_at, tag, index)
            item = self.fields(child, (*json_at, index), at, {"@href": "url"})
            text = child.text or ""
            if text.strip():
                item["name" if tag == "person" else "title"] = text
                self.paths[(*json_at, index, "name" if tag == "person" else "title")] = at
            found.append(item)
        self.paths[json_at] = (*xml_at,)
        return found

    def event(self, element: Element, json_at: Location, xml_at: Location) -> dict[str, Any]:
        plain = [
            child
            for child in element
            if child.tag not in ("persons", "links", "attachments", "recording")
        ]
        shell = Element("event", element.attrib)
        shell.extend(plain)
        out = self.fields(shell, json_at, xml_at, {})
        for tag, item in (("persons", "person"), ("links", "link"), ("attachments", "attachment")):
            holder = element.find(tag)
            if holder is not None:
                out[tag] = self.references(holder, (*json_at, tag), (*xml_at, tag), item)
        recording = element.find("recording")
        if recording is not None:
            fields = self.fields(recording, (*json_at, "recording"), (*xml_at, "recording"), {})
            for name, key in (("license", "recording_license"), ("optout", "do_not_record")):
                if name in fields:
                    value = fields.pop(name)
                    flags = {"true": True, "1": True, "false": False, "0": False}
                    out[key] = (
                        flags.get(value.strip(), value)
                        if isinstance(value, str) and key == "do_not_record"
                        else value
                    )
                    self.paths[(*json_at, key)] = (*xml_at, "recording", name)
            for name, value in fields.items():
                out[f"recording_{name}"] = value
        return out

    def document(self, root: Element) -> dict[str, Any]:
        if root.tag != "schedule":
            self.reader.fail(
                (), "type", f"expected a <schedule> element, got <{str(root.tag)[:40]}>"
            )
            return {}
        top: dict[str, Any] = {}
        schedule = self.fields(
            _without(root, "conference", "day", "generator"), ("schedule",), ("schedule",), {}
        )
        for tag in ("generator", "conference"):
            for number in range(1, len(root.findall(tag))):
                message = "repeated: the first one is read"
                self.reader.note("broken", tag, message, "", ("schedule", tag, number))
        generator = root.find("generator")
        if generator is not None:
            top["generator"] = self.fields(generator, ("generator",), ("schedule", "generator"), {})
        conference_element = root.find("conference")
        if conference_element is not None:
            at = ("schedule", "conference")
            conference = self.fields(
                _without(conference_element, "track", "color"), at, at, {"days": "daysCount"}
            )
            tracks = conference_element.findall("track")
            if tracks:
                conference["tracks"] = [
                    self.fields(t, (*at, "tracks", i), (*at, "track", i), {})
                    for i, t in enumerate(tracks)
                ]
            color = conference_element.find("color")
            if color is not None:
                conference["colors"] = color.attrib or {"primary": color.text or ""}
            conference["days"] = self.days(root)
            conference["rooms"] = self.rooms
            schedule["conference"] = conference
        top["schedule"] = schedule
        return top

    def days(self, root: Element) -> list[Any]:
        self.rooms: list[dict[str, Any]] = []
        known: set[tuple[str, str]] = set()
        days = []
        for index, day in enumerate(root.findall("day")):
            json_at: Location = ("schedule", "conference", "days", index)
            xml_at: Location = ("schedule", "day", index)
            fields = self.fields(
                _without(day, "room"), json_at, xml_at, {"@start": "day_start", "@end": "day_end"}
            )
            rooms: dict[str, list[Any]] = {}
            for number, room in enumerate(day.findall("room")):
                name = room.get("name", "")
                pair = (name, room.get("guid", ""))
                if pair not in known:
                    known.add(pair)
                    listed: dict[str, Any] = {"name": name}
                    if room.get("guid") is not None:
                        listed["guid"] = room.get("guid")
                    self.paths[("schedule", "conference", "rooms", len(self.rooms))] = (
                        *xml_at,
                        "room",
                        number,
                    )
                    self.rooms.append(listed)
                events = rooms.setdefault(name, [])
                self.paths[(*json_at, "rooms", name)] = (*xml_at, "room", number)
                for position, element in enumerate(room.findall("event")):
                    at = (*json_at, "rooms", name, len(events))
                    events.append(
                        self.event(element, at, (*xml_at, "room", number, "event", position))
                    )
            fields["rooms"] = rooms
            days.append(fields)
        return days


def _without(element: Element, *tags: str) -> Element:
    shell = Element(element.tag, element.attrib)
    shell.extend(child for child in element if child.tag not in tags)
    return shell


def from_frab_xml(root: Element, *, time_zone: str | None = None) -> tuple[Programme, ImportReport]:
    """A parsed schedule XML (:func:`parse_xml`) into a programme and its report.

    Paths in problems and in the report name the XML's elements.
    """
    converter_reader = Reader()
    converter = _Converter(converter_reader)
    converter_reader.where = converter.where
    document = converter.document(root)
    if converter_reader.problems:  # not a <schedule> at all
        raise ValidationError(converter_reader.problems)
    return from_frab(document, time_zone=time_zone, _reader=converter_reader)
