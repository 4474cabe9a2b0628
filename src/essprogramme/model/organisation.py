"""Organisations: the SSE actors, public authorities and networks of a programme."""

from __future__ import annotations

import attrs

from ._checks import model
from ._rules import ID, URL, references
from .figure import Figure
from .territory import Territory
from .text import LocalizedText
from .time import PartialDate
from .vocab import OrganisationKind

__all__ = ["Organisation"]


@model
class Organisation:
    """An organisation that speakers belong to and initiatives involve.

    >>> cress = Organisation(
    ...     id="cress-mayotte",
    ...     name=LocalizedText({"fr": "Chambre régionale de l'économie sociale et solidaire de Mayotte"}),
    ...     acronym="CRESS Mayotte",
    ...     kind=OrganisationKind.NETWORK,
    ...     territory=Territory.iso("YT"),
    ... )
    >>> cress.display_name
    'CRESS Mayotte'
    """

    id: str = attrs.field(metadata=ID)
    name: LocalizedText
    kind: OrganisationKind
    acronym: str | None = None
    territory: Territory | None = None
    url: str | None = attrs.field(default=None, metadata=URL)
    description: LocalizedText | None = None
    founded: PartialDate | None = None
    member_of: tuple[str, ...] = attrs.field(default=(), metadata=references("organisations"))
    figures: tuple[Figure, ...] = ()

    @property
    def display_name(self) -> str:
        """The acronym if there is one, else the name in its original language."""
        return self.acronym if self.acronym is not None else str(self.name)
