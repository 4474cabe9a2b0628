"""Speakers: the people on a programme, with where they work and when they can."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import ClassVar

import attrs

from ..errors import Problem
from ._checks import Model, checked
from ._rules import ID, URL, ZONE, references, rule
from .links import Link
from .provenance import Inference, Source
from .text import LocalizedText
from .time import Interval, PartialDate

__all__ = ["Affiliation", "Speaker"]


@checked
@attrs.frozen(kw_only=True, weakref_slot=False)
class Affiliation(Model):
    """A position a speaker holds at an organisation.

    >>> Affiliation(organisation="ess-france", role=LocalizedText({"fr": "Délégué national Outre-mer"}))
    Affiliation(organisation='ess-france', role=LocalizedText({'fr': 'Délégué national Outre-mer'}), start=None, end=None, former=None)
    """

    organisation: str = attrs.field(metadata=references("organisations"))
    role: LocalizedText | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    #: A past position, when its end is not known ("former head of Tama").
    former: bool | None = None

    def _rules(self) -> Iterator[Problem]:
        if self.start is not None and self.end is not None and self.end < self.start:
            yield rule(("end",), "end_before_start", f"ends ({self.end}) before it starts")


@checked
@attrs.frozen(kw_only=True, weakref_slot=False)
class Speaker(Model):
    """A person who speaks or moderates.

    Names of people are plain strings: they are not translated. The
    honorific ("M.", "Mme") is multilingual, as it is a word of the language.
    A person known by an office alone ("le maire de Ramallah") has an
    ``office`` and no ``name``. A ``bio`` whose language is unknown is
    tagged ``und``.
    ``time_zone`` is where the person will be; ``availability`` lists the
    intervals in which they can take part (empty: not known, assume always).

    >>> kevin = Speaker(id="kevin-ossah", name="Kevin Ossah", time_zone="Africa/Lome")
    >>> kevin.name
    'Kevin Ossah'
    """

    id: str = attrs.field(metadata=ID)
    name: str | None = None
    honorific: LocalizedText | None = None
    #: An office held, for someone known by it alone ("le maire de Ramallah").
    office: LocalizedText | None = None
    pronouns: LocalizedText | None = None
    affiliations: tuple[Affiliation, ...] = ()
    bio: LocalizedText | None = None
    photo: str | None = attrs.field(default=None, metadata=URL)
    country: str | None = attrs.field(default=None, metadata={"format": "country"})
    time_zone: str | None = attrs.field(default=None, metadata=ZONE)
    availability: tuple[Interval, ...] = ()
    links: tuple[Link, ...] = ()
    sources: tuple[Source, ...] = ()
    inferred: tuple[Inference, ...] = ()
    notes: tuple[LocalizedText, ...] = ()

    _required_one_of: ClassVar[tuple[str, ...]] = ("name", "office")

    def _rules(self) -> Iterator[Problem]:
        if len(self.availability) < 2:
            return
        ordered = sorted(range(len(self.availability)), key=lambda i: self.availability[i].start)
        for before, after in pairwise(ordered):
            if self.availability[before].end > self.availability[after].start:
                yield rule(
                    ("availability", after),
                    "overlapping_availability",
                    f"overlaps availability[{before}]: merge them",
                )

    def is_available(self, interval: Interval) -> bool:
        """Whether ``interval`` lies inside one of the availability intervals.

        A speaker without availability intervals is taken as always available.
        """
        if not self.availability:
            return True
        return any(slot.contains(interval) for slot in self.availability)
