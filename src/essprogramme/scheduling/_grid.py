"""A grid of candidate starts: which fit everyone, and what each costs each participant.

Times are integers (microseconds since 1970): candidate ``i`` starts at
``origin + i * step``. Availability and other sessions become ranges of
indexes, cleared in a byte array (C-speed slices); each participant's
discomfort at every candidate comes from one walk along their comfort
timeline (:class:`~._timeline.Timeline`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from ._common import micros
from ._timeline import MICROS_PER_MINUTE, Timeline
from .policy import ComfortPolicy

__all__ = ["Grid", "Person"]

#: (id, zone, availability, busy): availability and busy as (start, end) UTC pairs.
Person = tuple[str, str, Sequence[tuple[datetime, datetime]], Sequence[tuple[datetime, datetime]]]


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


class Grid:
    """The candidates of one window: ``feasible`` indexes and per-person ``costs``."""

    __slots__ = ("costs", "count", "duration", "feasible", "origin", "step", "timelines")

    def __init__(
        self,
        people: Sequence[Person],
        origin: datetime,
        end: datetime,
        duration: int,
        step: int,
        policy: ComfortPolicy,
    ) -> None:
        self.origin, self.step, self.duration = micros(origin), step, duration
        latest = micros(end) - duration
        self.count = count = 0 if latest < self.origin else (latest - self.origin) // step + 1
        ok = bytearray(b"\x01") * count
        for _, _, availability, busy in people:
            if availability:
                self._keep_only(ok, availability)
            for low, high in busy:
                first = (micros(low) - duration - self.origin) // step + 1
                after = _ceil_div(micros(high) - self.origin, step)
                self._clear(ok, first, after)
        self.feasible = [i for i in range(count) if ok[i]] if count else []
        self.timelines: list[Timeline] = []
        self.costs: list[list[int]] = []
        if not self.feasible:
            return
        reach = self.origin + (count - 1) * step + duration
        for ident, zone, _, _ in people:
            timeline = Timeline(zone, policy, policy.weekend_of(ident), self.origin, reach)
            self.timelines.append(timeline)
            self.costs.append(self._costs(timeline))

    def _clear(self, ok: bytearray, first: int, after: int) -> None:
        """Mark candidates ``first`` to ``after - 1`` (clipped to the grid) as unfit."""
        first, after = max(first, 0), min(after, self.count)
        if first < after:
            ok[first:after] = bytes(after - first)

    def _keep_only(self, ok: bytearray, availability: Sequence[tuple[datetime, datetime]]) -> None:
        """Clear every candidate that no availability interval holds whole."""
        allowed: list[tuple[int, int]] = []
        for low, high in sorted(availability):
            first = max(_ceil_div(micros(low) - self.origin, self.step), 0)
            last = min((micros(high) - self.duration - self.origin) // self.step, self.count - 1)
            if first <= last:
                if allowed and first <= allowed[-1][1] + 1:
                    allowed[-1] = (allowed[-1][0], max(allowed[-1][1], last))
                else:
                    allowed.append((first, last))
        cursor = 0
        for first, last in allowed:
            self._clear(ok, cursor, first)
            cursor = max(cursor, last + 1)
        self._clear(ok, cursor, self.count)

    def _costs(self, timeline: Timeline) -> list[int]:
        """Discomfort, in weighted minutes, of the candidate at each index."""
        step, duration, count = self.step, self.duration, self.count
        if duration % step == 0:
            shift = duration // step
            at = timeline.grid(self.origin, step, count + shift)
            return [(at[i + shift] - at[i]) // MICROS_PER_MINUTE for i in range(count)]
        starts = timeline.grid(self.origin, step, count)
        ends = timeline.grid(self.origin + duration, step, count)
        return [(b - a) // MICROS_PER_MINUTE for a, b in zip(starts, ends, strict=True)]

    def start(self, index: int) -> int:
        """The start of candidate ``index`` (microseconds since 1970)."""
        return self.origin + index * self.step

    def ranked(self) -> list[tuple[int, int, int]]:
        """``(worst, total, index)`` for every feasible candidate, best first."""
        rows = list(zip(*self.costs, strict=True))
        return sorted((max(rows[i]), sum(rows[i]), i) for i in self.feasible)
