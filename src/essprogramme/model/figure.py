"""Counted figures: "59 participants, 45 SSE actors, 15 countries"."""

from __future__ import annotations

import attrs

from ._checks import model
from ._rules import ID, MAX_SAFE_INTEGER
from .text import LocalizedText

__all__ = ["Figure"]


@model
class Figure:
    """A count of something, with what was counted.

    ``measure`` is a slug that programs group by (``participants``,
    ``countries``); ``label`` is what readers see.

    >>> Figure(measure="participants", count=59, label=LocalizedText({"fr": "participant.e.s"}))
    Figure(measure='participants', count=59, label=LocalizedText({'fr': 'participant.e.s'}))
    """

    measure: str = attrs.field(metadata=ID)
    count: int = attrs.field(metadata={"min": 0, "max": MAX_SAFE_INTEGER})
    label: LocalizedText | None = None
