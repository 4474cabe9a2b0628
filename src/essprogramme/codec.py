"""JSON in and out: plain data and text for every model type.

Keys are the attribute names, instants are RFC 3339 strings in UTC (``Z``),
sets are sorted arrays, and attributes left at their default are omitted.
Output is deterministic: the same object gives the same bytes. Decoding
refuses unknown keys and never coerces; all problems come back together in
one :class:`~essprogramme.ValidationError`.

Decoding runs the structure functions the model generates from its fields
(``model/_checks.py``): one pass that builds valid data and names every
problem of invalid data, the same rules as the constructors.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, TypeVar, overload

import attrs
import orjson

from ._encode import unstructure_function
from ._gc import collector_paused
from ._jsondata import read_json
from .errors import ValidationError, one_problem, sorted_problems
from .model import LocalizedText, PartialDate, Programme
from .model._checks import structure_function
from .model._formats import MAX_VALUES, expansion
from .model._rules import JSON_LEAVES, aware_instant, iso_instant, type_name
from .model.text import adopt_parsed_text, read_json_text

__all__ = ["from_dict", "from_json", "to_dict", "to_json", "to_json_bytes"]

T = TypeVar("T")


def _read_partial_date(value: Any) -> PartialDate:
    return PartialDate.parse(value)


# How the leaf types are read: data the caller keeps (its text dicts are
# copied), and data just parsed here (its text dicts are taken over).
_KEPT: dict[type, Any] = {
    **JSON_LEAVES,
    PartialDate: _read_partial_date,
    LocalizedText: read_json_text,
}
_PARSED: dict[type, Any] = {**_KEPT, LocalizedText: adopt_parsed_text}

# The values that are not model objects read as the kept data's leaves.
_VALUES = _KEPT


def _is_object(cls: Any) -> bool:
    """Model classes written as JSON objects (a partial date is a string)."""
    return attrs.has(cls) and cls is not PartialDate


def _decode(data: Any, cls: type[T], leaves: dict[type, Any]) -> T:
    if _is_object(cls):
        read = structure_function(cls, leaves, trusted=leaves is _PARSED)
    else:
        reader = _VALUES.get(cls)
        if reader is None:
            raise TypeError(f"essprogramme cannot decode {cls!r}: give a model type")
        read = lambda data, depth: reader(data)  # noqa: E731
    try:
        result: T = read(data, 1)
    except ValidationError as error:
        # Found object by object; reported in document order.
        raise ValidationError(sorted_problems(error.problems)) from None
    return result


def to_dict(obj: Any) -> Any:
    """Plain JSON data (dicts, lists, strings, numbers) for a model object.

    >>> from essprogramme import LocalizedText, Territory
    >>> to_dict(Territory.region(LocalizedText({"fr": "Méditerranée"}), [Territory.iso("TN")]))
    {'name': {'fr': 'Méditerranée'}, 'members': [{'code': 'TN'}]}
    """
    cls = type(obj)
    if cls is LocalizedText:
        return obj.as_dict()
    if cls is PartialDate:
        return str(obj)
    if isinstance(obj, datetime):  # any aware datetime, written as the instant in UTC
        return iso_instant(aware_instant(obj))
    if isinstance(obj, date):
        return obj.isoformat()
    if _is_object(cls):
        return unstructure_function(cls, json=False)(obj)
    raise TypeError(f"essprogramme cannot encode {type_name(obj)}: give a model object")


def from_dict(data: Any, cls: type[T]) -> T:
    """Build a ``cls`` from plain JSON data; raise :class:`ValidationError` on bad data.

    >>> from essprogramme import Territory
    >>> from_dict({"code": "YT"}, Territory)
    Territory(code='YT', locode=None, within=None, name=None, members=())
    >>> from_dict({"code": 976, "nmae": "Mayotte"}, Territory)
    Traceback (most recent call last):
    ...
    essprogramme.errors.ValidationError: 2 problems:
      $.code: expected a string, got an integer [type]
      $.nmae: is not a known key: did you mean 'name'? [unknown_key]
    """
    # Python data may hold one dict many times over (a region listing the same
    # region twice, 24 levels down): it is refused, never expanded.
    if expansion(data) > MAX_VALUES:
        raise one_problem(
            (),
            "size",
            "holds the same list or object so many times over that it stands for more "
            f"than {MAX_VALUES:,} values",
        )
    with collector_paused():
        return _decode(data, cls, _KEPT)


def to_json(obj: Any, *, indent: bool = False) -> str:
    """JSON text for a model object; ``indent`` pretty-prints with two spaces."""
    return to_json_bytes(obj, indent=indent).decode()


def to_json_bytes(obj: Any, *, indent: bool = False) -> bytes:
    """The same JSON as :func:`to_json`, as UTF-8 bytes: what a file or socket takes.

    It skips building the ``str`` (a fifth of encoding time for a large programme).

    >>> from essprogramme import LocalizedText
    >>> to_json_bytes(LocalizedText({"fr": "Économie sociale"}))
    b'{"fr":"\xc3\x89conomie sociale"}'
    """
    with collector_paused():
        return _write_json(obj, indent)


def _write_json(obj: Any, indent: bool) -> bytes:
    option = orjson.OPT_UTC_Z | (orjson.OPT_INDENT_2 if indent else 0)
    cls = type(obj)
    data = unstructure_function(cls, json=True)(obj) if _is_object(cls) else to_dict(obj)
    return orjson.dumps(data, option=option)


@overload
def from_json(text: str | bytes) -> Programme: ...
@overload
def from_json(text: str | bytes, cls: type[T]) -> T: ...
def from_json(text: str | bytes, cls: Any = Programme) -> Any:
    """Parse JSON text into ``cls`` (a :class:`Programme` by default).

    Malformed JSON is reported like any other problem, with code ``json``;
    duplicate keys with code ``duplicate_key``.
    """
    if not isinstance(text, (str, bytes, bytearray, memoryview)):
        raise one_problem((), "json", f"expected JSON text (str or bytes), got {type_name(text)}")
    with collector_paused():
        return _decode(read_json(text), cls, _PARSED)
