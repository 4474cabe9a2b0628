"""Initiatives: the clusters, hubs, conventions and working groups speakers present."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from ..errors import Problem
from ._checks import Model, checked
from ._rules import ID, references, rule
from .figure import Figure, figure_problems
from .provenance import Inference, Source
from .territory import Territory
from .text import LocalizedText
from .time import PartialDate
from .vocab import InitiativeKind, InitiativeStatus, SessionFormat, Theme

__all__ = ["Activity", "GovernanceBody", "Initiative"]


@checked
@attrs.frozen(kw_only=True, weakref_slot=False)
class GovernanceBody(Model):
    """A body that steers or follows an initiative (a steering committee...)."""

    name: LocalizedText
    purpose: LocalizedText | None = None


@checked
@attrs.frozen(kw_only=True, weakref_slot=False)
class Activity(Model):
    """Something an initiative did, when, and what it counted.

    >>> webinar = Activity(
    ...     title=LocalizedText({"fr": "Covid-19 : une opportunité pour transformer l'Europe des mers"}),
    ...     format=SessionFormat.WEBINAR,
    ...     date=PartialDate(year=2020, month=11, day=4),
    ...     figures=(Figure(measure="participants", count=59),),
    ... )
    >>> webinar.figure("participants")
    59
    """

    title: LocalizedText
    format: SessionFormat | None = None
    date: PartialDate | None = None
    description: LocalizedText | None = None
    figures: tuple[Figure, ...] = ()

    def _rules(self) -> Iterator[Problem]:
        yield from figure_problems(self.figures)

    def figure(self, measure: str) -> int | None:
        """The count for ``measure``, or ``None`` if it was not counted."""
        return next((f.count for f in self.figures if f.measure == measure), None)


@checked
@attrs.frozen(kw_only=True, weakref_slot=False)
class Initiative(Model):
    """An SSE initiative: who runs it, where, since when, and what it did.

    ``start`` and ``end`` are partial dates: the seed knows that the Mayotte
    cluster was born "in 2020" and that the Indian Ocean one starts on
    1 July 2021. ``lead`` and ``partners`` are organisation ids;
    ``related`` are ids of initiatives this one grew from or works with.
    """

    id: str = attrs.field(metadata=ID)
    name: LocalizedText
    kind: InitiativeKind
    status: InitiativeStatus | None = None
    #: When the status was true: the source's own date, for a card written
    #: before an initiative began.
    status_as_of: PartialDate | None = None
    aliases: tuple[str, ...] = ()
    description: LocalizedText | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    recurrence: LocalizedText | None = None
    territories: tuple[Territory, ...] = ()
    lead: tuple[str, ...] = attrs.field(
        default=(), metadata=references("organisations", distinct=True)
    )
    partners: tuple[str, ...] = attrs.field(
        default=(), metadata=references("organisations", distinct=True)
    )
    axes: tuple[LocalizedText, ...] = ()
    governance: tuple[GovernanceBody, ...] = ()
    activities: tuple[Activity, ...] = ()
    themes: frozenset[Theme] = frozenset()
    sdgs: frozenset[int] = attrs.field(default=frozenset(), metadata={"min": 1, "max": 17})
    related: tuple[str, ...] = attrs.field(
        default=(), metadata=references("initiatives", distinct=True)
    )
    sources: tuple[Source, ...] = ()
    inferred: tuple[Inference, ...] = ()
    notes: tuple[LocalizedText, ...] = ()

    def _rules(self) -> Iterator[Problem]:
        if self.start is not None and self.end is not None and self.end < self.start:
            yield rule(
                ("end",), "end_before_start", f"ends ({self.end}) before it starts ({self.start})"
            )
        if self.id in self.related:
            yield rule(
                ("related", self.related.index(self.id)),
                "self_reference",
                "an initiative cannot relate to itself",
            )
