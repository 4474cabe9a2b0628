"""The JSON edge: read_json reads text exactly, check_data tells JSON data from the rest."""

from __future__ import annotations

import json
import time
from collections import OrderedDict
from datetime import date
from decimal import Decimal
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from essprogramme import ValidationError, examples
from essprogramme import _jsondata as jsondata
from essprogramme._jsondata import check_data, read_json
from essprogramme.errors import json_path
from essprogramme.model._formats import MAX_DEPTH


def problems(text: Any) -> set[tuple[str, str]]:
    """The (path, code) pairs read_json raises for ``text``; fails if it reads it."""
    with pytest.raises(ValidationError) as caught:
        read_json(text)
    str(caught.value).encode("utf-8")  # printable: no lone surrogate in a message
    return {(p.path, p.code) for p in caught.value.problems}


def found(data: Any) -> set[tuple[str, str]]:
    return {(p.path, p.code) for p in check_data(data)}


# read_json: what it reads ---------------------------------------------------


def test_the_shipped_example_is_read_as_orjson_reads_it_without_the_exact_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = examples.text("gsef2021-partenariats")  # indented: '": "' between key and value

    def exact(_: Any) -> Any:
        raise AssertionError("the exact reader ran on a plain document")

    monkeypatch.setattr(jsondata, "_read_exactly", exact)
    assert read_json(text) == orjson.loads(text)
    assert read_json(text.encode()) == orjson.loads(text)
    compact = orjson.dumps(orjson.loads(text))
    assert read_json(compact) == orjson.loads(compact)


@pytest.mark.parametrize(
    "text",
    [
        "18446744073709551616",  # 2**64: orjson would give a float
        "-9223372036854775809",
        "123456789012345678901234567890",
        '{"count": 1' + "0" * 4000 + "}",
    ],
)
def test_integers_beyond_64_bits_keep_every_digit(text: str) -> None:
    assert read_json(text) == json.loads(text)
    assert type(json.loads(text)) in (int, dict)


def test_large_floats_stay_floats() -> None:
    assert read_json("[1e30, -2.5e300, 1e16, 0.1]") == [1e30, -2.5e300, 1e16, 0.1]


@pytest.mark.parametrize(
    "text",
    [
        "[NaN]",
        "[Infinity]",
        "[-Infinity]",
        "[1e400]",
        "[-1e400]",
        "9" * 5000,
        "{",
        "",
        "  ",
        "[1,]",
    ],
)
def test_what_is_not_json_is_json_at_the_root(text: str) -> None:
    # Defect 20: NaN, Infinity and a 5,000-digit integer are not JSON values.
    assert problems(text) == {("$", "json")}
    assert problems(text.encode()) == {("$", "json")}


@pytest.mark.parametrize(
    "data",
    [
        b'{"fr": "\xed\xa0\x80"}',  # CESU-8: a surrogate in three bytes
        b'{"fr": "\xff"}',
        b"\xef\xbb\xbf{}",  # a byte order mark
        '{"fr": "x"}'.encode("utf-16"),
    ],
    ids=["cesu", "invalid-byte", "bom", "utf-16"],
)
def test_bytes_that_are_not_utf8_are_not_json(data: bytes) -> None:
    assert problems(data) == {("$", "json")}


def test_a_100000_deep_text_is_json_at_the_root_quickly() -> None:
    # Defect 3: a RecursionError traceback.
    started = time.perf_counter()
    assert problems("[" * 100_000) == {("$", "json")}
    assert problems("[" * 100_000 + "]" * 100_000) == {("$", "json")}
    assert time.perf_counter() - started < 2


def test_nesting_is_read_up_to_what_orjson_writes_then_refused_with_depth() -> None:
    # Defect 14, JSON side: 800 levels read, then refused with an undocumented code.
    data = read_json("[" * 200 + "]" * 200)  # deeper than MAX_DEPTH: the consumer refuses it
    for _ in range(199):
        (data,) = data
    assert data == []
    expected = {("$" + "[0]" * MAX_DEPTH, "depth")}
    assert problems("[" * 300 + "]" * 300) == expected
    assert problems('{"a":' * 900 + "1" + "}" * 900) == {("$" + ".a" * MAX_DEPTH, "depth")}
    assert problems("[" * 1100 + "]" * 1100) == {("$", "json")}  # beyond what orjson reads


