"""A fair series: a recurring meeting whose inconvenient hours rotate among its participants.

For a monthly call of a network spread over many zones, the best single
slot, repeated, puts the same people at dawn every month.
:func:`suggest_series` picks one start per occurrence so that, over the
series, the participant who carries the most discomfort carries as little
as possible (then the spread between participants, then the total, is as
small as possible). It starts from the best slot of each occurrence and
only ever improves on it, so the series is never less fair than repeating
the best slot; every occurrence stays inside everyone's availability.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime, timedelta

import attrs

from .._gc import collector_paused
from ..model import Interval, LocalizedText, Programme, Speaker
from ._common import MICROSECOND, Checks
from ._grid import Grid
from .policy import DEFAULT_POLICY, ComfortPolicy
from .slots import (
    MAX_CELLS,
    Attendee,
    Slot,
    _attendees,
    _check_common,
    _check_grid,
    _people,
    _slot,
)

__all__ = ["MAX_OCCURRENCES", "Series", "Total", "suggest_series"]

#: The most occurrences one series may have.
MAX_OCCURRENCES = 366
#: Candidates kept per occurrence: the best overall, and the best for each participant.
_KEEP_BEST, _KEEP_EACH = 48, 6
_MAX_ROUNDS = 50

_Objective = tuple[int, int, int]


@attrs.frozen(kw_only=True)
class Total:
    """What one participant carries over a series (or over the best slot repeated)."""

    participant: str
    who: str | LocalizedText
    #: The sum of their discomfort over the occurrences (weighted minutes).
    discomfort: int
    #: How many occurrences fall outside their acceptable hours.
    uncomfortable: int


@attrs.frozen(kw_only=True)
class Series:
    """One start per occurrence (``None`` where nothing fits), and what each participant carries.

    ``worst`` is the largest total, ``spread`` the largest minus the
    smallest, ``total`` the sum. ``baseline`` gives the totals of the best
    slot of each occurrence taken alone, for comparison.
    """

    occurrences: tuple[Slot | None, ...]
    totals: tuple[Total, ...]
    worst: int
    spread: int
    total: int
    baseline: tuple[Total, ...]

    @property
    def unplaced(self) -> tuple[int, ...]:
        """The positions of the occurrences for which no start fits everyone."""
        return tuple(i for i, found in enumerate(self.occurrences) if found is None)


def _objective(totals: Sequence[int]) -> _Objective:
    return (max(totals), max(totals) - min(totals), sum(totals))


def _shortlist(grid: Grid) -> list[tuple[tuple[int, ...], int]]:
    """The candidates worth weighing: ``(costs per person, index)``, the best first, no repeats."""
    rows = list(zip(*grid.costs, strict=True))
    ranked = grid.ranked()
    chosen = [index for _, _, index in ranked[:_KEEP_BEST]]
    for person in range(len(grid.costs)):
        mine = sorted(grid.feasible, key=lambda i: (rows[i][person], max(rows[i]), i))
        chosen += mine[:_KEEP_EACH]
    shortlist: dict[tuple[int, ...], int] = {}
    for index in sorted(set(chosen), key=lambda i: (max(rows[i]), sum(rows[i]), i)):
        shortlist.setdefault(rows[index], index)
    return list(shortlist.items())


def _improve(
    options: list[list[tuple[tuple[int, ...], int]]], choice: list[int], size: int
) -> list[int]:
    """Change one occurrence at a time while that makes the series fairer; a local optimum."""
    choice = list(choice)
    totals = [0] * size
    for slot_options, picked in zip(options, choice, strict=True):
        totals = [t + c for t, c in zip(totals, slot_options[picked][0], strict=True)]
    best = _objective(totals)
    for _ in range(_MAX_ROUNDS):
        improved = False
        for position, slot_options in enumerate(options):
            current = slot_options[choice[position]][0]
            rest = [t - c for t, c in zip(totals, current, strict=True)]
            for candidate, (costs, _) in enumerate(slot_options):
                trial = [r + c for r, c in zip(rest, costs, strict=True)]
                score = _objective(trial)
                if score < best:
                    best, totals, improved = score, trial, True
                    choice[position] = candidate
                    rest = [t - c for t, c in zip(totals, costs, strict=True)]
        if not improved:
            break
    return choice


def _greedy(options: list[list[tuple[tuple[int, ...], int]]], size: int) -> list[int]:
    """Each occurrence in turn, the candidate fairest to the totals so far."""
    totals = [0] * size
    choice = []
    for slot_options in options:
        scored = [
            (_objective([t + c for t, c in zip(totals, costs, strict=True)]), n)
            for n, (costs, _) in enumerate(slot_options)
        ]
        picked = min(scored)[1]
        choice.append(picked)
        totals = [t + c for t, c in zip(totals, slot_options[picked][0], strict=True)]
    return choice


def _totals(found: Sequence[Attendee], placed: Sequence[Slot | None]) -> tuple[Total, ...]:
    return tuple(
        Total(
            participant=attendee.id,
            who=attendee.name or attendee.id,
            discomfort=sum(s.comfort[n].discomfort for s in placed if s is not None),
            uncomfortable=sum(
                1
                for s in placed
                if s is not None
                and (level := s.comfort[n].level) is not None
                and level.uncomfortable
            ),
        )
        for n, attendee in enumerate(found)
    )


def suggest_series(
    participants: Sequence[Speaker | Attendee | str],
    duration: timedelta,
    windows: Sequence[Interval | tuple[datetime, datetime]],
    *,
    step: timedelta = timedelta(minutes=15),
    policy: ComfortPolicy = DEFAULT_POLICY,
    programme: Programme | None = None,
    exclude: Collection[str] = (),
    assumed_duration: timedelta = timedelta(hours=1),
) -> Series:
    """One start per window (an occurrence: "the first week of each month"), fair over the series.

    Participants and options are those of
    :func:`~essprogramme.scheduling.suggest_slots`. Each occurrence lies
    inside its window and inside everyone's availability, and clashes with
    none of their other sessions; a window where nothing fits gets ``None``.

    >>> from datetime import UTC, datetime, timedelta
    >>> zones = ["America/Los_Angeles", "Europe/Paris", "Asia/Tokyo"]
    >>> months = [(datetime(2026, m, 6, tzinfo=UTC), datetime(2026, m, 7, tzinfo=UTC))
    ...           for m in (1, 2, 3)]
    >>> series = suggest_series(zones, timedelta(minutes=90), months)
    >>> [t.discomfort for t in series.totals], [t.discomfort for t in series.baseline]
    ([795, 840, 900], [1125, 1125, 0])
    """
    checks = Checks()
    found = _attendees(checks, participants, programme, assumed_duration, exclude)
    length, grain = _check_common(checks, duration, step, policy)
    spans: list[tuple[datetime, datetime]] = []
    if isinstance(windows, str | bytes) or not isinstance(windows, Sequence):
        checks.add(("windows",), "type", "expected a list of windows (Interval or (start, end))")
    elif not 1 <= len(windows) <= MAX_OCCURRENCES:
        checks.add(("windows",), "range", f"give 1 to {MAX_OCCURRENCES} windows")
    else:
        cells = 0
        for index, window in enumerate(windows):
            span = checks.window(("windows", index), window)
            if span is not None and length is not None and grain is not None:
                cells += _check_grid(checks, span, length, grain, len(found), ("windows", index))
                spans.append(span)
        if cells * len(found) > MAX_CELLS:
            checks.add(("windows",), "too_large", f"at most {MAX_CELLS:,} starts × participants")
    checks.done()
    assert length is not None and grain is not None
    with collector_paused():
        return _series(found, spans, length, grain, policy)


def _series(
    found: list[Attendee],
    spans: list[tuple[datetime, datetime]],
    length: timedelta,
    grain: timedelta,
    policy: ComfortPolicy,
) -> Series:
    grids = [
        Grid(_people(found), low, high, length // MICROSECOND, grain // MICROSECOND, policy)
        for low, high in spans
    ]
    usable = [n for n, grid in enumerate(grids) if grid.feasible]
    options = [_shortlist(grids[n]) for n in usable]
    size = len(found)
    baseline = [0] * len(options)  # the best slot of each occurrence alone
    choice = baseline
    if options:
        from_baseline = _improve(options, baseline, size)
        from_greedy = _improve(options, _greedy(options, size), size)
        choice = min(
            (from_baseline, from_greedy),
            key=lambda c: _objective(_sum(options, c, size)),
        )
    placed: list[Slot | None] = [None] * len(grids)
    alone: list[Slot | None] = [None] * len(grids)
    for position, n in enumerate(usable):
        grid, slot_options = grids[n], options[position]
        placed[n] = _slot(grid, slot_options[choice[position]][1], 1, found, policy)
        alone[n] = _slot(grid, slot_options[0][1], 1, found, policy)
    totals = _totals(found, placed)
    amounts = [t.discomfort for t in totals]
    return Series(
        occurrences=tuple(placed),
        totals=totals,
        worst=max(amounts),
        spread=max(amounts) - min(amounts),
        total=sum(amounts),
        baseline=_totals(found, alone),
    )


def _sum(
    options: list[list[tuple[tuple[int, ...], int]]], choice: list[int], size: int
) -> list[int]:
    totals = [0] * size
    for slot_options, picked in zip(options, choice, strict=True):
        totals = [t + c for t, c in zip(totals, slot_options[picked][0], strict=True)]
    return totals
