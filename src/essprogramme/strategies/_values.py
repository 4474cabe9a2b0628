"""Strategies for the small values the model is made of.

Identifiers, language tags, zone keys, texts in many scripts, URLs,
instants on local wall clocks, partial dates and multilingual texts: the
leaves that :mod:`._objects` puts together into model objects. Every
strategy here is built once per configuration (they are immutable) and
draws few choices, so that whole programmes stay quick to generate.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import ParamSpec, TypeVar
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from ..model import LocalizedText, PartialDate

__all__ = [
    "COUNTRIES",
    "CURRENCIES",
    "LANGUAGE_TAGS",
    "WINDOW",
    "ZONES",
    "amounts",
    "cached",
    "colors",
    "countries",
    "currencies",
    "dates",
    "emails",
    "ids",
    "instants",
    "language_tags",
    "localized_texts",
    "locodes",
    "maybe",
    "numbers",
    "partial_dates",
    "spans",
    "territory_codes",
    "texts",
    "transitions",
    "urls",
    "zone_keys",
]

T = TypeVar("T")
P = ParamSpec("P")


def cached(factory: Callable[P, T]) -> Callable[P, T]:
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

#: ISO 3166-1 codes drawn by default: the seed's countries and a few more.
COUNTRIES = ("YT", "FR", "AW", "GL", "TZ", "KE", "KM", "MZ", "TN", "CA", "TG", "KR")
_SUBDIVISIONS = ("", "-976", "-NAQ", "-QC", "-33", "-1")
#: ISO 4217 codes drawn by default: the euro, the CFA franc (no minor unit
#: in practice), currencies with no or three decimals (KRW, TND).
CURRENCIES = ("EUR", "XOF", "CAD", "USD", "KRW", "TND", "XPF")
#: UN/LOCODEs: Bordeaux, Paris, Mamoudzou, Montréal, Lens, Strasbourg, Lomé,
#: Seoul, and one with a digit (allowed in the place part).
_LOCODES = ("FRBOD", "FRPAR", "YTMAM", "CAMTR", "FRLNS", "FRSXB", "TGLFW", "KRSEL", "FR2RB")
#: Domains and local parts of drawn e-mail addresses.
_MAIL_DOMAINS = ("gsef-net.org", "ripess.org", "xn--cress-mayotte-9jb.fr", "ess-france.org")
_MAIL_LOCAL = "abcdefghijklmnopqrstuvwxyz0123456789._%+-"

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

_ID_START = "abcdefghijklmnopqrstuvwxyz0123456789"
_ID_REST = _ID_START + "ABCDEFGHIJKLMNOPQRSTUVWXYZ._-"
#: Instants and dates are drawn in this window by default (naive wall times).
WINDOW = (datetime(2020, 1, 1), datetime(2030, 12, 31))


def maybe(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """``None`` or a value of ``strategy``; shrinks towards ``None``."""
    if strategy.is_empty:
        return st.none()
    return st.none() | strategy


@cached
def ids(prefix: str = "") -> st.SearchStrategy[str]:
    """Identifiers: ASCII slugs, optionally starting with ``prefix``."""
    body = st.builds(
        lambda first, rest: first + rest,
        st.sampled_from(_ID_START),
        st.text(alphabet=_ID_REST, max_size=12),
    )
    return body.map(lambda s: (prefix + s)[:100]) if prefix else body


@cached
def language_tags(tags: tuple[str, ...] = LANGUAGE_TAGS) -> st.SearchStrategy[str]:
    """Well-formed BCP 47 tags, from ``tags``."""
    return st.sampled_from(tags)


@cached
def zone_keys(zones: tuple[str, ...] = ZONES) -> st.SearchStrategy[str]:
    """IANA zone keys, from ``zones``."""
    return st.sampled_from(zones)


@cached
def countries() -> st.SearchStrategy[str]:
    """ISO 3166-1 alpha-2 country codes."""
    return st.sampled_from(COUNTRIES)


@cached
def currencies() -> st.SearchStrategy[str]:
    """ISO 4217 currency codes."""
    return st.sampled_from(CURRENCIES)


@cached
def locodes() -> st.SearchStrategy[str]:
    """UN/LOCODEs of cities and places (``FRBOD``)."""
    return st.sampled_from(_LOCODES)


@cached
def emails() -> st.SearchStrategy[str]:
    """E-mail addresses: a local part with dots, plus signs and percent signs, a domain."""
    return st.builds(
        "{}@{}".format,
        st.text(alphabet=_MAIL_LOCAL, min_size=1, max_size=10),
        st.sampled_from(_MAIL_DOMAINS),
    )


def _color(value: int, upper: bool) -> str:
    text = f"#{value:06x}"
    return text.upper() if upper else text


@cached
def colors() -> st.SearchStrategy[str]:
    """Colours as ``#RRGGBB``, in either case."""
    return st.builds(_color, st.integers(0, 0xFFFFFF), st.booleans())


