"""Organisations: the SSE actors, public authorities and networks of a programme."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from ..errors import Problem
from ._checks import Model, checked
from ._rules import ID, URL, references, rule
from .figure import Figure, figure_problems
from .links import Link
from .provenance import Inference, Source
from .territory import Territory
from .text import LocalizedText
from .time import PartialDate
from .vocab import OrganisationKind

__all__ = ["Membership", "Organisation"]


@checked
@attrs.frozen(kw_only=True, weakref_slot=False)
class Membership(Model):
    """An organisation's membership of another (a network, an expert group), over time.

    >>> Membership(organisation="geces", start=PartialDate(year=2018)).start
    PartialDate(year=2018, month=None, day=None)
    """

    organisation: str = attrs.field(metadata=references("organisations"))
    start: PartialDate | None = None
    end: PartialDate | None = None
    former: bool | None = None

    def _rules(self) -> Iterator[Problem]:
        if self.start is not None and self.end is not None and self.end < self.start:
            yield rule(("end",), "end_before_start", f"ends ({self.end}) before it starts")


@checked
@attrs.frozen(kw_only=True, weakref_slot=False)
class Organisation(Model):
    """An organisation that speakers belong to and initiatives involve.

    >>> cress = Organisation(
    ...     id="cress-mayotte",
    ...     name=LocalizedText({"fr": "Chambre régionale de l'économie sociale et solidaire de Mayotte"}),
    ...     acronym="CRESS Mayotte",
    ...     kind=OrganisationKind.NETWORK,
    ...     territory=Territory.iso("YT"),
    ... )
    >>> cress.display_name
    'CRESS Mayotte'
    """

    id: str = attrs.field(metadata=ID)
    name: LocalizedText
    kind: OrganisationKind
    acronym: str | None = None
    territory: Territory | None = None
    url: str | None = attrs.field(default=None, metadata=URL)
    description: LocalizedText | None = None
    founded: PartialDate | None = None
    member_of: tuple[Membership, ...] = ()
    figures: tuple[Figure, ...] = ()
    links: tuple[Link, ...] = ()
    sources: tuple[Source, ...] = ()
    inferred: tuple[Inference, ...] = ()
    notes: tuple[LocalizedText, ...] = ()

    def _rules(self) -> Iterator[Problem]:
        yield from figure_problems(self.figures)

    @property
    def display_name(self) -> str:
        """The acronym if there is one, else the name in its original language."""
        return self.acronym if self.acronym is not None else str(self.name)
