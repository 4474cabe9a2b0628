"""What an export cannot carry: every field of what it writes, against what frab holds.

The fields are walked with ``attrs.fields``: a field added to the model is
reported as not carried the day it is declared, until a writer carries it.
"""

from __future__ import annotations

from typing import Any

import attrs

from ...errors import Location as Path
from ...model import Link, Location, Participant, Programme, Session, Speaker, Track
from ...model.vocab import LocationKind, SessionStatus
from ._plan import Event, Schedule
from ._report import Recorder
from ._vocab import LINK_KIND_READ, LINK_TYPE_WRITTEN, ROLE_READ, ROLE_WRITTEN

__all__ = ["CARRIED", "record_losses"]

_BOTH = {
    Programme: {"id", "title", "time_zone", "start_date", "end_date", "extra_days", "url",
                "locations", "tracks", "sessions", "speakers"},
    Session: {"id", "title", "format", "status", "start", "end", "languages", "locations",
              "track", "description", "url", "links", "recording", "participants"},
    Participant: {"speaker"},
    Speaker: {"id", "name", "office"},
    Location: {"id", "name"},
    Track: {"id", "name", "color"},
    Link: {"kind", "url", "title"},
}  # fmt: skip
_JSON_ONLY = {
    Programme: {"description"},
    Participant: {"role"},
    Speaker: {"bio", "photo", "links"},
    Location: {"kind", "capacity", "url"},
}

#: The fields each format carries, at least in part, per model class: all
#: others are reported as not carried.
CARRIED: dict[str, dict[type, frozenset[str]]] = {
    "json": {cls: frozenset(names | _JSON_ONLY.get(cls, set())) for cls, names in _BOTH.items()},
    "xml": {cls: frozenset(names) for cls, names in _BOTH.items()},
}


def _is_set(value: Any, field: attrs.Attribute[Any]) -> bool:
    if value is None or value == () or value == frozenset():
        return False
    return not (field.default is not attrs.NOTHING and value == field.default)


def _walk(
    obj: Any,
    kind: str,
    carried: dict[type, frozenset[str]],
    where: Path,
    recorder: Recorder,
    label: str | None = None,
    skip: frozenset[str] = frozenset(),
) -> None:
    keep = carried.get(type(obj), frozenset()) | skip
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        if field.init and field.name not in keep and _is_set(value, field):
            shown = _label(obj) if label is None else label
            recorder.add("lost", f"{kind}.{field.name}", "not carried", shown, (*where, field.name))


def _label(obj: Any) -> str:
    return str(getattr(obj, "id", "")) or type(obj).__name__