def _amount(units: int, decimals: int, fraction: int) -> Decimal:
    # Written as text, as JSON carries it: "12.50" keeps its trailing zero.
    if not decimals:
        return Decimal(units)
    return Decimal(f"{units}.{fraction % 10**decimals:0{decimals}d}")


@cached
def amounts() -> st.SearchStrategy[Decimal]:
    """Non-negative :class:`~decimal.Decimal` amounts with 0 to 4 decimals (``12.50``)."""
    return st.builds(
        _amount,
        st.integers(0, 10**15 - 1),
        st.integers(0, 4),
        st.integers(0, 9999),
    )


@cached
def numbers(low: float, high: float) -> st.SearchStrategy[float]:
    """Finite floats from ``low`` to ``high``, both ends included (coordinates)."""
    return st.floats(low, high, allow_nan=False, allow_infinity=False)


@cached
def territory_codes() -> st.SearchStrategy[str]:
    """ISO 3166-1 alpha-2 and ISO 3166-2 codes (``YT``, ``FR-976``)."""
    return st.builds(
        lambda country, subdivision: country + subdivision,
        countries(),
        st.sampled_from(_SUBDIVISIONS),
    )


def _not_blank(text: str) -> str:
    return text if not text.isspace() else text + "x"


@cached
def _plain_texts(max_size: int) -> st.SearchStrategy[str]:
    """Arbitrary non-blank Unicode text (no lone surrogates): one choice."""
    return st.text(
        alphabet=st.characters(exclude_categories=["Cs"]), min_size=1, max_size=max_size
    ).map(_not_blank)


@cached
def texts(*, max_size: int = 12) -> st.SearchStrategy[str]:
    """Non-blank text in many scripts: samples, and arbitrary Unicode (no lone surrogates)."""
    return st.sampled_from(_SAMPLES) | _plain_texts(max_size)


#: Ready-made texts: the samples in their languages, and translations side
#: by side (left-to-right next to right-to-left scripts).
_TEMPLATES = (
    {"fr": _SAMPLES[0]},
    {"en": _SAMPLES[1]},
    {"es": _SAMPLES[2]},
    {"ar": _SAMPLES[3]},
    {"he": _SAMPLES[4]},
    {"ko": _SAMPLES[5]},
    {"zh-Hant-TW": _SAMPLES[6]},
    {"hi": _SAMPLES[7]},
    {"sw": _SAMPLES[8]},
    {"fr-YT": _SAMPLES[9]},
    {"x-klingon": _SAMPLES[10]},
    {"fr": _SAMPLES[0], "en": _SAMPLES[1]},
    {"ar": _SAMPLES[3], "fr": _SAMPLES[0]},
    {"es-419": _SAMPLES[2], "he": _SAMPLES[4]},
    {"sw": _SAMPLES[8], "fr-CA": _SAMPLES[10]},
)


@st.composite
def _any_localized(
    draw: st.DrawFn,
    tags: st.SearchStrategy[str],
    text: st.SearchStrategy[str],
    max_languages: int,
) -> LocalizedText:
    """1 to ``max_languages`` entries; a tag already taken (in any case) is skipped."""
    entries: dict[str, str] = {}
    taken: set[str] = set()
    for index in range(max_languages):
        if index and not draw(st.booleans()):
            break
        tag = draw(tags)
        if tag.lower() not in taken:
            taken.add(tag.lower())
            entries[tag] = draw(text)
    return LocalizedText(entries)


