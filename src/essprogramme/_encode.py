"""Generated unstructure functions: model objects to plain JSON data.

One function per model class, generated from its fields on first use. Two
modes: ``json`` output goes straight to orjson, which writes instants,
enums and tuples itself and may share the model's immutable internals;
``dict`` output is fresh plain data for users (:func:`~essprogramme.to_dict`).
Attributes left at their default are omitted; sets are sorted.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs

from .model import LocalizedText, PartialDate
from .model._checks import optional_inner
from .model._codegen import Source
from .model._rules import iso_instant

__all__ = ["unstructure_function"]

_Fn = Callable[[Any], Any]
_FUNCTIONS: dict[tuple[type, bool], _Fn] = {}
_BUILDING: set[tuple[type, bool]] = set()


class _Ref:
    """A class's function, looked up on first call (a region holds regions)."""

    __slots__ = ("cls", "fn", "json")

    def __init__(self, cls: type, json: bool) -> None:
        self.cls, self.json = cls, json
        self.fn: _Fn | None = None

    def __call__(self, value: Any) -> Any:
        fn = self.fn
        if fn is None:
            fn = self.fn = unstructure_function(self.cls, json=self.json)
        return fn(value)


def _plain(t: Any, src: Source, expr: str, json: bool) -> str:
    """An expression giving the JSON form of ``expr``, of type ``t``."""
    inner = optional_inner(t)
    if inner is not None:
        return _plain(inner, src, expr, json)  # None is the default: omitted
    if t is str or t is int or t is bool or t is float:
        return expr
    if t is Decimal:
        return f"str({expr})"
    origin = typing.get_origin(t)
    if origin is tuple:
        item = _plain(typing.get_args(t)[0], src, "x", json)
        if item == "x":
            return expr if json else f"list({expr})"
        return f"[{item} for x in {expr}]"
    if origin is frozenset:
        item = _plain(typing.get_args(t)[0], src, "x", json)
        return f"sorted({expr})" if item == "x" else f"sorted([{item} for x in {expr}])"
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return expr if json else f"{expr}.value"
    if t is datetime:
        return expr if json else f"{src.bind('iso_instant', iso_instant)}({expr})"
    if t is date:
        return expr if json else f"{expr}.isoformat()"
    if t is PartialDate:
        return f"str({expr})"
    if t is LocalizedText:
        return f"{expr}._texts" if json else f"dict({expr}._texts)"
    if attrs.has(t):
        # A class being generated (a region's members) is called through a
        # reference resolved later; any other through its function itself.
        fn = _Ref(t, json) if (t, json) in _BUILDING else unstructure_function(t, json=json)
        return f"{src.bind(f'unstructure_{t.__name__}', fn)}({expr})"
    raise TypeError(f"no JSON form for {t!r}")  # pragma: no cover - a model bug


def unstructure_function(cls: type, *, json: bool) -> _Fn:
    """The unstructure function of model class ``cls`` (``json``: for orjson)."""
    key = (cls, json)
    fn = _FUNCTIONS.get(key)
    if fn is None:
        _BUILDING.add(key)
        try:
            fn = _FUNCTIONS[key] = _generate(cls, json)
        finally:
            _BUILDING.discard(key)
    return fn


def _generate(cls: type, json: bool) -> _Fn:
    src = Source(f"unstructure {'json' if json else 'dict'} {cls.__qualname__}")
    fields = [f for f in attrs.fields(cls) if f.init]
    required = [f for f in fields if f.default is attrs.NOTHING]
    optional = [f for f in fields if f.default is not attrs.NOTHING]
    src.line(0, "def unstructure(o):")
    src.line(1, "d = {")
    for field in required:
        src.line(2, f"{field.name!r}: {_plain(field.type, src, 'o.' + field.name, json)},")
    src.line(1, "}")
    for field in optional:
        src.line(1, f"v = o.{field.name}")
        if field.default is None:
            src.line(1, "if v is not None:")
        elif field.default in ((), frozenset()):
            src.line(1, "if v:")
        elif isinstance(field.default, enum.Enum):
            src.line(1, f"if v is not {src.bind(f'default_{field.name}', field.default)}:")
        else:  # pragma: no cover - a model bug
            raise TypeError(f"{cls.__name__}.{field.name}: defaults are None, empty or a member")
        src.line(2, f"d[{field.name!r}] = {_plain(field.type, src, 'v', json)}")
    src.line(1, "return d")
    fn: _Fn = src.compile("unstructure")
    return fn
