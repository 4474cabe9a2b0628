"""The comfort policy: which local hours suit people, and what the others cost.

A policy sorts every minute of a local day into a :class:`ComfortLevel`:
``night`` inside the night hours, ``ideal`` inside the ideal hours,
``acceptable`` inside the acceptable ones, else ``early`` (before the ideal
hours) or ``late``. Each minute costs a penalty by level, plus a weekend
penalty on the participant's weekend days (Saturday and Sunday by default;
Friday and Saturday, or Friday alone, for others). A participant's
*discomfort* in a session is the sum over its minutes, in weighted minutes:
0 is a session wholly within ideal hours on a working day.

>>> policy = ComfortPolicy()
>>> str(policy.ideal), str(policy.acceptable), str(policy.night)
('09:00–17:00', '08:00–20:00', '22:00–06:00')
>>> policy.level_at(time(7, 0)), policy.level_at(time(23, 30))
(<ComfortLevel.EARLY: 'early'>, <ComfortLevel.NIGHT: 'night'>)
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from datetime import time
from typing import Any

import attrs

from ..errors import Problem, ValidationError
from ..model._rules import show, type_name

__all__ = ["DEFAULT_POLICY", "ComfortLevel", "ComfortPolicy", "Hours"]

_DAY = 24 * 60
_HOURS = re.compile(r"([0-9]{1,2}):([0-9]{2}) *[-–] *([0-9]{1,2}):([0-9]{2})")


class ComfortLevel(enum.StrEnum):
    """How a local hour suits a participant, from best to worst."""

    IDEAL = "ideal"
    ACCEPTABLE = "acceptable"
    EARLY = "early"
    LATE = "late"
    NIGHT = "night"

    @property
    def rank(self) -> int:
        """0 (ideal) to 3 (night); early and late rank alike."""
        return _RANKS[self]

    @property
    def uncomfortable(self) -> bool:
        """Outside the acceptable hours (early, late or night)."""
        return self.rank >= 2


_RANKS = {
    ComfortLevel.IDEAL: 0,
    ComfortLevel.ACCEPTABLE: 1,
    ComfortLevel.EARLY: 2,
    ComfortLevel.LATE: 2,
    ComfortLevel.NIGHT: 3,
}


def _minute(moment: time) -> int:
    return moment.hour * 60 + moment.minute


@attrs.frozen(kw_only=True)
class Hours:
    """A stretch of local hours ``[start, end)``, to the minute; ``end <= start`` wraps past midnight.

    >>> Hours.parse("22:00-06:00").contains(time(23, 0))
    True
    """

    start: time
    end: time

    def __attrs_post_init__(self) -> None:
        problems = [
            Problem(location=(name,), code="hours", message=text)
            for name in ("start", "end")
            if (text := _time_problem(getattr(self, name)))
        ]
        if not problems and self.start == self.end:
            problems.append(
                Problem(location=("end",), code="hours", message="must differ from start")
            )
        if problems:
            raise ValidationError(problems)

    @classmethod
    def parse(cls, text: str) -> Hours:
        """Read ``HH:MM-HH:MM`` (or with an en dash); raise :class:`ValidationError`."""
        found = _HOURS.fullmatch(text.strip()) if isinstance(text, str) else None
        if found is None:
            raise ValidationError(
                [
                    Problem(
                        location=(), code="hours", message=f"expected HH:MM-HH:MM, got {show(text)}"
                    )
                ]
            )
        h1, m1, h2, m2 = (int(part) for part in found.groups())
        if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
            raise ValidationError(
                [Problem(location=(), code="hours", message=f"not a time of day: {show(text)}")]
            )
        return cls(start=time(h1, m1), end=time(h2, m2))

    def contains(self, moment: time) -> bool:
        """Whether the local time ``moment`` lies inside these hours."""
        return self._holds(_minute(moment))

    def _holds(self, minute: int) -> bool:
        start, end = _minute(self.start), _minute(self.end)
        return start <= minute < end if start < end else minute >= start or minute < end

    def __str__(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"


def _time_problem(value: object) -> str:
    if not isinstance(value, time):
        return f"expected a time of day, got {type_name(value)}"
    if value.tzinfo is not None:
        return "a local time of day has no zone"
    if value.second or value.microsecond:
        return "give whole minutes"
    return ""


def _to_hours(value: Any) -> Any:
    """Hours from ``Hours``, ``"08:00-18:00"`` or ``(time(8), time(18))``; else as given."""
    if isinstance(value, str):
        try:
            return Hours.parse(value)
        except ValidationError:
            return value
    if isinstance(value, tuple) and len(value) == 2:
        try:
            return Hours(start=value[0], end=value[1])
        except ValidationError:
            return value
    return value


def _to_days(value: Any) -> Any:
    if isinstance(value, Iterable) and not isinstance(value, str | bytes):
        return frozenset(value)
    return value


def _to_weekends(value: Any) -> Any:
    if isinstance(value, Mapping):
        return tuple(sorted((key, _to_days(days)) for key, days in value.items()))
    return value


@attrs.frozen(kw_only=True)
class ComfortPolicy:
    """Which local hours suit participants, and the penalty per minute of each level.

    Hours are given as :class:`Hours`, ``"HH:MM-HH:MM"`` or a pair of
    times. ``weekend`` holds the default weekend days (``date.weekday()``
    numbers: Monday is 0, so Friday–Saturday is ``{4, 5}``); ``weekends``
    maps a participant id to their own. The ideal hours must lie within the
    acceptable ones, and the night must not touch them.

    >>> import calendar
    >>> policy = ComfortPolicy(ideal="08:00-18:00", acceptable="08:00-18:00",
    ...                        weekends={"kevin-ossah": {calendar.FRIDAY, calendar.SATURDAY}})
    >>> sorted(policy.weekend_of("kevin-ossah")), sorted(policy.weekend_of("anyone"))
    ([4, 5], [5, 6])
    """

    ideal: Hours = attrs.field(default=Hours(start=time(9), end=time(17)), converter=_to_hours)
    acceptable: Hours = attrs.field(default=Hours(start=time(8), end=time(20)), converter=_to_hours)
    night: Hours = attrs.field(default=Hours(start=time(22), end=time(6)), converter=_to_hours)
    weekend: frozenset[int] = attrs.field(default=frozenset({5, 6}), converter=_to_days)
    weekends: tuple[tuple[str, frozenset[int]], ...] = attrs.field(
        default=(), converter=_to_weekends
    )
    acceptable_penalty: int = 1
    outside_penalty: int = 3
    night_penalty: int = 10
    weekend_penalty: int = 2
    _levels: tuple[ComfortLevel, ...] = attrs.field(init=False, eq=False, repr=False)
    _boundaries: tuple[time, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        problems = list(self._problems())
        if problems:
            raise ValidationError(problems)
        levels = tuple(self._classify(minute) for minute in range(_DAY))
        object.__setattr__(self, "_levels", levels)
        boundaries = tuple(
            time(minute // 60, minute % 60)
            for minute in range(_DAY)
            if minute == 0 or levels[minute] is not levels[minute - 1]
        )
        object.__setattr__(self, "_boundaries", boundaries)

    def _problems(self) -> Iterable[Problem]:
        hours_ok = True
        for name in ("ideal", "acceptable", "night"):
            if not isinstance(getattr(self, name), Hours):
                hours_ok = False
                yield Problem(
                    location=(name,), code="hours", message="expected hours as HH:MM-HH:MM"
                )
        if hours_ok:
            if any(self.ideal._holds(m) and not self.acceptable._holds(m) for m in range(_DAY)):
                yield Problem(
                    location=("ideal",),
                    code="hours",
                    message="must lie within the acceptable hours",
                )
            if any(self.night._holds(m) and self.acceptable._holds(m) for m in range(_DAY)):
                yield Problem(
                    location=("night",),
                    code="hours",
                    message="must not overlap the acceptable hours",
                )
        yield from _day_problems(("weekend",), self.weekend)
        if not isinstance(self.weekends, tuple):
            yield Problem(location=("weekends",), code="type", message="expected a mapping")
        else:
            for key, days in self.weekends:
                if type(key) is not str:
                    yield Problem(location=("weekends",), code="type", message="keys are ids")
                yield from _day_problems(("weekends", str(key)), days)
        for name in ("acceptable_penalty", "outside_penalty", "night_penalty", "weekend_penalty"):
            value = getattr(self, name)
            if type(value) is not int or not 0 <= value <= 1000:
                yield Problem(
                    location=(name,), code="range", message="expected an integer from 0 to 1000"
                )

    def _classify(self, minute: int) -> ComfortLevel:
        if self.night._holds(minute):
            return ComfortLevel.NIGHT
        if self.ideal._holds(minute):
            return ComfortLevel.IDEAL
        if self.acceptable._holds(minute):
            return ComfortLevel.ACCEPTABLE
        return ComfortLevel.EARLY if minute < _minute(self.ideal.start) else ComfortLevel.LATE

    def level_at(self, moment: time) -> ComfortLevel:
        """The level of a local time of day."""
        return self._levels[_minute(moment)]

    def penalty(self, level: ComfortLevel) -> int:
        """The penalty of one minute at ``level`` (on a working day)."""
        if level is ComfortLevel.IDEAL:
            return 0
        if level is ComfortLevel.ACCEPTABLE:
            return self.acceptable_penalty
        if level is ComfortLevel.NIGHT:
            return self.night_penalty
        return self.outside_penalty

    def weekend_of(self, participant: str | None) -> frozenset[int]:
        """The weekend days of a participant: their own if ``weekends`` has them, else the default."""
        for key, days in self.weekends:
            if key == participant:
                return days
        return self.weekend

    def boundaries(self) -> tuple[time, ...]:
        """The local times at which the level may change, midnight first."""
        return self._boundaries


def _day_problems(where: tuple[str, ...], days: object) -> Iterable[Problem]:
    if not isinstance(days, frozenset):
        yield Problem(location=where, code="type", message="expected a set of weekday numbers")
    elif any(type(day) is not int or not 0 <= day <= 6 for day in days):
        yield Problem(
            location=where, code="weekday", message="weekdays are 0 (Monday) to 6 (Sunday)"
        )


#: Ideal 09:00–17:00, acceptable 08:00–20:00, night 22:00–06:00, weekend Saturday–Sunday.
DEFAULT_POLICY = ComfortPolicy()
