"""Hypothesis strategies for every public type: valid by construction, realistic.

For the property-based tests of projects that depend on essprogramme (and
of essprogramme itself). Needs the ``hypothesis`` extra::

    pip install "essprogramme[hypothesis]"

Generated data covers what breaks programme software: many languages and
scripts (right-to-left included), zones with DST and odd offsets
(Asia/Kathmandu +05:45, Pacific/Chatham +12:45, Australia/Lord_Howe's
half-hour DST), instants across DST changes and local midnight.

>>> from hypothesis import given
>>> from essprogramme import strategies
>>> @given(strategies.sessions())
... def test_sessions_end_after_they_start(session):
...     assert session.end > session.start
>>> test_sessions_end_after_they_start()
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any, ParamSpec, TypeVar
from zoneinfo import ZoneInfo

import attrs
from hypothesis import strategies as st

from .model import (
    Activity,
    Affiliation,
    AttendanceMode,
    Contribution,
    Figure,
    GovernanceBody,
    Initiative,
    InitiativeKind,
    InitiativeStatus,
    Interval,
    LocalizedText,
    Location,
    LocationKind,
    Organisation,
    OrganisationKind,
    PartialDate,
    Programme,
    Session,
    SessionFormat,
    Speaker,
    Territory,
    Theme,
    Track,
)

__all__ = [
    "LANGUAGE_TAGS",
    "ZONES",
    "activities",
    "affiliations",
    "contributions",
    "figures",
    "governance_bodies",
    "ids",
    "initiatives",
    "instants",
    "intervals",
    "language_tags",
    "localized_texts",
    "locations",
    "organisations",
    "partial_dates",
    "programmes",
    "sessions",
    "speakers",
    "territories",
    "texts",
    "tracks",
    "urls",
    "zone_keys",
]

T = TypeVar("T")
P = ParamSpec("P")


def _cached(factory: Callable[P, T]) -> Callable[P, T]:
    """Strategies are immutable: build each configuration once, not per draw."""
    return functools.cache(factory)  # type: ignore[return-value]


#: Language tags drawn by default: the forum languages, regional variants,
#: right-to-left scripts, an explicit script subtag, a private-use tag.
LANGUAGE_TAGS = (
    "fr", "en", "es", "fr-CA", "fr-YT", "es-419", "pt-BR", "ar", "he", "fa", "sw",
    "wo", "ko", "ja", "hi", "zh-Hant-TW", "sr-Latn", "x-klingon",
)  # fmt: skip

#: Zones drawn by default: the seed's, and those whose offsets or DST rules
#: are known to break programme software.
ZONES = (
    "UTC", "Indian/Mayotte", "Europe/Paris", "America/Toronto", "Africa/Lome",
    "Asia/Kathmandu", "Pacific/Chatham", "Australia/Lord_Howe", "America/St_Johns",
    "Asia/Kolkata", "Pacific/Kiritimati", "America/Mexico_City", "Europe/Dublin",
    "America/Santiago", "Asia/Tehran",
)  # fmt: skip

_SAMPLES = (
    "Économie sociale et solidaire",
    "Social and solidarity economy",
    "Economía social y solidaria",
    "الاقتصاد الاجتماعي والتضامني",
    "הכלכלה החברתית",
    "사회적경제",
    "社会连带经济",
    "सामाजिक और एकजुटता अर्थव्यवस्था",
    "Uchumi wa kijamii",
    "Ñandutí — « guillemets » & <b>balises</b> 'quotes' \"double\"",
    "e\u0301 combining, zero\u200bwidth, emoji 🌍🤝",
)

_COUNTRIES = st.sampled_from(
    ("YT", "FR", "AW", "GL", "TZ", "KE", "KM", "MZ", "TN", "CA", "TG", "KR")
)
_ID_START = "abcdefghijklmnopqrstuvwxyz0123456789"
_ID_REST = _ID_START + "ABCDEFGHIJKLMNOPQRSTUVWXYZ._-"
_WINDOW = (datetime(2020, 1, 1), datetime(2030, 12, 31))


def _maybe(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def _tuples(
    elements: st.SearchStrategy[T], max_size: int, *, unique: bool = False
) -> st.SearchStrategy[tuple[T, ...]]:
    """Tuples of ``elements``; always empty when ``elements`` can give nothing."""
    if elements.is_empty:
        return st.just(())
    return st.lists(elements, max_size=max_size, unique=unique).map(tuple)


def _optional_ref(source: st.SearchStrategy[str] | None) -> st.SearchStrategy[str | None]:
    if source is None or source.is_empty:
        return st.none()
    return st.none() | source


def _strategy(value: T | st.SearchStrategy[T]) -> st.SearchStrategy[T]:
    return value if isinstance(value, st.SearchStrategy) else st.just(value)


@_cached
def ids(prefix: str = "") -> st.SearchStrategy[str]:
    """Identifiers: ASCII slugs, optionally starting with ``prefix``."""
    body = st.builds(
        lambda first, rest: first + rest,
        st.sampled_from(_ID_START),
        st.text(alphabet=_ID_REST, max_size=12),
    )
    return body.map(lambda s: (prefix + s)[:100]) if prefix else body


@_cached
def language_tags(tags: tuple[str, ...] = LANGUAGE_TAGS) -> st.SearchStrategy[str]:
    """Well-formed BCP 47 tags, from ``tags``."""
    return st.sampled_from(tags)


@_cached
def zone_keys(zones: tuple[str, ...] = ZONES) -> st.SearchStrategy[str]:
    """IANA zone keys, from ``zones``."""
    return st.sampled_from(zones)


@_cached
def texts(*, max_size: int = 12) -> st.SearchStrategy[str]:
    """Non-blank text in many scripts: samples, and arbitrary Unicode (no lone surrogates)."""
    arbitrary = st.text(
        alphabet=st.characters(exclude_categories=["Cs"]), min_size=1, max_size=max_size
    ).map(lambda s: s if not s.isspace() else s + "x")
    return st.sampled_from(_SAMPLES) | arbitrary


@_cached
def localized_texts(
    *,
    languages: st.SearchStrategy[str] | None = None,
    max_languages: int = 2,
    text: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[LocalizedText]:
    """:class:`LocalizedText` in 1 to ``max_languages`` distinct languages."""
    tags = st.lists(
        languages or language_tags(), min_size=1, max_size=max_languages, unique_by=str.lower
    )
    return tags.flatmap(
        lambda chosen: st.tuples(*[text or texts() for _ in chosen]).map(
            lambda values: LocalizedText(dict(zip(chosen, values, strict=True)))
        )
    )


@_cached
def urls() -> st.SearchStrategy[str]:
    """Absolute http(s) URLs."""
    return st.builds(
        lambda scheme, host, path: f"{scheme}://{host}.org/{path}",
        st.sampled_from(("http", "https")),
        st.sampled_from(("gsef-net", "ripess", "ess-france", "xn--cress-mayotte-9jb", "a")),
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789/_.-", max_size=12),
    )


@_cached
def instants(
    *,
    min_value: datetime = _WINDOW[0],
    max_value: datetime = _WINDOW[1],
    zones: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[datetime]:
    """Aware datetimes in various zones, skipped local times excluded, folds included.

    The model stores them in UTC; drawing them zoned checks that it does.
    Bounds are naive local wall times, as :func:`hypothesis.strategies.datetimes` wants.
    """
    return st.datetimes(
        min_value=min_value,
        max_value=max_value,
        timezones=(zones or zone_keys()).map(ZoneInfo),
        allow_imaginary=False,
    )


@_cached
def intervals(
    *,
    start: st.SearchStrategy[datetime] | None = None,
    max_length: timedelta = timedelta(days=2),
) -> st.SearchStrategy[Interval]:
    """Half-open intervals of one minute up to ``max_length``."""
    minutes = int(max_length.total_seconds() // 60)
    return st.builds(
        # Exact durations: add to the UTC instant, not to the zoned wall clock
        # (a zoned datetime plus 60 minutes across a DST fall-back can end first).
        lambda s, m: Interval(start=s, end=s.astimezone(UTC) + timedelta(minutes=m)),
        start or instants(),
        st.integers(1, max(1, minutes)),
    )


@_cached
def partial_dates() -> st.SearchStrategy[PartialDate]:
    """Dates known to the year, the month or the day."""
    days = st.dates(date(1900, 1, 1), date(2100, 12, 31))
    return st.one_of(
        days.map(lambda d: PartialDate(year=d.year)),
        days.map(lambda d: PartialDate(year=d.year, month=d.month)),
        days.map(lambda d: PartialDate(year=d.year, month=d.month, day=d.day)),
    )


@_cached
def territories(*, max_depth: int = 2) -> st.SearchStrategy[Territory]:
    """ISO territories (countries, subdivisions) and custom regions with members."""
    iso = st.builds(
        Territory.iso,
        st.builds(
            lambda country, subdivision: country + subdivision,
            _COUNTRIES,
            st.sampled_from(("", "-976", "-NAQ", "-QC", "-33", "-1")),
        ),
        _maybe(localized_texts(max_languages=2)),
    )
    if max_depth <= 1:
        return iso
    region = st.builds(
        lambda name, members: Territory.region(name, members),
        localized_texts(max_languages=2),
        st.lists(territories(max_depth=max_depth - 1), max_size=3).map(tuple),
    )
    return iso | region


@_cached
def figures() -> st.SearchStrategy[Figure]:
    """Counted figures."""
    return st.builds(
        Figure,
        measure=ids(),
        count=st.integers(0, 2**53 - 1),
        label=_maybe(localized_texts(max_languages=2)),
    )


@_cached
def affiliations(
    organisation_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Affiliation]:
    """Positions at organisations (ids drawn from ``organisation_ids``)."""
    return st.builds(
        Affiliation,
        organisation=ids("org-") if organisation_ids is None else organisation_ids,
        role=_maybe(localized_texts(max_languages=2)),
    )


@_cached
def organisations(
    *,
    id: st.SearchStrategy[str] | str | None = None,
    organisation_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Organisation]:
    """Organisations; ``member_of`` ids are drawn from ``organisation_ids`` (none if not given)."""
    return st.builds(
        Organisation,
        id=_strategy(id) if id is not None else ids("org-"),
        name=localized_texts(),
        kind=st.sampled_from(OrganisationKind),
        acronym=_maybe(texts(max_size=10)),
        territory=_maybe(territories(max_depth=1)),
        url=_maybe(urls()),
        description=_maybe(localized_texts()),
        founded=_maybe(partial_dates()),
        member_of=(
            _tuples(organisation_ids, 2, unique=True)
            if organisation_ids is not None
            else st.just(())
        ),
        figures=st.lists(figures(), max_size=2).map(tuple),
    )


def _disjoint(items: list[Interval]) -> tuple[Interval, ...]:
    ordered, last = [], None
    for item in sorted(items, key=lambda i: i.start):
        if last is None or item.start >= last.end:
            ordered.append(item)
            last = item
    return tuple(ordered)


@_cached
def speakers(
    *,
    id: st.SearchStrategy[str] | str | None = None,
    organisation_ids: st.SearchStrategy[str] | None = None,
    zones: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Speaker]:
    """Speakers with affiliations, zones and non-overlapping availability."""
    return st.builds(
        Speaker,
        id=_strategy(id) if id is not None else ids("spk-"),
        name=texts(max_size=40),
        honorific=_maybe(localized_texts(max_languages=2)),
        affiliations=_tuples(affiliations(organisation_ids), 2),
        bio=_maybe(localized_texts()),
        country=_maybe(_COUNTRIES),
        time_zone=_maybe(zones or zone_keys()),
        availability=st.lists(intervals(max_length=timedelta(hours=12)), max_size=3).map(_disjoint),
        links=st.lists(urls(), max_size=2).map(tuple),
    )


@_cached
def contributions(
    *,
    speaker_ids: st.SearchStrategy[str] | None = None,
    initiative_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Contribution]:
    """A speaker's part in a session, linked to initiatives."""
    return st.builds(
        Contribution,
        speaker=ids("spk-") if speaker_ids is None else speaker_ids,
        title=_maybe(localized_texts()),
        abstract=_maybe(localized_texts()),
        initiatives=_tuples(
            ids("ini-") if initiative_ids is None else initiative_ids, 3, unique=True
        ),
    )


