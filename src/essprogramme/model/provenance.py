"""Where facts come from: sources, inferred fields and curators' notes.

Data comes from many hands (a CRESS, a network, a city). Any programme,
session, speaker, organisation, initiative or location may cite its
``sources``, mark which of its fields were ``inferred`` rather than read
from a source, and carry curators' ``notes`` (an apparent error in a
source, say).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, ClassVar

import attrs

from ..errors import Problem
from ._checks import Model, checked
from ._rules import URL, rule
from .text import LocalizedText

__all__ = ["Inference", "Source", "provenance_problems"]


@checked
@attrs.frozen(kw_only=True)
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
@attrs.frozen(kw_only=True)
class Inference(Model):
    """A field whose value was inferred, not read from a source: why, or from where.

    ``field`` names an attribute of the object that carries this inference.
    """

    field: str = attrs.field(metadata={"format": "field"})
    reason: LocalizedText | None = None
    source: Source | None = None


def provenance_problems(obj: Any) -> Iterator[Problem]:
    """Problems of ``obj.inferred``: each must name a field of ``obj``, once."""
    fields = attrs.fields_dict(type(obj))
    seen: set[str] = set()
    for index, inference in enumerate(obj.inferred):
        name = inference.field
        if name not in fields or name in ("inferred", "sources", "notes") or name.startswith("_"):
            yield rule(
                ("inferred", index, "field"),
                "unknown_field",
                f"{type(obj).__name__} has no field {name!r}",
            )
        elif name in seen:
            yield rule(("inferred", index, "field"), "duplicate", f"{name!r} is already marked")
        seen.add(name)
