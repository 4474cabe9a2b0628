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
>>> schemas.validate({"id": "s", "end": "2021-10-08T12:30:00Z"}, "session")
Traceback (most recent call last):
...
essprogramme.errors.ValidationError: 3 problems:
  $.format: is required [required]
  $.start: An end needs a start. [required]
  $.title: is required [required]

Rules between fields that JSON Schema can express (an end needs a start,
exactly one of a participant's speaker and organisation, no participants
in a break...) are written as ``if``/``then`` and ``not`` subschemas whose
``title`` names the rule; their problems are reported with the model's
code, at the model's location (see :data:`RULE_CODES`). The rules it
cannot express are listed in :data:`MODEL_ONLY`.

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

An integer too long for Python to print (over 4300 digits, which
``jsonschema`` would try to quote) is judged through a stand-in of the same
sign and verdict, and named by its size in messages.

Patterns are matched as ECMA-262 (and so Ajv) matches them: a final ``$``
matches at the very end of the string only, never before a final newline.
The formats are checked by functions of this module, so that the verdict
is the same with or without ``jsonschema-rs``: ``uri`` (RFC 3986, at most
8192 characters, the length checked first), ``date`` and ``date-time``
(RFC 3339, whose years run from 0000).

Valid documents are recognised by ``jsonschema-rs`` (a dependency), many
times faster; what it refuses (only the refused items, for a programme) is
validated again by ``jsonschema`` itself, so problems, paths and messages
are always ``jsonschema``'s. Where ``jsonschema-rs`` cannot be imported (a
platform without its wheels), ``jsonschema`` alone gives the same verdicts,
more slowly.
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
from referencing import Registry
from referencing.jsonschema import DRAFT202012
from rfc3986_validator import validate_rfc3986  # type: ignore[import-untyped]

from ._jsondata import check_data
from .errors import Location, Problem, ValidationError, sorted_problems
from .model._formats import MAX_URL_LENGTH, looks_naive
from .model._rules import show

__all__ = [
    "BASE_URI",
    "MODEL_ONLY",
    "RULE_CODES",
    "example_document",
    "load",
    "names",
    "validate",
    "validator",
]

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
    "UN/LOCODE": "locode",
    "E-mail address": "email",
    "Currency": "currency",
    "Decimal amount": "decimal",
    "Colour": "color",
    "Field name": "field",
}
#: The rules between fields the schema files express, by the ``title`` of the
#: subschema whose keyword fails: the model's code for each. The problem is
#: located where that keyword is (a ``then``'s ``required`` at the missing
#: key, a property's ``not`` or ``const`` at the property, an ``allOf``'s
#: ``not`` at the object), which is where the model reports it.
RULE_CODES = {
    # Session: the shapes of its time, and breaks.
    "Start, needed by an end": "required",
    "Start date, with a start": "time_shape",
    "Start date, needed by an end date": "required",
    "Participants of a break": "pause_participants",
    # Participant: exactly one of speaker and organisation, reported at speaker.
    "Speaker, or an organisation": "exactly_one",
    "Speaker, with an organisation": "exactly_one",
    # At least one of several keys, reported at the object.
    "A name or an office": "required",
    "A URL or a citation": "required",
    "A code, a LOCODE or a name": "required",
    # Territory.
    "Members of a coded territory": "territory_members",
    "Within, with a code": "territory_within",
    # Registration and prices.
    "Full, with places left": "places",
    "Amount of a free price": "price",
    "Amount of a fixed price": "required",
    "Currency of an amount": "required",
}
#: The codes of the rules JSON Schema cannot express: only the library finds
#: these problems, and a document the schemas accept may still break them
#: (docs/schemas.md lists each rule; a test keeps the two lists equal).
MODEL_ONLY = frozenset(
    {
        "end_before_start",  # an end after its start: sessions, intervals, dates, periods
        "duplicate_id",  # ids unique within a collection
        "unknown_reference",  # every reference resolves; a figure's part_of is in its list
        "self_reference",  # an initiative not related to itself; no session or place its own parent
        "cycle",  # no session or place inside itself through its parents
        "outside_programme",  # sessions on the programme's days, in local time, or its extra_days
        "interpretation",  # no interpretation into a floor language
        "range",  # places_left not above capacity; a figure's part not above its whole
        "unknown_field",  # an inferred mark names a field of its object
        "time_zone",  # the zone is known to tzdata
        "partial_date",  # the day exists in its month
        "date",  # a date within the years 1-9999
        "instant_range",  # the instant is within years 1-9999 once in UTC
        "empty",  # text is not whitespace only
        "duplicate_language",  # no language twice in one text, whatever the case
        "duplicate",  # no language twice in a list, whatever the case; a field inferred once
        "overlapping_availability",  # availability intervals do not overlap
        "type",  # integers written without a fraction (59, not 59.0)
        "duplicate_key",  # no key twice in one object of the JSON text
        "depth",  # at most MAX_DEPTH containers deep (schemas.validate checks it first)
    }
)
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
def _bare() -> dict[str, dict[str, Any]]:
    """The schema files without their ``$schema``, for our validator class.

    jsonschema picks a validator class by a schema's ``$schema`` whenever it
    follows a ``$ref`` into another file (or to ``#``): with it, the plain
    Draft 2020-12 class would take over there, and with it Python's meaning
    of a final ``$`` (``"eser\\n"`` would pass as an id). Every file is
    Draft 2020-12, which the registry records instead.
    """
    return {
        name: {key: value for key, value in document.items() if key != "$schema"}
        for name, document in _documents().items()
    }


