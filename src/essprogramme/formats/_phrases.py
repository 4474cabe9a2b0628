"""Phrases: the pieces a readable programme is made of, and the times it shows.

A phrase is a tuple of pieces that say what each part is: a word of the
catalogue (a plain ``str``), a :class:`Text` of the programme with its
language, a :class:`Strong` name, a :class:`Ref` link, a :class:`Moment`.
Each renderer writes them its own way (escaping, marking languages,
``<time datetime>``); :func:`plain` writes them as plain text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Protocol
from zoneinfo import ZoneInfo

import attrs

from ..model import LocalizedText
from ._labels import LABELS, base

__all__ = [
    "Fact",
    "Labels",
    "Moment",
    "Phrase",
    "Piece",
    "Ref",
    "Strong",
    "Text",
    "day_of",
    "href",
    "in_language",
    "joined",
    "labels_of",
    "local",
    "midnight",
    "moment",
    "optional",
    "paragraphs",
    "plain",
    "showable",
    "span",
    "template",
    "utc_offset",
    "when",
]


@attrs.frozen
class Text:
    """A text of the programme and the language it is in (``None``: none, as for a name)."""

    value: str
    lang: str | None = None


@attrs.frozen
class Strong:
    """A text to stress: a person's name."""

    text: Text


@attrs.frozen
class Ref:
    """A link to ``href``, shown as ``shown`` (the URL, or an e-mail address)."""

    href: str
    shown: str


@attrs.frozen
class Moment:
    """A time as shown (``14:00``, ``2024-11-18 10:00``, ``14:00 UTC``) and its machine value.

    ``machine`` is an RFC 3339 date-time with its offset (in UTC where the
    local offset is not a whole minute), or a date; ``long`` a date in words.
    """

    shown: str
    machine: str
    long: str | None = None


Piece = str | Text | Strong | Ref | Moment
Phrase = tuple[Piece, ...]


@attrs.frozen
class Fact:
    """A labelled value: ``Where: Room 1``; a label of ``None`` for a value that says it all.

    ``key`` names the fact for a renderer that shows one differently: the
    ``previously`` times of a moved session, struck through; ``conditions``
    (with no label) below the ``registration`` and ``prices`` they follow.
    """

    label: str | None
    value: Phrase
    key: str = ""


def plain(phrase: Phrase) -> str:
    """A phrase as plain text."""
    out = []
    for piece in phrase:
        if isinstance(piece, str):
            out.append(piece)
        elif isinstance(piece, Text):
            out.append(piece.value)
        elif isinstance(piece, Strong):
            out.append(piece.text.value)
        else:
            out.append(piece.shown)
    return "".join(out)


#: What a page cannot hold: C0 and C1 controls (other than tab, line feed,
#: form feed and carriage return), DEL and the Unicode noncharacters. The
#: HTML parsing rules make each a parse error, even written as a reference.
_UNSHOWABLE = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef"
    + "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(17))
    + "]"
)


def showable(text: str) -> str:
    r"""``text`` with what a page cannot hold replaced by U+FFFD (the replacement character).

    >>> showable("a\x1bb\ufdd0c\td") == "a\ufffdb\ufffdc\td"
    True
    """
    return _UNSHOWABLE.sub("\ufffd", text)


def paragraphs(text: str) -> list[list[str]]:
    r"""The paragraphs of a text (split at blank lines), each as its lines, without indentation.

    >>> paragraphs("Axes :\r\n- un\n  - deux\n \n\nFin")
    [['Axes :', '- un', '- deux'], ['Fin']]
    """
    result: list[list[str]] = [[]]
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            result[-1].append(line.strip())
        elif result[-1]:
            result.append([])
    return [lines for lines in result if lines]


def in_language(text: LocalizedText, lang: str) -> Text:
    """The text to show for ``lang`` (with fallback), with the language it is in."""
    tag = text.match(lang)
    return Text(text[tag], tag)


def optional(text: LocalizedText | None, lang: str) -> Text | None:
    """:func:`in_language` for a text that may be missing."""
    return None if text is None else in_language(text, lang)


def template(template: str, **pieces: Piece) -> Phrase:
    """``"from {time}"`` with its placeholder replaced by a piece."""
    out: list[Piece] = []
    rest = template
    while "{" in rest:
        before, _, tail = rest.partition("{")
        name, _, rest = tail.partition("}")
        out += [before, pieces[name]]
    return tuple(p for p in (*out, rest) if p != "")


def joined(parts: Sequence[Phrase], separator: str = ", ") -> Phrase:
    """The non-empty phrases, one after the other, with ``separator`` between them."""
    out: list[Piece] = []
    for part in parts:
        if part:
            out += [separator, *part] if out else part
    return tuple(out)


