"""Finding a programme's conflicts: sweeps over sessions sorted by start, never pairwise.

One pass over the programme, in its own order (:mod:`._schedule`), gives
each session its stretch of exact time, its live speakers and its places.
The sessions with speakers are then sorted by start once, and one sweep
for all speakers at once (:func:`._people.people`) finds every pair of
sessions that overlap (or come too close) and, as it reads each
participation, whether it falls outside the speaker's availability or at
an uncomfortable hour; each place's sessions are swept in turn
(:func:`._sweep.overlapping`), and organisations' like speakers'
(:func:`._sweep.shared`). O(n log n + k) in all, holding only the sessions
still running. Comfort is a look-up (:class:`._uneasy.Uneasy`): the
groups of speakers a session's times may make uneasy, shared by the
sessions with the same times; only those participations are judged.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import datetime, timedelta

from .._gc import collector_paused
from ..model import Programme
from ..model._rules import type_name
from . import _single
from ._common import Checks
from ._pairs import Pairs
from ._people import Availability, people
from ._sweep import TooManyPairs, overlapping, shared
from ._timeline import Clocks
from ._uneasy import Uneasy
from .comfort import MAX_JUDGED
from .conflicts import ConflictKind, ConflictReport, Severity
from .policy import DEFAULT_POLICY, ComfortPolicy

__all__ = ["MAX_PAIRS", "find_conflicts"]

#: The most pairs of overlapping (or too close) sessions one check examines: a
#: schedule with more (ten thousand sessions in one room at once) is refused
#: with a ``too_large`` problem rather than exhausting memory.
MAX_PAIRS = 500_000

_ZERO = timedelta(0)
_DAY = timedelta(days=1)


def _groups(
    by_zone: dict[str | None, list[str]], policy: ComfortPolicy
) -> dict[tuple[str, frozenset[int]], list[str]]:
    """The speakers of each zone and set of weekend days (speakers without a zone left out)."""
    groups = {(zone, policy.weekend): ids for zone, ids in by_zone.items() if zone is not None}
    own = {ident for ident, _ in policy.weekends}
    if not own:
        return groups
    regrouped: dict[tuple[str, frozenset[int]], list[str]] = {}
    for (zone, _), ids in groups.items():
        for ident in ids:
            weekend = policy.weekend_of(ident) if ident in own else policy.weekend
            regrouped.setdefault((zone, weekend), []).append(ident)
    return regrouped


class _Finder(Pairs):
    """One run of the checks over one programme."""

    def __init__(
        self,
        programme: Programme,
        buffer: timedelta,
        travel: timedelta,
        assumed: timedelta,
        policy: ComfortPolicy | None,
        organisations: bool,
    ) -> None:
        super().__init__(
            programme,
            assumed,
            buffer + travel,
            comfort=policy is not None,
            organisations=organisations,
        )
        self.buffer, self.travel = buffer, travel
        self.organisations = organisations
        self.policy = policy
        self.clocks = Clocks(policy) if policy is not None else None
        self.found = {}
        self.pairs_left = MAX_PAIRS

    def run(self) -> ConflictReport:
        policy = self.policy
        # The speakers of each zone (for comfort), and each one's availability.
        by_zone: dict[str | None, list[str]] = {}
        availability: dict[str, Availability] = {}
        for person in self.programme.speakers:
            ids = by_zone.get(person.time_zone)
            if ids is None:
                by_zone[person.time_zone] = [person.id]
            else:
                ids.append(person.id)
            if person.availability:
                slots = sorted((slot.start, slot.end) for slot in person.availability)
                lows, highs = [low for low, _ in slots], [high for _, high in slots]
                availability[person.id] = (lows, highs, slots)
        uneasy = Uneasy(self, policy, _groups(by_zone, policy)) if policy is not None else None
        for index in self.attending:
            self._alone(index, attendance=True)
        for index in self.assuming:
            self._alone(index, attendance=False)
        sessions, starts, ends = self.sessions, self.starts, self.ends
        by_start = starts.__getitem__
        order = sorted(self.swept, key=by_start)  # type: ignore[arg-type]
        pairs, unavailable, uncomfortable = people(
            self, order, self.speakers, availability, uneasy, self.pairs_left
        )
        self.pairs_left -= len(pairs)
        speaker_of = self.programme.speaker
        for a, b, speaker in pairs:
            self.person_pair(speaker_of(speaker), a, b)
        home = self.programme.zone_of
        for speaker, index, slots in unavailable:
            session, span = sessions[index], self.span(index)
            self.add(_single.availability(speaker_of(speaker), session, span, slots, home(session)))
        if self.clocks is not None:
            for speaker, index in uncomfortable:
                span = self.span(index)
                self.add(_single.comfort(speaker_of(speaker), sessions[index], span, self.clocks))
        if self.organisations:
            kind, severity = ConflictKind.DOUBLE_BOOKED, Severity.WARNING
            for a, b, group in self._shared(order, self.groups, ends):
                self.add(self.pair(a, b, kind, severity, organisation=group))  # type: ignore[arg-type]
        # Few places, each with many sessions: a sweep per place, in programme order.
        kind, severity = ConflictKind.LOCATION_CLASH, Severity.ERROR
        for place, indexes in self.rooms.items():
            if len(indexes) > 1:
                indexes.sort(key=by_start)  # type: ignore[arg-type]
                clashes = overlapping(indexes, starts, ends, self.pairs_left)
                self.pairs_left -= len(clashes)
                for a, b in clashes:
                    self.add(self.pair(a, b, kind, severity, place=place))
        return ConflictReport.of(self.found)

    def _shared(
        self, order: list[int], keys_of: list[list[str] | None], ends: list[datetime | None]
    ) -> list[tuple[int, int, Hashable]]:
        """The overlapping pairs of sessions that share a key, counted against :data:`MAX_PAIRS`."""
        pairs = shared(order, keys_of, self.starts, ends, self.pairs_left)
        self.pairs_left -= len(pairs)
        return pairs

    def _alone(self, index: int, *, attendance: bool) -> None:
        """The checks of a session on its own: its places, or its assumed end."""
        session, span = self.sessions[index], self.span(index)
        home = self.programme.zone_of(session)
        if attendance:
            places = [self.places[p] for p in session.locations]
            for conflict in _single.attendance(session, places, span, home):
                self.add(conflict)
        else:
            programme = self.programme
            bounds = (programme.start_date, programme.end_date)
            extra = set(programme.extra_days)
            self.add(_single.outside_programme(session, span, home, bounds, extra))


def find_conflicts(
    programme: Programme,
    *,
    buffer: timedelta = _ZERO,
    travel: timedelta = _ZERO,
    assumed_duration: timedelta = timedelta(hours=1),
    policy: ComfortPolicy | None = DEFAULT_POLICY,
    organisations: bool = False,
) -> ConflictReport:
    """Every conflict of ``programme``'s schedule, in one immutable report.

    - ``buffer``: the least time between two sessions of one participant
      (0: only overlaps count); ``travel``: more time needed when both are in
      person at two different sites (the outermost places of their rooms).
      Each at most a day.
    - ``assumed_duration``: how long a session published with a start alone
      is taken to last (at most 24 hours); conflicts that depend on it are
      warnings and say so.
    - ``policy``: the comfort policy for uncomfortable hours (``None``: no
      comfort check).
    - ``organisations``: also report an organisation taking part in two
      sessions at once (a warning: an organisation is many people).

    >>> from essprogramme import examples
    >>> report = find_conflicts(examples.load("gsef2021-partenariats"))
    >>> report.has_errors, len(report.warnings)
    (False, 1)
    >>> print(report.warnings[0].message("fr")[:56])
    07:00 à Toronto pour Johanne Lavoie : tôt (« Des partena
    """
    checks = Checks()
    if not isinstance(programme, Programme):
        checks.add(("programme",), "type", f"expected a Programme, got {type_name(programme)}")
    checks.duration(("buffer",), buffer, positive=False, at_most=_DAY)
    checks.duration(("travel",), travel, positive=False, at_most=_DAY)
    checks.duration(("assumed_duration",), assumed_duration, at_most=MAX_JUDGED)
    if policy is not None and not isinstance(policy, ComfortPolicy):
        message = f"expected a ComfortPolicy or None, got {type_name(policy)}"
        checks.add(("policy",), "type", message)
    if type(organisations) is not bool:
        message = f"expected a boolean, got {type_name(organisations)}"
        checks.add(("organisations",), "type", message)
    checks.done()
    with collector_paused():
        try:
            return _Finder(programme, buffer, travel, assumed_duration, policy, organisations).run()
        except TooManyPairs:
            checks.add(
                ("programme",),
                "too_large",
                f"more than {MAX_PAIRS:,} pairs of sessions overlap: "
                "check that the times are filled in",
            )
            checks.done()
            raise  # pragma: no cover - done() has raised