@cache
def _registry() -> Registry[Any]:
    """Our schema files, and nothing else.

    A :class:`referencing.Registry` given no ``retrieve`` function refuses
    every URI it does not hold (``Unresolvable``): nothing is ever fetched.
    """
    resources = [
        (document["$id"], DRAFT202012.create_resource(document)) for document in _bare().values()
    ]
    registry: Registry[Any] = Registry()
    return registry.with_resources(resources).crawl()


def _shown(value: Any, limit: int = 60, stand_ins: _StandIns | None = None) -> str:
    """``repr`` of ``value``, cut to about ``limit`` characters; a stand-in by its name."""
    if type(value) is int and stand_ins and value.bit_length() > _PRINTABLE_BITS:
        return stand_ins.named(str(value))
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
        _bare()[name], registry=_registry(), format_checker=_format_checker()
    )
    return built


@cache
def _fast_registry() -> Any:
    """Our schema files for jsonschema-rs; None where it cannot be imported."""
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
    stand_ins = _StandIns()
    try:
        for error in _errors(document, name, stand_ins):
            for problem in _problems(error, stand_ins):
                found.setdefault((problem.location, problem.code), problem)
    except RecursionError:
        # Only when called with the stack already nearly full: the data is
        # at most MAX_DEPTH deep, which jsonschema walks in a few hundred frames.
        raise ValidationError(
            [Problem(location=(), code="depth", message="is nested too deeply to validate here")]
        ) from None
    if found:
        raise ValidationError(sorted_problems(found.values()))


def _errors(document: Any, name: str, stand_ins: _StandIns) -> Iterable[jsonschema.ValidationError]:
    """jsonschema's errors for ``document``: none at all when jsonschema-rs finds it valid.

    What jsonschema judges has its unprintable integers replaced first (see
    :func:`_printable`), by ``stand_ins``.
    """
    if _fast_registry() is not None:
        try:
            if _fast(name).is_valid(document):
                return ()
            failing = _failing_items(document) if name == "programme" else None
        except (ValueError, TypeError, OverflowError, RecursionError):
            # jsonschema-rs refusing data it cannot convert: jsonschema decides.
            failing = None
        if failing:
            return _errors_in_items(document, failing, stand_ins)
    return validator(name).iter_errors(_printable(document, stand_ins))


#: Integers of more bits than this are judged through a stand-in: Python
#: refuses to print an integer of more than 4300 digits (``ValueError``), and
#: jsonschema prints every value it refuses, even inside ``not`` or ``if``.
_PRINTABLE_BITS = 10_000


