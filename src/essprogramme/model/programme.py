"""The programme: a whole event, and the check that all its references resolve."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from ..errors import Problem
from ._checks import Model, checked
from ._formats import MAX_DEPTH
from ._references import Reference, collections_of, located, paths_to, references_of
from ._rules import DISTINCT, ID, LANGUAGES, URL, ZONE, references, rule
from .initiative import Initiative
from .links import Link
from .location import Location, Track
from .organisation import Organisation
from .provenance import Inference, Source
from .registration import Registration
from .session import Session
from .speaker import Speaker
from .territory import Territory
from .text import LocalizedText
from .vocab import OrganiserRole, SessionStatus

__all__ = ["OrganisationRole", "Programme"]


_TICK = timedelta(microseconds=1)


def _utc_window(first: date, last: date, zone: str) -> tuple[datetime, datetime]:
    """``[first 00:00, last + 1 day 00:00)`` local in ``zone``, as UTC instants."""
    local = ZoneInfo(zone)
    try:
        start = datetime.combine(first, time(0), local).astimezone(UTC)
    except OverflowError:  # the first representable day
        start = datetime.min.replace(tzinfo=UTC)
    try:
        end = datetime.combine(last + timedelta(days=1), time(0), local).astimezone(UTC)
    except OverflowError:  # the last representable day
        end = datetime.max.replace(tzinfo=UTC)
    return start, end


def _cycles(items: tuple[Any, ...], field: str, what: str) -> Iterator[Problem]:
    """A problem for each item whose chain of ``parent``s comes back to it."""
    parents = {item.id: item.parent for item in items}
    for position, item in enumerate(items):
        seen = {item.id}
        current = item.parent
        while current is not None and current in parents:
            if current in seen:
                if current == item.id:
                    yield rule(
                        (field, position, "parent"),
                        "cycle",
                        f"this {what} is, through its parents, inside itself",
                    )
                break
            seen.add(current)
            current = parents[current]


def _index(items: Iterable[Any], field: str) -> tuple[dict[str, Any], list[Problem]]:
    index: dict[str, Any] = {}
    problems = []
    for position, item in enumerate(items):
        if item.id in index:
            problems.append(
                rule(
                    (field, position, "id"),
                    "duplicate_id",
                    f"the id {item.id!r} is already used in {field}",
                )
            )
        else:
            index[item.id] = item
    return index, problems


@checked
@attrs.frozen(kw_only=True, weakref_slot=False)
class OrganisationRole(Model):
    """What an organisation is to the programme: organiser, co-organiser, funder...

    >>> OrganisationRole(organisation="gsef", role=OrganiserRole.ORGANISER).role
    <OrganiserRole.ORGANISER: 'organiser'>
    """

    organisation: str = attrs.field(metadata=references("organisations"))
    role: OrganiserRole


@checked
@attrs.frozen(kw_only=True, weakref_slot=False)
class Programme(Model):
    """A whole event: its sessions and everyone and everything they refer to.

    Building a programme checks that ids are unique within each collection,
    that every reference resolves (the fields declared with
    ``references(...)``, listed in :data:`REFERENCES`), that parents do not
    form cycles and that sessions fall on the programme's days. All problems
    are reported together, each with its path.

    >>> from essprogramme import examples
    >>> programme = examples.load("gsef2021-partenariats")
    >>> programme.speaker("kevin-ossah").name
    'Kevin Ossah'
    """

    id: str = attrs.field(metadata=ID)
    title: LocalizedText
    time_zone: str = attrs.field(metadata=ZONE)
    start_date: date
    end_date: date
    status: SessionStatus = SessionStatus.SCHEDULED
    #: Days outside ``start_date``..``end_date`` that hold sessions all the
    #: same (a pre-forum day): a session on any other day is reported.
    extra_days: tuple[date, ...] = attrs.field(default=(), metadata=DISTINCT)
    organisers: tuple[OrganisationRole, ...] = ()
    languages: tuple[str, ...] = attrs.field(default=(), metadata=LANGUAGES)
    description: LocalizedText | None = None
    url: str | None = attrs.field(default=None, metadata=URL)
    links: tuple[Link, ...] = ()
    registration: Registration | None = None
    locations: tuple[Location, ...] = ()
    tracks: tuple[Track, ...] = ()
    sessions: tuple[Session, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    initiatives: tuple[Initiative, ...] = ()
    sources: tuple[Source, ...] = ()
    inferred: tuple[Inference, ...] = ()
    notes: tuple[LocalizedText, ...] = ()
    _indexes: dict[str, dict[str, Any]] = attrs.field(
        init=False, factory=dict, eq=False, hash=False, repr=False
    )

    def _rules(self) -> Iterator[Problem]:
        if self.end_date < self.start_date:
            yield rule(("end_date",), "end_before_start", "must not be before start_date")
        for field in _COLLECTIONS:
            index, problems = _index(getattr(self, field), field)
            self._indexes[field] = index
            yield from problems
        for reference in REFERENCES:
            known = self._indexes[reference.collection]
            if not known.keys() >= reference.values(self):
                yield from reference.dangling(self, known)
        yield from _cycles(self.sessions, "sessions", "session")
        yield from _cycles(self.locations, "locations", "place")
        if self.start_date <= self.end_date:
            yield from self._outside_dates()
        # A region read alone may nest as deep as a document of its own allows;
        # inside a programme its place adds levels.
        for path in _TERRITORY_PATHS:
            for location, territory in located(self, path):
                if len(path) + territory._depth > MAX_DEPTH:
                    yield rule(location, "depth", f"nests deeper than {MAX_DEPTH} JSON levels")

    def _outside_dates(self) -> Iterator[Problem]:
        days = set(self.extra_days)
        first, last = self.start_date, self.end_date
        # The programme's days as UTC instants, per zone: most sessions are
        # checked by two comparisons, without converting anything.
        windows: dict[str, tuple[datetime, datetime]] = {}
        for index, session in enumerate(self.sessions):
            start = session.start
            if start is not None:
                zone = self.zone_of(session)
                window = windows.get(zone)
                if window is None:
                    window = windows[zone] = _utc_window(first, last, zone)
                end = session.end if session.end is not None else start + _TICK
                if window[0] <= start and end <= window[1]:
                    continue
                local = ZoneInfo(zone)
                span = (start.astimezone(local).date(), (end - _TICK).astimezone(local).date())
                field = "start"
            elif session.start_date is not None:
                span = (session.start_date, session.end_date or session.start_date)
                field = "start_date"
            else:
                continue
            outside = [day for day in span if not first <= day <= last and day not in days]
            if outside:
                yield rule(
                    ("sessions", index, field),
                    "outside_programme",
                    f"falls on {outside[0]}, outside the programme ({first} to {last}); "
                    "list the day in extra_days if it belongs to it",
                )

    def zone_of(self, session: Session) -> str:
        """The zone a session's local times are read in: its place's, else the programme's."""
        for location_id in session.locations:
            for place in self.places_around(location_id):
                if place.time_zone is not None:
                    return place.time_zone
        return self.time_zone

    def places_around(self, location_id: str) -> tuple[Location, ...]:
        """The place ``location_id``, then each place it is inside, innermost first.

        An unknown id gives nothing (this is also called while a programme
        is checked); parents never form a cycle in a valid programme.

        >>> from essprogramme import LocalizedText, Location, LocationKind
        >>> venue = Location(id="palais", name=LocalizedText({"fr": "Palais"}),
        ...                  kind=LocationKind.VENUE, time_zone="Europe/Paris")
        >>> room = Location(id="salle-1", name=LocalizedText({"fr": "Salle 1"}),
        ...                 kind=LocationKind.ROOM, parent="palais")
        >>> forum = Programme(id="forum", title=LocalizedText({"fr": "Forum"}),
        ...                   time_zone="UTC", start_date=date(2026, 3, 28),
        ...                   end_date=date(2026, 3, 28), locations=(venue, room))
        >>> [place.id for place in forum.places_around("salle-1")]
        ['salle-1', 'palais']
        """
        places: list[Location] = []
        place: Location | None = self._indexes["locations"].get(location_id)
        while place is not None and len(places) <= len(self.locations):
            places.append(place)
            place = self._indexes["locations"].get(place.parent) if place.parent else None
        return tuple(places)

    def depth_of(self, session: Session) -> int:
        """How many sessions ``session`` is part of, through its ``parent`` chain."""
        depth, current = 0, session
        while current.parent is not None and depth < len(self.sessions):
            found: Session | None = self._indexes["sessions"].get(current.parent)
            if found is None:
                break
            current, depth = found, depth + 1
        return depth

    # Look-ups ---------------------------------------------------------

    def _get(self, field: str, id: str) -> Any:
        try:
            return self._indexes[field][id]
        except KeyError:
            raise LookupError(f"no {field[:-1]} with id {id!r} in programme {self.id!r}") from None

    def session(self, id: str) -> Session:
        """The session with this id; :class:`LookupError` if there is none."""
        return self._get("sessions", id)  # type: ignore[no-any-return]

    def speaker(self, id: str) -> Speaker:
        """The speaker with this id; :class:`LookupError` if there is none."""
        return self._get("speakers", id)  # type: ignore[no-any-return]

    def organisation(self, id: str) -> Organisation:
        """The organisation with this id; :class:`LookupError` if there is none."""
        return self._get("organisations", id)  # type: ignore[no-any-return]

    def initiative(self, id: str) -> Initiative:
        """The initiative with this id; :class:`LookupError` if there is none."""
        return self._get("initiatives", id)  # type: ignore[no-any-return]

    def location(self, id: str) -> Location:
        """The room or channel with this id; :class:`LookupError` if there is none."""
        return self._get("locations", id)  # type: ignore[no-any-return]

    def track(self, id: str) -> Track:
        """The track with this id; :class:`LookupError` if there is none."""
        return self._get("tracks", id)  # type: ignore[no-any-return]

    def sessions_of(self, speaker_id: str) -> tuple[Session, ...]:
        """The sessions where this speaker moderates or contributes, in programme order."""
        return tuple(s for s in self.sessions if speaker_id in s.speaker_ids)


#: The collections of a programme whose items have ids.
_COLLECTIONS = collections_of(Programme)
#: Every reference a programme holds, derived from the fields' metadata.
REFERENCES: tuple[Reference, ...] = references_of(Programme)
#: Where a programme holds territories.
_TERRITORY_PATHS = paths_to(Programme, Territory)
