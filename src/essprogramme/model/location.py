"""Where and along which thread sessions happen: rooms, online channels, tracks."""

from __future__ import annotations

import attrs

from ._checks import model
from ._rules import ID, MAX_SAFE_INTEGER, URL, ZONE
from .text import LocalizedText
from .vocab import LocationKind

__all__ = ["Location", "Track"]


@model
class Location:
    """A room or an online channel. A room carries the zone of its building.

    >>> Location(id="salle-1", name=LocalizedText({"fr": "Salle 1"}), kind=LocationKind.ROOM,
    ...          time_zone="Europe/Paris").kind
    <LocationKind.ROOM: 'room'>
    """

    id: str = attrs.field(metadata=ID)
    name: LocalizedText
    kind: LocationKind
    time_zone: str | None = attrs.field(default=None, metadata=ZONE)
    url: str | None = attrs.field(default=None, metadata=URL)
    capacity: int | None = attrs.field(default=None, metadata={"min": 1, "max": MAX_SAFE_INTEGER})


@model
class Track:
    """A thread of the programme that sessions belong to."""

    id: str = attrs.field(metadata=ID)
    name: LocalizedText
    description: LocalizedText | None = None
