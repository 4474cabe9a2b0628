"""Importing frab/pretalx schedules: real exports, our own fixtures, and bad input."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from essprogramme import (
    LinkKind,
    LocalizedText,
    LocationKind,
    ParticipantRole,
    Programme,
    SessionFormat,
    ValidationError,
    from_json,
)
from essprogramme.cli import main
from essprogramme.formats import importer
from essprogramme.formats.frab import ImportReport, from_frab, import_json, import_xml
from frab.support import HERE, shared

XML = HERE / "frab-schedule.xml"
PRETALX = HERE / "pretalx-schedule.json"


def _shared(name: str) -> bytes:
    path = shared(name)
    if path is None:
        pytest.skip("../shared/interop/frab is not there")
    return path.read_bytes()


def _events(document: dict[str, Any]) -> list[dict[str, Any]]:
    days = document["schedule"]["conference"]["days"]
    return [event for day in days for events in day["rooms"].values() for event in events]


def _entry(report: ImportReport, field: str, kind: str | None = None) -> Any:
    found = [e for e in report.entries if e.field == field and (kind is None or e.kind == kind)]
    assert found, f"no report entry for {field}: {report}"
    return found[0]


# The VOC examples ----------------------------------------------------------------------------


def test_the_pretalx_democon_export_imports_with_its_defects_reported() -> None:
    data = _shared("pretalx-democon.json")
    programme, report = import_json(data)
    assert len(programme.sessions) == len(_events(json.loads(data)))
    assert [place.name["und"] for place in programme.locations] == ["Gray Room", "Tan Room"]
    shared_guid = _entry(report, "room.guid", "broken")
    assert shared_guid.path == "$.schedule.conference.rooms[1].guid"
    assert "$.schedule.conference.rooms[0]" in shared_guid.message
    # time_zone_name says UTC, the dates are written at +01:00
    assert _entry(report, "event.start", "broken").count == len(programme.sessions)
    assert (
        _entry(report, "event.abstract", "changed").message
        == "kept in the description, before the rest"
    )
    assert all(
        speaker.bio is None or speaker.bio.original == "und" for speaker in programme.speakers
    )
    assert {session.languages for session in programme.sessions} == {("en",)}
    assert programme.time_zone == "UTC"


def test_the_frab_camp2019_export_imports_with_its_defects_reported() -> None:
    programme, report = import_json(_shared("frab-camp2019.json"))
    assert programme.time_zone == "Europe/Berlin"
    assert {s.format for s in programme.sessions} == {
        SessionFormat.LECTURE,
        SessionFormat.PERFORMANCE,
    }
    assert _entry(report, "event.logo", "lost").count == 28
    assert _entry(report, "link.url", "broken").example == "'nymtech.net'"
    resolved = _entry(report, "attachment.url", "changed")
    assert resolved.count == 12
    documents = [
        link.url for s in programme.sessions for link in s.links if link.kind is LinkKind.DOCUMENT
    ]
    assert documents[0].startswith("https://fahrplan.events.ccc.de/system/event_attachments/")
    assert _entry(report, "event.subtitle", "changed").count == 63
    assert all(speaker.id.startswith("person-") for speaker in programme.speakers)
    assert str(report).splitlines()[0] == (
        "Imported 'Chaos Communication Camp 2019': 5 days, 2 rooms, 7 tracks, 79 sessions, 90 speakers."
    )


def test_the_schema_invalid_example_is_read_with_its_defects_reported() -> None:
    programme, report = import_json(_shared("invalid-example.json"))
    assert _entry(report, "schedule.rooms", "broken").path == "$.schedule.rooms"
    assert programme.speakers[0].name == "Mänu"
    assert (
        programme.sessions[0].recording is not None and not programme.sessions[0].recording.allowed
    )


# Our frab XML --------------------------------------------------------------------------------


def xml_import() -> tuple[Programme, ImportReport]:
    return import_xml(XML.read_bytes())


def test_frab_xml_gives_sessions_in_rooms_with_tracks_persons_and_times() -> None:
    programme, _ = xml_import()
    talk = programme.sessions[0]
    assert talk.start == datetime(2024, 11, 5, 9, tzinfo=UTC)
    assert talk.end == datetime(2024, 11, 5, 10, 30, tzinfo=UTC)
    assert talk.format is SessionFormat.PANEL  # "podium"
    assert talk.languages == ("fr",)
    assert talk.title == LocalizedText({"fr": "Présentation des aides financières"})
    assert programme.location(talk.locations[0]).name["und"] == "Salle des fêtes"
    assert programme.track(talk.track or "").color == "#1a7f37"
    assert [programme.speaker(p.speaker or "").name for p in talk.participants] == [
        "Maud Caruhel",
        "Jean Dupont",
    ]
    assert talk.recording is not None and talk.recording.licence == "CC BY 4.0"


def test_an_event_after_midnight_without_a_date_is_on_the_next_calendar_day() -> None:
    programme, _ = xml_import()
    concert = programme.sessions[1]
    assert concert.start == datetime(2024, 11, 6, 0, 15, tzinfo=UTC)  # 01:15 in Paris
    assert concert.recording is not None and not concert.recording.allowed


def test_the_subtitle_and_abstract_join_the_description_and_are_reported() -> None:
    programme, report = xml_import()
    description = programme.sessions[0].description
    assert description is not None
    assert description["fr"].split("\n\n") == [
        "Pour les associations du bassin minier",
        "Les aides de la Région et du Département.",
        "Avec la CRESS Hauts-de-France.",
    ]
    assert _entry(report, "event.subtitle").path == "$.schedule.day[0].room[0].event[0].subtitle"


def test_links_and_attachments_are_kept_resolved_or_reported() -> None:
    programme, report = xml_import()
    links = programme.sessions[0].links
    assert [(link.kind, link.url, link.title) for link in links] == [
        (LinkKind.OTHER, "https://www.cress-hdf.org/", None),
        (LinkKind.DOCUMENT, "https://frab.example.org/system/attachments/101/diaporama.pdf",
         LocalizedText({"und": "Diaporama"})),
    ]  # fmt: skip
    broken = _entry(report, "link.url", "broken")
    assert broken.path == "$.schedule.day[0].room[0].event[0].links.link[1]['@href']"


def test_an_unknown_event_type_is_other_and_reported() -> None:
    programme, report = xml_import()
    assert programme.sessions[1].format is SessionFormat.OTHER
    assert _entry(report, "event.type").example == "'Quiz Show'"


def test_what_the_model_cannot_carry_is_reported_with_count_and_example() -> None:
    _, report = xml_import()
    logo = _entry(report, "event.logo", "lost")
    assert (logo.count, logo.example) == (1, "'/system/events/logos/101/large.png'")
    assert _entry(report, "conference.timeslot_duration", "lost").example == "'00:15'"


def test_frab_integer_ids_are_mapped_and_the_originals_kept() -> None:
    programme, report = xml_import()
    assert [s.id for s in programme.speakers] == ["person-7", "person-8"]
    assert report.id_of("sessions", "id", "101") == "6a9f2a52-8b1e-4c3d-9e8f-0a1b2c3d4e5f"
    note = programme.sessions[0].sources[0].note
    assert note is not None and "id 101" in note["en"] and "guid 6a9f2a52" in note["en"]
    assert programme.id == "mois-ess-2024"


# Our pretalx JSON ----------------------------------------------------------------------------


def pretalx_import() -> tuple[Programme, ImportReport]:
    return import_json(PRETALX.read_bytes())


def test_pretalx_rooms_keep_their_capacity_and_tracks_their_colour() -> None:
    programme, report = pretalx_import()
    hangar = programme.location("hangar-14")
    assert (hangar.capacity, hangar.kind) == (1200, LocationKind.ROOM)
    assert programme.track("finance").color == "#1565C0"
    assert _entry(report, "room.description", "lost").example == "'Quai des Chartrons'"


def test_pretalx_persons_keep_their_public_name_and_a_biography_of_unknown_language() -> None:
    programme, report = pretalx_import()
    speaker = programme.speaker("SPK001")
    assert speaker.name == "Timothée Duverger"
    assert speaker.bio == LocalizedText({"und": "Chercheur à Sciences Po Bordeaux."})
    assert speaker.photo == "https://pretalx.example.org/media/avatars/spk001.jpg"
    assert speaker.links[0].url == "https://pretalx.example.org/gsef2025/speaker/SPK001/"
    assert _entry(report, "person.answers", "lost").count == 1
    assert [p.role for p in programme.session("GSEF01").participants] == [
        ParticipantRole.SPEAKER
    ] * 2


def test_pretalx_end_wins_over_its_day_first_duration() -> None:
    programme, _ = pretalx_import()
    exhibition = programme.session("GSEF03")
    assert exhibition.end == datetime(2025, 10, 31, 15, tzinfo=UTC)
    assert exhibition.format is SessionFormat.EXHIBITION
    assert exhibition.languages == ("es",)


def test_pretalx_texts_recording_and_types_are_read() -> None:
    programme, _ = pretalx_import()
    opening = programme.session("GSEF01")
    assert opening.format is SessionFormat.PLENARY  # "Plénière"
    assert opening.recording is not None and opening.recording.licence == "CC-BY-4.0"
    assert opening.links[1].kind is LinkKind.DOCUMENT  # a "related" attachment
    assert programme.session("GSEF02").recording is not None
    assert not programme.session("GSEF02").recording.allowed  # type: ignore[union-attr]
    assert programme.start_date == date(2025, 10, 29) and programme.end_date == date(2025, 10, 31)


# Bad input -----------------------------------------------------------------------------------


def _problems(data: bytes, read: Any = import_json, **options: Any) -> set[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        read(data, **options)
    return {(problem.path, problem.code) for problem in caught.value.problems}


def _pretalx(change: Any) -> bytes:
    document = json.loads(PRETALX.read_bytes())
    change(document)
    return json.dumps(document).encode()


def _first_event(document: dict[str, Any]) -> dict[str, Any]:
    return document["schedule"]["conference"]["days"][0]["rooms"]["Hangar 14"][0]


EVENT = "$.schedule.conference.days[0].rooms['Hangar 14'][0]"


def test_text_that_is_not_json_is_a_validation_error() -> None:
    assert _problems(b'{"schedule": ') == {("$", "json")}
    assert _problems(b"[" * 100_000) == {("$", "json")}


def test_every_problem_of_a_document_is_named_with_its_path() -> None:
    def break_it(document: dict[str, Any]) -> None:
        event = _first_event(document)
        event["title"] = 42
        event["duration"] = "ninety"
        event["persons"][0] = {"code": "X"}
        del event["date"]
        document["schedule"]["conference"]["tracks"] = {"name": "x"}

    assert _problems(_pretalx(break_it)) == {
        (f"{EVENT}.title", "type"),
        (f"{EVENT}.duration", "duration"),
        (f"{EVENT}.persons[0]", "required"),
        ("$.schedule.conference.tracks", "type"),
    }


def test_missing_parts_are_required() -> None:
    assert _problems(b"{}") == {("$.schedule", "required")}
    assert _problems(b'{"schedule": {"conference": {"days": []}}}') == {
        ("$.schedule.conference.acronym", "required"),
        ("$.schedule.conference.title", "required"),
        ("$.schedule.conference.time_zone_name", "required"),
    }
    assert _problems(b"[]") == {("$", "type")}


def test_an_unknown_zone_is_a_validation_error() -> None:
    def set_zone(document: dict[str, Any]) -> None:
        document["schedule"]["conference"]["time_zone_name"] = "Europe/Atlantis"

    assert _problems(_pretalx(set_zone)) == {("$.schedule.conference.time_zone_name", "time_zone")}


def test_a_schedule_without_a_zone_is_read_in_the_zone_given() -> None:
    def drop_zone(document: dict[str, Any]) -> None:
        del document["schedule"]["conference"]["time_zone_name"]

    data = _pretalx(drop_zone)
    assert _problems(data) == {("$.schedule.conference.time_zone_name", "required")}
    programme, _ = import_json(data, time_zone="Europe/Paris")
    assert programme.time_zone == "Europe/Paris"


def test_an_instant_out_of_the_models_range_is_located_at_its_event() -> None:
    def far(document: dict[str, Any]) -> None:
        event = _first_event(document)
        event["date"] = "0001-01-01T00:30:00+05:00"
        del event["end"]

    assert {path for path, _ in _problems(_pretalx(far))} <= {f"{EVENT}.date", f"{EVENT}.start"}


def test_xml_problems_are_named_by_the_xml_elements() -> None:
    text = XML.read_text(encoding="utf-8").replace(
        "<duration>01:30</duration>", "<duration>soon</duration>"
    )
    assert _problems(text.encode(), import_xml) == {
        ("$.schedule.day[0].room[0].event[0].duration", "duration")
    }
    assert _problems(b"<programme/>", import_xml) == {("$", "type")}


def test_from_frab_takes_parsed_data_and_refuses_other_values() -> None:
    with pytest.raises(ValidationError) as caught:
        from_frab("not a schedule")
    assert caught.value.codes == {"type"}


# The command line ----------------------------------------------------------------------------


def test_the_command_line_imports_a_schedule_and_prints_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "programme.json"
    assert main(["import", str(XML), "--from", "frab-xml", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith('Imported "Mois de l\'ESS 2024 — Lens": 2 days')
    assert "event.logo: not carried" in printed
    assert from_json(out.read_text(encoding="utf-8")).id == "mois-ess-2024"
    schedule = tmp_path / "schedule.json"
    assert main(["export", str(out), "--to", "frab-json", "-o", str(schedule)]) == 0
    assert (
        importer("frab-json")(schedule.read_bytes())[0]
        .sessions[0]
        .title["fr"]
        .startswith("Présentation")
    )


def test_a_duration_across_a_dst_change_adds_elapsed_time() -> None:
    text = XML.read_text(encoding="utf-8")
    text = text.replace("<start>01:15</start>", "<start>01:30</start>").replace(
        "<duration>00:45</duration>", "<duration>03:00</duration>"
    )
    text = text.replace('date="2024-11-05"', 'date="2025-03-29"').replace(
        'start="2024-11-05T09:00:00+01:00"', 'start="2025-03-29T09:00:00+01:00"'
    )
    text = text.replace("<start>2024-11-05</start>", "<start>2025-03-29</start>")
    text = text.replace("<end>2024-11-06</end>", "<end>2025-03-30</end>")
    programme, _ = import_xml(text.encode())
    night = programme.sessions[1]  # 01:30 on 30 March in Paris, the night clocks go forward
    assert night.start == datetime(2025, 3, 30, 0, 30, tzinfo=UTC)
    assert night.end == datetime(2025, 3, 30, 3, 30, tzinfo=UTC)
