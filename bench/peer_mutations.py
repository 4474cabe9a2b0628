"""Do the peers check what essprogramme checks? Mutations of the benchmark document.

Run: ``python bench/peer_mutations.py`` (a table; exit status 1 on any failure).

Each mutation breaks one rule of the model in ``generate.py``'s document (a
small one: same shape, every v2 field present). For each:

- essprogramme must refuse it with the problem code the mutation names (so
  the mutation breaks what it says it breaks);
- every peer must refuse it too, at the place essprogramme names, at an
  object holding it, or inside it (so a peer does not pass by refusing
  something else elsewhere).

Besides, every peer must: have the fields of the model, class by class;
accept the document and each valid variant (a peer stricter than the model
would not be doing the same work either); give back, re-encoded, a document
essprogramme reads as the same programme; and read the benchmark document
without its slow duplicate-key path. ``bench_codec.py`` prints no ratio
unless :func:`failures` is empty.
"""

from __future__ import annotations

import copy
import re
import sys
import typing
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import attrs
import msgspec
import orjson
import pydantic

sys.path.insert(0, str(Path(__file__).parent))

import essprogramme
import essprogramme.model
import peers
from essprogramme import LocalizedText, PartialDate
from essprogramme.model import _checks
from generate import document

Doc = dict[str, Any]
Change = Callable[[Doc], bytes | None]


@dataclass(frozen=True)
class Mutation:
    """A change to the document that breaks one rule: essprogramme reports ``code``."""

    name: str
    code: str
    change: Change


def base_document() -> Doc:
    """The small document the mutations change: every v2 field, a few bulk items."""
    return document(40, 20, organisations=10, initiatives=10)


# Finding items of the document -------------------------------------------------


def _item(doc: Doc, collection: str, id: str) -> Doc:
    item: Doc = next(x for x in doc[collection] if x["id"] == id)
    return item


def session(doc: Doc, id: str = "ses-0") -> Doc:
    return _item(doc, "sessions", id)


def speaker(doc: Doc, id: str = "v2-speaker") -> Doc:
    return _item(doc, "speakers", id)


def organisation(doc: Doc, id: str = "v2-org") -> Doc:
    return _item(doc, "organisations", id)


def initiative(doc: Doc, id: str = "v2-initiative") -> Doc:
    return _item(doc, "initiatives", id)


def location(doc: Doc, id: str = "venue") -> Doc:
    return _item(doc, "locations", id)


def registration(doc: Doc) -> Doc:
    reg: Doc = session(doc, "v2-plenary")["registration"]
    return reg


def raw(doc: Doc, old: bytes, new: bytes) -> bytes:
    """The document's text with ``old`` written ``new``, once."""
    text = orjson.dumps(doc)
    if text.count(old) < 1:
        raise AssertionError(f"{old!r} is not in the document")
    return text.replace(old, new, 1)


def _set(get: Callable[[Doc], Doc], key: str, value: Any) -> Change:
    def change(doc: Doc) -> None:
        get(doc)[key] = value

    return change


def _del(get: Callable[[Doc], Doc], *keys: str, **values: Any) -> Change:
    def change(doc: Doc) -> None:
        target = get(doc)
        for key in keys:
            del target[key]
        target.update(values)

    return change


def _do(fn: Callable[[Doc], Any]) -> Change:
    def change(doc: Doc) -> None:
        fn(doc)

    return change


S = session
PLENARY = lambda d: session(d, "v2-plenary")  # noqa: E731
EXHIBITION = lambda d: session(d, "v2-exhibition")  # noqa: E731
SCREENING = lambda d: session(d, "v2-screening")  # noqa: E731
BREAK = lambda d: session(d, "v2-break")  # noqa: E731
SP = speaker
ORG = organisation
INI = initiative
FIGURES = lambda d: organisation(d)["figures"]  # noqa: E731
PRICES = lambda d: registration(d)["prices"]  # noqa: E731


