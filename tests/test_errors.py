"""The one error type: problems with paths and codes."""

from __future__ import annotations

import pickle

import pytest

from essprogramme import Figure, LocalizedText, Problem, ValidationError, from_dict
from essprogramme.errors import json_path


def test_json_path_spells_keys_and_indexes_like_jsonschema() -> None:
    assert json_path(("sessions", 2, "end")) == "$.sessions[2].end"
    assert json_path(("title", "fr-CA")) == "$.title['fr-CA']"
    assert json_path(()) == "$"


def test_json_path_reads_one_way_only() -> None:
    # "a.b" is one key, not two; quotes, backslashes and controls are escaped.
    assert json_path(("a.b",)) == "$['a.b']"
    assert json_path(("a", "b")) == "$.a.b"
    assert json_path(("it's",)) == "$['it\\'s']"
    assert json_path(("\x1b[2J",)) == "$['\\x1b[2J']"
    assert json_path(("\ud800",)) == "$['\\ud800']"
    assert json_path(("1",)) == "$['1']"


def test_problem_repr_mirrors_its_constructor() -> None:
    problem = Problem(location=("sessions", 0), code="c", message="m")
    assert eval(repr(problem)) == problem


def test_validation_error_is_a_value_error_holding_every_problem() -> None:
    problems = [
        Problem(location=("end",), code="end_before_start", message="must be after start"),
        Problem(location=("id",), code="id", message="bad"),
    ]
    error = ValidationError(problems)
    assert isinstance(error, ValueError)
    assert error.problems == tuple(problems)
    assert error.codes == {"end_before_start", "id"}
    assert "2 problems" in str(error)
    assert "$.end: must be after start [end_before_start]" in str(error)


def test_within_prefixes_every_path() -> None:
    error = ValidationError([Problem(location=("end",), code="c", message="m")]).within(
        "sessions", 3
    )
    assert [p.path for p in error.problems] == ["$.sessions[3].end"]


def test_validation_error_needs_a_problem() -> None:
    with pytest.raises(ValueError, match="at least one problem"):
        ValidationError([])


def test_validation_error_pickles() -> None:
    error = ValidationError([Problem(location=("a", 0), code="c", message="m")])
    again = pickle.loads(pickle.dumps(error))
    assert again.problems == error.problems


def test_an_integer_too_long_to_print_is_named_by_its_size_in_a_range_problem() -> None:
    # Python refuses str() of an integer over 4,300 digits; the message must not need it.
    data = {"count": 10**5000, "label": {"fr": "participant·es"}, "measure": "participants"}
    with pytest.raises(ValidationError) as error:
        from_dict(data, Figure)
    (problem,) = error.value.problems
    assert problem.code == "range"
    assert "an integer of about 5001 digits" in problem.message
    with pytest.raises(ValidationError, match="an integer of about 5001 digits"):
        Figure(count=10**5000, label=LocalizedText({"fr": "x"}), measure="participants")
