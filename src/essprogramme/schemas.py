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

When the optional ``jsonschema-rs`` package is installed
(``pip install "essprogramme[fast]"``), valid documents are recognised by it,
many times faster; any document it refuses is validated again by
``jsonschema`` itself, so problems, paths and messages are always
``jsonschema``'s.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .errors import Location, Problem, ValidationError
from .model._formats import looks_naive

__all__ = ["BASE_URI", "example_document", "load", "names", "validate", "validator"]

#: Every schema's ``$id`` is this base plus the file name.
BASE_URI = "https://essprogramme.org/schemas/v1/"

# The formats the schemas use; each must really be checked, not skipped.
_FORMATS = ("date", "date-time", "uri")

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
# Pattern and format failures are named by the definition that failed.
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


def _no_retrieval(uri: str) -> Resource[Any]:
    raise LookupError(f"essprogramme never fetches schemas: {uri!r} is not one of its files")


@cache
def _registry() -> Registry[Any]:
    resources = [
        (document["$id"], Resource.from_contents(document, default_specification=DRAFT202012))
        for document in _documents().values()
    ]
    registry: Registry[Any] = Registry(retrieve=_no_retrieval)  # type: ignore[call-arg]
    return registry.with_resources(resources).crawl()


@cache
def validator(name: str = "programme") -> Draft202012Validator:
    """A cached ``jsonschema`` validator for schema ``name``, formats checked."""
    checker = Draft202012Validator.FORMAT_CHECKER
    missing = [f for f in _FORMATS if f not in checker.checkers]
    if missing:  # pragma: no cover - a broken installation
        raise RuntimeError(
            f"jsonschema cannot check the formats {missing}: install jsonschema[format-nongpl]"
        )
    return Draft202012Validator(_documents()[name], registry=_registry(), format_checker=checker)


@cache
def _fast(name: str) -> Any:
    """A jsonschema-rs validator, when that package is installed; else None."""
    try:
        import jsonschema_rs
    except ImportError:
        return None
    registry = jsonschema_rs.Registry([(d["$id"], d) for d in _documents().values()])
    return jsonschema_rs.validator_for(_documents()[name], validate_formats=True, registry=registry)


def validate(document: Any, name: str = "programme") -> None:
    """Validate ``document`` against schema ``name``; raise :class:`ValidationError`.

    Every problem is reported, with its JSON path and the code the model
    uses for the same mistake.
    """
    if name not in _documents():
        raise LookupError(f"no schema named {name!r}; there are: {', '.join(names())}")
    fast = _fast(name)
    errors: Any = None
    if fast is not None:
        if fast.is_valid(document):
            return
        errors = _errors_in_items(fast, document) if name == "programme" else None
    if errors is None:
        errors = validator(name).iter_errors(document)
    found: dict[tuple[Location, str], Problem] = {}
    for error in errors:
        for problem in _problems(error):
            found.setdefault((problem.location, problem.code), problem)
    if found:
        raise ValidationError(sorted(found.values(), key=lambda p: [str(s) for s in p.location]))


# Where the items of a programme's collections are described.
_ITEMS = {
    "sessions": "session.json",
    "speakers": "speaker.json",
    "organisations": "organisation.json",
    "initiatives": "initiative.json",
    "locations": "programme.json#/$defs/location",
    "tracks": "programme.json#/$defs/track",
}


@cache
def _item_validator(collection: str) -> Draft202012Validator:
    return Draft202012Validator(
        {"$ref": BASE_URI + _ITEMS[collection]},
        registry=_registry(),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def _errors_in_items(fast: Any, document: Any) -> list[jsonschema.ValidationError] | None:
    """jsonschema's errors, found by revalidating only the items jsonschema-rs refused.

    No constraint of the programme schema spans two items of a collection, so
    the errors of a failing item are the same whether it is validated alone
    or within the document. ``None`` when an error lies outside the items:
    the whole document is then validated again.
    """
    failing = set()
    for error in fast.iter_errors(document):
        path = list(error.instance_path)
        if len(path) < 2 or path[0] not in _ITEMS or type(path[1]) is not int:
            return None
        failing.add((path[0], path[1]))
    found = []
    for collection, index in sorted(failing):
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
    if keyword == "required":
        key = str(error.message).split("'")[1]
        yield Problem(location=(*location, key), code="required", message="is required")
        return
    if "propertyNames" in error.schema_path:
        # A bad key of a multilingual text: located at the key, as the model does.
        yield Problem(
            location=(*location, str(error.instance)),
            code="language_tag",
            message=f"is not a BCP 47 language tag: {error.instance!r}",
        )
        return
    if keyword in ("pattern", "format"):
        title = schema.get("title", "")
        code = _DEFINITION_CODES.get(title, keyword)
        if code == "instant" and isinstance(error.instance, str) and looks_naive(error.instance):
            code = "naive_datetime"
    else:
        code = _CODES.get(keyword, keyword)
    yield Problem(location=location, code=code, message=error.message)


def _is_optional(branches: Any) -> bool:
    return isinstance(branches, list) and {"type": "null"} in branches


def example_document(name: str = "gsef2021-partenariats") -> dict[str, Any]:
    """A shipped example programme as a JSON document (plain data)."""
    from . import examples

    document: dict[str, Any] = json.loads(examples.text(name))
    return document
