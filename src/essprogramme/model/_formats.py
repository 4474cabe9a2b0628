"""Well-formedness of the small strings the model holds: ids, tags, zones, codes.

Each pattern is written so that the JSON Schema files can carry the very same
text (ECMA-262 and Python agree on it): explicit character classes, no ``\\d``,
anchored with ``^...$``.
"""

from __future__ import annotations

import math
import os
import re
from functools import cache, lru_cache
from typing import Any

__all__ = [
    "COLOR_MATCH",
    "COLOR_PATTERN",
    "COUNTRY_MATCH",
    "COUNTRY_PATTERN",
    "CURRENCY_MATCH",
    "CURRENCY_PATTERN",
    "DATE_PATTERN",
    "EMAIL_MATCH",
    "EMAIL_PATTERN",
    "FIELD_MATCH",
    "FIELD_PATTERN",
    "ID_MATCH",
    "ID_PATTERN",
    "INSTANT_PATTERN",
    "LANGUAGE_TAG_PATTERN",
    "LOCODE_MATCH",
    "LOCODE_PATTERN",
    "MAX_DEPTH",
    "MAX_URL_LENGTH",
    "MAX_VALUES",
    "TERRITORY_CODE_PATTERN",
    "TERRITORY_MATCH",
    "URL_PATTERN",
    "ZONE_KEY_PATTERN",
    "expansion",
    "has_lone_surrogate",
    "is_country_code",
    "is_date_text",
    "is_id",
    "is_instant_text",
    "is_language_tag",
    "is_territory_code",
    "is_url",
    "is_zone_key",
    "looks_naive",
    "zone_keys",
]

#: The deepest nesting of JSON containers any entry point accepts (the root
#: is depth 1): far inside what the parsers, the validators and Python's
#: recursion limit can handle, far beyond what a programme needs.
MAX_DEPTH = 64
#: The longest URL accepted; checked before any pattern, so checks stay linear.
MAX_URL_LENGTH = 8192

#: The most values data that holds the same list or dict more than once may
#: stand for. Shared containers expand, for every validator, into a tree that
#: can be exponentially larger than the data (``x = [x, x]`` sixty times
#: over): they are refused (code ``size``). Data without sharing is never
#: refused for its size.
MAX_VALUES = 10_000_000


def expansion(data: Any) -> float:
    """How many values ``data`` stands for once its shared containers are expanded.

    0 when no list or dict is reached twice (a tree is what it is), infinity
    for a cycle. Each container is visited once: linear in the data held,
    however large the expansion.
    """
    sizes: dict[int, int] = {}
    open_: set[int] = set()  # containers whose values are being counted: the ancestors
    shared = False
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:
        value, counted = stack.pop()
        kind = type(value)
        if kind is not dict and kind is not list:
            continue
        children = value.values() if kind is dict else value
        key = id(value)
        if counted:
            open_.discard(key)
            sizes[key] = 1 + sum(
                sizes[id(child)] if type(child) is dict or type(child) is list else 1
                for child in children
            )
        elif key in open_:
            return math.inf  # a cycle
        elif key in sizes:
            shared = True
        else:
            open_.add(key)
            stack.append((value, True))
            stack.extend((child, False) for child in children)
    return sizes[id(data)] if shared else 0


_SURROGATE = re.compile("[\ud800-\udfff]").search


def has_lone_surrogate(value: str) -> bool:
    """Whether ``value`` holds a lone surrogate, which no UTF-8 text can carry.

    >>> has_lone_surrogate("Mayotte"), has_lone_surrogate(chr(0xD800))
    (False, True)
    """
    return not value.isascii() and _SURROGATE(value) is not None


#: An identifier: a slug of ASCII letters, digits, ``.``, ``_`` and ``-``.
ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"