class _Losses:
    """The walk of one programme against one format."""

    def __init__(self, fmt: str, recorder: Recorder) -> None:
        self.fmt = fmt
        self.carried = CARRIED[fmt]
        self.add = recorder.add
        self.recorder = recorder

    def walk(self, obj: Any, kind: str, where: Path, **options: Any) -> None:
        _walk(obj, kind, self.carried, where, self.recorder, **options)

    def languages(self, text: Any, field: str, obj: Any, where: Path) -> None:
        if text is not None and len(text) > 1:
            self.add("changed", field, "written in one of its languages", _label(obj), where)

    def session(self, session: Session, event: Event, where: Path) -> None:
        self.walk(session, "session", where)
        self.languages(session.title, "session.title", session, (*where, "title"))
        description = session.description
        self.languages(description, "session.description", session, (*where, "description"))
        if session.status is not SessionStatus.SCHEDULED:
            message = f"{session.status.value}: written as scheduled"
            self.add("changed", "session.status", message, session.id, (*where, "status"))
        floor = session.languages
        if len(floor) > 1 or (floor and floor[0] != event.language):
            message = "one ISO 639-1 code written"
            self.add("changed", "session.languages", message, session.id, (*where, "languages"))
        if len(session.locations) > (1 if event.room.location else 0):
            message = "only the room written"
            self.add("changed", "session.locations", message, session.id, (*where, "locations"))
        for number, participant in enumerate(session.participants):
            self.participant(participant, session, (*where, "participants", number))
        for number, link in enumerate(session.links):
            self.link(link, (*where, "links", number))

    def participant(self, participant: Participant, session: Session, where: Path) -> None:
        if participant.organisation is not None:
            message = "an organisation is not a person"
            self.add("lost", "participant.organisation", message, participant.organisation, where)
        self.walk(participant, "participant", where, label=session.id)
        written = ROLE_WRITTEN[participant.role]
        if self.fmt == "json" and ROLE_READ[written] is not participant.role:
            message = f"{participant.role.value}: written as {written}"
            self.add("changed", "participant.role", message, session.id, where)

    def speaker(self, speaker: Speaker, where: Path) -> None:
        self.walk(speaker, "speaker", where)
        if speaker.name is not None and speaker.office is not None:
            message = "not carried beside a name"
            self.add("lost", "speaker.office", message, speaker.id, (*where, "office"))
        if self.fmt == "json":
            self.languages(speaker.bio, "speaker.bio", speaker, (*where, "bio"))
            for number, link in enumerate(speaker.links):
                self.link(link, (*where, "links", number))

    def place(self, place: Location, name: str, where: Path) -> None:
        self.walk(place, "location", where)
        self.languages(place.name, "location.name", place, (*where, "name"))
        if name not in place.name.values():
            message = "renamed: another room has its name"
            self.add("changed", "location.name", message, place.id, (*where, "name"))
        if self.fmt == "json" and place.kind is LocationKind.VENUE:
            message = "venue: written as a room"
            self.add("changed", "location.kind", message, place.id, (*where, "kind"))

    def link(self, link: Link, where: Path) -> None:
        self.walk(link, "link", where, label=link.url)
        written = LINK_TYPE_WRITTEN[link.kind]
        if LINK_KIND_READ[written] is not link.kind:
            message = f"{link.kind.value}: written as {written}"
            self.add("changed", "link.kind", message, link.url, (*where, "kind"))
        self.languages(link.title, "link.title", link, (*where, "title"))


def record_losses(programme: Programme, schedule: Schedule, fmt: str, recorder: Recorder) -> None:
    """Count, in ``recorder``, every field of ``programme`` that ``schedule`` cannot carry."""
    losses = _Losses(fmt, recorder)
    # Organisations and initiatives are counted one by one below.
    losses.walk(programme, "programme", (), skip=frozenset({"organisations", "initiatives"}))
    losses.languages(programme.title, "programme.title", programme, ("title",))
    exported = {e.session.id: e for d in schedule.days for _, events in d.rooms for e in events}
    for index, session in enumerate(programme.sessions):
        if session.id in exported:
            losses.session(session, exported[session.id], ("sessions", index))
    on_events = {p.speaker for e in exported.values() for p in e.session.participants}
    for index, speaker in enumerate(programme.speakers):
        if speaker.id in on_events:
            losses.speaker(speaker, ("speakers", index))
        else:
            recorder.add(
                "lost", "speaker", "not on an exported session", speaker.id, ("speakers", index)
            )
    rooms = {room.location.id: room for room in schedule.rooms if room.location is not None}
    for index, place in enumerate(programme.locations):
        if place.id in rooms:
            losses.place(place, rooms[place.id].name, ("locations", index))
        else:
            message = "not the room of an exported session"
            recorder.add("lost", "location", message, place.id, ("locations", index))
    for index, (track, name, _) in enumerate(schedule.tracks):
        losses.walk(track, "track", ("tracks", index))
        losses.languages(track.name, "track.name", track, ("tracks", index, "name"))
        if name not in track.name.values():
            message = "renamed: another track has its name"
            recorder.add("changed", "track.name", message, track.id, ("tracks", index, "name"))
    for collection in ("organisations", "initiatives"):
        for index, item in enumerate(getattr(programme, collection)):
            recorder.add("lost", collection[:-1], "not carried", item.id, (collection, index))
