"""The JSON edge: reading JSON text, and telling JSON data from other Python data.

Every entry point that takes JSON text (:func:`~essprogramme.from_json`, the
command line) reads it with :func:`read_json`, and every entry point that
takes plain data it did not read itself (:func:`essprogramme.schemas.validate`)
checks it with :func:`check_data` first. Both answer with the same
:class:`~essprogramme.Problem` codes the rest of the library uses, so bad input
ends in a :class:`~essprogramme.ValidationError`, never in a crash, a
``RecursionError``, a validator's internal error or a silently dropped value.

>>> read_json('{"name": {"fr": "Mayotte"}}')
{'name': {'fr': 'Mayotte'}}
>>> read_json('{"name": {"fr": "a", "fr": "b"}}')
Traceback (most recent call last):
...
essprogramme.errors.ValidationError: 1 problem:
  $.name.fr: the key 'fr' appears 2 times in this object [duplicate_key]
>>> [str(problem) for problem in check_data({"code": "YT", "members": ({"code": "FR"},)})]
['$.members: is not JSON data: a tuple (use a list) [type]']
"""

from __future__ import annotations

import json
import math
from typing import Any

import orjson

from .errors import Location, Problem, ValidationError, one_problem, sorted_problems
from .model._formats import MAX_DEPTH, MAX_VALUES, has_lone_surrogate
from .model._formats import expansion as _expansion

__all__ = ["MAX_VALUES", "check_data", "read_json"]

# Sharing is looked for once this many values are walked: never for
# documents of ordinary size, and the walk of a bomb stops early.
_LOOK_FOR_SHARING_AFTER = 1_000_000


def _not_json(reason: str) -> ValidationError:
    return one_problem((), "json", f"not JSON: {reason}")


# Reading JSON text ----------------------------------------------------------


def read_json(text: str | bytes) -> Any:
    """Parse JSON text into plain data, exactly and strictly; raise :class:`ValidationError`.

    orjson does the work; the cases it cannot decide go to the standard
    library's reader, which is slower but exact. Refused, each with its code:

    - text that is not JSON (``NaN``, ``Infinity``, a number too large for
      a float, a byte order mark, nesting too deep for the parser) or bytes
      that are not UTF-8 (CESU-8 surrogates included): ``json`` at ``$``;
    - a key repeated in one object, which would silently drop a value:
      ``duplicate_key`` at the key's path;
    - a lone surrogate written as an escape (``"\\ud800"``), which no UTF-8
      text can carry: ``unicode`` at the string's path (a key's own path for
      a key).

    Integers keep every digit: orjson turns integers beyond 64 bits into
    floats, so such documents are read again by the exact reader.

    >>> read_json(b'[1, 2.5, "\\\\u00e9", null]')
    [1, 2.5, 'é', None]
    >>> read_json("18446744073709551616")
    18446744073709551616
    >>> read_json('{"fr": "\\\\ud800"}')
    Traceback (most recent call last):
    ...
    essprogramme.errors.ValidationError: 1 problem:
      $.fr: holds a lone surrogate (U+D800), which UTF-8 text cannot carry [unicode]
    >>> read_json("[NaN]")
    Traceback (most recent call last):
    ...
    essprogramme.errors.ValidationError: 1 problem:
      $: not JSON: NaN is not a JSON value [json]
    """
    if not isinstance(text, str | bytes | bytearray | memoryview):
        raise _not_json(f"expected text or bytes, got {type(text).__name__}")
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError:
        return _read_exactly(text)
    try:
        written = orjson.dumps(data)
    except orjson.JSONEncodeError:
        # Deeper than orjson writes (254 levels), far beyond MAX_DEPTH: the
        # standard library's reader might not manage either, so the depth
        # is reported, at its paths, as every consumer would report it.
        problems = check_data(data)
        if problems:
            raise ValidationError(problems) from None
        return _read_exactly(text)  # pragma: no cover - orjson writes whatever it reads
    if _read_as_written(text, written):
        return data
    return _read_exactly(text)


