"""The JSON Schema files: well-formed, offline, and in agreement with the model."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import referencing.exceptions
from hypothesis import given, settings
from hypothesis import strategies as st

from essprogramme import (
    Initiative,
    Organisation,
    Programme,
    Session,
    Speaker,
    Territory,
    ValidationError,
    examples,
    from_dict,
    schemas,
    strategies,
    to_dict,
)
from essprogramme.model import _formats
from schema_documents import documents

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "schemas"
TYPES = {
    "programme": Programme,
    "session": Session,
    "speaker": Speaker,
    "initiative": Initiative,
    "organisation": Organisation,
    "territory": Territory,
}
#: Problems only the library finds: rules JSON Schema cannot express.
#: docs/schemas.md lists them; nothing else may refuse a schema-valid document.
MODEL_ONLY = {
    "end_before_start",  # end after start, for sessions, intervals, initiatives, programmes
    "duplicate_id",  # ids unique within a collection
    "unknown_reference",  # every reference resolves
    "self_reference",  # an initiative is not related to itself
    "time_zone",  # the zone is known to tzdata
    "partial_date",  # the day exists in its month
    "instant_range",  # the instant is within years 1-9999 once in UTC
    "empty",  # text is not whitespace only
    "duplicate_language",  # no language twice in one text, whatever the case
    "duplicate",  # no language twice in a list, whatever the case
    "overlapping_availability",  # availability intervals do not overlap
}


def _subschemas(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _subschemas(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _subschemas(value, f"{path}/{index}")


def test_every_file_is_listed_and_is_a_valid_2020_12_schema() -> None:
    assert set(schemas.names()) == {p.stem for p in SCHEMA_DIR.glob("*.json")}
    for name in schemas.names():
        schema = schemas.load(name)
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"] == f"{schemas.BASE_URI}{name}.json"
        assert schema["title"] and schema["description"]


def test_every_property_has_a_title_and_a_description_and_objects_are_closed() -> None:
    for name in schemas.names():
        for path, node in _subschemas(schemas.load(name)):
            constraint = any(f"/{k}" in path for k in ("anyOf", "if", "then"))
            if node.get("type") == "object" and "properties" in node and not constraint:
                assert node.get("additionalProperties") is False, f"{name}{path}"
                for key, prop in node["properties"].items():
                    assert prop.get("title") and prop.get("description"), f"{name}{path}/{key}"


def test_patterns_are_anchored_portable_and_those_of_the_model() -> None:
    defs = schemas.load("defs")["$defs"]
    assert defs["id"]["pattern"] == _formats.ID_PATTERN
    assert defs["language_tag"]["pattern"] == _formats.LANGUAGE_TAG_PATTERN
    assert defs["zone_key"]["pattern"] == _formats.ZONE_KEY_PATTERN
    assert defs["country_code"]["pattern"] == _formats.COUNTRY_PATTERN
    assert defs["territory_code"]["pattern"] == _formats.TERRITORY_CODE_PATTERN
    assert defs["url"]["pattern"] == _formats.URL_PATTERN
    for name in schemas.names():
        for _, node in _subschemas(schemas.load(name)):
            pattern = node.get("pattern")
            if isinstance(pattern, str):
                assert pattern.startswith("^") and pattern.endswith("$")
                assert "\\d" not in pattern and "\\s" not in pattern and "\\w" not in pattern


def test_load_returns_a_copy() -> None:
    schemas.load("session")["title"] = "changed"
    assert schemas.load("session")["title"] == "Session"
    with pytest.raises(LookupError):
        schemas.load("nothing")


def test_the_shipped_example_validates() -> None:
    schemas.validate(schemas.example_document())
    for name in ("session", "speaker", "initiative", "organisation"):
        collection = schemas.example_document()[name + "s"]
        for item in collection:
            schemas.validate(item, name)


def test_formats_really_run() -> None:
    document = schemas.example_document()
    document["sessions"][0]["start"] = (
        "2021-02-30T11:00:00Z"  # the pattern passes, the date does not
    )
    document["start_date"] = "2021-13-08"
    document["organisations"][0]["url"] = "https://%zz.org"
    with pytest.raises(ValidationError) as error:
        schemas.validate(document)
    assert {(p.path, p.code) for p in error.value.problems} == {
        ("$.sessions[0].start", "instant"),
        ("$.start_date", "date"),
        ("$.organisations[0].url", "url"),
    }


def test_no_reference_is_ever_fetched() -> None:
    resolver = schemas._registry().resolver()
    with pytest.raises(referencing.exceptions.Unresolvable):
        resolver.lookup("https://json-schema.org/draft/2020-12/links")
    with pytest.raises(referencing.exceptions.Unresolvable):
        resolver.lookup("https://essprogramme.org/schemas/v1/nothing.json")


def _bad_documents() -> list[dict[str, Any]]:
    base = schemas.example_document()
    cases = []
    for change in (
        lambda d: d["speakers"][0].__setitem__("name", 42),
        lambda d: d["sessions"][0].__setitem__("languages", "fr"),
        lambda d: d["sessions"][0].__setitem__("speaker", "kevin-ossah"),
        lambda d: d["sessions"][0].pop("title"),
        lambda d: d["sessions"][0].__setitem__("start", "2021-10-08T11:00:00"),
        lambda d: d["sessions"][0].__setitem__("format", "Workshop"),
        lambda d: d["sessions"][0]["languages"].append("français"),
        lambda d: d.__setitem__("title", {"fr_FR": "GSEF"}),
        lambda d: d["speakers"][2].__setitem__("country", "fr"),
        lambda d: d["organisations"][5]["figures"].append({"measure": "x", "count": -1}),
        lambda d: d["initiatives"][0].__setitem__(
            "themes", ["intercooperation", "intercooperation"]
        ),
        lambda d: d["initiatives"][0].__setitem__("sdgs", [18]),
        lambda d: d["initiatives"][0].__setitem__("start", "2020-13"),
        lambda d: d["organisations"][1].__setitem__(
            "territory", {"code": "TG", "members": [{"code": "TG"}]}
        ),
    ):
        document = copy.deepcopy(base)
        change(document)
        cases.append(document)
    return cases


@pytest.mark.parametrize("document", _bad_documents())
def test_bad_documents_fail_in_schema_and_model_at_the_same_paths(document: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as by_schema:
        schemas.validate(document)
    with pytest.raises(ValidationError) as by_model:
        from_dict(document, Programme)
    assert {p.path for p in by_schema.value.problems} == {p.path for p in by_model.value.problems}
    assert {p.code for p in by_schema.value.problems} == {p.code for p in by_model.value.problems}


# Agreement, both ways -----------------------------------------------------


@settings(max_examples=500)
@given(strategies.programmes())
def test_every_programme_serialises_to_a_schema_valid_document(programme: Programme) -> None:
    document = to_dict(programme)
    schemas.validate(document)
    assert from_dict(document, Programme) == programme


@pytest.mark.parametrize("name", ["session", "speaker", "initiative", "organisation", "territory"])
@given(data=st.data())
def test_every_object_serialises_to_a_schema_valid_document(name: str, data: st.DataObject) -> None:
    plural = "territories" if name == "territory" else name + "s"
    value = data.draw(getattr(strategies, plural)())
    schemas.validate(to_dict(value), name)


def _refused_only_by_model_rules(document: Any, type_: type) -> None:
    try:
        value = from_dict(document, type_)
    except ValidationError as error:
        assert {p.code for p in error.problems} <= MODEL_ONLY, error
    else:
        schemas.validate(to_dict(value), type_.__name__.lower())


@settings(max_examples=500)
@given(documents("programme"))
def test_schema_valid_programmes_load_or_break_a_model_only_rule(document: Any) -> None:
    _refused_only_by_model_rules(document, Programme)


@pytest.mark.parametrize("name", ["session", "speaker", "initiative", "organisation", "territory"])
@given(data=st.data())
def test_schema_valid_objects_load_or_break_a_model_only_rule(
    name: str, data: st.DataObject
) -> None:
    _refused_only_by_model_rules(data.draw(documents(name)), TYPES[name])


@given(st.sampled_from(_bad_documents()) | strategies.programmes().map(to_dict))
def test_the_accelerated_validator_agrees_with_jsonschema(document: Any) -> None:
    fast = schemas._fast("programme")
    if fast is None:
        pytest.skip("jsonschema-rs is not installed")
    assert fast.is_valid(document) == schemas.validator("programme").is_valid(document)


def test_examples_module_and_schemas_agree_on_the_example() -> None:
    assert from_dict(schemas.example_document(), Programme) == examples.load(
        "gsef2021-partenariats"
    )


def _full_problems(document: Any) -> set[tuple[str, str]]:
    return {
        (p.path, p.code)
        for error in schemas.validator("programme").iter_errors(document)
        for p in schemas._problems(error)
    }


@given(st.sampled_from(_bad_documents()) | strategies.invalid_documents().map(lambda c: c[0]))
def test_revalidating_only_failing_items_finds_what_a_full_run_finds(document: Any) -> None:
    try:
        schemas.validate(document)
    except ValidationError as error:
        found = {(p.path, p.code) for p in error.problems}
    else:
        found = set()
    assert found == _full_problems(document)
