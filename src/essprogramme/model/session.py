"""Sessions: what happens when, in which languages, and who takes part."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import ClassVar

import attrs

from ..errors import Problem
from ._checks import Model, checked
from ._references import references_of
from ._rules import ID, LANGUAGES, URL, references, rule
from .links import Link, RecordingPolicy
from .provenance import Inference, Source
from .registration import Registration
from .text import LocalizedText
from .time import Interval
from .vocab import (
    Accessibility,
    AttendanceMode,
    Confirmation,
    Delivery,
    ParticipantRole,
    SessionFormat,
    SessionStatus,
)

__all__ = ["Participant", "Session"]


@checked
@attrs.frozen(kw_only=True, weakref_slot=False)
class Participant(Model):
    """Someone, or an organisation, taking part in a session in a role.

    A speaker's presentation (``title``, ``abstract``, the ``initiatives`` it
    draws on) belongs to their participation. ``label`` keeps the programme's
    own word for the role ("Modératrice", "mot de clôture").

    >>> Participant(role=ParticipantRole.SPEAKER, speaker="maud-caruhel",
    ...             title=LocalizedText({"fr": "Convention de coopérations quadripartite"}),
    ...             initiatives=("convention-quadripartite-bordeaux",)).speaker
    'maud-caruhel'
    """

    role: ParticipantRole
    speaker: str | None = attrs.field(default=None, metadata=references("speakers"))
    organisation: str | None = attrs.field(default=None, metadata=references("organisations"))
    label: LocalizedText | None = None
    delivery: Delivery | None = None
    confirmation: Confirmation | None = None
    title: LocalizedText | None = None
    abstract: LocalizedText | None = None
    initiatives: tuple[str, ...] = attrs.field(default=(), metadata=references("initiatives"))

    _exactly_one_of: ClassVar[tuple[str, ...]] = ("speaker", "organisation")


@checked
@attrs.frozen(kw_only=True, weakref_slot=False)
class Session(Model):
    """A session of the programme, from its title to its participants.

    Its time is given as it was published: an exact ``start`` and ``end``
    (instants, stored in UTC); a ``start`` alone ("from 9:00": no end is
    invented); or a local ``start_date`` (and ``end_date``) when only the day
    is known, read in the zone of the session's place or of the programme.
    ``languages`` are the floor languages, ``interpretation`` the languages
    interpreted into. A session may be a ``parent``'s part, or one of a
    ``series`` (the same item on several days, parts 1–3).

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
    status: SessionStatus = SessionStatus.SCHEDULED
    start: datetime | None = None
    end: datetime | None = None
    start_date: date | None = None
    end_date: date | None = None
    #: Where the session stood before it moved, most recent last.
    previous_starts: tuple[datetime, ...] = ()
    parent: str | None = attrs.field(default=None, metadata=references("sessions"))
    series: str | None = attrs.field(default=None, metadata=ID)
    languages: tuple[str, ...] = attrs.field(default=(), metadata=LANGUAGES)
    interpretation: tuple[str, ...] = attrs.field(default=(), metadata=LANGUAGES)
    attendance_mode: AttendanceMode | None = None
    #: A room and its livestream channel, for a hybrid session.
    locations: tuple[str, ...] = attrs.field(
        default=(), metadata=references("locations", distinct=True)
    )
    track: str | None = attrs.field(default=None, metadata=references("tracks"))
    description: LocalizedText | None = None
    objectives: tuple[LocalizedText, ...] = ()
    questions: tuple[LocalizedText, ...] = ()
    participants: tuple[Participant, ...] = ()
    registration: Registration | None = None
    accessibility: frozenset[Accessibility] = frozenset()
    accessibility_notes: LocalizedText | None = None
    tags: frozenset[str] = frozenset()
    url: str | None = attrs.field(default=None, metadata=URL)
    links: tuple[Link, ...] = ()
    recording: RecordingPolicy | None = None
    sources: tuple[Source, ...] = ()
    inferred: tuple[Inference, ...] = ()
    notes: tuple[LocalizedText, ...] = ()

    def _rules(self) -> Iterator[Problem]:
        if self.end is not None:
            if self.start is None:
                yield rule(("start",), "required", "an end needs a start")
            elif self.end <= self.start:
                yield rule(("end",), "end_before_start", "must be after start")
        if self.start is not None and self.start_date is not None:
            yield rule(
                ("start_date",),
                "time_shape",
                "give an exact start or a date, not both",
            )
        if self.end_date is not None:
            if self.start_date is None:
                yield rule(("start_date",), "required", "an end_date needs a start_date")
            elif self.end_date < self.start_date:
                yield rule(("end_date",), "end_before_start", "must not be before start_date")
        if self.interpretation and self.languages:
            floor = [tag.lower() for tag in self.languages]
            for index, tag in enumerate(self.interpretation):
                if tag.lower() in floor:
                    yield rule(
                        ("interpretation", index),
                        "interpretation",
                        f"{tag!r} is already a floor language",
                    )
        if self.participants and self.format.is_pause:
            yield rule(
                ("participants",),
                "pause_participants",
                f"a {self.format.value} has no participants",
            )
        if self.parent == self.id:
            yield rule(("parent",), "self_reference", "a session cannot be part of itself")

    @property
    def time_shape(self) -> str:
        """How the time was published: ``"exact"``, ``"start"``, ``"date"`` or ``"none"``."""
        if self.start is not None:
            return "exact" if self.end is not None else "start"
        return "date" if self.start_date is not None else "none"

    @property
    def duration(self) -> timedelta | None:
        """The exact elapsed time from start to end; ``None`` unless both are known."""
        if self.start is None or self.end is None:
            return None
        return self.end - self.start

    @property
    def interval(self) -> Interval | None:
        """``[start, end)`` as an :class:`Interval`; ``None`` unless both are known."""
        if self.start is None or self.end is None:
            return None
        return Interval(start=self.start, end=self.end)

    @property
    def is_cancelled(self) -> bool:
        """Whether the session will not take place as published (cancelled or postponed)."""
        return self.status in (SessionStatus.CANCELLED, SessionStatus.POSTPONED)

    def participants_as(self, role: ParticipantRole) -> tuple[Participant, ...]:
        """The participants in ``role``, in order."""
        return tuple(p for p in self.participants if p.role is role)

    @property
    def moderators(self) -> tuple[str, ...]:
        """The speaker ids of the moderators, in order."""
        return tuple(
            p.speaker for p in self.participants_as(ParticipantRole.MODERATOR) if p.speaker
        )

    @property
    def speaker_ids(self) -> tuple[str, ...]:
        """Every speaker the session refers to, each once, in order of appearance."""
        ids: dict[str, None] = {}
        for reference in _SPEAKER_REFERENCES:
            ids.update(dict.fromkeys(value for _, value in reference.located(self)))
        return tuple(ids)


_SPEAKER_REFERENCES = tuple(r for r in references_of(Session) if r.collection == "speakers")
