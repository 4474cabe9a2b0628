"""JSON in and out: plain data and text for every model type.

Keys are the attribute names, instants are RFC 3339 strings in UTC (``Z``),
sets are sorted arrays, and attributes left at their default are omitted.
Output is deterministic: the same object gives the same bytes. Decoding
refuses unknown keys and never coerces; all problems come back together in
one :class:`~essprogramme.ValidationError`.
"""

from __future__ import annotations

import json
from typing import Any, TypeVar, overload

import orjson

from ._converter import decode, unstructure, unstructure_for_json
from .errors import Problem, ValidationError
from .model import Programme

__all__ = ["from_dict", "from_json", "to_dict", "to_json"]

T = TypeVar("T")


def to_dict(obj: Any) -> Any:
    """Plain JSON data (dicts, lists, strings, numbers) for a model object.

    >>> from essprogramme import LocalizedText, Territory
    >>> to_dict(Territory.region(LocalizedText({"fr": "Méditerranée"}), [Territory.iso("TN")]))
    {'name': {'fr': 'Méditerranée'}, 'members': [{'code': 'TN'}]}
    """
    return unstructure(obj)


def from_dict(data: Any, type: type[T]) -> T:
    """Build a ``type`` from plain JSON data; raise :class:`ValidationError` on bad data.

    >>> from essprogramme import Territory
    >>> from_dict({"code": "YT"}, Territory)
    Territory(code='YT', name=None, members=())
    >>> from_dict({"code": 976}, Territory)
    Traceback (most recent call last):
    ...
    essprogramme.errors.ValidationError: 1 problem:
      $.code: expected a string, got an integer [type]
    """
    return decode(data, type)


def to_json(obj: Any, *, indent: bool = False) -> str:
    """JSON text for a model object; ``indent`` pretty-prints with two spaces."""
    option = orjson.OPT_UTC_Z | (orjson.OPT_INDENT_2 if indent else 0)
    return orjson.dumps(unstructure_for_json(obj), option=option).decode()


@overload
def from_json(text: str | bytes) -> Programme: ...
@overload
def from_json(text: str | bytes, type: type[T]) -> T: ...
def from_json(text: str | bytes, type: Any = Programme) -> Any:
    """Parse JSON text into ``type`` (a :class:`Programme` by default).

    Malformed JSON is reported like any other problem, with code ``json``.
    """
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError:
        data = _loads_slowly(text)
    except TypeError as error:
        raise _not_json(error) from None
    return decode(data, type, owned=True)


def _not_json(error: Exception) -> ValidationError:
    return ValidationError([Problem(location=(), code="json", message=f"not JSON: {error}")])


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _loads_slowly(text: str | bytes) -> Any:
    """The standard library's reader, for valid JSON that orjson cannot hold.

    orjson refuses integers beyond 64 bits; they are JSON all the same, so
    they reach the model and are reported against its ranges, with a path.
    """
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except (ValueError, TypeError, RecursionError) as error:
        raise _not_json(error) from None
