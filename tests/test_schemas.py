"""The JSON Schema files: well-formed, offline, and in agreement with the model."""

from __future__ import annotations

import copy
import socket
import subprocess
import sys
import textwrap
import time
import urllib.request
from collections import OrderedDict
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import referencing.exceptions
from hypothesis import given
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


# That every generated programme is schema-valid and loads back equal is
# test_strategies.py's property; it is not repeated here.


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


@cache
def _documents_of(name: str) -> st.SearchStrategy[Any]:
    # Built once per schema: building one reads the schemas and compiles patterns.
    return documents(name)


@given(
    st.sampled_from(sorted(TYPES)).flatmap(
        lambda name: _documents_of(name).map(lambda document: (name, document))
    )
)
def test_schema_valid_documents_load_or_break_a_model_only_rule(case: tuple[str, Any]) -> None:
    # One property for every schema: the profile's example count is shared, not multiplied.
    name, document = case
    _refused_only_by_model_rules(document, TYPES[name])


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


# Hardening (issue 7): only ValidationError, for any input --------------------

MAX_DEPTH = _formats.MAX_DEPTH
#: Where the depth limit cuts a territory nested through ``members``: each
#: level adds an object and an array, so the first container deeper than
#: MAX_DEPTH is the territory MAX_DEPTH // 2 levels down.
DEPTH_PATH = "$" + ".members[0]" * (MAX_DEPTH // 2)


def _nested_territory(levels: int, leaf: Any = None) -> dict[str, Any]:
    territory: dict[str, Any] = {"code": "YT"} if leaf is None else leaf
    for _ in range(levels):
        territory = {"name": {"fr": "région"}, "members": [territory]}
    return territory


def _found(document: Any, name: str = "programme") -> set[tuple[str, str]]:
    """The (path, code) pairs schemas.validate reports; empty if valid."""
    try:
        schemas.validate(document, name)
    except ValidationError as error:
        str(error).encode("utf-8")  # printable, whatever the document holds
        return {(p.path, p.code) for p in error.problems}
    return set()


def _child(script: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_a_territory_nested_15000_deep_is_refused_and_the_process_survives() -> None:
    # Defect 1: jsonschema-rs overflowed its stack (SIGSEGV) on this input.
    result = _child(
        """
        from essprogramme import ValidationError, schemas
        t = {"code": "YT"}
        for _ in range(15_000):
            t = {"name": {"fr": "r"}, "members": [t]}
        try:
            schemas.validate(t, "territory")
        except ValidationError as error:
            print(sorted({(p.path, p.code) for p in error.problems}))
        """
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == str([(DEPTH_PATH, "depth")])


def test_a_territory_300_deep_with_a_bad_code_is_refused_with_depth_alone() -> None:
    # Defect 2: RecursionError, or "ValueError: Recursion limit reached".
    territory = _nested_territory(300, leaf={"code": "yt"})
    assert _found(territory, "territory") == {(DEPTH_PATH, "depth")}


def test_nesting_up_to_the_limit_is_validated_in_full() -> None:
    # 31 regions: the innermost territory is at depth 63, its name at 64.
    schemas.validate(_nested_territory(MAX_DEPTH // 2 - 1), "territory")
    bad = _nested_territory(MAX_DEPTH // 2 - 1, leaf={"code": "yt"})
    inner = "$" + ".members[0]" * (MAX_DEPTH // 2 - 1)
    assert _found(bad, "territory") == {(f"{inner}.code", "territory_code")}


class _Str(str):
    pass


class _Int(int):
    pass


_ORGANISATION = {"id": "o", "name": {"fr": "Org"}, "kind": "network"}


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("territory", {1: "x"}, {("$", "type")}),
        ("territory", {"code": "YT", None: "x"}, {("$", "type")}),
        ("territory", {"code": {"YT"}}, {("$.code", "type")}),
        ("territory", {"code": frozenset()}, {("$.code", "type")}),
        ("territory", {"code": b"YT"}, {("$.code", "type")}),
        ("territory", {"code": _Str("YT")}, {("$.code", "type")}),
        ("territory", {"code": datetime(2021, 10, 8, tzinfo=UTC)}, {("$.code", "type")}),
        ("territory", {"code": float("nan")}, {("$.code", "type")}),
        ("territory", OrderedDict(code="YT"), {("$", "type")}),
        ("territory", ({"code": "YT"},), {("$", "type")}),
        ("territory", {"name": {"fr": "r"}, "members": ({"code": "YT"},)}, {("$.members", "type")}),
        ("territory", {"name": {"fr": "\ud800"}}, {("$.name.fr", "unicode")}),
        ("territory", {"code": "YT", "\udc80x": 1}, {("$['\\udc80x']", "unicode")}),
        (
            "organisation",
            {**_ORGANISATION, "figures": [{"measure": "members", "count": _Int(3)}]},
            {("$.figures[0].count", "type")},
        ),
        (
            "organisation",
            {**_ORGANISATION, "figures": [{"measure": "members", "count": -float("inf")}]},
            {("$.figures[0].count", "type")},
        ),
    ],
    ids=[
        "int-key",
        "none-key",
        "set",
        "frozenset",
        "bytes",
        "str-subclass",
        "datetime",
        "nan",
        "dict-subclass",
        "tuple-root",
        "tuple",
        "surrogate",
        "surrogate-key",
        "int-subclass",
        "infinity",
    ],
)
def test_non_json_python_data_is_refused_before_any_schema(
    name: str, data: Any, expected: set[tuple[str, str]]
) -> None:
    # Defect 5: ValueError from jsonschema-rs; a tuple passed as an array.
    assert _found(data, name) == expected


def test_non_json_data_is_reported_alone_not_with_schema_problems() -> None:
    data = {"code": "not a code", "name": {"fr": "r"}, "members": ({"code": "YT"},)}
    assert _found(data, "territory") == {("$.members", "type")}


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=10,
)
_ANY_VALUES = st.recursive(
    _JSON_VALUES
    | st.floats()
    | st.binary(max_size=3)
    | st.sampled_from([set(), (), _Str("YT"), _Int(1), "\ud800", datetime(2021, 1, 1), 10**400]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.tuples(inner)
        | st.dictionaries(st.text() | st.integers() | st.none(), inner, max_size=3)
    ),
    max_leaves=10,
)


@pytest.mark.parametrize("name", ["territory", "session", "programme"])
@given(data=_ANY_VALUES)
def test_validate_raises_nothing_but_validation_error(name: str, data: Any) -> None:
    _found(data, name)  # any other exception fails the test


def test_every_problem_of_non_json_data_is_found_in_one_walk() -> None:
    data = {"a": [1, (2,), {3}], "b": {"c": b"x", 4: "y"}, "d": float("nan")}
    assert _found(data, "territory") == {
        ("$.a[1]", "type"),
        ("$.a[2]", "type"),
        ("$.b.c", "type"),
        ("$.b", "type"),
        ("$.d", "type"),
    }


def test_a_50_mb_url_is_refused_quickly_with_url() -> None:
    # Defect 10: 45 s and 6.3 GB, in the URL regex. The length is checked first now.
    document = schemas.example_document()
    document["url"] = "https://www.gsef-net.org/" + "a" * 50_000_000
    started = time.perf_counter()
    with pytest.raises(ValidationError) as caught:
        schemas.validate(document)
    assert {(p.path, p.code) for p in caught.value.problems} == {("$.url", "url")}
    (problem,) = caught.value.problems
    assert len(problem.message) < 400
    assert time.perf_counter() - started < 3


def test_the_uri_format_check_is_bounded() -> None:
    checker = schemas.validator("defs").format_checker
    assert checker is not None
    long = "https://a.org/" + "a" * (_formats.MAX_URL_LENGTH - 14)
    assert checker.conforms(long, "uri")
    huge = long + "a" * 10_000_000
    started = time.perf_counter()
    assert not checker.conforms(huge, "uri")
    assert time.perf_counter() - started < 0.5  # the expression never reads it
    assert schemas.load("defs")["$defs"]["url"]["maxLength"] == _formats.MAX_URL_LENGTH


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("territory", {"code": "YT\n"}, ("$.code", "territory_code")),
        ("territory", {"name": {"fr\n": "x"}}, ("$.name['fr\\x0a']", "language_tag")),
        ("speaker", {"id": "kevin\n", "name": "Kevin"}, ("$.id", "id")),
        ("speaker", {"id": "k", "name": "K", "links": ["https://a.org/\n"]}, ("$.links[0]", "url")),
    ],
    ids=["code", "language-key", "id", "url"],
)
def test_a_final_dollar_does_not_match_before_a_trailing_newline(
    name: str, data: dict[str, Any], expected: tuple[str, str]
) -> None:
    # Defect 7, schema side: ECMA-262's `$`, as Ajv and jsonschema-rs read it.
    assert expected in _found(data, name)
    assert not schemas.validator(name).is_valid(data)  # jsonschema itself, not only -rs


def test_duplicates_are_located_at_each_later_item_as_the_model_does() -> None:
    # Defects 11 and 19: the schema located them at the array.
    document = schemas.example_document()
    lead = document["initiatives"][0]["lead"][0]
    document["initiatives"][0]["lead"] = [lead, "eser", lead, lead]
    document["initiatives"][0]["sdgs"] = [8, 8.0]  # the same number in JSON
    document["sessions"][0]["moderators"] = ["kevin-ossah", "kevin-ossah"]
    assert _found(document) == {
        ("$.initiatives[0].lead[2]", "duplicate"),
        ("$.initiatives[0].lead[3]", "duplicate"),
        ("$.initiatives[0].sdgs[1]", "duplicate"),
        ("$.sessions[0].moderators[1]", "duplicate"),
    }


def test_a_territory_without_code_or_name_is_required_at_itself() -> None:
    assert _found({}, "territory") == {("$", "required")}
    nested = {"name": {"fr": "r"}, "members": [{"code": "YT"}, {"members": []}]}
    assert _found(nested, "territory") == {("$.members[1]", "required")}
    with pytest.raises(ValidationError) as caught:
        schemas.validate({}, "territory")
    assert caught.value.problems[0].message == "needs a code or a name"


def test_problems_are_sorted_by_path_steps_then_code() -> None:
    document = schemas.example_document()
    sessions = [copy.deepcopy(document["sessions"][0]) for _ in range(11)]
    for index, session in enumerate(sessions):
        session["id"] = f"s{index}"
    sessions[10]["format"] = "atelier"
    sessions[2]["format"] = "atelier"
    sessions[2]["end"] = "2021-10-08T12:30:00"
    document["sessions"] = sessions
    with pytest.raises(ValidationError) as caught:
        schemas.validate(document)
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("$.sessions[2].end", "naive_datetime"),
        ("$.sessions[2].format", "enum"),
        ("$.sessions[10].format", "enum"),
    ]


_FORMAT_CASES = [
    ("start", "0000-01-01T00:00:00Z", set()),  # an RFC 3339 year; the model says instant_range
    ("start", "0000-02-29T00:00:00Z", set()),
    ("start", "1900-02-29T11:00:00Z", {("$.sessions[0].start", "instant")}),
    ("start", "2021-10-08t11:00:00z", set()),
    ("start", "2021-10-08T11:00:00Z\n", {("$.sessions[0].start", "instant")}),
    ("date", "0000-01-01", set()),
    ("date", "2021-02-29", {("$.start_date", "date"), ("$.end_date", "date")}),
    ("date", "2020-02-29", set()),
]


@pytest.mark.parametrize(("field", "value", "expected"), _FORMAT_CASES)
def test_formats_give_one_verdict_with_or_without_jsonschema_rs(
    field: str, value: str, expected: set[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    document = schemas.example_document()
    if field == "date":
        document["start_date"] = document["end_date"] = value
    else:
        document["sessions"][0]["start"] = value
        document["sessions"][0]["end"] = "2021-10-08T12:30:00Z"
    assert _found(document) == expected
    monkeypatch.setattr(schemas, "_fast_registry", lambda: None)
    assert _found(document) == expected


def test_an_unknown_reference_is_refused_without_any_network_access(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_network(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("essprogramme tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    remote = {"$ref": "https://json-schema.org/draft/2020-12/links"}
    checker = schemas._Validator(remote, registry=schemas._registry())
    with pytest.raises(referencing.exceptions.Unresolvable):
        checker.is_valid({})
    _found(schemas.example_document())  # our own references resolve offline
