"""The sweep: every overlapping pair among stretches sorted by start, in O(n + k) after the sort.

Half-open stretches: one that ends when another starts does not overlap it.
The sweep keeps the stretches still running (``active``) and how far the
longest of them reaches: a stretch that starts beyond that reach (most of
them, in a real programme) empties the active set at once; otherwise the
ones that have ended are dropped and each one still running makes a pair.
Each stretch is dropped once and each pair found once: O(n + k).

:func:`shared` runs that sweep for every key (an organisation, say) at
once, in one pass over the stretches in order of start. It keeps only the
keys whose stretches may still be running: it forgets them all when a
stretch starts after every one met so far has ended (between the slots of
a day, in a real programme), and those that have ended when they grow too
many. Its memory stays small, and in the processor's caches, however long
the programme. :func:`._people.people` is the same sweep for speakers, with
what each participation needs on the way.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

__all__ = ["TooManyPairs", "overlapping", "shared"]

#: How many keys :func:`shared` keeps before it forgets those whose sessions have all ended.
_PURGE_AT = 16_384


class TooManyPairs(Exception):
    """More overlapping pairs than the caller's limit: the sweep stops rather than fill memory."""


def overlapping(
    order: Sequence[int], starts: Sequence[Any], ends: Sequence[Any], limit: int | None = None
) -> list[tuple[int, int]]:
    """Pairs ``(a, b)`` of indexes whose stretches ``[starts[i], ends[i])`` overlap.

    ``order`` lists the indexes to compare, sorted by start; in each pair
    ``a`` comes before ``b`` in ``order``. An index listed twice pairs with
    itself. Beyond ``limit`` pairs, :class:`TooManyPairs` is raised.

    >>> starts, ends = [0, 5, 6, 10], [10, 6, 8, 12]
    >>> overlapping([0, 1, 2, 3], starts, ends)
    [(0, 1), (0, 2)]
    """
    found: list[tuple[int, int]] = []
    if len(order) < 2:
        return found
    active: list[int] = []
    reach = None
    for index in order:
        start = starts[index]
        if reach is None or start >= reach:
            active = [index]
            reach = ends[index]
            continue
        active = [other for other in active if ends[other] > start]
        for other in active:
            found.append((other, index))
        if limit is not None and len(found) > limit:
            raise TooManyPairs(len(found))
        active.append(index)
        if ends[index] > reach:
            reach = ends[index]
    return found


def shared(
    order: Sequence[int],
    keys_of: Sequence[Sequence[Hashable] | None],
    starts: Sequence[Any],
    ends: Sequence[Any],
    limit: int | None = None,
) -> list[tuple[int, int, Hashable]]:
    """Pairs ``(a, b, key)``: stretches that overlap and share a key (a person, a place).

    ``keys_of[i]`` holds the keys of index ``i`` (``None``: none). For each
    key, the pairs are those :func:`overlapping` finds among the indexes
    holding it, listed in ``order`` (sorted by start): ``a`` before ``b``;
    a key listed twice by one index pairs it with itself. Beyond ``limit``
    pairs, :class:`TooManyPairs` is raised.

    >>> starts, ends = [0, 5, 6, 10], [10, 6, 8, 12]
    >>> shared([0, 1, 2, 3], [["ana", "salle"], ["ana"], ["salle"], ["ana"]], starts, ends)
    [(0, 1, 'ana'), (0, 2, 'salle')]
    """
    found: list[tuple[int, int, Hashable]] = []
    # Per key, the index still running (most keys) or the list of them.
    active: dict[Hashable, Any] = {}
    reach = None  # the furthest end of the stretches met so far
    purge_at = _PURGE_AT
    for index in order:
        keys = keys_of[index]
        if keys is None:
            continue
        start = starts[index]
        end = ends[index]
        if reach is None or start >= reach:
            active.clear()  # everything met so far has ended
            reach = end
        elif end > reach:
            reach = end
        for key in keys:
            running = active.get(key)
            if running is None:
                active[key] = index
            elif running.__class__ is int:
                if ends[running] > start:
                    found.append((running, index, key))
                    active[key] = [running, index]
                else:
                    active[key] = index
            else:
                running = [other for other in running if ends[other] > start]
                for other in running:
                    found.append((other, index, key))
                running.append(index)
                active[key] = running
        if limit is not None and len(found) > limit:
            raise TooManyPairs(len(found))
        if len(active) > purge_at:
            # A long stretch keeps the sweep from emptying: forget the keys whose
            # stretches have all ended (they meet no later one).
            for key, running in list(active.items()):
                for other in [running] if running.__class__ is int else running:
                    if ends[other] > start:
                        break
                else:
                    del active[key]
            purge_at = max(_PURGE_AT, 2 * len(active))
    return found
