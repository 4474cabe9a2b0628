"""Documents generated from the schema files alone, for the agreement tests.

A small Hypothesis generator for the JSON Schema keywords our schemas use
(``$ref`` across files, ``type``, ``properties``, ``required``,
``additionalProperties``, ``propertyNames``, ``enum``, ``pattern``,
``format``, ``minLength``, ``minProperties``, ``items``, ``uniqueItems``,
``maxItems``, ``minimum``, ``maximum``, ``anyOf``, ``if``/``then``). It reads
nothing of the model: what it makes is what the schemas allow.
(hypothesis-jsonschema supports drafts 4-7 only, without cross-file ``$ref``.)
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

if TYPE_CHECKING:
    from referencing._core import Resolver

from essprogramme import schemas
from essprogramme.strategies import ZONES

_FORMAT = schemas.validator("defs").format_checker
# Keys such as zone names are drawn half from reality: a random string of the
# right shape is schema-valid, and the model's extra rule (tzdata knows it)
# would refuse almost all of them, leaving little else tested.
_REAL = {"Time zone": st.sampled_from(ZONES)}


@cache
def _registry() -> Registry[Any]:
    """The schema files by ``$id``, read through the public ``schemas.load``."""
    documents = [schemas.load(name) for name in schemas.names()]
    return Registry().with_resources(
        (d["$id"], Resource.from_contents(d, default_specification=DRAFT202012)) for d in documents
    )


def documents(name: str, *, max_depth: int = 2) -> st.SearchStrategy[Any]:
    """Documents that schema ``name`` accepts."""
    schema = schemas.load(name)
    resolver = _registry().resolver(schema["$id"])
    validator = schemas.validator(name)
    return _for(schema, resolver, max_depth).filter(validator.is_valid)


def _for(schema: Any, resolver: Resolver[Any], depth: int) -> st.SearchStrategy[Any]:
    if "$ref" in schema:
        resolved = resolver.lookup(schema["$ref"])
        if schema["$ref"] == "#" or schema["$ref"].endswith("territory.json"):
            # The one recursive schema (a region's members): bounded depth.
            if depth <= 0:
                return st.nothing()
            depth -= 1
        return _for(resolved.contents, resolved.resolver, depth)
    if "$id" in schema:
        resolver = resolver.in_subresource(_registry()[schema["$id"]])
    if "anyOf" in schema and "type" not in schema:
        return st.one_of([_for(branch, resolver, depth) for branch in schema["anyOf"]])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "null":
        return st.none()
    if kind == "integer":
        return st.integers(schema.get("minimum"), schema.get("maximum"))
    if kind == "string":
        return _string(schema)
    if kind == "array":
        items = _for(schema["items"], resolver, depth)
        if items.is_empty:
            return st.just([])
        unique = schema.get("uniqueItems", False)
        return st.lists(
            items, max_size=schema.get("maxItems", 3), unique_by=_key if unique else None
        )
    if kind == "object":
        return _object(schema, resolver, depth)
    raise NotImplementedError(f"no generator for {schema!r}")


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


@st.composite
def _date_times(draw: st.DrawFn) -> str:
    """RFC 3339 date-times in every spelling the pattern allows."""
    moment = draw(st.datetimes(datetime(1, 1, 2), datetime(9999, 12, 30)))
    digits = draw(st.integers(0, 6))
    fraction = f".{moment.microsecond:06d}"[: digits + 1] if digits else ""
    minutes = draw(st.integers(-23 * 60 - 59, 23 * 60 + 59))
    sign = "-" if minutes < 0 else "+"
    offset = draw(
        st.sampled_from(["Z", "z", f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"])
    )
    t = draw(st.sampled_from("Tt"))
    return f"{moment:%Y-%m-%d}{t}{moment:%H:%M:%S}{fraction}{offset}"


_BY_FORMAT = {
    "date-time": _date_times(),
    "date": st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}"),
}


def _string(schema: dict[str, Any]) -> st.SearchStrategy[str]:
    if schema.get("format") in _BY_FORMAT:
        strings = _BY_FORMAT[schema["format"]]
        if "pattern" in schema:
            strings = strings.filter(re.compile(schema["pattern"]).match)
        return strings
    if "pattern" in schema:
        strings = st.from_regex(schema["pattern"], fullmatch=True)
    else:
        strings = st.text(min_size=schema.get("minLength", 0), max_size=20)
    if "title" in schema and schema["title"] in _REAL:
        strings = _REAL[schema["title"]] | strings
    if "format" in schema:
        fmt = schema["format"]
        strings = strings.filter(lambda s: _FORMAT.conforms(s, fmt))
    return strings


def _object(schema: dict[str, Any], resolver: Resolver[Any], depth: int) -> st.SearchStrategy[Any]:
    if "propertyNames" in schema:  # a multilingual text
        keys = _for(schema["propertyNames"], resolver, depth)
        values = _for(schema["additionalProperties"], resolver, depth)
        return st.dictionaries(keys, values, min_size=schema.get("minProperties", 0), max_size=3)
    properties = schema.get("properties", {})
    required = set(schema.get("required", ()))
    fields = {name: _for(sub, resolver, depth) for name, sub in properties.items()}
    optional = [name for name in properties if name not in required and not fields[name].is_empty]

    branches = [set(b.get("required", ())) for b in schema.get("anyOf", ())]
    condition = Draft202012Validator(schema["if"]) if "if" in schema else None

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        chosen = set(draw(st.lists(st.sampled_from(optional), unique=True))) if optional else set()
        if branches:  # anyOf: one branch's keys are present, with values of its type
            needed = draw(st.sampled_from(branches))
            chosen |= needed
        result = {name: draw(fields[name]) for name in properties if name in required | chosen}
        for name in needed if branches else ():
            while result[name] is None:
                result[name] = draw(fields[name])
        if condition is not None and condition.is_valid(result):  # if/then: maxItems 0
            for name, sub in schema["then"]["properties"].items():
                if sub.get("maxItems") == 0 and name in result:
                    result[name] = []
        return result

    return build()
