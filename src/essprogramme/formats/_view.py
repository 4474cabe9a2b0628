"""One reading of a programme for the readable formats: plain text, Markdown, HTML.

:func:`read` turns a programme into a :class:`Page`, in a chosen language
and zone, for everyone or one speaker: the sessions to show, grouped by
local day and in order (``_order``), each a :class:`Card` — its time as
published, status, places, people with their positions, registration and
prices, accessibility, links — made of phrases (``_phrases``, ``_parts``).
A renderer lays them out and escapes them its own way, so the formats
cannot disagree on what a programme says.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, tzinfo
from itertools import groupby
from zoneinfo import ZoneInfo

import attrs

from ..errors import Problem, ValidationError
from ..model import Programme, Session
from ..model._formats import is_language_tag, is_zone_key
from ..model.vocab import SessionStatus
from ._labels import ACCESSIBILITY, FORMATS, ORGANISERS, STATUS, Words
from ._order import ordered
from ._parts import Person, display, links, people, place, signup
from ._phrases import (
    Fact,
    Moment,
    Phrase,
    Piece,
    Strong,
    Text,
    in_language,
    joined,
    local,
    moment,
    optional,
    template,
    utc_offset,
    when,
)

__all__ = ["Card", "Day", "Page", "options", "read"]


@attrs.frozen
class Card:
    """A session, ready to show.

    ``struck``: it will not take place as published (cancelled, postponed);
    ``status_word`` says its status unless it is scheduled. ``when`` is its
    time as published, ``offset`` the zone's offset then (``UTC+03:00``;
    two when a DST change falls inside it). ``facts`` come before the
    people (where it stood before, what it is part of, where), ``after``
    them (registration, prices, accessibility, links, recording).
    """

    id: str
    title: Text
    format: str
    status: SessionStatus
    status_word: str | None
    struck: bool
    when: Phrase
    offset: str | None
    languages: Fact | None
    attendance: str | None
    track: tuple[Text, str | None] | None
    facts: tuple[Fact, ...]
    people: tuple[Person, ...]
    after: tuple[Fact, ...]
    description: Text | None
    objectives: tuple[Text, ...]
    questions: tuple[Text, ...]


@attrs.frozen
class Day:
    """The sessions of one local day (``day`` ``None``: those without a date yet)."""

    day: date | None
    heading: str
    cards: tuple[Card, ...]


@attrs.frozen
class Page:
    """A programme read for people: in one language and zone, for everyone or one speaker."""

    words: Words
    zone: str
    title: Text
    status_word: str | None
    struck: bool
    times: Phrase
    speaker: Phrase | None
    description: Text | None
    organisers: tuple[Fact, ...]
    facts: tuple[Fact, ...]
    days: tuple[Day, ...]


# Sessions ----------------------------------------------------------------


def _time(
    session: Session, programme: Programme, zone: str, tz: tzinfo, words: Words
) -> tuple[Phrase, str | None]:
    """The session's time as published, and the offset(s) of its zone then."""
    if session.start is not None:
        offsets = []
        for instant in (session.start, session.end):
            if instant is not None:
                shown, note = local(instant, tz)
                offsets.append("" if note else "UTC" + utc_offset(shown))
        offset = " / ".join(dict.fromkeys(offsets)) if all(offsets) else None
        return when(session, tz, words), offset
    if session.start_date is not None:
        days = [session.start_date]
        if session.end_date is not None and session.end_date != session.start_date:
            days.append(session.end_date)
        moments = [
            (Moment(d.isoformat(), d.isoformat(), words.date(d, weekday=False)),) for d in days
        ]
        own = programme.zone_of(session)
        return (*joined(moments, " – "), *((" (", Text(own), ")") if own != zone else ())), None
    if session.parent is not None:
        return ("…",), None
    return (words["tba"],), None


def _card(
    session: Session, programme: Programme, zone: str, tz: tzinfo, lang: str, words: Words
) -> Card:
    shown, zone_offset = _time(session, programme, zone, tz, words)
    languages = None
    if session.languages:
        floor: list[Piece] = [Text(", ".join(session.languages))]
        if session.interpretation:
            interpreted = Text(", ".join(session.interpretation))
            floor += [" (", words["interpretation"], ": ", interpreted, ")"]
        languages = Fact(words["languages"], tuple(floor))
    facts = []
    if session.previous_starts:
        before = [(moment(m, tz, with_day=True),) for m in session.previous_starts]
        facts.append(Fact(words["previously"], joined(before), "previously"))
    if session.parent is not None:
        parent = programme.session(session.parent)
        facts.append(Fact(words["part_of"], (in_language(parent.title, lang),)))
    if session.locations:
        places = [place(i, programme, lang, words) for i in session.locations]
        facts.append(Fact(words["where"], joined(places, " + ")))
    after = list(signup(session.registration, lang, words, tz)) if session.registration else []
    if session.accessibility or session.accessibility_notes is not None:
        features: list[Phrase] = [
            (words.word(ACCESSIBILITY, a.value),) for a in sorted(session.accessibility)
        ]
        if session.accessibility_notes is not None:
            features.append((in_language(session.accessibility_notes, lang),))
        after.append(Fact(words["accessibility"], joined(features)))
    after += links(session.links, session.url, lang, words)
    if session.recording is not None:
        verdict = "recording_allowed" if session.recording.allowed else "recording_refused"
        licence = session.recording.licence
        after.append(
            Fact(
                words["recording"],
                (words[verdict], *((" (", Text(licence), ")") if licence else ())),
            )
        )
    track = None
    if session.track is not None:
        found = programme.track(session.track)
        track = (in_language(found.name, lang), found.color)
    status = session.status
    return Card(
        id=session.id,
        title=in_language(session.title, lang),
        format=words.word(FORMATS, session.format.value),
        status=status,
        status_word=None if status is SessionStatus.SCHEDULED else words.word(STATUS, status.value),
        struck=session.is_cancelled,
        when=shown,
        offset=zone_offset,
        languages=languages,
        attendance=words[session.attendance_mode.value] if session.attendance_mode else None,
        track=track,
        facts=tuple(facts),
        people=tuple(people(session, programme, lang, words, tz)),
        after=tuple(after),
        description=optional(session.description, lang),
        objectives=tuple(in_language(o, lang) for o in session.objectives),
        questions=tuple(in_language(q, lang) for q in session.questions),
    )