MUTATIONS: tuple[Mutation, ...] = (
    # Keys and JSON types ----------------------------------------------------
    Mutation(
        "unknown key in a session", "unknown_key", _do(lambda d: S(d).update(titel={"fr": "x"}))
    ),
    Mutation(
        "unknown key at the root (v1 'organiser')",
        "unknown_key",
        _set(lambda d: d, "organiser", "v2-org"),
    ),
    Mutation("a text given as a string", "type", _set(S, "title", "Plénière")),
    Mutation("an integer as a string", "type", _set(registration, "capacity", "40")),
    Mutation("a boolean as 1", "type", _set(lambda d: location(d, "stream"), "parallel", 1)),
    Mutation("an integer written 59.0", "type", _do(lambda d: FIGURES(d)[0].update(count=59.0))),
    Mutation("null for a required text", "type", _set(S, "title", None)),
    Mutation("null for a list", "type", _set(S, "languages", None)),
    Mutation("a number for a name", "type", _set(SP, "name", 42)),
    Mutation("a boolean for an integer", "type", _set(registration, "capacity", True)),
    Mutation(
        "a boolean for a number",
        "type",
        _do(lambda d: location(d)["coordinates"].update(longitude=False)),
    ),
    Mutation("a string for a boolean", "type", _set(registration, "full", "false")),
    Mutation("a list for an object", "type", _set(PLENARY, "recording", [True])),
    # Patterns ---------------------------------------------------------------
    Mutation("an id with a space", "id", _set(S, "id", "ses 0")),
    Mutation("an id with a final newline", "id", _set(S, "id", "ses-0\n")),
    Mutation("a text keyed 'french'", "language_tag", _set(S, "title", {"french": "Titre"})),
    Mutation("'english' in languages", "language_tag", _set(S, "languages", ["english"])),
    Mutation(
        "a link's language 'fr_FR'",
        "language_tag",
        _do(lambda d: PLENARY(d)["links"][1].update(language="fr_FR")),
    ),
    Mutation("a zone tzdata does not list", "time_zone", _set(SP, "time_zone", "localtime")),
    Mutation(
        "a misspelt zone of a place", "time_zone", _set(location, "time_zone", "Europe/Pariss")
    ),
    Mutation(
        "a programme zone with a space",
        "time_zone",
        _set(lambda d: d, "time_zone", "Europe/Paris "),
    ),
    Mutation("a URL without its scheme", "url", _set(PLENARY, "url", "www.gsef-net.org/pleniere")),
    Mutation(
        "a URL that is not RFC 3986", "url", _set(PLENARY, "url", "https://www.gsef-net.org/%zz")
    ),
    Mutation(
        "a photo URL with a space", "url", _set(SP, "photo", "https://www.gsef-net.org/a b.jpg")
    ),
    Mutation("a country in lower case", "country_code", _set(SP, "country", "fr")),
    Mutation(
        "a territory code too long",
        "territory_code",
        _do(lambda d: ORG(d, "v2-region")["territory"]["members"][1].update(code="FR-9766")),
    ),
    Mutation(
        "a UN/LOCODE in lower case",
        "locode",
        _do(lambda d: ORG(d, "v2-member")["territory"].update(locode="FRbod")),
    ),
    Mutation(
        "a currency in lower case", "currency", _do(lambda d: PRICES(d)[0].update(currency="eur"))
    ),
    Mutation(
        "an e-mail without @", "email", _set(registration, "email", "inscriptions.gsef-net.org")
    ),
    Mutation("a colour of 5 digits", "color", _do(lambda d: d["tracks"][0].update(color="#1F77B"))),
    Mutation(
        "an inferred field in capitals",
        "field",
        _do(lambda d: S(d, "v2-plenary")["inferred"][0].update(field="Description")),
    ),
    Mutation("an amount as a number", "type", _do(lambda d: PRICES(d)[0].update(amount=12.5))),
    Mutation(
        "an amount with 5 decimals",
        "decimal",
        _do(lambda d: PRICES(d)[0].update(amount="12.50001")),
    ),
    # Texts ------------------------------------------------------------------
    Mutation("a blank text", "empty", _set(S, "title", {"fr": "   "})),
    Mutation("a text of Unicode spaces", "empty", _set(S, "title", {"fr": "\u2003\u00a0\x1c"})),
    Mutation("a text in no language", "empty", _set(S, "description", {})),
    Mutation(
        "one language twice (fr, FR)",
        "duplicate_language",
        _set(S, "title", {"fr": "a", "FR": "b"}),
    ),
    Mutation("a blank name", "empty", _set(SP, "name", " \t")),
    Mutation("a blank tag", "empty", _set(S, "tags", ["ess", "\u3000"])),
    Mutation(
        "a blank licence", "empty", _do(lambda d: PLENARY(d)["recording"].update(licence=" "))
    ),
    Mutation(
        "a blank postal code", "empty", _do(lambda d: location(d)["address"].update(postal_code=""))
    ),
    Mutation(
        "a lone surrogate in a text",
        "unicode",
        lambda d: raw(d, "Pause café".encode(), b"Pause \\ud800"),
    ),
    # Vocabularies -----------------------------------------------------------
    Mutation("format 'brainstorm'", "enum", _set(S, "format", "brainstorm")),
    Mutation(
        "participant role 'chair'",
        "enum",
        _do(lambda d: S(d)["participants"][0].update(role="chair")),
    ),
    Mutation("status 'canceled'", "enum", _set(PLENARY, "status", "canceled")),
    Mutation("theme 'ecology'", "enum", _set(INI, "themes", ["intercooperation", "ecology"])),
    Mutation("format in capitals", "enum", _set(S, "format", "WORKSHOP")),
    # Distinct items ---------------------------------------------------------
    Mutation("languages fr and FR", "duplicate", _set(S, "languages", ["fr", "FR"])),
    Mutation("a location twice", "duplicate", _set(S, "locations", ["room-0", "room-0"])),
    Mutation("a tag twice", "duplicate", _set(S, "tags", ["ess", "ess"])),
    Mutation("an SDG twice", "duplicate", _set(INI, "sdgs", [8, 8])),
    Mutation(
        "an extra day twice",
        "duplicate",
        _set(lambda d: d, "extra_days", ["2026-09-30", "2026-09-30"]),
    ),
    Mutation(
        "an accessibility feature twice",
        "duplicate",
        _set(PLENARY, "accessibility", ["captions", "captions"]),
    ),
    Mutation("a lead twice", "duplicate", _set(INI, "lead", ["v2-org", "v2-org"])),
    # Numbers ----------------------------------------------------------------
    Mutation("SDG 18", "range", _set(INI, "sdgs", [8, 18])),
    Mutation("latitude 91", "range", _do(lambda d: location(d)["coordinates"].update(latitude=91))),
    Mutation("capacity 0", "range", _set(registration, "capacity", 0)),
    Mutation("capacity 2**53", "range", _set(registration, "capacity", 2**53)),
    Mutation("a count of -1", "range", _do(lambda d: FIGURES(d)[0].update(count=-1))),
    Mutation("NaN latitude", "json", lambda d: raw(d, b'"latitude":44.8886', b'"latitude":NaN')),
    # Dates and partial dates ------------------------------------------------
    Mutation("partial date month 13", "partial_date", _set(INI, "start", "2020-13")),
    Mutation("partial date 2021-02-29", "partial_date", _set(INI, "status_as_of", "2021-02-29")),
    Mutation("partial date year 0000", "partial_date", _set(ORG, "founded", "0000")),
    Mutation(
        "partial date 2020-4",
        "partial_date",
        _do(lambda d: SP(d)["affiliations"][0].update(start="2020-4")),
    ),
    Mutation("a date 2026-10-1", "date", _set(lambda d: d, "start_date", "2026-10-1")),
    Mutation("a date 2026-02-30", "date", _set(EXHIBITION, "end_date", "2026-02-30")),
    Mutation("a date with a time", "date", _set(SCREENING, "start_date", "2026-10-03T00:00:00")),
    # Instants ---------------------------------------------------------------
    Mutation(
        "an instant without offset", "naive_datetime", _set(S, "start", "2026-10-01T08:00:00")
    ),
    Mutation("an instant with a space for T", "instant", _set(S, "start", "2026-10-01 08:00:00Z")),
    Mutation(
        "an instant with 7 decimals", "instant", _set(S, "start", "2026-10-01T08:00:00.1234567Z")
    ),
    Mutation("an offset without colon", "instant", _set(S, "start", "2026-10-01T08:00:00+0100")),
    Mutation("an instant without seconds", "instant", _set(S, "start", "2026-10-01T08:00Z")),
    Mutation("an instant as a number", "type", _set(S, "start", 1790000000)),
    Mutation(
        "an instant before 0001-01-02 UTC",
        "instant_range",
        _set(PLENARY, "previous_starts", ["0001-01-01T23:00:00+01:00"]),
    ),
    Mutation(
        "an instant after 9999-12-30 UTC",
        "instant_range",
        _set(PLENARY, "previous_starts", ["9999-12-31T00:00:00Z"]),
    ),
    Mutation(
        "a leap second", "instant", _set(PLENARY, "previous_starts", ["2016-12-31T23:59:60Z"])
    ),
    Mutation(
        "30 February",
        "instant",
        _do(lambda d: registration(d).update(deadline="2026-02-30T10:00:00Z")),
    ),
    # Time shapes and other class rules --------------------------------------
    Mutation("end at start", "end_before_start", _do(lambda d: S(d).update(end=S(d)["start"]))),
    Mutation("an end without start", "required", _del(BREAK, "start")),
    Mutation("a start and a date", "time_shape", _set(EXHIBITION, "start", "2026-10-01T08:00:00Z")),
    Mutation(
        "end_date before start_date", "end_before_start", _set(EXHIBITION, "end_date", "2026-09-29")
    ),
    Mutation(
        "an end_date without start_date",
        "required",
        _del(SCREENING, "start_date", end_date="2026-10-03"),
    ),
    Mutation(
        "interpretation into a floor language",
        "interpretation",
        _set(S, "interpretation", ["es", "FR"]),
    ),
    Mutation(
        "a break with a participant",
        "pause_participants",
        _set(BREAK, "participants", [{"role": "mc", "speaker": "v2-speaker"}]),
    ),
    Mutation("a session part of itself", "self_reference", _set(PLENARY, "parent", "v2-plenary")),
    Mutation(
        "availability ending at its start",
        "end_before_start",
        _do(lambda d: SP(d)["availability"][0].update(end="2026-10-02T06:00:00Z")),
    ),
    Mutation(
        "overlapping availability",
        "overlapping_availability",
        _do(lambda d: SP(d)["availability"][1].update(end="2026-10-02T07:00:00Z")),
    ),
    Mutation(
        "a participant speaker and organisation",
        "exactly_one",
        _do(lambda d: S(d)["participants"][0].update(organisation="v2-org")),
    ),
    Mutation(
        "a participant nobody", "exactly_one", _del(lambda d: S(d)["participants"][0], "speaker")
    ),
    Mutation("a speaker without name or office", "required", _del(SP, "name")),
    Mutation(
        "a source without url or citation",
        "required",
        _do(lambda d: PLENARY(d)["sources"].append({"retrieved": "2026-09-01"})),
    ),
    Mutation("a territory of nothing", "required", _set(ORG, "territory", {})),
    Mutation(
        "a code within a territory",
        "territory_within",
        _do(lambda d: ORG(d, "v2-region")["territory"]["members"][0].update(within="FR")),
    ),
    Mutation(
        "part_of an unknown figure",
        "unknown_reference",
        _do(lambda d: FIGURES(d)[1].update(part_of="visitors")),
    ),
    Mutation(
        "a part larger than its whole", "range", _do(lambda d: FIGURES(d)[1].update(count=60))
    ),
    Mutation(
        "a figure part of itself",
        "unknown_reference",
        _do(lambda d: FIGURES(d)[1].update(part_of="actors")),
    ),
    Mutation(
        "a free price with an amount",
        "price",
        _do(lambda d: PRICES(d)[2].update(amount="0", currency="EUR")),
    ),
    Mutation("a fixed price without amount", "required", _do(lambda d: PRICES(d)[0].pop("amount"))),
    Mutation("an amount without currency", "required", _do(lambda d: PRICES(d)[1].pop("currency"))),
    Mutation("more places left than capacity", "range", _set(registration, "places_left", 41)),
    Mutation("full with places left", "places", _set(registration, "full", True)),
    Mutation(
        "inferred: an unknown field",
        "unknown_field",
        _do(lambda d: SP(d)["inferred"][0].update(field="colour")),
    ),
    Mutation(
        "inferred: a provenance field",
        "unknown_field",
        _do(lambda d: ORG(d)["inferred"][0].update(field="sources")),
    ),
    Mutation(
        "inferred: a field twice",
        "duplicate",
        _do(lambda d: INI(d)["inferred"].append({"field": "description"})),
    ),
    Mutation(
        "an affiliation ending before it starts",
        "end_before_start",
        _do(lambda d: SP(d)["affiliations"][0].update(end="2019-03-31")),
    ),
    Mutation(
        "a membership ending before it starts",
        "end_before_start",
        _do(lambda d: ORG(d)["member_of"][0].update(end="2017")),
    ),
    Mutation(
        "an initiative ending before it starts", "end_before_start", _set(INI, "end", "2019-12")
    ),
    Mutation(
        "an initiative related to itself", "self_reference", _set(INI, "related", ["v2-initiative"])
    ),
    Mutation(
        "a place inside itself",
        "self_reference",
        _set(lambda d: location(d, "garden"), "parent", "garden"),
    ),
    # Programme rules --------------------------------------------------------
    Mutation(
        "a programme ending before it starts",
        "end_before_start",
        _set(lambda d: d, "end_date", "2026-09-30"),
    ),
    Mutation(
        "two sessions with one id", "duplicate_id", _set(lambda d: S(d, "ses-1"), "id", "ses-0")
    ),
    Mutation(
        "two speakers with one id", "duplicate_id", _set(lambda d: d["speakers"][1], "id", "spk-0")
    ),
    Mutation(
        "two places with one id",
        "duplicate_id",
        _set(lambda d: location(d, "room-19"), "id", "room-18"),
    ),
    Mutation(
        "a participant no one knows",
        "unknown_reference",
        _do(lambda d: S(d)["participants"][0].update(speaker="spk-nobody")),
    ),
    Mutation(
        "an affiliation to no organisation",
        "unknown_reference",
        _do(lambda d: SP(d)["affiliations"][1].update(organisation="v2-nowhere")),
    ),
    Mutation(
        "a room in no venue",
        "unknown_reference",
        _set(lambda d: location(d, "room-3"), "parent", "venue-2"),
    ),
    Mutation("a session in no track", "unknown_reference", _set(PLENARY, "track", "track-9")),
    Mutation(
        "a contribution from no initiative",
        "unknown_reference",
        _do(lambda d: PLENARY(d)["participants"][1].update(initiatives=["v2-nothing"])),
    ),
    Mutation("related to no initiative", "unknown_reference", _set(INI, "related", ["v2-nothing"])),
    Mutation(
        "an organiser no one knows",
        "unknown_reference",
        _do(lambda d: d["organisers"][1].update(organisation="v2-nobody")),
    ),
    Mutation(
        "a member of no organisation",
        "unknown_reference",
        _do(lambda d: ORG(d)["member_of"][0].update(organisation="v2-gone")),
    ),
    Mutation("sessions parts of each other", "cycle", _set(PLENARY, "parent", "v2-plenary-part-2")),
    Mutation("places inside each other", "cycle", _set(location, "parent", "stage")),
    Mutation(
        "a session days after the programme",
        "outside_programme",
        _do(lambda d: S(d).update(start="2026-10-10T08:00:00Z", end="2026-10-10T09:30:00Z")),
    ),
    Mutation(
        "a session after midnight in Paris (Oct 6 in UTC)",
        "outside_programme",
        _do(lambda d: S(d).update(start="2026-10-06T22:30:00Z", end="2026-10-06T23:00:00Z")),
    ),
    Mutation(
        "a start-only session before the programme",
        "outside_programme",
        _set(lambda d: S(d, "v2-tour"), "start", "2026-09-29T12:00:00+02:00"),
    ),
    Mutation(
        "a session on Sep 29 in Bamako (Sep 30, an extra day, in Paris)",
        "outside_programme",
        _del(SCREENING, "start_date", start="2026-09-29T23:30:00Z"),
    ),
    Mutation(
        "a date outside the programme",
        "outside_programme",
        _set(SCREENING, "start_date", "2026-09-29"),
    ),
    Mutation(
        "a date range reaching past the end",
        "outside_programme",
        _set(EXHIBITION, "end_date", "2026-10-07"),
    ),
    # The JSON text itself ---------------------------------------------------
    Mutation(
        "a key twice, same value",
        "duplicate_key",
        lambda d: raw(d, b'"id":"ses-0",', b'"id":"ses-0","id":"ses-0",'),
    ),
    Mutation(
        "a language twice in one text",
        "duplicate_key",
        lambda d: raw(d, b'"title":{"fr":"Pause caf', b'"title":{"fr":"x","fr":"Pause caf'),
    ),
    Mutation(
        "a key twice, the last valid",
        "duplicate_key",
        lambda d: raw(d, b'"format":"break"', b'"format":"brainstorm","format":"break"'),
    ),
)


