"""The conflicts of two sessions: a person or a place in both at once, or too little time between.

The sweeps (:mod:`._sweep`) find the pairs; :class:`Pairs` turns each one
into a :class:`~.conflicts.Conflict`, or none (a session and its own part
may overlap; a gap long enough is no conflict). Only pairs found are read
here: the work is O(k) for k pairs.
"""

from __future__ import annotations

from datetime import timedelta

from ..model import Speaker
from ._common import speaker_label
from ._schedule import Schedule, in_person
from .conflicts import Conflict, ConflictKind, Severity

__all__ = ["Pairs"]

_ZERO = timedelta(0)


class Pairs(Schedule):
    """A schedule that collects conflicts, each once, and builds those of pairs of sessions."""

    buffer: timedelta
    travel: timedelta
    found: dict[Conflict, None]

    def add(self, conflict: Conflict | None) -> None:
        """Keep ``conflict`` (once), if there is one."""
        if conflict is not None:
            self.found.setdefault(conflict, None)

    def person_pair(self, person: Speaker, a: int, b: int) -> None:
        """A person in sessions ``a`` and ``b``, ``a`` starting first: booked twice, or too close."""
        starts, ends = self.starts, self.ends
        if starts[a] < ends[b] and starts[b] < ends[a]:  # type: ignore[operator]
            self.add(self.pair(a, b, ConflictKind.DOUBLE_BOOKED, Severity.ERROR, person=person))
        elif a != b:
            self.add(self._buffer(person, a, b))

    def pair(
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
        """Two overlapping sessions that share a person, an organisation or a place."""
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
        who = None
        zone = person.time_zone if person is not None else None
        if zone is None:
            zone = self.programme.zone_of(first)
        if person is not None:
            who = speaker_label(person)
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

    def _buffer(self, person: Speaker, a: int, b: int) -> Conflict | None:
        (_, end_a, assumed_a, day_a), (start_b, _, _, day_b) = self.span(a), self.span(b)
        if day_a or day_b:
            return None  # days without hours: no gap to measure
        first, second = self.sessions[a], self.sessions[b]
        if self.related(first, second):
            return None
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
            return None
        return Conflict(
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
