"""JSON in and out: exact round trips, strict decoding, every problem with its path."""

from __future__ import annotations

import copy
import json
from typing import Any

import orjson
import pytest

import essprogramme.codec as essprogramme_codec
from essprogramme import (
    LocalizedText,
    PartialDate,
    Programme,
    Session,
    Speaker,
    Territory,
    ValidationError,
    examples,
    from_dict,
    from_json,
    to_dict,
    to_json,
)


@pytest.fixture
def document() -> dict[str, Any]:
    data: dict[str, Any] = orjson.loads(examples.text("gsef2021-partenariats"))
    return data


def decode_problems(data: Any, type_: type = Programme) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as error:
        from_dict(data, type_)
    return [(p.path, p.code) for p in error.value.problems]


def test_instants_are_written_in_utc_with_z() -> None:
    session = examples.load("gsef2021-partenariats").sessions[0]
    data = to_dict(session)
    assert data["start"] == "2021-10-08T11:00:00Z"
    assert data["end"] == "2021-10-08T12:30:00Z"


def test_offsets_are_read_and_normalised(document: dict[str, Any]) -> None:
    document["sessions"][0]["start"] = "2021-10-08T14:00:00+03:00"
    assert from_dict(document, Programme) == examples.load("gsef2021-partenariats")


def test_defaults_are_omitted_and_sets_sorted() -> None:
    territory = Territory.iso("YT")
    assert to_dict(territory) == {"code": "YT"}
    assert to_dict(PartialDate(year=2020, month=4)) == "2020-04"


def test_to_json_and_to_dict_agree(document: dict[str, Any]) -> None:
    programme = from_dict(document, Programme)
    assert orjson.loads(to_json(programme)) == to_dict(programme)


def test_to_dict_returns_fresh_containers() -> None:
    programme = examples.load("gsef2021-partenariats")
    data = to_dict(programme)
    data["title"]["fr"] = "changed"
    assert programme.title["fr"] != "changed"


def test_from_dict_does_not_keep_the_callers_dicts(document: dict[str, Any]) -> None:
    programme = from_dict(document, Programme)
    document["title"]["fr"] = "changed"
    assert programme.title["fr"] != "changed"


def test_the_shipped_example_is_canonical_json() -> None:
    """The example file is exactly what to_json writes: a golden file."""
    text = examples.text("gsef2021-partenariats")
    assert to_json(examples.load("gsef2021-partenariats"), indent=True) + "\n" == text
    assert json.loads(text)  # a second, independent reader


# Strict decoding: each rule, with its path and code ------------------------


def test_an_int_is_not_a_string(document: dict[str, Any]) -> None:
    document["speakers"][0]["name"] = 42
    assert decode_problems(document) == [("$.speakers[0].name", "type")]


def test_a_string_is_not_a_list(document: dict[str, Any]) -> None:
    document["sessions"][0]["languages"] = "fr"
    assert decode_problems(document) == [("$.sessions[0].languages", "type")]


def test_unknown_keys_are_refused(document: dict[str, Any]) -> None:
    document["sessions"][0]["speaker"] = "kevin-ossah"
    document["extra"] = True
    assert decode_problems(document) == [
        ("$.extra", "unknown_key"),
        ("$.sessions[0].speaker", "unknown_key"),
    ]


def test_missing_keys_are_named(document: dict[str, Any]) -> None:
    del document["sessions"][0]["title"]
    del document["time_zone"]
    assert decode_problems(document) == [
        ("$.sessions[0].title", "required"),
        ("$.time_zone", "required"),
    ]


def test_naive_instants_are_refused(document: dict[str, Any]) -> None:
    document["sessions"][0]["start"] = "2021-10-08T11:00:00"
    assert decode_problems(document) == [("$.sessions[0].start", "naive_datetime")]


@pytest.mark.parametrize(
    "value",
    [
        "2021-10-08 11:00Z",
        "2021-10-08T11:00:00+02:06:28",
        "2021-10-08T25:00:00Z",
        "2021-10-08T11:00:60Z",
        "2021-10-08T11:00:00.1234567Z",
        "8 octobre 2021",
        20211008,
    ],
)
def test_malformed_instants_are_refused(document: dict[str, Any], value: Any) -> None:
    document["sessions"][0]["end"] = value
    [(path, code)] = decode_problems(document)
    assert path == "$.sessions[0].end"
    assert code in {"instant", "naive_datetime", "type"}


def test_end_before_start(document: dict[str, Any]) -> None:
    document["sessions"][0]["end"] = "2021-10-08T10:00:00Z"
    assert decode_problems(document) == [("$.sessions[0].end", "end_before_start")]


