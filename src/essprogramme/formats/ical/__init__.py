"""iCalendar (RFC 5545): a programme, a speaker's sessions or chosen sessions as a calendar.

One ``VEVENT`` per session, in programme order, with a stable ``UID``
(:func:`uid`: the same session has the same UID in every export), its
time as published and its status:

- an exact slot: ``DTSTART`` and ``DTEND`` with the ``TZID`` of the
  session's zone (:meth:`~essprogramme.Programme.zone_of`, or the zone
  asked for), and one ``VTIMEZONE`` per zone used, built from tzdata; in
  UTC (``…Z``) for UTC itself, and for the second of two identical
  wall-clock times when clocks go back (RFC 5545 would read the first);
- a start alone ("from 9:00"): ``DTSTART`` without ``DTEND``;
- a day or days: an all-day event, ``DTSTART;VALUE=DATE`` and an exclusive
  ``DTEND;VALUE=DATE`` (the day after the last);
- no time yet: no ``VEVENT`` (RFC 5545 needs a ``DTSTART``); the calendar
  lists the session's id in an ``X-ESSPROGRAMME-UNTIMED`` property, which
  calendar clients ignore.

``STATUS`` is ``CONFIRMED``, ``TENTATIVE`` or ``CANCELLED`` (a postponed
session too: it will not happen at the time shown); ``SEQUENCE`` counts the
times a session moved (``previous_starts``). Titles, descriptions, places
and speakers are written in the language chosen, with fallback.

The calendar is written by this module (no dependency); tests read it back
with the ``icalendar`` package.

>>> from datetime import UTC, datetime
>>> from essprogramme import examples
>>> programme = examples.load("gsef2021-partenariats")
>>> ics = programme_calendar(programme, stamp=datetime(2021, 9, 1, tzinfo=UTC))
>>> [line for line in ics.decode().splitlines() if line.startswith(("DTSTART", "STATUS"))]
['DTSTART:20211008T110000Z', 'STATUS:CONFIRMED']
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from ...errors import Problem, ValidationError
from ...model import Programme, Session
from ...model._formats import is_language_tag, is_zone_key
from ...model.vocab import (
    LocationKind,
    SessionStatus,
)
from .. import ExportOptions
from .._labels import FORMATS, STATUS, Words
from ._description import EventTexts, person
from ._text import date_value, fold, local_value, text, texts, uri, utc_value
from ._zones import UTC_KEYS, ZoneTable

__all__ = [
    "PRODID",
    "UID_NAMESPACE",
    "export",
    "option_problems",
    "programme_calendar",
    "sessions_calendar",
    "speaker_calendar",
    "uid",
]

#: The product that wrote the calendar (no version: goldens stay put across releases).
PRODID = "-//essprogramme//essprogramme//EN"
#: The namespace of every UID: ``uuid5(UID_NAMESPACE, "programme/sessions/session")``.
UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://essprogramme.invalid/uid")

_SECOND = timedelta(seconds=1)
_DAY = timedelta(days=1)


def uid(programme_id: str, collection: str | None = None, item_id: str | None = None) -> str:
    """The stable UUID of a programme, or of an item of one (``"sessions"``, ``"speakers"``...).

    A UUID, as RFC 7986 recommends, so that a UID reveals nothing and two ids
    that differ only in case stay apart; the JSON-LD export names the same
    items ``urn:uuid:`` + this.

    >>> uid("gsef2021", "sessions", "partenariats") == uid("gsef2021", "sessions", "partenariats")
    True
    >>> uid("gsef2021", "sessions", "a") != uid("gsef2021", "sessions", "A")
    True
    """
    name = programme_id if collection is None else f"{programme_id}/{collection}/{item_id}"
    return str(uuid.uuid5(UID_NAMESPACE, name))


# Options --------------------------------------------------------------


def option_problems(
    programme: Programme,
    *,
    lang: str | None = None,
    zone: str | None = None,
    speaker: str | None = None,
    stamp: datetime | None = None,
) -> list[Problem]:
    """What is wrong with export options, each located at the option (``$.zone``).

    The checks the iCalendar and JSON-LD exporters make before writing
    anything: a BCP 47 ``lang``, a ``zone`` tzdata knows, a ``speaker`` of the
    programme, an aware ``stamp``.

    >>> from essprogramme import examples
    >>> [str(p) for p in option_problems(examples.load("gsef2021-partenariats"), zone="Paris")]
    ["$.zone: is not an IANA time zone key: 'Paris' [time_zone]"]
    """
    problems = []
    if lang is not None and not is_language_tag(lang):
        problems.append(
            Problem(
                location=("lang",), code="language_tag", message=f"is not a BCP 47 tag: {lang!r}"
            )
        )
    if zone is not None and not is_zone_key(zone):
        problems.append(
            Problem(
                location=("zone",),
                code="time_zone",
                message=f"is not an IANA time zone key: {zone!r}",
            )
        )
    if speaker is not None and speaker not in {s.id for s in programme.speakers}:
        problems.append(
            Problem(
                location=("speaker",),
                code="unknown_reference",
                message=f"no speaker {speaker!r} in programme {programme.id!r}",
            )
        )
    if stamp is not None:
        if stamp.utcoffset() is None:
            problems.append(
                Problem(location=("stamp",), code="naive_datetime", message="needs a time zone")
            )
        else:
            try:
                stamp.astimezone(UTC)
            except (OverflowError, ValueError):
                problems.append(
                    Problem(location=("stamp",), code="instant_range", message="is out of range")
                )
    return problems


def _raise(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)


# Public functions -----------------------------------------------------


def programme_calendar(
    programme: Programme,
    *,
    lang: str | None = None,
    zone: str | None = None,
    stamp: datetime | None = None,
) -> bytes:
    """The whole programme as an iCalendar file (UTF-8, CRLF line ends).

    ``lang``: the language of the texts (default: the programme's first);
    ``zone``: write every time in this zone (default: each session's own);
    ``stamp``: the ``DTSTAMP`` (default: now; give one for reproducible output).
    Bad options raise :class:`~essprogramme.errors.ValidationError`.
    """
    _raise(option_problems(programme, lang=lang, zone=zone, stamp=stamp))
    return _Calendar(programme, lang, zone, stamp).write(
        programme.sessions, programme.title.lookup(*_preferences(programme, lang))
    )


def speaker_calendar(
    programme: Programme,
    speaker_id: str,
    *,
    lang: str | None = None,
    zone: str | None = None,
    stamp: datetime | None = None,
) -> bytes:
    """The sessions one speaker moderates or contributes to, as a calendar.

    An unknown speaker id raises :class:`~essprogramme.errors.ValidationError`.
    """
    _raise(option_problems(programme, lang=lang, zone=zone, speaker=speaker_id, stamp=stamp))
    preferences = _preferences(programme, lang)
    speaker = programme.speaker(speaker_id)
    name = f"{programme.title.lookup(*preferences)} — {person(speaker, preferences)}"
    return _Calendar(programme, lang, zone, stamp).write(programme.sessions_of(speaker_id), name)


def sessions_calendar(
    programme: Programme,
    session_ids: Iterable[str],
    *,
    lang: str | None = None,
    zone: str | None = None,
    stamp: datetime | None = None,
) -> bytes:
    """The chosen sessions (by id), in programme order, as a calendar.

    Ids that name no session raise :class:`~essprogramme.errors.ValidationError`.
    """
    chosen = list(session_ids)
    problems = option_problems(programme, lang=lang, zone=zone, stamp=stamp)
    known = {session.id for session in programme.sessions}
    for index, session_id in enumerate(chosen):
        if session_id not in known:
            problems.append(
                Problem(
                    location=("sessions", index),
                    code="unknown_reference",
                    message=f"no session {session_id!r} in programme {programme.id!r}",
                )
            )
    _raise(problems)
    wanted = set(chosen)
    sessions = [session for session in programme.sessions if session.id in wanted]
    name = programme.title.lookup(*_preferences(programme, lang))
    return _Calendar(programme, lang, zone, stamp).write(sessions, name)


def export(programme: Programme, options: ExportOptions) -> bytes:
    """The exporter of ``essprogramme export --to ics``: one speaker's calendar or the programme's.

    ``DTSTAMP`` is the time of the export.
    """
    if options.speaker is not None:
        return speaker_calendar(programme, options.speaker, lang=options.lang, zone=options.zone)
    return programme_calendar(programme, lang=options.lang, zone=options.zone)


# Writing --------------------------------------------------------------


def _preferences(programme: Programme, lang: str | None) -> tuple[str, ...]:
    if lang is not None:
        return (lang,)
    return programme.languages[:1]


def _floor(moment: datetime) -> datetime:
    return moment.replace(microsecond=0)


def _ceil(moment: datetime) -> datetime:
    return moment if not moment.microsecond else moment.replace(microsecond=0) + _SECOND


def _status(programme: Programme, session: Session) -> SessionStatus:
    """The session's status, as the whole programme's status leaves it."""
    if programme.status is SessionStatus.CANCELLED:
        return SessionStatus.CANCELLED
    if (
        programme.status is SessionStatus.POSTPONED
        and session.status is not SessionStatus.CANCELLED
    ):
        return SessionStatus.POSTPONED
    if programme.status is SessionStatus.TENTATIVE and session.status is SessionStatus.SCHEDULED:
        return SessionStatus.TENTATIVE
    return session.status


_ICAL_STATUS = {
    SessionStatus.SCHEDULED: "CONFIRMED",
    SessionStatus.TENTATIVE: "TENTATIVE",
    SessionStatus.CANCELLED: "CANCELLED",
    SessionStatus.POSTPONED: "CANCELLED",
    SessionStatus.RESCHEDULED: "CONFIRMED",
    SessionStatus.MOVED_ONLINE: "CONFIRMED",
}
#: Statuses named before the title: the session will not happen as first announced.
_NAMED = (
    SessionStatus.CANCELLED,
    SessionStatus.POSTPONED,
    SessionStatus.RESCHEDULED,
    SessionStatus.MOVED_ONLINE,
)


class _Calendar:
    """One calendar being written: the options, then the events and their zones."""

    def __init__(
        self, programme: Programme, lang: str | None, zone: str | None, stamp: datetime | None
    ) -> None:
        self.programme = programme
        self.preferences = _preferences(programme, lang)
        self.words = Words.of(lang or (programme.languages or (programme.title.original,))[0])
        self.zone = zone
        self.stamp = utc_value(_floor((stamp or datetime.now(UTC)).astimezone(UTC)))
        self.texts = EventTexts(programme, self.preferences, self.words, self.zone_of)

    def zone_of(self, session: Session) -> str:
        return self.zone or self.programme.zone_of(session)

    def write(self, sessions: Sequence[Session], name: str) -> bytes:
        timed = [s for s in sessions if s.start is not None]
        moments: dict[str, list[datetime]] = {}
        for session in timed:
            assert session.start is not None
            zone = self.zone_of(session)
            if zone not in UTC_KEYS:
                found = moments.setdefault(zone, [])
                found.append(_floor(session.start))
                if session.end is not None:
                    found.append(_ceil(session.end))
        tables = {zone: ZoneTable(zone, found) for zone, found in moments.items()}
        used: set[str] = set()
        events: list[str] = []
        for session in sessions:
            if session.start is not None or session.start_date is not None:
                events += self.event(session, tables, used)
        lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            f"PRODID:{PRODID}",
            "CALSCALE:GREGORIAN",
            f"NAME:{text(name)}",
            f"X-WR-CALNAME:{text(name)}",
        ]
        if self.programme.url is not None:
            lines.append(f"URL:{uri(self.programme.url)}")
        for session in sessions:
            if session.start is None and session.start_date is None:
                lines.append(f"X-ESSPROGRAMME-UNTIMED:{text(session.id)}")
        for zone in sorted(used):
            lines += tables[zone].lines()
        lines += events
        lines.append("END:VCALENDAR")
        return b"".join(fold(line) + b"\r\n" for line in lines)

    def moment(
        self, name: str, moment: datetime, zone: str, tables: dict[str, ZoneTable], used: set[str]
    ) -> str:
        """``DTSTART;TZID=zone:local`` when the zone can name ``moment``, else ``DTSTART:…Z``."""
        table = tables.get(zone)
        if table is not None and table.shows(moment):
            used.add(zone)
            return f"{name};TZID={zone}:{local_value(moment.astimezone(ZoneInfo(zone)))}"
        return f"{name}:{utc_value(moment)}"

    def event(self, session: Session, tables: dict[str, ZoneTable], used: set[str]) -> list[str]:
        programme, prefs, w = self.programme, self.preferences, self.words
        status = _status(programme, session)
        lines = [
            "BEGIN:VEVENT",
            f"UID:{uid(programme.id, 'sessions', session.id)}",
            f"DTSTAMP:{self.stamp}",
        ]
        if session.start is not None:
            zone = self.zone_of(session)
            lines.append(self.moment("DTSTART", _floor(session.start), zone, tables, used))
            if session.end is not None:
                lines.append(self.moment("DTEND", _ceil(session.end), zone, tables, used))
        else:
            assert session.start_date is not None
            last = session.end_date or session.start_date
            lines.append(f"DTSTART;VALUE=DATE:{date_value(session.start_date)}")
            try:
                lines.append(f"DTEND;VALUE=DATE:{date_value(last + _DAY)}")
            except OverflowError:  # the last day of the year 9999
                lines.append(f"DURATION:P{(last - session.start_date).days + 1}D")
        lines += [f"SEQUENCE:{len(session.previous_starts)}", f"STATUS:{_ICAL_STATUS[status]}"]
        title = session.title.lookup(*prefs)
        if status in _NAMED:
            title = f"[{w.word(STATUS, status.value)}] {title}"
        tag = session.title.match(*prefs)
        language = f";LANGUAGE={tag}" if tag.lower() != "und" else ""
        lines.append(f"SUMMARY{language}:{text(title)}")
        lines.append(f"DESCRIPTION:{text(self.texts.description(session, status))}")
        places = [self.texts.place(location_id) for location_id in session.locations]
        if places:
            lines.append(f"LOCATION:{text('; '.join(places))}")
        where = self.texts.coordinates(session)
        if where is not None:
            lines.append(f"GEO:{where[0]:.6f};{where[1]:.6f}")
        if session.url is not None:
            lines.append(f"URL:{uri(session.url)}")
        for location_id in session.locations:
            place = programme.location(location_id)
            if place.kind is LocationKind.ONLINE and place.url is not None:
                lines.append(f"CONFERENCE;VALUE=URI;FEATURE=VIDEO:{uri(place.url)}")
        categories = [w.word(FORMATS, session.format.value)]
        if session.track is not None:
            categories.append(programme.track(session.track).name.lookup(*prefs))
        categories += sorted(session.tags)
        lines.append(f"CATEGORIES:{texts(categories)}")
        if session.parent is not None:
            lines.append(f"RELATED-TO:{uid(programme.id, 'sessions', session.parent)}")
        if session.start is None or status in (SessionStatus.CANCELLED, SessionStatus.POSTPONED):
            lines.append("TRANSP:TRANSPARENT")  # a whole day, or nothing, is not busy time
        lines.append("END:VEVENT")
        return lines