def _kind(field: attrs.Attribute[Any]) -> str | None:
    """Which hand-written check of the peers a field's values go through, if any."""
    t = field.type
    t = _checks.optional_inner(t) or t
    many = typing.get_origin(t) in (tuple, frozenset)
    item = typing.get_args(t)[0] if many else t
    if field.metadata.get("distinct") or typing.get_origin(t) is frozenset:
        return "distinct"
    if field.metadata.get("format") == "url":
        return "url"
    kinds = {LocalizedText: "text", PartialDate: "partial date", datetime: "instant"}
    kind = kinds.get(item)
    return None if kind is None else kind + (" (in a list)" if many else "")


_BROKEN: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "distinct": ("duplicate", lambda items: [*items, items[0]]),
    "url": ("url", lambda _: "https://www.gsef-net.org/%zz"),
    "text": ("duplicate_language", lambda _: {"fr": "a", "FR": "b"}),
    "partial date": ("partial_date", lambda _: "2021-02-30"),
    "instant": ("instant", lambda _: "2026-02-30T10:00:00Z"),
}


def _set_at(location: tuple[str | int, ...], broken: Callable[[Any], Any]) -> Change:
    def change(doc: Doc) -> None:
        holder: Any = doc
        for step in location[:-1]:
            holder = holder[step]
        holder[location[-1]] = broken(holder[location[-1]])

    return change


