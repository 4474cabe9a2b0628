"""Wall-clock time and exact time, kept apart across DST changes.

An *exact* duration is elapsed time: a 90-minute call lasts 90 minutes,
whatever the clocks do (``end = start + duration`` on UTC instants). A
*wall-clock* duration is what the clock on the wall shows: "every Tuesday
at 14:00 Paris time" is 13:00Z in winter and 12:00Z in summer. The helpers
here do wall-clock arithmetic in a chosen zone and say what they did:

- a local time **skipped** by a DST change (02:30 on the night clocks go
  forward) is never produced: as RFC 5545 (and ``zoneinfo`` with
  ``fold=0``) reads it, it is taken with the offset before the gap, which
  lands as far after the gap's start as the time asked for (03:30);
  the result says ``shifted``;
- a local time that happens **twice** (01:30 on the night clocks go back)
  is resolved by ``fold``: 0 (the default, RFC 5545's choice) takes the
  first, 1 the second; the result says ``ambiguous``.

>>> from datetime import date, time
>>> gap = resolve_local(date(2026, 3, 29), time(2, 30), "Europe/Paris")
>>> gap.local.isoformat(), gap.shifted
('2026-03-29T03:30:00+02:00', True)
>>> second = resolve_local(date(2026, 10, 25), time(2, 30), "Europe/Paris", fold=1)
>>> second.start.isoformat(), second.ambiguous
('2026-10-25T01:30:00+00:00', True)
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import attrs

from ..model._rules import type_name
from ._common import Checks, on_clock, zone_info

__all__ = [
    "MAX_REPEATS",
    "LocalOccurrence",
    "add_wall_clock",
    "repeat_local",
    "resolve_local",
    "wall_clock_between",
]

#: The most occurrences :func:`repeat_local` makes in one call.
MAX_REPEATS = 1000


@attrs.frozen(kw_only=True)
class LocalOccurrence:
    """A local date and time of day, resolved to one instant in one zone.

    ``start`` is the instant (UTC), ``local`` the same instant on the zone's
    wall clock; ``end`` (UTC) is ``start`` plus an exact duration, if one was
    given. ``shifted``: the time asked for did not exist that day (DST gap);
    ``ambiguous``: it happened twice, and ``fold`` chose.
    """

    day: date
    at: time
    zone: str
    start: datetime
    local: datetime
    end: datetime | None = None
    shifted: bool = False
    ambiguous: bool = False


def _resolve(day: date, at: time, zone: str, fold: int) -> LocalOccurrence:
    """``at`` on ``day`` in ``zone`` (checked values), never a skipped time."""
    tz = zone_info(zone)
    wall = datetime.combine(day, at)
    first = wall.replace(tzinfo=tz).astimezone(UTC)
    second = wall.replace(tzinfo=tz, fold=1).astimezone(UTC)
    exists = on_clock(first, tz).replace(tzinfo=None) == wall
    if not exists:
        # RFC 5545 and PEP 495: a skipped time is read with the offset before the
        # gap (fold=0), which is after the gap has begun: it moves forward by the
        # gap's length.
        return LocalOccurrence(
            day=day, at=at, zone=zone, start=first, local=on_clock(first, tz), shifted=True
        )
    if first != second:
        start = first if fold == 0 else second
        return LocalOccurrence(
            day=day, at=at, zone=zone, start=start, local=on_clock(start, tz), ambiguous=True
        )
    return LocalOccurrence(day=day, at=at, zone=zone, start=first, local=on_clock(first, tz))


def _check_fold(checks: Checks, fold: object) -> None:
    if type(fold) is not int or fold not in (0, 1):
        checks.add(("fold",), "fold", "must be 0 (the first of two equal times) or 1 (the second)")


def _check_time(checks: Checks, at: object) -> None:
    if not isinstance(at, time) or at.tzinfo is not None:
        checks.add(("at",), "type", f"expected a local time of day, got {type_name(at)}")


def resolve_local(day: date, at: time, zone: str, *, fold: int = 0) -> LocalOccurrence:
    """The instant at which the wall clock of ``zone`` shows ``at`` on ``day``.

    Never a skipped time (see the module's notes); ``fold`` picks between
    two equal times.
    """
    checks = Checks()
    if not isinstance(day, date) or isinstance(day, datetime):
        checks.add(("day",), "type", f"expected a date, got {type_name(day)}")
    _check_time(checks, at)
    checked = checks.zone(("zone",), zone)
    _check_fold(checks, fold)
    checks.done()
    assert checked is not None
    try:
        return _resolve(day, at, checked, fold)
    except OverflowError:
        checks.add(("day",), "range", f"{day} in {checked} is outside the calendar in UTC")
        checks.done()
        raise  # pragma: no cover - done() has raised


def repeat_local(
    first: datetime,
    zone: str,
    count: int,
    *,
    every: timedelta = timedelta(days=7),
    duration: timedelta | None = None,
    fold: int = 0,
) -> tuple[LocalOccurrence, ...]:
    """``count`` occurrences at the local time of ``first`` in ``zone``, every ``every`` days.

    ``every`` is wall-clock time in whole days (7: weekly); each occurrence
    keeps the local hour of ``first`` across DST changes (a skipped hour is
    shifted forward, an ambiguous one resolved by ``fold``). ``duration`` is
    exact: each ``end`` is that much elapsed time after its ``start``.

    >>> from datetime import UTC, datetime, timedelta
    >>> weekly = repeat_local(datetime(2026, 3, 24, 13, tzinfo=UTC), "Europe/Paris", 2,
    ...                       duration=timedelta(minutes=90))
    >>> [(o.local.strftime("%d %H:%M"), o.start.strftime("%H:%MZ")) for o in weekly]
    [('24 14:00', '13:00Z'), ('31 14:00', '12:00Z')]
    """
    checks = Checks()
    start = checks.instant(("first",), first)
    checked = checks.zone(("zone",), zone)
    checks.count(("count",), count, 1, MAX_REPEATS)
    step = checks.duration(("every",), every, at_most=timedelta(days=3660))
    if step is not None and step % timedelta(days=1):
        checks.add(("every",), "duration", "must be a whole number of days (wall-clock days)")
    if duration is not None:
        checks.duration(("duration",), duration, at_most=timedelta(days=366))
    _check_fold(checks, fold)
    checks.done()
    assert start is not None and checked is not None and step is not None
    anchor = on_clock(start, zone_info(checked))
    at = anchor.time().replace(fold=0)
    found = []
    for n in range(count):
        try:
            day = anchor.date() + step * n
            occurrence = _resolve(day, at, checked, fold)
            if duration is not None:
                occurrence = attrs.evolve(occurrence, end=occurrence.start + duration)
        except OverflowError:
            checks.add(("count",), "range", f"occurrence {n + 1} falls outside the calendar")
            checks.done()
        found.append(occurrence)
    return tuple(found)


def add_wall_clock(moment: datetime, delta: timedelta, zone: str, *, fold: int = 0) -> datetime:
    """``moment`` moved by ``delta`` on the wall clock of ``zone`` (UTC result).

    Not the same as ``moment + delta`` across a DST change: a day later on
    the wall clock is 23 hours later in exact time on the night clocks go
    forward.

    >>> from datetime import UTC, datetime, timedelta
    >>> saturday = datetime(2026, 3, 28, 9, tzinfo=UTC)  # 10:00 in Paris
    >>> add_wall_clock(saturday, timedelta(days=1), "Europe/Paris").isoformat()
    '2026-03-29T08:00:00+00:00'
    """
    checks = Checks()
    start = checks.instant(("moment",), moment)
    checked = checks.zone(("zone",), zone)
    if type(delta) is not timedelta:
        checks.add(("delta",), "type", f"expected a timedelta, got {type_name(delta)}")
    _check_fold(checks, fold)
    checks.done()
    assert start is not None and checked is not None
    try:
        wall = on_clock(start, zone_info(checked)).replace(tzinfo=None) + delta
        return _resolve(wall.date(), wall.time(), checked, fold).start
    except OverflowError:
        checks.add(("delta",), "range", "the result is outside the calendar")
        checks.done()
        raise  # pragma: no cover - done() has raised


def wall_clock_between(start: datetime, end: datetime, zone: str) -> timedelta:
    """The time between two instants as the wall clock of ``zone`` shows it.

    Exact time is ``end - start``; across a DST change the two differ.

    >>> from datetime import UTC, datetime
    >>> night = (datetime(2026, 3, 28, 23, tzinfo=UTC), datetime(2026, 3, 29, 2, tzinfo=UTC))
    >>> str(night[1] - night[0]), str(wall_clock_between(*night, "Europe/Paris"))
    ('3:00:00', '4:00:00')
    """
    checks = Checks()
    low = checks.instant(("start",), start)
    high = checks.instant(("end",), end)
    checked = checks.zone(("zone",), zone)
    checks.done()
    assert low is not None and high is not None and checked is not None
    tz = zone_info(checked)
    return on_clock(high, tz).replace(tzinfo=None) - on_clock(low, tz).replace(tzinfo=None)
