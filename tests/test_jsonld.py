"""schema.org JSON-LD export, checked by an independent JSON-LD processor (pyld), offline.

pyld expands each export with schema.org's context served from
tests/jsonld_context.py (no network), and the tests assert the RDF triples
that come out. Golden files pin the output (tests/golden/jsonld/);
regenerate them after a deliberate change with
``ESSPROGRAMME_REGENERATE=1 python -m pytest tests/test_jsonld.py`` and
review the diff.
"""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyld.jsonld import JsonLdError

from essprogramme import (
    Address,
    LocalizedText,
    Location,
    LocationKind,
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
    Speaker,
    ValidationError,
    examples,
    from_json,
    strategies,
)
from essprogramme.formats import ExportOptions, exporter
from essprogramme.formats.ical import uid
from essprogramme.formats.jsonld import dumps, export, to_jsonld
from jsonld_context import TERMS, NetworkRefused, datatypes, expand, load_document, triples

HERE = Path(__file__).parent
GOLDEN = HERE / "golden" / "jsonld"
S = "http://schema.org/"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
STATUSES = frozenset(
    "https://schema.org/" + name
    for name in (
        "EventScheduled",
        "EventCancelled",
        "EventPostponed",
        "EventRescheduled",
        "EventMovedOnline",
    )
)

Triples = set[tuple[str, str, str]]


@pytest.fixture(scope="module")
def seed() -> Programme:
    return examples.load("gsef2021-partenariats")


@pytest.fixture(scope="module")
def shapes() -> Programme:
    return from_json((HERE / "fixtures" / "every-shape.json").read_bytes())


@pytest.fixture(scope="module")
def shape_triples(shapes: Programme) -> Triples:
    return triples(json.loads(export(shapes, ExportOptions())))


def node(programme: Programme, collection: str | None = None, item: str | None = None) -> str:
    return "urn:uuid:" + uid(programme.id, collection, item)


def objects(found: Triples, subject: str, predicate: str) -> set[str]:
    return {o for s, p, o in found if s == subject and p == S + predicate}


def one(found: Triples, subject: str, predicate: str) -> str:
    (value,) = objects(found, subject, predicate)
    return value


def check_terms(found: Triples) -> None:
    """Every property and type is a schema.org term of the context (no typo, no invention)."""
    predicates = {p for _, p, _ in found} - {TYPE}
    types = {o for _, p, o in found if p == TYPE}
    assert predicates | types <= TERMS, (predicates | types) - TERMS
    for _, p, o in found:
        if p == S + "eventStatus":
            assert o in STATUSES


def check_sessions(programme: Programme, found: Triples, sessions: list[Session]) -> None:
    """Each session is a typed sub-event, under its parent or the programme."""
    for session in sessions:
        subject = node(programme, "sessions", session.id)
        assert objects(found, subject, "name"), session.id
        (kind,) = {o for s, p, o in found if s == subject and p == TYPE}
        assert kind.startswith(S) and kind.endswith("Event")
        parents = {s for s, p, o in found if p == S + "subEvent" and o == subject}
        assert len(parents) == 1


# The seed --------------------------------------------------------------------


def test_the_seed_as_an_event_with_its_workshop(seed: Programme) -> None:
    found = triples(to_jsonld(seed))
    check_terms(found)
    event, session = node(seed), node(seed, "sessions", seed.sessions[0].id)
    assert (event, TYPE, S + "Event") in found
    assert (event, S + "subEvent", session) in found
    assert (session, TYPE, S + "EducationEvent") in found
    assert one(found, session, "startDate") == "2021-10-08T11:00:00Z"
    assert one(found, session, "endDate") == "2021-10-08T12:30:00Z"
    assert one(found, session, "eventStatus") == "https://schema.org/EventScheduled"
    assert one(found, session, "inLanguage") == "fr"
    assert one(found, session, "name").endswith("dans les territoires@fr")
    assert one(found, event, "startDate") == "2021-10-08"
    assert len(objects(found, session, "teaches")) == 4  # the four objectives
    gsef = one(found, event, "organizer")
    assert one(found, gsef, "alternateName") == "GSEF"


