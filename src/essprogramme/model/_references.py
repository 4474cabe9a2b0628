"""References between a programme's items, derived from the fields that declare them.

A field declared with ``references("speakers")`` holds the id of a speaker.
Walking the model's fields from :class:`~essprogramme.Programme` finds every
such field and the way to reach it (``sessions[*].moderators[*]``): the
programme's checks, :attr:`Session.speaker_ids` and the documentation all
read this one table, so a new reference field is checked the day it is
declared.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs

from ..errors import Location, Problem
from ._checks import optional_inner
from ._codegen import Source
from ._rules import close_matches

__all__ = ["Reference", "collections_of", "located", "paths_to", "references_of"]

_EACH = "*"


@attrs.frozen
class Reference:
    """A field holding ids of a programme ``collection``, and the attribute path to it.

    ``path`` names attributes, with ``"*"`` for each item of a tuple:
    ``("sessions", "*", "moderators", "*")``.
    """

    path: tuple[str, ...]
    collection: str

    def __str__(self) -> str:
        return ".".join(self.path).replace(".*", "[*]") + f" -> {self.collection}"

    def values(self, root: Any) -> set[str]:
        """Every id this reference holds under ``root``: one generated set comprehension."""
        return _collector(self.path)(root)

    def located(self, root: Any) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """``(location, id)`` for each id this reference holds under ``root``."""
        return located(root, self.path)

    def dangling(self, root: Any, known: Mapping[str, Any]) -> Iterator[Problem]:
        """A problem for each id that is not a key of ``known`` (did you mean...?).

        Only the unknown ids are located, by a generated walk: a document
        with one bad reference costs about what a valid one does.
        """
        unknown = self.values(root) - known.keys()
        if not unknown:
            return
        what = self.collection[:-1]
        for location, value in _locator(self.path)(root, unknown):
            close = close_matches(value, known) if len(known) < 5000 else []
            hint = f"; did you mean {close[0]!r}?" if close else ""
            yield Problem(
                location=location,
                code="unknown_reference",
                message=f"no {what} has the id {value!r}{hint}",
            )


@functools.cache
def _collector(path: tuple[str, ...]) -> Callable[[Any], set[str]]:
    """``lambda root: {x for a in root.sessions for b in a.participants ...}``, for ``path``."""
    src = Source(f"references {'.'.join(path)}")
    loops, current = [], "root"
    for number, step in enumerate(path):
        name = f"x{number}"
        if step == _EACH:
            loops.append(f"for {name} in {current}")
        else:
            loops.append(f"for {name} in ({current}.{step},)")
        # An optional object on the way may be absent.
        loops.append(f"if {name} is not None")
        current = name
    src.line(0, "def collect(root):")
    src.line(1, f"found = {{{current} {' '.join(loops)}}}")
    src.line(1, "found.discard(None)")
    src.line(1, "return found")
    collect: Callable[[Any], set[str]] = src.compile("collect")
    return collect


@functools.cache
def _locator(path: tuple[str, ...]) -> Callable[[Any, set[str]], list[tuple[Location, str]]]:
    """``locate(root, wanted)``: ``(location, id)`` of each id in ``wanted`` along ``path``."""
    src = Source(f"locate {'.'.join(path)}")
    src.line(0, "def locate(root, wanted):")
    src.line(1, "found = []")
    current, location, indent = "root", [], 1
    for number, step in enumerate(path):
        name = f"x{number}"
        if step == _EACH:
            src.line(indent, f"for i{number}, {name} in enumerate({current}):")
            location.append(f"i{number}")
        else:
            src.line(indent, f"{name} = {current}.{step}")
            location.append(repr(step))
        src.line(indent + 1 if step == _EACH else indent, f"if {name} is not None:")
        indent += 2 if step == _EACH else 1
        current = name
    src.line(indent, f"if {current} in wanted:")
    src.line(indent + 1, f"found.append((({', '.join(location)},), {current}))")
    src.line(1, "return found")
    locate: Callable[[Any, set[str]], list[tuple[Location, str]]] = src.compile("locate")
    return locate


def located(root: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """``(location, value)`` for each value found along ``path`` under ``root``."""
    items: list[tuple[tuple[str | int, ...], Any]] = [((), root)]
    for step in path:
        if step == _EACH:
            items = [((*at, i), x) for at, sequence in items for i, x in enumerate(sequence)]
        else:
            items = [((*at, step), getattr(item, step)) for at, item in items]
        items = [(at, item) for at, item in items if item is not None]
    for location, value in items:
        if value is not None:
            yield location, value


def paths_to(cls: type, target: type, path: tuple[str, ...] = ()) -> tuple[tuple[str, ...], ...]:
    """The attribute paths from ``cls`` to fields holding ``target`` (not through it)."""
    found: list[tuple[str, ...]] = []
    for field in attrs.fields(cls):
        nested, many = _classes_in(field.type)
        if nested is None:
            continue
        here = (*path, field.name, _EACH) if many else (*path, field.name)
        if nested is target:
            found.append(here)
        elif nested is not cls:
            found.extend(paths_to(nested, target, here))
    return tuple(found)


def _classes_in(t: Any) -> tuple[type | None, bool]:
    """The model class a field holds (if any), and whether it holds a tuple of them."""
    inner = optional_inner(t)
    if inner is not None:
        t = inner
    if typing.get_origin(t) is tuple:
        item = typing.get_args(t)[0]
        return (item if attrs.has(item) else None), True
    return (t if isinstance(t, type) and attrs.has(t) else None), False


def references_of(
    cls: type, path: tuple[str, ...] = (), seen: frozenset[type] = frozenset()
) -> tuple[Reference, ...]:
    """Every reference field reachable from ``cls``, in declaration order."""
    found: list[Reference] = []
    for field in attrs.fields(cls):
        here = (*path, field.name)
        collection = field.metadata.get("references")
        if collection is not None:
            many = typing.get_origin(field.type) is tuple
            found.append(Reference((*here, _EACH) if many else here, collection))
            continue
        nested, many = _classes_in(field.type)
        if nested is not None and nested not in seen:
            found.extend(references_of(nested, (*here, _EACH) if many else here, seen | {cls}))
    return tuple(found)


def collections_of(cls: type) -> tuple[str, ...]:
    """The fields of ``cls`` holding tuples of items with ids: a programme's collections."""
    names = []
    for field in attrs.fields(cls):
        nested, many = _classes_in(field.type)
        if nested is not None and many and "id" in attrs.fields_dict(nested):
            names.append(field.name)
    return tuple(names)
