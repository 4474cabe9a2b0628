"""Model classes and their schema objects have the same properties, requiredness and shapes.

Derived from both sides: the attrs fields of every class a programme holds,
and the schema files as shipped (each class's schema object found by its
``title``). A field declared without its schema property, a property left
behind, a default added on one side only, a type changed on one side only:
each turns a test here red. docs/model.md's table of types is held to the
same fields.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import attrs
import pytest

from documented import model_table
from essprogramme import LocalizedText, PartialDate, Programme, Session, schemas

#: A string field's ``"format"`` metadata -> the definition in defs.json.
FORMAT_DEFINITIONS = {
    "id": "id",
    "language": "language_tag",
    "zone": "zone_key",
    "url": "url",
    "country": "country_code",
    "territory": "territory_code",
}
#: Types whose JSON form is one definition of defs.json.
TYPE_DEFINITIONS: dict[Any, str] = {
    datetime: "instant",
    date: "date",
    PartialDate: "partial_date",
    LocalizedText: "localized_text",
}
_DEFS = "defs.json"

Shape = tuple[Any, ...]


def _classes() -> list[type]:
    """Programme and every model class its fields hold, nested ones included."""
    found: list[type] = []
    todo: list[Any] = [Programme]
    while todo:
        t = todo.pop()
        todo.extend(typing.get_args(t))
        if attrs.has(t) and t not in found and t is not PartialDate:
            found.append(t)
            attrs.resolve_types(t)
            todo.extend(f.type for f in attrs.fields(t) if f.init)
    return sorted(found, key=lambda c: c.__name__)


CLASSES = _classes()


def _normal(title: str) -> str:
    return title.replace(" ", "").replace("_", "").lower()


# The schema side ----------------------------------------------------------------


def _resolve(ref: str, here: str) -> tuple[str, dict[str, Any], str | None]:
    """``(file, node, definition name)`` that ``ref``, written in file ``here``, names."""
    file, _, pointer = ref.partition("#")
    file = file or here
    node = schemas.load(file.removesuffix(".json"))
    steps = [s for s in pointer.split("/") if s]
    for step in steps:
        node = node[step]
    name = steps[-1] if len(steps) == 2 and steps[0] == "$defs" else None
    return file, node, name


def schema_shape(node: dict[str, Any], here: str) -> Shape:
    """The shape of a schema node: what JSON it holds, in the terms of :func:`model_shape`."""
    if "$ref" in node:
        file, target, name = _resolve(node["$ref"], here)
        if "properties" in target:
            return ("object", _normal(target["title"]))
        if file == _DEFS and name is not None:
            if target.get("type") == "integer":
                return ("integer", target.get("minimum"), target.get("maximum"))
            return ("definition", name)
        return ("unknown", node["$ref"])
    if "anyOf" in node:
        branches = [b for b in node["anyOf"] if b != {"type": "null"}]
        if len(branches) == 1 and len(node["anyOf"]) == 2:
            return ("optional", schema_shape(branches[0], here))
    if "enum" in node:
        return ("enum", frozenset(node["enum"]))
    if node.get("type") == "integer":
        return ("integer", node.get("minimum"), node.get("maximum"))
    if node.get("type") == "array":
        return ("array", schema_shape(node["items"], here), bool(node.get("uniqueItems")))
    return ("unknown", tuple(sorted(node)))


def _objects() -> Iterator[tuple[str, dict[str, Any]]]:
    """``(file, node)`` for every object with properties in the schema files."""

    def walk(node: Any, file: str, path: str) -> Iterator[tuple[str, dict[str, Any]]]:
        if isinstance(node, dict):
            constraint = any(f"/{k}" in path for k in ("anyOf", "if", "then", "properties/"))
            if "properties" in node and "title" in node and not constraint:
                yield file, node
            for key, value in node.items():
                yield from walk(value, file, f"{path}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from walk(value, file, f"{path}/{index}")

    for name in schemas.names():
        yield from walk(schemas.load(name), f"{name}.json", "")


def schema_object(cls: type) -> tuple[str, dict[str, Any]]:
    """The schema object describing ``cls``: the one whose title is its name."""
    found = [(f, n) for f, n in _objects() if _normal(n["title"]) == _normal(cls.__name__)]
    assert len(found) == 1, f"{cls.__name__}: {len(found)} schema objects titled so"
    return found[0]


# The model side -----------------------------------------------------------------


def model_shape(t: Any, metadata: Any) -> Shape:
    """The shape of a field of type ``t`` with ``metadata`` (which applies to items too)."""
    origin = typing.get_origin(t)
    args = typing.get_args(t)
    if type(None) in args:
        (inner,) = [a for a in args if a is not type(None)]
        return ("optional", model_shape(inner, metadata))
    if origin is tuple:
        return ("array", model_shape(args[0], metadata), bool(metadata.get("distinct")))
    if origin is frozenset:
        return ("array", model_shape(args[0], metadata), True)
    if t is str:
        return ("definition", FORMAT_DEFINITIONS.get(metadata.get("format", ""), "text"))
    if t is int:
        return ("integer", metadata.get("min"), metadata.get("max"))
    if t in TYPE_DEFINITIONS:
        return ("definition", TYPE_DEFINITIONS[t])
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return ("enum", frozenset(member.value for member in t))
    if attrs.has(t):
        return ("object", _normal(t.__name__))
    return ("unknown", t)


def differences(cls: type, file: str, node: dict[str, Any]) -> list[str]:
    """How class ``cls`` and its schema object ``node`` (in ``file``) differ; empty if not."""
    attrs.resolve_types(cls)
    fields = {f.name: f for f in attrs.fields(cls) if f.init}
    properties = node.get("properties", {})
    found = [f"{name}: a field without a schema property" for name in fields.keys() - properties]
    found += [f"{name}: a schema property without a field" for name in properties.keys() - fields]
    required = {name for name, f in fields.items() if f.default is attrs.NOTHING}
    if required != set(node.get("required", ())):
        found.append(
            f"required: the model has {sorted(required)}, the schema {node.get('required')}"
        )
    for name in fields.keys() & properties.keys():
        model = model_shape(fields[name].type, fields[name].metadata)
        schema = schema_shape(properties[name], file)
        if model != schema:
            found.append(f"{name}: the model says {model}, the schema {schema}")
    if node.get("additionalProperties") is not False:
        found.append("the schema object does not refuse unknown keys")
    return found


# The tests ----------------------------------------------------------------------


def test_every_class_a_programme_holds_is_checked() -> None:
    names = {c.__name__ for c in CLASSES}
    assert {"Programme", "Session", "Contribution", "Territory", "Interval", "Figure"} <= names


@pytest.mark.parametrize("cls", CLASSES, ids=[c.__name__ for c in CLASSES])
def test_model_class_and_schema_object_agree(cls: type) -> None:
    file, node = schema_object(cls)
    assert differences(cls, file, node) == []


@pytest.mark.parametrize("cls", CLASSES, ids=[c.__name__ for c in CLASSES])
def test_the_model_page_lists_every_field(cls: type) -> None:
    table = model_table()
    assert cls.__name__ in table, f"docs/model.md has no row for {cls.__name__}"
    assert set(table[cls.__name__]) == {f.name for f in attrs.fields(cls) if f.init}


# The tests above can fail --------------------------------------------------------


def test_a_field_forgotten_in_the_schema_is_found() -> None:
    extended = attrs.make_class(
        "Session",
        {
            "not_in_the_schema": attrs.field(
                default=None, type=str | None, metadata={"format": "url"}
            )
        },
        bases=(Session,),
        frozen=True,
        kw_only=True,
    )
    file, node = schema_object(Session)
    assert differences(extended, file, node) == [
        "not_in_the_schema: a field without a schema property"
    ]


def test_a_changed_or_dropped_schema_property_is_found() -> None:
    file, node = schema_object(Session)
    node["properties"]["url"] = {"$ref": "defs.json#/$defs/url"}  # no longer optional
    node["properties"]["languages"].pop("uniqueItems")
    del node["properties"]["tags"]
    node["required"].remove("end")
    assert sorted(differences(Session, file, node)) == [
        "languages: the model says ('array', ('definition', 'language_tag'), True), "
        "the schema ('array', ('definition', 'language_tag'), False)",
        "required: the model has ['end', 'format', 'id', 'start', 'title'], "
        "the schema ['id', 'title', 'format', 'start']",
        "tags: a field without a schema property",
        "url: the model says ('optional', ('definition', 'url')), the schema ('definition', 'url')",
    ]