def test_the_moderator_through_a_role_and_the_speakers_as_people(seed: Programme) -> None:
    found = triples(to_jsonld(seed))
    session = node(seed, "sessions", seed.sessions[0].id)
    (role,) = objects(found, session, "contributor")
    assert (role, TYPE, S + "Role") in found
    assert one(found, role, "roleName") == "moderator"
    assert one(found, role, "name") == "Modératrice@fr"
    kevin = node(seed, "speakers", "kevin-ossah")
    assert one(found, role, "contributor") == kevin
    assert (kevin, TYPE, S + "Person") in found
    assert one(found, kevin, "name") == "Kevin Ossah"
    assert one(found, kevin, "jobTitle") == "Directeur exécutif@fr"
    ojedd = one(found, kevin, "affiliation")
    assert (ojedd, TYPE, S + "Organization") in found
    performers = objects(found, session, "performer")
    assert performers == {node(seed, "speakers", s.id) for s in seed.speakers} - {kevin}
    maud = node(seed, "speakers", "maud-caruhel")
    assert one(found, maud, "honorificPrefix") == "Mme@fr"
    works = objects(found, session, "workPerformed")
    assert len(works) == 4
    assert {one(found, work, "author") for work in works} == performers


def test_dates_are_typed_by_the_schema_org_context(seed: Programme) -> None:
    types = datatypes(to_jsonld(seed))
    assert types[(S + "startDate", "2021-10-08T11:00:00Z")] == S + "Date"


def test_a_sessions_id_is_its_icalendar_uid(seed: Programme) -> None:
    session = to_jsonld(seed)["subEvent"]
    assert session["@id"] == "urn:uuid:df4da3dc-1ec2-5a3c-bffa-85dc97ae3685"


# Every status and shape --------------------------------------------------------


def test_every_shape_expands_with_every_session(shapes: Programme, shape_triples: Triples) -> None:
    check_terms(shape_triples)
    check_sessions(shapes, shape_triples, list(shapes.sessions))
    assert expand(json.loads(export(shapes, ExportOptions())))


@pytest.mark.parametrize(
    ("session_id", "status"),
    [
        ("pleniere-ouverture", "EventScheduled"),
        ("table-ronde-annulee", "EventCancelled"),
        ("webinaire-reporte", "EventPostponed"),
        ("visite-deplacee", "EventRescheduled"),
        ("assemblee-en-ligne", "EventMovedOnline"),
    ],
)
def test_statuses(shapes: Programme, shape_triples: Triples, session_id: str, status: str) -> None:
    subject = node(shapes, "sessions", session_id)
    assert one(shape_triples, subject, "eventStatus") == "https://schema.org/" + status


def test_a_tentative_session_claims_no_status(shapes: Programme, shape_triples: Triples) -> None:
    assert (
        objects(shape_triples, node(shapes, "sessions", "atelier-finances"), "eventStatus") == set()
    )


def test_times_carry_their_offset_across_the_dst_change(
    shapes: Programme, shape_triples: Triples
) -> None:
    def start(session_id: str) -> str:
        return one(shape_triples, node(shapes, "sessions", session_id), "startDate")

    assert start("pleniere-ouverture") == "2026-03-28T09:30:00+01:00"
    assert start("visite-deplacee") == "2026-03-29T09:30:00+02:00"
    moved = node(shapes, "sessions", "visite-deplacee")
    assert one(shape_triples, moved, "previousStartDate") == "2026-03-28T17:00:00+01:00"
    tentative = node(shapes, "sessions", "atelier-finances")
    assert objects(shape_triples, tentative, "endDate") == set()  # no end invented


def test_days_alone_are_dates_and_no_time_is_no_date(
    shapes: Programme, shape_triples: Triples
) -> None:
    exhibition = node(shapes, "sessions", "exposition")
    assert one(shape_triples, exhibition, "startDate") == "2026-03-28"
    assert one(shape_triples, exhibition, "endDate") == "2026-03-30"
    assert (exhibition, TYPE, S + "ExhibitionEvent") in shape_triples
    closing = node(shapes, "sessions", "cloture")
    assert objects(shape_triples, closing, "startDate") == set()
    assert (node(shapes), S + "subEvent", closing) in shape_triples


