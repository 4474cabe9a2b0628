"""The JSON Schema files: well-formed, offline, and in agreement with the model."""

from __future__ import annotations

import copy
import enum
import re
import socket
import subprocess
import sys
import textwrap
import time
import typing
import urllib.request
from collections import OrderedDict
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
import referencing.exceptions
from hypothesis import assume, given
from hypothesis import strategies as st

import essprogramme
from essprogramme import (
    Initiative,
    Location,
    Organisation,
    Programme,
    Registration,
    Session,
    SessionFormat,
    Speaker,
    Territory,
    ValidationError,
    examples,
    from_dict,
    schemas,
    to_dict,
)
from essprogramme._jsondata import check_data
from essprogramme.model import _formats, _rules
from essprogramme.model._checks import optional_inner
from schema_documents import documents

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_DIR = ROOT / "schemas"
TYPES = {
    "programme": Programme,
    "session": Session,
    "speaker": Speaker,
    "initiative": Initiative,
    "organisation": Organisation,
    "territory": Territory,
    "location": Location,
    "registration": Registration,
}
MODEL_ONLY = schemas.MODEL_ONLY


def _strategies() -> Any:
    # Imported when a property runs: collecting this file (and .ci/ajv_compare.py,
    # which imports the bad documents) does not depend on the strategies.
    from essprogramme import strategies

    return strategies