def _read_as_written(text: str | bytes, written: bytes) -> bool:
    """Whether orjson read ``text`` as it is written: no repeated key, no rounded integer.

    ``written`` is what orjson writes back of what it read.

    Counting is cheap where a walk over the data is not. Every key in the
    text is followed by one ``:`` and every other ``:`` lies inside a string,
    so the text holds at least as many ``:`` as its keys and string colons;
    orjson writes the data back with exactly one ``:`` per key it kept, plus
    the string colons it kept. If the text has no more ``:`` than that, no
    key was dropped. A colon written as the escape ``\\u003a`` counts in the
    data but not in the text, so escapes are accounted for. orjson writes
    every float of 1e16 or more with ``e+``; integers beyond 64 bits, which
    it turns into such floats, are thereby found.
    """
    if isinstance(text, str):
        colons = text.count(":")
        escaped = 0
        if "\\" in text and "\\u003" in text:  # memchr first: most texts have no escape
            escaped = text.count("\\u003a") + text.count("\\u003A")
    else:
        raw = text if isinstance(text, bytes) else bytes(text)
        colons = raw.count(b":")
        escaped = 0
        if b"\\" in raw and b"\\u003" in raw:
            escaped = raw.count(b"\\u003a") + raw.count(b"\\u003A")
    if colons + escaped > written.count(b":"):
        return False
    return b"+" not in written or not _has_large_float(written)


def _has_large_float(written: bytes) -> bool:
    """Whether orjson's output holds a float written with a positive exponent."""
    at = written.find(b"e+")
    while at != -1:
        if at > 0 and written[at - 1] in b"0123456789":
            return True
        at = written.find(b"e+", at + 2)
    return False


# Python refuses to convert longer integers (quadratic time); say so in JSON words.
_MAX_DIGITS = 4300


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _finite_float(literal: str) -> float:
    value = float(literal)
    if math.isinf(value):
        shown = literal if len(literal) <= 40 else literal[:37] + "..."
        raise ValueError(f"the number {shown} is too large for a float")
    return value


def _integer(literal: str) -> int:
    digits = len(literal) - literal.startswith("-")
    if digits > _MAX_DIGITS:
        raise ValueError(f"an integer of {digits:,} digits is too long to read")
    return int(literal)


def _read_exactly(text: str | bytes) -> Any:
    """The standard library's reader, with every check orjson's speed left out."""
    if isinstance(text, str):
        decoded = text
    else:
        try:
            # Strict UTF-8: json.loads itself would accept UTF-16 and surrogates.
            decoded = bytes(text).decode("utf-8")
        except UnicodeDecodeError as error:
            raise _not_json(f"not UTF-8 text: {error}") from None
    repeated: dict[int, tuple[dict[str, Any], dict[str, int]]] = {}

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(items)
        if len(obj) != len(items):
            counts: dict[str, int] = {}
            for key, _ in items:
                counts[key] = counts.get(key, 0) + 1
            # Keeps every such dict alive, so no id() is reused by another.
            repeated[id(obj)] = (obj, {k: n for k, n in counts.items() if n > 1})
        return obj

    try:
        data = json.loads(
            decoded,
            object_pairs_hook=pairs,
            parse_constant=_refuse_constant,
            parse_float=_finite_float,
            parse_int=_integer,
        )
    except RecursionError:
        raise _not_json("nested too deeply to read") from None
    except ValueError as error:  # JSONDecodeError, and the hooks' refusals
        raise _not_json(str(error)) from None
    problems = _unreadable(data, repeated)
    if problems:
        raise ValidationError(sorted_problems(problems))
    return data


def _unreadable(
    data: Any, repeated: dict[int, tuple[dict[str, Any], dict[str, int]]]
) -> list[Problem]:
    """Repeated keys and lone surrogates in what json.loads made of the text."""
    problems: list[Problem] = []
    stack: list[tuple[Any, Location]] = [(data, ())]
    while stack:
        value, location = stack.pop()
        if type(value) is dict:
            found = repeated.get(id(value))
            if found is not None:
                for key, count in found[1].items():
                    problems.append(
                        Problem(
                            location=(*location, key),
                            code="duplicate_key",
                            message=f"the key {_shown(key)} appears {count} times in this object",
                        )
                    )
            for key, item in value.items():
                if has_lone_surrogate(key):
                    problems.append(_surrogate((*location, key), key))
                stack.append((item, (*location, key)))
        elif type(value) is list:
            stack.extend((item, (*location, index)) for index, item in enumerate(value))
        elif type(value) is str and has_lone_surrogate(value):
            problems.append(_surrogate(location, value))
    return problems


