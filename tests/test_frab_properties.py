"""Properties of the frab exchange, over generated programmes and mutated schedules.

:func:`carried` is the specification of what a frab schedule carries, written
here independently of the exporter, from ``docs/frab.md``: the programme as
frab can hold it, with the programme's own ids. Three properties hold it to
the code:

1. an export reads nothing ``carried`` drops: ``export(p) == export(carried(p))``;
2. everything ``carried`` keeps comes back: ``import(export(p))`` equals
   ``carried(p)`` once the ids the format cannot carry are mapped back
   through the guids (and provenance, which the import adds, is set aside);
3. every export is valid against the VOC JSON Schema and XSD.

A fourth fuzzes the importers: any mutation of a schedule gives a programme
or a ``ValidationError``, never another exception.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import attrs
import pytest
from hypothesis import given, note
from hypothesis import strategies as st

from essprogramme import (
    LocalizedText,
    Location,
    LocationKind,
    Participant,
    ParticipantRole,
    Programme,
    Session,
    Speaker,
    Track,
    ValidationError,
    strategies,
)
from essprogramme.formats import ExportOptions
from essprogramme.formats.frab import (
    acronym_of,
    export_json,
    export_xml,
    from_frab,
    guid_of,
    import_json,
    import_xml,
)
from essprogramme.formats.frab._vocab import (
    LINK_KIND_READ,
    LINK_TYPE_WRITTEN,
    ROLE_READ,
    ROLE_WRITTEN,
    ROOM_KIND_READ,
    ROOM_TYPE_WRITTEN,
)
from frab.support import json_problems, xml_problems

FORMATS = {"json": (export_json, import_json), "xml": (export_xml, import_xml)}
_NOT_XML = dict.fromkeys([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF], "\ufffd")


# The specification ---------------------------------------------------------------------------


def _text(value: str, fmt: str) -> str:
    return value.translate(_NOT_XML) if fmt == "xml" else value


def _one(
    text: LocalizedText | None, tag: str, prefs: tuple[str, ...], fmt: str
) -> LocalizedText | None:
    return None if text is None else LocalizedText({tag: _text(text.lookup(*prefs), fmt)})


def _language(tags: tuple[str, ...]) -> str | None:
    return next(
        (t.split("-")[0].lower() for t in tags if len(t.split("-")[0]) == 2 and t[:2].isalpha()),
        None,
    )


def _unique(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for name in names:
        candidate, n = name, 1
        while candidate in seen:
            n += 1
            candidate = f"{name} ({n})"
        seen.add(candidate)
        out.append(candidate)
    return out


def carried(p: Programme, fmt: str) -> Programme:
    """``p`` as a frab schedule of format ``fmt`` holds it, with ``p``'s ids."""
    main = p.languages[:1]
    places = {place.id: place for place in p.locations}
    kept: list[tuple[Session, Location | None]] = []
    for s in p.sessions:
        if s.is_cancelled or s.start is None or s.end is None:
            continue
        if fmt == "xml" and not timedelta(seconds=1) <= s.end - s.start < timedelta(hours=100):
            continue
        found = [places[i] for i in s.locations]
        room = next(
            (x for x in found if x.kind is not LocationKind.ONLINE), found[0] if found else None
        )
        kept.append((s, room))
    used = {room.id for _, room in kept if room}
    rooms = [x for x in p.locations if x.id in used]
    fallback = any(room is None for _, room in kept)
    names = _unique(
        [x.name.lookup(*main) for x in rooms] + ([p.title.lookup(*main)] if fallback else [])
    )
    locations = tuple(
        Location(
            id=x.id, name=LocalizedText({"und": _text(name, fmt)}),
            kind=ROOM_KIND_READ.get(ROOM_TYPE_WRITTEN[x.kind], LocationKind.ROOM) if fmt == "json" else LocationKind.ROOM,
            capacity=x.capacity if fmt == "json" else None, url=x.url if fmt == "json" else None,
        )
        for x, name in zip(rooms, names, strict=False)
    )  # fmt: skip
    tracks = tuple(
        Track(id=t.id, name=LocalizedText({"und": _text(name, fmt)}), color=t.color)
        for t, name in zip(p.tracks, _unique([t.name.lookup(*main) for t in p.tracks]), strict=True)
    )

    def link(x: Any, prefs: tuple[str, ...]) -> Any:
        title = None if x.title is None else _text(x.title.lookup(*prefs), fmt)
        if title is not None and title.strip() == x.url:
            title = None
        return attrs.evolve(
            x, kind=LINK_KIND_READ[LINK_TYPE_WRITTEN[x.kind]], language=None,
            title=None if title is None else LocalizedText({"und": title}),
        )  # fmt: skip

    sessions = []
    speaker_ids: set[str] = set()
    days = set(p.extra_days)
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(p.time_zone)
    for s, room in kept:
        assert s.start is not None and s.end is not None
        language = _language(s.languages)
        tag = language or "und"
        prefs = (language,) if language else ()
        end = s.end
        if fmt == "xml":
            end = s.start + timedelta(seconds=int((s.end - s.start).total_seconds()))
        recording = s.recording
        if recording is not None and recording.licence is not None:
            recording = attrs.evolve(recording, licence=_text(recording.licence, fmt))
        participants: dict[str, Participant] = {}
        for part in s.participants:
            if part.speaker is not None and part.speaker not in participants:
                role = (
                    ROLE_READ[ROLE_WRITTEN[part.role]] if fmt == "json" else ParticipantRole.SPEAKER
                )
                participants[part.speaker] = Participant(role=role, speaker=part.speaker)
        speaker_ids.update(participants)
        sessions.append(
            Session(
                id=s.id, title=_one(s.title, tag, prefs, fmt), format=s.format,  # type: ignore[arg-type]
                start=s.start, end=end if end > s.start else None,
                languages=(language,) if language else (), locations=(room.id,) if room else (),
                track=s.track, description=_one(s.description, tag, prefs, fmt), url=s.url,
                links=tuple(link(x, prefs) for x in s.links), recording=recording,
                participants=tuple(participants.values()),
            )
        )  # fmt: skip
        last = (end if end > s.start else s.start + timedelta(microseconds=1)) - timedelta(
            microseconds=1
        )
        for day in (s.start.astimezone(zone).date(), last.astimezone(zone).date()):
            if not p.start_date <= day <= p.end_date:
                days.add(day)
    speakers = tuple(
        Speaker(
            id=x.id,
            name=_text(x.name if x.name is not None else x.office.lookup(*main), fmt),  # type: ignore[union-attr]
            bio=_one(x.bio, "und", main, fmt) if fmt == "json" else None,
            photo=x.photo if fmt == "json" else None,
            links=tuple(link(y, main) for y in x.links) if fmt == "json" else (),
        )
        for x in p.speakers
        if x.id in speaker_ids
    )
    return Programme(
        id=acronym_of(p.id), title=_one(p.title, "und", main, fmt), time_zone=p.time_zone,  # type: ignore[arg-type]
        start_date=p.start_date, end_date=p.end_date, extra_days=tuple(sorted(days)),
        description=_one(p.description, "und", main, fmt) if fmt == "json" else None, url=p.url,
        locations=locations, tracks=tracks, sessions=tuple(sessions), speakers=speakers,
    )  # fmt: skip


