"""What the model's rules are made of: formats, bounds, names, and leaf readers.

A field's rule is its annotation plus metadata (see :data:`FORMATS` and the
shorthands ``ID``, ``LANGUAGES``, ``references(...)``); the readers here
turn JSON leaves (instants, dates) into model values and name what is
wrong. ``_checks.py`` writes them into each class's generated functions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import attrs

from ..errors import Location, Problem, ValidationError, one_problem
from . import _formats

__all__ = [
    "DISTINCT",
    "FORMATS",
    "HINTS",
    "ID",
    "JSON_LEAVES",
    "LANGUAGE",
    "LANGUAGES",
    "MAX_INSTANT",
    "MAX_SAFE_INTEGER",
    "MIN_INSTANT",
    "URL",
    "ZONE",
    "aware_instant",
    "iso_instant",
    "provenance_problems",
    "python_name",
    "references",
    "rule",
    "show",
    "type_name",
]


def close_matches(value: str, known: Iterable[str], cutoff: float = 0.6) -> list[str]:
    """The one known word closest to ``value``, if any is close (difflib, imported on first use)."""
    import difflib

    return difflib.get_close_matches(value, known, n=1, cutoff=cutoff)


#: format name -> (predicate, problem code, message). Predicates are truthy
#: for good values; patterns are matched whole (``fullmatch``).
#: The hot ones are C-level calls: a compiled pattern's ``fullmatch``, a set's
#: ``__contains__``, an ``lru_cache``.
FORMATS: dict[str, tuple[Callable[[str], object], str, str]] = {
    "id": (_formats.ID_MATCH, "id", "is not a valid id (letters, digits, '.', '_', '-')"),
    "language": (_formats.is_language_tag, "language_tag", "is not a BCP 47 language tag"),
    "zone": (_formats.zone_keys().__contains__, "time_zone", "is not an IANA time zone key"),
    "url": (_formats.is_url, "url", "is not an absolute http(s) URL"),
    "country": (_formats.COUNTRY_MATCH, "country_code", "is not an ISO 3166-1 alpha-2 code"),
    "territory": (
        _formats.TERRITORY_MATCH,
        "territory_code",
        "is not an ISO 3166-1 alpha-2 or ISO 3166-2 code",
    ),
    "field": (_formats.FIELD_MATCH, "field", "is not a field name"),
    "currency": (_formats.CURRENCY_MATCH, "currency", "is not an ISO 4217 currency code"),
    "email": (_formats.EMAIL_MATCH, "email", "is not an e-mail address"),
    "locode": (_formats.LOCODE_MATCH, "locode", "is not a UN/LOCODE (FRBOD)"),
    "color": (_formats.COLOR_MATCH, "color", "is not a colour as #RRGGBB"),
}


def _zone_hint(value: str) -> str:
    if len(value) > 64:  # no zone key is that long; difflib would take ages
        return ""
    close = close_matches(value, _formats.zone_keys(), cutoff=0.7)
    return f"; did you mean {close[0]!r}?" if close else ""


#: format name -> a "did you mean" for a refused value ("" when nothing is close).
HINTS: dict[str, Callable[[str], str]] = {"zone": _zone_hint}

#: The largest integer every JSON reader holds exactly (2**53 - 1).
MAX_SAFE_INTEGER = 2**53 - 1
#: The instants the model holds: every zone can show them on its wall clock.
MIN_INSTANT = datetime(1, 1, 2, tzinfo=UTC)
MAX_INSTANT = datetime(9999, 12, 30, 23, 59, 59, 999999, tzinfo=UTC)

# Metadata shorthands for field declarations.
ID = {"format": "id"}
LANGUAGE = {"format": "language"}
#: Language tags, each at most once (case-insensitively: ``fr`` is ``FR``).
LANGUAGES = {"format": "language", "distinct": "casefold"}
ZONE = {"format": "zone"}
URL = {"format": "url"}
#: For arrays whose items must be distinct.
DISTINCT = {"distinct": True}


def references(collection: str, *, distinct: bool = False) -> dict[str, Any]:
    """Metadata of an id field that refers to an item of a programme's ``collection``.

    :class:`~essprogramme.Programme` derives its reference checks from these.
    """
    meta: dict[str, Any] = {"format": "id", "references": collection}
    if distinct:
        meta["distinct"] = True
    return meta


def rule(location: Iterable[str | int], code: str, message: str) -> Problem:
    """A problem found by a class's own rules, located relative to the object."""
    return Problem(location=tuple(location), code=code, message=message)


# What a value is called, in the words of each side -------------------------

_JSON_NAMES: dict[type, str] = {
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "a boolean",
    dict: "an object",
    list: "an array",
    type(None): "null",
}


