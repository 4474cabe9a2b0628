"""The public Hypothesis strategies: valid by construction, invalid on purpose."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essprogramme import (
    Programme,
    Session,
    ValidationError,
    examples,
    from_dict,
    schemas,
    strategies,
    to_dict,
)
from essprogramme.errors import json_path
from essprogramme.strategies import _MUTATIONS


@settings(max_examples=1000)
@given(strategies.programmes())
def test_generated_programmes_pass_the_model_and_the_schemas(programme: Programme) -> None:
    document = to_dict(programme)
    assert from_dict(document, Programme) == programme
    schemas.validate(document)


@settings(max_examples=1000)
@given(strategies.invalid_documents())
def test_invalid_documents_fail_with_their_announced_code_and_path(
    case: tuple[dict[str, Any], str, tuple[str | int, ...]],
) -> None:
    document, code, location = case
    with pytest.raises(ValidationError) as error:
        from_dict(document, Programme)
    assert (code, json_path(location)) in {(p.code, p.path) for p in error.value.problems}


@pytest.mark.parametrize("mutate", _MUTATIONS, ids=lambda m: getattr(m, "__name__", "m"))
def test_every_mutation_breaks_exactly_its_rule(mutate: Any) -> None:
    document = json.loads(examples.text("gsef2021-partenariats"))
    code, location = mutate(document)
    with pytest.raises(ValidationError) as error:
        from_dict(document, Programme)
    assert [(p.code, p.location) for p in error.value.problems] == [(code, location)]


def test_mutations_cover_every_rule_the_model_checks() -> None:
    document = json.loads(examples.text("gsef2021-partenariats"))
    codes = {mutate(json.loads(json.dumps(document)))[0] for mutate in _MUTATIONS}
    assert codes >= {
        "type", "required", "unknown_key", "empty", "language_tag", "duplicate_language",
        "duplicate", "id", "time_zone", "enum", "naive_datetime", "instant", "instant_range",
        "end_before_start", "date", "partial_date", "country_code", "territory_code",
        "territory_members", "url", "range", "overlapping_availability", "self_reference",
        "duplicate_id", "unknown_reference",
    }  # fmt: skip


@given(strategies.sessions(zones=st.just("Australia/Lord_Howe")))
def test_sessions_in_a_half_hour_dst_zone_are_valid(session: Session) -> None:
    assert session.end > session.start


@given(st.from_type(Session))
def test_from_type_uses_our_strategies(session: Session) -> None:
    assert isinstance(session, Session)


@given(strategies.programmes(min_sessions=2, max_sessions=3, min_speakers=1))
def test_programmes_honour_their_sizes_and_references(programme: Programme) -> None:
    assert 2 <= len(programme.sessions) <= 3
    assert len(programme.speakers) >= 1
    speaker_ids = {s.id for s in programme.speakers}
    for session in programme.sessions:
        assert set(session.speaker_ids) <= speaker_ids


def test_importing_our_strategies_first_causes_no_circular_import() -> None:
    code = "import essprogramme.strategies; import hypothesis; print('ok')"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "ok"


def test_importing_essprogramme_does_not_import_hypothesis() -> None:
    code = "import sys, essprogramme; print('hypothesis' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_schemas_and_strategies_are_reachable_as_attributes() -> None:
    code = (
        "import sys, essprogramme; essprogramme.schemas.names(); "
        "print('hypothesis' in sys.modules, essprogramme.strategies.__name__)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "essprogramme.strategies"]


@settings(max_examples=30)
@given(strategies.programmes(min_sessions=50, max_sessions=50, min_speakers=20, max_speakers=30))
def test_large_programmes_are_valid_and_cross_referenced(programme: Programme) -> None:
    """Beyond a few items, copies fill the programme: still every rule holds."""
    assert len(programme.sessions) == 50
    assert 20 <= len(programme.speakers) <= 30
    document = to_dict(programme)
    assert from_dict(document, Programme) == programme
    schemas.validate(document)
    used = {s for session in programme.sessions for s in session.speaker_ids}
    assert used <= {p.id for p in programme.speakers}
