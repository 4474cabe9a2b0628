"""The programme: a whole event, and the check that all its references resolve."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

import attrs

from ..errors import Problem
from ._checks import ID, LANGUAGE, URL, ZONE, rule, validate
from .initiative import Initiative
from .location import Location, Track
from .organisation import Organisation
from .session import Session
from .speaker import Speaker
from .text import LocalizedText

__all__ = ["Programme"]

_COLLECTIONS = ("sessions", "speakers", "organisations", "initiatives", "locations", "tracks")


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


@attrs.frozen(kw_only=True)
class Programme:
    """A whole event: its sessions and everyone and everything they refer to.

    Building a programme checks that ids are unique within each collection
    and that every reference resolves: a session's moderators, contributors,
    location and track; a contribution's initiatives; a speaker's
    organisations; an initiative's lead, partners and related initiatives;
    an organisation's memberships; the organiser. All problems are reported
    together, each with its path.

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
    organiser: str | None = attrs.field(default=None, metadata=ID)
    languages: tuple[str, ...] = attrs.field(default=(), metadata=LANGUAGE)
    description: LocalizedText | None = None
    url: str | None = attrs.field(default=None, metadata=URL)
    locations: tuple[Location, ...] = ()
    tracks: tuple[Track, ...] = ()
    sessions: tuple[Session, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    initiatives: tuple[Initiative, ...] = ()
    _indexes: dict[str, dict[str, Any]] = attrs.field(
        init=False, factory=dict, eq=False, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        validate(self)

    def _rules(self) -> Iterator[Problem]:
        if self.end_date < self.start_date:
            yield rule(("end_date",), "end_before_start", "must not be before start_date")
        for field in _COLLECTIONS:
            index, problems = _index(getattr(self, field), field)
            self._indexes[field] = index
            yield from problems
        if not self._references_resolve():
            yield from self._references()

    def _references_resolve(self) -> bool:
        """Whether every reference resolves: set algebra, no per-reference calls."""
        idx = self._indexes
        sessions = self.sessions
        speakers = {m for s in sessions for m in s.moderators}
        speakers.update(c.speaker for s in sessions for c in s.contributions)
        initiatives = {i for s in sessions for c in s.contributions for i in c.initiatives}
        initiatives.update(r for n in self.initiatives for r in n.related)
        organisations = {a.organisation for p in self.speakers for a in p.affiliations}
        organisations.update(m for o in self.organisations for m in o.member_of)
        organisations.update(r for n in self.initiatives for r in (*n.lead, *n.partners))
        if self.organiser is not None:
            organisations.add(self.organiser)
        locations = {s.location for s in sessions} - {None}
        tracks = {s.track for s in sessions} - {None}
        return (
            speakers <= idx["speakers"].keys()
            and initiatives <= idx["initiatives"].keys()
            and organisations <= idx["organisations"].keys()
            and locations <= idx["locations"].keys()
            and tracks <= idx["tracks"].keys()
        )

    def _references(self) -> Iterator[Problem]:
        idx = self._indexes
        speakers, organisations = idx["speakers"], idx["organisations"]
        initiatives = idx["initiatives"]

        def missing(
            location: tuple[str | int, ...], target: str | None, index: dict[str, Any], what: str
        ) -> Iterator[Problem]:
            if target is not None and target not in index:
                yield rule(location, "unknown_reference", f"no {what} has the id {target!r}")

        yield from missing(("organiser",), self.organiser, organisations, "organisation")
        for s, session in enumerate(self.sessions):
            at: tuple[str | int, ...] = ("sessions", s)
            yield from missing((*at, "location"), session.location, idx["locations"], "location")
            yield from missing((*at, "track"), session.track, idx["tracks"], "track")
            for m, moderator in enumerate(session.moderators):
                yield from missing((*at, "moderators", m), moderator, speakers, "speaker")
            for c, contribution in enumerate(session.contributions):
                here = (*at, "contributions", c)
                yield from missing((*here, "speaker"), contribution.speaker, speakers, "speaker")
                for i, target in enumerate(contribution.initiatives):
                    yield from missing((*here, "initiatives", i), target, initiatives, "initiative")
        for p, speaker in enumerate(self.speakers):
            for a, affiliation in enumerate(speaker.affiliations):
                yield from missing(
                    ("speakers", p, "affiliations", a, "organisation"),
                    affiliation.organisation,
                    organisations,
                    "organisation",
                )
        for o, organisation in enumerate(self.organisations):
            for m, parent in enumerate(organisation.member_of):
                yield from missing(
                    ("organisations", o, "member_of", m), parent, organisations, "organisation"
                )
        for n, initiative in enumerate(self.initiatives):
            for field, index, what in (
                ("lead", organisations, "organisation"),
                ("partners", organisations, "organisation"),
                ("related", initiatives, "initiative"),
            ):
                for r, target in enumerate(getattr(initiative, field)):
                    yield from missing(("initiatives", n, field, r), target, index, what)

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