def field_mutations(doc: Doc) -> tuple[Mutation, ...]:
    """For each class and field whose values a peer checks by hand, one value broken.

    The first value the document holds there: a text in one language twice,
    an item repeated, a URL that is not RFC 3986, 30 February as a partial
    date or an instant. A check forgotten in one class of one peer shows.
    """
    found: dict[tuple[str, str], tuple[str, tuple[str | int, ...]]] = {}

    def walk(obj: Any, at: tuple[str | int, ...]) -> None:
        for field in attrs.fields(type(obj)):
            value = getattr(obj, field.name) if field.init else None
            if value is None or value == () or value == frozenset():
                continue
            here = (*at, field.name)
            kind = _kind(field)
            if kind is not None:
                place = (*here, 0) if kind.endswith("(in a list)") else here
                found.setdefault((type(obj).__name__, field.name), (kind, place))
            if isinstance(value, tuple):
                for index, item in enumerate(value):
                    if attrs.has(type(item)):
                        walk(item, (*here, index))
            elif attrs.has(type(value)) and not isinstance(value, PartialDate):
                walk(value, here)

    walk(essprogramme.from_dict(doc, essprogramme.Programme), ())
    mutations = []
    for (cls, name), (kind, place) in sorted(found.items()):
        code, broken = _BROKEN[kind.removesuffix(" (in a list)")]
        mutations.append(Mutation(f"{kind}: {cls}.{name}", code, _set_at(place, broken)))
    return tuple(mutations)


