"""Invariants of the model and its JSON form, as Hypothesis properties."""

from __future__ import annotations

import json
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from essprogramme import (
    Activity,
    Figure,
    Initiative,
    Interval,
    LocalizedText,
    Organisation,
    PartialDate,
    Programme,
    Session,
    Speaker,
    Territory,
    ValidationError,
    from_dict,
    from_json,
    strategies,
    to_dict,
    to_json,
)
from essprogramme._converter import converter, decode

TYPES: list[tuple[type, st.SearchStrategy[Any]]] = [
    (LocalizedText, strategies.localized_texts()),
    (PartialDate, strategies.partial_dates()),
    (Interval, strategies.intervals()),
    (Territory, strategies.territories()),
    (Figure, strategies.figures()),
    (Activity, strategies.activities()),
    (Organisation, strategies.organisations()),
    (Speaker, strategies.speakers()),
    (Session, strategies.sessions()),
    (Initiative, strategies.initiatives()),
    (Programme, strategies.programmes()),
]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@pytest.mark.parametrize(("type_", "values"), TYPES, ids=[t.__name__ for t, _ in TYPES])
@given(data=st.data())
def test_every_type_round_trips_through_json(type_: type, values: Any, data: st.DataObject) -> None:
    value = data.draw(values)
    text = to_json(value)
    again = from_json(text, type_)
    assert again == value
    assert to_json(again) == text  # deterministic: the same object, the same bytes


@given(strategies.programmes())
def test_to_dict_is_what_to_json_writes(programme: Programme) -> None:
    assert orjson.loads(to_json(programme)) == to_dict(programme)
    assert from_dict(to_dict(programme), Programme) == programme


@given(strategies.programmes())
def test_equal_programmes_hash_equal(programme: Programme) -> None:
    copy = from_json(to_json(programme))
    assert copy == programme
    assert hash(copy) == hash(programme)


@pytest.mark.parametrize("type_", [Programme, Session, Speaker, LocalizedText, Territory])
@given(value=json_values)
def test_any_json_value_gives_a_result_or_a_validation_error(type_: type, value: Any) -> None:
    try:
        result = from_json(json.dumps(value), type_)
    except ValidationError as error:
        assert error.problems
        assert all(p.path.startswith("$") and p.code for p in error.problems)
    else:
        assert isinstance(result, type_)


def _paths(data: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [here]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*here, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*here, index))
    return found


@st.composite
def mutated_documents(draw: st.DrawFn) -> Any:
    """A valid programme document with one value replaced by random JSON."""
    document = to_dict(draw(strategies.programmes(max_sessions=2, max_speakers=2)))
    paths = _paths(document)
    path = draw(st.sampled_from(paths))
    replacement = draw(json_values)
    if not path:
        return replacement
    target = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = replacement
    return document


@given(mutated_documents())
def test_mutated_documents_give_a_programme_or_every_problem(document: Any) -> None:
    try:
        from_dict(document, Programme)
    except ValidationError as error:
        assert error.problems
    # and never another exception


@given(mutated_documents())
def test_fast_and_detailed_decoders_agree(document: Any) -> None:
    """The generated fast path accepts exactly what the detailed converter accepts."""
    try:
        detailed = converter.structure(document, Programme)
    except Exception:  # noqa: BLE001 - any refusal counts as a refusal
        detailed = None
    try:
        fast = decode(document, Programme)
    except ValidationError:
        fast = None
    assert fast == detailed


@given(st.dictionaries(st.text(max_size=6) | st.integers(), json_values, max_size=3) | json_values)
def test_localized_text_constructor_never_crashes(value: Any) -> None:
    try:
        text = LocalizedText(value)
    except ValidationError as error:
        assert error.problems
    else:
        assert all(isinstance(v, str) and v.strip() for v in text.values())
