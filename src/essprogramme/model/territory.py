"""Places: ISO 3166 countries and subdivisions, or named custom regions."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import attrs

from ..errors import Problem
from ._checks import Model, checked
from ._formats import MAX_DEPTH
from ._rules import rule
from .text import LocalizedText

__all__ = ["MAX_PYTHON_DEPTH", "Territory"]

#: How deep a programme document holds territories (``$.initiatives[i].territories[j]``
#: is at level 5); a test keeps it equal to what the model's fields say.
PLACE_DEPTH = 5
#: The JSON depth a region built in Python may reach, so that it fits anywhere.
MAX_PYTHON_DEPTH = MAX_DEPTH - PLACE_DEPTH + 1


@checked
@attrs.frozen(kw_only=True, weakref_slot=False)
class Territory(Model):
    """A country or subdivision by ISO 3166 code, or a custom region by name.

    A custom region (la Méditerranée, l'océan Indien) has a name and may list
    its member territories; an ISO territory has a code and, optionally, a
    display name.

    >>> Territory.iso("YT")
    Territory(code='YT', locode=None, within=None, name=None, members=())
    >>> indian_ocean = Territory.region(LocalizedText({"fr": "océan Indien"}),
    ...                                 [Territory.iso(c) for c in ("YT", "TZ", "KE", "KM", "MZ")])
    >>> [m.code for m in indian_ocean.members]
    ['YT', 'TZ', 'KE', 'KM', 'MZ']
    """

    code: str | None = attrs.field(default=None, metadata={"format": "territory"})
    #: UN/LOCODE of a city or place below ISO 3166-2 (``FRBOD``).
    locode: str | None = attrs.field(default=None, metadata={"format": "locode"})
    #: The ISO 3166 code of the territory a named place lies within: the
    #: place is not that territory ("la métropole bordelaise" within FR-33).
    within: str | None = attrs.field(default=None, metadata={"format": "territory"})
    name: LocalizedText | None = None
    members: tuple[Territory, ...] = ()
    # The JSON depth of this territory as a document: set by the rules.
    _depth: int = attrs.field(init=False, default=1, eq=False, hash=False, repr=False)

    _required_one_of: ClassVar[tuple[str, ...]] = ("code", "locode", "name")

    def _rules(self) -> Iterator[Problem]:
        if self.code is not None and self.within is not None:
            yield rule(("within",), "territory_within", "an ISO territory is not within another")
        if (self.code is not None or self.locode is not None) and self.members:
            yield rule(
                ("members",),
                "territory_members",
                "only a custom region (without a code) lists members",
            )
        depth = json_depth(self)
        _set_depth(self, depth)

    def _python_rules(self) -> Iterator[Problem]:
        # Documents are checked level by level as they are read; a region built
        # in Python must fit wherever a programme may hold it.
        if self._depth > MAX_PYTHON_DEPTH:
            yield rule(
                ("members",),
                "depth",
                f"regions nest {self._depth} levels deep; at most {MAX_PYTHON_DEPTH} fit "
                f"in a JSON document of {MAX_DEPTH} levels wherever a programme holds them",
            )

    @classmethod
    def iso(cls, code: str, name: LocalizedText | None = None) -> Territory:
        """The territory with ISO 3166-1 alpha-2 or ISO 3166-2 code ``code``."""
        return cls(code=code, name=name)

    @classmethod
    def region(
        cls, name: LocalizedText, members: tuple[Territory, ...] | list[Territory] = ()
    ) -> Territory:
        """A named custom region made of ``members``."""
        return cls(name=name, members=tuple(members))

    @property
    def country(self) -> str | None:
        """The ISO 3166-1 country code this territory is in, if it has a code."""
        return None if self.code is None else self.code[:2]

    def __str__(self) -> str:
        return str(self.name) if self.name is not None else str(self.code)


_set_depth = Territory._depth.__set__  # type: ignore[attr-defined]


def json_depth(territory: Territory) -> int:
    """How many JSON containers deep the territory's document goes (itself is 1).

    Members were built first and know their own depth: no recursion.
    """
    depth = 2 if territory.name is not None else 1
    for member in territory.members:
        depth = max(depth, 2 + member._depth)
    return depth