# Mapping the imported ids back ---------------------------------------------------------------


def _plain(item: Any, **changes: Any) -> Any:
    fields = {f.name for f in attrs.fields(type(item))}
    blank = {name: () for name in ("sources", "inferred", "notes") if name in fields}
    return attrs.evolve(item, **blank, **changes)


def restored(imported: Programme, report: Any, expected: Programme) -> Programme:
    """``imported`` with the expected ids (found through guids and track names), sorted, bare."""
    acronym = expected.id
    back: dict[str, dict[str, str]] = {}
    for collection, kind, items in (("sessions", "session", expected.sessions),
                                    ("speakers", "speaker", expected.speakers),
                                    ("locations", "room", expected.locations)):  # fmt: skip
        by_guid = {guid_of(acronym, kind, item.id): item.id for item in items}
        back[collection] = {
            m.id: by_guid.get(m.get("guid") or "", m.id)
            for m in report.ids
            if m.collection == collection
        }
    by_name = {t.name["und"]: t.id for t in expected.tracks}
    back["tracks"] = {t.id: by_name.get(t.name["und"], t.id) for t in imported.tracks}
    ids = lambda collection, value: back[collection].get(value, value)  # noqa: E731

    sessions = [
        _plain(s, id=ids("sessions", s.id), locations=tuple(ids("locations", x) for x in s.locations),
               track=ids("tracks", s.track) if s.track else None,
               participants=tuple(attrs.evolve(x, speaker=ids("speakers", x.speaker)) for x in s.participants))
        for s in imported.sessions
    ]  # fmt: skip
    return attrs.evolve(
        _plain(imported),
        sessions=tuple(sorted(sessions, key=lambda s: s.id)),
        speakers=tuple(
            sorted(
                (_plain(x, id=ids("speakers", x.id)) for x in imported.speakers), key=lambda x: x.id
            )
        ),
        locations=tuple(
            sorted(
                (_plain(x, id=ids("locations", x.id)) for x in imported.locations),
                key=lambda x: x.id,
            )
        ),
        tracks=tuple(
            sorted(
                (attrs.evolve(x, id=ids("tracks", x.id)) for x in imported.tracks),
                key=lambda x: x.id,
            )
        ),
    )


def _sorted(p: Programme) -> Programme:
    return attrs.evolve(
        p, **{name: tuple(sorted(getattr(p, name), key=lambda x: x.id))
              for name in ("sessions", "speakers", "locations", "tracks")},
    )  # fmt: skip


# The properties ------------------------------------------------------------------------------

