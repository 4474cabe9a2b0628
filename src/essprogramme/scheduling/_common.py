"""What the scheduling modules share: checking arguments, exact instants, safe local times.

Every public function of :mod:`essprogramme.scheduling` checks its
arguments with these helpers and reports *every* bad one in a single
:class:`~essprogramme.errors.ValidationError` (location = the argument's
name), never a bare ``TypeError`` or ``OverflowError``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from ..errors import Problem, ValidationError
from ..model import Interval, LocalizedText, Speaker
from ..model._formats import is_zone_key
from ..model._rules import HINTS, show, type_name

__all__ = [
    "EPOCH",
    "MAX_UTC",
    "MICROSECOND",
    "MIN_UTC",
    "Checks",
    "clamp_add",
    "micros",
    "midnight",
    "next_day",
    "on_clock",
    "speaker_label",
    "zone_city",
    "zone_info",
]

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)
#: The ends of what :class:`datetime` holds, in UTC: results are clamped there.
MIN_UTC = datetime.min.replace(tzinfo=UTC)
MAX_UTC = datetime.max.replace(tzinfo=UTC)


def micros(moment: datetime) -> int:
    """Microseconds since 1970 (UTC), exactly: what the sweeps and timelines compare."""
    return (moment - EPOCH) // MICROSECOND


def clamp_add(moment: datetime, delta: timedelta) -> datetime:
    """``moment + delta`` in exact time, held at the ends of the calendar instead of failing."""
    try:
        return moment + delta
    except OverflowError:
        return MAX_UTC if delta > timedelta(0) else MIN_UTC


@lru_cache(maxsize=1024)
def zone_info(zone: str) -> ZoneInfo:
    """The :class:`ZoneInfo` of a key already checked with :meth:`Checks.zone`."""
    return ZoneInfo(zone)


def on_clock(moment: datetime, zone: tzinfo) -> datetime:
    """``moment`` on the wall clock of ``zone``; in UTC where ``zone`` cannot show it.

    Only instants at the very ends of the calendar (year 1, year 9999) have
    no local time in some zones; the model refuses those, but an assumed end
    may reach them.
    """
    try:
        return moment.astimezone(zone)
    except (OverflowError, ValueError):
        return moment.astimezone(UTC)


def midnight(day: date, zone: str) -> datetime:
    """The UTC instant at which ``day`` begins in ``zone`` (clamped at the calendar's ends)."""
    try:
        return datetime.combine(day, time(0), zone_info(zone)).astimezone(UTC)
    except (OverflowError, ValueError):
        return MIN_UTC if day.year == 1 else MAX_UTC


def next_day(day: date) -> date | None:
    """The day after ``day``, or ``None`` after the last day of the calendar."""
    return None if day == date.max else day + timedelta(days=1)


def speaker_label(speaker: Speaker) -> str | LocalizedText:
    """A speaker's name, or the office they are known by."""
    if speaker.name is not None:
        return speaker.name
    assert speaker.office is not None
    return speaker.office


def zone_city(zone: str) -> str:
    """The place a zone key is named after, for messages: ``Toronto``, ``Buenos Aires``.

    >>> zone_city("America/Argentina/Buenos_Aires"), zone_city("UTC"), zone_city("Etc/GMT+5")
    ('Buenos Aires', 'UTC', 'Etc/GMT+5')
    """
    if "/" not in zone or zone.startswith("Etc/"):
        return zone
    return zone.rsplit("/", 1)[1].replace("_", " ")


class Checks:
    """Collects the problems of a call's arguments, then raises them all at once."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, where: Sequence[str | int], code: str, message: str) -> None:
        """Record one problem at ``where`` (the argument's name, then indexes)."""
        self.problems.append(Problem(location=tuple(where), code=code, message=message))

    def done(self) -> None:
        """Raise a :class:`ValidationError` holding every problem recorded, if any."""
        if self.problems:
            raise ValidationError(self.problems)

    def zone(self, where: Sequence[str | int], value: Any) -> str | None:
        """``value`` if it is a zone key that tzdata lists, else ``None`` (and a problem)."""
        if type(value) is not str:
            self.add(where, "type", f"expected an IANA time zone key, got {type_name(value)}")
            return None
        if not is_zone_key(value):
            hint = HINTS["zone"](value)
            self.add(where, "time_zone", f"is not an IANA time zone key: {show(value)}{hint}")
            return None
        return value

    def instant(self, where: Sequence[str | int], value: Any) -> datetime | None:
        """``value`` as a UTC instant if it is an aware ``datetime``, else ``None``."""
        if not isinstance(value, datetime):
            self.add(where, "type", f"expected an aware datetime, got {type_name(value)}")
            return None
        try:
            offset = value.utcoffset()
        except Exception:  # noqa: BLE001 - a broken tzinfo is bad input, not a crash
            offset = None
        if offset is None:
            self.add(
                where,
                "naive_datetime",
                f"{value.isoformat()} has no time zone: give an aware datetime (tzinfo=UTC)",
            )
            return None
        try:
            return datetime(*value.timetuple()[:6], value.microsecond, tzinfo=UTC) - offset
        except OverflowError:
            self.add(where, "range", f"{value.isoformat()} is outside the calendar in UTC")
            return None

    def duration(
        self,
        where: Sequence[str | int],
        value: Any,
        *,
        positive: bool = True,
        at_most: timedelta | None = None,
    ) -> timedelta | None:
        """``value`` if it is a ``timedelta`` (positive, or not negative) within ``at_most``."""
        if type(value) is not timedelta:
            self.add(where, "type", f"expected a timedelta, got {type_name(value)}")
            return None
        if positive and value <= timedelta(0):
            self.add(where, "duration", f"must be positive, got {value}")
            return None
        if value < timedelta(0):
            self.add(where, "duration", f"must not be negative, got {value}")
            return None
        if at_most is not None and value > at_most:
            self.add(where, "too_large", f"must be at most {at_most}, got {value}")
            return None
        return value

    def count(self, where: Sequence[str | int], value: Any, low: int, high: int) -> int | None:
        """``value`` if it is an ``int`` (not a bool) from ``low`` to ``high``."""
        if type(value) is not int:
            self.add(where, "type", f"expected an integer, got {type_name(value)}")
            return None
        if not low <= value <= high:
            self.add(where, "range", f"must be from {low} to {high}, got {value}")
            return None
        return value

    def window(self, where: Sequence[str | int], value: Any) -> tuple[datetime, datetime] | None:
        """An :class:`Interval` or a pair of aware datetimes, end after start, in UTC."""
        if isinstance(value, Interval):
            return value.start, value.end
        if not isinstance(value, tuple | list) or len(value) != 2:
            self.add(
                where,
                "type",
                f"expected an Interval or a (start, end) pair, got {type_name(value)}",
            )
            return None
        start = self.instant((*where, 0), value[0])
        end = self.instant((*where, 1), value[1])
        if start is None or end is None:
            return None
        if end <= start:
            self.add((*where, 1), "end_before_start", "the window must end after it starts")
            return None
        return start, end

    def ids(self, where: Sequence[str | int], value: Any) -> frozenset[str] | None:
        """A collection of session ids (strings)."""
        if isinstance(value, str) or not isinstance(value, Iterable):
            self.add(where, "type", f"expected a collection of ids, got {type_name(value)}")
            return None
        items = list(value)
        bad = [i for i, item in enumerate(items) if type(item) is not str]
        for index in bad:
            self.add((*where, index), "type", f"expected an id, got {type_name(items[index])}")
        return None if bad else frozenset(items)
