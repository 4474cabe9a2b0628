"""The sweep: every overlapping pair among stretches sorted by start, in O(n + k) after the sort.

Half-open stretches: one that ends when another starts does not overlap it.
The sweep keeps the stretches still running (``active``) and how far the
longest of them reaches: a stretch that starts beyond that reach (most of
them, in a real programme) empties the active set at once; otherwise the
ones that have ended are dropped and each one still running makes a pair.
Each stretch is dropped once and each pair found once: O(n + k).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["TooManyPairs", "overlapping"]


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
