"""Example programmes shipped with the library, loadable in one call.

>>> from essprogramme import examples
>>> examples.names()
('gsef2021-partenariats',)
>>> workshop = examples.load("gsef2021-partenariats").sessions[0]
>>> workshop.start.isoformat()
'2021-10-08T11:00:00+00:00'
"""

from __future__ import annotations

import os
from functools import cache

from ..codec import from_json
from ..model import Programme

__all__ = ["load", "names", "text"]

_SUFFIX = ".json"
# Examples are files beside this module (importlib.resources costs 10 ms to import).
_HERE = os.path.dirname(__file__)


def names() -> tuple[str, ...]:
    """The names of the shipped examples, sorted."""
    return tuple(
        sorted(name[: -len(_SUFFIX)] for name in os.listdir(_HERE) if name.endswith(_SUFFIX))
    )


def text(name: str) -> str:
    """The JSON text of example ``name`` (what :func:`load` reads)."""
    if name not in names():
        raise LookupError(f"no example named {name!r}; there are: {', '.join(names())}")
    with open(os.path.join(_HERE, name + _SUFFIX), encoding="utf-8") as file:
        return file.read()


@cache
def load(name: str) -> Programme:
    """The example programme ``name``, validated. Values are immutable, so cached."""
    return from_json(text(name))