#: Documents every library must accept: a peer stricter than the model does other work.
VALID_VARIANTS: tuple[tuple[str, Change], ...] = (
    (
        "explicit nulls and defaults",
        _do(lambda d: S(d).update(url=None, status="scheduled", links=[], parent=None)),
    ),
    (
        "offsets: +05:45, -00:00, z, microseconds",
        _do(
            lambda d: S(d).update(
                start="2026-10-02T13:45:00.123456+05:45", end="2026-10-02t09:00:00-00:00"
            )
        ),
    ),
    (
        "a session late on the last day in Bamako (Oct 7 in Paris)",
        _del(SCREENING, "start_date", start="2026-10-06T23:30:00Z"),
    ),
    (
        "a session ending at the programme's last midnight",
        _do(lambda d: S(d).update(start="2026-10-06T20:00:00Z", end="2026-10-06T22:00:00Z")),
    ),
    (
        "integer coordinates",
        _do(lambda d: location(d)["coordinates"].update(latitude=45, longitude=0)),
    ),
    (
        "colons in texts, one escaped",
        lambda d: raw(d, b'"Pause caf\xc3\xa9"', b'"Pause : caf\\u003a\xc3\xa9 10:30"'),
    ),
    (
        "a text in two languages, tags in capitals",
        _set(S, "title", {"FR": "Titre", "en-GB": "Title"}),
    ),
    ("Unicode in keys of a text (zh-Hant-TW)", _set(S, "description", {"zh-Hant-TW": "說明"})),
    ("whitespace around a name", _set(SP, "name", " Maud Caruhel ")),
    ("a year-only partial date", _set(INI, "status_as_of", "0001")),
)


