"""Who may sit at an uncomfortable hour in a session, without looking up every participant.

Speakers fall into *groups*: one per zone and set of weekend days. Each
group has its uncomfortable stretches over the programme's timed sessions
(:meth:`._schedule.Schedule.bad_stretches`). Merged, they make one step
function of exact time whose value is the set of groups (a bit mask) at an
uncomfortable hour; a session's stretch then meets the groups of the steps
it covers: one look-up per session, shared by the sessions with the same
times. Most sessions meet none, and their participants need no look-up
at all; the others are checked against the members of the groups met.

The verdict is a candidacy, as before: a participation found here is then
judged exactly (:func:`._single.comfort`); one not found here would have
been judged comfortable.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import datetime

from ._schedule import Schedule
from .policy import ComfortPolicy

__all__ = ["Uneasy"]

#: A session's stretch, when its comfort is judged.
Stretch = tuple[datetime, datetime]
#: The uncomfortable stretches of one group (``None``: every stretch is a candidate).
_Table = tuple[list[datetime], list[datetime]] | None
#: The most speakers gathered in one set for one mask, and for all masks: beyond,
#: each participant's group is looked up instead.
_GATHERED = 4096
_BUDGET = 1 << 17


def _meets(stretch: Stretch, table: _Table) -> bool:
    """Whether ``stretch`` meets an uncomfortable stretch of ``table``."""
    if table is None:
        return True
    bad_starts, bad_ends = table
    # The first uncomfortable stretch ending after the start: does it begin before the end?
    position = bisect_right(bad_ends, stretch[0])
    return position < len(bad_ends) and bad_starts[position] < stretch[1]


class Uneasy:
    """The candidates for an uncomfortable hour, by session stretch."""

    def __init__(
        self,
        schedule: Schedule,
        policy: ComfortPolicy,
        groups: dict[tuple[str, frozenset[int]], list[str]],
    ) -> None:
        """``groups``: the ids of the speakers of each zone and set of weekend days."""
        self.members = list(groups.values())
        self.tables: list[_Table] = [
            schedule.bad_stretches(zone, weekend, policy) for zone, weekend in groups
        ]
        # The step function: mask of the groups uncomfortable on [points[i], points[i + 1]).
        self.always = 0  # groups without a table: every stretch is a candidate
        changes: dict[datetime, int] = {}
        for bit, table in enumerate(self.tables):
            if table is None:
                self.always |= 1 << bit
                continue
            for moment in (*table[0], *table[1]):  # within one table, never both at once
                changes[moment] = changes.get(moment, 0) ^ (1 << bit)
        self.points: list[datetime] = []
        self.masks: list[int] = []
        mask = 0
        for moment in sorted(changes):
            mask ^= changes[moment]
            self.points.append(moment)
            self.masks.append(mask)
        #: The answers of :meth:`at`, by stretch.
        self.by_stretch: dict[Stretch, tuple[int, frozenset[str] | None]] = {}
        self._by_mask: dict[int, frozenset[str] | None] = {}
        self._group_of: dict[str, int] | None = None
        self._budget = _BUDGET

    def at(self, stretch: Stretch) -> tuple[int, frozenset[str] | None]:
        """The groups a stretch meets (a mask; 0: none) and, if few enough, their members."""
        found = self.by_stretch.get(stretch)
        if found is None:
            mask = self._mask(stretch)
            found = self.by_stretch[stretch] = (mask, self._gathered(mask) if mask else None)
        return found

    def _mask(self, stretch: Stretch) -> int:
        start, end = stretch
        if not start < end:  # an empty stretch: group by group, as a table reads it
            return sum(1 << bit for bit, table in enumerate(self.tables) if _meets(stretch, table))
        points, masks = self.points, self.masks
        position = bisect_right(points, start) - 1
        mask = masks[position] if position >= 0 else 0
        position += 1
        while position < len(points) and points[position] < end:
            mask |= masks[position]
            position += 1
        return mask | self.always

    def _gathered(self, mask: int) -> frozenset[str] | None:
        if mask in self._by_mask:
            return self._by_mask[mask]
        bits = [bit for bit in range(mask.bit_length()) if mask >> bit & 1]
        found = None
        size = sum(len(self.members[bit]) for bit in bits)
        if size <= min(_GATHERED, self._budget):
            self._budget -= size
            found = frozenset(ident for bit in bits for ident in self.members[bit])
        self._by_mask[mask] = found
        return found

    def group_of(self, speaker: str) -> int | None:
        """The group (bit) of a speaker with a zone."""
        if self._group_of is None:
            self._group_of = {
                ident: bit for bit, idents in enumerate(self.members) for ident in idents
            }
        return self._group_of.get(speaker)
