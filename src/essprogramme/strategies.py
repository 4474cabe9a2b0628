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
import random
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
    "invalid_documents",
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
        (language_tags() if languages is None else languages),
        min_size=1,
        max_size=max_languages,
        unique_by=str.lower,
    )
    return tags.flatmap(
        lambda chosen: st.tuples(*[(texts() if text is None else text) for _ in chosen]).map(
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
        timezones=(zone_keys() if zones is None else zones).map(ZoneInfo),
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
        (instants() if start is None else start),
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
        time_zone=_maybe(zone_keys() if zones is None else zones),
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
    zones: st.SearchStrategy[str] | None = None,
    speaker_ids: st.SearchStrategy[str] | None = None,
    initiative_ids: st.SearchStrategy[str] | None = None,
    location_ids: st.SearchStrategy[str] | None = None,
    track_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Session]:
    """Sessions; references are drawn from the given id strategies (free ids otherwise).

    Start instants are drawn in ``zones`` (default :data:`ZONES`), skipped
    local times excluded and DST folds included, so that sessions cross DST
    changes and local midnight.
    """
    langs = language_tags() if languages is None else languages
    return st.builds(
        lambda span, **fields: Session(start=span.start, end=span.end, **fields),
        intervals(start=(instants(zones=zones) if start is None else start), max_length=max_length),
        id=_strategy(id) if id is not None else ids("ses-"),
        title=localized_texts(),
        format=(st.sampled_from(SessionFormat) if formats is None else formats),
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


#: Up to this many items of a kind, every item of a programme is drawn.
_DRAWN = 4
#: Beyond it, this many are drawn and the others are copies of them.
_PROTOTYPES = 2


@st.composite
def programmes(
    draw: st.DrawFn,
    *,
    min_sessions: int = 0,
    max_sessions: int = 4,
    min_speakers: int = 0,
    max_speakers: int = 4,
    min_organisations: int = 0,
    max_organisations: int = 3,
    min_initiatives: int = 0,
    max_initiatives: int = 3,
    zones: st.SearchStrategy[str] | None = None,
    languages: st.SearchStrategy[str] | None = None,
) -> Programme:
    """Whole programmes whose every reference resolves.

    Ids are drawn first, then each object draws its references from them:
    moderators and contributors are speakers of the programme, partners are
    its organisations, and so on. Sizes are bounded by the ``min_*`` and
    ``max_*`` arguments.

    Large programmes stay quick to generate: beyond four items of a kind,
    two are drawn and the rest are copies of them with new ids, and copied
    sessions move in time (exact minutes, up to three days) and get their
    moderators and speakers re-chosen, all from one drawn seed.
    """
    sizes = {
        "sessions": (min_sessions, max_sessions),
        "speakers": (min_speakers, max_speakers),
        "organisations": (min_organisations, max_organisations),
        "initiatives": (min_initiatives, max_initiatives),
    }
    options: dict[str, Any] = {"zones": zones, "languages": languages}
    if all(high <= _DRAWN for _, high in sizes.values()):
        bounds: dict[str, Any] = {}
        for kind, (low, high) in sizes.items():
            bounds.update({f"min_{kind}": low, f"max_{kind}": high})
        return draw(_drawn_programmes(**bounds, **options))
    counts = {kind: draw(st.integers(low, high)) for kind, (low, high) in sizes.items()}
    exact: dict[str, Any] = {}
    for kind, count in counts.items():
        exact.update(
            {f"min_{kind}": min(count, _PROTOTYPES), f"max_{kind}": min(count, _PROTOTYPES)}
        )
    base: Programme = draw(_drawn_programmes(**exact, **options))
    return _grown(base, counts, random.Random(draw(st.integers(0, 2**32 - 1))))


def _grown(base: Programme, counts: dict[str, int], rng: random.Random) -> Programme:
    """``base`` with each collection filled up to ``counts`` by copies of its items."""
    taken = {item.id for kind in counts for item in getattr(base, kind)}

    def filled(kind: str, change: Callable[[Any, str], Any]) -> tuple[Any, ...]:
        items = list(getattr(base, kind))
        prototypes, copy = tuple(items), 0
        while len(items) < counts[kind]:
            proto = prototypes[len(items) % len(prototypes)]
            copy += 1
            new_id = f"{proto.id}.{copy}"
            if new_id not in taken:
                taken.add(new_id)
                items.append(change(proto, new_id))
        return tuple(items)

    def renamed(item: Any, new_id: str) -> Any:
        return attrs.evolve(item, id=new_id)

    speakers_ = filled("speakers", renamed)
    everyone = [p.id for p in speakers_]

    def moved(session: Session, new_id: str) -> Session:
        shift = timedelta(minutes=rng.randrange(-3 * 24 * 60, 3 * 24 * 60 + 1))
        return attrs.evolve(
            session,
            id=new_id,
            start=session.start + shift,
            end=session.end + shift,
            moderators=tuple(rng.sample(everyone, len(session.moderators))),
            contributions=tuple(
                attrs.evolve(c, speaker=rng.choice(everyone)) for c in session.contributions
            ),
        )

    return attrs.evolve(
        base,
        sessions=filled("sessions", moved),
        speakers=speakers_,
        organisations=filled("organisations", renamed),
        initiatives=filled("initiatives", renamed),
    )


@st.composite
def _drawn_programmes(
    draw: st.DrawFn,
    *,
    min_sessions: int = 0,
    max_sessions: int = 4,
    min_speakers: int = 0,
    max_speakers: int = 4,
    min_organisations: int = 0,
    max_organisations: int = 3,
    min_initiatives: int = 0,
    max_initiatives: int = 3,
    zones: st.SearchStrategy[str] | None = None,
    languages: st.SearchStrategy[str] | None = None,
) -> Programme:
    """Programmes whose every item is drawn (see :func:`programmes`)."""
    org_ids = draw(_unique_ids("org-", max_organisations, min_organisations))
    spk_ids = draw(_unique_ids("spk-", max_speakers, min_speakers))
    ini_ids = draw(_unique_ids("ini-", max_initiatives, min_initiatives))
    loc_ids = draw(_unique_ids("loc-", 3))
    trk_ids = draw(_unique_ids("trk-", 3))
    ses_ids = draw(_unique_ids("ses-", max_sessions, min_sessions))

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
        time_zone=draw(zone_keys() if zones is None else zones),
        start_date=first,
        end_date=first + timedelta(days=draw(st.integers(0, 10))),
        organiser=draw(_optional_ref(refs(org_ids))),
        languages=tuple(
            draw(
                st.lists(
                    (language_tags() if languages is None else languages),
                    max_size=3,
                    unique_by=str.lower,
                )
            )
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


# Invalid documents -------------------------------------------------------

Mutation = Callable[[dict[str, Any]], tuple[str, tuple[str | int, ...]]]


def _set(path: tuple[str | int, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        target: Any = document
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


def _mutation(
    code: str, where: tuple[str | int, ...], value: Any, at: tuple[str | int, ...] | None = None
) -> Mutation:
    """Set ``where`` to ``value``; the problem is ``code`` at ``at`` (default ``where``)."""

    def mutate(document: dict[str, Any]) -> tuple[str, tuple[str | int, ...]]:
        _set(where, value)(document)
        return code, where if at is None else at

    return mutate


def _delete(key: str) -> Mutation:
    def mutate(document: dict[str, Any]) -> tuple[str, tuple[str | int, ...]]:
        del document[key]
        return "required", (key,)

    return mutate


def _end_at_start(document: dict[str, Any]) -> tuple[str, tuple[str | int, ...]]:
    document["sessions"][0]["end"] = document["sessions"][0]["start"]
    return "end_before_start", ("sessions", 0, "end")


def _programme_ends_early(document: dict[str, Any]) -> tuple[str, tuple[str | int, ...]]:
    document["start_date"], document["end_date"] = "2026-10-08", "2026-10-07"
    return "end_before_start", ("end_date",)


def _duplicate_speaker(document: dict[str, Any]) -> tuple[str, tuple[str | int, ...]]:
    document["speakers"].append(dict(document["speakers"][0]))
    return "duplicate_id", ("speakers", len(document["speakers"]) - 1, "id")


def _self_related(document: dict[str, Any]) -> tuple[str, tuple[str | int, ...]]:
    initiative = document["initiatives"][0]
    initiative["related"] = [initiative["id"]]
    return "self_reference", ("initiatives", 0, "related", 0)


_OVERLAPPING = [
    {"start": "2026-10-08T09:00:00Z", "end": "2026-10-08T12:00:00Z"},
    {"start": "2026-10-08T11:00:00+02:00", "end": "2026-10-08T15:00:00+02:00"},
]

#: One mutation per rule the model checks, each with the problem it causes.
_MUTATIONS: tuple[Mutation, ...] = (
    _mutation("type", ("id",), 42),
    _mutation("type", ("sessions", 0, "languages"), "fr"),
    _mutation("type", ("sessions", 0, "title"), "Atelier"),
    _delete("title"),
    _mutation("unknown_key", ("sessions", 0, "speaker"), "spk-0"),
    _mutation("empty", ("title",), {"fr": " \t"}, ("title", "fr")),
    _mutation("empty", ("title",), {}, ("title",)),
    _mutation("empty", ("speakers", 0, "name"), " "),
    _mutation("language_tag", ("title",), {"french": "Forum"}, ("title", "french")),
    _mutation("language_tag", ("sessions", 0, "languages"), ["fr", "fr_FR"], ("sessions", 0, "languages", 1)),
    _mutation("duplicate_language", ("title",), {"fr": "a", "FR": "b"}, ("title", "FR")),
    _mutation("duplicate", ("sessions", 0, "languages"), ["fr", "FR"], ("sessions", 0, "languages", 1)),
    _mutation("duplicate", ("initiatives", 0, "themes"), ["youth", "youth"], ("initiatives", 0, "themes")),
    _mutation("id", ("sessions", 0, "id"), "has space"),
    _mutation("time_zone", ("time_zone",), "Mars/Olympus_Mons"),
    _mutation("time_zone", ("speakers", 0, "time_zone"), "+03:00"),
    _mutation("enum", ("sessions", 0, "format"), "atelier"),
    _mutation("enum", ("organisations", 0, "kind"), "NGO"),
    _mutation("naive_datetime", ("sessions", 0, "start"), "2026-10-08T11:00:00"),
    _mutation("instant", ("sessions", 0, "end"), "8 octobre 2026, 12h30"),
    _mutation("instant_range", ("sessions", 0, "start"), "0001-01-01T00:00:00+01:00"),
    _end_at_start,
    _programme_ends_early,
    _mutation("date", ("start_date",), "2026-13-01"),
    _mutation("partial_date", ("initiatives", 0, "start"), "2021-02-30"),
    _mutation("country_code", ("speakers", 0, "country"), "fr"),
    _mutation("territory_code", ("organisations", 0, "territory"), {"code": "fra"}, ("organisations", 0, "territory", "code")),
    _mutation("territory_members", ("organisations", 0, "territory"), {"code": "FR", "members": [{"code": "YT"}]}, ("organisations", 0, "territory", "members")),
    _mutation("required", ("organisations", 0, "territory"), {}, ("organisations", 0, "territory", "code")),
    _mutation("url", ("organisations", 0, "url"), "ftp://gsef-net.org"),
    _mutation("range", ("initiatives", 0, "sdgs"), [18], ("initiatives", 0, "sdgs", 0)),
    _mutation("range", ("organisations", 0, "figures"), [{"measure": "x", "count": -1}], ("organisations", 0, "figures", 0, "count")),
    _mutation("overlapping_availability", ("speakers", 0, "availability"), _OVERLAPPING, ("speakers", 0, "availability", 1)),
    _self_related,
    _duplicate_speaker,
    _mutation("unknown_reference", ("sessions", 0, "moderators"), ["nobody-at-all"], ("sessions", 0, "moderators", 0)),
    _mutation("unknown_reference", ("organiser",), "no-such-organisation"),
)  # fmt: skip


@st.composite
def invalid_documents(
    draw: st.DrawFn,
) -> tuple[dict[str, Any], str, tuple[str | int, ...]]:
    """``(document, code, location)``: a programme document broken by one rule.

    A valid programme is drawn and turned into plain JSON data, then one
    mutation breaks exactly one rule the model checks. Decoding the
    document must raise a :class:`~essprogramme.ValidationError` with a
    problem of that ``code`` at that ``location`` (spelt as a JSON path by
    :func:`essprogramme.errors.json_path`).
    """
    from .codec import to_dict

    programme = draw(
        programmes(
            min_sessions=1, max_sessions=2, min_speakers=1, max_speakers=2,
            min_organisations=1, max_organisations=2, min_initiatives=1, max_initiatives=2,
        )
    )  # fmt: skip
    document: dict[str, Any] = to_dict(programme)
    mutate = draw(st.sampled_from(_MUTATIONS))
    code, location = mutate(document)
    return document, code, location
