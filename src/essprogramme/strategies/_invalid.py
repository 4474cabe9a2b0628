"""Programme documents broken on purpose: one table of mutations, one rule each.

Every rule the library checks on a JSON document has a row in
:data:`MUTATIONS`: what to change in a valid programme document, and the
problem code and location the change must cause. Most rows edit the
document as data; a few (duplicate keys, malformed JSON) only exist as JSON
text, and produce it. The same table feeds :func:`invalid_documents`, the
test that each row breaks exactly its rule, the test that the model and the
schema agree on every row, and the test that every documented code has a row.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import attrs
from hypothesis import strategies as st

from ..model._formats import MAX_DEPTH, MAX_URL_LENGTH, MAX_VALUES
from ._programmes import programmes

__all__ = ["MUTATIONS", "Mutation", "invalid_documents", "located", "locations"]

Location = tuple[str | int, ...]
Document = dict[str, Any]


@attrs.frozen
class Mutation:
    """One way to break one rule, and the problem it must cause.

    ``change`` edits a programme document in place; a ``text`` mutation
    returns the broken JSON text instead (the rule lives in the text only).
    ``also`` lists further locations of the same problem, where one change
    breaks the rule at several places (each session on a cycle of parents
    is inside itself). A ``data_only`` document exists as Python data only
    (one list shared many times over: its JSON text would be enormous).
    """

    name: str
    code: str
    location: Location
    change: Callable[[Document], Any] = attrs.field(repr=False)
    text: bool = False
    also: tuple[Location, ...] = ()
    data_only: bool = False

    def apply(self, document: Document) -> Any:
        """The broken document: ``document`` itself, edited, or JSON text."""
        result = self.change(document)
        return result if self.text else document


def _target(document: Any, path: Location) -> Any:
    for step in path:
        document = document[step]
    return document


def _set(name: str, code: str, where: Location, value: Any, at: Location | None = None) -> Mutation:
    """Set ``where`` to ``value``; the problem is ``code`` at ``at`` (default ``where``)."""

    def change(document: Document) -> None:
        _target(document, where[:-1])[where[-1]] = value

    return Mutation(name, code, where if at is None else at, change)


def _edit(
    name: str, code: str, at: Location, **options: Any
) -> Callable[[Callable[[Document], Any]], Mutation]:
    """Decorator: a mutation whose change is the decorated function."""

    def wrap(change: Callable[[Document], Any]) -> Mutation:
        return Mutation(name, code, at, change, **options)

    return wrap


# What the mutations start from --------------------------------------------------
#
# A mutation applies to the shipped example and to any generated programme
# with at least one session, speaker, organisation and initiative: it sets
# what it needs (a session with an exact time, a registration...) rather
# than assume it, and it breaks one rule alone, in the model and in the
# schema: a session given an exact start also loses its start date, lest
# the schema see a second shape where the model, stopped by the first
# problem, sees none.

_S0: Location = ("sessions", 0)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _first_day(document: Document) -> date:
    return date.fromisoformat(document["start_date"])


def _timed(document: Document, day: date | None = None) -> dict[str, Any]:
    """Give the first session an exact hour at noon on ``day`` (the programme's first day).

    Its places go (it is read in the programme's zone), as do its date fields.
    """
    session: dict[str, Any] = document["sessions"][0]
    for key in ("start", "end", "start_date", "end_date", "locations"):
        session.pop(key, None)
    zone = ZoneInfo(document["time_zone"])
    noon = datetime.combine(_first_day(document) if day is None else day, time(12), zone)
    session["start"] = _iso(noon)
    session["end"] = _iso(noon + timedelta(hours=1))
    return session


def _dated(document: Document, first: date, last: date | None = None) -> dict[str, Any]:
    """Give the first session a local date (and end date), and no exact time."""
    session: dict[str, Any] = document["sessions"][0]
    for key in ("start", "end", "start_date", "end_date"):
        session.pop(key, None)
    session["start_date"] = first.isoformat()
    if last is not None:
        session["end_date"] = last.isoformat()
    return session


def _on_timed(name: str, code: str, field: str, value: Any) -> Mutation:
    """Set ``field`` of a first session that has an exact time."""

    def change(document: Document) -> None:
        _timed(document)[field] = value

    return Mutation(name, code, (*_S0, field), change)


def _taking_part(document: Document, *participants: dict[str, Any]) -> None:
    """The first session, a workshop (not a break), with these participants."""
    session = document["sessions"][0]
    session["format"] = "workshop"
    session["participants"] = list(participants)


def _speaker(document: Document) -> str:
    speaker: str = document["speakers"][0]["id"]
    return speaker


def _organisation(document: Document) -> str:
    organisation: str = document["organisations"][0]["id"]
    return organisation


def _place(id: str, **fields: Any) -> dict[str, Any]:
    return {"id": id, "name": {"fr": "Salle"}, "kind": "room", **fields}


def _registration(name: str, code: str, registration: dict[str, Any], at: Location) -> Mutation:
    """Give the first session ``registration``; the problem is at ``at`` within it."""
    where = (*_S0, "registration")
    return _set(name, code, where, registration, (*where, *at))


def _price(name: str, code: str, price: dict[str, Any], at: str) -> Mutation:
    return _registration(name, code, {"prices": [price]}, ("prices", 0, at))


# Time -------------------------------------------------------------------------


@_edit("end_before_start-session", "end_before_start", (*_S0, "end"))
def _end_at_start(document: Document) -> None:
    session = _timed(document)
    session["end"] = session["start"]


@_edit("end_before_start-end_date", "end_before_start", (*_S0, "end_date"))
def _ends_the_day_before(document: Document) -> None:
    first = _first_day(document)
    _dated(document, first, first - timedelta(days=1))


@_edit("end_before_start-programme", "end_before_start", ("end_date",))
def _programme_ends_early(document: Document) -> None:
    document["start_date"], document["end_date"] = "2026-10-08", "2026-10-07"


@_edit(
    "end_before_start-affiliation", "end_before_start", ("speakers", 0, "affiliations", 0, "end")
)
def _affiliation_ends_early(document: Document) -> None:
    position = {"organisation": _organisation(document), "start": "2020-04", "end": "2019"}
    document["speakers"][0]["affiliations"] = [position]


@_edit("required-start", "required", (*_S0, "start"))
def _end_without_start(document: Document) -> None:
    del _timed(document)["start"]


@_edit("required-start_date", "required", (*_S0, "start_date"))
def _end_date_alone(document: Document) -> None:
    first = _first_day(document)
    del _dated(document, first, first)["start_date"]


@_edit("time_shape", "time_shape", (*_S0, "start_date"))
def _start_and_date(document: Document) -> None:
    _timed(document)["start_date"] = document["start_date"]


@_edit("outside_programme-start", "outside_programme", (*_S0, "start"))
def _long_before(document: Document) -> None:
    _timed(document, _first_day(document) - timedelta(days=40))


@_edit("outside_programme-date", "outside_programme", (*_S0, "start_date"))
def _dated_long_before(document: Document) -> None:
    _dated(document, _first_day(document) - timedelta(days=40))


# Participants -------------------------------------------------------------------


@_edit("exactly_one-both", "exactly_one", (*_S0, "participants", 0, "speaker"))
def _speaker_and_organisation(document: Document) -> None:
    both = {"role": "host", "speaker": _speaker(document), "organisation": _organisation(document)}
    _taking_part(document, both)


@_edit("exactly_one-neither", "exactly_one", (*_S0, "participants", 0, "speaker"))
def _nobody(document: Document) -> None:
    _taking_part(document, {"role": "host", "label": {"fr": "Accueil"}})


@_edit("enum-role", "enum", (*_S0, "participants", 0, "role"))
def _unknown_role(document: Document) -> None:
    _taking_part(document, {"role": "chair", "speaker": _speaker(document)})


@_edit("pause_participants", "pause_participants", (*_S0, "participants"))
def _speaker_at_lunch(document: Document) -> None:
    _taking_part(document, {"role": "speaker", "speaker": _speaker(document)})
    document["sessions"][0]["format"] = "meal"


@_edit("interpretation", "interpretation", (*_S0, "interpretation", 0))
def _into_the_floor_language(document: Document) -> None:
    session = document["sessions"][0]
    session["languages"], session["interpretation"] = ["fr"], ["FR"]


@_edit("unknown_reference-participant", "unknown_reference", (*_S0, "participants", 0, "speaker"))
def _unknown_speaker(document: Document) -> None:
    _taking_part(document, {"role": "moderator", "speaker": "nobody-at-all"})


@_edit("required-speaker", "required", ("speakers", 0))
def _speaker_without_name(document: Document) -> None:
    speaker = document["speakers"][0]
    speaker.pop("name", None)
    speaker.pop("office", None)


# Places, parents and cycles ------------------------------------------------------


@_edit("self_reference-session", "self_reference", (*_S0, "parent"))
def _own_parent(document: Document) -> None:
    session = document["sessions"][0]
    session["parent"] = session["id"]


@_edit("self_reference-location", "self_reference", ("locations", -1, "parent"))
def _inside_itself(document: Document) -> None:
    document.setdefault("locations", []).append(_place("salle-moebius", parent="salle-moebius"))


@_edit(
    "cycle-sessions",
    "cycle",
    (*_S0, "parent"),
    also=(("sessions", -1, "parent"),),
)
def _parts_of_each_other(document: Document) -> None:
    first = document["sessions"][0]
    part = {"id": "partie-circulaire", "title": {"fr": "Partie"}, "format": "talk"}
    document["sessions"].append({**part, "parent": first["id"]})
    first["parent"] = part["id"]


@_edit(
    "cycle-locations",
    "cycle",
    ("locations", -2, "parent"),
    also=(("locations", -1, "parent"),),
)
def _rooms_in_each_other(document: Document) -> None:
    places = document.setdefault("locations", [])
    places.append(_place("salle-a", parent="salle-b"))
    places.append(_place("salle-b", parent="salle-a"))


@_edit("unknown_reference-location", "unknown_reference", ("locations", -1, "parent"))
def _room_of_no_venue(document: Document) -> None:
    document.setdefault("locations", []).append(_place("salle-perdue", parent="nowhere-at-all"))


@_edit("range-latitude", "range", ("locations", -1, "coordinates", "latitude"))
def _beyond_the_pole(document: Document) -> None:
    coordinates = {"latitude": 90.5, "longitude": -0.57}
    document.setdefault("locations", []).append(_place("pole", coordinates=coordinates))


@_edit("color", "color", ("tracks", -1, "color"))
def _named_colour(document: Document) -> None:
    track = {"id": "piste-rouge", "name": {"fr": "Piste"}, "color": "red"}
    document.setdefault("tracks", []).append(track)


# Figures and provenance ----------------------------------------------------------


@_edit(
    "unknown_reference-part_of", "unknown_reference", ("organisations", 0, "figures", 0, "part_of")
)
def _part_of_nothing(document: Document) -> None:
    document["organisations"][0]["figures"] = [{"measure": "acteurs", "count": 45, "part_of": "x"}]


@_edit("range-part_of", "range", ("organisations", 0, "figures", 1, "count"))
def _part_above_its_whole(document: Document) -> None:
    document["organisations"][0]["figures"] = [
        {"measure": "participants", "count": 59},
        {"measure": "acteurs", "count": 60, "part_of": "participants"},
    ]


@_edit("duplicate-inferred", "duplicate", ("inferred", 1, "field"))
def _inferred_twice(document: Document) -> None:
    document["inferred"] = [{"field": "title"}, {"field": "title"}]


# Size -----------------------------------------------------------------------------


def _shared_region(levels: int) -> dict[str, Any]:
    """A region whose members list one region twice, ``levels`` deep: 2**levels regions."""
    region: dict[str, Any] = {"name": {"fr": "Région"}}
    for _ in range(levels):
        region = {"name": {"fr": "Région"}, "members": [region, region]}
    return region


#: Enough levels of sharing to stand for more than MAX_VALUES values.
_SHARED_LEVELS = MAX_VALUES.bit_length() - 1


@_edit("size", "size", (), data_only=True)
def _shared_many_times(document: Document) -> None:
    document["organisations"][0]["territory"] = _shared_region(_SHARED_LEVELS)


#: The title every text mutation starts from, so that they know a key of it.
_ONE_TITLE = '"title": {"fr": "premier"}'


def _text(name: str, code: str, at: Location) -> Callable[[Callable[[str], str]], Mutation]:
    """Decorator: a mutation of the document's JSON text (its title set to :data:`_ONE_TITLE`)."""

    def wrap(rewrite: Callable[[str], str]) -> Mutation:
        def change(document: Document) -> str:
            document["title"] = {"fr": "premier"}
            text = json.dumps(document, ensure_ascii=False)
            if _ONE_TITLE not in text:  # pragma: no cover - json.dumps changed its spacing
                raise AssertionError(f"no {_ONE_TITLE} in {text[:200]!r}")
            return rewrite(text)

        return Mutation(name, code, at, change, text=True)

    return wrap


@_edit("required-title", "required", ("title",))
def _no_title(document: Document) -> None:
    del document["title"]


@_edit("duplicate_id-speaker", "duplicate_id", ("speakers", -1, "id"))
def _duplicate_speaker(document: Document) -> None:
    document["speakers"].append(dict(document["speakers"][0]))


@_edit("self_reference", "self_reference", ("initiatives", 0, "related", 0))
def _self_related(document: Document) -> None:
    initiative = document["initiatives"][0]
    initiative["related"] = [initiative["id"]]


@_edit("duplicate-lead", "duplicate", ("initiatives", 0, "lead", 1))
def _duplicate_lead(document: Document) -> None:
    organisation = document["organisations"][0]["id"]
    document["initiatives"][0]["lead"] = [organisation, organisation]


@_edit("id-trailing-newline", "id", ("sessions", 0, "id"))
def _id_with_newline(document: Document) -> None:
    document["sessions"][0]["id"] += "\n"


# A chain of regions whose innermost name lies one container deeper than
# MAX_DEPTH: root (1), organisations (2), the organisation (3), its
# territory (4), then two levels per region (members array, member object).
_LEVELS = (MAX_DEPTH - 4) // 2
_DEEP_AT: Location = ("organisations", 0, "territory", *(("members", 0) * _LEVELS), "name")


def _deep_region(levels: int) -> dict[str, Any]:
    region: dict[str, Any] = {"name": {"fr": "Région"}}
    for _ in range(levels):
        region = {"name": {"fr": "Région"}, "members": [region]}
    return region


@_edit("depth-territory", "depth", _DEEP_AT)
def _too_deep(document: Document) -> None:
    document["organisations"][0]["territory"] = _deep_region(_LEVELS)


@_text("duplicate_key", "duplicate_key", ("title", "fr"))
def _duplicate_key(text: str) -> str:
    return text.replace(_ONE_TITLE, _ONE_TITLE[:-1] + ', "fr": "second"}', 1)


@_text("json-truncated", "json", ())
def _truncated(text: str) -> str:
    return text[:-1]


@_text("json-nan", "json", ())
def _nan(text: str) -> str:
    return text.replace('"start_date": ', '"start_date": NaN, "x": ', 1)


_OVERLAPPING = [
    {"start": "2026-10-08T09:00:00Z", "end": "2026-10-08T12:00:00Z"},
    {"start": "2026-10-08T11:00:00+02:00", "end": "2026-10-08T15:00:00+02:00"},
]

_SPEAKER_0_ZONE: Location = ("speakers", 0, "time_zone")
_TERRITORY: Location = ("organisations", 0, "territory")

#: Every rule a programme document can break, each with its problem.
#: Locations are from the document's root; ``-1`` is the last item.
MUTATIONS: tuple[Mutation, ...] = (
    # Types, keys and texts
    _set("type-id", "type", ("id",), 42),
    _set("type-languages", "type", (*_S0, "languages"), "fr"),
    _set("type-text", "type", (*_S0, "title"), "Atelier"),
    _price("type-amount", "type", {"kind": "fixed", "amount": 12.5, "currency": "EUR"}, "amount"),
    _no_title,
    _set("required-territory", "required", _TERRITORY, {}),
    _set("required-source", "required", ("sources",), [{"retrieved": "2021-09-30"}], ("sources", 0)),
    _speaker_without_name,
    _end_without_start,
    _end_date_alone,
    _set("unknown_key", "unknown_key", (*_S0, "speaker"), "spe-0"),
    _set("empty-blank", "empty", ("title",), {"fr": " \t"}, ("title", "fr")),
    _set("empty-no-language", "empty", ("title",), {}),
    _set("empty-name", "empty", ("speakers", 0, "name"), " "),
    _set("unicode", "unicode", ("speakers", 0, "name"), "Kevin \ud800"),
    # Formats
    _set("language_tag-key", "language_tag", ("title",), {"french": "Forum"}, ("title", "french")),
    _set("language_tag-item", "language_tag", (*_S0, "languages"), ["fr", "fr_FR"], (*_S0, "languages", 1)),
    _set("duplicate_language", "duplicate_language", ("title",), {"fr": "a", "FR": "b"}, ("title", "FR")),
    _set("id-space", "id", (*_S0, "id"), "has space"),
    _id_with_newline,
    _set("time_zone-unknown", "time_zone", ("time_zone",), "Mars/Olympus_Mons"),
    _set("time_zone-offset", "time_zone", _SPEAKER_0_ZONE, "+03:00"),
    _set("time_zone-host-only", "time_zone", _SPEAKER_0_ZONE, "localtime"),
    _set("enum-format", "enum", (*_S0, "format"), "atelier"),
    _set("enum-status", "enum", (*_S0, "status"), "canceled"),
    _set("enum-kind", "enum", ("organisations", 0, "kind"), "NGO"),
    _unknown_role,
    _set("country_code", "country_code", ("speakers", 0, "country"), "fr"),
    _set("territory_code", "territory_code", _TERRITORY, {"code": "fra"}, (*_TERRITORY, "code")),
    _set("locode", "locode", _TERRITORY, {"locode": "FRbod"}, (*_TERRITORY, "locode")),
    _set("url-scheme", "url", ("organisations", 0, "url"), "ftp://gsef-net.org"),
    _set("url-too-long", "url", ("organisations", 0, "url"), "https://a.org/" + "a" * MAX_URL_LENGTH),
    _registration("email", "email", {"email": "inscription chez gsef"}, ("email",)),
    _price("currency", "currency", {"kind": "fixed", "amount": "12.50", "currency": "euro"}, "currency"),
    _price("decimal", "decimal", {"kind": "fixed", "amount": "12.34567", "currency": "EUR"}, "amount"),
    _named_colour,
    _set("field", "field", ("inferred",), [{"field": "Title"}], ("inferred", 0, "field")),
    # Instants and dates
    _on_timed("naive_datetime", "naive_datetime", "start", "2026-10-08T11:00:00"),
    _on_timed("instant", "instant", "end", "8 octobre 2026, 12h30"),
    _on_timed("instant_range-offset", "instant_range", "start", "0001-01-01T00:00:00+01:00"),
    _on_timed("instant_range-year-0", "instant_range", "start", "0000-01-01T00:00:00Z"),
    _set("date", "date", ("start_date",), "2026-13-01"),
    _set("partial_date-calendar", "partial_date", ("initiatives", 0, "start"), "2021-02-30"),
    _set("partial_date-month", "partial_date", ("initiatives", 0, "start"), "2020-13"),
    # Distinct values, numbers
    _set("duplicate-languages", "duplicate", (*_S0, "languages"), ["fr", "FR"], (*_S0, "languages", 1)),
    _set("duplicate-themes", "duplicate", ("initiatives", 0, "themes"), ["youth", "youth"], ("initiatives", 0, "themes", 1)),
    _set("duplicate-extra_days", "duplicate", ("extra_days",), ["2021-10-07", "2021-10-07"], ("extra_days", 1)),
    _duplicate_lead,
    _inferred_twice,
    _set("range-sdg", "range", ("initiatives", 0, "sdgs"), [18], ("initiatives", 0, "sdgs", 0)),
    _set("range-count", "range", ("organisations", 0, "figures"), [{"measure": "x", "count": -1}], ("organisations", 0, "figures", 0, "count")),
    _registration("range-places", "range", {"capacity": 30, "places_left": 31}, ("places_left",)),
    _part_above_its_whole,
    _beyond_the_pole,
    # Rules between fields
    _end_at_start,
    _ends_the_day_before,
    _programme_ends_early,
    _affiliation_ends_early,
    _start_and_date,
    _speaker_and_organisation,
    _nobody,
    _speaker_at_lunch,
    _into_the_floor_language,
    _price("price", "price", {"kind": "free", "amount": "5", "currency": "EUR"}, "amount"),
    _price("required-amount", "required", {"kind": "fixed", "currency": "EUR"}, "amount"),
    _price("required-currency", "required", {"kind": "pay_what_you_can", "amount": "5"}, "currency"),
    _registration("places", "places", {"places_left": 3, "full": True}, ("full",)),
    _set("territory_members", "territory_members", _TERRITORY, {"code": "FR", "members": [{"code": "YT"}]}, (*_TERRITORY, "members")),
    _set("territory_within", "territory_within", _TERRITORY, {"code": "FR-33", "within": "FR"}, (*_TERRITORY, "within")),
    _set("overlapping_availability", "overlapping_availability", ("speakers", 0, "availability"), _OVERLAPPING, ("speakers", 0, "availability", 1)),
    _set("unknown_field", "unknown_field", ("inferred",), [{"field": "sources"}], ("inferred", 0, "field")),
    # The programme's own rules: ids, references, days, parents
    _self_related,
    _own_parent,
    _inside_itself,
    _duplicate_speaker,
    _unknown_speaker,
    _set("unknown_reference-organiser", "unknown_reference", ("organisers",), [{"organisation": "no-such-organisation", "role": "organiser"}], ("organisers", 0, "organisation")),
    _room_of_no_venue,
    _part_of_nothing,
    _long_before,
    _dated_long_before,
    _parts_of_each_other,
    _rooms_in_each_other,
    # What only a document can hold
    _too_deep,
    _shared_many_times,
    _duplicate_key,
    _truncated,
    _nan,
)  # fmt: skip


def _resolved(location: Location, document: Document) -> Location:
    resolved: list[str | int] = []
    here: Any = document
    for step in location:
        if type(step) is int and step < 0 and isinstance(here, list):
            step = len(here) + step
        resolved.append(step)
        try:
            here = here[step]
        except (LookupError, TypeError):  # a location the mutation removed
            here = None
    return tuple(resolved)


def located(mutation: Mutation, document: Document) -> Location:
    """The mutation's location in ``document`` (after the change), ``-1`` resolved."""
    return _resolved(mutation.location, document)


def locations(mutation: Mutation, document: Document) -> tuple[Location, ...]:
    """Every location of the mutation's problem in ``document`` (after the change)."""
    return tuple(_resolved(at, document) for at in (mutation.location, *mutation.also))


@st.composite
def invalid_documents(draw: st.DrawFn) -> tuple[Document, str, Location]:
    """``(document, code, location)``: a programme document broken by one rule.

    A valid programme is drawn and turned into plain JSON data, then one
    mutation breaks exactly one rule the model checks. Decoding the
    document must raise a :class:`~essprogramme.ValidationError` whose
    problems all have that ``code``, one of them at that ``location``
    (spelt as a JSON path by :func:`essprogramme.errors.json_path`); most
    rules are broken at that one place, a cycle of parents at each item on
    it.
    """
    from ..codec import to_dict

    programme = draw(_AT_LEAST_ONE_OF_EACH)
    document: Document = to_dict(programme)
    mutation = draw(_DATA_MUTATIONS)
    mutation.apply(document)
    return document, mutation.code, located(mutation, document)


#: What invalid_documents() draws from: JSON data (not text, not shared lists).
_DATA_MUTATIONS = st.sampled_from([m for m in MUTATIONS if not m.text and not m.data_only])


#: Every mutation finds what it breaks: a session, a speaker, an organisation...
_AT_LEAST_ONE_OF_EACH = programmes(
    min_sessions=1, max_sessions=2, min_speakers=1, max_speakers=2,
    min_organisations=1, max_organisations=2, min_initiatives=1, max_initiatives=2,
)  # fmt: skip
