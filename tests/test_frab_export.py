"""Exporting programmes as frab/pretalx schedules: what goes where, and validity."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import attrs
import pytest

from essprogramme import (
    Link,
    LinkKind,
    LocalizedText,
    Participant,
    ParticipantRole,
    Programme,
    RecordingPolicy,
    Session,
    SessionFormat,
    Speaker,
    ValidationError,
    examples,
    from_json,
)
from essprogramme.formats import ExportOptions, exporter
from essprogramme.formats.frab import (
    GUID_NAMESPACE,
    acronym_of,
    export_json,
    export_report,
    export_xml,
    guid_of,
    to_frab,
    to_frab_xml,
)
from frab.support import json_problems, xml_problems

TESTS = Path(__file__).resolve().parent
EVERY_SHAPE = TESTS / "fixtures" / "every-shape.json"
PROGRAMMES = sorted((TESTS / "programmes").glob("*.json"))


def every_shape() -> Programme:
    return from_json(EVERY_SHAPE.read_text(encoding="utf-8"))


def events(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The events of a schedule, by the session id their slug ends in."""
    acronym = document["schedule"]["conference"]["acronym"]
    found = {}
    for day in document["schedule"]["conference"]["days"]:
        for room_events in day["rooms"].values():
            for event in room_events:
                found[event["slug"].removeprefix(acronym + "-")] = {**event, "day": day["date"]}
    return found


def seed() -> Programme:
    return examples.load("gsef2021-partenariats")


# Validity ------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [EVERY_SHAPE, *PROGRAMMES], ids=lambda p: p.stem)
def test_real_programmes_export_to_valid_json_and_xml(path: Path) -> None:
    programme = from_json(path.read_text(encoding="utf-8"))
    document = json.loads(export_json(programme, ExportOptions()))
    assert json_problems(document) == []
    assert xml_problems(export_xml(programme, ExportOptions()).decode()) == []
    assert document["schedule"]["conference"]["days"]


def test_the_shipped_example_exports_to_valid_json_and_xml() -> None:
    assert json_problems(to_frab(seed())) == []
    assert xml_problems(to_frab_xml(seed())) == []


def test_the_validators_do_find_problems() -> None:
    document = to_frab(seed())
    event = next(iter(events(document).values()))
    event.pop("day")
    broken = json.loads(json.dumps(document))
    first = broken["schedule"]["conference"]["days"][0]["rooms"]
    next(iter(first.values()))[0]["duration"] = "90 min"
    assert json_problems(broken) != []
    assert xml_problems(to_frab_xml(seed()).replace("<duration>01:30", "<duration>90 min")) != []


def test_the_registry_finds_both_exporters() -> None:
    assert exporter("frab-json")(seed(), ExportOptions()).startswith(b"{")
    assert exporter("frab-xml")(seed(), ExportOptions()).startswith(b"<?xml")


# What goes where -----------------------------------------------------------------------------


def test_a_session_is_an_event_with_its_times_on_the_programmes_clock() -> None:
    event = events(to_frab(every_shape()))["pleniere-ouverture"]
    assert event["date"] == "2026-03-28T09:30:00+01:00"
    assert event["start"] == "09:30"
    assert event["end"] == "2026-03-28T11:00:00+01:00"
    assert event["duration"] == "01:30"
    assert event["type"] == "plenary"


def test_the_zone_option_moves_the_clock_and_names_the_zone() -> None:
    document = to_frab(every_shape(), zone="America/Toronto")
    assert document["schedule"]["conference"]["time_zone_name"] == "America/Toronto"
    assert events(document)["pleniere-ouverture"]["date"] == "2026-03-28T04:30:00-04:00"


def test_a_hybrid_session_is_in_its_room_and_an_online_one_in_its_channel() -> None:
    document = to_frab(every_shape())
    assert events(document)["pleniere-ouverture"]["room"] == "Salle des fêtes"
    assert events(document)["assemblee-en-ligne"]["room"] == "Diffusion en ligne"
    rooms = {room["name"]: room for room in document["schedule"]["conference"]["rooms"]}
    assert rooms["Diffusion en ligne"]["type"] == "online"
    assert rooms["Salle des fêtes"]["capacity"] == 120


