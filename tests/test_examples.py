"""The seed card, as shipped data: what the card says, and what was added, told apart.

tests/test_seed.py checks the example against the card itself, text by text
and value by value; these tests pin the facts issue 10 corrected.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from essprogramme import (
    Inference,
    InitiativeKind,
    InitiativeStatus,
    OrganisationKind,
    PartialDate,
    ParticipantRole,
    Programme,
    SessionFormat,
    Theme,
    examples,
)


@pytest.fixture(scope="module")
def gsef() -> Programme:
    return examples.load("gsef2021-partenariats")


def inferred(obj: Any) -> dict[str, Inference]:
    """The object's inferred fields, each with its mark."""
    return {mark.field: mark for mark in obj.inferred}


def test_examples_are_listed_and_unknown_names_refused() -> None:
    assert examples.names() == ("gsef2021-partenariats",)
    with pytest.raises(LookupError, match="no example named"):
        examples.load("gsef2023")


def test_the_programme_cites_the_card_and_marks_what_the_card_does_not_say(
    gsef: Programme,
) -> None:
    (card,) = gsef.sources
    assert card.citation is not None and "Des partenariats innovants" in card.citation["fr"]
    # The card is one session: the programme's title and organiser are the curators'.
    assert set(inferred(gsef)) == {"title", "organisers"}
    organisers = inferred(gsef)["organisers"]
    assert organisers.source is not None and organisers.source.url is not None


def test_the_session_card(gsef: Programme) -> None:
    (session,) = gsef.sessions
    assert session.title["fr"] == (
        "Des partenariats innovants pour la co-construction d'écosystèmes de l'ESS dans les territoires"
    )
    assert session.format is SessionFormat.WORKSHOP
    assert session.languages == ("fr",)
    assert session.start == datetime(2021, 10, 8, 11, 0, tzinfo=UTC)
    assert session.end == datetime(2021, 10, 8, 12, 30, tzinfo=UTC)
    assert session.description is not None
    assert "au XXIᵉ siècle" in session.description["fr"]  # the card's superscript, kept
    assert "22 millions" in session.description["fr"]
    assert [o["fr"][:20] for o in session.objectives] == [
        "Reconnaître l'import",
        "Proposer des initiat",
        "Promouvoir les résea",
        "Rendre visibles diff",
    ]
    assert session.questions[1]["fr"] == (
        "Quelles sont les actions clés à promouvoir au niveau local ?"
    )


def test_the_moderator_keeps_the_cards_label_and_his_place_is_marked(gsef: Programme) -> None:
    (session,) = gsef.sessions
    (moderator,) = session.participants_as(ParticipantRole.MODERATOR)
    assert moderator.label is not None and moderator.label["fr"] == "Modératrice"
    kevin = gsef.speaker("kevin-ossah")
    assert gsef.organisation(kevin.affiliations[0].organisation).acronym == "OJEDD"
    # The card names no place for him: both are marked, each with a public source.
    marks = inferred(kevin)
    assert (kevin.country, kevin.time_zone) == ("TG", "Africa/Lome")
    assert set(marks) == {"country", "time_zone"}
    assert all(m.source is not None and m.source.url for m in marks.values())


def test_every_speakers_place_is_marked_inferred(gsef: Programme) -> None:
    for speaker in gsef.speakers:
        marks = inferred(speaker)
        for field in ("country", "time_zone"):
            assert getattr(speaker, field) is None or field in marks, (speaker.id, field)


def test_zeghadis_positions_over_time(gsef: Programme) -> None:
    zeghadi = gsef.speaker("ben-amar-zeghadi")
    positions = {a.organisation: a for a in zeghadi.affiliations}
    cress, ess_france, tama = positions["cress-mayotte"], positions["ess-france"], positions["tama"]
    assert cress.role is not None and cress.role["fr"] == "Délégué général"
    assert cress.start == PartialDate(year=2016)
    assert ess_france.role is not None
    assert ess_france.role["fr"] == "Délégué national, ESS France Outre-mer"
    assert ess_france.start == PartialDate(year=2020, month=6)
    assert tama.former and not cress.former and not ess_france.former
    assert "affiliations" in inferred(zeghadi)  # former is a reading of the bio