def test_text_of_another_type_is_refused() -> None:
    assert problems(12) == {("$", "json")}
    assert problems(None) == {("$", "json")}


def test_bytearray_and_memoryview_are_read() -> None:
    assert read_json(bytearray(b'{"a": [1]}')) == {"a": [1]}
    assert read_json(memoryview(b'{"a": [1]}')) == {"a": [1]}
    assert problems(bytearray(b'{"a":1,"a":2}')) == {("$.a", "duplicate_key")}


# read_json: duplicate keys ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"name":{"fr":"a","fr":"b"}}', {("$.name.fr", "duplicate_key")}),
        ('{"a": 1, "a": 2}', {("$.a", "duplicate_key")}),
        # Spaces before the colon: counting '":' alone would miss this one.
        ('{"a":1,"a":2,"b" :3}', {("$.a", "duplicate_key")}),
        # A colon written as an escape: counting ':' alone would miss this one.
        ('{"a":"\\u003a","a":"\\u003A"}', {("$.a", "duplicate_key")}),
        (
            '{"x":[1,{"b":1,"b":[{"c":1,"c":2}]}]}',
            {("$.x[1].b", "duplicate_key"), ("$.x[1].b[0].c", "duplicate_key")},
        ),
        (
            '[{"c":1,"c":2},{"d":1,"d":2,"d":3}]',
            {("$[0].c", "duplicate_key"), ("$[1].d", "duplicate_key")},
        ),
        ('{"a.b":1,"a.b":2}', {("$['a.b']", "duplicate_key")}),
        ('{"":1,"":2}', {("$['']", "duplicate_key")}),
    ],
)
def test_duplicate_keys_are_refused_at_the_key(text: str, expected: set[tuple[str, str]]) -> None:
    # Defect 13: the first value was silently dropped.
    assert problems(text) == expected
    assert problems(text.encode()) == expected


def test_a_duplicate_key_message_counts_the_repeats() -> None:
    with pytest.raises(ValidationError) as caught:
        read_json('{"d":1,"d":2,"d":3}')
    assert caught.value.problems[0].message == "the key 'd' appears 3 times in this object"


@pytest.mark.parametrize(
    "text",
    [
        '{"a":"x:y","b":"\\u003a"}',
        '{"a" : "b" , "c" :{"d" : 1}}',
        '{"t":"a\\":b","u":"\\"\\u003a"}',
        '{"a:b":1,"a":2}',
    ],
)
def test_colons_in_strings_and_spacing_are_not_taken_for_duplicates(text: str) -> None:
    assert read_json(text) == json.loads(text)


_KEYS = st.text(alphabet=st.sampled_from('ab:"\\ é\x00'), max_size=3)
_DATA = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | _KEYS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=3),
    max_leaves=12,
)


@given(_DATA, st.sampled_from([None, 0, 2]), st.booleans())
def test_read_json_reads_what_json_writes(data: Any, indent: int | None, ascii_: bool) -> None:
    text = json.dumps(data, indent=indent, ensure_ascii=ascii_)
    assert read_json(text) == json.loads(text)
    assert read_json(text.encode()) == json.loads(text)


@given(_DATA, st.dictionaries(_KEYS, _DATA, min_size=1, max_size=3), st.data())
def test_a_repeated_key_is_always_found(
    data: Any, obj: dict[str, Any], draw: st.DataObject
) -> None:
    key = draw.draw(st.sampled_from(sorted(obj)))
    spacing = draw.draw(st.sampled_from(["", " ", "\n  "]))
    body = json.dumps(obj, ensure_ascii=draw.draw(st.booleans()))
    repeated = f"{body[:-1]},{spacing}{json.dumps(key)}{spacing}:{spacing}1}}"
    text = f'{{"wrap": {json.dumps(data)}, "x": {repeated}}}'
    assert (json_path(("x", key)), "duplicate_key") in problems(text)


# read_json: lone surrogates ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"name":{"fr":"\\ud800"}}', {("$.name.fr", "unicode")}),
        ('{"name":{"fr":"\ud800"}}', {("$.name.fr", "unicode")}),  # a str holding one
        ('{"code":"YT","\\udc80x":1}', {("$['\\udc80x']", "unicode")}),
        ('["ok", "\\ude00\\ud83d"]', {("$[1]", "unicode")}),
    ],
    ids=["escape", "str", "key", "reversed-pair"],
)
def test_a_lone_surrogate_is_refused_at_its_string(
    text: str, expected: set[tuple[str, str]]
) -> None:
    # Defect 4: accepted, then to_json raised TypeError.
    assert problems(text) == expected


