"""Reading a schedule document field by field, collecting every problem on the way.

A :class:`Reader` holds the problems (bad input: the import fails with all
of them) and the report (what was not carried, changed or broken: the
import goes on). An :class:`Obj` reads one JSON object: each field it reads
is checked for its type, and the fields it never read are reported as not
carried when it is :meth:`~Obj.done`, so nothing is dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

from ...errors import Location, Problem, json_path
from ...model._formats import is_url
from ._report import Recorder

__all__ = ["MISSING", "Obj", "Reader", "parse_date", "parse_duration", "parse_instant"]

MISSING: Any = object()
_JSON_KINDS = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
               int: "an integer", float: "a number", type(None): "null"}  # fmt: skip
_DURATION = re.compile("([0-9]{1,6}):([0-9]{2})(?::([0-9]{1,2}))?").fullmatch
#: Characters a URL may hold once an IRI's others are percent-encoded.
_URL_SAFE = "!#$%&'()*+,/:;=?@[]~-._"


def kind_of(value: Any) -> str:
    """The JSON name of a value's type, for messages."""
    return _JSON_KINDS.get(type(value), type(value).__name__)


def _empty(value: Any) -> bool:
    return (
        value is None
        or value == ""
        or value == []
        or value == {}
        or (isinstance(value, str) and value.isspace())
    )


class Reader:
    """The problems and the report of one import, with the path translation of its source."""

    def __init__(self, where: Callable[[Location], Location] | None = None) -> None:
        self.problems: list[Problem] = []
        self.report = Recorder()
        self.where = where or (lambda location: location)

    def fail(self, location: Location, code: str, message: str) -> None:
        """A problem of the input: the import will fail, after every problem is found."""
        self.problems.append(Problem(location=self.where(location), code=code, message=message))

    def note(
        self, kind: str, field: str, message: str, example: object, location: Location
    ) -> None:
        """A report entry: not carried (``lost``), ``changed``, or ``broken`` source data."""
        self.report.add(kind, field, message, example, json_path(self.where(location)))

    def obj(self, value: Any, location: Location, kind: str) -> Obj | None:
        """``value`` read as an object of ``kind``; ``None`` (and a problem) if it is not one."""
        if type(value) is not dict:
            self.fail(location, "type", f"expected an object ({kind}), got {kind_of(value)}")
            return None
        return Obj(self, value, location, kind)

    def url(self, value: str, location: Location, field: str, base: str | None) -> str | None:
        """An absolute http(s) URL for ``value``; ``base`` resolves a relative one if given.

        Characters a URL cannot hold (spaces, non-ASCII letters) are
        percent-encoded. A value that still is no URL is reported and ``None``.
        """
        text = value.strip()
        written = quote(text, safe=_URL_SAFE) if not text.isascii() or " " in text else text
        if is_url(written):
            return written
        try:
            relative = not urlsplit(written).scheme and not written.startswith("//")
            resolved = urljoin(base, written) if base is not None and relative else None
        except ValueError:  # a malformed authority ("http://[::1")
            resolved = None
        if resolved is not None and is_url(resolved):
            self.note(
                "changed", field, "relative URL resolved against the base URL", value, location
            )
            return resolved
        self.note("broken", field, "not an absolute http(s) URL: left out", value, location)
        return None


class Obj:
    """One object of the document, read field by field."""

    def __init__(self, reader: Reader, data: dict[str, Any], location: Location, kind: str) -> None:
        self.reader = reader
        self.data = data
        self.location = location
        self.kind = kind
        self.used: set[str] = set()

    def at(self, key: str) -> Location:
        """The location of one of the object's fields."""
        return (*self.location, key)

    def raw(self, key: str) -> Any:
        """The value of ``key`` as it is (``MISSING`` if absent), marked as read."""
        self.used.add(key)
        return self.data.get(key, MISSING)

    def _typed(self, key: str, kinds: tuple[type, ...], wanted: str, required: bool) -> Any:
        value = self.raw(key)
        if value is MISSING or value is None:
            if required:
                self.reader.fail(self.at(key), "required", f"{self.kind} needs {key!r}")
            return None
        if type(value) not in kinds:
            self.reader.fail(self.at(key), "type", f"expected {wanted}, got {kind_of(value)}")
            return None
        return value

    def text(self, key: str, *, required: bool = False) -> str | None:
        """A string field; an empty or blank one is ``None`` (a problem if ``required``)."""
        value = self._typed(key, (str,), "a string", required)
        if value is not None and (not value or value.isspace()):
            if required:
                self.reader.fail(self.at(key), "empty", "must not be empty or blank")
            return None
        return value

    def flag(self, key: str) -> bool | None:
        """A boolean field (``null`` or absent: ``None``)."""
        return self._typed(key, (bool,), "a boolean", False)  # type: ignore[no-any-return]

    def number(self, key: str) -> int | float | None:
        """A number field."""
        return self._typed(key, (int, float), "a number", False)  # type: ignore[no-any-return]

    def identifier(self, key: str) -> str | int | None:
        """An identifier: a string or an integer (frab writes numbers, others strings)."""
        value: str | int | None = self._typed(key, (str, int), "a string or an integer", False)
        return None if value == "" else value

    def items(self, key: str, *, required: bool = False) -> Iterator[tuple[Any, Location]]:
        """The items of an array field, each with its location."""
        value = self._typed(key, (list,), "an array", required)
        for index, item in enumerate(value or ()):
            yield item, (*self.at(key), index)

    def child(self, key: str, kind: str, *, required: bool = False) -> Obj | None:
        """An object field."""
        value = self.raw(key)
        if value is MISSING or value is None:
            if required:
                self.reader.fail(self.at(key), "required", f"{self.kind} needs {key!r}")
            return None
        return self.reader.obj(value, self.at(key), kind)

    def done(self, derived: tuple[str, ...] = ()) -> None:
        """Report each field not read (unless empty or ``derived`` from others) as not carried."""
        for key, value in self.data.items():
            if key not in self.used and key not in derived and not _empty(value):
                self.reader.note("lost", f"{self.kind}.{key}", "not carried", value, self.at(key))


def parse_instant(text: str) -> datetime | None:
    """An RFC 3339 / ISO 8601 date-time (``None`` if it is not one; naive if no offset)."""
    if len(text) < 16 or text[10:11] not in ("T", "t", " "):
        return None
    try:
        return datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        return None


def parse_date(text: str) -> date | None:
    """A calendar date ``YYYY-MM-DD``, or the date of a date-time (as written)."""
    try:
        return date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def parse_duration(text: str, *, days_first: bool) -> timedelta | None:
    """``H:MM``, or a three-part duration: ``D:HH:MM`` if ``days_first`` (pretalx), else ``H:MM:SS``.

    >>> parse_duration("01:30", days_first=False), parse_duration("1:02:30", days_first=True)
    (datetime.timedelta(seconds=5400), datetime.timedelta(days=1, seconds=9000))
    """
    found = _DURATION(text.strip())
    if found is None:
        return None
    first, second, third = found.groups()
    if third is None:
        if int(second) > 59:
            return None
        return timedelta(hours=int(first), minutes=int(second))
    if days_first:
        if int(second) > 23 or int(third) > 59:
            return None
        return timedelta(days=int(first), hours=int(second), minutes=int(third))
    if int(second) > 59 or int(third) > 59:
        return None
    return timedelta(hours=int(first), minutes=int(second), seconds=int(third))