programmes = strategies.programmes(max_sessions=4)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@given(programme=programmes)
def test_an_export_reads_nothing_the_format_does_not_carry(fmt: str, programme: Programme) -> None:
    export, _ = FORMATS[fmt]
    assert export(programme, ExportOptions()) == export(carried(programme, fmt), ExportOptions())


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@given(programme=programmes)
def test_a_round_trip_keeps_every_field_the_format_carries(fmt: str, programme: Programme) -> None:
    export, read = FORMATS[fmt]
    data = export(programme, ExportOptions())
    note(data.decode())
    imported, report = read(data)
    expected = carried(programme, fmt)
    assert restored(imported, report, expected) == _sorted(expected)


@given(programme=programmes)
def test_every_export_is_valid_against_the_voc_schema_and_xsd(programme: Programme) -> None:
    assert json_problems(json.loads(export_json(programme, ExportOptions()))) == []
    assert xml_problems(export_xml(programme, ExportOptions()).decode()) == []


# Fuzzing the importers -----------------------------------------------------------------------

_BASES: dict[str, bytes] = {}


def _bases() -> dict[str, bytes]:
    """Schedules to break: an export of every shape the model has, and our pretalx-like file."""
    if not _BASES:
        from essprogramme import from_json
        from frab.support import HERE

        every_shape = Path(__file__).parent / "fixtures" / "every-shape.json"
        forum = from_json(every_shape.read_text(encoding="utf-8"))
        _BASES["json"] = export_json(forum, ExportOptions())
        _BASES["pretalx"] = (HERE / "pretalx-schedule.json").read_bytes()
        _BASES["xml"] = export_xml(forum, ExportOptions())
        _BASES["frab"] = (HERE / "frab-schedule.xml").read_bytes()
    return _BASES


_words = st.sampled_from([
    "", " ", "x", "0", "-1", "2021-10-08", "2021-10-08T11:00:00", "2021-10-08T11:00:00+25:00",
    "9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00", "00:90", "99:59", "0:00",
    "1:02:03", "25:00", "Europe/Atlantis", "UTC", "fr", "english", "/relative", "nymtech.net",
    "https://example.org/", "urn:uuid:x", "#zzz", "true", "yes", "MODERATOR", "break", "1e400",
])  # fmt: skip
_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**40), 2**40)
    | st.floats(allow_nan=False, allow_infinity=False) | _words | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)  # fmt: skip
_KEYS = ["logo", "end", "code", "type", "x", "id", "date", "duration", "start", "persons",
         "links", "role", "name", "guid", "time_zone_name", "rooms", "tracks", "language"]  # fmt: skip


def _containers(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _containers(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _containers(child, (*path, index))
    return found


@st.composite
def mutated_json(draw: st.DrawFn) -> Any:
    """A schedule with one to three values replaced, deleted or added."""
    document = json.loads(_bases()[draw(st.sampled_from(["json", "pretalx"]))])
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_containers(document)[1:]))
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "delete" and isinstance(parent, dict):
            del parent[path[-1]]
        elif action == "add" and isinstance(parent[path[-1]], dict):
            parent[path[-1]][draw(st.sampled_from(_KEYS))] = draw(_values)
        else:
            parent[path[-1]] = draw(_values)
    return document


_TAGS = ["event", "room", "day", "person", "persons", "link", "title", "date", "start",
         "duration", "recording", "optout", "track", "b", "language", "type"]  # fmt: skip
_ATTRIBUTES = ["id", "guid", "name", "index", "date", "start", "end", "href", "type", "x"]
_xml_text = _words | st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=8
)


@st.composite
def mutated_xml(draw: st.DrawFn) -> bytes:
    """A schedule XML with one to three elements changed, removed or added."""
    root = ElementTree.fromstring(_bases()[draw(st.sampled_from(["xml", "frab"]))])
    parents = {child: parent for parent in root.iter() for child in parent}
    for _ in range(draw(st.integers(1, 3))):
        element = draw(st.sampled_from(list(root.iter())))
        action = draw(st.sampled_from(["text", "attribute", "remove", "add"]))
        if action == "text":
            element.text = draw(_xml_text)
        elif action == "attribute":
            element.set(draw(st.sampled_from(_ATTRIBUTES)), draw(_xml_text))
        elif action == "remove" and element in parents:
            parents[element].remove(element)
        else:
            ElementTree.SubElement(element, draw(st.sampled_from(_TAGS))).text = draw(_xml_text)
    return ElementTree.tostring(root)


def _either(read: Any, data: Any) -> None:
    try:
        programme, report = read(data)
    except ValidationError as error:
        assert error.problems
        assert all(problem.path.startswith("$") for problem in error.problems)
    else:
        assert isinstance(programme, Programme)
        assert str(report)


@given(document=mutated_json())
def test_a_mutated_json_schedule_gives_a_programme_or_a_validation_error(document: Any) -> None:
    _either(from_frab, document)


@given(data=mutated_xml())
def test_a_mutated_xml_schedule_gives_a_programme_or_a_validation_error(data: bytes) -> None:
    _either(import_xml, data)