def type_name(value: object) -> str:
    """Name a value's type the way a JSON author would understand it.

    >>> type_name(42), type_name([]), type_name(None), type_name({1, 2})
    ('an integer', 'an array', 'null', 'set')
    """
    return _JSON_NAMES.get(type(value)) or type(value).__name__


def python_name(value: object) -> str:
    """Name a value's type the way a Python programmer would: ``str``, ``None``."""
    return "None" if value is None else type(value).__name__


def show(value: object, limit: int = 60) -> str:
    """A short, safe picture of a value for a message: bounded, never recursing.

    >>> show("x" * 100)[-3:]
    "x'…"
    >>> show(10**5000), show({"a": [1]}), show([[[]]])
    ('an integer of about 5001 digits', 'an object', 'an array')
    """
    if isinstance(value, str) and type(value) is str:
        text = value if len(value) <= limit else value[:limit]
        return repr(text) + ("…" if text is not value else "")
    if isinstance(value, int) and type(value) is int:
        if abs(value) >= 10**limit:
            return f"an integer of about {int(value.bit_length() * 0.30103) + 1} digits"
        return repr(value)
    kind = type(value)
    if kind in (float, bool) or value is None:
        return repr(value)
    if kind is dict or kind is list:
        return type_name(value)
    name = python_name(value)
    return f"a {name}" if kind in (set, frozenset, tuple, bytes) else name


# Leaf conversions shared by the generated code ------------------------------


def _fail(code: str, message: str) -> ValidationError:
    return one_problem((), code, message)


_INSTANT_CACHE: dict[str, datetime] = {}


def _check_instant_range(moment: datetime, shown: str) -> datetime:
    if moment < MIN_INSTANT or moment > MAX_INSTANT:
        raise _fail(
            "instant_range",
            f"{shown} is outside 0001-01-02T00:00:00Z to 9999-12-30T23:59:59Z, "
            "where every zone can show it",
        )
    return moment


def _parse_instant(value: Any) -> datetime:
    """An RFC 3339 date-time with an offset, as a UTC datetime (cached: instants repeat)."""
    moment = _INSTANT_CACHE.get(value) if type(value) is str else None
    if moment is not None:
        return moment
    if type(value) is not str:
        raise _fail("type", f"expected an RFC 3339 date-time string, got {type_name(value)}")
    if _formats.is_instant_text(value) is None:
        if _formats.looks_naive(value):
            raise _fail("naive_datetime", f"no offset in {show(value)}: add Z or +hh:mm")
        raise _fail(
            "instant",
            "expected an RFC 3339 date-time with an offset (2021-10-08T11:00:00Z), "
            f"got {show(value)}",
        )
    try:
        moment = datetime.fromisoformat(value.upper())
    except ValueError as error:
        if value.startswith("0000"):
            raise _fail("instant_range", f"{show(value)} is before the year 1") from None
        raise _fail("instant", f"{show(value)} is not a real instant: {error}") from None
    try:
        moment = moment.astimezone(UTC)
    except OverflowError:
        raise _fail("instant_range", f"{show(value)} is outside the years 1 to 9999") from None
    _check_instant_range(moment, show(value))
    if len(_INSTANT_CACHE) >= 4096:
        _INSTANT_CACHE.clear()
    _INSTANT_CACHE[value] = moment
    return moment


_DAY = timedelta(days=1)


def iso_instant(moment: datetime) -> str:
    """An instant held in UTC as RFC 3339 with ``Z``: ``2021-10-08T11:00:00Z``."""
    return moment.isoformat()[:-6] + "Z"


def aware_instant(value: Any) -> datetime:
    """A Python datetime with a working offset, as a plain UTC datetime.

    Subclasses (pendulum, freezegun, pandas) become plain datetimes; a
    tzinfo that fails or lies (an offset of a day or more) is refused.
    """
    if not isinstance(value, datetime):
        raise _fail("type", f"expected an aware datetime, got {python_name(value)}")
    if type(value) is datetime and value.tzinfo is UTC:
        return _check_instant_range(value, value.isoformat())
    try:
        offset = value.utcoffset()
    except Exception as error:  # noqa: BLE001 - a third-party tzinfo may raise anything
        raise _fail("instant", f"its tzinfo failed: {type(error).__name__}: {error}") from None
    if offset is None:
        raise _fail("naive_datetime", "naive datetime: give a time zone or an offset")
    if type(offset) is not timedelta or not -_DAY < offset < _DAY:
        raise _fail("instant", f"its tzinfo gives an impossible offset: {show(offset)}")
    wall = datetime(
        value.year,
        value.month,
        value.day,
        value.hour,
        value.minute,
        value.second,
        value.microsecond,
        tzinfo=UTC,
    )
    try:
        moment = wall - offset
    except OverflowError:
        raise _fail("instant_range", "is outside the years 1 to 9999 in UTC") from None
    return _check_instant_range(moment, moment.isoformat())