def test_a_surrogate_pair_is_one_character() -> None:
    assert read_json('["\\ud83d\\ude00"]') == ["\U0001f600"]


# check_data --------------------------------------------------------------------


class _Str(str):
    pass


class _Int(int):
    pass


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"a": (1,)}, {("$.a", "type")}),
        ({"a": {1}}, {("$.a", "type")}),
        ({"a": frozenset()}, {("$.a", "type")}),
        ({"a": b"x"}, {("$.a", "type")}),
        ({"a": bytearray()}, {("$.a", "type")}),
        ({"a": _Str("x")}, {("$.a", "type")}),
        ({"a": _Int(1)}, {("$.a", "type")}),
        ({"a": date(2021, 10, 8)}, {("$.a", "type")}),
        ({"a": Decimal("1.5")}, {("$.a", "type")}),
        ({"a": float("nan")}, {("$.a", "type")}),
        ({"a": float("-inf")}, {("$.a", "type")}),
        ({"a": object()}, {("$.a", "type")}),
        (OrderedDict(a=1), {("$", "type")}),
        ({1: "x", "b": 1}, {("$", "type")}),
        ({(1, 2): "x"}, {("$", "type")}),
        ({"a": [{"b": "\ud800"}]}, {("$.a[0].b", "unicode")}),
        ({"a": {"\udfff": 1}}, {("$.a['\\udfff']", "unicode")}),
    ],
)
def test_check_data_names_what_is_not_json(data: Any, expected: set[tuple[str, str]]) -> None:
    assert found(data) == expected


def test_json_data_passes() -> None:
    assert check_data(None) == []
    assert check_data({"a": [1, 2.5, True, None, "é", 10**400, {"b": []}]}) == []
    assert check_data(orjson.loads(examples.text("gsef2021-partenariats"))) == []


def test_a_non_string_key_is_named_in_the_message() -> None:
    (problem,) = check_data({"code": "YT", 1: "x"})
    assert problem.message == "object keys must be strings, got 1 (an integer)"
    (problem,) = check_data({None: "x"})
    assert problem.message == "object keys must be strings, got None (null)"


def _deep(levels: int, leaf: Any = None) -> Any:
    data: Any = leaf
    for _ in range(levels):
        data = [data]
    return data


def test_depth_is_limited_and_reported_once_at_the_first_container_too_deep() -> None:
    assert check_data(_deep(MAX_DEPTH)) == []
    assert found(_deep(MAX_DEPTH + 1)) == {("$" + "[0]" * MAX_DEPTH, "depth")}
    # Nothing inside the container too deep is looked at.
    assert found(_deep(100_000, leaf={1: b"x"})) == {("$" + "[0]" * MAX_DEPTH, "depth")}


def test_a_cycle_ends_in_depth_not_a_hang() -> None:
    cycle: list[Any] = []
    cycle.append(cycle)
    assert found(cycle) == {("$" + "[0]" * MAX_DEPTH, "depth")}
    loop: dict[str, Any] = {}
    loop["self"] = loop
    assert found(loop) == {("$" + ".self" * MAX_DEPTH, "depth")}


def test_shared_containers_that_expand_without_bound_are_refused_quickly() -> None:
    bomb: list[Any] = []
    for _ in range(MAX_DEPTH - 2):
        bomb = [bomb, bomb]  # 2**62 values once expanded
    started = time.perf_counter()
    assert found(bomb) == {("$", "size")}
    assert time.perf_counter() - started < 5


def test_shared_containers_within_bounds_and_large_trees_are_accepted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    name = {"fr": "Mayotte"}
    assert check_data([{"name": name}, {"name": name}]) == []
    monkeypatch.setattr(jsondata, "MAX_VALUES", 100)
    assert check_data([[i] for i in range(500)]) == []  # a tree is never too large
    shared = [0] * 10
    assert found([shared] * 20) == {("$", "size")}


@given(_DATA)
def test_everything_json_loads_makes_is_json_data(data: Any) -> None:
    assert check_data(json.loads(json.dumps(data))) == []
