"""A schedule read and checked: its rooms, tracks and the whole of it, before ids are made."""

from __future__ import annotations

from datetime import date

import attrs

from ...errors import Location as Path
from ...model.vocab import LocationKind
from ._events import RawEvent

__all__ = ["Built", "RawRoom", "RawTrack"]


@attrs.define
class RawRoom:
    """A room as the schedule lists it."""

    location: Path
    name: str
    guid: str | None
    kind: LocationKind
    capacity: int | None
    url: str | None


@attrs.define
class RawTrack:
    """A track as the schedule lists it."""

    location: Path
    name: str
    slug: str | None
    color: str | None


@attrs.frozen
class Built:
    """A schedule read and checked, ready to become a programme."""

    acronym: str
    title: str
    description: str | None
    url: str | None
    page: str | None
    #: The schedule as a source, in words: ``{"en": "Schedule of ..."}``.
    citation: dict[str, str]
    zone: str
    start: date
    end: date
    rooms: list[RawRoom]
    tracks: list[RawTrack]
    events: list[RawEvent]
    location: Path
    #: The dates of the days the schedule lists.
    days: list[date]
