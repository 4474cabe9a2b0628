"""The JSON Schema (2020-12) files, loaded and validated against, offline.

The files in ``schemas/`` are the product: tools that never run Python use
them as they are. This module finds them (in a checkout, an editable
install or an installed wheel), builds an in-memory
:class:`referencing.Registry` from them — no network fetch, ever, even for an
unknown ``$ref`` — and validates documents with the format checks really
running, reporting through the same :class:`~essprogramme.ValidationError`
(same :class:`~essprogramme.Problem`, JSON paths and codes) as the model.

>>> from essprogramme import schemas, examples
>>> schemas.load("session")["$id"]
'https://essprogramme.org/schemas/v1/session.json'
>>> schemas.validate(schemas.example_document())
>>> schemas.validate({"id": "s"}, "session")
Traceback (most recent call last):
...
essprogramme.errors.ValidationError: 4 problems:
  $.end: is required [required]
  $.format: is required [required]
  $.start: is required [required]
  $.title: is required [required]

Data that is not JSON data (a tuple, a set, a ``str`` subclass, ``NaN``, a
key that is not a string, a lone surrogate, nesting deeper than 64
containers) cannot be judged by a schema: it is refused first, with its
own problems alone (see :func:`essprogramme._jsondata.check_data`), so no
validator ever sees it.

>>> schemas.validate({"code": "YT", "members": ({"code": "FR"},)}, "territory")
Traceback (most recent call last):
...
essprogramme.errors.ValidationError: 1 problem:
  $.members: is not JSON data: a tuple (use a list) [type]

Patterns are matched as ECMA-262 (and so Ajv) matches them: a final ``$``
matches at the very end of the string only, never before a final newline.
The formats are checked by functions of this module, so that the verdict
is the same with or without ``jsonschema-rs``: ``uri`` (RFC 3986, at most
8192 characters, the length checked first), ``date`` and ``date-time``
(RFC 3339, whose years run from 0000).

When the optional ``jsonschema-rs`` package is installed
(``pip install "essprogramme[fast]"``), valid documents are recognised by it,
many times faster; what it refuses (only the refused items, for a
programme) is validated again by ``jsonschema`` itself, so problems, paths
and messages are always ``jsonschema``'s.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.protocols import Validator
from jsonschema.validators import extend
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from rfc3986_validator import validate_rfc3986  # type: ignore[import-untyped]

from ._jsondata import check_data
from .errors import Location, Problem, ValidationError, sorted_problems
from .model._formats import MAX_URL_LENGTH, looks_naive

__all__ = ["BASE_URI", "example_document", "load", "names", "validate", "validator"]

#: Every schema's ``$id`` is this base plus the file name.
BASE_URI = "https://essprogramme.org/schemas/v1/"

# A failing keyword's code, as the model would name the same problem.
_CODES = {
    "type": "type",
    "required": "required",
    "additionalProperties": "unknown_key",
    "enum": "enum",
    "minLength": "empty",
    "minProperties": "empty",
    "uniqueItems": "duplicate",
    "minimum": "range",
    "maximum": "range",
    "maxItems": "territory_members",
    "anyOf": "required",
}
# Pattern, format and length failures are named by the definition that failed.
_DEFINITION_KEYWORDS = ("pattern", "format", "maxLength")
_DEFINITION_CODES = {
    "Identifier": "id",
    "Language tag": "language_tag",
    "Time zone": "time_zone",
    "Country code": "country_code",
    "Territory code": "territory_code",
    "URL": "url",
    "Instant": "instant",
    "Date": "date",
    "Partial date": "partial_date",
}
# Messages quote the values they judge: a message stays readable however long the value.
_MAX_MESSAGE = 300


def _directory() -> Any:
    """The schema files: inside the installed package, else the checkout's."""
    packaged = files("essprogramme").joinpath("_schemas")
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "schemas"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("essprogramme's schema files are missing from this installation")


@cache
def _documents() -> dict[str, dict[str, Any]]:
    directory = _directory()
    return {
        entry.name[: -len(".json")]: json.loads(entry.read_text(encoding="utf-8"))
        for entry in directory.iterdir()
        if entry.name.endswith(".json")
    }


def names() -> tuple[str, ...]:
    """The names of the schema files, sorted: ``defs``, ``programme``, ``session``..."""
    return tuple(sorted(_documents()))


