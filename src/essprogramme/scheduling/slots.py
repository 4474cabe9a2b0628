"""The slot finder: start times that fit everyone, ranked by fairness.

A candidate start fits when the session lies inside every participant's
availability and overlaps none of their other sessions. Candidates are
ranked by the worst-off participant's discomfort first (the fairest slot
is the one whose unhappiest participant is least unhappy), then by the
total discomfort, then by time.

>>> from datetime import UTC, datetime, timedelta
>>> zones = ["Indian/Mayotte", "Europe/Paris", "America/Toronto", "Africa/Lome"]
>>> day = (datetime(2021, 10, 8, tzinfo=UTC), datetime(2021, 10, 9, tzinfo=UTC))
>>> best = suggest_slots(zones, timedelta(minutes=90), day, limit=1)[0]
>>> f"{best.start:%H:%M}Z", best.worst, best.worst_off
('12:45Z', 15, ('Indian/Mayotte', 'America/Toronto'))
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import datetime, timedelta

import attrs

from .._gc import collector_paused
from ..errors import ValidationError
from ..model import Interval, LocalizedText, Programme, Speaker
from ..model._rules import type_name
from ..model.vocab import Delivery
from ._common import EPOCH, MICROSECOND, Checks, clamp_add, speaker_label
from ._grid import Grid, Person
from .comfort import MAX_JUDGED, ParticipantComfort, _judge
from .policy import DEFAULT_POLICY, ComfortPolicy

__all__ = ["MAX_CANDIDATES", "MAX_CELLS", "Attendee", "Slot", "suggest_slots"]

#: The most candidate starts one window may hold (a year at a 5-minute step).
MAX_CANDIDATES = 105_408
#: The most (candidate, participant) pairs one call may weigh.
MAX_CELLS = 4_000_000


def _intervals(value: Iterable[Interval]) -> tuple[Interval, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Attendee:
    """Someone to find a time for: an id, a zone, when they can, and what they already do.

    ``availability`` empty means always available; ``busy`` lists their
    other commitments. :meth:`of` builds one from a programme's speaker.
    """

    id: str
    zone: str
    name: str | LocalizedText | None = None
    availability: tuple[Interval, ...] = attrs.field(default=(), converter=_intervals)
    busy: tuple[Interval, ...] = attrs.field(default=(), converter=_intervals)

    def __attrs_post_init__(self) -> None:
        checks = Checks()
        if type(self.id) is not str or not self.id:
            checks.add(("id",), "type", "expected a non-empty id")
        checks.zone(("zone",), self.zone)
        for field in ("availability", "busy"):
            for index, item in enumerate(getattr(self, field)):
                if not isinstance(item, Interval):
                    checks.add(
                        (field, index), "type", f"expected an Interval, got {type_name(item)}"
                    )
        checks.done()

    @classmethod
    def of(
        cls,
        speaker: Speaker,
        programme: Programme | None = None,
        *,
        assumed_duration: timedelta = timedelta(hours=1),
        exclude: Collection[str] = (),
    ) -> Attendee:
        """A speaker as an attendee: their zone, availability and, from ``programme``, their sessions.

        Their sessions (every role; not cancelled or postponed; not those in
        ``exclude``, such as the one being moved) make them busy; a session
        with a start alone counts for ``assumed_duration``; sessions
        published by day only, and recorded contributions, do not.
        """
        checks = Checks()
        if not isinstance(speaker, Speaker):
            checks.add(("speaker",), "type", f"expected a Speaker, got {type_name(speaker)}")
        elif speaker.time_zone is None:
            checks.add(
                ("speaker",),
                "time_zone",
                f"{speaker.id!r} has no time_zone: give their zone key instead",
            )
        if programme is not None and not isinstance(programme, Programme):
            checks.add(("programme",), "type", f"expected a Programme, got {type_name(programme)}")
        checks.duration(("assumed_duration",), assumed_duration, at_most=MAX_JUDGED)
        ignored = checks.ids(("exclude",), exclude)
        checks.done()
        assert speaker.time_zone is not None and ignored is not None
        busy: list[Interval] = []
        if programme is not None:
            for session in programme.sessions_of(speaker.id):
                if session.is_cancelled or session.id in ignored or session.start is None:
                    continue
                roles = [p for p in session.participants if p.speaker == speaker.id]
                if roles and all(p.delivery is Delivery.RECORDED for p in roles):
                    continue
                end = session.end or clamp_add(session.start, assumed_duration)
                busy.append(Interval(start=session.start, end=end))
        return cls(
            id=speaker.id,
            zone=speaker.time_zone,
            name=speaker_label(speaker),
            availability=speaker.availability,
            busy=tuple(busy),
        )


@attrs.frozen(kw_only=True)
class Slot:
    """One suggested start: its place in the ranking, and how it suits each participant.

    ``worst`` is the worst-off participant's discomfort (weighted minutes),
    ``total`` the sum, ``worst_off`` who is at ``worst`` (nobody when it is 0).
    """

    rank: int
    start: datetime
    end: datetime
    worst: int
    total: int
    worst_off: tuple[str, ...]
    comfort: tuple[ParticipantComfort, ...]


def _attendees(
    checks: Checks,
    participants: object,
    programme: object,
    assumed_duration: object,
    exclude: object,
) -> list[Attendee]:
    """The participants as attendees; each bad one (or bad option) is a problem in ``checks``.

    ``programme``, ``assumed_duration`` and ``exclude`` are checked here, first.
    """
    found: list[Attendee] = []
    if programme is not None and not isinstance(programme, Programme):
        checks.add(("programme",), "type", f"expected a Programme, got {type_name(programme)}")
        programme = None
    assumed = checks.duration(("assumed_duration",), assumed_duration, at_most=MAX_JUDGED)
    ignored = checks.ids(("exclude",), exclude)
    if assumed is None or ignored is None:
        return found  # the speakers' sessions cannot be read without them
    if isinstance(participants, str | bytes) or not isinstance(participants, Sequence):
        checks.add(("participants",), "type", "expected a list of speakers, attendees or zones")
        return found
    if not participants:
        checks.add(("participants",), "required", "at least one participant is needed")
    for index, item in enumerate(participants):
        try:
            if isinstance(item, Attendee):
                found.append(item)
            elif isinstance(item, Speaker):
                found.append(
                    Attendee.of(item, programme, assumed_duration=assumed, exclude=ignored)
                )
            elif isinstance(item, str):
                found.append(Attendee(id=item, zone=item))
            else:
                checks.add(
                    ("participants", index),
                    "type",
                    f"expected a Speaker, an Attendee or a zone key, got {type_name(item)}",
                )
        except ValidationError as error:  # locate its problems here
            for problem in error.problems:
                checks.add(
                    ("participants", index, *problem.location[1:]), problem.code, problem.message
                )
    return found


def _people(found: Sequence[Attendee]) -> list[Person]:
    """The attendees as the grid reads them."""
    return [
        (
            a.id,
            a.zone,
            [(i.start, i.end) for i in a.availability],
            [(i.start, i.end) for i in a.busy],
        )
        for a in found
    ]


def _slot(
    grid: Grid, index: int, rank: int, found: Sequence[Attendee], policy: ComfortPolicy
) -> Slot:
    """The candidate ``index`` of ``grid`` as a :class:`Slot`."""
    start = EPOCH + timedelta(microseconds=grid.start(index))
    end = start + timedelta(microseconds=grid.duration)
    costs = [column[index] for column in grid.costs]
    worst = max(costs)
    comfort = [
        _judge(a.id, a.name or a.id, a.zone, start, end, policy, timeline=grid.timelines[n])
        for n, a in enumerate(found)
    ]
    return Slot(
        rank=rank,
        start=start,
        end=end,
        worst=worst,
        total=sum(costs),
        worst_off=tuple(a.id for a, c in zip(found, costs, strict=True) if worst and c == worst),
        comfort=tuple(comfort),
    )


def _check_grid(
    checks: Checks,
    window: tuple[datetime, datetime],
    duration: timedelta,
    step: timedelta,
    people: int,
    where: tuple[str | int, ...] = ("window",),
) -> int:
    """The number of candidates of one window; a problem if there would be too many."""
    count = max((window[1] - window[0] - duration) // step + 1, 0)
    if count > MAX_CANDIDATES:
        checks.add(
            where,
            "too_large",
            f"{count:,} candidate starts (at most {MAX_CANDIDATES:,}): use a larger step or a shorter window",
        )
    return count


def _check_common(
    checks: Checks, duration: object, step: object, policy: object
) -> tuple[timedelta | None, timedelta | None]:
    """Duration, step and policy, checked."""
    length = checks.duration(("duration",), duration, at_most=MAX_JUDGED)
    grain = checks.duration(("step",), step)
    if grain is not None and grain < timedelta(minutes=1):
        checks.add(("step",), "step", "must be at least one minute")
        grain = None
    if not isinstance(policy, ComfortPolicy):
        checks.add(("policy",), "type", f"expected a ComfortPolicy, got {type_name(policy)}")
    return length, grain


def suggest_slots(
    participants: Sequence[Speaker | Attendee | str],
    duration: timedelta,
    window: Interval | tuple[datetime, datetime],
    *,
    step: timedelta = timedelta(minutes=15),
    policy: ComfortPolicy = DEFAULT_POLICY,
    limit: int = 10,
    programme: Programme | None = None,
    exclude: Collection[str] = (),
    assumed_duration: timedelta = timedelta(hours=1),
) -> tuple[Slot, ...]:
    """The best ``limit`` starts for a session of ``duration`` within ``window``, fairest first.

    Participants are speakers (their zone, availability and, with
    ``programme``, their other sessions, except those in ``exclude``),
    :class:`Attendee` values, or plain zone keys. Candidates start at the
    window's start and every ``step`` after, and end within the window.
    Every bad argument is reported in one
    :class:`~essprogramme.errors.ValidationError`, as is a grid too large
    to weigh (:data:`MAX_CANDIDATES` starts, :data:`MAX_CELLS` starts ×
    participants). No candidate fits: an empty tuple.
    """
    checks = Checks()
    found = _attendees(checks, participants, programme, assumed_duration, exclude)
    length, grain = _check_common(checks, duration, step, policy)
    span = checks.window(("window",), window)
    checks.count(("limit",), limit, 1, 10_000)
    if span is not None and length is not None and grain is not None:
        count = _check_grid(checks, span, length, grain, len(found))
        if count * len(found) > MAX_CELLS:
            checks.add(
                ("participants",), "too_large", f"at most {MAX_CELLS:,} starts × participants"
            )
    checks.done()
    assert span is not None and length is not None and grain is not None
    with collector_paused():
        grid = Grid(
            _people(found), span[0], span[1], length // MICROSECOND, grain // MICROSECOND, policy
        )
        ranked = grid.ranked()[:limit] if grid.feasible else []
        return tuple(
            _slot(grid, index, rank, found, policy)
            for rank, (_, _, index) in enumerate(ranked, start=1)
        )
