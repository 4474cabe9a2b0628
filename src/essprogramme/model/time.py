"""Time values of the model: instants, intervals and partial dates.

Instants are aware :class:`~datetime.datetime` values, normalised to UTC when
an object is built: a naive datetime is refused, and comparing, sorting and
hashing never meet the PEP 495 pitfalls of comparing across zones. Local
times are derived for display (see :meth:`Interval.local`), never stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from zoneinfo import ZoneInfo

import attrs

from ..errors import Problem, ValidationError, one_problem
from ._checks import Model, checked
from ._formats import is_zone_key
from ._rules import rule, show, type_name

__all__ = ["Interval", "PartialDate"]


def days_in_month(year: int, month: int) -> int:
    """The number of days of ``month`` in ``year`` of the proleptic Gregorian calendar."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


_PARTIAL = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


@checked
@attrs.frozen(kw_only=True, weakref_slot=False)
class PartialDate(Model):
    """A date known to the year, the month or the day.

    Initiatives start "in 2020", "in April 2020" or "on 1 July 2021". The
    JSON form is the ISO 8601 prefix: ``"2020"``, ``"2020-04"``, ``"2021-07-01"``.

    >>> PartialDate.parse("2020-04")
    PartialDate(year=2020, month=4, day=None)
    >>> str(PartialDate(year=2021, month=7, day=1))
    '2021-07-01'
    >>> PartialDate.parse("2020") < PartialDate.parse("2020-04")
    True
    """

    year: int = attrs.field(metadata={"min": 1, "max": 9999})
    month: int | None = attrs.field(default=None, metadata={"min": 1, "max": 12})
    day: int | None = attrs.field(default=None, metadata={"min": 1, "max": 31})

    def _rules(self) -> Iterator[Problem]:
        if self.day is not None:
            if self.month is None:
                yield rule(("day",), "partial_date", "a day needs a month")
            elif self.day > days_in_month(self.year, self.month):
                yield rule(("day",), "partial_date", f"{self} is not a date in the calendar")

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise :class:`ValidationError`."""
        if type(text) is not str:
            raise one_problem(
                (),
                "type",
                f"expected a partial date string (YYYY, YYYY-MM or YYYY-MM-DD), got {type_name(text)}",
            )
        found = _PARTIAL.fullmatch(text)
        if found is None:
            raise ValidationError(
                [
                    Problem(
                        location=(),
                        code="partial_date",
                        message=f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {show(text)}",
                    )
                ]
            )
        year, month, day = found.groups()
        try:
            return cls(
                year=int(year),
                month=None if month is None else int(month),
                day=None if day is None else int(day),
            )
        except ValidationError as error:
            # In text form the date is one value: locate its problems there.
            raise ValidationError(
                [
                    Problem(location=(), code="partial_date", message=f"{show(text)}: {p.message}")
                    for p in error.problems
                ]
            ) from None

    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``."""
        return "year" if self.month is None else "month" if self.day is None else "day"

    def earliest(self) -> date:
        """The first calendar day this partial date may mean."""
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        """The last calendar day this partial date may mean."""
        month = self.month or 12
        return date(self.year, month, self.day or days_in_month(self.year, month))

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: PartialDate) -> bool:
        return self._key() < other._key()

    def __le__(self, other: PartialDate) -> bool:
        return self._key() <= other._key()

    def __gt__(self, other: PartialDate) -> bool:
        return self._key() > other._key()

    def __ge__(self, other: PartialDate) -> bool:
        return self._key() >= other._key()

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text


@checked
@attrs.frozen(kw_only=True, weakref_slot=False)
class Interval(Model):
    """A half-open stretch of time ``[start, end)`` between two instants.

    Touching intervals do not overlap. Both ends are stored in UTC.

    >>> from datetime import UTC, datetime
    >>> slot = Interval(start=datetime(2021, 10, 8, 11, tzinfo=UTC),
    ...                 end=datetime(2021, 10, 8, 12, 30, tzinfo=UTC))
    >>> slot.local("Indian/Mayotte").start.strftime("%H:%M")
    '14:00'
    """

    start: datetime
    end: datetime

    def _rules(self) -> Iterator[Problem]:
        if self.end <= self.start:
            yield rule(("end",), "end_before_start", "must be after start")

    def overlaps(self, other: Interval) -> bool:
        """Whether the two share any instant (touching ends do not)."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Interval) -> bool:
        """Whether ``other`` lies wholly inside this interval."""
        return self.start <= other.start and other.end <= self.end

    def local(self, zone: str) -> LocalInterval:
        """This interval's wall-clock ends in the IANA zone ``zone``."""
        if not is_zone_key(zone):
            raise one_problem((), "time_zone", f"is not an IANA time zone key: {zone!r}")
        tz = ZoneInfo(zone)
        return LocalInterval(start=self.start.astimezone(tz), end=self.end.astimezone(tz))


@attrs.frozen(kw_only=True, weakref_slot=False)
class LocalInterval:
    """An interval's ends as seen on the wall clocks of one zone, for display."""

    start: datetime
    end: datetime