@cached
def localized_texts(
    *,
    languages: st.SearchStrategy[str] | None = None,
    max_languages: int = 2,
    text: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[LocalizedText]:
    """:class:`LocalizedText` in 1 to ``max_languages`` distinct languages.

    Without ``languages`` and ``text``, ready-made multilingual texts (the
    samples, right-to-left next to left-to-right) come half of the time:
    one choice instead of several, and texts a reader can check by eye.
    """
    arbitrary = _any_localized(
        language_tags() if languages is None else languages,
        _plain_texts(12) if text is None else text,
        max(1, max_languages),
    )
    if languages is not None or text is not None:
        return arbitrary
    ready = [LocalizedText(t) for t in _TEMPLATES if len(t) <= max_languages]
    return st.sampled_from(ready) | arbitrary


#: Where drawn URLs start: http and https, a port, an IDN host, a
#: percent-encoded path, a query.
_SITES = (
    "https://www.gsef-net.org/",
    "http://ripess.org/",
    "https://xn--cress-mayotte-9jb.fr/",
    "http://ess-france.org:8080/",
    "https://a.b/%C3%A9conomie/",
    "https://gsef-net.org/?lang=fr&p=",
)


@cached
def urls() -> st.SearchStrategy[str]:
    """Absolute http(s) URLs."""
    return st.builds(
        "{}{}".format,
        st.sampled_from(_SITES),
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789/_.-~:", max_size=12),
    )


#: Seconds and microseconds of drawn instants: a whole minute, a whole
#: second, a fraction with trailing zeros, the last microsecond, the first.
_SECONDS = ((0, 0), (30, 0), (59, 500_000), (59, 999_999), (1, 1), (7, 654_321))


@functools.lru_cache(maxsize=1024)
def transitions(zone: str, low: datetime, high: datetime) -> tuple[datetime, ...]:
    """The zone's offset changes between ``low`` and ``high`` (naive UTC), to the minute."""
    tz = ZoneInfo(zone)

    def offset(moment: datetime) -> timedelta | None:
        return moment.replace(tzinfo=UTC).astimezone(tz).utcoffset()

    found = []
    # Weekly probes: offset changes come months apart (a change undone
    # within the week would be missed, which only costs a target).
    step = timedelta(days=7)
    here, before = low, offset(low)
    while here < high:
        after = offset(here + step)
        if after != before:  # bisect to the minute
            left, right = here, here + step
            while right - left > timedelta(minutes=1):
                middle = left + (right - left) / 2
                left, right = (middle, right) if offset(middle) == before else (left, middle)
            found.append(right.replace(second=0, microsecond=0))
        here, before = here + step, after
    return tuple(found)


@st.composite
def _zoned_instants(
    draw: st.DrawFn, zones: st.SearchStrategy[str], low: datetime, high: datetime
) -> datetime:
    zone = draw(zones)
    tz = ZoneInfo(zone)
    changes = transitions(zone, low, high)
    fold = 0
    if changes and draw(st.integers(0, 3)) == 0:
        # Near an offset change (DST), on either side, in both folds.
        change = draw(st.sampled_from(changes)).replace(tzinfo=UTC).astimezone(tz)
        wall = change.replace(tzinfo=None) + timedelta(minutes=draw(st.integers(-120, 120)))
        fold = draw(st.integers(0, 1))
    else:
        first = datetime(low.year, low.month, low.day)
        if (high - low).days > 366:
            # A year, then a day in it: Hypothesis leans towards small
            # integers, and one count of days would crowd the first years.
            year = draw(st.integers(low.year, high.year))
            first = datetime(year, 1, 1)
        day = first + timedelta(days=draw(st.integers(0, min(365, (high - first).days))))
        wall = day + timedelta(minutes=draw(st.integers(0, 24 * 60 - 1)))
    second, microsecond = draw(st.sampled_from(_SECONDS))
    wall = min(max(wall.replace(second=second, microsecond=microsecond), low), high)
    moment = wall.replace(tzinfo=tz, fold=fold)
    if moment.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != wall:
        # A skipped local time (in a DST gap): take the real time it maps to.
        moment = moment.astimezone(UTC).astimezone(tz)
    return moment


@cached
def instants(
    *,
    min_value: datetime = WINDOW[0],
    max_value: datetime = WINDOW[1],
    zones: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[datetime]:
    """Aware datetimes in various zones, skipped local times excluded, folds included.

    Drawn on local wall clocks: a quarter of them within two hours of one
    of the zone's offset changes (DST), in either fold; local midnight is
    where they shrink to. The model stores them in UTC; drawing them zoned
    checks that it does. Bounds are naive local wall times.
    """
    return _zoned_instants(zone_keys() if zones is None else zones, min_value, max_value)


def _span(start: datetime, minutes: int) -> tuple[datetime, datetime]:
    # Exact durations: add to the UTC instant, not to the zoned wall clock
    # (a zoned datetime plus 60 minutes across a DST fall-back can end first).
    return start, start.astimezone(UTC) + timedelta(minutes=minutes)


@cached
def spans(
    *, start: st.SearchStrategy[datetime] | None = None, max_length: timedelta
) -> st.SearchStrategy[tuple[datetime, datetime]]:
    """``(start, end)`` pairs, end one minute to ``max_length`` after start."""
    minutes = max(1, int(max_length.total_seconds() // 60))
    return st.builds(_span, instants() if start is None else start, st.integers(1, minutes))


@cached
def dates() -> st.SearchStrategy[date]:
    """Calendar dates in the default window."""
    return st.dates(WINDOW[0].date(), WINDOW[1].date())


def _partial(precision: int, day: date) -> PartialDate:
    if precision == 0:
        return PartialDate(year=day.year)
    if precision == 1:
        return PartialDate(year=day.year, month=day.month)
    return PartialDate(year=day.year, month=day.month, day=day.day)


@cached
def partial_dates() -> st.SearchStrategy[PartialDate]:
    """Dates known to the year, the month or the day: always real calendar days."""
    return st.builds(_partial, st.integers(0, 2), st.dates(date(1900, 1, 1), date(2100, 12, 31)))
