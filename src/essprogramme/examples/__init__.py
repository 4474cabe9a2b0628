"""Example programmes shipped with the library, loadable in one call.

>>> from essprogramme import examples
>>> examples.names()
('gsef2021-partenariats',)
>>> workshop = examples.load("gsef2021-partenariats").sessions[0]
>>> workshop.start.isoformat()
'2021-10-08T11:00:00+00:00'
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from ..codec import from_json
from ..model import Programme

__all__ = ["load", "names", "text"]

_SUFFIX = ".json"


def names() -> tuple[str, ...]:
    """The names of the shipped examples, sorted."""
    return tuple(
        sorted(
            entry.name[: -len(_SUFFIX)]
            for entry in files(__name__).iterdir()
            if entry.name.endswith(_SUFFIX)
        )
    )


def text(name: str) -> str:
    """The JSON text of example ``name`` (what :func:`load` reads)."""
    if name not in names():
        raise LookupError(f"no example named {name!r}; there are: {', '.join(names())}")
    return files(__name__).joinpath(name + _SUFFIX).read_text(encoding="utf-8")


@cache
def load(name: str) -> Programme:
    """The example programme ``name``, validated. Values are immutable, so cached."""
    return from_json(text(name))
