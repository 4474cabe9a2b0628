"""The public Hypothesis strategies: valid by construction, configurable, quick to shrink.

Invalid documents (``invalid_documents`` and its mutation table) are tested
in ``test_mutations.py``.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

from essprogramme import (
    LocalizedText,
    Location,
    Programme,
    Session,
    from_dict,
    schemas,
    strategies,
    to_dict,
)
from essprogramme.strategies import _objects


def _walk(value: Any) -> Iterator[Any]:
    """``value`` and every model object, text and tuple inside it."""
    yield value
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            if field.init:
                yield from _walk(getattr(value, field.name))
    elif isinstance(value, (tuple, frozenset)):
        for item in value:
            yield from _walk(item)


def _language_fields(value: Any) -> Iterator[str]:
    """Every language tag held by a field declared with the language format."""
    for obj in _walk(value):
        if attrs.has(type(obj)):
            for field in attrs.fields(type(obj)):
                if field.init and field.metadata.get("format") == "language":
                    tags = getattr(obj, field.name)
                    yield from (tags,) if isinstance(tags, str) else tags


def _zone_fields(value: Any) -> Iterator[str | None]:
    for obj in _walk(value):
        if attrs.has(type(obj)):
            for field in attrs.fields(type(obj)):
                if field.init and field.metadata.get("format") == "zone":
                    yield getattr(obj, field.name)


# Valid data -----------------------------------------------------------------


@given(strategies.programmes())
def test_generated_programmes_pass_the_model_and_the_schemas(programme: Programme) -> None:
    document = to_dict(programme)
    assert from_dict(document, Programme) == programme
    schemas.validate(document)


@given(strategies.programmes(min_sessions=50, max_sessions=50, min_speakers=20, max_speakers=30))
def test_large_programmes_are_valid_and_cross_referenced(programme: Programme) -> None:
    """Beyond a few items, copies fill the programme: still every rule holds."""
    assert len(programme.sessions) == 50
    assert 20 <= len(programme.speakers) <= 30
    document = to_dict(programme)
    assert from_dict(document, Programme) == programme
    schemas.validate(document)


_KINDS = ("sessions", "speakers", "organisations", "initiatives")


@given(st.data())
def test_programmes_honour_their_sizes(data: st.DataObject) -> None:
    bounds = {}
    for kind in _KINDS:
        low = data.draw(st.integers(0, 3), label=f"min_{kind}")
        bounds[kind] = (low, data.draw(st.integers(low, 4), label=f"max_{kind}"))
    sizes = {
        f"{e}_{kind}": bounds[kind][i] for kind in _KINDS for i, e in enumerate(("min", "max"))
    }
    programme = data.draw(strategies.programmes(**sizes))
    for kind, (low, high) in bounds.items():
        assert low <= len(getattr(programme, kind)) <= high, kind


@given(
    strategies.programmes(
        zones=st.just("Asia/Kathmandu"), languages=st.sampled_from(["ar", "fr-YT"])
    )
)
def test_zones_and_languages_reach_every_field_of_a_programme(programme: Programme) -> None:
    assert set(_zone_fields(programme)) <= {None, "Asia/Kathmandu"}
    assert programme.time_zone == "Asia/Kathmandu"
    assert set(_language_fields(programme)) <= {"ar", "fr-YT"}
    texts = [obj for obj in _walk(programme) if isinstance(obj, LocalizedText)]
    assert {tag for text in texts for tag in text} <= {"ar", "fr-YT"}


@given(
    strategies.sessions(zones=st.just("Pacific/Chatham"), languages=st.just("sw")),
    strategies.locations(zones=st.just("Pacific/Chatham")),
)
def test_zones_and_languages_reach_sessions_and_locations(
    session: Session, location: Location
) -> None:
    assert set(_language_fields(session)) <= {"sw"}
    assert all(set(o) == {"sw"} for o in _walk(session) if isinstance(o, LocalizedText))
    assert location.time_zone in (None, "Pacific/Chatham")


@given(strategies.sessions(speaker_ids=st.sampled_from(["a", "b"]), location_ids=st.just("room")))
def test_references_come_from_the_given_id_pools(session: Session) -> None:
    assert set(session.speaker_ids) <= {"a", "b"}
    assert session.location in (None, "room")


@given(strategies.organisations(), strategies.initiatives())
def test_references_into_their_own_collection_are_empty_without_a_pool(
    organisation: Any, initiative: Any
) -> None:
    assert organisation.member_of == ()
    assert initiative.related == ()


#: ``find`` without the explain phase, which re-runs a found example many
#: times over to annotate a failure report ``find`` does not print.
_FIND = settings(database=None, phases=[Phase.generate, Phase.shrink])


def test_from_type_uses_our_strategies() -> None:
    """``st.from_type`` (the entry point) draws what our strategy draws, shrinks alike."""
    for cls, ours in [(Session, strategies.sessions()), (Programme, strategies.programmes())]:
        assert find(st.from_type(cls), bool, settings=_FIND) == find(ours, bool, settings=_FIND)


def test_a_new_optional_field_is_drawn_with_no_change_to_the_strategies() -> None:
    """The recipe of docs/contributing.md: a field declared is a field generated."""
    extended = attrs.make_class(
        "ExtendedSession",
        {"new_field": attrs.field(default=None, type=LocalizedText | None)},
        bases=(Session,),
        frozen=True,
        kw_only=True,
    )
    found = find(_objects.objects(extended), lambda s: s.new_field is not None, settings=_FIND)
    assert isinstance(found.new_field, LocalizedText)


# Shrinking --------------------------------------------------------------------


def _sizes(programme: Programme) -> dict[str, int]:
    return {kind: len(getattr(programme, kind)) for kind in _objects.collections()}


def test_shrinking_removes_unused_tracks_organisations_and_speakers() -> None:
    found = find(
        strategies.programmes(),
        lambda p: any(s.duration > timedelta(hours=1) for s in p.sessions),
        settings=_FIND,
    )
    assert _sizes(found) == {
        "locations": 0, "tracks": 0, "sessions": 1,
        "speakers": 0, "organisations": 0, "initiatives": 0,
    }  # fmt: skip


def test_shrinking_keeps_only_what_a_failure_refers_to() -> None:
    found = find(
        strategies.programmes(), lambda p: any(s.moderators for s in p.sessions), settings=_FIND
    )
    assert _sizes(found) == {
        "locations": 0, "tracks": 0, "sessions": 1,
        "speakers": 1, "organisations": 0, "initiatives": 0,
    }  # fmt: skip


# Imports ------------------------------------------------------------------------


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_importing_our_strategies_first_causes_no_circular_import() -> None:
    assert _run("import essprogramme.strategies; import hypothesis; print('ok')") == "ok"


def test_importing_essprogramme_does_not_import_hypothesis() -> None:
    assert _run("import sys, essprogramme; print('hypothesis' in sys.modules)") == "False"


def test_schemas_and_strategies_are_reachable_as_attributes() -> None:
    code = (
        "import sys, essprogramme; essprogramme.schemas.names(); "
        "print('hypothesis' in sys.modules, essprogramme.strategies.__name__)"
    )
    assert _run(code).split() == ["False", "essprogramme.strategies"]


@pytest.mark.parametrize("name", strategies.__all__)
def test_every_public_name_is_documented(name: str) -> None:
    value = getattr(strategies, name)
    assert name.isupper() or (value.__doc__ and value.__doc__.strip())