# Running a decoder on a document --------------------------------------------------

Outcome = tuple[bool, list[tuple[str | int, ...]], str]  # refused?, places, message


def _pydantic_places(error: pydantic.ValidationError) -> list[tuple[str | int, ...]]:
    return [tuple(step for step in e["loc"] if step != "[key]") for e in error.errors()]


_MSGSPEC_AT = re.compile(r"at `(\$[^`]*)`")
_STEP = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[([0-9]+)\]")


def _msgspec_places(error: Exception) -> list[tuple[str | int, ...]]:
    """The path msgspec names (``$.sessions[0].title``), as far as it is spelled plainly."""
    found = _MSGSPEC_AT.search(str(error))
    if found is None:
        return [()]
    path, steps, at = found.group(1)[1:], [], 0
    while at < len(path):
        step = _STEP.match(path, at)
        if step is None:
            break  # a dict key ([...]): the holder is the place
        steps.append(step.group(1) if step.group(1) else int(step.group(2)))
        at = step.end()
    return [tuple(steps)]


def run(decode: Callable[[bytes], Any], text: bytes) -> Outcome:
    """Whether ``decode`` refused ``text``, where it says the problem is, and its message."""
    try:
        decode(text)
    except essprogramme.ValidationError as error:
        return True, [p.location for p in error.problems], str(error)
    except pydantic.ValidationError as error:
        return True, _pydantic_places(error), str(error).splitlines()[1].strip()
    except (msgspec.ValidationError, msgspec.DecodeError) as error:
        return True, _msgspec_places(error), str(error)
    except peers.DuplicateKey as error:
        return True, [()], str(error)
    return False, [], ""