class _StandIns:
    """The stand-ins of the integers too long to print, for one document.

    A stand-in keeps the verdict of every schema of ours: it has the
    integer's sign and lies beyond every bound the schemas set (it has more
    than 10,000 bits); equal integers get equal stand-ins, different ones
    different stand-ins.
    """

    def __init__(self) -> None:
        self.of: dict[int, int] = {}
        #: A stand-in's digits -> what messages say instead (the integer's size).
        self.names: dict[str, str] = {}

    def __call__(self, value: int) -> int:
        stand_in = self.of.get(value)
        if stand_in is None:
            magnitude = (1 << _PRINTABLE_BITS) + len(self.of)
            stand_in = self.of[value] = magnitude if value > 0 else -magnitude
            self.names[str(stand_in)] = show(value)
        return stand_in

    def named(self, message: str) -> str:
        """``message`` with the stand-ins it quotes named as the integers they replace."""
        # Negative stand-ins first: a positive stand-in's digits are inside them.
        for digits in sorted(self.names, key=len, reverse=True):
            message = message.replace(digits, self.names[digits])
        return message


def _printable(data: Any, stand_ins: _StandIns) -> Any:
    """``data``, with each integer too long to print replaced by a stand-in.

    ``data`` itself is returned, uncopied, when it holds no such integer;
    it is JSON data at most ``MAX_DEPTH`` deep.
    """
    if not _has_huge_integer(data):
        return data

    def copy_of(value: Any) -> Any:
        kind = type(value)
        if kind is dict:
            return {key: copy_of(item) for key, item in value.items()}
        if kind is list:
            return [copy_of(item) for item in value]
        if kind is int and value.bit_length() > _PRINTABLE_BITS:
            return stand_ins(value)
        return value

    return copy_of(data)


def _has_huge_integer(data: Any) -> bool:
    stack = [data]
    while stack:
        value = stack.pop()
        kind = type(value)
        if kind is dict:
            stack.extend(value.values())
        elif kind is list:
            stack.extend(value)
        elif kind is int and value.bit_length() > _PRINTABLE_BITS:
            return True
    return False


# Where the items of a programme's collections are described.
_ITEMS = {
    "sessions": "session.json",
    "speakers": "speaker.json",
    "organisations": "organisation.json",
    "initiatives": "initiative.json",
    "locations": "location.json",
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
    document: dict[str, Any], failing: list[tuple[str, int]], stand_ins: _StandIns
) -> list[jsonschema.ValidationError]:
    """jsonschema's errors in the ``failing`` items, located within the document."""
    found = []
    for collection, index in failing:
        item = _printable(document[collection][index], stand_ins)
        for error in _item_validator(collection).iter_errors(item):
            error.path.extendleft([index, collection])
            found.append(error)
    return found


def _problems(
    error: jsonschema.ValidationError, stand_ins: _StandIns | None = None
) -> Iterator[Problem]:
    """The problems an error of jsonschema stands for, as the model reports them.

    ``stand_ins`` names the stand-ins of unprintable integers (see :func:`_printable`).
    """
    location: Location = tuple(error.absolute_path)
    keyword = str(error.validator)
    schema: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    if keyword == "anyOf" and _is_optional(error.validator_value):
        # "the value, or null": report what is wrong with the value.
        for sub in error.context or ():
            if sub.schema != {"type": "null"}:
                yield from _problems(sub, stand_ins)
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
    rule = schema.get("title")
    rule_code = RULE_CODES.get(rule) if isinstance(rule, str) else None
    if keyword == "required" and isinstance(error.instance, dict):
        # A missing key, or a key a rule requires (a then's required): at the key.
        code, message = (rule_code, _rule_message(schema)) if rule_code else ("required", "")
        for key in _listed(error.validator_value):
            if key not in error.instance:
                yield Problem(
                    location=(*location, key), code=code, message=message or "is required"
                )
        return
    if rule_code is not None:
        # A rule between fields, where its keyword fails: the model's code and place.
        yield Problem(location=location, code=rule_code, message=_rule_message(schema))
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
                message=f"{_shown(error.instance[index], stand_ins=stand_ins)} is already at index {first}",
            )
        if repeats:
            return
    message = _bounded(stand_ins.named(error.message) if stand_ins else error.message)
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


def _rule_message(schema: dict[str, Any]) -> str:
    """What a rule's subschema says of itself: its description."""
    description = schema.get("description")
    return description if isinstance(description, str) else str(schema.get("title"))


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
