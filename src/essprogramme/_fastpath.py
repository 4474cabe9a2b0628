"""Generated structure and unstructure functions for valid data, the hot path.

For each model class one function is generated from its attrs fields, the
way cattrs generates its own, but leaner: JSON values that the model keeps
as they are (strings, integers) are handed straight to the constructor,
whose generated checks (``model/_checks.py``) validate them; only values
that change representation are converted here (instants, dates, enums,
arrays, nested objects). Any failure raises, and the caller then reruns the
detailed cattrs converter to name every problem: this module never decides
what is valid, it only gets valid data through quickly.

Unstructuring has two modes: ``json`` output is handed to orjson, which
writes instants, dates, enums and tuples itself and may share the model's
immutable internals; ``dict`` output is fresh plain JSON data for users.
"""

from __future__ import annotations

import enum
import linecache
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import attrs

from .model import LocalizedText, PartialDate
from .model._checks import decoded_checker

__all__ = ["FastFunctions"]

_Fn = Callable[[Any], Any]


class _Invalid(Exception):
    """Raised by the fast path on anything unexpected; never reaches users."""


def _exec(source: str, filename: str, names: dict[str, Any]) -> None:
    """Run generated source, keeping it for tracebacks and debuggers."""
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), names)


def _list(value: Any) -> list[Any]:
    if type(value) is not list:
        raise _Invalid
    return value


def _array(value: Any) -> tuple[Any, ...]:
    if type(value) is not list:
        raise _Invalid
    return tuple(value)


def _set(value: Any) -> frozenset[Any]:
    if type(value) is not list:
        raise _Invalid
    result = frozenset(value)
    if len(result) != len(value):
        raise _Invalid
    return result


def _set_list(values: frozenset[Any]) -> list[Any]:
    return sorted(values)


def _iso_instant(value: datetime) -> str:
    return value.isoformat()[:-6] + "Z"


def _is_optional(t: Any) -> Any:
    if typing.get_origin(t) in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(t) if a is not type(None)]
        return args[0]
    return None


