"""Model classes and their schema objects have the same properties, requiredness and shapes.

Derived from both sides: the attrs fields of every class a programme holds,
and the schema files as shipped (each class's schema object found by its
``$comment``, ``"essprogramme.Session"``). A field declared without its
schema property, a property left behind, a default added on one side only,
a type changed on one side only, a format or a vocabulary that differs:
each turns a test here red. docs/model.md's table of types is held to the
same fields.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from documented import model_table
from essprogramme import (
    LocalizedText,
    PartialDate,
    Programme,
    Session,
    ValidationError,
    from_dict,
    schemas,
    strategies,
    to_dict,
)
from essprogramme.model._rules import FORMATS

#: A string field's ``"format"`` metadata -> the definition in defs.json.
FORMAT_DEFINITIONS = {
    "id": "id",
    "language": "language_tag",
    "zone": "zone_key",
    "url": "url",
    "country": "country_code",
    "territory": "territory_code",
    "locode": "locode",
    "email": "email",
    "currency": "currency",
    "color": "color",
    "field": "field_name",
}
#: Types whose JSON form is one definition of defs.json.
TYPE_DEFINITIONS: dict[Any, str] = {
    datetime: "instant",
    date: "date",
    Decimal: "decimal",
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
        if "$comment" in target:
            return ("object", target["$comment"].removeprefix("essprogramme."))
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
        return ("enum", tuple(node["enum"]))
    if node.get("type") == "integer":
        return ("integer", node.get("minimum"), node.get("maximum"))
    if node.get("type") == "number":
        return ("number", node.get("minimum"), node.get("maximum"))
    if node.get("type") == "boolean":
        return ("boolean",)
    if node.get("type") == "array":
        return ("array", schema_shape(node["items"], here), bool(node.get("uniqueItems")))
    return ("unknown", tuple(sorted(node)))


def _located_objects() -> Iterator[tuple[str, str, dict[str, Any]]]:
    """``(file, JSON pointer, node)`` for every schema object naming a model class."""

    def walk(node: Any, file: str, pointer: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
        if isinstance(node, dict):
            if str(node.get("$comment", "")).startswith("essprogramme."):
                yield file, pointer, node
            for key, value in node.items():
                yield from walk(value, file, f"{pointer}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from walk(value, file, f"{pointer}/{index}")

    for name in schemas.names():
        yield from walk(schemas.load(name), f"{name}.json", "")


def _objects() -> Iterator[tuple[str, dict[str, Any]]]:
    """``(file, node)`` for every schema object that names a model class in its ``$comment``."""
    for file, _, node in _located_objects():
        yield file, node


def schema_object(cls: type) -> tuple[str, dict[str, Any]]:
    """The schema object describing ``cls``: the one whose ``$comment`` names it."""
    found = [(f, n) for f, n in _objects() if n["$comment"] == f"essprogramme.{cls.__name__}"]
    assert len(found) == 1, f"{cls.__name__}: {len(found)} schema objects name it"
    return found[0]


def schema_validator(cls: type) -> Draft202012Validator:
    """A validator of the schema object describing ``cls``, wherever it is."""
    name = f"essprogramme.{cls.__name__}"
    file, pointer = next((f, p) for f, p, n in _located_objects() if n["$comment"] == name)
    return Draft202012Validator(
        {"$ref": f"{schemas.BASE_URI}{file}#{pointer}"}, registry=schemas._registry()
    )


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
    if t is float:
        return ("number", metadata.get("min"), metadata.get("max"))
    if t is bool:
        return ("boolean",)
    if t in TYPE_DEFINITIONS:
        return ("definition", TYPE_DEFINITIONS[t])
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return ("enum", tuple(member.value for member in t))
    if attrs.has(t):
        return ("object", t.__name__)
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
    assert {"Programme", "Session", "Participant", "Territory", "Price", "Coordinates"} <= names


def test_every_format_has_its_definition() -> None:
    assert set(FORMAT_DEFINITIONS) == set(FORMATS) | {"id"}
    definitions = schemas.load("defs")["$defs"]
    assert set(FORMAT_DEFINITIONS.values()) <= set(definitions)


def test_every_schema_object_names_a_class_of_the_model() -> None:
    named = {node["$comment"] for _, node in _objects()}
    assert named == {f"essprogramme.{cls.__name__}" for cls in CLASSES}


@pytest.mark.parametrize("cls", CLASSES, ids=[c.__name__ for c in CLASSES])
def test_model_class_and_schema_object_agree(cls: type) -> None:
    file, node = schema_object(cls)
    assert differences(cls, file, node) == []


@pytest.mark.parametrize("cls", CLASSES, ids=[c.__name__ for c in CLASSES])
def test_the_model_page_lists_every_field(cls: type) -> None:
    table = model_table()
    assert cls.__name__ in table, f"docs/model.md has no row for {cls.__name__}"
    assert set(table[cls.__name__]) == {f.name for f in attrs.fields(cls) if f.init}


ONE_OF = [
    c for c in CLASSES if getattr(c, "_required_one_of", ()) or getattr(c, "_exactly_one_of", ())
]


@pytest.mark.parametrize("cls", ONE_OF, ids=[c.__name__ for c in ONE_OF])
@given(data=st.data())
def test_the_schema_states_every_one_of_rule_of_the_model(cls: type, data: st.DataObject) -> None:
    """A class's ``_required_one_of`` (``_exactly_one_of``) is a rule of its schema object too:
    without any of the fields (or with all of them) both sides refuse the object, there."""
    document = to_dict(data.draw(strategies.for_type(cls)))
    validator = schema_validator(cls)
    assert validator.is_valid(document)
    exactly: tuple[str, ...] = getattr(cls, "_exactly_one_of", ())
    names: tuple[str, ...] = exactly or cls._required_one_of  # type: ignore[attr-defined]
    given_values = {name: document.pop(name) for name in names if name in document}
    broken = [document]
    if exactly:  # all of them given is as wrong as none
        others = {name: data.draw(strategies.ids()) for name in names}
        broken.append({**document, **others, **given_values})
    at = "$" if not exactly else f"$.{exactly[0]}"
    for wrong in broken:
        assert not validator.is_valid(wrong), wrong
        with pytest.raises(ValidationError) as error:
            from_dict(wrong, cls)
        code = "exactly_one" if exactly else "required"
        assert {(p.code, p.path) for p in error.value.problems} == {(code, at)}


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
    node["required"].remove("format")
    node["properties"]["status"]["enum"].remove("moved_online")
    assert sorted(differences(Session, file, node)) == [
        "languages: the model says ('array', ('definition', 'language_tag'), True), "
        "the schema ('array', ('definition', 'language_tag'), False)",
        "required: the model has ['format', 'id', 'title'], the schema ['id', 'title']",
        "status: the model says ('enum', ('scheduled', 'tentative', 'cancelled', 'postponed', "
        "'rescheduled', 'moved_online')), the schema ('enum', ('scheduled', 'tentative', "
        "'cancelled', 'postponed', 'rescheduled'))",
        "tags: a field without a schema property",
        "url: the model says ('optional', ('definition', 'url')), the schema ('definition', 'url')",
    ]
