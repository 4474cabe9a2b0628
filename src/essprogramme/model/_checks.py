"""Constructor checks, generated once per class from its annotations.

Every model class runs :func:`validate` after ``__init__``. The first time a
class is seen, its attrs fields are compiled into one straight-line Python
function (the way attrs and cattrs generate their own code): an exact-type
test per field with the field's format check, then the class's own
cross-field rules (``_rules``) when the types are right. One call per object,
no per-field validator calls: this is the hot path of decoding.

A field says how its strings are checked with ``metadata={"format": ...}``
(see :data:`FORMATS`) and bounds its integers with ``"min"``/``"max"``.
"""

from __future__ import annotations

import enum
import linecache
import re
import types
import typing
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from typing import Any

import attrs

from ..errors import Problem, ValidationError
from . import _formats

__all__ = [
    "FORMATS",
    "ID",
    "LANGUAGE",
    "MAX_SAFE_INTEGER",
    "URL",
    "ZONE",
    "decoded_checker",
    "to_utc",
    "type_name",
    "validate",
]

#: name -> (predicate, problem code, message). Predicates are truthy for
#: good values; the hot ones are C-level regex matchers, called directly.
FORMATS: dict[str, tuple[Callable[[str], object], str, str]] = {
    "id": (
        re.compile(_formats.ID_PATTERN).match,
        "id",
        "is not a valid id (letters, digits, '.', '_', '-')",
    ),
    "language": (_formats.is_language_tag, "language_tag", "is not a BCP 47 language tag"),
    "zone": (_formats.is_zone_key, "time_zone", "is not an IANA time zone key"),
    "url": (_formats.is_url, "url", "is not an absolute http(s) URL"),
    "country": (
        re.compile(_formats.COUNTRY_PATTERN).match,
        "country_code",
        "is not an ISO 3166-1 alpha-2 code",
    ),
    "territory": (
        re.compile(_formats.TERRITORY_CODE_PATTERN).match,
        "territory_code",
        "is not an ISO 3166-1 alpha-2 or ISO 3166-2 code",
    ),
}

#: The largest integer every JSON reader holds exactly (2**53 - 1).
MAX_SAFE_INTEGER = 2**53 - 1

# Metadata shorthands for field declarations.
ID = {"format": "id"}
LANGUAGE = {"format": "language"}
ZONE = {"format": "zone"}
URL = {"format": "url"}

_JSON_NAMES = {str: "a string", int: "an integer", bool: "a boolean", tuple: "an array"}


def _exec(source: str, filename: str, names: dict[str, Any]) -> None:
    """Run generated source, keeping it for tracebacks and debuggers."""
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), names)


def type_name(value: object) -> str:
    """Name a value's type the way a JSON author would understand it."""
    if value is None:
        return "null"
    kind = type(value)
    if kind is bool:
        return "a boolean"
    if kind is dict:
        return "an object"
    if kind is list or kind is tuple:
        return "an array"
    return _JSON_NAMES.get(kind, kind.__name__)


def to_utc(value: Any) -> Any:
    """attrs converter: aware datetimes become UTC; anything else is left for the checks."""
    if type(value) is datetime and value.tzinfo is not UTC and value.utcoffset() is not None:
        try:
            return value.astimezone(UTC)
        except OverflowError:
            return value
    return value


_Checker = Callable[[Any], None]
_CHECKERS: dict[type, _Checker] = {}


def validate(obj: Any) -> None:
    """Run ``obj``'s generated checks; raise :class:`ValidationError` on problems.

    Model classes call this from ``__attrs_post_init__``. The first call
    compiles the class's checks and installs them as its
    ``__attrs_post_init__``, so later instances run them with no detour.
    """
    cls = type(obj)
    checker = _CHECKERS.get(cls) or _compile(cls)
    checker(obj)


