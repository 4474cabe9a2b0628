"""VTIMEZONE components (RFC 5545 §3.6.5), built from tzdata for the instants written.

A calendar that writes ``DTSTART;TZID=Europe/Paris:20260328T093000`` must say
what ``Europe/Paris`` means, so that a reader without tzdata (or with an
older one) finds the same instant. :class:`ZoneTable` lists the zone's
offset changes around the instants a calendar writes in it: for each
instant, every change since the first of January of the year before, and
the offset in force at that date. Each change is an observance of its own
(``STANDARD`` or ``DAYLIGHT``) whose ``DTSTART`` is the local time it
happens at, read on the clock before the change, as RFC 5545 has it.

Some instants cannot be written with a ``TZID``: a wall-clock time that
happens twice (when clocks go back) means its first occurrence in RFC 5545,
so an instant in the second one is written in UTC instead
(:meth:`ZoneTable.shows` says which).

>>> from datetime import UTC, datetime
>>> table = ZoneTable("Europe/Paris", [datetime(2026, 3, 28, 8, 30, tzinfo=UTC)])
>>> [line for line in table.lines() if line.startswith(("DTSTART", "TZOFFSETTO"))][-2:]
['DTSTART:20251026T030000', 'TZOFFSETTO:+0100']
>>> first, second = datetime(2026, 10, 25, 0, 30, tzinfo=UTC), datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
>>> table = ZoneTable("Europe/Paris", [first, second])   # 02:30 CEST, then 02:30 CET
>>> table.shows(first), table.shows(second)
(True, False)
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import attrs

from ._text import local_value, offset_value, text

__all__ = ["UTC_KEYS", "ZoneTable"]

#: Zone keys that mean UTC itself: times in them are written ``…Z``, without a VTIMEZONE.
UTC_KEYS = frozenset(
    {"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu"}
)

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_SECOND = timedelta(seconds=1)
#: How far apart the scan looks for a change: zones change their offset
#: months apart; a change undone within a day would be missed, and
#: :meth:`ZoneTable.shows` then sends the instants it affects to UTC.
_STEP = 86_400

_Key = tuple[timedelta, bool, str]


def _moment(seconds: int) -> datetime:
    return _EPOCH + timedelta(seconds=seconds)


def _seconds(moment: datetime) -> int:
    return (moment - _EPOCH) // _SECOND


@attrs.frozen
class _Onset:
    """An observance: from ``at`` (POSIX seconds) the offset goes ``before`` → ``after``."""

    at: int
    before: timedelta
    after: timedelta
    daylight: bool
    name: str


class ZoneTable:
    """The observances of one zone around the instants written in it.

    ``instants`` are every aware instant the calendar may write with this
    zone's ``TZID``, to the second.
    """

    def __init__(self, zone: str, instants: Iterable[datetime]) -> None:
        self.zone = zone
        self._tz = ZoneInfo(zone)
        onsets: dict[int, _Onset] = {}
        for first, last in self._windows(instants):
            for onset in self._scan(first, last):
                onsets[onset.at] = onset
        self._onsets = sorted(onsets.values(), key=lambda onset: onset.at)
        self._starts = [onset.at for onset in self._onsets]

    def _key(self, seconds: int) -> _Key:
        local = _moment(seconds).astimezone(self._tz)
        offset, dst = local.utcoffset(), local.dst()
        assert offset is not None  # a ZoneInfo always knows
        return offset, bool(dst), local.tzname() or offset_value(offset)

    def _windows(self, instants: Iterable[datetime]) -> list[tuple[int, int]]:
        """For each instant, ``[1 January of the year before, instant]``, merged."""
        spans = []
        for instant in instants:
            last = _seconds(instant)
            year = instant.astimezone(self._tz).year - 1
            first = last
            if year >= 1:
                try:
                    first = min(last, _seconds(datetime(year, 1, 1, tzinfo=self._tz)))
                except (OverflowError, ValueError):  # before the year 1 in UTC
                    first = last
            spans.append((first, last))
        merged: list[tuple[int, int]] = []
        for first, last in sorted(spans):
            if merged and first <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], last))
            else:
                merged.append((first, last))
        return merged

    def _scan(self, first: int, last: int) -> list[_Onset]:
        """The offset in force at ``first``, then every change up to ``last``."""
        key = self._key(first)
        found = [_Onset(first, self._key(first - 1)[0], key[0], key[1], key[2])]
        here = first
        while here < last:
            probe = min(here + _STEP, last)
            if self._key(probe) == key:
                here = probe
                continue
            low, high = here, probe  # the key changes in (low, high]: bisect to the second
            while high - low > 1:
                middle = (low + high) // 2
                low, high = (middle, high) if self._key(middle) == key else (low, middle)
            after = self._key(high)
            found.append(_Onset(high, key[0], after[0], after[1], after[2]))
            here, key = high, after
        return found

    def shows(self, instant: datetime) -> bool:
        """Whether ``DTSTART;TZID=…`` can name ``instant`` (else write it in UTC).

        Not when its wall-clock time also happens earlier (RFC 5545 takes the
        first occurrence), nor when the table missed an offset change before it.
        """
        local = instant.astimezone(self._tz)
        if local.replace(fold=0).astimezone(UTC) != instant:
            return False
        index = bisect.bisect_right(self._starts, _seconds(instant)) - 1
        return index >= 0 and self._onsets[index].after == local.utcoffset()

    def lines(self) -> list[str]:
        """The VTIMEZONE component, one unfolded content line per item."""
        lines = ["BEGIN:VTIMEZONE", f"TZID:{text(self.zone)}"]
        for onset in self._onsets:
            kind = "DAYLIGHT" if onset.daylight else "STANDARD"
            wall = (_moment(onset.at) + onset.before).replace(tzinfo=None)
            lines += [
                f"BEGIN:{kind}",
                f"DTSTART:{local_value(wall)}",
                f"TZOFFSETFROM:{offset_value(onset.before)}",
                f"TZOFFSETTO:{offset_value(onset.after)}",
                f"TZNAME:{text(onset.name)}",
                f"END:{kind}",
            ]
        lines.append("END:VTIMEZONE")
        return lines
