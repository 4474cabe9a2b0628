r"""iCalendar content lines (RFC 5545 §3.1, §3.3): escaping, folding and values.

Everything user-written goes through :func:`text`, which escapes what
RFC 5545 gives a meaning to (backslash, ``;``, ``,`` and line breaks) and
replaces the control characters a TEXT value may not hold, so that no title
can end its line and start a property of its own. :func:`fold` cuts long
lines at 75 octets without splitting a UTF-8 character.

>>> print(text("x\r\nATTENDEE:mailto:evil; a, b"))
x\nATTENDEE:mailto:evil\; a\, b
>>> [len(line) for line in fold("DESCRIPTION:" + "é" * 40).split(b"\r\n")]
[74, 19]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from urllib.parse import quote

__all__ = [
    "date_value",
    "fold",
    "local_value",
    "offset_value",
    "text",
    "texts",
    "uri",
    "utc_value",
]

#: Every way a string can break a line, for a reader that splits on any of
#: them (``str.splitlines`` does): each becomes an escaped newline.
_BREAKS = re.compile("\r\n|[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
#: The other control characters, which a TEXT value may not hold (TAB may).
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"})
#: What a URI may hold as it is (RFC 3986 reserved and unreserved characters, and %).
_URI_SAFE = "-._~:/?#[]@!$&'()*+,;=%"
#: Octets on a content line, CRLF aside (RFC 5545 §3.1).
_WIDTH = 75


def text(value: str) -> str:
    """``value`` as an iCalendar TEXT value: escaped, one line, no control character.

    Control characters other than TAB become U+FFFD, so that a reader sees
    something was there.
    """
    value = _BREAKS.sub("\n", value)
    value = _CONTROLS.sub("\ufffd", value)
    return value.translate(_ESCAPES)


def texts(values: Iterable[str]) -> str:
    """A list of TEXT values (``CATEGORIES``), each escaped, separated by commas."""
    return ",".join(text(value) for value in values)


def uri(value: str) -> str:
    """A URI value: any character a URI may not hold is percent-encoded.

    The model only accepts URLs made of such characters: this is a second
    lock, so that a URL can never end its line either.
    """
    return quote(value, safe=_URI_SAFE)


def fold(line: str) -> bytes:
    """``line`` in UTF-8, cut into lines of at most 75 octets (RFC 5545 §3.1).

    Each continuation line starts with a space, which counts in its 75
    octets; a cut never falls inside a character's UTF-8 sequence.
    """
    data = line.encode("utf-8")
    if len(data) <= _WIDTH:
        return data
    chunks = []
    start, limit = 0, _WIDTH
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # a continuation octet: cut before its character
            end -= 1
        chunks.append(data[start:end])
        start, limit = end, _WIDTH - 1
    chunks.append(data[start:])
    return b"\r\n ".join(chunks)


def _stamp(moment: datetime) -> str:
    return (
        f"{moment.year:04d}{moment.month:02d}{moment.day:02d}"
        f"T{moment.hour:02d}{moment.minute:02d}{moment.second:02d}"
    )


def utc_value(moment: datetime) -> str:
    """An aware instant as a UTC DATE-TIME (``20211008T110000Z``), to the second."""
    return _stamp(moment.astimezone(UTC)) + "Z"


def local_value(moment: datetime) -> str:
    """A wall-clock time as a DATE-TIME without zone (``20211008T130000``)."""
    return _stamp(moment)


def date_value(day: date) -> str:
    """A DATE value (``20211008``); years below 1000 keep their four digits."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def offset_value(offset: timedelta) -> str:
    """A UTC-OFFSET value: ``+0300``, ``-0430``, ``+000921`` (seconds when needed).

    Zero is ``+0000``: RFC 5545 forbids ``-0000``.
    """
    seconds = int(offset.total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{seconds:02d}" if seconds else "")
