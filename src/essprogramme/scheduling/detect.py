"""Finding a programme's conflicts: one sweep per person and per place, never pairwise.

Sessions get their stretches of exact time (:mod:`._schedule`), sorted by
start once. Each participant's and each place's stretches then come in
order, and a sweep finds every overlapping pair in O(n + k): O(n log n + k)
in all. Comfort is a look-up in each zone's uncomfortable stretches, found
once per zone and set of weekend days.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import datetime, timedelta

from ..model import Programme, Speaker
from ..model._rules import type_name
from ..model.vocab import Delivery, SessionStatus
from . import _single
from ._common import Checks, clamp_add, collector_paused, midnight, speaker_label
from ._schedule import CHANNEL, PHYSICAL, Schedule, in_person, occupancy
from ._sweep import TooManyPairs, overlapping
from ._timeline import Clocks
from .comfort import MAX_JUDGED
from .conflicts import Conflict, ConflictKind, ConflictReport, Severity
from .policy import DEFAULT_POLICY, ComfortPolicy

__all__ = ["MAX_PAIRS", "find_conflicts"]

#: The most pairs of overlapping (or too close) sessions one check examines: a
#: schedule with more (ten thousand sessions in one room at once) is refused
#: with a ``too_large`` problem rather than exhausting memory.
MAX_PAIRS = 500_000

_ZERO = timedelta(0)
_DAY = timedelta(days=1)

#: The uncomfortable stretches of one zone (``None``: too long a programme for
#: one table), and the verdict already given for each stretch of a session.
_Table = tuple[list[datetime], list[datetime]]
_Verdicts = tuple[dict[tuple[datetime, datetime], bool], _Table | None]


def _uncomfortable(stretch: tuple[datetime, datetime], table: _Table | None) -> bool:
    """Whether ``stretch`` meets an uncomfortable stretch (without a table: judge it in full)."""
    if table is None:
        return True
    bad_starts, bad_ends = table
    # The first uncomfortable stretch ending after the start: does it begin before the end?
    position = bisect_right(bad_ends, stretch[0])
    return position < len(bad_ends) and bad_starts[position] < stretch[1]


class _Finder(Schedule):
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
        super().__init__(programme, assumed, buffer + travel)
        self.buffer, self.travel = buffer, travel
        self.organisations = organisations
        self.policy = policy
        self.clocks = Clocks(policy) if policy is not None else None
        self.found: dict[Conflict, None] = {}
        self.pairs_left = MAX_PAIRS
        self._by_zone: dict[tuple[str, frozenset[int]], _Verdicts] = {}

    def _add(self, conflict: Conflict | None) -> None:
        if conflict is not None:
            self.found.setdefault(conflict, None)

    def run(self) -> ConflictReport:
        starts, ends, judged = self.starts, self.ends, self.judged
        # Sessions are read in programme order (memory order: faster on large
        # programmes); each bucket is then sorted by the session's rank by start.
        order = sorted((i for i, s in enumerate(starts) if s is not None), key=starts.__getitem__)  # type: ignore[arg-type]
        rank = [0] * len(starts)
        for position, index in enumerate(order):
            rank[index] = position
        use = {place.id: occupancy(place) for place in self.places.values()}
        # A speaker's sessions, and the comfort verdicts of their zone (shared by zone).
        people: dict[str, tuple[list[int], _Verdicts | None]] = {}
        uneasy: list[tuple[str, int]] = []
        groups: dict[str, list[int]] = {}
        rooms: dict[str, list[int]] = {}
        recorded, moved_online = Delivery.RECORDED, SessionStatus.MOVED_ONLINE
        # Within these instants, a stretch is on the programme's days in every zone
        # (from UTC-12 to UTC+14): no need to read its local days.
        safe = (
            midnight(self.programme.start_date, "Etc/GMT+12"),
            clamp_add(midnight(self.programme.end_date, "Etc/GMT-14"), _DAY),
        )
        stretch: tuple[datetime, datetime] | None
        for index, session in enumerate(self.sessions):
            start = starts[index]
            if start is None:
                continue
            stretch = (start, ends[index]) if judged[index] else None  # type: ignore[assignment]
            for participant in session.participants:
                if participant.delivery is recorded:
                    continue  # a recorded contribution needs nobody there
                speaker = participant.speaker
                if speaker is None:
                    if self.organisations and participant.organisation is not None:
                        groups.setdefault(participant.organisation, []).append(index)
                    continue
                entry = people.get(speaker)
                if entry is None:
                    entry = people[speaker] = ([index], self._verdicts(speaker))
                elif entry[0][-1] != index:
                    entry[0].append(index)
                else:
                    continue  # twice in one session (moderator and speaker)
                verdicts = entry[1]
                if stretch is not None and verdicts is not None:
                    bad = verdicts[0].get(stretch)
                    if bad is None:
                        bad = verdicts[0][stretch] = _uncomfortable(stretch, verdicts[1])
                    if bad:
                        uneasy.append((speaker, index))
            if session.locations:
                moved = session.status is moved_online
                for place in session.locations:
                    kind = use[place]
                    if kind == CHANNEL or (kind == PHYSICAL and not moved):
                        bucket = rooms.get(place)
                        if bucket is None:
                            rooms[place] = [index]
                        else:
                            bucket.append(index)
                if session.attendance_mode is not None or moved:
                    self._alone(index, attendance=True)
            if self.assumed_of[index] is not None and not (
                safe[0] <= start and ends[index] <= safe[1]  # type: ignore[operator]
            ):
                self._alone(index, attendance=False)
        by_rank = rank.__getitem__
        for speaker, (indexes, _) in people.items():
            if len(indexes) > 1:
                indexes.sort(key=by_rank)
            self._person(self.speakers[speaker], indexes)
        if self.clocks is not None:
            for speaker, index in uneasy:
                person, session = self.speakers[speaker], self.sessions[index]
                self._add(_single.comfort(person, session, self.span(index), self.clocks))
        for organisation, indexes in groups.items():
            indexes.sort(key=by_rank)
            self._clashes(indexes, ConflictKind.DOUBLE_BOOKED, organisation=organisation)
        for place, indexes in rooms.items():
            indexes.sort(key=by_rank)
            self._clashes(indexes, ConflictKind.LOCATION_CLASH, place=place)
        return ConflictReport.of(self.found)

    def _verdicts(self, speaker: str) -> _Verdicts | None:
        """The comfort verdicts of a speaker's zone and weekend (``None``: nothing to judge)."""
        person = self.speakers[speaker]
        if self.clocks is None or person.time_zone is None:
            return None
        policy = self.clocks.policy
        key = (person.time_zone, policy.weekend_of(speaker))
        found = self._by_zone.get(key)
        if found is None:
            table = self.bad_stretches(key[0], key[1], policy)
            found = self._by_zone[key] = ({}, table)
        return found

    def _alone(self, index: int, *, attendance: bool) -> None:
        """The checks of a session on its own: its places, or its assumed end."""
        session, span = self.sessions[index], self.span(index)
        home = self.programme.zone_of(session)
        if attendance:
            places = [self.places[p] for p in session.locations]
            for conflict in _single.attendance(session, places, span, home):
                self._add(conflict)
        else:
            programme = self.programme
            bounds = (programme.start_date, programme.end_date)
            extra = set(programme.extra_days)
            self._add(_single.outside_programme(session, span, home, bounds, extra))

    # Pairs ---------------------------------------------------------------------

    def _clashes(
        self,
        indexes: list[int],
        kind: ConflictKind,
        *,
        organisation: str | None = None,
        place: str | None = None,
    ) -> None:
        severity = Severity.WARNING if organisation is not None else Severity.ERROR
        for a, b in self._overlapping(indexes, self.ends):
            self._add(self._pair(a, b, kind, severity, organisation=organisation, place=place))

    def _overlapping(
        self, indexes: list[int], ends: list[datetime | None]
    ) -> list[tuple[int, int]]:
        """The overlapping pairs among ``indexes``, counted against :data:`MAX_PAIRS`."""
        if len(indexes) < 2:
            return []
        pairs = overlapping(indexes, self.starts, ends, self.pairs_left)
        self.pairs_left -= len(pairs)
        return pairs

    def _pair(
        self,
        a: int,
        b: int,
        kind: ConflictKind,
        severity: Severity,
        *,
        person: Speaker | None = None,
        organisation: str | None = None,
        place: str | None = None,
    ) -> Conflict | None:
        first, second = self.sessions[a], self.sessions[b]
        if a == b or self.related(first, second):
            return None
        one, two = self.span(a), self.span(b)
        if (two[0], second.id) < (one[0], first.id):
            first, second, one, two = second, first, two, one
        (start_a, end_a, assumed_a, day_a), (start_b, end_b, assumed_b, day_b) = one, two
        # Certain if the later one starts while the earlier is known to be running.
        certain = start_b == start_a or (assumed_a is None and start_b < end_a)
        assumed = None if certain else (assumed_a or assumed_b)
        day_level = day_a or day_b
        if day_level or assumed is not None:
            severity = Severity.WARNING
        zone = self.programme.zone_of(first)
        who = None
        if person is not None:
            who, zone = speaker_label(person), person.time_zone or zone
        elif organisation is not None:
            who = self.programme.organisation(organisation).name
        return Conflict(
            kind=kind,
            severity=severity,
            sessions=(first.id, second.id),
            titles=(first.title, second.title),
            participant=person.id if person is not None else organisation,
            who=who,
            location=place,
            place=None if place is None else self.places[place].name,
            start=start_b,
            end=min(end_a, end_b),
            zone=zone,
            assumed=assumed,
            day_level=day_level,
        )

    # One person's sessions ----------------------------------------------------

    def _person(self, person: Speaker, indexes: list[int]) -> None:
        starts, ends = self.starts, self.ends
        for a, b in self._overlapping(indexes, self.reach):
            if starts[a] < ends[b] and starts[b] < ends[a]:  # type: ignore[operator]
                kind = ConflictKind.DOUBLE_BOOKED
                self._add(self._pair(a, b, kind, Severity.ERROR, person=person))
            elif a != b:
                self._buffer(person, a, b)
        if person.availability:
            slots = sorted((slot.start, slot.end) for slot in person.availability)
            home = self.programme.zone_of
            for index in indexes:
                session = self.sessions[index]
                span = self.span(index)
                self._add(_single.availability(person, session, span, slots, home(session)))

    def _buffer(self, person: Speaker, a: int, b: int) -> None:
        (_, end_a, assumed_a, day_a), (start_b, _, _, day_b) = self.span(a), self.span(b)
        if day_a or day_b:
            return  # days without hours: no gap to measure
        first, second = self.sessions[a], self.sessions[b]
        if self.related(first, second):
            return
        sites_a, sites_b = self.sites_of(first), self.sites_of(second)
        travel = (
            self.travel > _ZERO
            and in_person(first, person.id)
            and in_person(second, person.id)
            and bool(sites_a)
            and bool(sites_b)
            and not sites_a & sites_b
        )
        needed = self.buffer + (self.travel if travel else _ZERO)
        gap = start_b - end_a
        if gap >= needed:
            return
        self._add(
            Conflict(
                kind=ConflictKind.BUFFER,
                severity=Severity.WARNING,
                sessions=(first.id, second.id),
                titles=(first.title, second.title),
                participant=person.id,
                who=speaker_label(person),
                start=end_a,
                end=start_b,
                zone=person.time_zone or self.programme.zone_of(first),
                assumed=assumed_a,
                gap=gap,
                needed=needed,
                travel=travel,
            )
        )


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