def _subschemas(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _subschemas(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _subschemas(value, f"{path}/{index}")


#: Subschemas under these keywords state rules or conditions, not the shape of an object.
_CONSTRAINTS = ("/allOf/", "/anyOf/", "/if", "/then", "/else", "/not")


def test_every_file_is_listed_and_is_a_valid_2020_12_schema() -> None:
    assert set(schemas.names()) == {p.stem for p in SCHEMA_DIR.glob("*.json")}
    metaschema = jsonschema.Draft202012Validator(jsonschema.Draft202012Validator.META_SCHEMA)
    for name in schemas.names():
        schema = schemas.load(name)
        jsonschema.Draft202012Validator.check_schema(schema)
        assert metaschema.is_valid(schema), name
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"] == f"{schemas.BASE_URI}{name}.json"
        assert schema["title"] and schema["description"]


def test_every_property_has_a_title_and_a_description_and_objects_are_closed() -> None:
    for name in schemas.names():
        for path, node in _subschemas(schemas.load(name)):
            constraint = any(k in path for k in _CONSTRAINTS)
            if node.get("type") == "object" and "properties" in node and not constraint:
                assert node.get("additionalProperties") is False, f"{name}{path}"
                for key, prop in node["properties"].items():
                    assert prop.get("title") and prop.get("description"), f"{name}{path}/{key}"


def test_patterns_are_anchored_portable_and_those_of_the_model() -> None:
    defs = schemas.load("defs")["$defs"]
    assert defs["id"]["pattern"] == _formats.ID_PATTERN
    assert defs["language_tag"]["pattern"] == _formats.LANGUAGE_TAG_PATTERN
    assert defs["zone_key"]["pattern"] == _formats.ZONE_KEY_PATTERN
    assert defs["country_code"]["pattern"] == _formats.COUNTRY_PATTERN
    assert defs["territory_code"]["pattern"] == _formats.TERRITORY_CODE_PATTERN
    assert defs["locode"]["pattern"] == _formats.LOCODE_PATTERN
    assert defs["url"]["pattern"] == _formats.URL_PATTERN
    assert defs["email"]["pattern"] == _formats.EMAIL_PATTERN
    assert defs["currency"]["pattern"] == _formats.CURRENCY_PATTERN
    assert defs["color"]["pattern"] == _formats.COLOR_PATTERN
    assert defs["field_name"]["pattern"] == _formats.FIELD_PATTERN
    assert defs["decimal"]["pattern"] == _rules.DECIMAL_PATTERN
    for name in schemas.names():
        for _, node in _subschemas(schemas.load(name)):
            pattern = node.get("pattern")
            if isinstance(pattern, str):
                assert pattern.startswith("^") and pattern.endswith("$")
                assert "\\d" not in pattern and "\\s" not in pattern and "\\w" not in pattern


# One schema object per model class -------------------------------------------


def _model_classes() -> dict[str, type]:
    """Every model class written as a JSON object, by name."""
    return {
        name: cls
        for name in essprogramme.model.__all__
        if attrs.has(cls := getattr(essprogramme.model, name))
        and name not in ("PartialDate", "LocalInterval")  # a string; never written
    }


@cache
def _schema_objects() -> dict[str, dict[str, Any]]:
    """The schema object of each model class, found by its ``$comment``."""
    found: dict[str, dict[str, Any]] = {}
    for name in schemas.names():
        for path, node in _subschemas(schemas.load(name)):
            comment = node.get("$comment")
            if isinstance(comment, str) and comment.startswith("essprogramme."):
                cls = comment.removeprefix("essprogramme.")
                assert cls not in found, f"{cls} is described twice ({name}{path})"
                found[cls] = node
    return found


def test_every_model_class_has_one_schema_object_with_its_fields() -> None:
    objects = _schema_objects()
    assert set(objects) == set(_model_classes())
    for name, cls in _model_classes().items():
        node = objects[name]
        fields = [f for f in attrs.fields(cls) if f.init]
        assert list(node["properties"]) == [f.name for f in fields], name
        assert node["required"] == [f.name for f in fields if f.default is attrs.NOTHING], name


def _enum_of(t: Any) -> type[enum.Enum] | None:
    inner = optional_inner(t)
    if inner is not None:
        t = inner
    if typing.get_origin(t) in (tuple, frozenset):
        t = typing.get_args(t)[0]
    return t if isinstance(t, type) and issubclass(t, enum.Enum) else None


def _enum_values(node: dict[str, Any]) -> list[Any]:
    for candidate in (node, *node.get("anyOf", ()), node.get("items", {})):
        if "enum" in candidate:
            return list(candidate["enum"])
    raise AssertionError(f"no enum in {node}")


def test_enum_values_are_those_of_the_python_vocabularies() -> None:
    objects = _schema_objects()
    checked = 0
    for name, cls in _model_classes().items():
        for field in attrs.fields(cls):
            vocabulary = _enum_of(field.type)
            if vocabulary is not None:
                values = _enum_values(objects[name]["properties"][field.name])
                assert values == [m.value for m in vocabulary], f"{name}.{field.name}"
                checked += 1
    # Every enum of the files is one of those (or the rule on breaks, below).
    sites = [
        path
        for name in schemas.names()
        for path, node in _subschemas(schemas.load(name))
        if "enum" in node and "/allOf/" not in path
    ]
    assert len(sites) == checked
    pause = schemas.load("session")["allOf"][3]["if"]["properties"]["format"]["enum"]
    assert pause == [f.value for f in SessionFormat if f.is_pause]


def test_every_rule_of_the_files_has_the_model_code() -> None:
    titled = {
        node["title"]
        for name in schemas.names()
        for path, node in _subschemas(schemas.load(name))
        if "title" in node and any(k in path for k in ("/then", "/else"))
    }
    titled |= {
        rule["title"]
        for name in schemas.names()
        for _, node in _subschemas(schemas.load(name))
        for rule in node.get("allOf", ())
        if "not" in rule
    }
    assert titled == set(schemas.RULE_CODES)


def test_the_model_only_table_of_the_docs_is_model_only() -> None:
    text = (ROOT / "docs" / "schemas.md").read_text(encoding="utf-8")
    table = text.split("## Rules only the library checks", 1)[1].split("\n## ", 1)[0]
    codes = {
        code
        for line in table.splitlines()
        if line.startswith("| ") and not line.startswith("| rule")
        for code in re.findall(r"`([a-z_]+)`", line.rsplit("|", 2)[1])
    }
    assert codes == schemas.MODEL_ONLY


def test_load_returns_a_copy() -> None:
    schemas.load("session")["title"] = "changed"
    assert schemas.load("session")["title"] == "Session"
    with pytest.raises(LookupError):
        schemas.load("nothing")


def test_the_shipped_example_validates() -> None:
    schemas.validate(schemas.example_document())
    for name in ("session", "speaker", "initiative", "organisation", "location"):
        collection = schemas.example_document().get(name + "s", [])
        for item in collection:
            schemas.validate(item, name)


# A document with every v2 feature -----------------------------------------

_VENUE = {"id": "palais", "name": {"fr": "Palais des congrès"}, "kind": "venue"}
_TRACK = {"id": "t1", "name": {"fr": "Fil 1"}}
_WEBSITE = {"kind": "website", "url": "https://www.gsef-net.org/"}
_FIXED = {"kind": "fixed", "amount": "12.50", "currency": "EUR"}


def _rich_document() -> dict[str, Any]:
    """The example, grown into a hybrid two-site programme with every v2 field."""
    d = schemas.example_document()
    org = [organisation["id"] for organisation in d["organisations"]]
    person = d["speakers"][0]["id"]
    d.update(
        status="scheduled",
        extra_days=["2021-10-07"],
        organisers=[
            {"organisation": org[0], "role": "organiser"},
            {"organisation": org[1], "role": "host"},
            {"organisation": org[2], "role": "funder"},
        ],
        links=[{**_WEBSITE, "title": {"fr": "Site du forum"}, "language": "fr"}],
        registration={"required": True, "url": "https://www.gsef-net.org/inscription",
                      "deadline": "2021-10-01T22:00:00Z", "prices": [{"kind": "free"}]},
        sources=[{"url": "https://www.gsef-net.org/", "retrieved": "2021-09-30"}],
        inferred=[{"field": "time_zone", "reason": {"fr": "forum en ligne"}}],
        notes=[{"fr": "Programme complété pour les tests."}],
    )  # fmt: skip
    d["locations"] = [
        {**_VENUE, "time_zone": "Europe/Paris", "capacity": 2000,
         "address": {"street": "Cours du Médoc", "postal_code": "33300", "locality": "Bordeaux",
                     "region": "Nouvelle-Aquitaine", "country": "FR"},
         "coordinates": {"latitude": 44.8638, "longitude": -0.5541},
         "access": {"fr": "Tram B, arrêt Cours du Médoc"},
         "accessibility": ["step_free", "induction_loop"], "sources": [{"url": "https://www.gsef-net.org/"}]},
        {"id": "salle-1", "name": {"fr": "Salle 1"}, "kind": "room", "parent": "palais", "capacity": 120},
        {"id": "hangar-14", "name": {"fr": "Hangar 14"}, "kind": "venue", "time_zone": "Europe/Paris",
         "coordinates": {"latitude": 44.85, "longitude": -0.57}},
        {"id": "direct", "name": {"fr": "Direct"}, "kind": "online", "url": "https://www.youtube.com/live/gsef",
         "platform": "YouTube", "parallel": False},
    ]  # fmt: skip
    d["tracks"] = [{**_TRACK, "color": "#1A7F37"}]
    plenary = {
        "id": "pleniere", "title": {"fr": "Plénière d'ouverture"}, "format": "plenary",
        "status": "rescheduled", "start": "2021-10-08T07:00:00Z",
        "previous_starts": ["2021-10-08T06:30:00Z"], "languages": ["fr"], "interpretation": ["en", "fsl"],
        "attendance_mode": "mixed", "locations": ["salle-1", "direct"], "track": "t1",
        "participants": [
            {"role": "mc", "speaker": "maire", "label": {"fr": "Maître de cérémonie"}},
            {"role": "speaker", "speaker": person, "delivery": "remote_live",
             "confirmation": "to_be_confirmed"},
            {"role": "speaker", "organisation": org[3], "label": {"fr": "mot de clôture"},
             "delivery": "recorded"},
        ],
        "registration": {"required": True, "email": "inscription@gsef-net.org", "capacity": 120,
                         "places_left": 0, "full": True,
                         "prices": [_FIXED, {"kind": "pay_what_you_can", "amount": "5", "currency": "EUR",
                                             "label": {"fr": "prix libre"}}],
                         "conditions": {"fr": "Sur inscription"}},
        "accessibility": ["captions", "sign_language"], "accessibility_notes": {"fr": "LSF"},
        "tags": ["ouverture"], "links": [{"kind": "livestream", "url": "https://www.youtube.com/live/gsef"}],
        "recording": {"allowed": True, "licence": "CC-BY-4.0"},
        "inferred": [{"field": "attendance_mode", "source": {"citation": {"fr": "Affiche"}}}],
    }  # fmt: skip
    d["sessions"] += [
        plenary,
        {"id": "prix", "title": {"fr": "Remise des prix"}, "format": "ceremony", "parent": "pleniere",
         "start": "2021-10-08T08:00:00Z", "end": "2021-10-08T08:20:00Z", "locations": ["salle-1"]},
        {"id": "pause", "title": {"fr": "Pause café"}, "format": "break",
         "start": "2021-10-08T09:00:00Z", "end": "2021-10-08T09:30:00Z", "locations": ["palais"]},
        {"id": "annule", "title": {"fr": "Atelier annulé"}, "format": "workshop", "status": "cancelled",
         "start": "2021-10-08T13:00:00Z", "end": "2021-10-08T14:00:00Z", "locations": ["hangar-14"]},
        {"id": "marche", "title": {"fr": "Marché de l'ESS"}, "format": "exhibition",
         "start_date": "2021-10-07", "end_date": "2021-10-08", "series": "marche", "locations": ["hangar-14"]},
        {"id": "visite", "title": {"fr": "Visite"}, "format": "guided_tour", "status": "tentative"},
    ]  # fmt: skip
    d["speakers"].append(
        {"id": "maire", "office": {"fr": "le maire de Bordeaux"}, "pronouns": {"fr": "il"},
         "photo": "https://www.gsef-net.org/maire.jpg", "links": [_WEBSITE],
         "notes": [{"fr": "Nom non publié"}]}
    )  # fmt: skip
    organisation = d["organisations"][0]
    organisation["member_of"] = [{"organisation": org[1], "start": "2018", "former": True}]
    organisation["figures"] = [
        {"measure": "participants", "count": 59},
        {"measure": "acteurs", "count": 45, "part_of": "participants",
         "counts": {"fr": "acteurs de l'ESS"}},
    ]  # fmt: skip
    organisation["links"] = [{"kind": "social", "url": "https://www.linkedin.com/company/gsef"}]
    organisation["territory"] = {"name": {"fr": "la métropole bordelaise"}, "within": "FR-33"}
    d["organisations"][1]["territory"] = {"locode": "FRBOD", "name": {"fr": "Bordeaux"}}
    d["speakers"][0]["affiliations"] = [
        {"organisation": org[1], "role": {"fr": "Directeur exécutif"}, "start": "2016", "end": "2021-06"},
        {"organisation": org[2], "former": True},
    ]  # fmt: skip
    d["initiatives"][0]["status_as_of"] = "2021-06"
    d["initiatives"][0]["sources"] = [{"citation": {"fr": "Fiche de l'atelier"}}]
    return d


def test_a_programme_with_every_v2_field_validates_and_round_trips() -> None:
    document = _rich_document()
    schemas.validate(document)
    programme = from_dict(document, Programme)
    written = to_dict(programme)
    schemas.validate(written)
    assert from_dict(written, Programme) == programme
    for location in document["locations"]:
        schemas.validate(location, "location")
    schemas.validate(document["registration"], "registration")


def test_formats_really_run() -> None:
    document = schemas.example_document()
    document["sessions"][0]["start"] = (
        "2021-02-30T11:00:00Z"  # the pattern passes, the date does not
    )
    document["start_date"] = "2021-13-08"
    document["organisations"][0]["url"] = "https://%zz.org"
    with pytest.raises(ValidationError) as error:
        schemas.validate(document)
    assert {(p.path, p.code) for p in error.value.problems} == {
        ("$.sessions[0].start", "instant"),
        ("$.start_date", "date"),
        ("$.organisations[0].url", "url"),
    }


def test_no_reference_is_ever_fetched() -> None:
    resolver = schemas._registry().resolver()
    with pytest.raises(referencing.exceptions.Unresolvable):
        resolver.lookup("https://json-schema.org/draft/2020-12/links")
    with pytest.raises(referencing.exceptions.Unresolvable):
        resolver.lookup("https://essprogramme.org/schemas/v1/nothing.json")


# Bad documents: the model and the schema, the same codes at the same paths --------

Change = Callable[[dict[str, Any]], None]


def _put(*steps: Any, value: Any) -> Change:
    def change(document: dict[str, Any]) -> None:
        target = document
        for step in steps[:-1]:
            target = target[step]
        target[steps[-1]] = copy.deepcopy(value)

    return change


def _drop(*steps: Any) -> Change:
    def change(document: dict[str, Any]) -> None:
        target = document
        for step in steps[:-1]:
            target = target[step]
        del target[steps[-1]]

    return change


S0 = ("sessions", 0)
P0 = ("sessions", 0, "participants", 0)
PRICE = "$.sessions[0].registration.prices[0]"


def _venue(**fields: Any) -> Change:
    return _put("locations", value=[{**_VENUE, **fields}])


def _registration(**fields: Any) -> Change:
    return _put(*S0, "registration", value=fields)


def _price(**fields: Any) -> Change:
    return _registration(prices=[fields])


def _participant(**fields: Any) -> Change:
    return _put(*P0, value=fields)


def _territory(**fields: Any) -> Change:
    return _put("organisations", 0, "territory", value=fields)


#: (id, change to the example, the (path, code) both must report).
BAD: list[tuple[str, Change, set[tuple[str, str]]]] = [
    ("speaker-name-type", _put("speakers", 0, "name", value=42), {("$.speakers[0].name", "type")}),
    ("languages-type", _put(*S0, "languages", value="fr"), {("$.sessions[0].languages", "type")}),
    ("unknown-key", _put(*S0, "speaker", value="kevin-ossah"), {("$.sessions[0].speaker", "unknown_key")}),
    ("v1-moderators", _put(*S0, "moderators", value=["kevin-ossah"]), {("$.sessions[0].moderators", "unknown_key")}),
    ("v1-contributions", _put(*S0, "contributions", value=[]), {("$.sessions[0].contributions", "unknown_key")}),
    ("v1-organiser", _put("organiser", value="gsef"), {("$.organiser", "unknown_key")}),
    ("no-title", _drop(*S0, "title"), {("$.sessions[0].title", "required")}),
    ("naive-start", _put(*S0, "start", value="2021-10-08T11:00:00"), {("$.sessions[0].start", "naive_datetime")}),
    ("format-enum", _put(*S0, "format", value="Workshop"), {("$.sessions[0].format", "enum")}),
    ("language-tag", _put(*S0, "languages", value=["fr", "français"]), {("$.sessions[0].languages[1]", "language_tag")}),
    ("title-key", _put("title", value={"fr_FR": "GSEF"}), {("$.title.fr_FR", "language_tag")}),
    ("country", _put("speakers", 0, "country", value="fr"), {("$.speakers[0].country", "country_code")}),
    ("figure-count", _put("organisations", 0, "figures", value=[{"measure": "x", "count": -1}]), {("$.organisations[0].figures[0].count", "range")}),
    ("themes-duplicate", _put("initiatives", 0, "themes", value=["youth", "youth"]), {("$.initiatives[0].themes[1]", "duplicate")}),
    ("sdg-range", _put("initiatives", 0, "sdgs", value=[18]), {("$.initiatives[0].sdgs[0]", "range")}),
    ("partial-date", _put("initiatives", 0, "start", value="2020-13"), {("$.initiatives[0].start", "partial_date")}),
    # The shapes of a session's time, its status and its place in a series.
    ("end-without-start", _drop(*S0, "start"), {("$.sessions[0].start", "required")}),
    ("end-with-null-start", _put(*S0, "start", value=None), {("$.sessions[0].start", "required")}),
    ("start-and-date", _put(*S0, "start_date", value="2021-10-08"), {("$.sessions[0].start_date", "time_shape")}),
    ("end-date-without-date", _put(*S0, "end_date", value="2021-10-08"), {("$.sessions[0].start_date", "required")}),
    ("status-enum", _put(*S0, "status", value="canceled"), {("$.sessions[0].status", "enum")}),
    ("status-null", _put(*S0, "status", value=None), {("$.sessions[0].status", "enum")}),
    ("previous-start-naive", _put(*S0, "previous_starts", value=["2021-10-07T11:00:00"]), {("$.sessions[0].previous_starts[0]", "naive_datetime")}),
    ("previous-starts-type", _put(*S0, "previous_starts", value="2021-10-07T11:00:00Z"), {("$.sessions[0].previous_starts", "type")}),
    ("series-id", _put(*S0, "series", value="Série 1"), {("$.sessions[0].series", "id")}),
    ("parent-id", _put(*S0, "parent", value=""), {("$.sessions[0].parent", "id")}),
    # Participants.
    ("break-with-participants", _put(*S0, "format", value="break"), {("$.sessions[0].participants", "pause_participants")}),
    ("meal-with-participants", _put(*S0, "format", value="meal"), {("$.sessions[0].participants", "pause_participants")}),
    ("participant-both", _participant(role="speaker", speaker="kevin-ossah", organisation="gsef"), {("$.sessions[0].participants[0].speaker", "exactly_one")}),
    ("participant-neither", _participant(role="speaker"), {("$.sessions[0].participants[0].speaker", "exactly_one")}),
    ("participant-nulls", _participant(role="speaker", speaker=None, organisation=None), {("$.sessions[0].participants[0].speaker", "exactly_one")}),
    ("participant-both-bad", _participant(role="host", speaker=42, organisation="gsef"), {("$.sessions[0].participants[0].speaker", "exactly_one"), ("$.sessions[0].participants[0].speaker", "type")}),
    ("participant-role", _participant(role="chair", speaker="kevin-ossah"), {("$.sessions[0].participants[0].role", "enum")}),
    ("participant-no-role", _participant(speaker="kevin-ossah"), {("$.sessions[0].participants[0].role", "required")}),
    ("participant-delivery", _participant(role="speaker", organisation="gsef", delivery="remote"), {("$.sessions[0].participants[0].delivery", "enum")}),
    ("participant-confirmation", _participant(role="speaker", speaker="kevin-ossah", confirmation="tbc"), {("$.sessions[0].participants[0].confirmation", "enum")}),
    ("participant-label", _participant(role="moderator", speaker="kevin-ossah", label="Modératrice"), {("$.sessions[0].participants[0].label", "type")}),
    ("participant-initiatives", _participant(role="speaker", speaker="kevin-ossah", initiatives=["a b"]), {("$.sessions[0].participants[0].initiatives[0]", "id")}),
    # Places.
    ("locations-duplicate", _put(*S0, "locations", value=["palais", "palais"]), {("$.sessions[0].locations[1]", "duplicate")}),
    ("location-kind", _venue(kind="building"), {("$.locations[0].kind", "enum")}),
    ("location-no-kind", _put("locations", value=[{"id": "palais", "name": {"fr": "Palais"}}]), {("$.locations[0].kind", "required")}),
    ("latitude-range", _venue(coordinates={"latitude": 95, "longitude": -0.57}), {("$.locations[0].coordinates.latitude", "range")}),
    ("longitude-range", _venue(coordinates={"latitude": 44.8, "longitude": -180.5}), {("$.locations[0].coordinates.longitude", "range")}),
    ("latitude-string", _venue(coordinates={"latitude": "44.8", "longitude": -0.57}), {("$.locations[0].coordinates.latitude", "type")}),
    ("latitude-boolean", _venue(coordinates={"latitude": True, "longitude": -0.57}), {("$.locations[0].coordinates.latitude", "type")}),
    ("no-longitude", _venue(coordinates={"latitude": 44.8}), {("$.locations[0].coordinates.longitude", "required")}),
    ("address-country", _venue(address={"locality": "Bordeaux", "country": "France"}), {("$.locations[0].address.country", "country_code")}),
    ("address-key", _venue(address={"city": "Bordeaux"}), {("$.locations[0].address.city", "unknown_key")}),
    ("address-empty-street", _venue(address={"street": ""}), {("$.locations[0].address.street", "empty")}),
    ("location-zone", _venue(time_zone="Europe/Paris "), {("$.locations[0].time_zone", "time_zone")}),
    ("location-capacity", _venue(capacity=0), {("$.locations[0].capacity", "range")}),
    ("location-accessibility", _venue(accessibility=["step_free", "step_free"]), {("$.locations[0].accessibility[1]", "duplicate")}),
    ("location-parallel", _venue(parallel="yes"), {("$.locations[0].parallel", "type")}),
    ("location-access", _venue(access="Tram C"), {("$.locations[0].access", "type")}),
    ("location-url", _venue(kind="online", url="zoom.us/j/1"), {("$.locations[0].url", "url")}),
    ("track-color", _put("tracks", value=[{**_TRACK, "color": "red"}]), {("$.tracks[0].color", "color")}),
    ("track-color-short", _put("tracks", value=[{**_TRACK, "color": "#fff"}]), {("$.tracks[0].color", "color")}),
    # Registration and prices.
    ("fixed-without-amount", _price(kind="fixed"), {(f"{PRICE}.amount", "required")}),
    ("free-with-amount", _price(kind="free", amount="0", currency="EUR"), {(f"{PRICE}.amount", "price")}),
    ("amount-without-currency", _price(kind="fixed", amount="12.50"), {(f"{PRICE}.currency", "required")}),
    ("amount-number", _price(kind="fixed", amount=12.5, currency="EUR"), {(f"{PRICE}.amount", "type")}),
    ("amount-comma", _price(kind="fixed", amount="12,50", currency="EUR"), {(f"{PRICE}.amount", "decimal")}),
    ("amount-leading-zero", _price(kind="fixed", amount="012", currency="EUR"), {(f"{PRICE}.amount", "decimal")}),
    ("currency", _price(kind="fixed", amount="12.50", currency="eur"), {(f"{PRICE}.currency", "currency")}),
    ("price-kind", _price(kind="prix libre"), {(f"{PRICE}.kind", "enum")}),
    ("email", _registration(email="contact"), {("$.sessions[0].registration.email", "email")}),
    ("full-with-places", _registration(full=True, places_left=3), {("$.sessions[0].registration.full", "places")}),
    ("capacity-zero", _registration(capacity=0), {("$.sessions[0].registration.capacity", "range")}),
    ("places-negative", _registration(places_left=-1), {("$.sessions[0].registration.places_left", "range")}),
    ("deadline-naive", _registration(deadline="2021-10-01T00:00:00"), {("$.sessions[0].registration.deadline", "naive_datetime")}),
    ("registration-required-type", _registration(required="yes"), {("$.sessions[0].registration.required", "type")}),
    ("programme-registration-url", _put("registration", value={"url": "ftp://gsef-net.org/"}), {("$.registration.url", "url")}),
    # Who takes part, and their links.
    ("speaker-no-name", _drop("speakers", 0, "name"), {("$.speakers[0]", "required")}),
    ("speaker-null-name", _put("speakers", 0, "name", value=None), {("$.speakers[0]", "required")}),
    ("speaker-photo", _put("speakers", 0, "photo", value="photo.jpg"), {("$.speakers[0].photo", "url")}),
    ("speaker-pronouns", _put("speakers", 0, "pronouns", value="elle"), {("$.speakers[0].pronouns", "type")}),
    ("v1-speaker-links", _put("speakers", 0, "links", value=["https://www.gsef-net.org/"]), {("$.speakers[0].links[0]", "type")}),
    ("link-no-url", _put("speakers", 0, "links", value=[{"kind": "website"}]), {("$.speakers[0].links[0].url", "required")}),
    ("link-kind", _put(*S0, "links", value=[{**_WEBSITE, "kind": "video"}]), {("$.sessions[0].links[0].kind", "enum")}),
    ("link-language", _put("links", value=[{**_WEBSITE, "language": "français"}]), {("$.links[0].language", "language_tag")}),
    ("affiliation-start", _put("speakers", 0, "affiliations", value=[{"organisation": "ojedd", "start": "2016-13"}]), {("$.speakers[0].affiliations[0].start", "partial_date")}),
    ("affiliation-former", _put("speakers", 0, "affiliations", value=[{"organisation": "ojedd", "former": "yes"}]), {("$.speakers[0].affiliations[0].former", "type")}),
    ("v1-member-of", _put("organisations", 0, "member_of", value=["eser"]), {("$.organisations[0].member_of[0]", "type")}),
    ("membership-former", _put("organisations", 0, "member_of", value=[{"organisation": "eser", "former": 1}]), {("$.organisations[0].member_of[0].former", "type")}),
    ("figure-counts", _put("organisations", 0, "figures", value=[{"measure": "pays", "count": 15, "counts": "pays"}]), {("$.organisations[0].figures[0].counts", "type")}),
    ("figure-part-of", _put("organisations", 0, "figures", value=[{"measure": "a", "count": 1, "part_of": "B C"}]), {("$.organisations[0].figures[0].part_of", "id")}),
    ("organiser-role", _put("organisers", value=[{"organisation": "gsef", "role": "host-city"}]), {("$.organisers[0].role", "enum")}),
    ("organiser-no-role", _put("organisers", value=[{"organisation": "gsef"}]), {("$.organisers[0].role", "required")}),
    ("programme-status", _put("status", value="done"), {("$.status", "enum")}),
    ("extra-days-duplicate", _put("extra_days", value=["2021-10-07", "2021-10-07"]), {("$.extra_days[1]", "duplicate")}),
    ("extra-days-date", _put("extra_days", value=["2021-10-32"]), {("$.extra_days[0]", "date")}),
    ("recording-type", _put(*S0, "recording", value={"allowed": "yes"}), {("$.sessions[0].recording.allowed", "type")}),
    ("recording-required", _put(*S0, "recording", value={"licence": "CC-BY-4.0"}), {("$.sessions[0].recording.allowed", "required")}),
    ("tags-duplicate", _put(*S0, "tags", value=["ESS", "ESS"]), {("$.sessions[0].tags[1]", "duplicate")}),
    ("accessibility-enum", _put(*S0, "accessibility", value=["ramp"]), {("$.sessions[0].accessibility[0]", "enum")}),
    ("accessibility-duplicate", _put(*S0, "accessibility", value=["captions", "captions"]), {("$.sessions[0].accessibility[1]", "duplicate")}),
    # Provenance.
    ("status-as-of", _put("initiatives", 0, "status_as_of", value="2021-7"), {("$.initiatives[0].status_as_of", "partial_date")}),
    ("v1-sources", _put("initiatives", 0, "sources", value=["https://www.gsef-net.org/"]), {("$.initiatives[0].sources[0]", "type")}),
    ("source-empty", _put(*S0, "sources", value=[{}]), {("$.sessions[0].sources[0]", "required")}),
    ("source-nulls", _put(*S0, "sources", value=[{"url": None, "citation": None}]), {("$.sessions[0].sources[0]", "required")}),
    ("source-retrieved", _put("sources", value=[{"url": _WEBSITE["url"], "retrieved": "2021-13-01"}]), {("$.sources[0].retrieved", "date")}),
    ("inferred-field", _put("speakers", 0, "inferred", value=[{"field": "Country"}]), {("$.speakers[0].inferred[0].field", "field")}),
    ("inferred-no-field", _put("speakers", 0, "inferred", value=[{"reason": {"fr": "bio"}}]), {("$.speakers[0].inferred[0].field", "required")}),
    ("inferred-source", _put("organisations", 0, "inferred", value=[{"field": "kind", "source": {}}]), {("$.organisations[0].inferred[0].source", "required")}),
    ("notes-type", _put("initiatives", 0, "notes", value=["à vérifier"]), {("$.initiatives[0].notes[0]", "type")}),
    # Territories.
    ("territory-none", _territory(), {("$.organisations[0].territory", "required")}),
    ("territory-nulls", _territory(code=None, locode=None, name=None), {("$.organisations[0].territory", "required")}),
    ("territory-locode", _territory(locode="FRBOD1"), {("$.organisations[0].territory.locode", "locode")}),
    ("territory-within-code", _territory(code="FR", within="FR-33"), {("$.organisations[0].territory.within", "territory_within")}),
    ("territory-within-pattern", _territory(name={"fr": "Métropole"}, within="FR33"), {("$.organisations[0].territory.within", "territory_code")}),
    ("territory-code-members", _territory(code="TG", members=[{"code": "TG"}]), {("$.organisations[0].territory.members", "territory_members")}),
    ("territory-locode-members", _territory(locode="FRBOD", members=[{"code": "FR"}]), {("$.organisations[0].territory.members", "territory_members")}),
]  # fmt: skip
#: Cases where the model is known to disagree (see the lead's report).


def _bad(change: Change) -> dict[str, Any]:
    document = schemas.example_document()
    change(document)
    return document


def _bad_documents() -> list[dict[str, Any]]:
    """The bad documents, in table order (.ci/ajv_compare.py gives them to Ajv)."""
    return [_bad(change) for _, change, _ in BAD]


def _good_documents() -> dict[str, dict[str, Any]]:
    """Documents both sides accept (.ci/ajv_compare.py gives them to Ajv too)."""
    return {"example": schemas.example_document(), "every-v2-field": _rich_document()}


def _found(document: Any, name: str = "programme") -> set[tuple[str, str]]:
    """The (path, code) pairs schemas.validate reports; empty if valid."""
    try:
        schemas.validate(document, name)
    except ValidationError as error:
        str(error).encode("utf-8")  # printable, whatever the document holds
        return {(p.path, p.code) for p in error.problems}
    return set()


def _found_by_model(document: Any, cls: type = Programme) -> set[tuple[str, str]]:
    try:
        from_dict(document, cls)
    except ValidationError as error:
        return {(p.path, p.code) for p in error.problems}
    return set()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            change,
            expected,
            id=case,
        )
        for case, change, expected in BAD
    ],
)
def test_bad_documents_fail_in_schema_and_model_alike(
    change: Change, expected: set[tuple[str, str]]
) -> None:
    document = _bad(change)
    assert _found(document) == expected
    assert _found_by_model(document) == expected