# Checking Python data ---------------------------------------------------------


def check_data(data: Any) -> list[Problem]:
    """The problems that make ``data`` something other than JSON data; empty if none.

    JSON data is exactly: a ``dict`` with ``str`` keys, a ``list``, a ``str``,
    an ``int``, a finite ``float``, ``bool`` or ``None`` — subclasses
    (``OrderedDict``, a ``str`` or ``IntEnum`` subclass), tuples, sets,
    bytes, datetimes and every other object are not: each is reported with
    code ``type`` at its path. Also refused: a key that is not a string
    (``type``, at the object holding it), a lone surrogate in a string or a
    key (``unicode``, at the string's or the key's path), and a container
    nested deeper than :data:`~essprogramme.model._formats.MAX_DEPTH` (the
    root is depth 1): ``depth``, at that container, once, without looking
    inside it. The walk is iterative, so no data can exhaust the stack.

    >>> check_data({"code": "YT"})
    []
    >>> for problem in check_data({"code": b"YT", 1: "x", "n": float("nan")}):
    ...     print(problem)
    $: object keys must be strings, got 1 (an integer) [type]
    $.code: is not JSON data: bytes (use a str) [type]
    $.n: is not JSON data: nan (JSON numbers are finite) [type]
    >>> deep: list[object] = []
    >>> for _ in range(100):
    ...     deep = [deep]
    >>> [(p.path.count("["), p.code) for p in check_data(deep)]
    [(64, 'depth')]
    """
    problems: list[Problem] = []
    if type(data) is not dict and type(data) is not list:
        _check_leaf(data, (), problems)
        return problems or _lone_surrogates(data)
    # This walk runs before every validation, so it does the least it can:
    # it looks at types, and builds a location only for a problem, from
    # parent links. Strings are judged afterwards, all at once.
    root: _Frame = (data, None, 1)
    stack: list[_Frame] = [root]
    push, pop, leaves = stack.append, stack.pop, _LEAVES
    walked = 0
    look_after = min(MAX_VALUES, _LOOK_FOR_SHARING_AFTER)
    while stack:
        frame = pop()
        container, _, depth = frame
        if depth > MAX_DEPTH:
            problems.append(
                Problem(
                    location=_location(frame),
                    code="depth",
                    message=f"is nested deeper than {MAX_DEPTH} levels",
                )
            )
            continue
        walked += len(container)
        if walked > look_after >= 0:
            look_after = -1  # once
            if _expansion(data) > MAX_VALUES:
                return [
                    Problem(
                        location=(),
                        code="size",
                        message=(
                            "holds the same list or object so many times over that it "
                            f"stands for more than {MAX_VALUES:,} values"
                        ),
                    )
                ]
        depth += 1  # of the values within
        if type(container) is list:
            for index, item in enumerate(container):
                kind = type(item)
                if kind is dict or kind is list:
                    push((item, (frame, index), depth))
                elif kind not in leaves:
                    _check_leaf(item, (*_location(frame), index), problems)
            continue
        for key, item in container.items():
            if type(key) is not str:
                problems.append(
                    Problem(
                        location=_location(frame),
                        code="type",
                        message=f"object keys must be strings, got {_key_kind(key)}",
                    )
                )
                continue
            kind = type(item)
            if kind is dict or kind is list:
                push((item, (frame, key), depth))
            elif kind not in leaves:
                _check_leaf(item, (*_location(frame), key), problems)
    if problems or not _all_utf8(data):
        problems.extend(_lone_surrogates(data))
    return sorted_problems(problems) if len(problems) > 1 else problems