@_cached
def sessions(
    *,
    id: st.SearchStrategy[str] | str | None = None,
    start: st.SearchStrategy[datetime] | None = None,
    max_length: timedelta = timedelta(hours=8),
    formats: st.SearchStrategy[SessionFormat] | None = None,
    languages: st.SearchStrategy[str] | None = None,
    speaker_ids: st.SearchStrategy[str] | None = None,
    initiative_ids: st.SearchStrategy[str] | None = None,
    location_ids: st.SearchStrategy[str] | None = None,
    track_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Session]:
    """Sessions; references are drawn from the given id strategies (free ids otherwise)."""
    langs = languages or language_tags()
    return st.builds(
        lambda span, **fields: Session(start=span.start, end=span.end, **fields),
        intervals(start=start, max_length=max_length),
        id=_strategy(id) if id is not None else ids("ses-"),
        title=localized_texts(),
        format=formats or st.sampled_from(SessionFormat),
        languages=st.lists(langs, max_size=3, unique_by=str.lower).map(tuple),
        interpretation=st.lists(langs, max_size=3, unique_by=str.lower).map(tuple),
        attendance_mode=_maybe(st.sampled_from(AttendanceMode)),
        location=_optional_ref(location_ids),
        track=_optional_ref(track_ids),
        description=_maybe(localized_texts()),
        objectives=st.lists(localized_texts(), max_size=3).map(tuple),
        questions=st.lists(localized_texts(), max_size=2).map(tuple),
        moderators=_tuples(ids("spk-") if speaker_ids is None else speaker_ids, 2, unique=True),
        contributions=_tuples(
            contributions(speaker_ids=speaker_ids, initiative_ids=initiative_ids), 3
        ),
        tags=st.frozensets(texts(max_size=15), max_size=3),
        url=_maybe(urls()),
    )