def test_sessions_without_a_place_share_a_room_named_after_the_programme() -> None:
    document = to_frab(seed())
    (room,) = document["schedule"]["conference"]["rooms"]
    assert room["name"] == seed().title["fr"]
    assert room["guid"] == guid_of("gsef2021_partenariats", "room", "")


def test_cancelled_and_postponed_sessions_are_left_out_as_pretalx_does() -> None:
    exported = events(to_frab(every_shape()))
    assert "table-ronde-annulee" not in exported
    assert "webinaire-reporte" not in exported
    lost = {(e.field, e.message) for e in export_report(every_shape()).of("lost")}
    assert ("session", "left out: cancelled, as pretalx does") in lost
    assert ("session", "left out: postponed, as pretalx does") in lost


def test_sessions_without_an_exact_time_are_left_out_and_reported() -> None:
    exported = events(to_frab(every_shape()))
    assert {"accueil", "exposition", "cloture", "atelier-finances"}.isdisjoint(exported)
    messages = {
        e.message: e for e in export_report(every_shape()).of("lost") if e.field == "session"
    }
    assert messages["left out: no exact time (date)"].count == 2
    assert messages["left out: no exact time (start)"].example == "'atelier-finances'"
    assert messages["left out: no exact time (none)"].path == "$.sessions[9]"


def test_moderators_are_persons_marked_with_the_voc_role_in_json_only() -> None:
    event = next(iter(events(to_frab(seed())).values()))
    assert [person["role"] for person in event["persons"]] == ["MODERATOR", *["SPEAKER"] * 4]
    assert event["persons"][0]["name"] == "Kevin Ossah"
    persons = ElementTree.fromstring(to_frab_xml(seed())).find(".//persons")
    assert persons is not None
    assert persons[0].text == "Kevin Ossah"
    assert {tuple(person.attrib) for person in persons} == {("id", "guid")}


def test_a_master_of_ceremonies_is_written_as_host() -> None:
    event = events(to_frab(every_shape()))["assemblee-en-ligne"]
    assert [person["role"] for person in event["persons"]] == ["HOST"]
    changed = {e.message for e in export_report(every_shape()).of("changed")}
    assert "mc: written as HOST" in changed


def _with_session(programme: Programme, **changes: Any) -> Programme:
    return attrs.evolve(programme, sessions=(attrs.evolve(programme.sessions[0], **changes),))


@pytest.mark.parametrize(
    ("languages", "language"),
    [(("fr",), "fr"), (("fr-CA", "en"), "fr"), (("gsw", "de"), "de"), (("fsl",), None), ((), None)],
)
def test_the_first_floor_language_with_an_iso_639_1_code_wins(
    languages: tuple[str, ...], language: str | None
) -> None:
    programme = _with_session(seed(), languages=languages)
    assert next(iter(events(to_frab(programme)).values()))["language"] == language


def test_texts_are_written_in_the_sessions_language_unless_another_is_asked_for() -> None:
    title = LocalizedText({"en": "Partnerships", "fr": "Partenariats", "es": "Alianzas"})
    programme = _with_session(seed(), title=title, languages=("fr",))
    assert next(iter(events(to_frab(programme)).values()))["title"] == "Partenariats"
    assert next(iter(events(to_frab(programme, lang="es")).values()))["title"] == "Alianzas"
    changed = {e.field for e in export_report(programme).of("changed")}
    assert "session.title" in changed


def test_guids_are_uuid5_of_the_acronym_kind_and_id_and_stable() -> None:
    event = next(iter(events(to_frab(seed())).values()))
    session = seed().sessions[0]
    expected = uuid.uuid5(GUID_NAMESPACE, f"gsef2021_partenariats/session/{session.id}")
    assert event["guid"] == str(expected) == guid_of(acronym_of(seed().id), "session", session.id)
    assert export_json(seed(), ExportOptions()) == export_json(seed(), ExportOptions())
    assert f'guid="{expected}"' in to_frab_xml(seed())


