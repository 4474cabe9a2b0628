"""A participant's comfort as a step function of exact time, for quick sums over any stretch.

For one zone, one policy and one set of weekend days, the penalty per
microsecond is constant between *breakpoints*: the instants at which the
local clock reaches a boundary of the policy (06:00, 08:00, ..., midnight
for the weekday) and the instants at which the zone's offset changes. Both
folds of an ambiguous local time are breakpoints; a local time skipped by a
DST change is not, but the change itself is. Between breakpoints, the level
is read once, from the local clock: so folds, gaps and odd offsets
(+05:45, +12:45) need no special case.

Integrating the step function gives a cumulative penalty; the penalty of
any stretch is then two look-ups, and of a whole grid of starts, one walk.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import UTC, date, datetime, timedelta, tzinfo

from ._common import EPOCH, MAX_UTC, MIN_UTC, micros, zone_info
from .policy import ComfortLevel, ComfortPolicy

__all__ = ["MICROS_PER_MINUTE", "Clocks", "Timeline"]

MICROS_PER_MINUTE = 60_000_000
_DAY = timedelta(days=1)


def _instant(us: int) -> datetime:
    return EPOCH + timedelta(microseconds=us)


class Timeline:
    """Penalty rate (per microsecond) and level, constant on ``[points[i], points[i + 1])``."""

    __slots__ = ("cumulative", "hi", "levels", "lo", "points", "rates", "weekends")

    def __init__(
        self, zone: str, policy: ComfortPolicy, weekend: frozenset[int], lo: int, hi: int
    ) -> None:
        tz = zone_info(zone)
        self.lo, self.hi = lo, hi
        candidates = {lo, hi}
        first, last = _local_day(lo, tz), _local_day(hi, tz)
        day = first - _DAY if first > date.min else first
        last = last + _DAY if last < date.max else last
        # Each boundary on both folds (the time carries its fold into the datetime).
        moments = [moment.replace(fold=fold) for moment in policy.boundaries() for fold in (0, 1)]
        while day <= last:
            for moment in moments:
                try:
                    point = micros(datetime.combine(day, moment, tz))
                except (OverflowError, ValueError):
                    continue
                if lo < point < hi:
                    candidates.add(point)
            if day == date.max:
                break
            day += _DAY
        points = sorted(candidates)
        points, wall_clock = _with_changes(points, tz)
        levels_of_minute = policy._levels
        rates: list[int] = []
        levels: list[ComfortLevel] = []
        weekends: list[bool] = []
        kept: list[int] = []
        for point, local in zip(points[:-1], wall_clock, strict=False):
            level = levels_of_minute[local.hour * 60 + local.minute]
            off = local.weekday() in weekend
            rate = policy.penalty(level) + (policy.weekend_penalty if off else 0)
            if kept and levels[-1] is level and weekends[-1] == off:
                continue
            kept.append(point)
            rates.append(rate)
            levels.append(level)
            weekends.append(off)
        kept.append(points[-1])
        cumulative = [0]
        for index, rate in enumerate(rates):
            cumulative.append(cumulative[-1] + rate * (kept[index + 1] - kept[index]))
        self.points, self.rates, self.levels = kept, rates, levels
        self.weekends, self.cumulative = weekends, cumulative

    def at(self, point: int) -> int:
        """The cumulative penalty from ``lo`` to ``point`` (``lo <= point <= hi``)."""
        index = min(bisect_right(self.points, point) - 1, len(self.rates) - 1)
        return self.cumulative[index] + self.rates[index] * (point - self.points[index])

    def penalty(self, start: int, end: int) -> int:
        """The weighted microseconds of ``[start, end)``."""
        return self.at(end) - self.at(start)

    def worst(self, start: int, end: int) -> tuple[ComfortLevel, bool]:
        """The worst level reached in ``[start, end)``, and whether any of it is a weekend."""
        index = max(bisect_right(self.points, start) - 1, 0)
        worst = self.levels[index]
        weekend = False
        while index < len(self.rates) and self.points[index] < end:
            level = self.levels[index]
            if level.rank > worst.rank:
                worst = level
            weekend = weekend or self.weekends[index]
            index += 1
        return worst, weekend

    def grid(self, start: int, step: int, count: int) -> list[int]:
        """The cumulative penalty at ``start + i * step`` for ``i`` in ``range(count)``, in one walk."""
        points, rates, cumulative = self.points, self.rates, self.cumulative
        last = len(rates) - 1
        index = 0
        out = []
        moment = start
        for _ in range(count):
            while index < last and points[index + 1] <= moment:
                index += 1
            out.append(cumulative[index] + rates[index] * (moment - points[index]))
            moment += step
        return out


def _local(point: int, tz: tzinfo) -> datetime:
    """``point`` on the wall clock of ``tz`` (in UTC at the very ends of the calendar)."""
    moment = _instant(point)
    try:
        return moment.astimezone(tz)
    except (OverflowError, ValueError):
        return moment


def _local_day(point: int, tz: tzinfo) -> date:
    return _local(point, tz).date()


def _offset(point: int, tz: tzinfo) -> timedelta | None:
    return _local(point, tz).utcoffset()


def _with_changes(points: list[int], tz: tzinfo) -> tuple[list[int], list[datetime]]:
    """``points`` with every instant at which the offset changes between two of them,
    and each one on the wall clock of ``tz`` (read once: the costly part)."""
    local = _local(points[0], tz)
    out, wall_clock = [points[0]], [local]
    before = local.utcoffset()
    for point in points[1:]:
        local = _local(point, tz)
        after = local.utcoffset()
        if after != before:
            low, high = out[-1], point  # offset(low) == before, offset(high) != before
            while high - low > 1:
                middle = (low + high) // 2
                if _offset(middle, tz) == before:
                    low = middle
                else:
                    high = middle
            if high != point:
                out.append(high)
                wall_clock.append(_local(high, tz))
        out.append(point)
        wall_clock.append(local)
        before = after
    return out, wall_clock


#: How much exact time a cached timeline of :class:`Clocks` covers.
_BLOCK = 8 * 24 * 3600 * 1_000_000
_FIRST, _LAST = micros(MIN_UTC), micros(MAX_UTC)


class Clocks:
    """Timelines on demand, by zone, weekend days and 8-day block, with a cache of answers.

    Many sessions of a programme share their times: each (zone, weekend,
    stretch) is worked out once.
    """

    def __init__(self, policy: ComfortPolicy) -> None:
        self.policy = policy
        self._timelines: dict[tuple[str, frozenset[int], int], Timeline] = {}
        self._answers: dict[
            tuple[str, frozenset[int], int, int], tuple[int, ComfortLevel, bool]
        ] = {}

    def _timeline(self, zone: str, weekend: frozenset[int], block: int) -> Timeline:
        key = (zone, weekend, block)
        found = self._timelines.get(key)
        if found is None:
            low, high = max(block * _BLOCK, _FIRST), min((block + 1) * _BLOCK, _LAST)
            found = Timeline(zone, self.policy, weekend, low, high)
            self._timelines[key] = found
        return found

    def judge(
        self, zone: str, weekend: frozenset[int], start: int, end: int
    ) -> tuple[int, ComfortLevel, bool]:
        """Weighted microseconds, worst level and weekend flag of ``[start, end)`` (not empty)."""
        key = (zone, weekend, start, end)
        found = self._answers.get(key)
        if found is not None:
            return found
        total = 0
        worst = None
        weekend_seen = False
        block = start // _BLOCK
        while True:
            timeline = self._timeline(zone, weekend, block)
            low, high = max(start, timeline.lo), min(end, timeline.hi)
            if low < high:
                total += timeline.penalty(low, high)
                level, off = timeline.worst(low, high)
                if worst is None or level.rank > worst.rank:
                    worst = level
                weekend_seen = weekend_seen or off
            if end <= timeline.hi:
                break
            block += 1
        assert worst is not None
        found = (total, worst, weekend_seen)
        self._answers[key] = found
        return found


def utc(us: int) -> datetime:
    """The UTC instant ``us`` microseconds after 1970."""
    return _instant(us).astimezone(UTC)