@_cached
def governance_bodies() -> st.SearchStrategy[GovernanceBody]:
    """Steering and follow-up committees."""
    return st.builds(GovernanceBody, name=localized_texts(), purpose=_maybe(localized_texts()))


@_cached
def activities() -> st.SearchStrategy[Activity]:
    """Dated activities with counted figures."""
    return st.builds(
        Activity,
        title=localized_texts(),
        format=_maybe(st.sampled_from(SessionFormat)),
        date=_maybe(partial_dates()),
        description=_maybe(localized_texts()),
        figures=st.lists(figures(), max_size=3).map(tuple),
    )


def _ordered_dates(pair: tuple[PartialDate | None, PartialDate | None]) -> tuple[Any, Any]:
    first, second = pair
    if first is not None and second is not None and second < first:
        return second, first
    return first, second


@_cached
def initiatives(
    *,
    id: st.SearchStrategy[str] | str | None = None,
    organisation_ids: st.SearchStrategy[str] | None = None,
    initiative_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Initiative]:
    """Initiatives; ``lead``/``partners`` from ``organisation_ids``, ``related`` from ``initiative_ids``."""
    orgs = ids("org-") if organisation_ids is None else organisation_ids
    return st.builds(
        lambda span, ident, related, **fields: Initiative(
            id=ident,
            start=span[0],
            end=span[1],
            related=tuple(r for r in related if r != ident),
            **fields,
        ),
        st.tuples(_maybe(partial_dates()), _maybe(partial_dates())).map(_ordered_dates),
        _strategy(id) if id is not None else ids("ini-"),
        _tuples(initiative_ids, 2, unique=True) if initiative_ids is not None else st.just(()),
        name=localized_texts(),
        kind=st.sampled_from(InitiativeKind),
        status=_maybe(st.sampled_from(InitiativeStatus)),
        aliases=st.lists(texts(max_size=20), max_size=2).map(tuple),
        description=_maybe(localized_texts()),
        recurrence=_maybe(localized_texts(max_languages=1)),
        territories=st.lists(territories(), max_size=2).map(tuple),
        lead=_tuples(orgs, 2, unique=True),
        partners=_tuples(orgs, 3, unique=True),
        axes=st.lists(localized_texts(), max_size=3).map(tuple),
        governance=st.lists(governance_bodies(), max_size=2).map(tuple),
        activities=st.lists(activities(), max_size=2).map(tuple),
        themes=st.frozensets(st.sampled_from(Theme), max_size=3),
        sdgs=st.frozensets(st.integers(1, 17), max_size=3),
        sources=st.lists(urls(), max_size=2).map(tuple),
    )