# Time --------------------------------------------------------------------


class _Timed(Protocol):
    """What :func:`span` reads: a start and, when published, an end."""

    @property
    def start(self) -> datetime | None: ...

    @property
    def end(self) -> datetime | None: ...


class Labels(Protocol):
    """Labels by key: a :class:`Words` catalogue, or one language's dict of it."""

    def __getitem__(self, key: str, /) -> str: ...


def labels_of(lang: str) -> dict[str, str]:
    """The labels of ``lang``'s catalogue (English for a language without one)."""
    return LABELS[base(lang)]


def local(moment: datetime, zone: tzinfo) -> tuple[datetime, str]:
    """``moment`` on the clocks of ``zone``, and ``""``; or in UTC, and ``" UTC"``.

    A moment near the ends of the years 1-9999 may have no local time in
    ``zone`` (9999-12-31 23:00 UTC is already the year 10000 in Tokyo): it
    is then shown in UTC, marked as such, rather than failing the whole
    programme. The model refuses such instants anyway.
    """
    try:
        return moment.astimezone(zone), ""
    except (OverflowError, ValueError):
        pass
    try:
        return moment.astimezone(UTC), " UTC"
    except (OverflowError, ValueError):
        return moment, ""


def _machine(moment: datetime) -> str:
    """``2021-10-08T14:00+03:00``; in UTC (``Z``) when the offset is not whole minutes."""
    offset = moment.utcoffset() or timedelta()
    if offset % timedelta(minutes=1):
        moment, offset = moment.astimezone(UTC), timedelta()
    spec = "minutes" if not moment.second and not moment.microsecond else "seconds"
    spec = "milliseconds" if moment.microsecond >= 1000 else spec
    text = moment.replace(tzinfo=None).isoformat(timespec=spec)
    if not offset:
        return text + "Z"
    sign, minutes = ("-", -offset) if offset < timedelta() else ("+", offset)
    hours, rest = divmod(int(minutes.total_seconds()) // 60, 60)
    return f"{text}{sign}{hours:02d}:{rest:02d}"


def moment(moment: datetime, zone: tzinfo, *, with_day: bool = False) -> Moment:
    """``14:00`` (or ``2024-11-18 10:00`` with its day), in ``zone`` or marked UTC."""
    shown, note = local(moment, zone)
    day = f"{shown.date().isoformat()} " if with_day else ""
    return Moment(f"{day}{shown:%H:%M}{note}", _machine(shown))


def utc_offset(moment: datetime) -> str:
    """The offset of a local time as the text shows it: ``+03:00``, ``-04:00``; ``""`` for UTC."""
    text = moment.strftime("%z")
    return f"{text[:3]}:{text[3:5]}" if text not in ("+0000", "") else ""


def when(session: _Timed, zone: tzinfo, labels: Labels) -> Phrase:
    """The published time: ``07:00–08:30``, or ``from 09:00`` without an end."""
    assert session.start is not None
    start = moment(session.start, zone)
    if session.end is None:
        return template(labels["from"], time=start)
    first, last = local(session.start, zone)[0], local(session.end, zone)[0]
    end = moment(session.end, zone, with_day=last.date() != first.date())
    return (start, "–", end)


def span(session: _Timed, zone: tzinfo, labels: Labels | None = None) -> str:
    """The published time as text: ``07:00–08:30``, or ``from 09:00`` without an end."""
    return plain(when(session, zone, labels or LABELS["en"]))


def day_of(moment: datetime, zone: tzinfo) -> date:
    """The local day of ``moment`` in ``zone`` (in UTC where the zone cannot show it)."""
    return local(moment, zone)[0].date()


def midnight(day: date, zone: str) -> datetime:
    """The instant a local day begins in ``zone`` (UTC midnight where the zone cannot say)."""
    try:
        return datetime.combine(day, time(), ZoneInfo(zone)).astimezone(UTC)
    except (OverflowError, ValueError):
        return datetime.combine(day, time(), UTC)


#: What a URL may hold as it is (RFC 3986's unreserved and reserved characters, and ``%``).
_SAFE_URL = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%"
)


def href(url: str, schemes: tuple[str, ...] = ("http://", "https://")) -> str | None:
    """``url`` as a link target, every character outside RFC 3986's percent-encoded.

    ``None`` unless it starts with one of ``schemes``: a ``javascript:`` URL
    is shown, never followed.

    >>> href("https://a.b/é x"), href("javascript:alert(1)")
    ('https://a.b/%C3%A9%20x', None)
    """
    if not url.lower().startswith(schemes):
        return None
    return "".join(c if c in _SAFE_URL else "".join(f"%{b:02X}" for b in c.encode()) for c in url)