def test_egals_positions_over_time(gsef: Programme) -> None:
    egal = gsef.speaker("roderic-egal")
    current = [a.organisation for a in egal.affiliations if not a.former]
    former = [(a.organisation, a.role and a.role["fr"]) for a in egal.affiliations if a.former]
    assert current == ["iesmed", "cercle-mediterranee-moyen-orient-sciences-po-alumni"]
    assert former == [
        ("maif", "Dircom"),
        ("maif", "Direction de sa filiale espagnole à Barcelone"),
        ("credit-cooperatif", None),
    ]
    assert "affiliations" in inferred(egal)


def test_the_egal_presentation_keeps_title_and_text_and_notes_the_mismatch(
    gsef: Programme,
) -> None:
    (session,) = gsef.sessions
    talk = next(p for p in session.participants if p.speaker == "roderic-egal")
    assert talk.title is not None and talk.title["fr"].endswith("cas de la Côte d'Ivoire")
    assert talk.abstract is not None
    assert talk.abstract["fr"].startswith("La Méditerranée n'est pas une région comme les autres")
    assert any("Côte d'Ivoire" in note["en"] for note in session.notes)


def test_organisations_as_the_card_writes_them(gsef: Programme) -> None:
    cress = gsef.organisation("cress-mayotte")
    assert cress.name["fr"] == (
        "Chambre régionale de l'économie sociale et solidaire (CRESS) Mayotte"
    )
    assert cress.territory is not None and cress.territory.code == "YT"
    assert cress.founded == PartialDate(year=2014)
    # Names, not acronyms; Tama belongs to Groupe SOS.
    tama, tohu = gsef.organisation("tama"), gsef.organisation("tohu")
    assert (tama.name["fr"], tama.acronym) == ("Tama", None)
    assert (tohu.name["fr"], tohu.acronym) == ("La TOHU", None)
    assert [m.organisation for m in tama.member_of] == ["groupe-sos"]


def test_memberships_over_time(gsef: Programme) -> None:
    (eser,) = gsef.organisation("cress-mayotte").member_of
    assert (eser.organisation, eser.start) == ("eser", PartialDate(year=2018))
    (geces,) = gsef.organisation("iesmed").member_of
    assert (geces.organisation, geces.start) == ("geces", PartialDate(year=2018))


def test_geces_is_an_expert_group_not_an_international_organisation(gsef: Programme) -> None:
    geces = gsef.organisation("geces")
    assert geces.kind is OrganisationKind.OTHER
    mark = inferred(geces)["kind"]
    assert mark.reason is not None and "expert group" in mark.reason["en"]
    assert mark.source is not None and mark.source.url is not None
    assert mark.source.url.startswith("http://ec.europa.eu/")


def test_organisation_kinds_not_on_the_card_are_marked(gsef: Programme) -> None:
    on_card = {
        "tama",
        "tohu",
        "credit-cooperatif",
    }  # "association", "entreprise d'économie sociale"…
    for organisation in gsef.organisations:
        assert (organisation.id in on_card) != ("kind" in inferred(organisation)), organisation.id


def test_the_mayotte_aruba_greenland_cluster(gsef: Programme) -> None:
    cluster = gsef.initiative("cluster-ess-mag")
    assert cluster.kind is InitiativeKind.CLUSTER
    assert cluster.start == PartialDate(year=2020)
    assert [t.code for t in cluster.territories] == ["YT", "AW", "GL"]
    assert cluster.lead == ("cress-mayotte",)
    assert cluster.partners == ()  # ESER is where it grew, not a partner
    assert cluster.description is not None
    purpose = cluster.description["fr"]
    assert "connecter les initiatives mahoraises" in purpose
    assert purpose.endswith("de façon concrète et dans un rapport équilibré win-win.")
    assert cluster.themes == frozenset()


