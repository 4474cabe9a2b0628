"""Documents broken on purpose: the one mutation table, and ``invalid_documents()``.

Every row of ``essprogramme.strategies._invalid.MUTATIONS`` breaks one rule:
applied to the shipped example it must cause exactly its problem, in the
model (from data and from JSON text) and, unless the rule is one the
schema cannot express (docs/schemas.md), in the schema at the same path.
Every code docs/json.md lists has a row.
"""

from __future__ import annotations

import json
from typing import Any

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
from essprogramme.strategies._invalid import MUTATIONS, Mutation, located

_IDS = [m.name for m in MUTATIONS]


def _example() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(examples.text("gsef2021-partenariats"))
    return document


def _problems(error: ValidationError) -> set[tuple[str, str]]:
    return {(p.code, p.path) for p in error.problems}


def test_names_are_unique() -> None:
    assert len(set(_IDS)) == len(_IDS)


@pytest.mark.parametrize("mutation", MUTATIONS, ids=_IDS)
def test_every_mutation_breaks_exactly_its_rule(mutation: Mutation) -> None:
    document = _example()
    broken = mutation.apply(document)
    expected = {(mutation.code, json_path(located(mutation, document)))}
    texts = [broken] if mutation.text else [json.dumps(broken)]
    for text in texts:
        with pytest.raises(ValidationError) as from_text:
            from_json(text)
        assert _problems(from_text.value) == expected
    if not mutation.text:
        with pytest.raises(ValidationError) as from_data:
            from_dict(broken, Programme)
        assert _problems(from_data.value) == expected


@pytest.mark.parametrize("mutation", [m for m in MUTATIONS if not m.text], ids=lambda m: m.name)
def test_the_schema_finds_every_mutation_at_the_same_path(mutation: Mutation) -> None:
    """Same path and code; a rule the schema cannot express may go unseen by it."""
    document = _example()
    mutation.apply(document)
    expected = {(mutation.code, json_path(located(mutation, document)))}
    try:
        schemas.validate(document)
    except ValidationError as error:
        assert _problems(error) == expected
    else:
        assert mutation.code in model_only_codes(), "the schema accepts it"


def test_mutations_cover_every_documented_code() -> None:
    """docs/json.md lists every code; each has a mutation, and no mutation has another."""
    assert {m.code for m in MUTATIONS} == problem_codes()


@given(strategies.invalid_documents())
def test_invalid_documents_fail_with_exactly_their_announced_problem(
    case: tuple[dict[str, Any], str, tuple[str | int, ...]],
) -> None:
    document, code, location = case
    with pytest.raises(ValidationError) as error:
        from_dict(document, Programme)
    assert _problems(error.value) == {(code, json_path(location))}