def _parse_date(value: Any) -> date:
    if type(value) is not str:
        raise _fail("type", f"expected a date string (YYYY-MM-DD), got {type_name(value)}")
    if _formats.is_date_text(value) is None:
        raise _fail("date", f"expected a date as YYYY-MM-DD, got {show(value)}")
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise _fail("date", f"{show(value)} is not a calendar date: {error}") from None


#: A decimal amount as JSON writes it: a string, so that no reader rounds it.
DECIMAL_PATTERN = "^(?:0|[1-9][0-9]{0,14})(?:[.][0-9]{1,4})?$"
_DECIMAL = re.compile(DECIMAL_PATTERN).fullmatch


def _decimal_from_json(value: Any) -> Decimal:
    if type(value) is not str:
        raise _fail(
            "type", f'expected a decimal amount as a string ("12.50"), got {type_name(value)}'
        )
    if _DECIMAL(value) is None:
        raise _fail("decimal", f'expected a decimal amount such as "12.50", got {show(value)}')
    return Decimal(value)


def _decimal_from_python(value: Any) -> Decimal:
    if type(value) is not Decimal:
        raise _fail("type", f"expected a Decimal (never a float), got {python_name(value)}")
    if not value.is_finite() or value < 0 or _DECIMAL(str(value)) is None:
        raise _fail(
            "decimal", f"expected a non-negative amount with at most 4 decimals, got {value}"
        )
    return value


def _unknown_keys(data: dict[Any, Any], known: frozenset[str]) -> list[Problem]:
    """A problem for each key not in ``known`` (did you mean...?), in document order."""
    problems = []
    for key in data:
        if type(key) is not str:
            problems.append(
                Problem(
                    location=(),
                    code="type",
                    message=f"object keys must be strings, got {show(key)} ({type_name(key)})",
                )
            )
        elif _formats.has_lone_surrogate(key):
            problems.append(
                Problem(location=(key,), code="unicode", message="a key holds a lone surrogate")
            )
        elif key not in known:
            close = close_matches(key, known) if len(key) <= 64 else []
            hint = f": did you mean {close[0]!r}?" if close else ""
            problems.append(
                Problem(location=(key,), code="unknown_key", message=f"is not a known key{hint}")
            )
    return problems


def _later_duplicates(values: Iterable[Any], fold: bool) -> Iterator[tuple[int, Any, int]]:
    """``(index, value, first_index)`` for each item equal to an earlier one."""
    seen: dict[Any, int] = {}
    for index, value in enumerate(values):
        key = value.lower() if fold and type(value) is str else value
        if key in seen:
            yield index, value, seen[key]
        else:
            seen[key] = index


def _duplicate_problems(values: Iterable[Any], location: Location, fold: bool) -> list[Problem]:
    return [
        Problem(
            location=(*location, index),
            code="duplicate",
            message=f"{show(value)} is already at index {first}",
        )
        for index, value, first in _later_duplicates(values, fold)
    ]


def _nest(problems: list[Problem], error: ValidationError, location: Location) -> None:
    problems.extend(problem.within(*location) for problem in error.problems)


def _too_deep(data: dict[str, Any], depth: int) -> list[Problem]:
    """Depth problems for an object at ``depth``: its containers would be deeper."""
    limit = _formats.MAX_DEPTH
    if depth > limit:
        return [Problem(location=(), code="depth", message=f"nested deeper than {limit} levels")]
    return [
        Problem(location=(key,), code="depth", message=f"nested deeper than {limit} levels")
        for key, value in data.items()
        if type(value) is dict or type(value) is list
    ]


#: Readers of the leaf types every JSON reading shares.
JSON_LEAVES: dict[type, Any] = {datetime: _parse_instant, date: _parse_date}


def provenance_problems(obj: Any) -> Iterator[Problem]:
    """Problems of ``obj.inferred``: each must name a field of ``obj``, once."""
    fields = attrs.fields_dict(type(obj))
    seen: set[str] = set()
    for index, inference in enumerate(obj.inferred):
        name = inference.field
        if name not in fields or name in ("inferred", "sources", "notes") or name.startswith("_"):
            yield rule(
                ("inferred", index, "field"),
                "unknown_field",
                f"{type(obj).__name__} has no field {name!r}",
            )
        elif name in seen:
            yield rule(("inferred", index, "field"), "duplicate", f"{name!r} is already marked")
        seen.add(name)