PEERS: dict[str, Callable[[bytes], Any]] = {
    "pydantic": peers.pydantic_decode,
    "msgspec": peers.msgspec_decode,
}
ENCODERS: dict[str, tuple[Callable[[bytes], Any], Callable[[Any], bytes]]] = {
    "pydantic": (peers.pydantic_decode, peers.pydantic_encode),
    "msgspec": (peers.msgspec_decode, peers.msgspec_encode),
}


def _text(doc: Doc, change: Change) -> bytes:
    changed = copy.deepcopy(doc)
    text = change(changed)
    return text if text is not None else orjson.dumps(changed)


def _within(place: tuple[str | int, ...], ours: list[tuple[str | int, ...]]) -> bool:
    """Whether ``place`` holds one of ``ours``, or lies inside one (NaN: in the text, for us)."""
    return any(found[: len(place)] == place or place[: len(found)] == found for found in ours)


def field_mismatches() -> list[str]:
    """Each model class whose fields a peer class does not have exactly (by name, in order)."""
    problems = []
    model = {
        name: cls
        for name, cls in vars(essprogramme.model).items()
        if isinstance(cls, type) and attrs.has(cls) and issubclass(cls, _checks.Model)
    }
    model.pop("PartialDate")  # a string in JSON: a pattern in both peers
    paired = {name: (p, m) for name, p, m in peers.peer_classes()}
    for name in sorted(model.keys() | paired.keys()):
        if name not in model or name not in paired:
            problems.append(f"{name}: in {'the peers' if name in paired else 'the model'} only")
            continue
        fields = [f.name for f in attrs.fields(model[name]) if f.init]
        p, m = paired[name]
        for lib, names in (
            ("pydantic", list(p.model_fields)),
            ("msgspec", list(m.__struct_fields__)),
        ):
            if names != fields:
                problems.append(f"{lib} {name}: fields {names} != model {fields}")
    return problems


