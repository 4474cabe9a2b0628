"""The sweep over every speaker's sessions at once, in order of start, with what each participation needs.

The sweep is :func:`._sweep.shared` for speakers: it keeps, per speaker,
the sessions that may still be running (or be too close, with a buffer),
forgets them all when a session starts after every one met has ended,
and finds each pair once. As it reads each participation, it also judges
what that participation needs alone: whether it falls outside the
speaker's availability, and whether the speaker may sit at an
uncomfortable hour (:class:`._uneasy.Uneasy`). Each speaker id is thus
read once, where the sweep reads it anyway: on a large programme, reading
is what costs.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import datetime
from typing import Any, cast

from . import _single
from ._schedule import Schedule
from ._sweep import TooManyPairs
from ._uneasy import Uneasy

__all__ = ["Availability", "Slots", "people"]

#: A speaker's availability, sorted.
Slots = list[tuple[datetime, datetime]]
#: The same, with the starts and the ends apart (for a quick search).
Availability = tuple[list[datetime], list[datetime], Slots]

#: How many speakers the sweep keeps before it forgets those whose sessions have all ended.
_PURGE_AT = 16_384


def people(
    schedule: Schedule,
    order: list[int],
    speakers: list[list[str] | None],
    availability: dict[str, Availability],
    uneasy: Uneasy | None,
    limit: int,
) -> tuple[list[tuple[int, int, str]], list[tuple[str, int, Slots]], list[tuple[str, int]]]:
    """Speakers' pairs of sessions too close, participations outside availability, and uneasy ones.

    ``order``: the sessions with speakers, sorted by start; ``speakers[i]``:
    the live speakers of session ``i`` (one listed twice counts once).
    The pairs ``(a, b, speaker)`` are those whose stretches, extended by the
    schedule's buffer (``reach``), overlap; ``a`` starts first. Beyond
    ``limit`` pairs, :class:`._sweep.TooManyPairs` is raised.
    """
    # Every session in ``order`` has a stretch.
    starts, ends = cast(list[datetime], schedule.starts), cast(list[datetime], schedule.ends)
    reach = cast(list[datetime], schedule.reach)
    judged, by_day = schedule.judged, schedule.by_day
    found: list[tuple[int, int, str]] = []
    unavailable: list[tuple[str, int, Slots]] = []
    uncomfortable: list[tuple[str, int]] = []
    limited = availability.keys() if availability else None  # the speakers with availability
    seen = uneasy.by_stretch if uneasy is not None else None
    # Per speaker, the session still running (most of them) or the list of them.
    active: dict[str, Any] = {}
    remember = active.setdefault
    horizon: datetime | None = None  # the furthest reach of the sessions met so far
    purge_at = _PURGE_AT
    for index in order:
        keys = speakers[index]
        if keys is None:
            continue
        start, end, far = starts[index], ends[index], reach[index]
        if horizon is None or start >= horizon:
            active.clear()  # everything met so far has ended
            horizon = far
        else:
            if far > horizon:
                horizon = far
            if len(active) > purge_at:
                # A long session keeps the sweep from emptying: forget the speakers
                # whose sessions have all ended (they meet no later one).
                for key, running in list(active.items()):
                    for other in [running] if running.__class__ is int else running:
                        if reach[other] > start:
                            break
                    else:
                        del active[key]
                purge_at = max(_PURGE_AT, 2 * len(active))
        # The groups of speakers this session's times may make uneasy, and their members.
        mask, members = 0, None
        if seen is not None and judged[index]:
            stretch = (start, end)
            known = seen.get(stretch)
            mask, members = known if known is not None else uneasy.at(stretch)  # type: ignore[union-attr]
        for key in keys:
            running = remember(key, index)
            if running is index:
                pass  # new (or twice in one session: judged twice, found once)
            elif running.__class__ is int:
                if reach[running] > start:
                    found.append((running, index, key))
                    active[key] = [running, index]
                    if len(found) > limit:
                        raise TooManyPairs(len(found))
                else:
                    active[key] = index
            else:
                if running[-1] == index:
                    continue  # twice in one session, already paired
                running = [other for other in running if reach[other] > start]
                for other in running:
                    found.append((other, index, key))
                running.append(index)
                active[key] = running
                if len(found) > limit:
                    raise TooManyPairs(len(found))
            if mask:
                if members is not None:
                    if key in members:
                        uncomfortable.append((key, index))
                else:
                    bit = uneasy.group_of(key)  # type: ignore[union-attr]
                    if bit is not None and mask >> bit & 1:
                        uncomfortable.append((key, index))
        # Availability, for the few sessions with a speaker who gave theirs.
        if limited is not None and not limited.isdisjoint(keys):
            for key in keys:
                slots = availability.get(key)
                if slots is not None:
                    if by_day[index]:
                        free = _single.available(slots[2], start, end, True)
                    else:
                        position = bisect_right(slots[0], start) - 1
                        free = position >= 0 and slots[1][position] >= end
                    if not free:
                        unavailable.append((key, index, slots[2]))
    return found, unavailable, uncomfortable
