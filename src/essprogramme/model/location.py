"""Where and along which thread sessions happen: venues, rooms, online channels, tracks."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from ..errors import Problem
from ._checks import Model, checked
from ._rules import ID, MAX_SAFE_INTEGER, URL, ZONE, references, rule
from .provenance import Inference, Source
from .text import LocalizedText
from .vocab import Accessibility, LocationKind

__all__ = ["Address", "Coordinates", "Location", "Track"]


@checked
@attrs.frozen(kw_only=True, weakref_slot=False)
class Address(Model):
    """A postal address. Street and place names are not translated.

    >>> Address(street="Cours du Médoc", postal_code="33300", locality="Bordeaux",
    ...         country="FR").locality
    'Bordeaux'
    """

    street: str | None = None
    postal_code: str | None = None
    locality: str | None = None
    region: str | None = None
    country: str | None = attrs.field(default=None, metadata={"format": "country"})


@checked
@attrs.frozen(kw_only=True, weakref_slot=False)
class Coordinates(Model):
    """A point on the WGS 84 ellipsoid, in decimal degrees."""

    latitude: float = attrs.field(metadata={"min": -90.0, "max": 90.0})
    longitude: float = attrs.field(metadata={"min": -180.0, "max": 180.0})


@checked
@attrs.frozen(kw_only=True, weakref_slot=False)
class Location(Model):
    """A venue, a room or stage inside one (``parent``), an outdoor place, or an online channel.

    A physical place carries the zone of its building; an online channel its
    ``url`` and ``platform``. A channel that carries several sessions at once
    (parallel streams) says so with ``parallel``.

    >>> Location(id="salle-1", name=LocalizedText({"fr": "Salle 1"}), kind=LocationKind.ROOM,
    ...          parent="palais-des-congres", time_zone="Europe/Paris").parent
    'palais-des-congres'
    """

    id: str = attrs.field(metadata=ID)
    name: LocalizedText
    kind: LocationKind
    parent: str | None = attrs.field(default=None, metadata=references("locations"))
    time_zone: str | None = attrs.field(default=None, metadata=ZONE)
    address: Address | None = None
    coordinates: Coordinates | None = None
    access: LocalizedText | None = None
    url: str | None = attrs.field(default=None, metadata=URL)
    platform: str | None = None
    parallel: bool | None = None
    capacity: int | None = attrs.field(default=None, metadata={"min": 1, "max": MAX_SAFE_INTEGER})
    accessibility: frozenset[Accessibility] = frozenset()
    accessibility_notes: LocalizedText | None = None
    sources: tuple[Source, ...] = ()
    inferred: tuple[Inference, ...] = ()
    notes: tuple[LocalizedText, ...] = ()

    def _rules(self) -> Iterator[Problem]:
        if self.parent == self.id:
            yield rule(("parent",), "self_reference", "a place cannot be inside itself")


@checked
@attrs.frozen(kw_only=True, weakref_slot=False)
class Track(Model):
    """A thread of the programme that sessions belong to."""

    id: str = attrs.field(metadata=ID)
    name: LocalizedText
    description: LocalizedText | None = None
    color: str | None = attrs.field(default=None, metadata={"format": "color"})
