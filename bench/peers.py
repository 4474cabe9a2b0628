"""The programme model in pydantic v2 and msgspec, doing the checks essprogramme does.

For ratios that compare equal work, each peer decodes the same JSON document
into immutable objects with the same fields, and refuses what
``essprogramme.from_json`` refuses. ``bench/peer_mutations.py`` verifies it:
every peer must accept ``bench/generate.py``'s document and refuse each of its
mutations, and have the fields the model has, class by class;
``bench/bench_codec.py`` prints no ratio otherwise.

What each peer checks (the list docs/performance.md shows):

- strict JSON types: no coercion (``"12"`` is not an integer, ``1`` is not a
  boolean, ``12.0`` is not an integer; a number is a float or an integer);
  ``null`` only where a field may be absent; unknown keys refused;
- the same patterns as the model (``essprogramme.model._formats``): ids,
  BCP 47 language tags (text keys included), countries, ISO 3166 territory
  codes, UN/LOCODEs, currencies, e-mails, colours, field names, decimal
  amounts, and URLs (pattern, length and RFC 3986, as ``is_url``); time zone
  keys from tzdata's list (``zone_keys()``);
- non-blank strings and texts (``str.isspace``), non-empty texts, one text
  per language (case-insensitively);
- enums (the model's own vocabularies); integer bounds (counts, capacities,
  SDGs 1-17); coordinates in range, finite;
- distinct items where the model says distinct: language lists
  (case-insensitively), location ids, leads, partners, related initiatives,
  extra days, and every set (tags, themes, SDGs, accessibility);
- instants: the RFC 3339 shape (seconds, at most 6 decimals, ``Z`` or
  ``+hh:mm``), an offset, a real date and time, within 0001-01-02 to
  9999-12-30 UTC; dates as YYYY-MM-DD; partial dates (YYYY, YYYY-MM,
  YYYY-MM-DD, year 1 or later, a real day);
- the classes' rules: end after start (sessions, intervals, affiliations,
  memberships, initiatives, programmes), an end needs a start, a start or a
  date, not both; interpretation not into a floor language; no participants
  in a break or a meal; a participant is exactly one of speaker and
  organisation; a speaker has a name or an office; availability intervals do
  not overlap; a figure's ``part_of`` names another figure, which it does
  not exceed; prices (free has no amount, fixed has one, an amount has a
  currency); places (left <= capacity, not full with places left);
  territories (one of code, locode, name; ``within`` rules); sources (a URL
  or a citation); ``inferred`` names a field of its object, once; no item is
  its own parent or related to itself;
- the programme's rules: ids unique per collection; every reference
  resolves (the paths are derived from ``essprogramme.model.programme.REFERENCES``);
  no cycle of parents among sessions or locations; every session on the
  programme's days (or ``extra_days``), in the local time of its place's zone,
  else the programme's;
- duplicate keys in the JSON text refused. Both libraries keep the last value
  silently, so each peer makes the comparison essprogramme's ``read_json``
  makes: the colons of the text against those of a re-encoding of what was
  kept, reading the text again with the standard library only when they
  differ. pydantic re-encodes its model (``exclude_unset``: exactly the keys
  given); msgspec's struct encoder leaves out explicit defaults, so msgspec
  reads the text as plain data, counts it re-encoded, then converts it to
  the structs (cheaper than decoding twice). ``pydantic_decode_keeping_last``
  and ``msgspec_decode_keeping_last`` are the peers without this check.

- text that is not JSON or not Unicode (``NaN``, a lone surrogate ``\\ud800``):
  refused by both libraries' own parsers.

Not the same: the peers do not check the 64-level nesting limit (a guard
essprogramme keeps; the bench document is 7 levels deep). On invalid data
they report less: msgspec stops at the first problem, and both peers stop at
the first programme-level one, where essprogramme reports every problem with
its path; the verdicts are the same.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from itertools import pairwise
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo

import msgspec
import pydantic
from pydantic import (
    AfterValidator,
    AwareDatetime,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)
from rfc3986_validator import validate_rfc3986  # type: ignore[import-untyped]

from essprogramme.model import _formats as F
from essprogramme.model._rules import DECIMAL_PATTERN, MAX_INSTANT, MAX_SAFE_INTEGER, MIN_INSTANT
from essprogramme.model.programme import _COLLECTIONS, REFERENCES
from essprogramme.model.vocab import (
    Accessibility,
    AttendanceMode,
    Confirmation,
    Delivery,
    InitiativeKind,
    InitiativeStatus,
    LinkKind,
    LocationKind,
    OrganisationKind,
    OrganiserRole,
    ParticipantRole,
    PriceKind,
    SessionFormat,
    SessionStatus,
    Theme,
)

__all__ = [
    "DuplicateKey",
    "MProgramme",
    "PProgramme",
    "msgspec_decode",
    "msgspec_encode",
    "pydantic_decode",
    "pydantic_encode",
]

# The patterns and lists both peers share ------------------------------------

#: Partial dates: YYYY (not 0000), YYYY-MM, YYYY-MM-DD; the calendar is checked apart.
PARTIAL_DATE_PATTERN = (
    "^(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)"
    "(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?$"
)
ZONES = tuple(sorted(F.zone_keys()))
#: The characters ``str.isspace`` knows (Python's ``\s``): a text needs one other.
_SPACES = [chr(c) for c in range(0x110000) if chr(c).isspace()]
PAUSES = frozenset({SessionFormat.BREAK, SessionFormat.MEAL})
#: Every reference: (attribute path with "*" for each item, collection).
REFERENCE_PATHS = tuple((r.path, r.collection) for r in REFERENCES)
COLLECTIONS = _COLLECTIONS


class DuplicateKey(ValueError):
    """A key appears twice in one object of the JSON text."""


# Rules both peers share: plain Python over attributes ------------------------


def each_text(texts: Iterable[dict[str, str] | None]) -> None:
    """Each text has one entry per language, case-insensitively (``fr`` and ``FR`` clash)."""
    for text in texts:
        if text is not None and len(text) > 1 and len({t.lower() for t in text}) != len(text):
            raise ValueError("the same language twice (case-insensitively)")


def distinct(items: tuple[Any, ...]) -> tuple[Any, ...]:
    if len(items) > 1 and len(set(items)) != len(items):
        raise ValueError("items must be distinct")
    return items


def distinct_languages(tags: tuple[str, ...]) -> tuple[str, ...]:
    if len(tags) > 1 and len({tag.lower() for tag in tags}) != len(tags):
        raise ValueError("languages must be distinct (case-insensitively)")
    return tags


def real_day(text: str) -> str:
    """A partial date whose day exists (the pattern checked everything else)."""
    if len(text) == 10 and text[8:] > "28":
        year, month, day = int(text[:4]), int(text[5:7]), int(text[8:])
        if day > calendar.monthrange(year, month)[1]:
            raise ValueError(f"{text} is not a date in the calendar")
    return text


def rfc3986(url: str) -> str:
    if not validate_rfc3986(url, rule="URI"):
        raise ValueError("is not an RFC 3986 URI")
    return url


def ordered(start: str | None, end: str | None) -> None:
    """Partial dates as text sort as the model sorts them (2020 < 2020-04 < 2020-04-01)."""
    if start is not None and end is not None and end < start:
        raise ValueError("ends before it starts")


def session_rules(s: Any) -> None:
    if s.end is not None:
        if s.start is None:
            raise ValueError("an end needs a start")
        if s.end <= s.start:
            raise ValueError("end must be after start")
    if s.start is not None and s.start_date is not None:
        raise ValueError("give an exact start or a date, not both")
    if s.end_date is not None:
        if s.start_date is None:
            raise ValueError("an end_date needs a start_date")
        if s.end_date < s.start_date:
            raise ValueError("end_date must not be before start_date")
    if s.interpretation and s.languages:
        floor = {tag.lower() for tag in s.languages}
        for tag in s.interpretation:
            if tag.lower() in floor:
                raise ValueError(f"{tag!r} is already a floor language")
    if s.participants and s.format in PAUSES:
        raise ValueError(f"a {s.format.value} has no participants")
    if s.parent is not None and s.parent == s.id:
        raise ValueError("a session cannot be part of itself")


def exactly_one_of(a: object, b: object, names: str) -> None:
    if (a is None) == (b is None):
        raise ValueError(f"give exactly one of: {names}")


def availability_rules(intervals: tuple[Any, ...]) -> None:
    if len(intervals) > 1:
        ordered_ = sorted(intervals, key=lambda i: i.start)
        for before, after in pairwise(ordered_):
            if before.end > after.start:
                raise ValueError("availability intervals overlap")


def figure_rules(figures: tuple[Any, ...]) -> None:
    if not figures:
        return
    by_measure = {figure.measure: figure for figure in figures}
    for figure in figures:
        if figure.part_of is not None:
            whole = by_measure.get(figure.part_of)
            if whole is None or whole is figure:
                raise ValueError(f"no other figure counts {figure.part_of!r}")
            if figure.count > whole.count:
                raise ValueError("a part exceeds its whole")


def territory_rules(t: Any) -> None:
    if t.code is None and t.locode is None and t.name is None:
        raise ValueError("needs at least one of: code, locode, name")
    if t.within is not None:
        if t.code is not None:
            raise ValueError("an ISO territory is not within another")
        if t.name is None and t.locode is None:
            raise ValueError("a place within a territory needs a name")


def price_rules(p: Any) -> None:
    if p.kind is PriceKind.FREE and p.amount is not None:
        raise ValueError("a free price has no amount")
    if p.kind is PriceKind.FIXED and p.amount is None:
        raise ValueError("a fixed price needs an amount")
    if p.amount is not None and p.currency is None:
        raise ValueError("an amount needs its currency")


def registration_rules(r: Any) -> None:
    if r.places_left is not None and r.capacity is not None and r.places_left > r.capacity:
        raise ValueError("more places left than capacity")
    if r.full and r.places_left:
        raise ValueError("full, yet places are left")


def provenance_rules(obj: Any, fields: frozenset[str]) -> None:
    """``inferred`` names fields of ``obj`` (not the provenance ones), each once."""
    seen: set[str] = set()
    for inference in obj.inferred:
        if inference.field not in fields:
            raise ValueError(f"no field {inference.field!r} to be inferred")
        if inference.field in seen:
            raise ValueError(f"{inference.field!r} is already marked")
        seen.add(inference.field)


def _provenance_fields(names: Iterable[str]) -> frozenset[str]:
    return frozenset(names) - {"inferred", "sources", "notes"}


def _values(root: Any, path: tuple[str, ...]) -> set[Any]:
    items = [root]
    for step in path:
        if step == "*":
            items = [item for sequence in items for item in sequence]
        else:
            items = [getattr(item, step) for item in items]
    found = set(items)
    found.discard(None)
    return found


def _cycles(items: tuple[Any, ...], what: str) -> None:
    parents = {item.id: item.parent for item in items if item.parent is not None}
    for start in parents:
        seen = {start}
        current = parents.get(start)
        while current is not None:
            if current in seen:
                if current == start:
                    raise ValueError(f"{what} {start!r} is, through its parents, inside itself")
                break
            seen.add(current)
            current = parents.get(current)


_TICK = timedelta(microseconds=1)


def _window(first: date, last: date, zone: str) -> tuple[datetime, datetime]:
    local = ZoneInfo(zone)
    try:
        start = datetime.combine(first, time(0), local).astimezone(UTC)
    except OverflowError:
        start = datetime.min.replace(tzinfo=UTC)
    try:
        end = datetime.combine(last + timedelta(days=1), time(0), local).astimezone(UTC)
    except OverflowError:
        end = datetime.max.replace(tzinfo=UTC)
    return start, end


def _zone_of(session: Any, places: dict[str, Any], default: str) -> str:
    for location_id in session.locations:
        place = places.get(location_id)
        seen = 0
        while place is not None and seen <= len(places):
            if place.time_zone is not None:
                return str(place.time_zone)
            place = places.get(place.parent) if place.parent else None
            seen += 1
    return default


def programme_rules(p: Any) -> None:
    if p.end_date < p.start_date:
        raise ValueError("end_date must not be before start_date")
    indexes: dict[str, dict[str, Any]] = {}
    for field in COLLECTIONS:
        items = getattr(p, field)
        index = indexes[field] = {item.id: item for item in items}
        if len(index) != len(items):
            raise ValueError(f"an id is used twice in {field}")
    for path, collection in REFERENCE_PATHS:
        missing = _values(p, path) - indexes[collection].keys()
        if missing:
            raise ValueError(f"{'.'.join(path)}: no {collection[:-1]} has the id {min(missing)!r}")
    _cycles(p.sessions, "session")
    _cycles(p.locations, "location")
    first, last, days = p.start_date, p.end_date, set(p.extra_days)
    places = indexes["locations"]
    windows: dict[str, tuple[datetime, datetime]] = {}
    for session in p.sessions:
        start = session.start
        if start is not None:
            zone = _zone_of(session, places, p.time_zone)
            window = windows.get(zone)
            if window is None:
                window = windows[zone] = _window(first, last, zone)
            end = session.end if session.end is not None else start + _TICK
            if window[0] <= start and end <= window[1]:
                continue
            local = ZoneInfo(zone)
            span = (start.astimezone(local).date(), (end - _TICK).astimezone(local).date())
        elif session.start_date is not None:
            span = (session.start_date, session.end_date or session.start_date)
        else:
            continue
        if any(not first <= day <= last and day not in days for day in span):
            raise ValueError(f"session {session.id!r} falls outside the programme's days")


# The duplicate-key check both peers share ---------------------------------------

#: How many times the exact (slow) reader ran: the benchmark reports it.
SLOW_READS = [0]
#: Colons that a peer's re-encoding drops from instants it read (an offset
#: written back as Z), counted as they are read. Not thread-safe: a benchmark's.
_LOST = [0]


def _colons(raw: bytes) -> int:
    count = raw.count(b":")
    if b"\\u003" in raw:  # a colon written as an escape is one in the data
        count += raw.count(b"\\u003a") + raw.count(b"\\u003A")
    return count


def _refuse_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        raise DuplicateKey(f"a key appears twice in one object: {sorted(obj)[:3]}...")
    return obj


def check_no_duplicate_keys(raw: bytes, written: bytes, lost: int) -> None:
    """Refuse ``raw`` if one of its objects repeats a key.

    ``written`` re-encodes what the peer kept, every key the text gave and no
    other, and ``lost`` counts the colons it dropped from instants (``+00:00``
    written back as ``Z``): the text holds at least ``written``'s colons plus
    ``lost``, and more only if a key was dropped. Then the standard library
    reads the text again to name it, slowly (essprogramme's fallback too).
    """
    if _colons(raw) > written.count(b":") + lost:
        SLOW_READS[0] += 1
        json.loads(raw, object_pairs_hook=_refuse_repeats)


# pydantic ------------------------------------------------------------------------


def _instant_shape(value: Any) -> Any:
    if type(value) is str and F.is_instant_text(value):
        if value.endswith(("+00:00", "-00:00")):  # written back as Z
            _LOST[0] += 1
        return value
    raise ValueError("expected an RFC 3339 date-time with an offset (2021-10-08T11:00:00Z)")


def _decimal_shape(value: Any) -> Any:
    if type(value) is str and _DECIMAL(value):
        return value
    raise ValueError('expected a decimal amount as a string ("12.50")')


_DECIMAL = __import__("re").compile(DECIMAL_PATTERN).fullmatch
# Rust's regex (pydantic's engine) has a wider \s: name Python's spaces one by one.
_P_NON_BLANK = "[^" + "".join(f"\\x{{{ord(c):x}}}" for c in _SPACES) + "]"


def _p(pattern: str) -> Any:
    return StringConstraints(pattern=pattern)


PStr = Annotated[str, _p(_P_NON_BLANK)]
PId = Annotated[str, _p(F.ID_PATTERN)]
PLang = Annotated[str, _p(F.LANGUAGE_TAG_PATTERN)]
# One language once per text is checked by the object holding the texts, in
# one call for all of them (as for msgspec): cheaper than a validator per text.
PText = Annotated[dict[PLang, PStr], Field(min_length=1)]
PUrl = Annotated[
    str,
    StringConstraints(max_length=F.MAX_URL_LENGTH, pattern=F.URL_PATTERN),
    AfterValidator(rfc3986),
]
PZone = Literal[ZONES]  # type: ignore[valid-type]
PCountry = Annotated[str, _p(F.COUNTRY_PATTERN)]
PTerritoryCode = Annotated[str, _p(F.TERRITORY_CODE_PATTERN)]
PInstant = Annotated[
    AwareDatetime,
    # The shape is checked first, so pydantic's own (laxer) reading may parse it.
    Field(strict=False, ge=MIN_INSTANT, le=MAX_INSTANT),
    BeforeValidator(_instant_shape),
]
PPartialDate = Annotated[str, _p(PARTIAL_DATE_PATTERN), AfterValidator(real_day)]
PDecimal = Annotated[Decimal, Field(strict=False), BeforeValidator(_decimal_shape)]
PIds = Annotated[tuple[PId, ...], AfterValidator(distinct)]
PLangs = Annotated[tuple[PLang, ...], AfterValidator(distinct_languages)]
PSafeCount = Annotated[int, Field(ge=0, le=MAX_SAFE_INTEGER)]
PCapacity = Annotated[int, Field(ge=1, le=MAX_SAFE_INTEGER)]


class _P(pydantic.BaseModel):
    model_config = ConfigDict(strict=True, frozen=True, extra="forbid", allow_inf_nan=False)


class PSource(_P):
    url: PUrl | None = None
    citation: PText | None = None
    retrieved: date | None = None
    note: PText | None = None

    @model_validator(mode="after")
    def _rules(self) -> PSource:
        each_text((self.citation, self.note))
        if self.url is None and self.citation is None:
            raise ValueError("needs at least one of: url, citation")
        return self


class PInference(_P):
    field: Annotated[str, _p(F.FIELD_PATTERN)]
    reason: PText | None = None
    source: PSource | None = None

    @model_validator(mode="after")
    def _rules(self) -> PInference:
        each_text((self.reason,))
        return self


class PLink(_P):
    kind: LinkKind
    url: PUrl
    title: PText | None = None
    language: PLang | None = None

    @model_validator(mode="after")
    def _rules(self) -> PLink:
        each_text((self.title,))
        return self


class PRecordingPolicy(_P):
    allowed: bool
    licence: PStr | None = None


class PTerritory(_P):
    code: PTerritoryCode | None = None
    locode: Annotated[str, _p(F.LOCODE_PATTERN)] | None = None
    within: PTerritoryCode | None = None
    name: PText | None = None
    members: tuple[PTerritory, ...] = ()

    @model_validator(mode="after")
    def _rules(self) -> PTerritory:
        each_text((self.name,))
        territory_rules(self)
        return self


class PFigure(_P):
    measure: PId
    count: PSafeCount
    label: PText | None = None
    counts: PText | None = None
    part_of: PId | None = None

    @model_validator(mode="after")
    def _rules(self) -> PFigure:
        each_text((self.label, self.counts))
        return self


class PPrice(_P):
    kind: PriceKind
    amount: PDecimal | None = None
    currency: Annotated[str, _p(F.CURRENCY_PATTERN)] | None = None
    label: PText | None = None

    @model_validator(mode="after")
    def _rules(self) -> PPrice:
        each_text((self.label,))
        price_rules(self)
        return self


class PRegistration(_P):
    required: bool | None = None
    url: PUrl | None = None
    email: Annotated[str, _p(F.EMAIL_PATTERN)] | None = None
    deadline: PInstant | None = None
    capacity: PCapacity | None = None
    places_left: PSafeCount | None = None
    full: bool | None = None
    prices: tuple[PPrice, ...] = ()
    conditions: PText | None = None

    @model_validator(mode="after")
    def _rules(self) -> PRegistration:
        each_text((self.conditions,))
        registration_rules(self)
        return self


class PAddress(_P):
    street: PStr | None = None
    postal_code: PStr | None = None
    locality: PStr | None = None
    region: PStr | None = None
    country: PCountry | None = None


class PCoordinates(_P):
    latitude: Annotated[float, Field(ge=-90.0, le=90.0)]
    longitude: Annotated[float, Field(ge=-180.0, le=180.0)]


class PLocation(_P):
    id: PId
    name: PText
    kind: LocationKind
    parent: PId | None = None
    time_zone: PZone | None = None
    address: PAddress | None = None
    coordinates: PCoordinates | None = None
    access: PText | None = None
    url: PUrl | None = None
    platform: PStr | None = None
    parallel: bool | None = None
    capacity: PCapacity | None = None
    accessibility: Annotated[tuple[Accessibility, ...], AfterValidator(distinct)] = ()
    accessibility_notes: PText | None = None
    sources: tuple[PSource, ...] = ()
    inferred: tuple[PInference, ...] = ()
    notes: tuple[PText, ...] = ()

    @model_validator(mode="after")
    def _rules(self) -> PLocation:
        each_text((self.name, self.access, self.accessibility_notes, *self.notes))
        if self.parent is not None and self.parent == self.id:
            raise ValueError("a place cannot be inside itself")
        if self.inferred:
            provenance_rules(self, _P_FIELDS["PLocation"])
        return self


class PTrack(_P):
    id: PId
    name: PText
    description: PText | None = None
    color: Annotated[str, _p(F.COLOR_PATTERN)] | None = None

    @model_validator(mode="after")
    def _rules(self) -> PTrack:
        each_text((self.name, self.description))
        return self


class PParticipant(_P):
    role: ParticipantRole
    speaker: PId | None = None
    organisation: PId | None = None
    label: PText | None = None
    delivery: Delivery | None = None
    confirmation: Confirmation | None = None
    title: PText | None = None
    abstract: PText | None = None
    initiatives: tuple[PId, ...] = ()

    @model_validator(mode="after")
    def _rules(self) -> PParticipant:
        each_text((self.label, self.title, self.abstract))
        exactly_one_of(self.speaker, self.organisation, "speaker, organisation")
        return self


class PSession(_P):
    id: PId
    title: PText
    format: SessionFormat
    status: SessionStatus = SessionStatus.SCHEDULED
    start: PInstant | None = None
    end: PInstant | None = None
    start_date: date | None = None
    end_date: date | None = None
    previous_starts: tuple[PInstant, ...] = ()
    parent: PId | None = None
    series: PId | None = None
    languages: PLangs = ()
    interpretation: PLangs = ()
    attendance_mode: AttendanceMode | None = None
    locations: PIds = ()
    track: PId | None = None
    description: PText | None = None
    objectives: tuple[PText, ...] = ()
    questions: tuple[PText, ...] = ()
    participants: tuple[PParticipant, ...] = ()
    registration: PRegistration | None = None
    accessibility: Annotated[tuple[Accessibility, ...], AfterValidator(distinct)] = ()
    accessibility_notes: PText | None = None
    tags: Annotated[tuple[PStr, ...], AfterValidator(distinct)] = ()
    url: PUrl | None = None
    links: tuple[PLink, ...] = ()
    recording: PRecordingPolicy | None = None
    sources: tuple[PSource, ...] = ()
    inferred: tuple[PInference, ...] = ()
    notes: tuple[PText, ...] = ()

    @model_validator(mode="after")
    def _rules(self) -> PSession:
        each_text(
            (
                self.title,
                self.description,
                self.accessibility_notes,
                *self.objectives,
                *self.questions,
                *self.notes,
            )
        )
        session_rules(self)
        if self.inferred:
            provenance_rules(self, _P_FIELDS["PSession"])
        return self


class PInterval(_P):
    start: PInstant
    end: PInstant

    @model_validator(mode="after")
    def _rules(self) -> PInterval:
        if self.end <= self.start:
            raise ValueError("end must be after start")
        return self


class PAffiliation(_P):
    organisation: PId
    role: PText | None = None
    start: PPartialDate | None = None
    end: PPartialDate | None = None
    former: bool | None = None

    @model_validator(mode="after")
    def _rules(self) -> PAffiliation:
        each_text((self.role,))
        ordered(self.start, self.end)
        return self


class PSpeaker(_P):
    id: PId
    name: PStr | None = None
    honorific: PText | None = None
    office: PText | None = None
    pronouns: PText | None = None
    affiliations: tuple[PAffiliation, ...] = ()
    bio: PText | None = None
    photo: PUrl | None = None
    country: PCountry | None = None
    time_zone: PZone | None = None
    availability: tuple[PInterval, ...] = ()
    links: tuple[PLink, ...] = ()
    sources: tuple[PSource, ...] = ()
    inferred: tuple[PInference, ...] = ()
    notes: tuple[PText, ...] = ()

    @model_validator(mode="after")
    def _rules(self) -> PSpeaker:
        each_text((self.honorific, self.office, self.pronouns, self.bio, *self.notes))
        if self.name is None and self.office is None:
            raise ValueError("needs at least one of: name, office")
        availability_rules(self.availability)
        if self.inferred:
            provenance_rules(self, _P_FIELDS["PSpeaker"])
        return self


class PMembership(_P):
    organisation: PId
    start: PPartialDate | None = None
    end: PPartialDate | None = None
    former: bool | None = None

    @model_validator(mode="after")
    def _rules(self) -> PMembership:
        ordered(self.start, self.end)
        return self


class POrganisation(_P):
    id: PId
    name: PText
    kind: OrganisationKind
    acronym: PStr | None = None
    territory: PTerritory | None = None
    url: PUrl | None = None
    description: PText | None = None
    founded: PPartialDate | None = None
    member_of: tuple[PMembership, ...] = ()
    figures: tuple[PFigure, ...] = ()
    links: tuple[PLink, ...] = ()
    sources: tuple[PSource, ...] = ()
    inferred: tuple[PInference, ...] = ()
    notes: tuple[PText, ...] = ()

    @model_validator(mode="after")
    def _rules(self) -> POrganisation:
        each_text((self.name, self.description, *self.notes))
        figure_rules(self.figures)
        if self.inferred:
            provenance_rules(self, _P_FIELDS["POrganisation"])
        return self


class PGovernanceBody(_P):
    name: PText
    purpose: PText | None = None

    @model_validator(mode="after")
    def _rules(self) -> PGovernanceBody:
        each_text((self.name, self.purpose))
        return self


class PActivity(_P):
    title: PText
    format: SessionFormat | None = None
    date: PPartialDate | None = None
    description: PText | None = None
    figures: tuple[PFigure, ...] = ()

    @model_validator(mode="after")
    def _rules(self) -> PActivity:
        each_text((self.title, self.description))
        figure_rules(self.figures)
        return self


class PInitiative(_P):
    id: PId
    name: PText
    kind: InitiativeKind
    status: InitiativeStatus | None = None
    status_as_of: PPartialDate | None = None
    aliases: tuple[PStr, ...] = ()
    description: PText | None = None
    start: PPartialDate | None = None
    end: PPartialDate | None = None
    recurrence: PText | None = None
    territories: tuple[PTerritory, ...] = ()
    lead: PIds = ()
    partners: PIds = ()
    axes: tuple[PText, ...] = ()
    governance: tuple[PGovernanceBody, ...] = ()
    activities: tuple[PActivity, ...] = ()
    themes: Annotated[tuple[Theme, ...], AfterValidator(distinct)] = ()
    sdgs: Annotated[tuple[Annotated[int, Field(ge=1, le=17)], ...], AfterValidator(distinct)] = ()
    related: PIds = ()
    sources: tuple[PSource, ...] = ()
    inferred: tuple[PInference, ...] = ()
    notes: tuple[PText, ...] = ()

    @model_validator(mode="after")
    def _rules(self) -> PInitiative:
        each_text((self.name, self.description, self.recurrence, *self.axes, *self.notes))
        ordered(self.start, self.end)
        if self.id in self.related:
            raise ValueError("an initiative cannot relate to itself")
        if self.inferred:
            provenance_rules(self, _P_FIELDS["PInitiative"])
        return self


class POrganisationRole(_P):
    organisation: PId
    role: OrganiserRole


class PProgramme(_P):
    id: PId
    title: PText
    time_zone: PZone
    start_date: date
    end_date: date
    status: SessionStatus = SessionStatus.SCHEDULED
    extra_days: Annotated[tuple[date, ...], AfterValidator(distinct)] = ()
    organisers: tuple[POrganisationRole, ...] = ()
    languages: PLangs = ()
    description: PText | None = None
    url: PUrl | None = None
    links: tuple[PLink, ...] = ()
    registration: PRegistration | None = None
    locations: tuple[PLocation, ...] = ()
    tracks: tuple[PTrack, ...] = ()
    sessions: tuple[PSession, ...] = ()
    speakers: tuple[PSpeaker, ...] = ()
    organisations: tuple[POrganisation, ...] = ()
    initiatives: tuple[PInitiative, ...] = ()
    sources: tuple[PSource, ...] = ()
    inferred: tuple[PInference, ...] = ()
    notes: tuple[PText, ...] = ()

    @model_validator(mode="after")
    def _rules(self) -> PProgramme:
        each_text((self.title, self.description, *self.notes))
        programme_rules(self)
        if self.inferred:
            provenance_rules(self, _P_FIELDS["PProgramme"])
        return self


_P_FIELDS = {
    cls.__name__: _provenance_fields(cls.model_fields)
    for cls in (PLocation, PSession, PSpeaker, POrganisation, PInitiative, PProgramme)
}


def pydantic_decode(raw: bytes) -> PProgramme:
    """Decode and check, as ``essprogramme.from_json`` does (duplicate keys included)."""
    _LOST[0] = 0
    programme = PProgramme.model_validate_json(raw)
    written = PProgramme.__pydantic_serializer__.to_json(programme, exclude_unset=True)
    check_no_duplicate_keys(raw, written, _LOST[0])
    return programme


def pydantic_decode_keeping_last(raw: bytes) -> PProgramme:
    """Decode and check, keeping the last of repeated keys as pydantic does."""
    return PProgramme.model_validate_json(raw)


def pydantic_encode(obj: PProgramme) -> bytes:
    """UTF-8 JSON bytes, through pydantic's own bytes serialiser (no ``str`` in between)."""
    return PProgramme.__pydantic_serializer__.to_json(obj, exclude_defaults=True)


# msgspec -----------------------------------------------------------------------


def _m(pattern: str) -> msgspec.Meta:
    # msgspec searches with re.search, where $ also matches before a final newline.
    anchored = pattern[:-1] + r"\Z" if pattern.endswith("$") else pattern
    return msgspec.Meta(pattern=anchored)


MStr = Annotated[str, msgspec.Meta(pattern=r"\S")]  # Python's \s is str.isspace
MId = Annotated[str, _m(F.ID_PATTERN)]
MLang = Annotated[str, _m(F.LANGUAGE_TAG_PATTERN)]
MText = Annotated[dict[MLang, MStr], msgspec.Meta(min_length=1)]
MUrl = Annotated[str, msgspec.Meta(max_length=F.MAX_URL_LENGTH, pattern=_m(F.URL_PATTERN).pattern)]
MZone = Literal[ZONES]  # type: ignore[valid-type]
MCountry = Annotated[str, _m(F.COUNTRY_PATTERN)]
MTerritoryCode = Annotated[str, _m(F.TERRITORY_CODE_PATTERN)]
# msgspec's own datetime reading is laxer than RFC 3339 (a space for T, +0100,
# 9 decimals): instants are read as text of the exact shape, then converted.
MInstant = Annotated[str, _m(F.INSTANT_PATTERN)]
MPartialDate = Annotated[str, _m(PARTIAL_DATE_PATTERN)]
MDecimal = Annotated[str, _m(DECIMAL_PATTERN)]
MSafeCount = Annotated[int, msgspec.Meta(ge=0, le=MAX_SAFE_INTEGER)]
MCapacity = Annotated[int, msgspec.Meta(ge=1, le=MAX_SAFE_INTEGER)]

_set = msgspec.structs.force_setattr
_INSTANTS: dict[str, datetime] = {}


def _instant(text: Any) -> datetime:
    """An instant from text of the right shape: a real one, within range (cached)."""
    moment = _INSTANTS.get(text)
    if moment is not None:
        return moment
    try:
        moment = datetime.fromisoformat(text.upper()).astimezone(UTC)
    except (ValueError, OverflowError):
        raise ValueError(f"{text!r} is not a real instant within range") from None
    if not MIN_INSTANT <= moment <= MAX_INSTANT:
        raise ValueError(f"{text!r} is outside 0001-01-02T00:00:00Z to 9999-12-30T23:59:59Z")
    if len(_INSTANTS) >= 4096:
        _INSTANTS.clear()
    _INSTANTS[text] = moment
    return moment


def _partial_dates(*texts: str | None) -> None:
    for text in texts:
        if text is not None:
            real_day(text)


def _urls(*urls: str | None) -> None:
    for url in urls:
        if url is not None:
            rfc3986(url)


class _M(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, omit_defaults=True):
    pass


class MSource(_M):
    url: MUrl | None = None
    citation: MText | None = None
    retrieved: date | None = None
    note: MText | None = None

    def __post_init__(self) -> None:
        if self.url is None and self.citation is None:
            raise ValueError("needs at least one of: url, citation")
        _urls(self.url)
        each_text((self.citation, self.note))


class MInference(_M):
    field: Annotated[str, _m(F.FIELD_PATTERN)]
    reason: MText | None = None
    source: MSource | None = None

    def __post_init__(self) -> None:
        each_text((self.reason,))


class MLink(_M):
    kind: LinkKind
    url: MUrl
    title: MText | None = None
    language: MLang | None = None

    def __post_init__(self) -> None:
        rfc3986(self.url)
        each_text((self.title,))


class MRecordingPolicy(_M):
    allowed: bool
    licence: MStr | None = None


class MTerritory(_M):
    code: MTerritoryCode | None = None
    locode: Annotated[str, _m(F.LOCODE_PATTERN)] | None = None
    within: MTerritoryCode | None = None
    name: MText | None = None
    members: tuple[MTerritory, ...] = ()

    def __post_init__(self) -> None:
        territory_rules(self)
        each_text((self.name,))


class MFigure(_M):
    measure: MId
    count: MSafeCount
    label: MText | None = None
    counts: MText | None = None
    part_of: MId | None = None

    def __post_init__(self) -> None:
        each_text((self.label, self.counts))


class MPrice(_M):
    kind: PriceKind
    amount: MDecimal | None = None
    currency: Annotated[str, _m(F.CURRENCY_PATTERN)] | None = None
    label: MText | None = None

    def __post_init__(self) -> None:
        if self.amount is not None:
            _set(self, "amount", Decimal(self.amount))
        price_rules(self)
        each_text((self.label,))


class MRegistration(_M):
    required: bool | None = None
    url: MUrl | None = None
    email: Annotated[str, _m(F.EMAIL_PATTERN)] | None = None
    deadline: MInstant | None = None
    capacity: MCapacity | None = None
    places_left: MSafeCount | None = None
    full: bool | None = None
    prices: tuple[MPrice, ...] = ()
    conditions: MText | None = None

    def __post_init__(self) -> None:
        if self.deadline is not None:
            _set(self, "deadline", _instant(self.deadline))
        _urls(self.url)
        registration_rules(self)
        each_text((self.conditions,))


class MAddress(_M):
    street: MStr | None = None
    postal_code: MStr | None = None
    locality: MStr | None = None
    region: MStr | None = None
    country: MCountry | None = None


class MCoordinates(_M):
    latitude: Annotated[float, msgspec.Meta(ge=-90.0, le=90.0)]
    longitude: Annotated[float, msgspec.Meta(ge=-180.0, le=180.0)]


class MLocation(_M):
    id: MId
    name: MText
    kind: LocationKind
    parent: MId | None = None
    time_zone: MZone | None = None
    address: MAddress | None = None
    coordinates: MCoordinates | None = None
    access: MText | None = None
    url: MUrl | None = None
    platform: MStr | None = None
    parallel: bool | None = None
    capacity: MCapacity | None = None
    accessibility: tuple[Accessibility, ...] = ()
    accessibility_notes: MText | None = None
    sources: tuple[MSource, ...] = ()
    inferred: tuple[MInference, ...] = ()
    notes: tuple[MText, ...] = ()

    def __post_init__(self) -> None:
        if self.parent is not None and self.parent == self.id:
            raise ValueError("a place cannot be inside itself")
        _urls(self.url)
        distinct(self.accessibility)
        each_text((self.name, self.access, self.accessibility_notes, *self.notes))
        if self.inferred:
            provenance_rules(self, _M_FIELDS["MLocation"])


class MTrack(_M):
    id: MId
    name: MText
    description: MText | None = None
    color: Annotated[str, _m(F.COLOR_PATTERN)] | None = None

    def __post_init__(self) -> None:
        each_text((self.name, self.description))


class MParticipant(_M):
    role: ParticipantRole
    speaker: MId | None = None
    organisation: MId | None = None
    label: MText | None = None
    delivery: Delivery | None = None
    confirmation: Confirmation | None = None
    title: MText | None = None
    abstract: MText | None = None
    initiatives: tuple[MId, ...] = ()

    def __post_init__(self) -> None:
        exactly_one_of(self.speaker, self.organisation, "speaker, organisation")
        each_text((self.label, self.title, self.abstract))


class MSession(_M):
    id: MId
    title: MText
    format: SessionFormat
    status: SessionStatus = SessionStatus.SCHEDULED
    start: MInstant | None = None
    end: MInstant | None = None
    start_date: date | None = None
    end_date: date | None = None
    previous_starts: tuple[MInstant, ...] = ()
    parent: MId | None = None
    series: MId | None = None
    languages: tuple[MLang, ...] = ()
    interpretation: tuple[MLang, ...] = ()
    attendance_mode: AttendanceMode | None = None
    locations: tuple[MId, ...] = ()
    track: MId | None = None
    description: MText | None = None
    objectives: tuple[MText, ...] = ()
    questions: tuple[MText, ...] = ()
    participants: tuple[MParticipant, ...] = ()
    registration: MRegistration | None = None
    accessibility: tuple[Accessibility, ...] = ()
    accessibility_notes: MText | None = None
    tags: tuple[MStr, ...] = ()
    url: MUrl | None = None
    links: tuple[MLink, ...] = ()
    recording: MRecordingPolicy | None = None
    sources: tuple[MSource, ...] = ()
    inferred: tuple[MInference, ...] = ()
    notes: tuple[MText, ...] = ()

    def __post_init__(self) -> None:
        if self.start is not None:
            _set(self, "start", _instant(self.start))
        if self.end is not None:
            _set(self, "end", _instant(self.end))
        if self.previous_starts:
            _set(self, "previous_starts", tuple(map(_instant, self.previous_starts)))
        distinct_languages(self.languages)
        distinct_languages(self.interpretation)
        distinct(self.locations)
        distinct(self.accessibility)
        distinct(self.tags)
        _urls(self.url)
        each_text(
            (
                self.title,
                self.description,
                self.accessibility_notes,
                *self.objectives,
                *self.questions,
                *self.notes,
            )
        )
        session_rules(self)
        if self.inferred:
            provenance_rules(self, _M_FIELDS["MSession"])


class MInterval(_M):
    start: MInstant
    end: MInstant

    def __post_init__(self) -> None:
        start, end = _instant(self.start), _instant(self.end)
        _set(self, "start", start)
        _set(self, "end", end)
        if end <= start:
            raise ValueError("end must be after start")


class MAffiliation(_M):
    organisation: MId
    role: MText | None = None
    start: MPartialDate | None = None
    end: MPartialDate | None = None
    former: bool | None = None

    def __post_init__(self) -> None:
        _partial_dates(self.start, self.end)
        ordered(self.start, self.end)
        each_text((self.role,))


class MSpeaker(_M):
    id: MId
    name: MStr | None = None
    honorific: MText | None = None
    office: MText | None = None
    pronouns: MText | None = None
    affiliations: tuple[MAffiliation, ...] = ()
    bio: MText | None = None
    photo: MUrl | None = None
    country: MCountry | None = None
    time_zone: MZone | None = None
    availability: tuple[MInterval, ...] = ()
    links: tuple[MLink, ...] = ()
    sources: tuple[MSource, ...] = ()
    inferred: tuple[MInference, ...] = ()
    notes: tuple[MText, ...] = ()

    def __post_init__(self) -> None:
        if self.name is None and self.office is None:
            raise ValueError("needs at least one of: name, office")
        _urls(self.photo)
        each_text((self.honorific, self.office, self.pronouns, self.bio, *self.notes))
        availability_rules(self.availability)
        if self.inferred:
            provenance_rules(self, _M_FIELDS["MSpeaker"])


class MMembership(_M):
    organisation: MId
    start: MPartialDate | None = None
    end: MPartialDate | None = None
    former: bool | None = None

    def __post_init__(self) -> None:
        _partial_dates(self.start, self.end)
        ordered(self.start, self.end)


class MOrganisation(_M):
    id: MId
    name: MText
    kind: OrganisationKind
    acronym: MStr | None = None
    territory: MTerritory | None = None
    url: MUrl | None = None
    description: MText | None = None
    founded: MPartialDate | None = None
    member_of: tuple[MMembership, ...] = ()
    figures: tuple[MFigure, ...] = ()
    links: tuple[MLink, ...] = ()
    sources: tuple[MSource, ...] = ()
    inferred: tuple[MInference, ...] = ()
    notes: tuple[MText, ...] = ()

    def __post_init__(self) -> None:
        _urls(self.url)
        _partial_dates(self.founded)
        each_text((self.name, self.description, *self.notes))
        figure_rules(self.figures)
        if self.inferred:
            provenance_rules(self, _M_FIELDS["MOrganisation"])


class MGovernanceBody(_M):
    name: MText
    purpose: MText | None = None

    def __post_init__(self) -> None:
        each_text((self.name, self.purpose))


class MActivity(_M):
    title: MText
    format: SessionFormat | None = None
    date: MPartialDate | None = None
    description: MText | None = None
    figures: tuple[MFigure, ...] = ()

    def __post_init__(self) -> None:
        _partial_dates(self.date)
        each_text((self.title, self.description))
        figure_rules(self.figures)


class MInitiative(_M):
    id: MId
    name: MText
    kind: InitiativeKind
    status: InitiativeStatus | None = None
    status_as_of: MPartialDate | None = None
    aliases: tuple[MStr, ...] = ()
    description: MText | None = None
    start: MPartialDate | None = None
    end: MPartialDate | None = None
    recurrence: MText | None = None
    territories: tuple[MTerritory, ...] = ()
    lead: tuple[MId, ...] = ()
    partners: tuple[MId, ...] = ()
    axes: tuple[MText, ...] = ()
    governance: tuple[MGovernanceBody, ...] = ()
    activities: tuple[MActivity, ...] = ()
    themes: tuple[Theme, ...] = ()
    sdgs: tuple[Annotated[int, msgspec.Meta(ge=1, le=17)], ...] = ()
    related: tuple[MId, ...] = ()
    sources: tuple[MSource, ...] = ()
    inferred: tuple[MInference, ...] = ()
    notes: tuple[MText, ...] = ()

    def __post_init__(self) -> None:
        _partial_dates(self.status_as_of, self.start, self.end)
        ordered(self.start, self.end)
        distinct(self.lead)
        distinct(self.partners)
        distinct(self.themes)
        distinct(self.sdgs)
        distinct(self.related)
        each_text((self.name, self.description, self.recurrence, *self.axes, *self.notes))
        if self.id in self.related:
            raise ValueError("an initiative cannot relate to itself")
        if self.inferred:
            provenance_rules(self, _M_FIELDS["MInitiative"])


class MOrganisationRole(_M):
    organisation: MId
    role: OrganiserRole


class MProgramme(_M):
    id: MId
    title: MText
    time_zone: MZone
    start_date: date
    end_date: date
    status: SessionStatus = SessionStatus.SCHEDULED
    extra_days: tuple[date, ...] = ()
    organisers: tuple[MOrganisationRole, ...] = ()
    languages: tuple[MLang, ...] = ()
    description: MText | None = None
    url: MUrl | None = None
    links: tuple[MLink, ...] = ()
    registration: MRegistration | None = None
    locations: tuple[MLocation, ...] = ()
    tracks: tuple[MTrack, ...] = ()
    sessions: tuple[MSession, ...] = ()
    speakers: tuple[MSpeaker, ...] = ()
    organisations: tuple[MOrganisation, ...] = ()
    initiatives: tuple[MInitiative, ...] = ()
    sources: tuple[MSource, ...] = ()
    inferred: tuple[MInference, ...] = ()
    notes: tuple[MText, ...] = ()

    def __post_init__(self) -> None:
        distinct(self.extra_days)
        distinct_languages(self.languages)
        _urls(self.url)
        each_text((self.title, self.description, *self.notes))
        programme_rules(self)
        if self.inferred:
            provenance_rules(self, _M_FIELDS["MProgramme"])


_M_FIELDS = {
    cls.__name__: _provenance_fields(cls.__struct_fields__)
    for cls in (MLocation, MSession, MSpeaker, MOrganisation, MInitiative, MProgramme)
}

_decoder = msgspec.json.Decoder(MProgramme)
_encoder = msgspec.json.Encoder()


def msgspec_decode(raw: bytes) -> MProgramme:
    """Decode and check, as ``essprogramme.from_json`` does (duplicate keys included).

    msgspec's struct encoder leaves out explicit defaults (``"questions": []``),
    so what was kept is counted on the plain data instead: read once as plain
    data, counted, then converted (the cheaper of the exact routes measured).
    """
    data = msgspec.json.decode(raw)
    check_no_duplicate_keys(raw, _encoder.encode(data), 0)
    return msgspec.convert(data, MProgramme, strict=True)


def msgspec_decode_keeping_last(raw: bytes) -> MProgramme:
    """Decode and check, keeping the last of repeated keys as msgspec does."""
    return _decoder.decode(raw)


def msgspec_encode(obj: Any) -> bytes:
    return _encoder.encode(obj)


def peer_classes() -> Iterator[tuple[str, type, type]]:
    """``(model class name, pydantic class, msgspec class)`` for every class of the model."""
    for name, value in sorted(globals().items()):
        if isinstance(value, type) and issubclass(value, _P) and value is not _P:
            yield name[1:], value, globals()["M" + name[1:]]
