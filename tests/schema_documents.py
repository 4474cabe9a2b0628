"""Documents generated from the schema files alone, for the agreement tests.

A small Hypothesis generator for the JSON Schema keywords our schemas use
(``$ref`` across files, ``type``, ``properties``, ``required``,
``additionalProperties``, ``propertyNames``, ``enum``, ``pattern``,
``format``, ``minLength``, ``minProperties``, ``items``, ``uniqueItems``,
``minimum``, ``maximum``, ``anyOf``, and the rules of ``allOf``: ``not``
and ``if``/``then``/``else``). It reads nothing of the model: what it makes
is what the schemas allow. (hypothesis-jsonschema supports drafts 4-7 only,
without cross-file ``$ref``.)

Rules between fields are met by repairing a drawn object rather than by
filtering: a ``then`` (or ``else``) that fails has its required keys drawn
again until they are given, and its refused keys removed; or, at random,
its ``if`` is made false by removing one of the keys the ``if`` requires.
A ``not`` that fails (none of several keys given) has one of them drawn
again. What a few rounds of repair leave invalid is filtered out.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from referencing._core import Resolver

from essprogramme import schemas
from essprogramme.model._formats import zone_keys

_FORMAT = schemas.validator("defs").format_checker
# Keys such as zone names are drawn half from reality: a random string of the
# right shape is schema-valid, and the model's extra rule (tzdata knows it)
# would refuse almost all of them, leaving little else tested.
_REAL = {"Time zone": st.sampled_from(sorted(zone_keys()))}
_TAGS = st.sampled_from(["fr", "en", "es", "fr-CA", "es-419", "und", "zh-Hant-TW"])
#: Rounds of repair of one object's rules before the filter decides.
_ROUNDS = 6
#: The most optional fields drawn for one object: documents stay small, and
#: every field still comes up across examples.
_FIELDS = 6


def documents(name: str, *, max_depth: int = 2) -> st.SearchStrategy[Any]:
    """Documents that schema ``name`` accepts."""
    schema = schemas.load(name)
    resolver = schemas._registry().resolver(schema["$id"])
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
        resolver = resolver.in_subresource(schemas._registry()[schema["$id"]])
    if "anyOf" in schema and "type" not in schema:
        return st.one_of([_for(branch, resolver, depth) for branch in schema["anyOf"]])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        return st.integers(schema.get("minimum"), schema.get("maximum"))
    if kind == "number":
        low, high = schema.get("minimum"), schema.get("maximum")
        return st.integers(low, high) | st.floats(low, high, allow_nan=False)
    if kind == "string":
        return _string(schema)
    if kind == "array":
        items = _for(schema["items"], resolver, depth)
        if items.is_empty:
            return st.just([])
        unique = schema.get("uniqueItems", False)
        return st.lists(items, max_size=3, unique_by=_key if unique else None)
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


class _Rule:
    """One rule of an object's ``allOf``, checked and repaired on plain dicts."""

    def __init__(self, rule: dict[str, Any], optional: set[str]) -> None:
        self.none_of = None
        self.condition = self.then = self.otherwise = None
        if "not" in rule:  # at least one of these keys is given
            self.none_of = Draft202012Validator(rule["not"])
            self.keys = sorted(rule["not"]["properties"])
        else:
            self.condition = Draft202012Validator(rule["if"])
            # Keys whose removal makes the ``if`` false.
            self.keys = sorted(set(rule["if"].get("required", ())) & optional)
            self.then = rule.get("then")
            self.otherwise = rule.get("else")
        # Validators of each branch and of its properties, built once.
        self.checks = {
            id(branch): (
                Draft202012Validator(branch),
                {
                    name: Draft202012Validator(sub)
                    for name, sub in branch.get("properties", {}).items()
                },
            )
            for branch in (self.then, self.otherwise)
            if branch is not None
        }

    def repair(self, draw: st.DrawFn, result: dict[str, Any], fields: dict[str, Any]) -> bool:
        """Change ``result`` towards meeting the rule; ``True`` if it already did."""
        if self.none_of is not None:
            if not self.none_of.is_valid(result):
                return True
            name = draw(st.sampled_from(self.keys))
            result[name] = draw(fields[name].filter(lambda v: v is not None))
            return False
        assert self.condition is not None
        branch = self.then if self.condition.is_valid(result) else self.otherwise
        if branch is None:
            return True
        whole, parts = self.checks[id(branch)]
        if whole.is_valid(result):
            return True
        if self.keys and branch is self.then and draw(st.booleans()):
            result.pop(draw(st.sampled_from(self.keys)))
            return False
        required = set(branch.get("required", ()))
        for name, check in parts.items():
            if name in result and check.is_valid(result[name]):
                continue
            if name in required:
                result[name] = draw(fields[name].filter(check.is_valid))
            else:
                result.pop(name, None)
        return False


def _object(schema: dict[str, Any], resolver: Resolver[Any], depth: int) -> st.SearchStrategy[Any]:
    if "propertyNames" in schema:  # a multilingual text
        # Its keys half the time from a few real tags: drawing from the language tag
        # pattern costs ~20 ms a tag, and multilingual texts are everywhere.
        keys = _TAGS | _for(schema["propertyNames"], resolver, depth)
        values = _for(schema["additionalProperties"], resolver, depth)
        return st.dictionaries(keys, values, min_size=schema.get("minProperties", 0), max_size=3)
    properties = schema.get("properties", {})
    required = set(schema.get("required", ()))
    fields = {name: _for(sub, resolver, depth) for name, sub in properties.items()}
    optional = [name for name in properties if name not in required and not fields[name].is_empty]
    rules = [_Rule(rule, set(optional)) for rule in schema.get("allOf", ())]

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        chosen = (
            set(draw(st.lists(st.sampled_from(optional), unique=True, max_size=_FIELDS)))
            if optional
            else set()
        )
        result = {name: draw(fields[name]) for name in properties if name in required | chosen}
        for _ in range(_ROUNDS):
            met = [rule.repair(draw, result, fields) for rule in rules]
            if all(met):
                break
        # Key order as the schema lists the properties, whatever the repairs did.
        return {name: result[name] for name in properties if name in result}

    return build()