def test_bad_documents_cover_every_rule_the_schema_expresses() -> None:
    codes = {code for _, _, expected in BAD for _, code in expected}
    assert set(schemas.RULE_CODES.values()) <= codes
    definitions = schemas._DEFINITION_CODES.values()
    assert set(definitions) - {"time_zone", "instant"} <= codes


# Agreement, both ways -----------------------------------------------------


# That every generated programme is schema-valid and loads back equal is
# test_strategies.py's property; it is not repeated here.


@pytest.mark.parametrize(
    "name", ["session", "speaker", "initiative", "organisation", "territory", "location"]
)
@given(data=st.data())
def test_every_object_serialises_to_a_schema_valid_document(name: str, data: st.DataObject) -> None:
    plural = "territories" if name == "territory" else name + "s"
    value = data.draw(getattr(_strategies(), plural)())
    schemas.validate(to_dict(value), name)


def _refused_only_by_model_rules(document: Any, type_: type) -> None:
    try:
        value = from_dict(document, type_)
    except ValidationError as error:
        # Generated integers are never written 59.0: a type problem is a disagreement.
        assert {p.code for p in error.problems} <= MODEL_ONLY - {"type"}, error
    else:
        schemas.validate(to_dict(value), type_.__name__.lower())


@cache
def _documents_of(name: str) -> st.SearchStrategy[Any]:
    # Built once per schema: building one reads the schemas and compiles patterns.
    return documents(name)


