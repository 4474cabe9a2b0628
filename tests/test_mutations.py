"""Documents broken on purpose: the one mutation table, and ``invalid_documents()``.

Every row of ``essprogramme.strategies._invalid.MUTATIONS`` breaks one rule:
applied to the shipped example it must cause exactly its problem, in the
model (from data and from JSON text) and, unless the rule is one the
schema cannot express (docs/schemas.md), in the schema at the same path.
Every code docs/json.md lists has a row, and every rule the model states
on its classes (a one-of rule, a format, a rule between fields) has one.
"""

from __future__ import annotations

import json
import typing
from typing import Any

import attrs
import pytest
from hypothesis import given

from documented import model_only_codes, problem_codes
from essprogramme import (
    Programme,
    ValidationError,
    examples,
    from_dict,
    from_json,
    schemas,
    strategies,
)
from essprogramme.errors import json_path
from essprogramme.model._rules import FORMATS
from essprogramme.strategies._invalid import MUTATIONS, Mutation, locations
from test_schema_agreement import CLASSES

_IDS = [m.name for m in MUTATIONS]


def _example() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(examples.text("gsef2021-partenariats"))
    return document


def _problems(error: ValidationError) -> set[tuple[str, str]]:
    return {(p.code, p.path) for p in error.problems}


def _expected(mutation: Mutation, document: dict[str, Any]) -> set[tuple[str, str]]:
    return {(mutation.code, json_path(at)) for at in locations(mutation, document)}


def test_names_are_unique() -> None:
    assert len(set(_IDS)) == len(_IDS)


@pytest.mark.parametrize("mutation", MUTATIONS, ids=_IDS)
def test_every_mutation_breaks_exactly_its_rule(mutation: Mutation) -> None:
    document = _example()
    broken = mutation.apply(document)
    expected = _expected(mutation, document)
    if mutation.text:
        texts = [broken]
    elif mutation.data_only:  # its JSON text would stand for ten million values
        texts = []
    else:
        texts = [json.dumps(broken)]
    for text in texts:
        with pytest.raises(ValidationError) as from_text:
            from_json(text)
        assert _problems(from_text.value) == expected
    if not mutation.text:
        with pytest.raises(ValidationError) as from_data:
            from_dict(broken, Programme)
        assert _problems(from_data.value) == expected


def _schema_case(mutation: Mutation) -> Any:
    return pytest.param(mutation, id=mutation.name)


@pytest.mark.parametrize("mutation", [_schema_case(m) for m in MUTATIONS if not m.text])
def test_the_schema_finds_every_mutation_at_the_same_path(mutation: Mutation) -> None:
    """Same path and code; a rule the schema cannot express may go unseen by it."""
    document = _example()
    mutation.apply(document)
    expected = _expected(mutation, document)
    try:
        schemas.validate(document)
    except ValidationError as error:
        assert _problems(error) == expected
    else:
        assert mutation.code in model_only_codes(), "the schema accepts it"


def test_mutations_cover_every_documented_code() -> None:
    """docs/json.md lists every code; each has a mutation, and no mutation has another."""
    assert {m.code for m in MUTATIONS} == problem_codes()


def test_every_format_of_the_model_has_a_mutation() -> None:
    """Each string format the model checks is broken by some row, with its own code."""
    assert {code for _, code, _ in FORMATS.values()} <= {m.code for m in MUTATIONS}


def test_every_one_of_rule_of_the_model_has_a_mutation() -> None:
    """A class's ``_required_one_of`` is broken at the object, its ``_exactly_one_of`` at
    the first of its fields: for each class with one, a row of the table does it."""
    broken_at = {
        tuple(step for step in m.location if isinstance(step, str))
        for m in MUTATIONS
        if m.code in ("required", "exactly_one") and not m.text
    }
    for cls in CLASSES:
        exactly: tuple[str, ...] = getattr(cls, "_exactly_one_of", ())
        if not (getattr(cls, "_required_one_of", ()) or exactly):
            continue
        at = {path + exactly[:1] for path in _paths_to(cls)}
        assert at & broken_at, f"{cls.__name__}: no row breaks its one-of rule"


def _paths_to(
    target: type, cls: type = Programme, here: tuple[str, ...] = ()
) -> set[tuple[str, ...]]:
    """The field names leading from a programme to objects of class ``target``."""
    found: set[tuple[str, ...]] = set()
    for field in attrs.fields(cls):
        held = [field.type, *typing.get_args(field.type)]
        held += [inner for t in held for inner in typing.get_args(t)]
        for t in held:
            if isinstance(t, type) and attrs.has(t) and t is not cls:
                if t is target:
                    found.add((*here, field.name))
                else:
                    found |= _paths_to(target, t, (*here, field.name))
    return found


@given(strategies.invalid_documents())
def test_invalid_documents_fail_with_exactly_their_announced_problem(
    case: tuple[dict[str, Any], str, tuple[str | int, ...]],
) -> None:
    """Every problem has the announced code, one at the announced location (more only
    where one change breaks the rule at several places: a cycle)."""
    document, code, location = case
    with pytest.raises(ValidationError) as error:
        from_dict(document, Programme)
    found = _problems(error.value)
    assert (code, json_path(location)) in found
    assert {c for c, _ in found} == {code}
    assert len(found) == 1 or code == "cycle"
