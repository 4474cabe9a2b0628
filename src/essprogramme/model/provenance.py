"""Where facts come from: sources, inferred fields and curators' notes.

Data comes from many hands (a CRESS, a network, a city). Any programme,
session, speaker, organisation, initiative or location may cite its
``sources``, mark which of its fields were ``inferred`` rather than read
from a source, and carry curators' ``notes`` (an apparent error in a
source, say).
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

import attrs

from ._checks import Model, checked
from ._rules import URL
from .text import LocalizedText

__all__ = ["Inference", "Source"]


@checked
@attrs.frozen(kw_only=True, weakref_slot=False)
class Source(Model):
    """A source: a URL, or a citation of a printed or private document, or both.

    >>> Source(citation=LocalizedText({"fr": "Fiche de l'atelier, GSEF 2021"}),
    ...        retrieved=date(2021, 9, 30)).retrieved
    datetime.date(2021, 9, 30)
    """

    url: str | None = attrs.field(default=None, metadata=URL)
    citation: LocalizedText | None = None
    retrieved: date | None = None
    note: LocalizedText | None = None

    _required_one_of: ClassVar[tuple[str, ...]] = ("url", "citation")


@checked
@attrs.frozen(kw_only=True, weakref_slot=False)
class Inference(Model):
    """A field whose value was inferred, not read from a source: why, or from where.

    ``field`` names an attribute of the object that carries this inference.
    """

    field: str = attrs.field(metadata={"format": "field"})
    reason: LocalizedText | None = None
    source: Source | None = None
