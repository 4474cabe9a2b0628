"""The seed card, as shipped data: every fact of the GSEF 2021 workshop is there."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from essprogramme import (
    InitiativeKind,
    InitiativeStatus,
    PartialDate,
    ParticipantRole,
    Programme,
    SessionFormat,
    examples,
)


@pytest.fixture(scope="module")
def gsef() -> Programme:
    return examples.load("gsef2021-partenariats")


def test_examples_are_listed_and_unknown_names_refused() -> None:
    assert examples.names() == ("gsef2021-partenariats",)
    with pytest.raises(LookupError, match="no example named"):
        examples.load("gsef2023")


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
    assert session.description["fr"].startswith("L'un des principes fondamentaux")
    assert "22 millions" in session.description["fr"]
    assert [o["fr"][:20] for o in session.objectives] == [
        "Reconnaître l'import",
        "Proposer des initiat",
        "Promouvoir les résea",
        "Rendre visibles diff",
    ]
    assert len(session.questions) == 2
    assert (
        session.questions[1]["fr"] == "Quelles sont les actions clés à promouvoir au niveau local ?"
    )


def test_moderator_and_speakers(gsef: Programme) -> None:
    (session,) = gsef.sessions
    assert session.moderators == ("kevin-ossah",)
    moderator = gsef.speaker("kevin-ossah")
    assert moderator.affiliations[0].role is not None
    assert moderator.affiliations[0].role["fr"] == "Directeur exécutif"
    assert gsef.organisation(moderator.affiliations[0].organisation).acronym == "OJEDD"
    speakers = session.participants_as(ParticipantRole.SPEAKER)
    assert [c.speaker for c in speakers] == [
        "ben-amar-zeghadi",
        "maud-caruhel",
        "roderic-egal",
        "johanne-lavoie",
    ]
    zeghadi = gsef.speaker("ben-amar-zeghadi")
    assert zeghadi.honorific is not None and zeghadi.honorific["fr"] == "M."
    assert [a.organisation for a in zeghadi.affiliations] == ["cress-mayotte", "ess-france"]
    assert zeghadi.bio is not None and "Tama - Groupe SOS" in zeghadi.bio["fr"]
    assert gsef.speaker("johanne-lavoie").time_zone == "America/Toronto"


def test_every_presentation_has_its_title_and_text(gsef: Programme) -> None:
    talks = gsef.sessions[0].participants_as(ParticipantRole.SPEAKER)
    titles = [c.title["fr"] for c in talks if c.title is not None]
    assert titles[0] == "Hub de l'ESS : impact local pour une initiative mondiale"
    assert titles[1] == "Convention de coopérations quadripartite"
    assert titles[2].endswith("cas de la Côte d'Ivoire")
    assert titles[3].startswith("Dynamiques de collaboration")
    assert all(c.abstract is not None for c in talks)


def test_the_mayotte_aruba_greenland_cluster_and_its_webinar(gsef: Programme) -> None:
    cluster = gsef.initiative("cluster-ess-mag")
    assert cluster.kind is InitiativeKind.CLUSTER
    assert cluster.start == PartialDate(year=2020)
    assert [t.code for t in cluster.territories] == ["YT", "AW", "GL"]
    (webinar,) = cluster.activities
    assert webinar.date == PartialDate(year=2020, month=11, day=4)
    assert webinar.figure("participants") == 59
    assert webinar.figure("sse_actors") == 45
    assert webinar.figure("countries") == 15


def test_the_indian_ocean_cluster_is_a_custom_region(gsef: Programme) -> None:
    cluster = gsef.initiative("cluster-ess-ocean-indien")
    assert cluster.start == PartialDate(year=2021, month=7, day=1)
    assert cluster.status is InitiativeStatus.IN_PLANNING
    (region,) = cluster.territories
    assert region.code is None and region.name is not None and region.name["fr"] == "océan Indien"
    assert [m.code for m in region.members] == ["YT", "TZ", "KE", "KM", "MZ"]
    assert cluster.related == ("cluster-ess-mag",)


def test_the_quadripartite_convention(gsef: Programme) -> None:
    convention = gsef.initiative("convention-quadripartite-bordeaux")
    assert len(convention.axes) == 6
    assert convention.axes[2]["fr"] == "Accès au foncier"
    assert [g.name["fr"] for g in convention.governance] == [
        "Comité de pilotage",
        "Comité de suivi",
    ]
    assert set(convention.partners) == {
        "region-nouvelle-aquitaine",
        "departement-gironde",
        "bordeaux-metropole",
        "ville-de-bordeaux",
    }


def test_mediterranean_and_montreal_initiatives(gsef: Programme) -> None:
    assert gsef.initiative("daress").kind is InitiativeKind.HUB
    assert gsef.initiative("medebs").territories[0].name is not None
    assert len(gsef.initiative("plan-action-ess-mediterranee").axes) == 5
    group = gsef.initiative("groupe-travail-ess-montreal")
    assert group.kind is InitiativeKind.WORKING_GROUP
    assert group.start == PartialDate(year=2020, month=4)
    assert group.recurrence is not None and group.recurrence["fr"] == "deux fois par mois"
    assert set(gsef.initiative("collaboration-montreal-tohu").partners) == {
        "ville-de-montreal",
        "tohu",
    }


def test_organisations_carry_kind_territory_and_acronym(gsef: Programme) -> None:
    eser = gsef.organisation("eser")
    assert [(f.measure, f.count) for f in eser.figures] == [("countries", 26), ("regions", 88)]
    cress = gsef.organisation("cress-mayotte")
    assert cress.territory is not None and cress.territory.code == "YT"
    assert cress.founded == PartialDate(year=2014)
    assert gsef.organisation("region-nouvelle-aquitaine").territory is not None
    assert {o.id for o in gsef.organisations} >= {
        "cress-mayotte", "ess-france", "eser", "iesmed", "region-nouvelle-aquitaine",
        "ville-de-montreal", "ojedd", "tohu",
    }  # fmt: skip