def load(name: str) -> dict[str, Any]:
    """A fresh copy of schema ``name`` as a dict."""
    try:
        return copy.deepcopy(_documents()[name])
    except KeyError:
        raise LookupError(f"no schema named {name!r}; there are: {', '.join(names())}") from None


@cache
def _registry() -> Registry[Any]:
    """Our schema files, and nothing else.

    A :class:`referencing.Registry` given no ``retrieve`` function refuses
    every URI it does not hold (``Unresolvable``): nothing is ever fetched.
    """
    resources = [
        (document["$id"], Resource.from_contents(document, default_specification=DRAFT202012))
        for document in _documents().values()
    ]
    registry: Registry[Any] = Registry()
    return registry.with_resources(resources).crawl()


def _shown(value: Any, limit: int = 60) -> str:
    """``repr`` of ``value``, cut to about ``limit`` characters."""
    if type(value) is str and len(value) > limit:
        return repr(value[:limit]) + "..."
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "..."


@cache
def _search(pattern: str) -> Callable[[str], object]:
    """A pattern's search function, with ECMA-262's meaning of a final ``$``.

    Without the ``m`` flag, ECMA-262's ``$`` matches at the very end of the
    string; Python's also matches before a final newline, so ``"YT\\n"``
    would pass ``^[A-Z]{2}$``. Every pattern of ours ends with ``$`` (a test
    checks it): that anchor is read as ``\\Z``.
    """
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + "\\Z"
    return re.compile(pattern).search


def _pattern(
    validator: Validator, pattern: str, instance: Any, schema: dict[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    """The ``pattern`` keyword, matched as ECMA-262 matches."""
    if validator.is_type(instance, "string") and _search(pattern)(instance) is None:
        yield jsonschema.ValidationError(f"{_shown(instance)} does not match {pattern!r}")


def _is_uri(instance: object) -> bool:
    """The ``uri`` format: an RFC 3986 URI of at most ``MAX_URL_LENGTH`` characters.

    The length is checked first, so the RFC 3986 expression only ever reads
    a bounded string: time and memory stay linear in the document.
    """
    if not isinstance(instance, str):
        return True
    return len(instance) <= MAX_URL_LENGTH and validate_rfc3986(instance, rule="URI") is not None


_DATE = re.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})")
_TIME = re.compile(
    "[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:[.][0-9]+)?"
    "(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])"
)


def _day_exists(year: int, month: int, day: int) -> bool:
    """Whether the day exists in the proleptic Gregorian calendar, year 0 included."""
    if not 1 <= month <= 12 or day < 1:
        return False
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return day <= (29 if leap else 28)
    return day <= (30 if month in (4, 6, 9, 11) else 31)


def _is_date(instance: object) -> bool:
    """The ``date`` format: an RFC 3339 ``full-date``, ``YYYY-MM-DD``, whose day exists.

    Years 0000-9999 are all RFC 3339 years, as Ajv and jsonschema-rs read
    them; Python's own ``date`` (which jsonschema's check relies on) starts
    at year 1. The library's own narrower range is a rule of the model.
    """
    if not isinstance(instance, str):
        return True
    found = _DATE.fullmatch(instance)
    return found is not None and _day_exists(*map(int, found.groups()))


def _is_date_time(instance: object) -> bool:
    """The ``date-time`` format: an RFC 3339 ``date-time``, offset required, no leap second.

    Read as :func:`_is_date` reads dates. A leap second (``:60``) is
    refused here as the ``Instant`` pattern refuses it.
    """
    if not isinstance(instance, str):
        return True
    found = _DATE.match(instance)
    return (
        found is not None
        and _TIME.fullmatch(instance, found.end()) is not None
        and _day_exists(*map(int, found.groups()))
    )


@cache
def _format_checker() -> FormatChecker:
    """Draft 2020-12's format checks, with ours for the formats the schemas use.

    Ours are bounded (``uri``) and read years as RFC 3339 does (``date``,
    ``date-time``), so the verdict is the same with or without jsonschema-rs.
    """
    checker = FormatChecker(())
    checker.checkers.update(Draft202012Validator.FORMAT_CHECKER.checkers)
    checker.checks("uri")(_is_uri)
    checker.checks("date")(_is_date)
    checker.checks("date-time")(_is_date_time)
    return checker


# Draft 2020-12, with patterns matched as ECMA-262 matches them.
_Validator: Any = extend(Draft202012Validator, {"pattern": _pattern})  # type: ignore[no-untyped-call]


