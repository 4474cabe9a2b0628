"""The public Hypothesis strategies: valid by construction, configurable, quick to shrink.

Invalid documents (``invalid_documents`` and its mutation table) are tested
in ``test_mutations.py``.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

import essprogramme
from essprogramme import (
    LocalizedText,
    Location,
    Programme,
    Session,
    SessionStatus,
    from_dict,
    schemas,
    strategies,
    to_dict,
)
from essprogramme.model._rules import FORMATS
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
                    if tags is not None:
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


@given(
    strategies.sessions(
        speaker_ids=st.sampled_from(["a", "b"]),
        organisation_ids=st.just("org"),
        location_ids=st.just("room"),
        session_ids=st.just("whole"),
    )
)
def test_references_come_from_the_given_id_pools(session: Session) -> None:
    assert set(session.speaker_ids) <= {"a", "b"}
    assert {p.organisation for p in session.participants} <= {None, "org"}
    assert set(session.locations) <= {"room"}
    assert session.parent in (None, "whole")


@given(strategies.organisations(), strategies.initiatives(), strategies.locations())
def test_references_into_their_own_collection_are_empty_without_a_pool(
    organisation: Any, initiative: Any, location: Location
) -> None:
    assert organisation.member_of == ()
    assert initiative.related == ()
    assert location.parent is None


#: ``find`` without the explain phase, which re-runs a found example many
#: times over to annotate a failure report ``find`` does not print.
_FIND = settings(database=None, phases=[Phase.generate, Phase.shrink])


# Every published time shape and status ---------------------------------------------


def test_the_defaults_draw_every_time_shape_and_status() -> None:
    """Derived from the model: the strategies' lists are the model's."""
    assert set(strategies.TIME_SHAPES) == {"exact", "start", "date", "none"}
    assert set(_objects._STATUSES.elements) == set(SessionStatus)  # type: ignore[attr-defined]
    assert set(_objects.FORMAT_STRATEGIES) | {"id"} == set(FORMATS) | {"id"}


@pytest.mark.parametrize("shape", strategies.TIME_SHAPES)
@given(data=st.data())
def test_sessions_and_programmes_draw_each_time_shape(shape: str, data: st.DataObject) -> None:
    session = data.draw(strategies.sessions(time_shapes=(shape,)))
    assert session.time_shape == shape
    programme = data.draw(
        strategies.programmes(min_sessions=1, max_sessions=2, time_shapes=(shape,))
    )
    assert {s.time_shape for s in programme.sessions} == {shape}


@pytest.mark.parametrize("status", list(SessionStatus))
@given(data=st.data())
def test_sessions_draw_each_status(status: SessionStatus, data: st.DataObject) -> None:
    session = data.draw(strategies.sessions(statuses=st.just(status)))
    assert session.status is status
    # A rescheduled session says where it stood before.
    assert bool(session.previous_starts) == (status is SessionStatus.RESCHEDULED)


# What the model's rules ask of drawn objects ------------------------------------------


#: Searches for a value a strategy can draw: a budget for finding, not an
#: example count of a property (it stops at the first value found).
_SEARCH = settings(
    database=None,
    phases=[Phase.generate],
    # Never below 2,000: a value drawn 3 % of the time (a region with
    # members) is then missed once in 10^26 runs, whatever the profile.
    max_examples=max(settings.default.max_examples * 20, 2_000),
)


def _reaches(strategy: st.SearchStrategy[Any], condition: Callable[[Any], bool]) -> None:
    find(strategy, condition, settings=_SEARCH)


_ROOM = strategies.locations(location_ids=st.just("venue"))


@pytest.mark.parametrize(
    ("strategy", "condition"),
    [
        pytest.param(
            strategies.speakers(), lambda s: s.name is None and s.office is not None, id="office"
        ),
        pytest.param(
            strategies.participants(), lambda p: p.organisation is not None, id="organisation"
        ),
        pytest.param(strategies.sources(), lambda s: s.url is None, id="citation-only"),
        pytest.param(strategies.territories(), lambda t: t.locode is not None, id="locode"),
        pytest.param(strategies.territories(), lambda t: t.within is not None, id="within"),
        pytest.param(strategies.territories(), lambda t: bool(t.members), id="members"),
        pytest.param(
            strategies.activities(),
            lambda a: any(f.part_of is not None for f in a.figures),
            id="part_of",
        ),
        pytest.param(strategies.prices(), lambda p: p.amount is not None, id="amount"),
        pytest.param(
            strategies.registrations(), lambda r: r.full and r.places_left == 0, id="full"
        ),
        pytest.param(_ROOM, lambda loc: loc.parent == "venue", id="room-in-venue"),
        pytest.param(
            strategies.programmes(min_sessions=2),
            lambda p: any(s.parent for s in p.sessions),
            id="part-of-a-session",
        ),
        pytest.param(
            strategies.programmes(min_sessions=1, time_shapes=("date",)),
            lambda p: any(s.start_date in p.extra_days for s in p.sessions),
            id="on-an-extra-day",
        ),
    ],
)
def test_every_rule_shaped_value_is_drawn(
    strategy: st.SearchStrategy[Any], condition: Callable[[Any], bool]
) -> None:
    _reaches(strategy, condition)


@given(strategies.sessions(languages=st.sampled_from(["fr", "FR", "en"])))
def test_no_session_is_interpreted_into_a_floor_language(session: Session) -> None:
    floor = {tag.lower() for tag in session.languages}
    assert not floor & {tag.lower() for tag in session.interpretation}
    if session.format.is_pause:
        assert session.participants == ()


@given(strategies.programmes())
def test_sessions_fall_on_the_programmes_days_in_their_zone(programme: Programme) -> None:
    """The model checks it too (outside_programme); this says how, in the zone_of terms."""
    length = (programme.end_date - programme.start_date).days + 1
    days = {programme.start_date + timedelta(days=i) for i in range(length)}
    days |= set(programme.extra_days)
    for session in programme.sessions:
        if session.start is not None:
            zone = ZoneInfo(programme.zone_of(session))
            assert session.start.astimezone(zone).date() in days
        elif session.start_date is not None:
            assert session.start_date in days


def test_every_model_class_has_a_strategy() -> None:
    """Derived: ``st.from_type`` knows every class of the model (a new one included)."""
    for name in essprogramme.model.__all__:
        cls = getattr(essprogramme.model, name)
        if attrs.has(cls) and issubclass(cls, essprogramme.model._checks.Model):
            value = find(st.from_type(cls), lambda _: True, settings=_FIND)
            assert isinstance(value, cls)


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
    found = find(_objects.objects(extended), lambda s: s.new_field is not None, settings=_SEARCH)
    assert isinstance(found.new_field, LocalizedText)


# Shrinking --------------------------------------------------------------------


def _sizes(programme: Programme) -> dict[str, int]:
    return {kind: len(getattr(programme, kind)) for kind in _objects.collections()}


#: Finding, then shrinking: a search budget (it stops at the first value found).
_SHRINK = settings(_SEARCH, phases=[Phase.generate, Phase.shrink])


def test_shrinking_removes_unused_tracks_organisations_and_speakers() -> None:
    found = find(
        strategies.programmes(),
        lambda p: any((s.duration or timedelta()) > timedelta(hours=1) for s in p.sessions),
        settings=_SHRINK,
    )
    # Sessions: one, most of the time; now and then Hypothesis's shrinker
    # keeps a second, minimal one (sessions of several time shapes).
    assert _sizes(found) | {"sessions": 1} == {
        "locations": 0, "tracks": 0, "sessions": 1,
        "speakers": 0, "organisations": 0, "initiatives": 0,
    }  # fmt: skip


def test_shrinking_keeps_only_what_a_failure_refers_to() -> None:
    found = find(
        strategies.programmes(), lambda p: any(s.speaker_ids for s in p.sessions), settings=_SHRINK
    )
    assert _sizes(found) | {"sessions": 1} == {
        "locations": 0, "tracks": 0, "sessions": 1,
        "speakers": 1, "organisations": 0, "initiatives": 0,
    }  # fmt: skip
    assert [len(s.participants) for s in found.sessions if s.participants] == [1]


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