@_cached
def locations(*, id: st.SearchStrategy[str] | str | None = None) -> st.SearchStrategy[Location]:
    """Rooms and online channels."""
    return st.builds(
        Location,
        id=_strategy(id) if id is not None else ids("loc-"),
        name=localized_texts(max_languages=2),
        kind=st.sampled_from(LocationKind),
        time_zone=_maybe(zone_keys()),
        url=_maybe(urls()),
        capacity=_maybe(st.integers(1, 100_000)),
    )


@_cached
def tracks(*, id: st.SearchStrategy[str] | str | None = None) -> st.SearchStrategy[Track]:
    """Tracks of a programme."""
    return st.builds(
        Track,
        id=_strategy(id) if id is not None else ids("trk-"),
        name=localized_texts(max_languages=2),
        description=_maybe(localized_texts()),
    )


def _with_id(item: Any, id: str) -> Any:
    if isinstance(item, Initiative):  # an initiative cannot relate to itself
        return attrs.evolve(item, id=id, related=tuple(r for r in item.related if r != id))
    return attrs.evolve(item, id=id)


def _unique_ids(prefix: str, max_size: int, min_size: int = 0) -> st.SearchStrategy[list[str]]:
    return st.lists(ids(prefix), min_size=min_size, max_size=max_size, unique=True)


