"""Sessions: what happens when, in which languages, and who speaks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import attrs

from ..errors import Problem
from ._checks import model
from ._references import references_of
from ._rules import ID, LANGUAGES, URL, references, rule
from .text import LocalizedText
from .time import Interval
from .vocab import AttendanceMode, SessionFormat

__all__ = ["Contribution", "Session"]


@model
class Contribution:
    """One speaker's part in a session: a presentation, and what it draws on.

    >>> Contribution(speaker="maud-caruhel",
    ...              title=LocalizedText({"fr": "Convention de coopérations quadripartite"}),
    ...              initiatives=("convention-quadripartite-bordeaux",)).speaker
    'maud-caruhel'
    """

    speaker: str = attrs.field(metadata=references("speakers"))
    title: LocalizedText | None = None
    abstract: LocalizedText | None = None
    initiatives: tuple[str, ...] = attrs.field(default=(), metadata=references("initiatives"))


@model
class Session:
    """A session of the programme, from its title to its speakers.

    ``start`` and ``end`` are instants (stored in UTC); ``languages`` are the
    floor languages, ``interpretation`` the languages interpreted into.
    ``objectives`` and ``questions`` keep their order.

    >>> from datetime import UTC, datetime
    >>> workshop = Session(
    ...     id="partenariats-innovants",
    ...     title=LocalizedText({"fr": "Des partenariats innovants"}),
    ...     format=SessionFormat.WORKSHOP,
    ...     languages=("fr",),
    ...     start=datetime(2021, 10, 8, 11, 0, tzinfo=UTC),
    ...     end=datetime(2021, 10, 8, 12, 30, tzinfo=UTC),
    ... )
    >>> workshop.duration
    datetime.timedelta(seconds=5400)
    """

    id: str = attrs.field(metadata=ID)
    title: LocalizedText
    format: SessionFormat
    start: datetime
    end: datetime
    languages: tuple[str, ...] = attrs.field(default=(), metadata=LANGUAGES)
    interpretation: tuple[str, ...] = attrs.field(default=(), metadata=LANGUAGES)
    attendance_mode: AttendanceMode | None = None
    location: str | None = attrs.field(default=None, metadata=references("locations"))
    track: str | None = attrs.field(default=None, metadata=references("tracks"))
    description: LocalizedText | None = None
    objectives: tuple[LocalizedText, ...] = ()
    questions: tuple[LocalizedText, ...] = ()
    moderators: tuple[str, ...] = attrs.field(
        default=(), metadata=references("speakers", distinct=True)
    )
    contributions: tuple[Contribution, ...] = ()
    tags: frozenset[str] = frozenset()
    url: str | None = attrs.field(default=None, metadata=URL)

    def _rules(self) -> Iterator[Problem]:
        if self.end <= self.start:
            yield rule(("end",), "end_before_start", "must be after start")

    @property
    def duration(self) -> timedelta:
        """The exact elapsed time from start to end."""
        return self.end - self.start

    @property
    def interval(self) -> Interval:
        """``[start, end)`` as an :class:`Interval`."""
        return Interval(start=self.start, end=self.end)

    @property
    def speaker_ids(self) -> tuple[str, ...]:
        """Every speaker the session refers to (moderators, then contributors), each once."""
        ids: dict[str, None] = {}
        for reference in _SPEAKER_REFERENCES:
            ids.update(dict.fromkeys(value for _, value in reference.located(self)))
        return tuple(ids)


_SPEAKER_REFERENCES = tuple(r for r in references_of(Session) if r.collection == "speakers")