_A = "[A-Za-z]"
_AN = "[A-Za-z0-9]"
#: A well-formed BCP 47 language tag (RFC 5646 ``langtag`` or private use),
#: with the primary language an ISO 639 code of 2 or 3 letters: RFC 5646 also
#: allows 4 to 8 letters, but no such subtag is registered, and accepting
#: them would let "french" or "english" through.
LANGUAGE_TAG_PATTERN = (
    "^(?:"
    f"{_A}{{2,3}}(?:-{_A}{{3}}){{0,3}}"  # ISO 639 language, extlang
    f"(?:-{_A}{{4}})?"  # script
    f"(?:-(?:{_A}{{2}}|[0-9]{{3}}))?"  # region
    f"(?:-(?:{_AN}{{5,8}}|[0-9]{_AN}{{3}}))*"  # variants
    f"(?:-[0-9A-WYZa-wyz](?:-{_AN}{{2,8}})+)*"  # extensions
    f"(?:-[Xx](?:-{_AN}{{1,8}})+)?"  # private use
    f"|[Xx](?:-{_AN}{{1,8}})+"
    ")$"
)

#: The name of a field of a model class (``time_zone``).
FIELD_PATTERN = "^[a-z][a-z0-9_]{0,63}$"
#: ISO 4217 currency code (``EUR``, ``XOF``).
CURRENCY_PATTERN = "^[A-Z]{3}$"
#: An e-mail address, plainly: something, an at sign, a domain with a dot.
EMAIL_PATTERN = "^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:[.][A-Za-z0-9-]+)+$"
#: UN/LOCODE of a place, country and place together (``FRBOD``: Bordeaux).
LOCODE_PATTERN = "^[A-Z]{2}[A-Z2-9]{3}$"
#: A colour as ``#RRGGBB``.
COLOR_PATTERN = "^#[0-9A-Fa-f]{6}$"
#: ISO 3166-1 alpha-2 country code.
COUNTRY_PATTERN = "^[A-Z]{2}$"
#: ISO 3166-1 alpha-2 or ISO 3166-2 subdivision code (``FR-NAQ``, ``FR-976``).
TERRITORY_CODE_PATTERN = "^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$"
#: An absolute http(s) URL in the characters RFC 3986 allows: an IRI's
#: non-ASCII characters must be percent-encoded.
URL_PATTERN = "^https?://[A-Za-z0-9._~:/?#\\[\\]@!$&'()*+,;=%-]+$"
#: The shape of an IANA time zone key; existence is checked against tzdata.
ZONE_KEY_PATTERN = "^[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)*$"

# fullmatch: Python's ``$`` also matches before a final newline.
#: Compiled matchers, for callers that want a C-level call.
ID_MATCH = re.compile(ID_PATTERN).fullmatch
COUNTRY_MATCH = re.compile(COUNTRY_PATTERN).fullmatch
TERRITORY_MATCH = re.compile(TERRITORY_CODE_PATTERN).fullmatch
FIELD_MATCH = re.compile(FIELD_PATTERN).fullmatch
CURRENCY_MATCH = re.compile(CURRENCY_PATTERN).fullmatch
EMAIL_MATCH = re.compile(EMAIL_PATTERN).fullmatch
LOCODE_MATCH = re.compile(LOCODE_PATTERN).fullmatch
COLOR_MATCH = re.compile(COLOR_PATTERN).fullmatch
_id = ID_MATCH
_language_tag = re.compile(LANGUAGE_TAG_PATTERN).fullmatch
_country = re.compile(COUNTRY_PATTERN).fullmatch
_territory = re.compile(TERRITORY_CODE_PATTERN).fullmatch
_zone_shape = re.compile(ZONE_KEY_PATTERN).fullmatch
_url = re.compile(URL_PATTERN).fullmatch
#: RFC 3339 date-time with an offset, and a calendar date: their shapes.
INSTANT_PATTERN = (
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(?:[.][0-9]{1,6})?"
    "(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])$"
)
DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
is_instant_text = re.compile(INSTANT_PATTERN).fullmatch
is_date_text = re.compile(DATE_PATTERN).fullmatch
_naive_date_time = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9:.]+").fullmatch