@cache
def validator(name: str = "programme") -> Validator:
    """A cached ``jsonschema`` validator for schema ``name``, formats checked.

    It judges JSON data only: give it data :func:`validate` would accept
    past its first check, or use :func:`validate`.
    """
    built: Validator = _Validator(
        _documents()[name], registry=_registry(), format_checker=_format_checker()
    )
    return built


@cache
def _fast_registry() -> Any:
    """Our schema files for jsonschema-rs, when that package is installed; else None."""
    try:
        import jsonschema_rs
    except ImportError:
        return None
    return jsonschema_rs.Registry([(d["$id"], d) for d in _documents().values()])


def _fast_validator(schema: dict[str, Any]) -> Any:
    import jsonschema_rs

    return jsonschema_rs.validator_for(schema, validate_formats=True, registry=_fast_registry())


@cache
def _fast(name: str) -> Any:
    """A jsonschema-rs validator for schema ``name``, when that package is installed; else None."""
    return None if _fast_registry() is None else _fast_validator(_documents()[name])


@cache
def _fast_item(collection: str) -> Any:
    """A jsonschema-rs validator for one item of a programme's ``collection``."""
    return _fast_validator({"$ref": BASE_URI + _ITEMS[collection]})


def validate(document: Any, name: str = "programme") -> None:
    """Validate ``document`` against schema ``name``; raise :class:`ValidationError`.

    Every problem is reported, with its JSON path and the code the model
    uses for the same mistake, sorted by path (``sessions[2]`` before
    ``sessions[10]``) then code. Data that is not JSON data is refused
    before any schema is consulted, with those problems alone. No other
    exception escapes for any ``document``; an unknown ``name`` raises
    :class:`LookupError`.
    """
    if name not in _documents():
        raise LookupError(f"no schema named {name!r}; there are: {', '.join(names())}")
    problems = check_data(document)
    if problems:
        # A schema cannot judge what is not JSON: a tuple would pass as an array.
        raise ValidationError(sorted_problems(problems))
    found: dict[tuple[Location, str], Problem] = {}
    try:
        for error in _errors(document, name):
            for problem in _problems(error):
                found.setdefault((problem.location, problem.code), problem)
    except RecursionError:
        # Only when called with the stack already nearly full: the data is
        # at most MAX_DEPTH deep, which jsonschema walks in a few hundred frames.
        raise ValidationError(
            [Problem(location=(), code="depth", message="is nested too deeply to validate here")]
        ) from None
    if found:
        raise ValidationError(sorted_problems(found.values()))


def _errors(document: Any, name: str) -> Iterable[jsonschema.ValidationError]:
    """jsonschema's errors for ``document``: none at all when jsonschema-rs finds it valid."""
    if _fast_registry() is not None:
        try:
            if _fast(name).is_valid(document):
                return ()
            failing = _failing_items(document) if name == "programme" else None
        except (ValueError, TypeError, OverflowError, RecursionError):
            # jsonschema-rs refusing data it cannot convert: jsonschema decides.
            failing = None
        if failing:
            return _errors_in_items(document, failing)
    return validator(name).iter_errors(document)


# Where the items of a programme's collections are described.
_ITEMS = {
    "sessions": "session.json",
    "speakers": "speaker.json",
    "organisations": "organisation.json",
    "initiatives": "initiative.json",
    "locations": "programme.json#/$defs/location",
    "tracks": "programme.json#/$defs/track",
}


def _failing_items(document: Any) -> list[tuple[str, int]] | None:
    """The items of a programme jsonschema-rs refuses; ``None`` if anything else fails.

    No constraint of the programme schema spans two items of a collection,
    or an item and the rest, so an item is valid alone exactly when it is
    valid within the document: the rest is checked with its collections
    emptied, then each item alone. Only yes-or-no answers are asked of
    jsonschema-rs: its error messages quote whole values, which costs
    seconds on a 50 MB string.
    """
    if type(document) is not dict:
        return None
    collections = {key: document[key] for key in _ITEMS if type(document.get(key)) is list}
    if not _fast("programme").is_valid({**document, **{key: [] for key in collections}}):
        return None
    failing: list[tuple[str, int]] = []
    for collection, items in collections.items():
        is_valid = _fast_item(collection).is_valid
        failing.extend(
            (collection, index) for index, item in enumerate(items) if not is_valid(item)
        )
    return failing or None


@cache
def _item_validator(collection: str) -> Validator:
    built: Validator = _Validator(
        {"$ref": BASE_URI + _ITEMS[collection]},
        registry=_registry(),
        format_checker=_format_checker(),
    )
    return built