def test_the_webinar_figures_have_their_scope(gsef: Programme) -> None:
    (webinar,) = gsef.initiative("cluster-ess-mag").activities
    assert webinar.date == PartialDate(year=2020, month=11, day=4)
    participants, actors, places = webinar.figures
    assert (participants.measure, participants.count) == ("participants", 59)
    assert (actors.count, actors.part_of) == (45, "participants")  # « dont 45 »
    assert places.count == 15 and webinar.figure("countries") is None
    assert places.counts is not None and places.counts["fr"] == "pays et îles du monde"


def test_statuses_only_where_the_card_supports_them(gsef: Programme) -> None:
    ocean = gsef.initiative("cluster-ess-ocean-indien")
    assert ocean.status is InitiativeStatus.IN_PLANNING
    assert ocean.status_as_of == PartialDate(year=2021)  # before 1 July 2021
    assert ocean.start == PartialDate(year=2021, month=7, day=1)
    assert {"status", "status_as_of"} <= set(inferred(ocean))
    daress = gsef.initiative("daress")
    assert daress.status is None and any(
        "met aujourd'hui en place" in n["en"] for n in daress.notes
    )
    plan = gsef.initiative("plan-action-ess-mediterranee")
    assert plan.status is None and plan.lead == ()
    assert plan.description is not None and "ce que pourrait être" in plan.description["fr"]
    for initiative in gsef.initiatives:
        if initiative.status is not None:
            assert initiative.status_as_of is not None, initiative.id
            assert {"status", "status_as_of"} <= set(inferred(initiative)), initiative.id


def test_the_quadripartite_convention_and_its_committees(gsef: Programme) -> None:
    convention = gsef.initiative("convention-quadripartite-bordeaux")
    assert len(convention.axes) == 6
    assert convention.axes[2]["fr"] == "Accès au foncier"
    (place,) = convention.territories
    assert place.code is None and place.within == "FR-33"  # not the Gironde itself
    assert place.name is not None and place.name["fr"] == "métropole Bordelaise"
    steering, follow_up = convention.governance
    assert (steering.name["fr"], follow_up.name["fr"]) == ("Comité de pilotage", "Comité de suivi")
    # Governance, transversality and evaluation belong to both, jointly.
    assert steering.purpose == follow_up.purpose
    assert steering.purpose is not None
    assert "d'un comité de pilotage et d'un comité de suivi" in steering.purpose["fr"]
    assert set(convention.partners) == {
        "region-nouvelle-aquitaine",
        "departement-gironde",
        "bordeaux-metropole",
        "ville-de-bordeaux",
    }


def test_the_montreal_working_group_in_the_cards_words(gsef: Programme) -> None:
    group = gsef.initiative("groupe-travail-ess-montreal")
    assert group.kind is InitiativeKind.WORKING_GROUP
    assert group.start == PartialDate(year=2020, month=4)
    assert group.recurrence is not None and group.recurrence["fr"] == "deux fois par mois"
    assert group.description is not None
    first, second = group.description["fr"].split(" […] ")
    assert first.startswith("Ce groupe a permis d'établir une meilleure communication")
    assert second.endswith(
        "une plateforme d'échange d'information cruciale entre les participants."
    )
    assert set(gsef.initiative("collaboration-montreal-tohu").partners) == {
        "ville-de-montreal",
        "tohu",
    }


def test_themes_only_where_the_card_names_one(gsef: Programme) -> None:
    themed = {i.id: i.themes for i in gsef.initiatives if i.themes}
    assert themed == {"medebs": frozenset({Theme.BLUE_ECONOMY})}


def test_every_inferred_mark_says_why(gsef: Programme) -> None:
    owners: list[Any] = [gsef, *gsef.sessions, *gsef.speakers]
    owners += [*gsef.organisations, *gsef.initiatives]
    marks = [mark for owner in owners for mark in owner.inferred]
    assert len(marks) > 30
    assert all(mark.reason is not None and mark.reason["en"] for mark in marks)