def is_id(value: str) -> bool:
    """Whether ``value`` is a usable identifier.

    >>> is_id("cress-mayotte"), is_id("has space"), is_id("")
    (True, False, False)
    """
    return _id(value) is not None


@lru_cache(maxsize=4096)
def is_language_tag(value: str) -> bool:
    """Whether ``value`` is a well-formed BCP 47 language tag.

    >>> [is_language_tag(t) for t in ("fr", "fr-CA", "zh-Hant-TW", "es-419", "french")]
    [True, True, True, True, False]
    """
    return _language_tag(value) is not None


def is_country_code(value: str) -> bool:
    """Whether ``value`` is shaped like an ISO 3166-1 alpha-2 code (``YT``)."""
    return _country(value) is not None


def is_territory_code(value: str) -> bool:
    """Whether ``value`` is shaped like an ISO 3166-1 alpha-2 or 3166-2 code."""
    return _territory(value) is not None


@lru_cache(maxsize=1)
def zone_keys() -> frozenset[str]:
    """The IANA zone keys the tzdata package lists, the same on every machine.

    ``zoneinfo`` would also find the host's own files (``localtime``,
    ``posixrules``, ``right/...``): accepting those would make a verdict
    depend on the machine.
    """
    import tzdata  # type: ignore[import-untyped]

    zones = os.path.join(os.path.dirname(tzdata.__file__), "zones")
    if os.path.isfile(zones):
        with open(zones, encoding="utf-8") as file:
            listing = file.read()
    else:  # tzdata inside a zip: what importlib.resources is for (and slow to import)
        from importlib import resources

        listing = resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in listing.splitlines() if line.strip())


def is_zone_key(value: str) -> bool:
    """Whether ``value`` names an IANA time zone listed by tzdata.

    >>> is_zone_key("Indian/Mayotte"), is_zone_key("Mars/Olympus_Mons"), is_zone_key("localtime")
    (True, False, False)
    """
    return value in zone_keys()


def looks_naive(value: str) -> bool:
    """Whether ``value`` reads as a date-time without an offset, to name that mistake.

    >>> looks_naive("2021-10-08T11:00:00"), looks_naive("2021-10-08T11:00:00Z")
    (True, False)
    """
    return _naive_date_time(value) is not None


def is_url(value: str) -> bool:
    """Whether ``value`` is an absolute ``http`` or ``https`` URL (RFC 3986).

    The same test as the schemas' ``format: uri`` with their pattern.

    >>> is_url("https://www.gsef-net.org/"), is_url("gsef-net.org"), is_url("https://a b")
    (True, False, False)
    """
    if len(value) > MAX_URL_LENGTH or _url(value) is None:
        return False
    return _plain_uri(value) is not None or bool(_rfc3986()(value, rule="URI"))


# Character classes of RFC 3986: unreserved, sub-delims, percent-encoded.
_PCHAR = r"(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})"
#: The URLs most programmes hold (``http(s)://`` a registered name, a port,
#: path, query, fragment: no user info, no IP literal), a strict subset of
#: RFC 3986's ``URI`` checked with a small pattern. Anything else goes to the
#: full grammar, so verdicts are the schemas' ``format: uri`` whichever path
#: decides (a property test holds this subset inside the full grammar).
_plain_uri = re.compile(
    r"https?://(?:[A-Za-z0-9._~!$&'()*+,;=-]|%[0-9A-Fa-f]{2})*(?::[0-9]*)?"
    rf"(?:/{_PCHAR}*)*(?:\?(?:{_PCHAR}|[/?])*)?(?:#(?:{_PCHAR}|[/?])*)?"
).fullmatch


@cache
def _rfc3986() -> Any:
    """The schemas' ``uri`` format check, imported when first needed (its regexes take 12 ms)."""
    from rfc3986_validator import validate_rfc3986  # type: ignore[import-untyped]

    return validate_rfc3986