def test_the_slug_spells_the_session_id_and_the_url_falls_back_to_a_urn() -> None:
    event = next(iter(events(to_frab(seed())).values()))
    assert event["slug"] == f"gsef2021_partenariats-{seed().sessions[0].id}"
    assert event["url"] == f"urn:uuid:{event['guid']}"
    assert "<url>" not in to_frab_xml(seed())


def test_the_recording_policy_becomes_do_not_record_and_the_licence() -> None:
    for policy, written in [
        (RecordingPolicy(allowed=False), (True, "")),
        (RecordingPolicy(allowed=True, licence="CC-BY-4.0"), (False, "CC-BY-4.0")),
        (None, (None, "")),
    ]:
        event = next(iter(events(to_frab(_with_session(seed(), recording=policy))).values()))
        assert (event["do_not_record"], event["recording_license"]) == written
    xml = to_frab_xml(_with_session(seed(), recording=RecordingPolicy(allowed=False, licence="x")))
    assert "<license>x</license>" in xml
    assert "<optout>true</optout>" in xml


def test_links_keep_their_url_title_and_the_nearest_voc_type() -> None:
    links = (
        Link(
            kind=LinkKind.SLIDES,
            url="https://example.org/s.pdf",
            title=LocalizedText({"fr": "Diaporama"}),
        ),
        Link(kind=LinkKind.LIVESTREAM, url="https://example.org/live"),
    )
    event = next(iter(events(to_frab(_with_session(seed(), links=links))).values()))
    assert event["links"] == [
        {"url": "https://example.org/s.pdf", "type": "slides", "title": "Diaporama"},
        {"url": "https://example.org/live", "type": "media"},
    ]


# Days ----------------------------------------------------------------------------------------


def _night_programme() -> Programme:
    late = Session(
        id="soiree", title=LocalizedText({"fr": "Soirée"}), format=SessionFormat.CULTURAL,
        start=datetime(2021, 10, 8, 23, 30, tzinfo=UTC), end=datetime(2021, 10, 9, 1, tzinfo=UTC),
    )  # fmt: skip
    after = attrs.evolve(late, id="concert", start=datetime(2021, 10, 9, 1, 30, tzinfo=UTC),
                         end=datetime(2021, 10, 9, 2, 30, tzinfo=UTC))  # fmt: skip
    return attrs.evolve(
        seed(), end_date=date(2021, 10, 9), sessions=(*seed().sessions, late, after)
    )


def test_a_session_after_midnight_belongs_to_the_day_before_the_day_change() -> None:
    document = to_frab(_night_programme())
    days = document["schedule"]["conference"]["days"]
    assert [(d["date"], d["day_start"], d["day_end"]) for d in days] == [
        ("2021-10-08", "2021-10-08T04:00:00+00:00", "2021-10-09T04:00:00+00:00"),
        ("2021-10-09", "2021-10-09T04:00:00+00:00", "2021-10-10T04:00:00+00:00"),
    ]
    assert events(document)["concert"]["day"] == "2021-10-08"
    assert events(to_frab(_night_programme(), day_change=time(0)))["concert"]["day"] == "2021-10-09"


def test_a_session_in_the_small_hours_of_the_first_day_stays_on_it() -> None:
    early = attrs.evolve(seed().sessions[0], start=datetime(2021, 10, 8, 2, tzinfo=UTC),
                         end=datetime(2021, 10, 8, 3, tzinfo=UTC))  # fmt: skip
    document = to_frab(attrs.evolve(seed(), sessions=(early,)))
    assert [d["date"] for d in document["schedule"]["conference"]["days"]] == ["2021-10-08"]
    assert len(next(iter(document["schedule"]["conference"]["days"][0]["rooms"].values()))) == 1


# What the format cannot hold -----------------------------------------------------------------