# A container met in check_data's walk: itself, the link to its parent
# (the parent's frame and the key or index leading here), and its depth.
_Frame = tuple[Any, Any, int]
# The types of leaves that need no look; floats must be finite, strings
# may hold a lone surrogate.
_LEAVES = frozenset({str, int, bool, type(None)})


def _location(frame: _Frame) -> Location:
    steps: list[str | int] = []
    link = frame[1]
    while link is not None:
        parent, step = link
        steps.append(step)
        link = parent[1]
    return tuple(reversed(steps))


def _all_utf8(data: Any) -> bool:
    """Whether every string and key of JSON data can be written as UTF-8.

    orjson writes nothing else: one pass in C instead of one test per
    string. It also refuses integers beyond 64 bits, which are JSON: then
    the strings are looked at one by one.
    """
    try:
        orjson.dumps(data)
    except (orjson.JSONEncodeError, TypeError):
        return False
    return True


def _lone_surrogates(data: Any) -> list[Problem]:
    """The lone surrogates in the strings and keys of ``data``'s JSON part, at their paths."""
    problems: list[Problem] = []
    stack: list[tuple[Any, Location, int]] = [(data, (), 1)]
    while stack:
        value, location, depth = stack.pop()
        kind = type(value)
        if kind is str:
            if has_lone_surrogate(value):
                problems.append(_surrogate(location, value))
        elif depth > MAX_DEPTH:
            continue
        elif kind is list:
            stack.extend((item, (*location, index), depth + 1) for index, item in enumerate(value))
        elif kind is dict:
            for key, item in value.items():
                if type(key) is str:
                    if has_lone_surrogate(key):
                        problems.append(_surrogate((*location, key), key))
                    stack.append((item, (*location, key), depth + 1))
    return problems


def _check_leaf(value: Any, location: Location, problems: list[Problem]) -> None:
    """Append the problem with a value that is not a container, if any (strings aside)."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        pass
    elif kind is float:
        if not math.isfinite(value):
            problems.append(
                Problem(
                    location=location,
                    code="type",
                    message=f"is not JSON data: {value!r} (JSON numbers are finite)",
                )
            )
    else:
        problems.append(
            Problem(location=location, code="type", message=f"is not JSON data: {_kind(value)}")
        )


# Messages ---------------------------------------------------------------------


def _shown(value: str, limit: int = 60) -> str:
    """``repr`` of a string, cut to ``limit`` characters: messages stay short and printable."""
    if len(value) > limit:
        return repr(value[:limit]) + "..."
    return repr(value)


def _surrogate(location: Location, value: str) -> Problem:
    code_point = next(ord(c) for c in value if 0xD800 <= ord(c) <= 0xDFFF)
    return Problem(
        location=location,
        code="unicode",
        message=f"holds a lone surrogate (U+{code_point:04X}), which UTF-8 text cannot carry",
    )


_ADVICE: dict[type, str] = {
    tuple: "use a list",
    set: "use a list",
    frozenset: "use a list",
    bytes: "use a str",
    bytearray: "use a str",
}


def _kind(value: Any) -> str:
    """How a non-JSON value is named in a message."""
    kind = type(value)
    for base, name in (
        (str, "str"),
        (int, "int"),
        (float, "float"),
        (dict, "dict"),
        (list, "list"),
    ):
        if isinstance(value, base):
            return f"{kind.__name__}, a subclass of {name} (use a plain {name})"
    article = "" if kind.__name__ == "bytes" else "an " if kind.__name__[0] in "aeiou" else "a "
    advice = _ADVICE.get(kind)
    return f"{article}{kind.__name__}" + (f" ({advice})" if advice else "")


def _key_kind(key: Any) -> str:
    """A non-string key and what it is, for the message ``object keys must be strings``."""
    shown = repr(key)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    if key is None:
        return "None (null)"
    if type(key) is bool:
        return f"{shown} (a boolean)"
    if type(key) is int:
        return f"{shown} (an integer)"
    if type(key) is float:
        return f"{shown} (a number)"
    return f"{shown} ({_kind(key)})"