def all_mutations() -> tuple[Mutation, ...]:
    """The written mutations, then one per class and field checked by hand in a peer."""
    return MUTATIONS + field_mutations(base_document())


def failures(verbose: bool = False, bench_text: bytes | None = None) -> list[str]:
    """Everything that makes a peer do other work than essprogramme; empty when equal.

    ``bench_text`` (the benchmark's document) is read by each peer to check
    that its duplicate-key check takes the fast path there.
    """
    problems = field_mismatches()
    doc = base_document()
    base = orjson.dumps(doc)
    ours = essprogramme.from_json(base)
    for lib, (decode, encode) in ENCODERS.items():
        refused, _, message = run(decode, base)
        if refused:
            problems.append(f"{lib} refuses the base document: {message}")
            continue
        again = essprogramme.from_json(encode(decode(base)))
        if again != ours:
            problems.append(f"{lib} re-encodes the document as another programme")
    for name, change in VALID_VARIANTS:
        text = _text(doc, change)
        for lib, decode in {"essprogramme": essprogramme.from_json, **PEERS}.items():
            refused, _, message = run(decode, text)
            if refused:
                problems.append(f"valid variant {name!r}: {lib} refuses it: {message[:200]}")
    for mutation in all_mutations():
        text = _text(doc, mutation.change)
        refused, places, message = run(essprogramme.from_json, text)
        codes = message.split("[")[-1] if refused else ""
        if not refused:
            problems.append(f"mutation {mutation.name!r}: essprogramme accepts it")
            continue
        if f"[{mutation.code}]" not in message:
            problems.append(
                f"mutation {mutation.name!r}: essprogramme reports [{codes}, not {mutation.code}"
            )
        line = f"{mutation.name:64} {mutation.code:24}"
        for lib, decode in PEERS.items():
            refused, at, why = run(decode, text)
            if not refused:
                problems.append(f"mutation {mutation.name!r}: {lib} ACCEPTS it")
                line += f" {lib}: ACCEPTS"
            elif not any(_within(place, places) for place in at):
                problems.append(
                    f"mutation {mutation.name!r}: {lib} refuses it elsewhere ({at}; essprogramme: {places}): {why[:120]}"
                )
                line += f" {lib}: elsewhere"
            else:
                line += f" {lib}: refused"
        if verbose:
            print(line)
    if bench_text is not None:
        for lib, decode in PEERS.items():
            before = peers.SLOW_READS[0]
            decode(bench_text)
            if peers.SLOW_READS[0] != before:
                problems.append(f"{lib}: the duplicate-key check is slow on the benchmark document")
    return problems


def keeping_last_accepts() -> list[str]:
    """The mutations the peers accept without their duplicate-key check (as they ship)."""
    doc = base_document()
    accepted = []
    for mutation in all_mutations():
        text = _text(doc, mutation.change)
        for lib, decode in (
            ("pydantic", peers.pydantic_decode_keeping_last),
            ("msgspec", peers.msgspec_decode_keeping_last),
        ):
            if not run(decode, text)[0]:
                accepted.append(f"{lib}: {mutation.name}")
    return accepted


def main() -> None:
    print(
        f"{len(MUTATIONS)} written mutations, {len(all_mutations()) - len(MUTATIONS)} per "
        f"field checked by hand, {len(VALID_VARIANTS)} valid variants"
    )
    found = failures(verbose=True)
    print(f"\nwithout the duplicate-key check, the peers accept: {keeping_last_accepts()}")
    if found:
        print("\nFAILED:")
        for line in found:
            print(" ", line)
        raise SystemExit(1)
    print("\nevery peer refuses every mutation, where essprogramme does, and accepts every variant")


if __name__ == "__main__":
    main()