def _errors_in_items(
    document: dict[str, Any], failing: list[tuple[str, int]]
) -> list[jsonschema.ValidationError]:
    """jsonschema's errors in the ``failing`` items, located within the document."""
    found = []
    for collection, index in failing:
        for error in _item_validator(collection).iter_errors(document[collection][index]):
            error.path.extendleft([index, collection])
            found.append(error)
    return found


def _problems(error: jsonschema.ValidationError) -> Iterator[Problem]:
    location: Location = tuple(error.absolute_path)
    keyword = str(error.validator)
    schema: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    if keyword == "anyOf" and _is_optional(error.validator_value):
        # "the value, or null": report what is wrong with the value.
        for sub in error.context or ():
            if sub.schema != {"type": "null"}:
                yield from _problems(sub)
        return
    if keyword == "$ref":  # pragma: no cover - jsonschema reports the referenced keyword
        return
    if keyword == "additionalProperties" and isinstance(error.instance, dict):
        known = schema.get("properties", {})
        for key in error.instance:
            if key not in known:
                yield Problem(
                    location=(*location, key), code="unknown_key", message="is not a known key"
                )
        return
    if keyword == "required" and isinstance(error.instance, dict):
        for key in _listed(error.validator_value):
            if key not in error.instance:
                yield Problem(location=(*location, key), code="required", message="is required")
        return
    if "propertyNames" in error.schema_path:
        # A bad key of a multilingual text: located at the key, as the model does.
        yield Problem(
            location=(*location, str(error.instance)),
            code="language_tag",
            message=f"is not a BCP 47 language tag: {_shown(error.instance)}",
        )
        return
    if keyword == "uniqueItems" and isinstance(error.instance, list):
        # At each later item equal to an earlier one, as the model reports it.
        repeats = list(_later_duplicates(error.instance))
        for index, first in repeats:
            yield Problem(
                location=(*location, index),
                code="duplicate",
                message=f"{_shown(error.instance[index])} is already at index {first}",
            )
        if repeats:
            return
    if keyword == "anyOf":
        # Not "the value, or null": one of several keys is required (a
        # territory's code or name), reported at the object, as the model does.
        keys = [
            key
            for branch in _listed(error.validator_value)
            if isinstance(branch, dict)
            for key in branch.get("required", ())
        ]
        wanted = " or ".join(f"a {key}" for key in keys) or "one of the allowed forms"
        yield Problem(location=location, code="required", message=f"needs {wanted}")
        return
    message = _bounded(error.message)
    if keyword == "maxLength":
        message = f"is longer than {error.validator_value} characters"
    if keyword in _DEFINITION_KEYWORDS:
        title = schema.get("title", "")
        code = _DEFINITION_CODES.get(title, keyword)
        if code == "instant" and isinstance(error.instance, str) and looks_naive(error.instance):
            code = "naive_datetime"
    else:
        code = _CODES.get(keyword, keyword)
    yield Problem(location=location, code=code, message=message)


def _bounded(message: str) -> str:
    return message if len(message) <= _MAX_MESSAGE else message[: _MAX_MESSAGE - 3] + "..."


def _listed(value: Any) -> list[Any]:
    """A keyword's value as a list (jsonschema types it loosely)."""
    return value if isinstance(value, list) else []


def _is_optional(branches: Any) -> bool:
    return isinstance(branches, list) and {"type": "null"} in branches


def _same(value: Any) -> Any:
    """A hashable stand-in for a JSON value, equal where JSON Schema's equality holds.

    ``1`` and ``1.0`` are the same number; ``true`` and ``1`` are not.
    """
    kind = type(value)
    if kind is bool:
        return ("boolean", value)
    if kind is int or kind is float:
        return ("number", value)
    if kind is list:
        return ("array", tuple(_same(item) for item in value))
    if kind is dict:
        return ("object", frozenset((key, _same(item)) for key, item in value.items()))
    return (kind.__name__, value)


def _later_duplicates(items: list[Any]) -> Iterator[tuple[int, int]]:
    """``(index, first_index)`` for each item equal to an earlier one."""
    seen: dict[Any, int] = {}
    for index, item in enumerate(items):
        first = seen.setdefault(_same(item), index)
        if first != index:
            yield index, first


def example_document(name: str = "gsef2021-partenariats") -> dict[str, Any]:
    """A shipped example programme as a JSON document (plain data)."""
    from . import examples

    document: dict[str, Any] = json.loads(examples.text(name))
    return document