@given(
    st.sampled_from(sorted(TYPES)).flatmap(
        lambda name: _documents_of(name).map(lambda document: (name, document))
    )
)
def test_schema_valid_documents_load_or_break_a_model_only_rule(case: tuple[str, Any]) -> None:
    # One property for every schema: the profile's example count is shared, not multiplied.
    name, document = case
    _refused_only_by_model_rules(document, TYPES[name])


@given(
    st.sampled_from(_bad_documents()) | st.deferred(lambda: _strategies().programmes()).map(to_dict)
)
def test_the_accelerated_validator_agrees_with_jsonschema(document: Any) -> None:
    fast = schemas._fast("programme")
    if fast is None:
        pytest.skip("jsonschema-rs is not installed")
    assert fast.is_valid(document) == schemas.validator("programme").is_valid(document)


def test_examples_module_and_schemas_agree_on_the_example() -> None:
    assert from_dict(schemas.example_document(), Programme) == examples.load(
        "gsef2021-partenariats"
    )


def _full_problems(document: Any) -> set[tuple[str, str]]:
    return {
        (p.path, p.code)
        for error in schemas.validator("programme").iter_errors(document)
        for p in schemas._problems(error)
    }


@given(
    st.sampled_from(_bad_documents())
    | st.deferred(lambda: _strategies().invalid_documents()).map(lambda c: c[0])
)
def test_revalidating_only_failing_items_finds_what_a_full_run_finds(document: Any) -> None:
    # What is not JSON data (a lone surrogate...) is refused before any
    # validator runs, so a raw jsonschema run has nothing to compare with.
    assume(not check_data(document))
    assert _found(document) == _full_problems(document)


