"""Model constructors: every rule reports a ValidationError with path and code."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest

import essprogramme
from essprogramme import (
    Affiliation,
    Initiative,
    InitiativeKind,
    Interval,
    Link,
    LinkKind,
    LocalizedText,
    Location,
    LocationKind,
    Organisation,
    OrganisationKind,
    OrganisationRole,
    OrganiserRole,
    PartialDate,
    Participant,
    ParticipantRole,
    Programme,
    Session,
    SessionFormat,
    Speaker,
    Territory,
    ValidationError,
    from_json,
    to_json,
)
from essprogramme.model._checks import Model, checked
from essprogramme.model._references import paths_to
from essprogramme.model.territory import PLACE_DEPTH

T = LocalizedText({"fr": "Atelier"})
START = datetime(2021, 10, 8, 11, 0, tzinfo=UTC)
END = datetime(2021, 10, 8, 12, 30, tzinfo=UTC)


def moderator(speaker: str) -> Participant:
    return Participant(role=ParticipantRole.MODERATOR, speaker=speaker)


def session(**changes: Any) -> Session:
    fields: dict[str, Any] = {
        "id": "atelier",
        "title": T,
        "format": SessionFormat.WORKSHOP,
        "start": START,
        "end": END,
    }
    fields.update(changes)
    return Session(**fields)


def problems(error: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, str]]:
    return [(p.path, p.code) for p in error.value.problems]


# LocalizedText ---------------------------------------------------------


def test_localized_text_falls_back_from_region_to_language_to_original() -> None:
    text = LocalizedText({"fr": "Bonjour", "en": "Hello", "es-419": "Hola"})
    assert text.lookup("fr-CA") == "Bonjour"
    assert text.lookup("es") == "Hola"
    assert text.lookup("de") == "Bonjour"
    assert text.lookup("de", "en") == "Hello"
    assert text.match("EN") == "en"


def test_localized_text_is_immutable_and_hashable() -> None:
    text = LocalizedText({"fr": "a", "en": "b"})
    assert hash(text) == hash(LocalizedText({"en": "b", "fr": "a"}))
    assert text == LocalizedText({"en": "b", "fr": "a"})
    with pytest.raises(AttributeError):
        text._texts = {}  # type: ignore[misc]
    with pytest.raises(TypeError):
        text["fr"] = "c"  # type: ignore[index]


def test_localized_text_does_not_share_the_callers_dict() -> None:
    source = {"fr": "a"}
    text = LocalizedText(source)
    source["fr"] = "changed"
    assert text["fr"] == "a"


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        ({}, [("$", "empty")]),
        ({"fr": ""}, [("$.fr", "empty")]),
        ({"fr": "  \n"}, [("$.fr", "empty")]),
        ({"french": "x"}, [("$.french", "language_tag")]),
        ({"fr": 42}, [("$.fr", "type")]),
        ({"fr": "a", "FR": "b"}, [("$.FR", "duplicate_language")]),
        (
            {"fr": "", "xx-": 1},
            [("$.fr", "empty"), ("$['xx-']", "language_tag"), ("$['xx-']", "type")],
        ),
    ],
)
def test_localized_text_reports_every_bad_entry(
    texts: dict[Any, Any], expected: list[tuple[str, str]]
) -> None:
    with pytest.raises(ValidationError) as error:
        LocalizedText(texts)
    assert problems(error) == expected


def test_localized_text_refuses_a_plain_string() -> None:
    with pytest.raises(ValidationError) as error:
        LocalizedText("Bonjour")  # type: ignore[arg-type]
    assert problems(error) == [("$", "type")]


# Instants and intervals --------------------------------------------------


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValidationError) as error:
        session(start=datetime(2021, 10, 8, 11, 0))
    assert problems(error) == [("$.start", "naive_datetime")]


def test_instants_are_stored_in_utc_and_compare_across_zones() -> None:
    mayotte = session(start=datetime(2021, 10, 8, 14, 0, tzinfo=ZoneInfo("Indian/Mayotte")))
    assert mayotte.start == START
    assert mayotte.start.tzinfo is UTC
    assert mayotte == session()
    assert hash(mayotte) == hash(session())


def test_an_ambiguous_local_time_keeps_its_fold() -> None:
    # 2021-11-07 01:30 happens twice in Toronto; fold=1 is the second, EST one.
    first = datetime(2021, 11, 7, 1, 30, tzinfo=ZoneInfo("America/Toronto"))
    second = first.replace(fold=1)
    one = session(start=first, end=first + timedelta(hours=3))
    two = session(start=second, end=second + timedelta(hours=3))
    assert two.start - one.start == timedelta(hours=1)


def test_end_must_be_after_start() -> None:
    with pytest.raises(ValidationError) as error:
        session(end=START)
    assert problems(error) == [("$.end", "end_before_start")]


def test_intervals_are_half_open() -> None:
    morning = Interval(start=START, end=END)
    after = Interval(start=END, end=END + timedelta(hours=1))
    assert not morning.overlaps(after)
    assert morning.overlaps(
        Interval(start=END - timedelta(minutes=1), end=END + timedelta(hours=1))
    )


def test_local_views_of_the_seed_session() -> None:
    slot = Interval(start=START, end=END)
    assert slot.local("Indian/Mayotte").start.hour == 14
    assert slot.local("Europe/Paris").start.hour == 13
    assert slot.local("America/Toronto").start.hour == 7
    assert slot.local("Africa/Lome").start.hour == 11


# Types, formats, coercion ------------------------------------------------


def test_an_int_is_not_a_string() -> None:
    with pytest.raises(ValidationError) as error:
        session(id=42)
    assert problems(error) == [("$.id", "type")]


def test_a_string_is_not_a_tuple() -> None:
    with pytest.raises(ValidationError) as error:
        session(languages="fr")
    assert problems(error) == [("$.languages", "type")]


def test_a_plain_string_is_not_an_enum_member() -> None:
    with pytest.raises(ValidationError) as error:
        session(format="workshop")
    assert problems(error) == [("$.format", "enum")]


def test_several_problems_are_reported_together() -> None:
    with pytest.raises(ValidationError) as error:
        session(
            id="has space", languages=("fr", "français"), locations=3, start=datetime(2021, 1, 1)
        )
    assert problems(error) == [
        ("$.id", "id"),
        ("$.start", "naive_datetime"),
        ("$.languages[1]", "language_tag"),
        ("$.locations", "type"),
    ]


def test_duplicate_languages_and_locations_are_refused() -> None:
    with pytest.raises(ValidationError) as error:
        session(languages=("fr", "FR"), locations=("a", "a"))
    assert problems(error) == [("$.languages[1]", "duplicate"), ("$.locations[1]", "duplicate")]


@pytest.mark.parametrize("zone", ["Europe/Paris", "America/Toronto", "Asia/Kathmandu", "UTC"])
def test_real_zones_are_accepted(zone: str) -> None:
    assert Speaker(id="a", name="A", time_zone=zone).time_zone == zone


@pytest.mark.parametrize("zone", ["Mars/Olympus", "+03:00", "", "../etc/passwd", "Europe/"])
def test_unknown_zones_are_refused(zone: str) -> None:
    with pytest.raises(ValidationError) as error:
        Speaker(id="a", name="A", time_zone=zone)
    assert problems(error) == [("$.time_zone", "time_zone")]


def test_empty_and_blank_names_are_refused() -> None:
    with pytest.raises(ValidationError) as error:
        Speaker(id="a", name=" ")
    assert problems(error) == [("$.name", "empty")]


def test_country_and_links_are_checked() -> None:
    with pytest.raises(ValidationError) as error:
        Speaker(
            id="a",
            name="A",
            country="fr",
            links=(
                Link(kind=LinkKind.WEBSITE, url="https://ok.org"),
                Link(kind=LinkKind.SLIDES, url="https://ok.org/s.pdf", language="fr"),
            ),
        )
    assert problems(error) == [("$.country", "country_code")]
    with pytest.raises(ValidationError) as error:
        Link(kind=LinkKind.WEBSITE, url="ftp://no.org")
    assert problems(error) == [("$.url", "url")]


def test_overlapping_availability_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        Speaker(
            id="a",
            name="A",
            availability=(
                Interval(start=START, end=END),
                Interval(start=START + timedelta(minutes=30), end=END + timedelta(hours=1)),
            ),
        )
    assert problems(error) == [("$.availability[1]", "overlapping_availability")]


def test_sdgs_are_one_to_seventeen() -> None:
    with pytest.raises(ValidationError) as error:
        Initiative(id="i", name=T, kind=InitiativeKind.HUB, sdgs=frozenset({0, 18}))
    assert {p.code for p in error.value.problems} == {"range"}
    assert Initiative(id="i", name=T, kind=InitiativeKind.HUB, sdgs=frozenset({1, 17})).sdgs == {
        1,
        17,
    }


def test_bool_is_not_an_int() -> None:
    with pytest.raises(ValidationError) as error:
        Location(id="r", name=T, kind=LocationKind.ROOM, capacity=True)
    assert problems(error) == [("$.capacity", "type")]


# Partial dates and territories -------------------------------------------


@pytest.mark.parametrize(
    ("text", "precision"), [("2020", "year"), ("2020-04", "month"), ("2021-07-01", "day")]
)
def test_partial_dates_parse_and_print_back(text: str, precision: str) -> None:
    value = PartialDate.parse(text)
    assert str(value) == text
    assert value.precision == precision


@pytest.mark.parametrize("text", ["2021-02-29", "2020-13", "20", "2020-1", "2020-04-1x"])
def test_impossible_partial_dates_are_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        PartialDate.parse(text)


def test_a_day_needs_a_month() -> None:
    with pytest.raises(ValidationError) as error:
        PartialDate(year=2020, day=4)
    assert problems(error) == [("$.day", "partial_date")]


def test_partial_dates_bound_their_range() -> None:
    assert PartialDate.parse("2020").earliest() == date(2020, 1, 1)
    assert PartialDate.parse("2020-02").latest() == date(2020, 2, 29)


def test_initiatives_cannot_end_before_they_start() -> None:
    with pytest.raises(ValidationError) as error:
        Initiative(
            id="i", name=T, kind=InitiativeKind.HUB,
            start=PartialDate(year=2021), end=PartialDate(year=2020),
        )  # fmt: skip
    assert problems(error) == [("$.end", "end_before_start")]


def test_territories_need_a_code_or_a_name() -> None:
    with pytest.raises(ValidationError) as error:
        Territory()
    assert problems(error) == [("$", "required")]


@pytest.mark.parametrize("code", ["YT", "FR-976", "FR-NAQ", "CA-QC"])
def test_iso_codes_are_accepted(code: str) -> None:
    assert Territory.iso(code).country == code[:2]


@pytest.mark.parametrize("code", ["yt", "FRA", "FR-", "FR-ABCD", "F1"])
def test_malformed_iso_codes_are_refused(code: str) -> None:
    with pytest.raises(ValidationError) as error:
        Territory.iso(code)
    assert problems(error) == [("$.code", "territory_code")]


def test_only_custom_regions_have_members() -> None:
    with pytest.raises(ValidationError) as error:
        Territory(code="FR", members=(Territory.iso("YT"),))
    assert problems(error) == [("$.members", "territory_members")]


# Immutability ------------------------------------------------------------


def test_objects_are_frozen_and_evolve_revalidates() -> None:
    workshop = session()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        workshop.id = "other"  # type: ignore[misc]
    assert attrs.evolve(workshop, id="autre").id == "autre"
    with pytest.raises(ValidationError) as error:
        attrs.evolve(workshop, end=START - timedelta(hours=1))
    assert problems(error) == [("$.end", "end_before_start")]


def test_constructors_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        Affiliation("cress-mayotte")  # type: ignore[misc]


# Programme cross-references ---------------------------------------------


def programme(**changes: Any) -> Programme:
    fields: dict[str, Any] = {
        "id": "gsef",
        "title": T,
        "time_zone": "UTC",
        "start_date": date(2021, 10, 8),
        "end_date": date(2021, 10, 8),
        "organisations": (Organisation(id="ojedd", name=T, kind=OrganisationKind.ASSOCIATION),),
        "speakers": (
            Speaker(
                id="kevin", name="Kevin Ossah", affiliations=(Affiliation(organisation="ojedd"),)
            ),
        ),
        "sessions": (session(participants=(moderator("kevin"),)),),
    }
    fields.update(changes)
    return Programme(**fields)


def test_a_consistent_programme_is_built_and_indexed() -> None:
    built = programme()
    assert built.speaker("kevin").name == "Kevin Ossah"
    assert built.sessions_of("kevin") == built.sessions
    with pytest.raises(LookupError):
        built.speaker("nobody")


def test_unknown_references_are_reported_with_their_paths() -> None:
    with pytest.raises(ValidationError) as error:
        programme(
            organisers=(OrganisationRole(organisation="gsef-org", role=OrganiserRole.ORGANISER),),
            sessions=(
                session(
                    locations=("salle-1",),
                    participants=(
                        moderator("kevin"),
                        moderator("nobody"),
                        Participant(
                            role=ParticipantRole.SPEAKER, speaker="ghost", initiatives=("hub",)
                        ),
                    ),
                ),
            ),
        )
    assert problems(error) == [
        ("$.organisers[0].organisation", "unknown_reference"),
        ("$.sessions[0].locations[0]", "unknown_reference"),
        ("$.sessions[0].participants[1].speaker", "unknown_reference"),
        ("$.sessions[0].participants[2].speaker", "unknown_reference"),
        ("$.sessions[0].participants[2].initiatives[0]", "unknown_reference"),
    ]


def test_duplicate_ids_are_reported() -> None:
    with pytest.raises(ValidationError) as error:
        programme(sessions=(session(), session(title=LocalizedText({"en": "Again"}))))
    assert problems(error) == [("$.sessions[1].id", "duplicate_id")]


def test_programme_dates_are_ordered() -> None:
    with pytest.raises(ValidationError) as error:
        programme(end_date=date(2021, 10, 7))
    assert problems(error) == [("$.end_date", "end_before_start")]


def test_fixed_offsets_are_accepted_as_instants() -> None:
    plus_three = timezone(timedelta(hours=3))
    assert session(start=datetime(2021, 10, 8, 14, tzinfo=plus_three)).start == START


def test_constructors_accept_lists_and_sets_and_store_immutable_forms() -> None:
    session = Session(
        id="s",
        title=LocalizedText({"fr": "Atelier"}),
        format=SessionFormat.WORKSHOP,
        start=datetime(2021, 10, 8, 11, tzinfo=UTC),
        end=datetime(2021, 10, 8, 12, tzinfo=UTC),
        languages=["fr", "en"],
        tags={"ess", "territoires"},
    )
    assert session.languages == ("fr", "en")
    assert type(session.languages) is tuple
    assert session.tags == frozenset({"ess", "territoires"})
    assert type(session.tags) is frozenset


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"languages": "fr"}, ("$.languages", "type", "expected a tuple or list of str, got str")),
        ({"tags": ["a"]}, ("$.tags", "type", "expected a set or frozenset of str, got list")),
        ({"tags": None}, ("$.tags", "type", "expected a set or frozenset of str, got None")),
        ({"format": "workshop"}, ("$.format", "enum", None)),
        (
            {"start": "2021-10-08T11:00Z"},
            ("$.start", "type", "expected an aware datetime, got str"),
        ),
    ],
)
def test_constructor_messages_use_python_words(
    changes: dict[str, Any], expected: tuple[str, str, str | None]
) -> None:
    fields: dict[str, Any] = {
        "id": "s",
        "title": LocalizedText({"fr": "Atelier"}),
        "format": SessionFormat.WORKSHOP,
        "start": datetime(2021, 10, 8, 11, tzinfo=UTC),
        "end": datetime(2021, 10, 8, 12, tzinfo=UTC),
    }
    with pytest.raises(ValidationError) as error:
        Session(**{**fields, **changes})
    [problem] = error.value.problems
    path, code, message = expected
    assert (problem.path, problem.code) == (path, code)
    if message is not None:
        assert problem.message == message


def test_unknown_zones_get_a_suggestion_and_local_views_raise_our_error() -> None:
    with pytest.raises(ValidationError) as error:
        Speaker(id="s", name="S", time_zone="Indian/Mayote")
    assert "did you mean 'Indian/Mayotte'?" in error.value.problems[0].message
    slot = Interval(
        start=datetime(2021, 10, 8, 11, tzinfo=UTC), end=datetime(2021, 10, 8, 12, tzinfo=UTC)
    )
    with pytest.raises(ValidationError) as error:
        slot.local("Europe/Lyon")
    assert error.value.codes == {"time_zone"}


def test_instants_every_zone_can_show() -> None:
    for moment in (datetime(1, 1, 1, tzinfo=UTC), datetime(9999, 12, 31, 12, tzinfo=UTC)):
        with pytest.raises(ValidationError) as error:
            Interval(
                start=moment, end=moment + timedelta(seconds=1) if moment.year == 1 else moment
            )
        assert "instant_range" in error.value.codes


def test_regions_built_in_python_fit_wherever_a_programme_holds_them() -> None:
    region = Territory.iso("YT")
    while True:
        try:
            region = Territory.region(LocalizedText({"fr": "r"}), [region])
        except ValidationError as error:
            assert error.codes == {"depth"}
            break
    programme_ = Programme(
        id="p", title=T, time_zone="UTC", start_date=date(2021, 1, 1), end_date=date(2021, 1, 1),
        initiatives=(Initiative(id="i", name=T, kind=InitiativeKind.CLUSTER, territories=(region,)),),
    )  # fmt: skip
    assert from_json(to_json(programme_)) == programme_


def test_the_place_depth_is_what_the_fields_say() -> None:
    deepest = max(len(path) for path in paths_to(Programme, Territory))
    assert deepest + 1 == PLACE_DEPTH


def test_model_classes_have_no_weak_reference_slot() -> None:
    with pytest.raises(TypeError, match="weakref_slot=False"):

        @checked
        @attrs.frozen(kw_only=True)
        class Heavy(Model):
            value: int

    session = essprogramme.examples.load("gsef2021-partenariats").sessions[0]
    assert not hasattr(session, "__weakref__")


def test_model_classes_refuse_attrs_converters() -> None:
    with pytest.raises(TypeError, match="converter"):

        @checked
        @attrs.frozen(kw_only=True)
        class Bad(Model):
            value: int = attrs.field(converter=int)
