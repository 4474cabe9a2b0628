"""Counted figures: "59 participants, 45 SSE actors, 15 countries"."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from ..errors import Problem
from ._checks import Model, checked
from ._rules import ID, MAX_SAFE_INTEGER, rule
from .text import LocalizedText

__all__ = ["Figure", "figure_problems"]


@checked
@attrs.frozen(kw_only=True, weakref_slot=False)
class Figure(Model):
    """A count of something, with what was counted.

    ``measure`` is a slug that programs group by (``participants``,
    ``countries``); ``label`` is what readers see.

    >>> Figure(measure="participants", count=59, label=LocalizedText({"fr": "participant.e.s"}))
    Figure(measure='participants', count=59, label=LocalizedText({'fr': 'participant.e.s'}), counts=None, part_of=None)
    """

    measure: str = attrs.field(metadata=ID)
    count: int = attrs.field(metadata={"min": 0, "max": MAX_SAFE_INTEGER})
    label: LocalizedText | None = None
    #: What is counted, in words, when ``measure`` does not say it
    #: ("pays et îles du monde": not only countries).
    counts: LocalizedText | None = None
    #: The ``measure`` of the figure this one is part of, in the same list
    #: ("59 participants, dont 45 acteurs").
    part_of: str | None = attrs.field(default=None, metadata=ID)


def figure_problems(figures: tuple[Figure, ...]) -> Iterator[Problem]:
    """Problems of a list of figures: each ``part_of`` names another one, not exceeded."""
    by_measure = {figure.measure: figure for figure in figures}
    for index, figure in enumerate(figures):
        if figure.part_of is None:
            continue
        whole = by_measure.get(figure.part_of)
        if whole is None or whole is figure:
            yield rule(
                ("figures", index, "part_of"),
                "unknown_reference",
                f"no other figure in this list counts {figure.part_of!r}",
            )
        elif figure.count > whole.count:
            yield rule(
                ("figures", index, "count"),
                "range",
                f"a part ({figure.count}) exceeds its whole ({whole.count} {whole.measure})",
            )