def test_attendance_modes(shapes: Programme, shape_triples: Triples) -> None:
    modes = {
        session.id: objects(
            shape_triples, node(shapes, "sessions", session.id), "eventAttendanceMode"
        )
        for session in shapes.sessions
    }
    assert modes["pleniere-ouverture"] == {"https://schema.org/MixedEventAttendanceMode"}
    assert modes["webinaire-reporte"] == {"https://schema.org/OnlineEventAttendanceMode"}
    assert modes["accueil"] == set()  # not said: not invented


def test_places_with_address_coordinates_and_the_online_channel(
    shapes: Programme, shape_triples: Triples
) -> None:
    found = shape_triples
    opening = node(shapes, "sessions", "pleniere-ouverture")
    room, stream = node(shapes, "locations", "salle-des-fetes"), node(shapes, "locations", "stream")
    assert objects(found, opening, "location") == {room, stream}
    assert (room, TYPE, S + "Place") in found
    assert one(found, room, "maximumAttendeeCapacity") == "120"
    venue = one(found, room, "containedInPlace")
    assert venue == node(shapes, "locations", "hotel-de-ville")
    address = one(found, venue, "address")
    assert (address, TYPE, S + "PostalAddress") in found
    assert one(found, address, "streetAddress") == "1 place de la Comédie"
    assert one(found, address, "addressCountry") == "FR"
    geo = one(found, venue, "geo")
    assert (geo, TYPE, S + "GeoCoordinates") in found
    assert float(one(found, geo, "latitude")) == 45.7676
    assert one(found, room, "address") == address  # a room is at its building's address
    assert (stream, TYPE, S + "VirtualLocation") in found
    assert one(found, stream, "url") == "https://example.org/live"
    assert objects(found, stream, "name") == {"Diffusion en ligne@fr", "Livestream@en"}


def test_offers_prices_and_places(shapes: Programme, shape_triples: Triples) -> None:
    found, event = shape_triples, node(shapes)
    offers = objects(found, event, "offers")
    prices = {one(found, offer, "price"): offer for offer in offers}
    assert set(prices) == {"25.00", "0"}
    full = prices["25.00"]
    assert (full, TYPE, S + "Offer") in found
    assert one(found, full, "priceCurrency") == "EUR"
    assert one(found, full, "availability") == "https://schema.org/LimitedAvailability"
    assert one(found, full, "url") == "https://example.org/ripess-2026/inscription"
    assert objects(found, full, "name") == {"Tarif plein@fr", "Full price@en"}
    assert one(found, event, "maximumAttendeeCapacity") == "300"
    assert one(found, event, "remainingAttendeeCapacity") == "42"
    assert objects(found, event, "isAccessibleForFree") == set()  # free for some only
    visit = node(shapes, "sessions", "visite-deplacee")
    (offer,) = objects(found, visit, "offers")
    assert one(found, offer, "availability") == "https://schema.org/SoldOut"
    specification = one(found, offer, "priceSpecification")
    assert one(found, specification, "minPrice") == "0"  # pay what you can
    assert objects(found, visit, "isAccessibleForFree") == set()  # pay what you can: maybe


@pytest.mark.parametrize(
    ("prices", "free"),
    [
        ([Price(kind=PriceKind.FREE)], {"true"}),
        ([Price(kind=PriceKind.FIXED, amount=Decimal("5"), currency="EUR")], {"false"}),
        ([Price(kind=PriceKind.FREE), Price(kind=PriceKind.PAY_WHAT_YOU_CAN)], set()),
        ([], set()),
    ],
)
def test_free_only_when_every_price_is(
    shapes: Programme, prices: list[Price], free: set[str]
) -> None:
    registration = Registration(prices=prices, url="https://example.org/r")
    programme = attrs.evolve(shapes, registration=registration)
    assert objects(triples(to_jsonld(programme)), node(shapes), "isAccessibleForFree") == free


