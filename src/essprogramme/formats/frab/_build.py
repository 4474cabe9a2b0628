"""A schedule that was read, as a programme: ids, then the data, decoded once.

Ids follow one table (see ``docs/frab.md``):

========== ==========================================================================
sessions   the session id our own slug spells, when the guid proves it; else the
           pretalx ``code``; else the ``guid``; else ``event-<id>``; else the slug
speakers   the slug of the name, when the guid proves it (our own exports); else
           the pretalx ``code``; else the ``guid``; else ``person-<id>``; else the
           slug of the name
rooms      the slug of the name (frab keys rooms by name); else the ``guid``
tracks     the track's ``slug``; else the slug of its name
========== ==========================================================================

Each is made a valid model id by :func:`~._ids.model_id` and unique by
:class:`~._ids.Ids`; the originals are kept in the item's source note and
in :attr:`ImportReport.ids`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from ...codec import from_dict
from ...errors import Location as Path
from ...errors import ValidationError
from ...model import Programme
from ...model.vocab import LocationKind
from ._events import RawEvent
from ._ids import Ids, decode_slug, guid_of, model_id, slugify
from ._people import RawPerson
from ._raw import Built, RawRoom, RawTrack
from ._read import Reader
from ._report import IdMapping, ImportReport
from ._vocab import text_tag

__all__ = ["build"]

_TICK = timedelta(microseconds=1)


def _originals(*pairs: tuple[str, object]) -> tuple[tuple[str, str], ...]:
    return tuple((name, str(value)) for name, value in pairs if value is not None)


def _iso(instant: datetime) -> str:
    return instant.astimezone(UTC).isoformat()


class _Maker:
    def __init__(self, built: Built, reader: Reader) -> None:
        self.built = built
        self.reader = reader
        self.ids: list[IdMapping] = []
        self.counts: dict[str, int] = {}

    def sources(self, originals: tuple[tuple[str, str], ...]) -> list[dict[str, Any]]:
        source: dict[str, Any] = (
            {"url": self.built.page} if self.built.page else {"citation": self.built.citation}
        )
        if originals:
            note = ", ".join(f"{name} {value}" for name, value in originals)
            source["note"] = {"en": f"Schedule ids: {note}"}
        return [source]

    def claim(self, ids: Ids, collection: str, choices: list[tuple[str, str | None]], kind: str,
              originals: tuple[tuple[str, str], ...]) -> str:  # fmt: skip
        rule, wanted = next(((rule, value) for rule, value in choices if value), ("position", None))
        count = self.counts[collection] = self.counts.get(collection, 0) + 1
        made = ids.claim(model_id(wanted, kind) if wanted else f"{kind}-{count}")
        self.ids.append(IdMapping(collection=collection, id=made, rule=rule, original=originals))
        return made


def _verified(acronym: str, kind: str, candidate: str | None, guid: str | None) -> str | None:
    if candidate and guid and guid_of(acronym, kind, candidate) == guid.lower():
        return candidate
    return None


def _rooms(
    built: Built, maker: _Maker
) -> tuple[dict[str, str | None], list[dict[str, Any]], list[Path]]:
    rooms = list(built.rooms)
    listed = {room.name for room in rooms}
    for event in built.events:
        if event.room not in listed:
            listed.add(event.room)
            rooms.append(RawRoom(event.location, event.room, None, LocationKind.ROOM, None, None))
    nowhere = guid_of(built.acronym, "room", "")
    room_ids: dict[str, str | None] = {}
    places: list[dict[str, Any]] = []
    paths: list[Path] = []
    taken = Ids()
    for room in rooms:
        if room.guid is not None and room.guid.lower() == nowhere:
            room_ids[room.name] = None  # the room our exports give sessions without a place
            continue
        originals = _originals(("name", room.name), ("guid", room.guid))
        choices = [("name", slugify(room.name)), ("guid", room.guid)]
        made = room_ids[room.name] = maker.claim(taken, "locations", choices, "room", originals)
        place: dict[str, Any] = {"id": made, "name": {"und": room.name}, "kind": room.kind.value}
        if room.capacity is not None:
            place["capacity"] = room.capacity
        if room.url is not None:
            place["url"] = room.url
        place["sources"] = maker.sources(originals)
        places.append(place)
        paths.append(room.location)
    return room_ids, places, paths


def _tracks(built: Built, maker: _Maker) -> tuple[dict[str, str], list[dict[str, Any]]]:
    tracks = list(built.tracks)
    named = {track.name for track in tracks}
    for event in built.events:
        if event.track is not None and event.track not in named:
            named.add(event.track)
            tracks.append(RawTrack(event.location, event.track, None, None))
    track_ids: dict[str, str] = {}
    made_tracks = []
    taken = Ids()
    for track in tracks:
        originals = _originals(("name", track.name), ("slug", track.slug))
        choices = [("slug", track.slug), ("name", slugify(track.name))]
        made = track_ids[track.name] = maker.claim(taken, "tracks", choices, "track", originals)
        made_tracks.append(
            {"id": made, "name": {"und": track.name}}
            | ({"color": track.color} if track.color else {})
        )
    return track_ids, made_tracks


def _speakers(
    built: Built, maker: _Maker
) -> tuple[dict[tuple[str, str], str], list[dict[str, Any]], list[Path]]:
    people: dict[tuple[str, str], RawPerson] = {}
    for event in built.events:
        for person in event.persons:
            first = people.setdefault(person.key, person)
            if first.name != person.name:
                message = f"the same person as {first.name!r}, another name"
                maker.reader.note("broken", "person.name", message, person.name, person.location)
    speaker_ids: dict[tuple[str, str], str] = {}
    speakers = []
    paths = []
    taken = Ids()
    for key, person in people.items():
        number, guid = person.number, person.guid
        originals = _originals(
            ("guid", guid), ("code", person.code), ("id", number), ("name", person.name)
        )
        made = speaker_ids[key] = maker.claim(taken, "speakers", [
            ("name, proved by the guid", _verified(built.acronym, "speaker", slugify(person.name), guid)),
            ("code", person.code), ("guid", guid),
            ("id", f"person-{number}" if number is not None else None), ("name", slugify(person.name)),
        ], "person", originals)  # fmt: skip
        speaker: dict[str, Any] = {"id": made, "name": person.name}
        if person.bio is not None:
            speaker["bio"] = {"und": person.bio}
        if person.photo is not None:
            speaker["photo"] = person.photo
        if person.links:
            speaker["links"] = person.links
        speaker["sources"] = maker.sources(originals)
        speakers.append(speaker)
        paths.append(person.location)
    return speaker_ids, speakers, paths


def _days_outside(event: RawEvent, built: Built, zone: ZoneInfo, outside: set[date]) -> None:
    """Add to ``outside`` the local days ``event`` starts and ends on beyond the conference's.

    The model asks no more: a session's first and last days must be days of
    the programme.
    """
    try:
        first = event.start.astimezone(zone).date()
        last = (event.end - _TICK if event.end else event.start).astimezone(zone).date()
    except OverflowError:  # the model will say where
        return
    outside.update(day for day in (first, last) if not built.start <= day <= built.end)


def _session(event: RawEvent, made: str, built: Built, maker: _Maker, places: dict[str, str | None],
             tracks: dict[str, str], speakers: dict[tuple[str, str], str],
             originals: tuple[tuple[str, str], ...]) -> dict[str, Any]:  # fmt: skip
    reader = maker.reader
    tag = text_tag(event.language)
    if event.language is not None and tag == "und":
        message = "not a language tag: texts read as 'und'"
        reader.note(
            "broken", "event.language", message, event.language, (*event.location, "language")
        )
    session: dict[str, Any] = {"id": made, "title": {tag: event.title}, "format": event.format.value,
                               "start": _iso(event.start)}  # fmt: skip
    if event.end is not None:
        session["end"] = _iso(event.end)
    if tag != "und":
        session["languages"] = [event.language]
    place = places.get(event.room)
    if place:
        session["locations"] = [place]
    if event.track:
        session["track"] = tracks[event.track]
    if event.description:
        session["description"] = {tag: event.description}
    participants: dict[str, dict[str, Any]] = {}
    for person in event.persons:
        who = speakers.get(person.key)
        if who is not None and who not in participants:
            participants[who] = {"role": person.role.value, "speaker": who}
    if participants:
        session["participants"] = list(participants.values())
    if event.url:
        session["url"] = event.url
    if event.links:
        session["links"] = event.links
    do_not_record, licence = event.recording
    if do_not_record is not None:
        session["recording"] = {"allowed": not do_not_record} | (
            {"licence": licence} if licence else {}
        )
    elif licence is not None:
        where = (*event.location, "recording_license")
        reader.note(
            "lost", "event.recording_license", "a licence without do_not_record", licence, where
        )
    session["sources"] = maker.sources(originals)
    return session


def build(built: Built, reader: Reader) -> tuple[Programme, ImportReport] | None:
    """The programme of a schedule read by ``_import.read_document``.

    The programme is assembled as JSON data and decoded once by
    :func:`~essprogramme.from_dict`: the model's checks run in its fast
    decoder, and a problem's path leads back to the event, person or room.
    """
    maker = _Maker(built, reader)
    acronym = built.acronym
    programme_id = model_id(acronym, "programme")
    if programme_id != acronym:
        message = f"not an id: the programme's id is {programme_id!r}"
        reader.note("changed", "conference.acronym", message, acronym, (*built.location, "acronym"))
    room_ids, places, place_paths = _rooms(built, maker)
    track_ids, tracks = _tracks(built, maker)
    speaker_ids, speakers, speaker_paths = _speakers(built, maker)
    sessions = []
    taken = Ids()
    zone = ZoneInfo(built.zone)
    outside = {day for day in built.days if not built.start <= day <= built.end}
    prefix = f"{acronym}-"
    for event in built.events:
        slug, number, guid = event.slug, event.number, event.guid
        originals = _originals(("guid", guid), ("code", event.code), ("id", number), ("slug", slug))
        ours = decode_slug(slug[len(prefix) :]) if slug and slug.startswith(prefix) else None
        made = maker.claim(taken, "sessions", [
            ("slug, proved by the guid", _verified(acronym, "session", ours, guid)),
            ("code", event.code), ("guid", guid),
            ("id", f"event-{number}" if number is not None else None), ("slug", slug),
        ], "event", originals)  # fmt: skip
        sessions.append(
            _session(event, made, built, maker, room_ids, track_ids, speaker_ids, originals)
        )
        _days_outside(event, built, zone, outside)
    if built.end < built.start:
        reader.fail(
            (*built.location, "end"), "end_before_start", "the conference ends before it starts"
        )
    if reader.problems:
        return None
    document: dict[str, Any] = {
        "id": programme_id, "title": {"und": built.title}, "time_zone": built.zone,
        "start_date": built.start.isoformat(), "end_date": built.end.isoformat(),
        "extra_days": [day.isoformat() for day in sorted(outside)],
    }  # fmt: skip
    if built.description:
        document["description"] = {"und": built.description}
    if built.url:
        document["url"] = built.url
    document |= {"locations": places, "tracks": tracks, "sessions": sessions, "speakers": speakers}
    document["sources"] = [
        ({"url": built.page} if built.page else {}) | {"citation": built.citation}
    ]
    try:
        programme = from_dict(document, Programme)
    except ValidationError as error:
        paths = {"sessions": [event.location for event in built.events], "locations": place_paths,
                 "speakers": speaker_paths}  # fmt: skip
        for problem in error.problems:
            steps = problem.location
            found = paths.get(str(steps[0])) if steps else None
            if (
                found is not None
                and len(steps) > 1
                and type(steps[1]) is int
                and steps[1] < len(found)
            ):
                reader.fail((*found[steps[1]], *steps[2:]), problem.code, problem.message)
            else:
                reader.fail((*built.location, *steps), problem.code, problem.message)
        return None
    counts = (("days", len(set(built.days))), ("rooms", len(places)), ("tracks", len(tracks)),
              ("sessions", len(sessions)), ("speakers", len(speakers)))  # fmt: skip
    entries = reader.report.entries()
    return programme, ImportReport(
        title=built.title, counts=counts, entries=entries, ids=tuple(maker.ids)
    )