def test_a_zone_the_voc_schema_refuses_is_left_out_of_the_json_only() -> None:
    programme = attrs.evolve(seed(), time_zone="Etc/GMT+3")
    document = to_frab(programme)
    assert "time_zone_name" not in document["schedule"]["conference"]
    assert json_problems(document) == []
    assert "<time_zone_name>Etc/GMT+3</time_zone_name>" in to_frab_xml(programme)
    assert any(e.field == "programme.time_zone" for e in export_report(programme).of("lost"))


def test_characters_xml_cannot_hold_become_the_replacement_character() -> None:
    programme = _with_session(seed(), title=LocalizedText({"fr": "Atelier\x0b 1\r\n"}))
    text = to_frab_xml(programme)
    assert "<title>Atelier\ufffd 1&#13;\n</title>" in text
    assert xml_problems(text) == []
    assert any(e.field == "text" for e in export_report(programme, xml=True).of("changed"))


def test_the_export_report_names_every_field_left_behind() -> None:
    lost = {e.field for e in export_report(seed()).of("lost")}
    assert {"session.objectives", "session.questions", "speaker.affiliations",
            "speaker.honorific", "participant.title", "organisation", "initiative"} <= lost  # fmt: skip
    assert "speaker.bio" not in lost
    assert "speaker.bio" in {e.field for e in export_report(seed(), xml=True).of("lost")}
    assert str(export_report(seed())).startswith("Not carried")


def test_an_export_for_one_speaker_keeps_only_their_sessions() -> None:
    programme = every_shape()
    exported = events(to_frab(programme, speaker="jose-garcia"))
    assert set(exported) == {"pleniere-ouverture", "assemblee-en-ligne"}
    assert len(events(to_frab(programme))) == 4


def test_an_unknown_zone_is_a_validation_error() -> None:
    with pytest.raises(ValidationError) as caught:
        to_frab(seed(), zone="Mars/Olympus")
    assert caught.value.codes == {"time_zone"}


def test_a_speaker_known_by_an_office_is_written_by_it() -> None:
    mayor = Speaker(id="maire", office=LocalizedText({"fr": "le maire de Lens"}))
    session = attrs.evolve(
        seed().sessions[0],
        participants=(Participant(role=ParticipantRole.SPEAKER, speaker="maire"),),
    )
    programme = attrs.evolve(seed(), speakers=(*seed().speakers, mayor), sessions=(session,))
    event = next(iter(events(to_frab(programme)).values()))
    assert event["persons"][0]["name"] == "le maire de Lens"


def test_a_duration_across_a_dst_change_is_the_elapsed_time() -> None:
    # Paris moves from +01:00 to +02:00 at 01:00Z on 29 March 2020.
    night = Session(
        id="nuit", title=LocalizedText({"fr": "Nuit"}), format=SessionFormat.CULTURAL,
        start=datetime(2020, 3, 28, 23, tzinfo=UTC), end=datetime(2020, 3, 29, 2, tzinfo=UTC),
    )  # fmt: skip
    programme = attrs.evolve(
        seed(), time_zone="Europe/Paris", start_date=date(2020, 3, 28),
        end_date=date(2020, 3, 29), sessions=(night,),
    )  # fmt: skip
    event = events(to_frab(programme))["nuit"]
    assert (event["date"], event["end"], event["duration"]) == (
        "2020-03-29T00:00:00+01:00", "2020-03-29T04:00:00+02:00", "03:00",
    )  # fmt: skip
    assert "<duration>03:00</duration>" in to_frab_xml(programme)


def test_the_json_and_the_xml_of_a_programme_have_one_version() -> None:
    odd = attrs.evolve(
        seed().sessions[0], title=LocalizedText({"fr": "Atelier\x0b"}),
        start=datetime(2021, 10, 8, 11, 5, 59, 999999, tzinfo=UTC),
    )  # fmt: skip
    programme = attrs.evolve(seed(), sessions=(odd,))
    version = to_frab(programme)["schedule"]["version"]
    assert f"<version>{version}</version>" in to_frab_xml(programme)
    assert version != to_frab(seed())["schedule"]["version"]