class FastFunctions:
    """The generated functions for every model class, made on first use."""

    def __init__(self, structure_leaf: dict[type, _Fn]) -> None:
        # How to structure a leaf type that changes representation.
        self._leaf = structure_leaf
        self.structure: dict[type, _Fn] = {}
        self.unstructure_json: dict[type, _Fn] = {}
        self.unstructure_dict: dict[type, _Fn] = {}
        # Classes whose functions are being generated: only a recursive
        # reference (a region's member territories) needs a lazy call.
        self._building: set[tuple[type, str]] = set()

    # Structuring ------------------------------------------------------

    def structure_fn(self, cls: type) -> _Fn:
        """The fast structure function for model class ``cls``."""
        fn = self.structure.get(cls)
        if fn is None:
            fn = self._make_structure(cls)
        return fn

    def _convert(self, t: Any, names: dict[str, Any], expr: str) -> str | None:
        """An expression converting JSON ``expr`` to type ``t``; None if unchanged."""
        if t is str or t is int:
            return None
        inner = _is_optional(t)
        if inner is not None:
            converted = self._convert(inner, names, "x")
            if converted is None:
                return None
            key = self._bind(names, eval(f"lambda x: None if x is None else {converted}", names))
            return f"{key}({expr})"
        origin = typing.get_origin(t)
        if origin in (tuple, frozenset):
            (item,) = typing.get_args(t)[:1]
            base = "_array" if origin is tuple else "_set"
            converted = self._convert(item, names, "x")
            if converted is None:
                return f"{base}({expr})"
            maker = "tuple" if origin is tuple else "_set"
            return f"{maker}([{converted} for x in _list({expr})])"
        if isinstance(t, type) and issubclass(t, enum.Enum):
            members = {m.value: m for m in t}
            key = self._bind(names, members)
            return f"{key}[{expr}]"
        if t in self._leaf:
            key = self._bind(names, self._leaf[t])
            return f"{key}({expr})"
        if attrs.has(t):
            key = self._bind(names, self._lazy_structure(t))
            return f"{key}({expr})"
        raise TypeError(f"no fast structure for {t!r}")  # pragma: no cover - a model bug

    def _lazy_structure(self, cls: type) -> _Fn:
        if (cls, "structure") not in self._building:
            return self.structure_fn(cls)
        cell: list[_Fn] = []

        def call(value: Any) -> Any:
            if not cell:
                cell.append(self.structure_fn(cls))
            return cell[0](value)

        return call

    @staticmethod
    def _bind(names: dict[str, Any], value: Any) -> str:
        key = f"_n{len(names)}"
        names[key] = value
        return key

    def _make_structure(self, cls: type) -> _Fn:
        self._building.add((cls, "structure"))
        try:
            return self._generate_structure(cls)
        finally:
            self._building.discard((cls, "structure"))

    def _generate_structure(self, cls: type) -> _Fn:
        attrs.resolve_types(cls)
        names: dict[str, Any] = {
            "_Invalid": _Invalid,
            "_array": _array,
            "_set": _set,
            "_MISSING": attrs.NOTHING,
            "_list": _list,
        }
        fields = [f for f in attrs.fields(cls) if f.init]
        names["_known"] = frozenset(f.name for f in fields)
        names["_cls"] = cls
        lines = [
            "def structure(o):",
            "    if type(o) is not dict or not _known.issuperset(o):",
            "        raise _Invalid",
        ]
        for field in fields:
            local = f"x_{field.name}"
            if field.default is attrs.NOTHING:
                value = f"o[{field.name!r}]"
                converted = self._convert(field.type, names, value)
                lines.append(f"    {local} = {value if converted is None else converted}")
                continue
            default = self._bind(names, field.default)
            converted = self._convert(field.type, names, "v")
            if converted is None:
                lines.append(f"    {local} = o.get({field.name!r}, {default})")
            else:
                lines.append(f"    v = o.get({field.name!r}, _MISSING)")
                lines.append(f"    {local} = {default} if v is _MISSING else {converted}")
        # Build the object as attrs' __init__ would, without the call, then
        # run the checks the conversions above did not already make.
        lines.append("    obj = _new(_cls)")
        for field in attrs.fields(cls):
            setter = self._bind(names, getattr(cls, field.name).__set__)
            if field.init:
                lines.append(f"    {setter}(obj, x_{field.name})")
            else:
                factory = self._bind(names, field.default.factory)
                lines.append(f"    {setter}(obj, {factory}())")
        names["_new"] = object.__new__
        names["_check"] = decoded_checker(cls)
        lines.append("    _check(obj)")
        lines.append("    return obj")
        _exec("\n".join(lines), f"<essprogramme fast structure {cls.__qualname__}>", names)
        fn: _Fn = names["structure"]
        self.structure[cls] = fn
        return fn

    # Unstructuring ----------------------------------------------------

    def unstructure_fn(self, cls: type, json_mode: bool) -> _Fn:
        """The unstructure function for ``cls``: orjson-ready or plain data."""
        table = self.unstructure_json if json_mode else self.unstructure_dict
        fn = table.get(cls)
        if fn is None:
            fn = self._make_unstructure(cls, json_mode)
            table[cls] = fn
        return fn

    def _plain(self, t: Any, names: dict[str, Any], expr: str, json_mode: bool) -> str:
        inner = _is_optional(t)
        if inner is not None:
            return self._plain(inner, names, expr, json_mode)  # None is the default: omitted
        if t is str or t is int:
            return expr
        origin = typing.get_origin(t)
        if origin is tuple:
            (item,) = typing.get_args(t)[:1]
            converted = self._plain(item, names, "x", json_mode)
            if converted == "x":
                return expr if json_mode else f"list({expr})"
            return f"[{converted} for x in {expr}]"
        if origin is frozenset:
            (item,) = typing.get_args(t)[:1]
            converted = self._plain(item, names, "x", json_mode)
            return f"_sorted([{converted} for x in {expr}])"
        if isinstance(t, type) and issubclass(t, enum.Enum):
            return expr if json_mode else f"{expr}.value"
        if t is datetime:
            return expr if json_mode else f"_iso({expr})"
        if t is date:
            return expr if json_mode else f"{expr}.isoformat()"
        if t is PartialDate:
            return f"str({expr})"
        if t is LocalizedText:
            return f"{expr}._texts" if json_mode else f"dict({expr}._texts)"
        if attrs.has(t):
            key = self._bind(names, self._lazy_unstructure(t, json_mode))
            return f"{key}({expr})"
        raise TypeError(f"no fast unstructure for {t!r}")  # pragma: no cover - a model bug

    def _lazy_unstructure(self, cls: type, json_mode: bool) -> _Fn:
        if (cls, str(json_mode)) not in self._building:
            return self.unstructure_fn(cls, json_mode)
        cell: list[_Fn] = []

        def call(value: Any) -> Any:
            if not cell:
                cell.append(self.unstructure_fn(cls, json_mode))
            return cell[0](value)

        return call

    def _make_unstructure(self, cls: type, json_mode: bool) -> _Fn:
        self._building.add((cls, str(json_mode)))
        try:
            return self._generate_unstructure(cls, json_mode)
        finally:
            self._building.discard((cls, str(json_mode)))

    def _generate_unstructure(self, cls: type, json_mode: bool) -> _Fn:
        attrs.resolve_types(cls)
        names: dict[str, Any] = {"_sorted": _set_list, "_iso": _iso_instant}
        fields = [f for f in attrs.fields(cls) if f.init]
        required = [f for f in fields if f.default is attrs.NOTHING]
        optional = [f for f in fields if f.default is not attrs.NOTHING]
        lines = ["def unstructure(o):", "    d = {"]
        for field in required:
            lines.append(
                f"        {field.name!r}: {self._plain(field.type, names, 'o.' + field.name, json_mode)},"
            )
        lines.append("    }")
        for field in optional:
            default = self._bind(names, field.default)
            value = self._plain(field.type, names, "v", json_mode)
            lines.append(f"    v = o.{field.name}")
            # Defaults are None, () or frozenset(): identity or emptiness says it.
            test = "v is not None" if field.default is None else "v"
            if field.default not in (None, (), frozenset()):
                test = f"v != {default}"  # pragma: no cover - no such field yet
            lines.append(f"    if {test}:")
            lines.append(f"        d[{field.name!r}] = {value}")
        lines.append("    return d")
        _exec("\n".join(lines), f"<essprogramme fast unstructure {cls.__qualname__}>", names)
        fn: _Fn = names["unstructure"]
        return fn
