"""A programme's sessions in one zone, by local day; each speaker's sessions in their zone.

An agenda lists, for each local day, the sessions published for the whole
day first (exhibitions, "mardi 5 novembre"), then the timed ones by their
start. A day may be a *logical* day, as pretalx has it: with
``day_starts=time(4)``, a concert from 01:00 stays on the evening it
belongs to. Sessions without a time yet are listed apart
(``unscheduled``).

>>> from essprogramme import examples
>>> programme = examples.load("gsef2021-partenariats")
>>> day = agenda(programme, "Indian/Mayotte").days[0]
>>> day.day, [view.clock() for view in day.views]
(datetime.date(2021, 10, 8), ['14:00–15:30'])
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime, time, timedelta
from types import MappingProxyType

import attrs

from ..model import Programme, Session
from ..model._rules import type_name
from ._common import Checks
from .local import LocalView, _view

__all__ = [
    "MAX_LISTED_DAYS",
    "Agenda",
    "AgendaDay",
    "LanguageUse",
    "agenda",
    "languages_used",
    "speaker_agenda",
]

#: A session published as a range of days is listed on each of them, up to
#: this many; a longer range is listed on its first day only.
MAX_LISTED_DAYS = 366


@attrs.frozen(kw_only=True)
class AgendaDay:
    """One local day of an agenda: its sessions, whole-day ones first, then by start."""

    day: date
    views: tuple[LocalView, ...]


@attrs.frozen(kw_only=True)
class Agenda:
    """Sessions on the wall clock of ``zone``, grouped by local (or logical) day."""

    zone: str
    #: The local time at which a day of the agenda begins (midnight by default).
    day_starts: time
    days: tuple[AgendaDay, ...]
    #: Sessions without a time or a day yet, in programme order.
    unscheduled: tuple[LocalView, ...]
    _places: Mapping[str, frozenset[str]] = attrs.field(
        factory=lambda: MappingProxyType({}), eq=False, hash=False, repr=False, alias="places"
    )

    @property
    def views(self) -> tuple[LocalView, ...]:
        """Every session once, in agenda order, the unscheduled ones last."""
        seen: dict[str, LocalView] = {}
        for day in self.days:
            for view in day.views:
                seen.setdefault(view.session.id, view)
        for view in self.unscheduled:
            seen.setdefault(view.session.id, view)
        return tuple(seen.values())

    def on(self, day: date) -> tuple[LocalView, ...]:
        """The sessions of one local day (none if the day has none)."""
        for entry in self.days:
            if entry.day == day:
                return entry.views
        return ()

    def by_track(self, track: str) -> tuple[LocalView, ...]:
        """The sessions of a track, in agenda order."""
        return tuple(v for v in self.views if v.session.track == track)

    def by_location(self, location: str) -> tuple[LocalView, ...]:
        """The sessions held in a place or in any place inside it (a venue's rooms)."""
        return tuple(v for v in self.views if location in self._places.get(v.session.id, ()))

    def by_speaker(self, speaker: str) -> tuple[LocalView, ...]:
        """The sessions a speaker takes part in, in any role."""
        return tuple(v for v in self.views if speaker in v.session.speaker_ids)


@attrs.frozen(kw_only=True)
class LanguageUse:
    """The languages a programme declares against those its sessions use.

    Tags compare case-insensitively; each keeps the spelling first seen.
    """

    declared: tuple[str, ...]
    #: Languages spoken on the floor of at least one session.
    floor: tuple[str, ...]
    #: Languages interpreted into in at least one session.
    interpretation: tuple[str, ...]
    #: Used (on the floor or by interpretation) but not declared.
    undeclared: tuple[str, ...]
    #: Declared but used by no session.
    unused: tuple[str, ...]


def _places(session: Session, programme: Programme) -> frozenset[str]:
    """The session's places and every place they are inside."""
    return frozenset(
        place.id for location in session.locations for place in programme.places_around(location)
    )


def _logical_day(start: datetime, day_starts: time) -> date:
    wall = start.replace(tzinfo=None)
    shift = timedelta(hours=day_starts.hour, minutes=day_starts.minute, seconds=day_starts.second)
    try:
        return (wall - shift).date()
    except OverflowError:  # the first hours of year 1
        return wall.date()


def _days_of(view: LocalView) -> Iterator[date]:
    assert view.first_day is not None and view.last_day is not None
    span = (view.last_day - view.first_day).days
    if span >= MAX_LISTED_DAYS:
        yield view.first_day
        return
    for offset in range(span + 1):
        yield view.first_day + timedelta(days=offset)


def _build(
    programme: Programme, zone: str, sessions: Iterable[Session], day_starts: time
) -> Agenda:
    whole_days: dict[date, list[tuple[tuple[int, str], LocalView]]] = {}
    timed: dict[date, list[tuple[tuple[datetime, int, datetime, str], LocalView]]] = {}
    unscheduled: list[LocalView] = []
    places: dict[str, frozenset[str]] = {}
    for session in sessions:
        view = _view(session, zone, programme.zone_of(session))
        places[session.id] = _places(session, programme)
        depth = programme.depth_of(session)
        if view.start is not None:
            assert session.start is not None
            key = (session.start, depth, session.end or session.start, session.id)
            timed.setdefault(_logical_day(view.start, day_starts), []).append((key, view))
        elif view.first_day is not None:
            for day in _days_of(view):
                whole_days.setdefault(day, []).append(((depth, session.id), view))
        else:
            unscheduled.append(view)
    days = []
    for day in sorted(whole_days.keys() | timed.keys()):
        first = [view for _, view in sorted(whole_days.get(day, ()), key=lambda e: e[0])]
        then = [view for _, view in sorted(timed.get(day, ()), key=lambda e: e[0])]
        days.append(AgendaDay(day=day, views=(*first, *then)))
    return Agenda(
        zone=zone,
        day_starts=day_starts,
        days=tuple(days),
        unscheduled=tuple(unscheduled),
        places=MappingProxyType(places),
    )


def _check_common(checks: Checks, programme: object, day_starts: object) -> None:
    if not isinstance(programme, Programme):
        checks.add(("programme",), "type", f"expected a Programme, got {type_name(programme)}")
    if not isinstance(day_starts, time) or day_starts.tzinfo is not None:
        checks.add(("day_starts",), "type", "expected a local time of day without a zone")


def agenda(
    programme: Programme,
    zone: str | None = None,
    *,
    day_starts: time = time(0),
    include_cancelled: bool = True,
) -> Agenda:
    """The programme on the wall clock of ``zone`` (default: the programme's), by local day.

    ``day_starts`` moves the boundary between days (``time(4)``: what starts
    before 04:00 belongs to the day before). Cancelled and postponed sessions
    are listed, marked by their status, unless ``include_cancelled`` is false.
    """
    checks = Checks()
    _check_common(checks, programme, day_starts)
    checked = None if zone is None else checks.zone(("zone",), zone)
    checks.done()
    sessions = [s for s in programme.sessions if include_cancelled or not s.is_cancelled]
    return _build(programme, checked or programme.time_zone, sessions, day_starts)


def speaker_agenda(
    programme: Programme,
    speaker: str,
    *,
    zone: str | None = None,
    day_starts: time = time(0),
    include_cancelled: bool = True,
) -> Agenda:
    """A speaker's own sessions (every role), on their own wall clock.

    The zone is ``zone`` if given, else the speaker's ``time_zone``, else the
    programme's (the agenda's ``zone`` says which was used).

    >>> from essprogramme import examples
    >>> mine = speaker_agenda(examples.load("gsef2021-partenariats"), "johanne-lavoie")
    >>> mine.zone, [view.clock() for view in mine.views]
    ('America/Toronto', ['07:00–08:30'])
    """
    checks = Checks()
    _check_common(checks, programme, day_starts)
    checked = None if zone is None else checks.zone(("zone",), zone)
    person = None
    if isinstance(programme, Programme):
        try:
            person = programme.speaker(speaker)
        except (LookupError, TypeError):
            checks.add(
                ("speaker",), "unknown_reference", f"no speaker {speaker!r} in the programme"
            )
    checks.done()
    assert person is not None
    sessions = [
        s
        for s in programme.sessions
        if person.id in s.speaker_ids and (include_cancelled or not s.is_cancelled)
    ]
    chosen = checked or person.time_zone or programme.time_zone
    return _build(programme, chosen, sessions, day_starts)


def _distinct(tags: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for tag in tags:
        seen.setdefault(tag.lower(), tag)
    return tuple(seen.values())


def languages_used(programme: Programme, *, include_cancelled: bool = False) -> LanguageUse:
    """Which languages the sessions use (floor, interpretation) against those declared.

    Cancelled and postponed sessions do not count unless ``include_cancelled``.

    >>> from essprogramme import examples
    >>> use = languages_used(examples.load("gsef2021-partenariats"))
    >>> use.floor, use.undeclared, use.unused
    (('fr',), (), ())
    """
    checks = Checks()
    _check_common(checks, programme, time(0))
    checks.done()
    sessions = [s for s in programme.sessions if include_cancelled or not s.is_cancelled]
    floor = _distinct(tag for s in sessions for tag in s.languages)
    interpreted = _distinct(tag for s in sessions for tag in s.interpretation)
    declared = _distinct(programme.languages)
    used = {tag.lower() for tag in (*floor, *interpreted)}
    known = {tag.lower() for tag in declared}
    return LanguageUse(
        declared=declared,
        floor=floor,
        interpretation=interpreted,
        undeclared=_distinct(t for t in (*floor, *interpreted) if t.lower() not in known),
        unused=tuple(t for t in declared if t.lower() not in used),
    )
