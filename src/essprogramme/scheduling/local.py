"""A session's time on the wall clock of any zone: derived for display, never stored.

Each time shape of :class:`~essprogramme.Session` has its view:

- ``exact`` (a start and an end): local start and end, their offsets, the
  zone's abbreviation, the local day it starts and the day it ends;
- ``start`` (a start alone, "from 9:00"): the local start; no end is invented;
- ``date`` (a day or a range of days): the days as published, read in the
  zone of the session's place (``home_zone``), never converted to hours;
- ``none`` (no time yet): a view that says so (``is_scheduled`` is false).

>>> from essprogramme import examples
>>> workshop = examples.load("gsef2021-partenariats").sessions[0]
>>> view = local_view(workshop, "America/Toronto")
>>> view.clock(), view.abbreviation, view.start.isoformat()
('07:00–08:30', 'EDT', '2021-10-08T07:00:00-04:00')
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import attrs

from ..model import Session
from ..model._rules import type_name
from ._common import MICROSECOND, Checks, midnight, next_day, on_clock, zone_info
from .messages import message

__all__ = ["LocalView", "local_view"]


@attrs.frozen(kw_only=True)
class LocalView:
    """A session's published time as seen on the wall clock of ``zone``.

    ``start`` and ``end`` are aware datetimes in ``zone`` (``None`` where
    the session has none); ``first_day`` is the local day it starts,
    ``last_day`` the local day of its last instant (a session ending at
    midnight stays on its day). A session published with days only keeps
    them as published, in its ``home_zone``. Subtracting two local times of
    one zone gives wall-clock time (PEP 495): for elapsed time, use
    ``session.duration``.
    """

    session: Session
    zone: str
    home_zone: str
    start: datetime | None = None
    end: datetime | None = None
    first_day: date | None = None
    last_day: date | None = None

    @property
    def shape(self) -> str:
        """The session's time shape: ``exact``, ``start``, ``date`` or ``none``."""
        return self.session.time_shape

    @property
    def is_scheduled(self) -> bool:
        """Whether the session has a time or a day at all (shape other than ``none``)."""
        return self.first_day is not None

    @property
    def offset(self) -> timedelta | None:
        """The zone's offset from UTC at the start (``None`` without a start time)."""
        return None if self.start is None else self.start.utcoffset()

    @property
    def end_offset(self) -> timedelta | None:
        """The offset at the end: it differs from :attr:`offset` across a DST change."""
        return None if self.end is None else self.end.utcoffset()

    @property
    def abbreviation(self) -> str | None:
        """The zone's abbreviation at the start (``CEST``, ``EDT``, ``+03``)."""
        return None if self.start is None else self.start.tzname()

    @property
    def day_shift(self) -> int:
        """How many local midnights the session crosses (``+1``: it ends the next day)."""
        if self.first_day is None or self.last_day is None:
            return 0
        return (self.last_day - self.first_day).days

    def utc_span(self) -> tuple[datetime, datetime] | None:
        """The stretch of exact time the view covers, in UTC; ``None`` if it has no end.

        An exact session covers its interval; a session published by days
        covers those whole days in its home zone; a start alone, nothing.
        """
        if self.shape == "exact":
            assert self.session.start is not None and self.session.end is not None
            return self.session.start, self.session.end
        if self.shape == "date":
            assert self.first_day is not None and self.last_day is not None
            after = next_day(self.last_day)
            start = midnight(self.first_day, self.home_zone)
            end = midnight(after, self.home_zone) if after else midnight(self.last_day, "UTC")
            return (start, end) if end > start else None
        return None

    def clock(self, lang: str = "en") -> str:
        """The time as people read it: ``07:00–08:30``, ``23:00–01:00 (+1)``, ``from 09:00``.

        Days without a time read ``2026-03-28`` or ``2026-03-28 – 2026-03-30``.
        """
        if self.start is not None:
            if self.end is None:
                return message("from", lang, time=f"{self.start:%H:%M}")
            shift = f" ({self.day_shift:+d})" if self.day_shift else ""
            return f"{self.start:%H:%M}–{self.end:%H:%M}{shift}"
        if self.first_day is not None:
            if self.last_day is not None and self.last_day != self.first_day:
                return f"{self.first_day.isoformat()} – {self.last_day.isoformat()}"
            return self.first_day.isoformat()
        return message("tba", lang)


def _view(session: Session, zone: str, home_zone: str) -> LocalView:
    """The view of a session already known to be valid, in checked zones."""
    if session.start is not None:
        tz = zone_info(zone)
        start = on_clock(session.start, tz)
        if session.end is None:
            return LocalView(
                session=session,
                zone=zone,
                home_zone=home_zone,
                start=start,
                first_day=start.date(),
                last_day=start.date(),
            )
        end = on_clock(session.end, tz)
        last = on_clock(session.end - MICROSECOND, tz)
        return LocalView(
            session=session,
            zone=zone,
            home_zone=home_zone,
            start=start,
            end=end,
            first_day=start.date(),
            last_day=last.date(),
        )
    if session.start_date is not None:
        return LocalView(
            session=session,
            zone=zone,
            home_zone=home_zone,
            first_day=session.start_date,
            last_day=session.end_date or session.start_date,
        )
    return LocalView(session=session, zone=zone, home_zone=home_zone)


def local_view(session: Session, zone: str, *, home_zone: str | None = None) -> LocalView:
    """``session``'s published time on the wall clock of ``zone`` (an IANA key).

    ``home_zone`` is the zone its published days are read in (pass
    ``programme.zone_of(session)``; by default ``zone``). Raises
    :class:`~essprogramme.errors.ValidationError` for a zone key tzdata
    does not list.

    >>> from essprogramme import examples
    >>> workshop = examples.load("gsef2021-partenariats").sessions[0]
    >>> [local_view(workshop, z).clock() for z in ("Indian/Mayotte", "Africa/Lome")]
    ['14:00–15:30', '11:00–12:30']
    """
    checks = Checks()
    if not isinstance(session, Session):
        checks.add(("session",), "type", f"expected a Session, got {type_name(session)}")
    checked = checks.zone(("zone",), zone)
    home = checked if home_zone is None else checks.zone(("home_zone",), home_zone)
    checks.done()
    assert checked is not None and home is not None
    return _view(session, checked, home)
