"""Sessions: what happens when, in which languages, and who speaks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import attrs

from ..errors import Problem
from ._checks import ID, LANGUAGE, URL, rule, to_utc, validate
from .text import LocalizedText
from .time import Interval
from .vocab import AttendanceMode, SessionFormat

__all__ = ["Contribution", "Session"]


@attrs.frozen(kw_only=True)
class Contribution:
    """One speaker's part in a session: a presentation, and what it draws on.

    >>> Contribution(speaker="maud-caruhel",
    ...              title=LocalizedText({"fr": "Convention de coopérations quadripartite"}),
    ...              initiatives=("convention-quadripartite-bordeaux",)).speaker
    'maud-caruhel'
    """

    speaker: str = attrs.field(metadata=ID)
    title: LocalizedText | None = None
    abstract: LocalizedText | None = None
    initiatives: tuple[str, ...] = attrs.field(default=(), metadata=ID)

    def __attrs_post_init__(self) -> None:
        validate(self)


def _duplicates(values: tuple[str, ...], field: str, what: str) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, value in enumerate(values):
        key = value.lower() if field in ("languages", "interpretation") else value
        if key in seen:
            yield rule((field, index), "duplicate", f"{what} {value!r} is listed twice")
        seen.add(key)


@attrs.frozen(kw_only=True)
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
    start: datetime = attrs.field(converter=to_utc)
    end: datetime = attrs.field(converter=to_utc)
    languages: tuple[str, ...] = attrs.field(default=(), metadata=LANGUAGE)
    interpretation: tuple[str, ...] = attrs.field(default=(), metadata=LANGUAGE)
    attendance_mode: AttendanceMode | None = None
    location: str | None = attrs.field(default=None, metadata=ID)
    track: str | None = attrs.field(default=None, metadata=ID)
    description: LocalizedText | None = None
    objectives: tuple[LocalizedText, ...] = ()
    questions: tuple[LocalizedText, ...] = ()
    moderators: tuple[str, ...] = attrs.field(default=(), metadata=ID)
    contributions: tuple[Contribution, ...] = ()
    tags: frozenset[str] = frozenset()
    url: str | None = attrs.field(default=None, metadata=URL)

    def __attrs_post_init__(self) -> None:
        validate(self)

    def _rules(self) -> Iterator[Problem]:
        if self.end <= self.start:
            yield rule(("end",), "end_before_start", "must be after start")
        for field, what in (
            ("languages", "language"),
            ("interpretation", "language"),
            ("moderators", "moderator"),
        ):
            values = getattr(self, field)
            if len(values) > 1:
                yield from _duplicates(values, field, what)

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
        """Moderators, then contributors, each once, in order of appearance."""
        ids = dict.fromkeys(self.moderators)
        ids.update(dict.fromkeys(c.speaker for c in self.contributions))
        return tuple(ids)
