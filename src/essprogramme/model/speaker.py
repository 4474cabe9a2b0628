"""Speakers: the people on a programme, with where they work and when they can."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import attrs

from ..errors import Problem
from ._checks import model
from ._rules import ID, URL, ZONE, references, rule
from .text import LocalizedText
from .time import Interval

__all__ = ["Affiliation", "Speaker"]


@model
class Affiliation:
    """A position a speaker holds at an organisation.

    >>> Affiliation(organisation="ess-france", role=LocalizedText({"fr": "Délégué national Outre-mer"}))
    Affiliation(organisation='ess-france', role=LocalizedText({'fr': 'Délégué national Outre-mer'}))
    """

    organisation: str = attrs.field(metadata=references("organisations"))
    role: LocalizedText | None = None


@model
class Speaker:
    """A person who speaks or moderates.

    Names of people are plain strings: they are not translated. The
    honorific ("M.", "Mme") is multilingual, as it is a word of the language.
    ``time_zone`` is where the person will be; ``availability`` lists the
    intervals in which they can take part (empty: not known, assume always).

    >>> kevin = Speaker(id="kevin-ossah", name="Kevin Ossah", time_zone="Africa/Lome")
    >>> kevin.name
    'Kevin Ossah'
    """

    id: str = attrs.field(metadata=ID)
    name: str
    honorific: LocalizedText | None = None
    affiliations: tuple[Affiliation, ...] = ()
    bio: LocalizedText | None = None
    country: str | None = attrs.field(default=None, metadata={"format": "country"})
    time_zone: str | None = attrs.field(default=None, metadata=ZONE)
    availability: tuple[Interval, ...] = ()
    links: tuple[str, ...] = attrs.field(default=(), metadata=URL)

    def _rules(self) -> Iterator[Problem]:
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
