"""Real published programmes, transcribed into the model (issue 9).

Each file in ``tests/programmes/`` was written from public pages, cited in
its own ``sources`` (programme, sessions, places); what the pages do not say
is either left out or marked: ``inferred`` (with the reason) on the object
that holds it, and a curator's note where a value is illustrative.

- ``oecd-global-action-2023.json``: the second summit of the OECD Global
  Action "Promoting Social and Solidarity Economy Ecosystems", *Inspiration,
  innovation and inclusion*, 20-21 March 2023, in person at the OECD
  Headquarters in Paris and online, funded by the EU. From the event agenda
  (oecd-events.org): the welcome coffee (08:00-08:30), Session 1 "High-level
  opening" and Session 2 "Beyond pink-collar jobs", marked "(EN/FR)"; from
  an ILO news item: the ILO Director-General's video message for the
  opening. The address is the OECD Conference Centre's (another OECD page);
  the coordinates were placed on a map by the curator (marked inferred).
- ``gsef-2025-bordeaux.json``: the Global Social and Solidarity Economy
  Forum, Bordeaux, 29-31 October 2025, on three sites (Palais 2
  l'Atlantique, Hangar 14, La Cité Bleue), French, English and Spanish.
  From the forum's pages and press reports: "Opening plenary session – From
  9:00" (a start, no end), its speakers, the Thursday plenary with "le maire
  de Ramallah" (an office, no name) given by its day only, registration at
  the Palais with paid entry, free access at Hangar 14, the organisers.
  **Illustrative, not from the sources** (marked in the file): the lunch
  break, the livestream of the opening plenary and the amount of the pass.
- ``eesc-strasbourg-2022.json``: the hybrid debate "Social Economy, the
  Future of Europe", 10 March 2022, 18:00-19:30 CET, European Parliament,
  Room N.1.4, Strasbourg, speakers in the room or online through
  Interactio, webstreamed. From the EESC programme page: the introduction,
  six topics (each a pair of speakers, no times of their own, inside one
  50-minute slot) and the conclusion, and how each speaker takes part
  ("physically", "remotely", "video message"). The moderator's name is cut
  off in the copy read: left out, with a note.
- ``untfsse-webinar-2020.json``: the UNTFSSE virtual event "What role for
  the Social and Solidarity Economy in the post COVID-19 crisis recovery?",
  10 July 2020, 15:30-17:00 CEST, in English, registration, livestream on
  the UNTFSSE channels and a recording; the moderator and six speakers from
  the announcement (unsse.org) and the ILO's report.
- ``mois-ess-lens-2024.json``: the Mois de l'ESS 2024 listing of Le Toit
  Commun, Lens: "mardi 5 novembre" (a day, no time), "jeudi 7 novembre"
  (an event in two parts at 6 rue Lavoisier), "mardi 12 novembre … à
  14h00" (a start only) with organisations as contributors, two of them
  "(confirmation à venir)", "de 10 à 12h00" (an exact slot). **Illustrative,
  not from the source** (marked in the file): the cancellation of "Lettres à
  soi", the earlier date of the rescheduled Framasoft presentation and the
  "prix libre" of the concert.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

import essprogramme
from essprogramme import (
    Confirmation,
    Delivery,
    LocationKind,
    PriceKind,
    Programme,
    SessionFormat,
    SessionStatus,
    from_json,
    to_json,
)
from essprogramme.formats.text import render_text

PROGRAMMES = Path(__file__).parent / "programmes"
NAMES = sorted(path.stem for path in PROGRAMMES.glob("*.json"))


def load(name: str) -> Programme:
    return from_json((PROGRAMMES / f"{name}.json").read_bytes())


def test_the_five_real_programmes_are_here() -> None:
    assert NAMES == [
        "eesc-strasbourg-2022",
        "gsef-2025-bordeaux",
        "mois-ess-lens-2024",
        "oecd-global-action-2023",
        "untfsse-webinar-2020",
    ]


@pytest.mark.parametrize("name", NAMES)
def test_each_round_trips_and_its_file_is_canonical(name: str) -> None:
    text = (PROGRAMMES / f"{name}.json").read_text(encoding="utf-8")
    programme = from_json(text)
    assert from_json(to_json(programme)) == programme
    assert to_json(from_json(to_json(programme))) == to_json(programme)
    assert to_json(programme, indent=True) + "\n" == text  # a stable, golden file


@pytest.mark.parametrize("name", NAMES)
def test_each_validates_against_the_schema_files(name: str) -> None:
    essprogramme.schemas.validate(json.loads((PROGRAMMES / f"{name}.json").read_bytes()))


@pytest.mark.parametrize("name", NAMES)
def test_each_cites_its_sources(name: str) -> None:
    programme = load(name)
    assert programme.sources
    assert all(source.url and source.url.startswith("http") for source in programme.sources)


# What each file must show, in the programme's zone and language.
KEY_FACTS = {
    "oecd-global-action-2023": [
        "08:00–08:30  Welcome coffee",
        "08:30–09:30  Session 1: High-level opening",
        "Where: OECD Headquarters — 2 rue André Pascal, 75016 Paris, FR + Online, OECD Events",
        "Video message: Gilbert Houngbo — Director-General, ILO [recorded video]",
    ],
    "gsef-2025-bordeaux": [
        "à partir de 09:00  Plénière d'ouverture",
        "Langues: fr (interprétation: en, es)",
        "2025-10-29 – 2025-10-31  Hangar 14, lieu ouvert au grand public",
        "2025-10-30  Quand une dystopie devient réalité",
        "  - le maire de Ramallah",
        "Tarif: Pass Forum: 90,00 EUR",
        "Inscription: libre",
    ],
    "eesc-strasbourg-2022": [
        "18:00–19:30  Debate: Social Economy, the Future of Europe",
        "Where: Room N.1.4, European Parliament — 67070 Strasbourg, FR + Interactio",
        "Nicolas Schmit — Commissioner for Jobs and Social Rights, European Commission [remote]",
        "Video message: Olivia Grégoire",
        "19:20–19:30  Conclusion",
    ],
    "untfsse-webinar-2020": [
        "15:30–17:00  What role for the Social and Solidarity Economy",
        "Moderation: Vic van Vuuren — Chair, UNTFSSE; Director of Enterprises Department, ILO",
        "Registration: required",
        "Recording: allowed",
    ],
    "mois-ess-lens-2024": [
        "2024-11-05  Ciné-débat : Bienveillance paysanne",
        "à partir de 14:00  Présentation des aides financières",
        "  - Conseil Départemental du Pas-de-Calais (à confirmer)",
        "  - Pas-de-Calais Actif",
        "Partie de: La SCIC Cliss XXI fête ses 20 ans",
        "[ANNULÉ] Culture et féminisme",
        "10:00–12:00  [DÉPLACÉ] Présentation aux associations",
        "Auparavant: 2024-11-18 10:00",
        "Tarif: prix libre",
    ],
}


@pytest.mark.parametrize("name", NAMES)
def test_each_shows_its_key_facts_in_its_own_zone_and_language(name: str) -> None:
    programme = load(name)
    text = render_text(programme, zone=programme.time_zone, lang=programme.title.original)
    missing = [fact for fact in KEY_FACTS[name] if fact not in text]
    assert not missing, text


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(
    ("zone", "lang"),
    [("Pacific/Kiritimati", "en"), ("America/Toronto", "fr"), ("Pacific/Pago_Pago", "es")],
)
def test_each_shows_in_any_zone_and_language(name: str, zone: str, lang: str) -> None:
    programme = load(name)
    text = render_text(programme, zone=zone, lang=lang, details=False)
    assert text.startswith(programme.title.lookup(lang))
    for session in programme.sessions:
        assert session.title.lookup(lang) in text


# The cases issue 9 names, one by one ------------------------------------------


def test_a_hybrid_two_site_day_with_a_break() -> None:
    gsef = load("gsef-2025-bordeaux")
    day = date(2025, 10, 29)
    on_the_day = [
        s
        for s in gsef.sessions
        if (s.start is not None and s.start.date() == day)
        or (s.start_date is not None and s.start_date <= day <= (s.end_date or s.start_date))
    ]
    venues = {
        i for s in on_the_day for i in s.locations if gsef.location(i).kind is LocationKind.VENUE
    }
    assert venues == {"palais-2-atlantique", "hangar-14"}
    assert any(s.format is SessionFormat.MEAL and not s.participants for s in on_the_day)
    opening = gsef.session("pleniere-ouverture")
    kinds = [gsef.location(i).kind for i in opening.locations]
    assert kinds == [LocationKind.VENUE, LocationKind.ONLINE]  # a room and its livestream
    oecd = load("oecd-global-action-2023")  # the same, all from the source
    assert oecd.session("welcome-coffee-day-1").format is SessionFormat.BREAK
    assert [
        oecd.location(i).kind for i in oecd.session("session-1-high-level-opening").locations
    ] == [
        LocationKind.VENUE,
        LocationKind.ONLINE,
    ]


def test_a_cancelled_session_and_a_rescheduled_one_with_its_previous_time() -> None:
    lens = load("mois-ess-lens-2024")
    cancelled = lens.session("lettres-a-soi")
    assert cancelled.status is SessionStatus.CANCELLED
    assert cancelled.is_cancelled
    moved = lens.session("framasoft-associations")
    assert moved.status is SessionStatus.RESCHEDULED
    assert moved.previous_starts == (datetime(2024, 11, 18, 9, tzinfo=UTC),)
    assert {i.field for i in cancelled.inferred} == {"status"}  # illustrative, and says so


def test_a_start_only_plenary_has_no_invented_end() -> None:
    opening = load("gsef-2025-bordeaux").session("pleniere-ouverture")
    assert opening.time_shape == "start"
    assert opening.end is None
    assert opening.duration is None
    assert opening.interval is None


def test_a_date_only_local_event() -> None:
    lens = load("mois-ess-lens-2024")
    screening = lens.session("cine-debat-bienveillance-paysanne")
    assert screening.time_shape == "date"
    assert screening.start_date == date(2024, 11, 5)
    assert lens.zone_of(screening) == "Europe/Paris"


def test_organisations_as_contributors_some_to_be_confirmed() -> None:
    session = load("mois-ess-lens-2024").session("aides-financieres-ess")
    organisations = [p.organisation for p in session.participants if p.organisation]
    assert organisations == [
        "cd-pas-de-calais",
        "pas-de-calais-actif",
        "fondation-territoriale-des-lumieres",
    ]
    assert session.speaker_ids == ("ludovic-gambiez", "marie-noelle-delaire")
    unconfirmed = [
        p.organisation
        for p in session.participants
        if p.confirmation is Confirmation.TO_BE_CONFIRMED
    ]
    assert unconfirmed == ["cd-pas-de-calais", "fondation-territoriale-des-lumieres"]


def test_remote_and_recorded_speakers() -> None:
    eesc = load("eesc-strasbourg-2022")
    delivery = {p.speaker: p.delivery for p in eesc.session("introduction").participants}
    assert delivery["nicolas-schmit"] is Delivery.REMOTE_LIVE
    assert delivery["olivia-gregoire"] is Delivery.RECORDED
    assert delivery["christa-schweng"] is Delivery.IN_PERSON


def test_parts_of_a_session_without_times_of_their_own() -> None:
    eesc = load("eesc-strasbourg-2022")
    topics = [s for s in eesc.sessions if s.id.startswith("topic-")]
    assert len(topics) == 6
    assert all(s.parent == "debate" and s.time_shape == "none" for s in topics)
    text = render_text(eesc, zone="Europe/Paris", lang="en")
    order = [
        text.index(title) for title in ("  Introduction", "Topic 1:", "Topic 6:", "  Conclusion")
    ]
    assert order == sorted(order)  # the topics stay between introduction and conclusion
    assert "Date to be announced" not in text


def test_a_venue_with_address_and_coordinates() -> None:
    venue = load("oecd-global-action-2023").location("oecd-headquarters")
    assert venue.address is not None
    assert (venue.address.street, venue.address.postal_code, venue.address.locality) == (
        "2 rue André Pascal",
        "75016",
        "Paris",
    )
    assert venue.coordinates is not None
    assert (venue.coordinates.latitude, venue.coordinates.longitude) == (48.8616, 2.2697)
    assert [i.field for i in venue.inferred] == ["coordinates"]  # placed by the curator


def test_registration_with_a_price() -> None:
    gsef = load("gsef-2025-bordeaux")
    assert gsef.registration is not None and gsef.registration.required
    (price,) = gsef.registration.prices
    assert (price.kind, price.amount, price.currency) == (PriceKind.FIXED, Decimal("90.00"), "EUR")
    hangar = gsef.session("hangar-14-grand-public").registration
    assert hangar is not None and not hangar.required
    assert [p.kind for p in hangar.prices] == [PriceKind.FREE]
    concert = load("mois-ess-lens-2024").session("concert-tout-en-haut-du-jazz").registration
    assert concert is not None
    assert [p.kind for p in concert.prices] == [PriceKind.PAY_WHAT_YOU_CAN]


def test_someone_known_by_office_alone() -> None:
    gsef = load("gsef-2025-bordeaux")
    mayor = gsef.speaker("maire-de-ramallah")
    assert mayor.name is None
    assert mayor.office is not None and mayor.office["fr"] == "le maire de Ramallah"
