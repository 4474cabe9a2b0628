"""What real programmes carry: status, published time shapes, places, registration, roles."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from essprogramme import (
    Accessibility,
    Address,
    Coordinates,
    Delivery,
    Figure,
    Inference,
    Initiative,
    InitiativeKind,
    LinkKind,
    LocalizedText,
    Location,
    LocationKind,
    Membership,
    Organisation,
    OrganisationKind,
    Participant,
    ParticipantRole,
    Price,
    PriceKind,
    Programme,
    Registration,
    Session,
    SessionFormat,
    SessionStatus,
    Source,
    Speaker,
    Territory,
    ValidationError,
    from_dict,
    from_json,
    to_dict,
    to_json,
)

T = LocalizedText({"fr": "Plénière d'ouverture"})


def problems(error: pytest.ExceptionInfo[ValidationError]) -> list[tuple[str, str]]:
    return [(p.path, p.code) for p in error.value.problems]


def session(**changes: Any) -> Session:
    fields: dict[str, Any] = {"id": "s", "title": T, "format": SessionFormat.PLENARY}
    return Session(**{**fields, **changes})


def programme(**changes: Any) -> Programme:
    fields: dict[str, Any] = {
        "id": "gsef2025",
        "title": LocalizedText({"fr": "GSEF 2025"}),
        "time_zone": "Europe/Paris",
        "start_date": date(2025, 10, 22),
        "end_date": date(2025, 10, 24),
    }
    return Programme(**{**fields, **changes})


def test_a_session_is_scheduled_unless_told_otherwise() -> None:
    assert session().status is SessionStatus.SCHEDULED
    assert "status" not in to_dict(session())
    moved = session(
        status=SessionStatus.RESCHEDULED,
        start=datetime(2025, 10, 23, 14, tzinfo=UTC),
        previous_starts=(datetime(2025, 10, 22, 9, tzinfo=UTC),),
    )
    assert to_dict(moved)["previous_starts"] == ["2025-10-22T09:00:00Z"]
    assert from_json(to_json(moved), Session) == moved


@pytest.mark.parametrize(
    ("changes", "shape"),
    [
        ({"start": datetime(2025, 10, 22, 7, tzinfo=UTC)}, "start"),
        (
            {
                "start": datetime(2025, 10, 22, 7, tzinfo=UTC),
                "end": datetime(2025, 10, 22, 8, tzinfo=UTC),
            },
            "exact",
        ),
        ({"start_date": date(2025, 11, 5)}, "date"),
        ({"start_date": date(2025, 10, 22), "end_date": date(2025, 10, 24)}, "date"),
        ({}, "none"),
    ],
)
def test_times_as_they_are_published(changes: dict[str, Any], shape: str) -> None:
    published = session(**changes)
    assert published.time_shape == shape
    assert from_json(to_json(published), Session) == published
    if shape != "exact":
        assert published.end is None or published.start is not None
        assert published.duration is None  # never an invented end


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"end": datetime(2025, 10, 22, 8, tzinfo=UTC)}, [("$.start", "required")]),
        (
            {"start": datetime(2025, 10, 22, 8, tzinfo=UTC), "start_date": date(2025, 10, 22)},
            [("$.start_date", "time_shape")],
        ),
        ({"end_date": date(2025, 10, 22)}, [("$.start_date", "required")]),
        (
            {"start_date": date(2025, 10, 23), "end_date": date(2025, 10, 22)},
            [("$.end_date", "end_before_start")],
        ),
        (
            {"languages": ("fr", "en"), "interpretation": ("es", "EN")},
            [("$.interpretation[1]", "interpretation")],
        ),
        (
            {
                "format": SessionFormat.BREAK,
                "participants": (Participant(role=ParticipantRole.MC, speaker="a"),),
            },
            [("$.participants", "pause_participants")],
        ),
        ({"parent": "s"}, [("$.parent", "self_reference")]),
    ],
)
def test_session_rules(changes: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    with pytest.raises(ValidationError) as error:
        session(**changes)
    assert problems(error) == expected


def test_a_participant_is_a_speaker_or_an_organisation() -> None:
    closing = Participant(
        role=ParticipantRole.SPEAKER,
        organisation="european-commission",
        label=LocalizedText({"en": "Closing remarks"}),
    )
    assert closing.speaker is None
    for wrong in ({}, {"speaker": "a", "organisation": "b"}):
        with pytest.raises(ValidationError) as error:
            Participant(role=ParticipantRole.SPEAKER, **wrong)
        assert problems(error) == [("$.speaker", "exactly_one")]


def test_someone_known_by_office_alone() -> None:
    mayor = Speaker(id="maire-ramallah", office=LocalizedText({"fr": "Le maire de Ramallah"}))
    assert mayor.name is None
    with pytest.raises(ValidationError) as error:
        Speaker(id="nobody")
    assert problems(error) == [("$", "required")]


def test_prices_are_decimals_written_as_strings() -> None:
    registration = Registration(
        required=True,
        url="https://www.helloasso.com/associations/cress/evenements/mois-ess",
        deadline=datetime(2024, 11, 4, 22, 59, tzinfo=UTC),
        capacity=40,
        places_left=3,
        prices=(
            Price(kind=PriceKind.FIXED, amount=Decimal("12.50"), currency="EUR"),
            Price(kind=PriceKind.PAY_WHAT_YOU_CAN, label=LocalizedText({"fr": "prix libre"})),
        ),
    )
    data = to_dict(registration)
    assert data["prices"][0] == {"kind": "fixed", "amount": "12.50", "currency": "EUR"}
    assert from_json(to_json(registration), Registration) == registration
    with pytest.raises(ValidationError) as error:
        from_dict({"prices": [{"kind": "fixed", "amount": 12.5, "currency": "EUR"}]}, Registration)
    assert problems(error) == [("$.prices[0].amount", "type")]
    with pytest.raises(ValidationError) as error:
        Price(kind=PriceKind.FIXED, amount=12.5, currency="EUR")  # type: ignore[arg-type]
    assert problems(error) == [("$.amount", "type")]


@pytest.mark.parametrize(
    ("price", "expected"),
    [
        ({"kind": PriceKind.FIXED}, [("$.amount", "required")]),
        (
            {"kind": PriceKind.FREE, "amount": Decimal(0), "currency": "EUR"},
            [("$.amount", "price")],
        ),
        ({"kind": PriceKind.FIXED, "amount": Decimal(5)}, [("$.currency", "required")]),
        (
            {"kind": PriceKind.FIXED, "amount": Decimal(5), "currency": "eur"},
            [("$.currency", "currency")],
        ),
        (
            {"kind": PriceKind.FIXED, "amount": Decimal("-1"), "currency": "EUR"},
            [("$.amount", "decimal")],
        ),
        (
            {"kind": PriceKind.FIXED, "amount": Decimal("NaN"), "currency": "EUR"},
            [("$.amount", "decimal")],
        ),
    ],
)
def test_price_rules(price: dict[str, Any], expected: list[tuple[str, str]]) -> None:
    with pytest.raises(ValidationError) as error:
        Price(**price)
    assert problems(error) == expected


def test_places_left_and_full_agree() -> None:
    with pytest.raises(ValidationError) as error:
        Registration(capacity=10, places_left=11)
    assert problems(error) == [("$.places_left", "range")]
    with pytest.raises(ValidationError) as error:
        Registration(full=True, places_left=2)
    assert problems(error) == [("$.full", "places")]


def test_a_venue_with_an_address_coordinates_and_rooms() -> None:
    venue = Location(
        id="hangar-14",
        name=LocalizedText({"fr": "Hangar 14"}),
        kind=LocationKind.VENUE,
        time_zone="Europe/Paris",
        address=Address(
            street="Quai des Chartrons", postal_code="33300", locality="Bordeaux", country="FR"
        ),
        coordinates=Coordinates(latitude=44.8521, longitude=-0.5687),
        access=LocalizedText({"fr": "Tram B, arrêt Cours du Médoc"}),
        accessibility=frozenset({Accessibility.STEP_FREE, Accessibility.INDUCTION_LOOP}),
    )
    room = Location(
        id="salle-garonne", name=LocalizedText({"fr": "Salle Garonne"}), kind=LocationKind.ROOM,
        parent="hangar-14",
    )  # fmt: skip
    built = programme(locations=(venue, room))
    assert from_json(to_json(built)) == built
    with pytest.raises(ValidationError) as error:
        Coordinates(latitude=91.0, longitude=0)
    assert problems(error) == [("$.latitude", "range")]
    with pytest.raises(ValidationError) as error:
        from_dict({"latitude": float("nan"), "longitude": True}, Coordinates)
    assert problems(error) == [("$.latitude", "range"), ("$.longitude", "type")]


def test_places_may_not_be_inside_themselves() -> None:
    a = Location(id="a", name=T, kind=LocationKind.ROOM, parent="b")
    b = Location(id="b", name=T, kind=LocationKind.ROOM, parent="a")
    with pytest.raises(ValidationError) as error:
        programme(locations=(a, b))
    assert problems(error) == [
        ("$.locations[0].parent", "cycle"),
        ("$.locations[1].parent", "cycle"),
    ]


def test_a_hybrid_session_is_in_a_room_and_on_its_stream() -> None:
    room = Location(id="hemicycle", name=T, kind=LocationKind.ROOM, time_zone="Europe/Paris")
    stream = Location(
        id="webstream", name=T, kind=LocationKind.ONLINE, url="https://eesc.europa.eu/live"
    )
    debate = session(
        start=datetime(2025, 10, 22, 12, tzinfo=UTC), locations=("hemicycle", "webstream")
    )
    built = programme(locations=(room, stream), sessions=(debate,))
    assert built.zone_of(debate) == "Europe/Paris"


def test_sessions_outside_the_programme_are_reported() -> None:
    late = session(start=datetime(2025, 11, 3, 9, tzinfo=UTC))
    with pytest.raises(ValidationError) as error:
        programme(sessions=(late,))
    assert problems(error) == [("$.sessions[0].start", "outside_programme")]
    eve = session(start_date=date(2025, 10, 21))
    with pytest.raises(ValidationError):
        programme(sessions=(eve,))
    assert programme(sessions=(eve,), extra_days=(date(2025, 10, 21),)).sessions == (eve,)
    # Local dates: 23:30 UTC on the last day is already the next day in Paris.
    with pytest.raises(ValidationError):
        programme(sessions=(session(start=datetime(2025, 10, 24, 22, 30, tzinfo=UTC)),))


def test_parts_of_a_session_and_cycles() -> None:
    plenary = session(id="pleniere", start=datetime(2025, 10, 22, 7, tzinfo=UTC))
    prize = session(id="prix", parent="pleniere", format=SessionFormat.CEREMONY)
    assert programme(sessions=(plenary, prize)).session("prix").parent == "pleniere"
    with pytest.raises(ValidationError) as error:
        programme(sessions=(attrs.evolve(plenary, parent="prix"), prize))
    assert {code for _, code in problems(error)} == {"cycle"}


def test_figures_with_scope() -> None:
    webinar_figures = (
        Figure(measure="participants", count=59),
        Figure(measure="ess-actors", count=45, part_of="participants"),
        Figure(
            measure="countries", count=15, counts=LocalizedText({"fr": "pays et îles du monde"})
        ),
    )
    org = Organisation(
        id="cress", name=T, kind=OrganisationKind.NETWORK, figures=webinar_figures,
        member_of=(Membership(organisation="eser"),),
    )  # fmt: skip
    assert org.figures[1].part_of == "participants"
    with pytest.raises(ValidationError) as error:
        attrs.evolve(org, figures=(Figure(measure="a", count=5, part_of="b"),))
    assert problems(error) == [("$.figures[0].part_of", "unknown_reference")]
    with pytest.raises(ValidationError) as error:
        attrs.evolve(
            org, figures=(webinar_figures[0], Figure(measure="b", count=60, part_of="participants"))
        )
    assert problems(error) == [("$.figures[1].count", "range")]


def test_provenance_names_real_fields() -> None:
    speaker = Speaker(
        id="kevin-ossah",
        name="Kevin Ossah",
        time_zone="Africa/Lome",
        sources=(Source(citation=LocalizedText({"fr": "Fiche de l'atelier, GSEF 2021"})),),
        inferred=(Inference(field="time_zone", reason=LocalizedText({"en": "OJEDD is in Lomé"})),),
    )
    assert from_json(to_json(speaker), Speaker) == speaker
    with pytest.raises(ValidationError) as error:
        attrs.evolve(speaker, inferred=(Inference(field="zone"),))
    assert problems(error) == [("$.inferred[0].field", "unknown_field")]
    with pytest.raises(ValidationError) as error:
        Source()
    assert problems(error) == [("$", "required")]


def test_places_below_iso_3166_2() -> None:
    metropole = Territory(name=LocalizedText({"fr": "la métropole bordelaise"}), within="FR-33")
    bordeaux = Territory(locode="FRBOD", name=LocalizedText({"fr": "Bordeaux"}))
    assert from_json(to_json(metropole), Territory) == metropole
    assert bordeaux.code is None
    with pytest.raises(ValidationError) as error:
        Territory(code="FR-33", within="FR")
    assert problems(error) == [("$.within", "territory_within")]


def test_remote_and_recorded_delivery_round_trip() -> None:
    remote = Participant(role=ParticipantRole.SPEAKER, speaker="a", delivery=Delivery.REMOTE_LIVE)
    assert from_json(to_json(remote), Participant) == remote
    assert LinkKind.RECORDING.value == "recording"


def test_shared_regions_are_not_expanded() -> None:
    region: dict[str, Any] = {"code": "YT"}
    for _ in range(24):  # 2**24 territories once expanded
        region = {"name": {"fr": "r"}, "members": [region, region]}
    with pytest.raises(ValidationError) as error:
        from_dict(region, Territory)
    assert error.value.codes == {"size"}


def test_instants_inside_tuples_are_stored_in_utc() -> None:
    from zoneinfo import ZoneInfo

    moved = session(
        status=SessionStatus.RESCHEDULED,
        start=datetime(2025, 10, 23, 14, tzinfo=UTC),
        previous_starts=[datetime(2025, 10, 22, 12, tzinfo=ZoneInfo("Indian/Mayotte"))],
    )
    assert moved.previous_starts == (datetime(2025, 10, 22, 9, tzinfo=UTC),)
    assert moved.previous_starts[0].tzinfo is UTC
    assert to_dict(moved)["previous_starts"] == ["2025-10-22T09:00:00Z"]


def test_a_text_keyed_by_a_str_subclass_is_refused() -> None:
    class Tag(str):
        pass

    with pytest.raises(ValidationError) as error:
        LocalizedText({Tag("fr"): "x"})
    assert error.value.codes == {"type"}
    with pytest.raises(ValidationError) as error:
        from_dict({"id": "j", "name": "J", "honorific": {Tag("fr"): "x"}}, Speaker)
    assert error.value.codes == {"type"}


def test_a_huge_zone_or_key_is_refused_quickly() -> None:
    import time

    started = time.perf_counter()
    with pytest.raises(ValidationError) as error:
        from_dict(
            {"id": "j", "name": "J", "time_zone": "-" * 2_000_000, "x" * 2_000_000: 1}, Speaker
        )
    assert error.value.codes == {"time_zone", "unknown_key"}
    assert time.perf_counter() - started < 5  # difflib is never asked about such strings


def test_a_deep_chain_of_regions_in_python_data_is_refused_in_linear_time() -> None:
    region: dict[str, Any] = {"code": "YT"}
    for _ in range(20_000):
        region = {"name": {"fr": "r"}, "members": [region]}
    with pytest.raises(ValidationError) as error:
        from_dict(region, Territory)
    assert error.value.codes == {"depth"}


def test_to_dict_writes_any_instant_in_utc_and_dates_as_dates() -> None:
    from zoneinfo import ZoneInfo

    paris_noon = datetime(2021, 1, 1, 12, tzinfo=ZoneInfo("Europe/Paris"))
    assert to_dict(paris_noon) == "2021-01-01T11:00:00Z"
    assert to_json(paris_noon) == '"2021-01-01T11:00:00Z"'
    with pytest.raises(ValidationError):
        to_dict(datetime(2021, 1, 1, 12))  # naive: no instant to write
    assert to_json(date(2021, 1, 1)) == '"2021-01-01"'
    assert from_json(to_json(date(2021, 1, 1)), date) == date(2021, 1, 1)


def test_a_str_subclass_key_is_refused_alone_too() -> None:
    class Key(str):
        pass

    for data in ({Key("code"): "YT"}, {Key("code"): "YT", "nom": "x"}):
        with pytest.raises(ValidationError) as error:
            from_dict(data, Territory)
        assert "type" in error.value.codes


def test_a_deep_region_read_alone_does_not_make_an_unreadable_programme() -> None:
    region: dict[str, Any] = {"code": "YT"}
    for _ in range(31):  # 63 levels: a document of its own may hold it
        region = {"name": {"fr": "r"}, "members": [region]}
    deep = from_json(orjson_dumps(region), Territory)
    initiative = Initiative(id="i", name=T, kind=InitiativeKind.CLUSTER, territories=(deep,))
    with pytest.raises(ValidationError) as error:
        programme(initiatives=(initiative,))
    assert error.value.codes == {"depth"}


def orjson_dumps(data: Any) -> str:
    import json

    return json.dumps(data)


def test_places_around_and_depth_follow_the_parent_chains() -> None:
    programme = from_json((Path(__file__).parent / "fixtures" / "every-shape.json").read_bytes())
    assert [p.id for p in programme.places_around("salle-des-fetes")] == [
        "salle-des-fetes",
        "hotel-de-ville",
    ]
    assert [p.id for p in programme.places_around("stream")] == ["stream"]
    assert programme.places_around("nowhere") == ()
    assert programme.zone_of(programme.session("pleniere-ouverture")) == "Europe/Paris"
    assert {programme.depth_of(s) for s in programme.sessions} == {0}
    lens = from_json(
        (Path(__file__).parent / "programmes" / "mois-ess-lens-2024.json").read_bytes()
    )
    assert lens.depth_of(lens.session("cliss-xxi-ateliers")) == 1
    assert lens.depth_of(lens.session("cliss-xxi-20-ans")) == 0