# The page ----------------------------------------------------------------


def options(programme: Programme, zone: object, lang: object, speaker: object) -> tuple[str, str]:
    """The zone and language to use (the programme's by default); bad ones are refused.

    :raises ValidationError: a zone that is not an IANA key known to tzdata, a
        language that is not a BCP 47 tag, a speaker not in the programme;
        each problem located at the option's name (``$.zone``).
    """
    problems = []
    zone = programme.time_zone if zone is None else zone
    if type(zone) is not str or not is_zone_key(zone):
        message = f"is not an IANA time zone key: {str(zone)[:60]!r}"
        problems.append(Problem(location=("zone",), code="time_zone", message=message))
    if lang is None:
        lang = programme.languages[0] if programme.languages else programme.title.original
    if type(lang) is not str or not is_language_tag(lang):
        message = f"is not a BCP 47 language tag: {str(lang)[:60]!r}"
        problems.append(Problem(location=("lang",), code="language_tag", message=message))
    if speaker is not None and (type(speaker) is not str or speaker not in _speakers(programme)):
        message = f"no speaker {str(speaker)[:60]!r} in programme {programme.id!r}"
        problems.append(Problem(location=("speaker",), code="unknown_reference", message=message))
    if problems:
        raise ValidationError(problems)
    assert isinstance(zone, str) and isinstance(lang, str)
    return zone, lang


def _speakers(programme: Programme) -> set[str]:
    return {speaker.id for speaker in programme.speakers}


def _reference(sessions: Sequence[Session], programme: Programme, tz: tzinfo) -> datetime:
    """The moment whose offset the heading shows: the first timed session, else the first day."""
    starts = [s.start for s in sessions if s.start is not None]
    if starts:
        return local(min(starts), tz)[0]
    return datetime.combine(programme.start_date, time(12), tz)


def read(programme: Programme, *, zone: str, lang: str, speaker: str | None = None) -> Page:
    """The programme as a :class:`Page`: in ``lang`` and ``zone``, for everyone or one speaker.

    ``zone`` must be a zone key (see :func:`options`), ``speaker`` one of the
    programme's speakers; texts are chosen for ``lang`` with fallback.

    >>> from essprogramme import examples
    >>> from essprogramme.formats._phrases import plain
    >>> page = read(examples.load("gsef2021-partenariats"), zone="Indian/Mayotte", lang="fr")
    >>> page.days[0].heading, plain(page.days[0].cards[0].when), page.days[0].cards[0].offset
    ('vendredi 8 octobre 2021', '14:00–15:30', 'UTC+03:00')
    """
    tz = ZoneInfo(zone)
    words = Words.of(lang)
    sessions = programme.sessions if speaker is None else programme.sessions_of(speaker)
    days = []
    for day, group in groupby(ordered(programme, sessions, tz), key=lambda item: item[0]):
        cards = tuple(_card(s, programme, zone, tz, lang, words) for _, s in group)
        days.append(Day(day, words["undated"] if day is None else words.date(day), cards))
    facts = list(signup(programme.registration, lang, words, tz)) if programme.registration else []
    facts += links(programme.links, programme.url, lang, words)
    organisers = tuple(
        Fact(words.word(ORGANISERS, role.role.value), (display(role.organisation, programme),))
        for role in programme.organisers
    )
    reference = utc_offset(_reference(sessions, programme, tz))
    who = None
    if speaker is not None:
        found = programme.speaker(speaker)
        name = optional(found.office, lang) if found.name is None else Text(found.name)
        assert name is not None  # a speaker has a name or an office
        who = template(words["sessions_of"], name=Strong(name))
    status = programme.status
    return Page(
        words=words,
        zone=zone,
        title=in_language(programme.title, lang),
        status_word=None if status is SessionStatus.SCHEDULED else words.word(STATUS, status.value),
        struck=status in (SessionStatus.CANCELLED, SessionStatus.POSTPONED),
        times=template(words["times"], zone=Text(zone), offset=reference),
        speaker=who,
        description=optional(programme.description, lang),
        organisers=organisers,
        facts=tuple(facts),
        days=tuple(days),
    )