@st.composite
def programmes(
    draw: st.DrawFn,
    *,
    max_sessions: int = 4,
    max_speakers: int = 4,
    max_organisations: int = 3,
    max_initiatives: int = 3,
    zones: st.SearchStrategy[str] | None = None,
    languages: st.SearchStrategy[str] | None = None,
) -> Programme:
    """Whole programmes whose every reference resolves.

    Ids are drawn first, then each object draws its references from them:
    moderators and contributors are speakers of the programme, partners are
    its organisations, and so on.
    """
    org_ids = draw(_unique_ids("org-", max_organisations))
    spk_ids = draw(_unique_ids("spk-", max_speakers))
    ini_ids = draw(_unique_ids("ini-", max_initiatives))
    loc_ids = draw(_unique_ids("loc-", 3))
    trk_ids = draw(_unique_ids("trk-", 3))
    ses_ids = draw(_unique_ids("ses-", max_sessions))

    def refs(values: list[str]) -> st.SearchStrategy[str]:
        # An empty pool gives a strategy with no values: lists of it stay
        # empty and optional references stay None, so nothing dangles.
        return st.sampled_from(values) if values else st.nothing()

    def batch(strategy: st.SearchStrategy[Any], ids_: list[str]) -> list[Any]:
        drawn = draw(st.lists(strategy, min_size=len(ids_), max_size=len(ids_)))
        return [_with_id(item, i) for item, i in zip(drawn, ids_, strict=True)]

    orgs = batch(organisations(organisation_ids=refs(org_ids)), org_ids)
    people = batch(speakers(organisation_ids=refs(org_ids), zones=zones), spk_ids)
    inits = batch(
        initiatives(organisation_ids=refs(org_ids), initiative_ids=refs(ini_ids)), ini_ids
    )
    rooms = batch(locations(), loc_ids)
    threads = batch(tracks(), trk_ids)
    talks = batch(
        sessions(
            languages=languages,
            speaker_ids=refs(spk_ids),
            initiative_ids=refs(ini_ids),
            location_ids=refs(loc_ids),
            track_ids=refs(trk_ids),
        ),
        ses_ids,
    )
    first = draw(st.dates(date(2020, 1, 1), date(2030, 12, 1)))
    return Programme(
        id=draw(ids()),
        title=draw(localized_texts()),
        time_zone=draw(zones or zone_keys()),
        start_date=first,
        end_date=first + timedelta(days=draw(st.integers(0, 10))),
        organiser=draw(_optional_ref(refs(org_ids))),
        languages=tuple(
            draw(st.lists(languages or language_tags(), max_size=3, unique_by=str.lower))
        ),
        description=draw(_maybe(localized_texts())),
        url=draw(_maybe(urls())),
        locations=tuple(rooms),
        tracks=tuple(threads),
        sessions=tuple(talks),
        speakers=tuple(people),
        organisations=tuple(orgs),
        initiatives=tuple(inits),
    )