def _describe(t: Any) -> str:
    if t is str:
        return "a string"
    if t is int:
        return "an integer"
    if t is datetime:
        return "an aware datetime"
    if t is date:
        return "a date"
    return f"a {t.__name__}"


class _Emitter:
    """Writes the source of one checker function."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.names: dict[str, Any] = {"P": Problem, "_tn": type_name, "UTC": UTC}
        self.counter = 0

    def bind(self, value: Any) -> str:
        self.counter += 1
        name = f"_g{self.counter}"
        self.names[name] = value
        return name

    def problem(self, pad: str, loc: str, code: str, message: str, detail: str = "") -> None:
        msg = repr(message) + (f" + {detail}" if detail else "")
        self.lines.append(f"{pad}problems.append(P(location={loc}, code={code!r}, message={msg}))")

    def emit(self, t: Any, meta: Any, var: str, loc: str, depth: int) -> None:
        pad = "    " * depth
        origin = typing.get_origin(t)
        if origin in (types.UnionType, typing.Union):
            (inner,) = [a for a in typing.get_args(t) if a is not type(None)]
            self.lines.append(f"{pad}if {var} is not None:")
            self.emit(inner, meta, var, loc, depth + 1)
            return
        if origin in (tuple, frozenset):
            kind = self.bind(origin)
            (item_type, *_) = typing.get_args(t)
            what = "an array" if origin is tuple else "an array of distinct values"
            self.lines.append(f"{pad}if type({var}) is not {kind}:")
            self.problem(pad + "    ", loc, "type", f"expected {what}, got ", f"_tn({var})")
            self.lines.append(f"{pad}else:")
            item = f"x{depth}"
            index = f"i{depth}"
            self.lines.append(f"{pad}    for {index}, {item} in enumerate({var}):")
            # A tuple item is located by its index; a set item by its set.
            item_loc = f"({loc[1:-1]} {index},)" if origin is tuple else loc
            self.emit(item_type, meta, item, item_loc, depth + 2)
            return
        if t is str:
            self.lines.append(f"{pad}if type({var}) is not str and not isinstance({var}, str):")
            self.problem(pad + "    ", loc, "type", "expected a string, got ", f"_tn({var})")
            fmt = meta.get("format")
            if fmt:
                predicate, code, message = FORMATS[fmt]
                check = self.bind(predicate)
                self.lines.append(f"{pad}elif not {check}({var}):")
                self.problem(pad + "    ", loc, code, message + ": ", f"repr({var})")
            else:
                self.lines.append(f"{pad}elif not {var}.strip():")
                self.problem(pad + "    ", loc, "empty", "must not be empty or blank")
            return
        if t is int:
            self.lines.append(f"{pad}if type({var}) is not int:")
            self.problem(pad + "    ", loc, "type", "expected an integer, got ", f"_tn({var})")
            low, high = meta.get("min"), meta.get("max")
            if low is not None or high is not None:
                cond = " or ".join(
                    c
                    for c in (
                        f"{var} < {low}" if low is not None else "",
                        f"{var} > {high}" if high is not None else "",
                    )
                    if c
                )
                bounds = f"from {low}" + (f" to {high}" if high is not None else " upwards")
                self.lines.append(f"{pad}elif {cond}:")
                self.problem(pad + "    ", loc, "range", f"must be {bounds}, got ", f"str({var})")
            return
        if t is datetime:
            self.lines.append(f"{pad}if not isinstance({var}, datetime):")
            self.names["datetime"] = datetime
            self.problem(
                pad + "    ", loc, "type", "expected an aware datetime, got ", f"_tn({var})"
            )
            self.lines.append(f"{pad}elif {var}.tzinfo is None or {var}.utcoffset() is None:")
            self.problem(
                pad + "    ",
                loc,
                "naive_datetime",
                "naive datetime: give a time zone or an offset",
            )
            self.lines.append(f"{pad}elif {var}.tzinfo is not UTC:")
            self.problem(pad + "    ", loc, "instant_range", "cannot be represented in UTC")
            return
        if t is date:
            self.names["date"] = date
            self.lines.append(f"{pad}if type({var}) is not date:")
            self.problem(pad + "    ", loc, "type", "expected a date, got ", f"_tn({var})")
            return
        if isinstance(t, type):
            cls = self.bind(t)
            self.lines.append(f"{pad}if type({var}) is not {cls} and not isinstance({var}, {cls}):")
            if issubclass(t, enum.Enum):
                wanted = f"a {t.__name__} member"
                self.problem(pad + "    ", loc, "enum", f"expected {wanted}, got ", f"_tn({var})")
            else:
                self.problem(
                    pad + "    ", loc, "type", f"expected {_describe(t)}, got ", f"_tn({var})"
                )
            return
        raise TypeError(f"no check for type {t!r}")  # pragma: no cover - a model bug


def _holds_plain_json(t: Any) -> bool:
    """Whether a field of type ``t`` can hold JSON values unconverted (str, int)."""
    if t is str or t is int:
        return True
    origin = typing.get_origin(t)
    if origin in (types.UnionType, typing.Union, tuple, frozenset):
        return any(_holds_plain_json(a) for a in typing.get_args(t) if a is not type(None))
    return False


def _compile(cls: type, *, decoded: bool = False) -> _Checker:
    """Generate the checks of ``cls``.

    With ``decoded``, for objects built by the fast decoder: it converted
    every other field itself, so only fields holding plain JSON values
    (strings, integers, arrays of them) are checked, then the rules.
    """
    attrs.resolve_types(cls)
    emitter = _Emitter()
    emitter.lines.append("def check(self):")
    emitter.lines.append("    problems = []")
    for field in attrs.fields(cls):
        if not field.init or (decoded and not _holds_plain_json(field.type)):
            continue
        var = f"v_{field.name}"
        emitter.lines.append(f"    {var} = self.{field.name}")
        emitter.emit(field.type, field.metadata, var, f"({field.name!r},)", 1)
    if hasattr(cls, "_rules"):
        emitter.lines.append("    if not problems:")
        emitter.lines.append("        problems = [*self._rules()]")
    emitter.lines.append("    if problems:")
    emitter.lines.append("        raise ValidationError(problems)")
    source = "\n".join(emitter.lines)
    namespace = dict(emitter.names, ValidationError=ValidationError)
    kind = "decoded checks" if decoded else "checks"
    _exec(source, f"<essprogramme {kind} {cls.__qualname__}>", namespace)
    checker: _Checker = namespace["check"]
    if not decoded:
        _CHECKERS[cls] = checker
        cls.__attrs_post_init__ = checker  # type: ignore[attr-defined]
    return checker


def decoded_checker(cls: type) -> _Checker:
    """The checks for objects of ``cls`` that the fast decoder built itself."""
    return _compile(cls, decoded=True)


def item_problem(item_type: Any, metadata: Any, value: Any) -> tuple[str, str] | None:
    """What is wrong with one item of a set field, as ``(code, message)``; else None.

    The generated checks locate a set's bad items at the set (a set has no
    order); a decoder that knows the JSON array's order uses this to point
    at the index.
    """
    if item_type is str and type(value) is str:
        fmt = metadata.get("format")
        if fmt:
            predicate, code, message = FORMATS[fmt]
            return None if predicate(value) else (code, f"{message}: {value!r}")
        return None if value.strip() else ("empty", "must not be empty or blank")
    if item_type is int and type(value) is int:
        low, high = metadata.get("min"), metadata.get("max")
        if (low is not None and value < low) or (high is not None and value > high):
            return ("range", f"must be from {low} to {high}, got {value}")
    return None


def rule(location: Iterable[str | int], code: str, message: str) -> Problem:
    """A problem found by a class's own rules, located relative to the object."""
    return Problem(location=tuple(location), code=code, message=message)