def test_organiser_funder_host_and_other_roles(shapes: Programme, shape_triples: Triples) -> None:
    found, event = shape_triples, node(shapes)
    assert one(found, event, "organizer") == node(shapes, "organisations", "ripess-europe")
    lyon = one(found, event, "funder")
    assert (lyon, TYPE, S + "GovernmentOrganization") in found
    workshop = node(shapes, "sessions", "atelier-finances")
    assert one(found, workshop, "organizer") == node(shapes, "organisations", "ripess-europe")
    assembly = node(shapes, "sessions", "assemblee-en-ligne")
    role = one(found, assembly, "contributor")
    assert one(found, role, "roleName") == "mc"
    assert one(found, role, "contributor") == node(shapes, "speakers", "jose-garcia")


def test_people(shapes: Programme, shape_triples: Triples) -> None:
    found = shape_triples
    amina = node(shapes, "speakers", "amina-haddad")
    assert objects(found, amina, "honorificPrefix") == {"Mme@fr", "Ms@en"}
    assert one(found, amina, "jobTitle") == "Coordinatrice@fr"
    assert one(found, amina, "affiliation") == node(shapes, "organisations", "ripess-europe")
    assert one(found, amina, "description").endswith("@ar")


def test_texts_in_one_language_with_fallback(shapes: Programme) -> None:
    found = triples(to_jsonld(shapes, lang="en"))
    assert (
        one(found, node(shapes, "sessions", "pleniere-ouverture"), "name") == "Opening plenary@en"
    )
    cancelled = node(shapes, "sessions", "table-ronde-annulee")
    assert one(found, cancelled, "name") == "Table ronde : coopératives de plateforme@fr"
    assert objects(found, node(shapes, "locations", "stream"), "name") == {"Livestream@en"}


def test_a_zone_asked_for_gives_its_offsets(shapes: Programme) -> None:
    found = triples(to_jsonld(shapes, zone="America/Toronto"))
    opening = node(shapes, "sessions", "pleniere-ouverture")
    assert one(found, opening, "startDate") == "2026-03-28T04:30:00-04:00"
    assert one(found, node(shapes, "sessions", "exposition"), "startDate") == "2026-03-28"


def test_one_speakers_sessions(shapes: Programme) -> None:
    document = to_jsonld(shapes, speaker="claire-martin")
    found = triples(document)
    assert objects(found, node(shapes), "subEvent") == {
        node(shapes, "sessions", s) for s in ("pleniere-ouverture", "table-ronde-annulee")
    }


def test_a_part_is_a_sub_event_of_its_session(shapes: Programme) -> None:
    part = Session(
        id="pleniere-partie-1",
        title=LocalizedText({"fr": "Première partie"}),
        format=SessionFormat.TALK,
        parent="pleniere-ouverture",
    )
    programme = attrs.evolve(shapes, sessions=[*shapes.sessions, part])
    found = triples(to_jsonld(programme))
    opening = node(programme, "sessions", "pleniere-ouverture")
    assert node(programme, "sessions", part.id) in objects(found, opening, "subEvent")
    assert node(programme, "sessions", part.id) not in objects(found, node(programme), "subEvent")
    check_sessions(programme, found, list(programme.sessions))