# Hardening (issue 7): only ValidationError, for any input --------------------

MAX_DEPTH = _formats.MAX_DEPTH
#: Where the depth limit cuts a territory nested through ``members``: each
#: level adds an object and an array, so the first container deeper than
#: MAX_DEPTH is the territory MAX_DEPTH // 2 levels down.
DEPTH_PATH = "$" + ".members[0]" * (MAX_DEPTH // 2)


def _nested_territory(levels: int, leaf: Any = None) -> dict[str, Any]:
    territory: dict[str, Any] = {"code": "YT"} if leaf is None else leaf
    for _ in range(levels):
        territory = {"name": {"fr": "région"}, "members": [territory]}
    return territory


def _child(script: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_a_territory_nested_15000_deep_is_refused_and_the_process_survives() -> None:
    # Defect 1: jsonschema-rs overflowed its stack (SIGSEGV) on this input.
    result = _child(
        """
        from essprogramme import ValidationError, schemas
        t = {"code": "YT"}
        for _ in range(15_000):
            t = {"name": {"fr": "r"}, "members": [t]}
        try:
            schemas.validate(t, "territory")
        except ValidationError as error:
            print(sorted({(p.path, p.code) for p in error.problems}))
        """
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == str([(DEPTH_PATH, "depth")])


def test_a_territory_300_deep_with_a_bad_code_is_refused_with_depth_alone() -> None:
    # Defect 2: RecursionError, or "ValueError: Recursion limit reached".
    territory = _nested_territory(300, leaf={"code": "yt"})
    assert _found(territory, "territory") == {(DEPTH_PATH, "depth")}


def test_nesting_up_to_the_limit_is_validated_in_full() -> None:
    # 31 regions: the innermost territory is at depth 63, its name at 64.
    schemas.validate(_nested_territory(MAX_DEPTH // 2 - 1), "territory")
    bad = _nested_territory(MAX_DEPTH // 2 - 1, leaf={"code": "yt"})
    inner = "$" + ".members[0]" * (MAX_DEPTH // 2 - 1)
    assert _found(bad, "territory") == {(f"{inner}.code", "territory_code")}


class _Str(str):
    pass


class _Int(int):
    pass


_ORGANISATION = {"id": "o", "name": {"fr": "Org"}, "kind": "network"}


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("territory", {1: "x"}, {("$", "type")}),
        ("territory", {"code": "YT", None: "x"}, {("$", "type")}),
        ("territory", {"code": {"YT"}}, {("$.code", "type")}),
        ("territory", {"code": frozenset()}, {("$.code", "type")}),
        ("territory", {"code": b"YT"}, {("$.code", "type")}),
        ("territory", {"code": _Str("YT")}, {("$.code", "type")}),
        ("territory", {"code": datetime(2021, 10, 8, tzinfo=UTC)}, {("$.code", "type")}),
        ("territory", {"code": float("nan")}, {("$.code", "type")}),
        ("territory", OrderedDict(code="YT"), {("$", "type")}),
        ("territory", ({"code": "YT"},), {("$", "type")}),
        ("territory", {"name": {"fr": "r"}, "members": ({"code": "YT"},)}, {("$.members", "type")}),
        ("territory", {"name": {"fr": "\ud800"}}, {("$.name.fr", "unicode")}),
        ("territory", {"code": "YT", "\udc80x": 1}, {("$['\\udc80x']", "unicode")}),
        (
            "organisation",
            {**_ORGANISATION, "figures": [{"measure": "members", "count": _Int(3)}]},
            {("$.figures[0].count", "type")},
        ),
        (
            "organisation",
            {**_ORGANISATION, "figures": [{"measure": "members", "count": -float("inf")}]},
            {("$.figures[0].count", "type")},
        ),
    ],
    ids=[
        "int-key",
        "none-key",
        "set",
        "frozenset",
        "bytes",
        "str-subclass",
        "datetime",
        "nan",
        "dict-subclass",
        "tuple-root",
        "tuple",
        "surrogate",
        "surrogate-key",
        "int-subclass",
        "infinity",
    ],
)
def test_non_json_python_data_is_refused_before_any_schema(
    name: str, data: Any, expected: set[tuple[str, str]]
) -> None:
    # Defect 5: ValueError from jsonschema-rs; a tuple passed as an array.
    assert _found(data, name) == expected


def test_non_json_data_is_reported_alone_not_with_schema_problems() -> None:
    data = {"code": "not a code", "name": {"fr": "r"}, "members": ({"code": "YT"},)}
    assert _found(data, "territory") == {("$.members", "type")}


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=10,
)
_ANY_VALUES = st.recursive(
    _JSON_VALUES
    | st.floats()
    | st.binary(max_size=3)
    | st.sampled_from([set(), (), _Str("YT"), _Int(1), "\ud800", datetime(2021, 1, 1), 10**400]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.tuples(inner)
        | st.dictionaries(st.text() | st.integers() | st.none(), inner, max_size=3)
    ),
    max_leaves=10,
)


@pytest.mark.parametrize("name", ["territory", "session", "programme"])
@given(data=_ANY_VALUES)
def test_validate_raises_nothing_but_validation_error(name: str, data: Any) -> None:
    _found(data, name)  # any other exception fails the test


def test_every_problem_of_non_json_data_is_found_in_one_walk() -> None:
    data = {"a": [1, (2,), {3}], "b": {"c": b"x", 4: "y"}, "d": float("nan")}
    assert _found(data, "territory") == {
        ("$.a[1]", "type"),
        ("$.a[2]", "type"),
        ("$.b.c", "type"),
        ("$.b", "type"),
        ("$.d", "type"),
    }


def test_a_50_mb_url_is_refused_quickly_with_url() -> None:
    # Defect 10: 45 s and 6.3 GB, in the URL regex. The length is checked first now.
    document = schemas.example_document()
    document["url"] = "https://www.gsef-net.org/" + "a" * 50_000_000
    started = time.perf_counter()
    with pytest.raises(ValidationError) as caught:
        schemas.validate(document)
    assert {(p.path, p.code) for p in caught.value.problems} == {("$.url", "url")}
    (problem,) = caught.value.problems
    assert len(problem.message) < 400
    assert time.perf_counter() - started < 3


def test_the_uri_format_check_is_bounded() -> None:
    checker = schemas.validator("defs").format_checker
    assert checker is not None
    long = "https://a.org/" + "a" * (_formats.MAX_URL_LENGTH - 14)
    assert checker.conforms(long, "uri")
    huge = long + "a" * 10_000_000
    started = time.perf_counter()
    assert not checker.conforms(huge, "uri")
    assert time.perf_counter() - started < 0.5  # the expression never reads it
    assert schemas.load("defs")["$defs"]["url"]["maxLength"] == _formats.MAX_URL_LENGTH


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("territory", {"code": "YT\n"}, ("$.code", "territory_code")),
        ("territory", {"name": {"fr\n": "x"}}, ("$.name['fr\\x0a']", "language_tag")),
        ("speaker", {"id": "kevin\n", "name": "Kevin"}, ("$.id", "id")),
        ("speaker", {"id": "k", "name": "K", "photo": "https://a.org/\n"}, ("$.photo", "url")),
    ],
    ids=["code", "language-key", "id", "url"],
)
def test_a_final_dollar_does_not_match_before_a_trailing_newline(
    name: str, data: dict[str, Any], expected: tuple[str, str]
) -> None:
    # Defect 7, schema side: ECMA-262's `$`, as Ajv and jsonschema-rs read it.
    assert expected in _found(data, name)
    assert not schemas.validator(name).is_valid(data)  # jsonschema itself, not only -rs


def test_duplicates_are_located_at_each_later_item_as_the_model_does() -> None:
    # Defects 11 and 19: the schema located them at the array.
    document = schemas.example_document()
    lead = document["initiatives"][0]["lead"][0]
    document["initiatives"][0]["lead"] = [lead, "eser", lead, lead]
    document["initiatives"][0]["sdgs"] = [8, 8.0]  # the same number in JSON
    document["sessions"][0]["locations"] = ["salle-1", "salle-1"]
    assert _found(document) == {
        ("$.initiatives[0].lead[2]", "duplicate"),
        ("$.initiatives[0].lead[3]", "duplicate"),
        ("$.initiatives[0].sdgs[1]", "duplicate"),
        ("$.sessions[0].locations[1]", "duplicate"),
    }


def test_a_territory_without_code_or_name_is_required_at_itself() -> None:
    assert _found({}, "territory") == {("$", "required")}
    nested = {"name": {"fr": "r"}, "members": [{"code": "YT"}, {"members": []}]}
    assert _found(nested, "territory") == {("$.members[1]", "required")}
    with pytest.raises(ValidationError) as caught:
        schemas.validate({}, "territory")
    assert (
        caught.value.problems[0].message == "A territory has a code, a locode or a name (not null)."
    )


def test_problems_are_sorted_by_path_steps_then_code() -> None:
    document = schemas.example_document()
    sessions = [copy.deepcopy(document["sessions"][0]) for _ in range(11)]
    for index, session in enumerate(sessions):
        session["id"] = f"s{index}"
    sessions[10]["format"] = "atelier"
    sessions[2]["format"] = "atelier"
    sessions[2]["end"] = "2021-10-08T12:30:00"
    document["sessions"] = sessions
    with pytest.raises(ValidationError) as caught:
        schemas.validate(document)
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("$.sessions[2].end", "naive_datetime"),
        ("$.sessions[2].format", "enum"),
        ("$.sessions[10].format", "enum"),
    ]


_FORMAT_CASES = [
    ("start", "0000-01-01T00:00:00Z", set()),  # an RFC 3339 year; the model says instant_range
    ("start", "0000-02-29T00:00:00Z", set()),
    ("start", "1900-02-29T11:00:00Z", {("$.sessions[0].start", "instant")}),
    ("start", "2021-10-08t11:00:00z", set()),
    ("start", "2021-10-08T11:00:00Z\n", {("$.sessions[0].start", "instant")}),
    ("date", "0000-01-01", set()),
    ("date", "2021-02-29", {("$.start_date", "date"), ("$.end_date", "date")}),
    ("date", "2020-02-29", set()),
]


@pytest.mark.parametrize(("field", "value", "expected"), _FORMAT_CASES)
def test_formats_give_one_verdict_with_or_without_jsonschema_rs(
    field: str, value: str, expected: set[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    document = schemas.example_document()
    if field == "date":
        document["start_date"] = document["end_date"] = value
    else:
        document["sessions"][0]["start"] = value
        document["sessions"][0]["end"] = "2021-10-08T12:30:00Z"
    assert _found(document) == expected
    monkeypatch.setattr(schemas, "_fast_registry", lambda: None)
    assert _found(document) == expected


def test_an_unknown_reference_is_refused_without_any_network_access(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_network(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("essprogramme tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    remote = {"$ref": "https://json-schema.org/draft/2020-12/links"}
    checker = schemas._Validator(remote, registry=schemas._registry())
    with pytest.raises(referencing.exceptions.Unresolvable):
        checker.is_valid({})
    _found(schemas.example_document())  # our own references resolve offline


@pytest.mark.parametrize("fast", [True, False], ids=["jsonschema-rs", "jsonschema"])
def test_a_final_dollar_is_ecma_in_every_file_a_reference_leads_to(
    fast: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Followed into another file (or to "#"), jsonschema would pick the plain
    # Draft 2020-12 class by the file's $schema, and Python's meaning of `$`.
    if not fast:
        monkeypatch.setattr(schemas, "_fast_registry", lambda: None)
    document = schemas.example_document()
    document["organisations"][1]["id"] += "\n"
    document["sessions"][0]["participants"][0]["speaker"] += "\n"
    region = {
        "name": {"fr": "r"},
        "members": [{"name": {"fr": "s"}, "members": [{"code": "YT\n"}]}],
    }
    document["organisations"][0]["territory"] = region
    assert _found(document) == {
        ("$.organisations[0].territory.members[0].members[0].code", "territory_code"),
        ("$.organisations[1].id", "id"),
        ("$.sessions[0].participants[0].speaker", "id"),
    }


def test_integers_too_long_to_print_are_judged_and_named_by_their_size() -> None:
    # Python refuses to print an integer of over 4300 digits, and jsonschema
    # prints every value it refuses, even inside a rule's `not` or `if`.
    document = schemas.example_document()
    document["initiatives"][0]["sdgs"] = [10**5000, 10**5000 + 1, 10**5000]
    document["sessions"][0]["registration"] = {"full": True, "places_left": -(10**6000)}
    document["sessions"][0]["participants"][0]["organisation"] = 10**5000
    with pytest.raises(ValidationError) as caught:
        schemas.validate(document)
    found = {(p.path, p.code) for p in caught.value.problems}
    assert found == {
        ("$.initiatives[0].sdgs[0]", "range"),
        ("$.initiatives[0].sdgs[1]", "range"),
        ("$.initiatives[0].sdgs[2]", "range"),
        ("$.initiatives[0].sdgs[2]", "duplicate"),
        ("$.sessions[0].participants[0].organisation", "type"),
        ("$.sessions[0].participants[0].speaker", "exactly_one"),
        ("$.sessions[0].registration.places_left", "range"),
    }
    assert all(len(p.message) < 400 for p in caught.value.problems)
    assert "an integer of about 5001 digits" in str(caught.value)


def test_without_jsonschema_rs_the_same_problems_are_found() -> None:
    # A platform where jsonschema-rs cannot be imported: jsonschema alone decides.
    script = (
        "import sys\n"
        "sys.modules['jsonschema_rs'] = None  # import fails as where no wheel exists\n"
        "from essprogramme import schemas\n"
        "assert schemas._fast('programme') is None\n"
        "document = schemas.example_document()\n"
        "schemas.validate(document)\n"
        "document['sessions'][0]['start'] = '2021-10-08T11:00:00'\n"
        "document['speakers'][1]['time_zone'] = 3\n"
        "try:\n"
        "    schemas.validate(document)\n"
        "except Exception as error:\n"
        "    print(sorted((p.path, p.code) for p in error.problems))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    document = schemas.example_document()
    document["sessions"][0]["start"] = "2021-10-08T11:00:00"
    document["speakers"][1]["time_zone"] = 3
    with pytest.raises(ValidationError) as error:
        schemas.validate(document)
    assert result.stdout.strip() == str(sorted((p.path, p.code) for p in error.value.problems))