def test_unknown_speaker_id(document: dict[str, Any]) -> None:
    document["sessions"][0]["participants"][0]["speaker"] = "kevin-osah"
    assert decode_problems(document) == [
        ("$.sessions[0].participants[0].speaker", "unknown_reference")
    ]


def test_duplicate_id(document: dict[str, Any]) -> None:
    document["speakers"].append(copy.deepcopy(document["speakers"][0]))
    assert decode_problems(document) == [("$.speakers[5].id", "duplicate_id")]


def test_bad_zone(document: dict[str, Any]) -> None:
    document["speakers"][1]["time_zone"] = "Indian/Mayote"
    assert decode_problems(document) == [("$.speakers[1].time_zone", "time_zone")]


def test_bad_language_tag(document: dict[str, Any]) -> None:
    document["sessions"][0]["languages"] = ["fr", "français"]
    document["title"] = {"fr_FR": "GSEF"}
    assert decode_problems(document) == [
        ("$.sessions[0].languages[1]", "language_tag"),
        ("$.title.fr_FR", "language_tag"),
    ]


def test_bad_enum_value(document: dict[str, Any]) -> None:
    document["sessions"][0]["format"] = "Workshop"
    assert decode_problems(document) == [("$.sessions[0].format", "enum")]


def test_duplicates_in_a_set_are_refused(document: dict[str, Any]) -> None:
    document["initiatives"][0]["themes"] = ["intercooperation", "intercooperation"]
    assert decode_problems(document) == [("$.initiatives[0].themes[1]", "duplicate")]


def test_many_problems_are_reported_together(document: dict[str, Any]) -> None:
    session = document["sessions"][0]
    session["start"] = "2021-10-08T11:00:00"
    session["format"] = 3
    session["objectives"][2] = {"fr": ""}
    document["speakers"][3]["honorific"] = "M."
    document["organisations"][0]["kind"] = "ngo-ish"
    document["initiatives"][0]["activities"][0]["figures"][0]["count"] = "59"
    assert decode_problems(document) == [  # in document order of the paths
        ("$.initiatives[0].activities[0].figures[0].count", "type"),
        ("$.organisations[0].kind", "enum"),
        ("$.sessions[0].format", "enum"),
        ("$.sessions[0].objectives[2].fr", "empty"),
        ("$.sessions[0].start", "naive_datetime"),
        ("$.speakers[3].honorific", "type"),
    ]


def test_objects_must_be_objects() -> None:
    assert decode_problems([], Programme) == [("$", "type")]
    assert decode_problems({"code": "YT", "members": [["FR"]]}, Territory) == [
        ("$.members[0]", "type")
    ]


def test_malformed_json_is_a_validation_error() -> None:
    with pytest.raises(ValidationError) as error:
        from_json('{"id": ')
    assert [p.code for p in error.value.problems] == ["json"]


def test_from_json_reads_other_types() -> None:
    text = '{"id": "k", "name": "Kevin Ossah", "time_zone": "Africa/Lome"}'
    assert from_json(text, Speaker) == Speaker(id="k", name="Kevin Ossah", time_zone="Africa/Lome")
    assert from_json(text.encode(), Speaker).name == "Kevin Ossah"


def test_localized_text_round_trips_alone() -> None:
    text = LocalizedText({"ar": "الاقتصاد الاجتماعي", "fr": "Économie sociale"})
    assert from_json(to_json(text), LocalizedText) == text


def test_null_is_accepted_for_optional_fields_only(document: dict[str, Any]) -> None:
    document["sessions"][0]["track"] = None
    assert from_dict(document, Programme).sessions[0].track is None
    document["sessions"][0]["languages"] = None
    assert decode_problems(document) == [("$.sessions[0].languages", "type")]


def test_session_decodes_alone() -> None:
    data = to_dict(examples.load("gsef2021-partenariats").sessions[0])
    assert from_dict(data, Session) == examples.load("gsef2021-partenariats").sessions[0]


def test_the_garbage_collector_is_paused_while_reading_and_resumed_after() -> None:
    import gc

    seen: list[bool] = []
    original = essprogramme_codec._decode

    def spy(*args: Any) -> Any:
        seen.append(gc.isenabled())
        return original(*args)

    essprogramme_codec._decode = spy  # type: ignore[assignment]
    try:
        assert gc.isenabled()
        from_json(examples.text("gsef2021-partenariats"))
        gc.disable()
        from_json(examples.text("gsef2021-partenariats"))
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
        essprogramme_codec._decode = original  # type: ignore[assignment]
    assert seen == [False, False]