@pytest.mark.parametrize(
    ("options", "code", "path"),
    [
        (ExportOptions(zone="Mars/Olympus_Mons"), "time_zone", "$.zone"),
        (ExportOptions(lang="français"), "language_tag", "$.lang"),
        (ExportOptions(speaker="nobody"), "unknown_reference", "$.speaker"),
    ],
)
def test_bad_options_are_validation_errors(
    shapes: Programme, options: ExportOptions, code: str, path: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        export(shapes, options)
    assert [(p.code, p.path) for p in raised.value.problems] == [(code, path)]


# Determinism, safety, the checker itself ---------------------------------------


def test_output_is_deterministic_with_sorted_keys(shapes: Programme) -> None:
    assert exporter("jsonld") is export
    first = export(shapes, ExportOptions())
    assert first == export(shapes, ExportOptions())
    document = json.loads(first)
    assert first.decode() == dumps(document) + "\n"
    assert list(document) == sorted(document)
    assert document["@context"] == "https://schema.org"


def test_the_checker_refuses_the_network() -> None:
    with pytest.raises(NetworkRefused):
        load_document("https://example.org/context.jsonld")
    with pytest.raises(JsonLdError):
        expand({"@context": "https://example.org/context.jsonld", "name": "x"})


def test_the_term_check_catches_an_invented_term(seed: Programme) -> None:
    document = to_jsonld(seed)
    document["organiser"] = {"@id": "urn:x"}  # British spelling: not schema.org
    with pytest.raises(AssertionError):
        check_terms(triples(document))


# Golden files ----------------------------------------------------------------


def golden(name: str, data: bytes) -> None:
    path = GOLDEN / name
    if os.environ.get("ESSPROGRAMME_REGENERATE") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        pytest.skip(f"regenerated {path.relative_to(HERE)}")
    assert path.read_bytes() == data, f"{name} changed: see the module docstring to regenerate"


def test_golden_seed(seed: Programme) -> None:
    golden("gsef2021-partenariats.jsonld", export(seed, ExportOptions()))


def test_golden_every_shape(shapes: Programme) -> None:
    golden("every-shape.jsonld", export(shapes, ExportOptions()))


def test_golden_every_shape_in_english(shapes: Programme) -> None:
    golden("every-shape-en.jsonld", export(shapes, ExportOptions(lang="en")))


# Properties ------------------------------------------------------------------


@given(strategies.programmes(), st.sampled_from([None, "fr", "en"]))
def test_any_programme_expands_with_every_session(programme: Programme, lang: str | None) -> None:
    data = export(programme, ExportOptions(lang=lang))
    found = triples(json.loads(data))
    check_terms(found)
    check_sessions(programme, found, list(programme.sessions))


_FRAGMENTS = st.sampled_from(
    ["</script>", "<!--", "-->", "<b>", "&amp;", '"', "\\", "\\u003c", "\n", "\x00", "\u2028",
     "\u2029", "\u202e", "{", "}", "@id", "é", "🌍", " "]
)  # fmt: skip
hostile_texts = st.lists(_FRAGMENTS, min_size=1, max_size=8).map(lambda parts: "x" + "".join(parts))


def poisoned(programme: Programme, hostile: str) -> Programme:
    """``programme`` with ``hostile`` as every title, a speaker, a place and an organisation."""
    bad = LocalizedText({"fr": hostile})
    return attrs.evolve(
        programme,
        title=bad,
        speakers=[*programme.speakers, Speaker(id="hostile", name=hostile, honorific=bad)],
        organisations=[
            *programme.organisations,
            Organisation(id="hostile", name=bad, kind=OrganisationKind.OTHER, acronym=hostile),
        ],
        locations=[
            *programme.locations,
            Location(
                id="hostile", name=bad, kind=LocationKind.ROOM, address=Address(street=hostile)
            ),
        ],
        sessions=[
            attrs.evolve(
                session,
                title=bad,
                locations=[*session.locations, "hostile"],
                participants=[]
                if session.format.is_pause
                else [
                    *session.participants,
                    Participant(role=ParticipantRole.MODERATOR, speaker="hostile", title=bad),
                    Participant(role=ParticipantRole.HOST, organisation="hostile"),
                ],
            )
            for session in programme.sessions
        ],
    )


@given(strategies.programmes(max_sessions=2), hostile_texts)
def test_hostile_strings_never_escape(programme: Programme, hostile: str) -> None:
    programme = poisoned(programme, hostile)
    data = export(programme, ExportOptions(lang="fr")).decode()
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in data  # safe inside <script type="application/ld+json">
    document = json.loads(data)
    found = triples(document)
    check_terms(found)
    assert one(found, node(programme), "name") == f"{hostile}@fr"
    for session in programme.sessions:
        assert one(found, node(programme, "sessions", session.id), "name") == f"{hostile}@fr"
    if any(not session.format.is_pause for session in programme.sessions):
        assert one(found, node(programme, "speakers", "hostile"), "name") == hostile
