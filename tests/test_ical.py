"""iCalendar export, read back by an independent reader: the ``icalendar`` package.

Golden files pin the output (tests/golden/ical/); regenerate them after a
deliberate change with ``ESSPROGRAMME_REGENERATE=1 python -m pytest tests/test_ical.py``
and review the diff.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import attrs
import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from essprogramme import (
    Address,
    Link,
    LinkKind,
    LocalizedText,
    Location,
    LocationKind,
    Participant,
    ParticipantRole,
    Programme,
    Session,
    SessionFormat,
    SessionStatus,
    Speaker,
    ValidationError,
    examples,
    from_json,
    strategies,
)
from essprogramme.formats import ExportOptions, exporter
from essprogramme.formats.ical import (
    export,
    programme_calendar,
    sessions_calendar,
    speaker_calendar,
    uid,
)
from essprogramme.formats.ical._text import fold, text

HERE = Path(__file__).parent
GOLDEN = HERE / "golden" / "ical"
STAMP = datetime(2026, 1, 1, tzinfo=UTC)

#: Every property a VEVENT of ours may hold: anything else came from user text.
EVENT_PROPERTIES = frozenset(
    {
        "UID", "DTSTAMP", "DTSTART", "DTEND", "DURATION", "SEQUENCE", "STATUS", "SUMMARY",
        "DESCRIPTION", "LOCATION", "GEO", "URL", "CONFERENCE", "CATEGORIES", "RELATED-TO",
        "TRANSP",
    }
)  # fmt: skip
CALENDAR_PROPERTIES = frozenset(
    {"VERSION", "PRODID", "CALSCALE", "NAME", "X-WR-CALNAME", "URL", "X-ESSPROGRAMME-UNTIMED"}
)

HOSTILE = (
    "x\r\nATTENDEE:mailto:evil",
    "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:forged",
    "semi;colon, comma\\backslash \\n not a newline",
    "nul\x00 esc\x1b[31m bell\x07 del\x7f",
    "line\u2028separator\u2029paragraph\x85next",
    "\nSUMMARY:again",
    "DTSTART:19700101T000000Z",
)


@pytest.fixture(scope="module")
def seed() -> Programme:
    return examples.load("gsef2021-partenariats")


@pytest.fixture(scope="module")
def shapes() -> Programme:
    return from_json((HERE / "fixtures" / "every-shape.json").read_bytes())


def parse(data: bytes) -> icalendar.Calendar:
    """The calendar read by icalendar, which found no value it could not read."""
    calendar = icalendar.Calendar.from_ical(data)
    assert [(c.name, c.errors) for c in calendar.walk() if c.errors] == []
    return calendar


def events(calendar: icalendar.Calendar) -> dict[str, Any]:
    """The VEVENTs by UID."""
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def event_of(calendar: icalendar.Calendar, programme: Programme, session_id: str) -> Any:
    return events(calendar)[uid(programme.id, "sessions", session_id)]


def untimed(calendar: icalendar.Calendar) -> list[str]:
    found = calendar.get("X-ESSPROGRAMME-UNTIMED", [])
    return [str(item) for item in (found if isinstance(found, list) else [found])]


def floor(moment: datetime) -> datetime:
    return moment.replace(microsecond=0)


def ceil(moment: datetime) -> datetime:
    return floor(moment) + (timedelta(seconds=1) if moment.microsecond else timedelta())


def expected_text(value: str) -> str:
    """What a TEXT value reads back as: line breaks as ``\\n``, control characters as U+FFFD."""
    value = re.sub("\r\n|[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]", "\n", value)
    return re.sub("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]", "\ufffd", value)


def check_instants(programme: Programme, calendar: icalendar.Calendar) -> None:
    """Every dated session reads back at its instants (to the second) or days, under its UID."""
    found = events(calendar)
    dated = [s for s in programme.sessions if s.start is not None or s.start_date is not None]
    assert set(found) == {uid(programme.id, "sessions", s.id) for s in dated}
    for session in dated:
        event = found[uid(programme.id, "sessions", session.id)]
        start = event.decoded("DTSTART")
        if session.start is not None:
            assert start.astimezone(UTC) == floor(session.start)
            if session.end is None:
                assert "DTEND" not in event
            else:
                assert event.decoded("DTEND").astimezone(UTC) == ceil(session.end)
        else:
            assert session.start_date is not None
            assert type(start) is date and start == session.start_date
            last = session.end_date or session.start_date
            if "DTEND" in event:
                assert event.decoded("DTEND") == last + timedelta(days=1)
            else:
                assert event.decoded("DURATION") == last - session.start_date + timedelta(days=1)
    assert untimed(calendar) == [
        s.id for s in programme.sessions if s.start is None and s.start_date is None
    ]


def check_timezones(calendar: icalendar.Calendar) -> None:
    """Every TZID has its VTIMEZONE, and that VTIMEZONE alone gives the same instants.

    icalendar reads a known TZID with its own tzdata; here each local time is
    read again with a zone built from our VTIMEZONE only (dateutil's reader).
    """
    assert calendar.get_missing_tzids() == set()
    zones = {str(c["TZID"]): c.to_tz(lookup_tzid=False) for c in calendar.walk("VTIMEZONE")}
    assert set(zones) == calendar.get_used_tzids() - {"UTC"}
    for event in calendar.walk("VEVENT"):
        for name in ("DTSTART", "DTEND"):
            prop = event.get(name)
            if prop is None or "TZID" not in prop.params:
                continue
            ours = prop.dt.replace(tzinfo=zones[prop.params["TZID"]])
            assert ours.astimezone(UTC) == prop.dt.astimezone(UTC), (name, prop.to_ical())


def physical_lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    lines = data[:-2].split(b"\r\n")
    assert all(b"\r" not in line and b"\n" not in line for line in lines)
    return lines


def check_lines(data: bytes) -> None:
    """At most 75 octets a line, each line valid UTF-8 on its own (no character cut)."""
    for line in physical_lines(data):
        assert len(line) <= 75, line
        line.decode("utf-8")


def check_no_injection(calendar: icalendar.Calendar) -> None:
    """Only our properties and components, with those RFC 5545 requires."""
    assert {"VERSION", "PRODID"} <= set(calendar) <= CALENDAR_PROPERTIES
    assert {c.name for c in calendar.subcomponents} <= {"VEVENT", "VTIMEZONE"}
    for event in calendar.walk("VEVENT"):
        assert {"UID", "DTSTAMP", "DTSTART"} <= set(event) <= EVENT_PROPERTIES, set(event)
        assert not event.subcomponents


# The seed --------------------------------------------------------------


def test_the_seed_reads_back_with_its_instant_and_texts(seed: Programme) -> None:
    calendar = parse(programme_calendar(seed, stamp=STAMP))
    (event,) = calendar.walk("VEVENT")
    (session,) = seed.sessions
    assert event.decoded("DTSTART") == datetime(2021, 10, 8, 11, 0, tzinfo=UTC)
    assert event.decoded("DTEND") == datetime(2021, 10, 8, 12, 30, tzinfo=UTC)
    assert str(event["UID"]) == uid(seed.id, "sessions", session.id)
    assert str(event["SUMMARY"]) == session.title["fr"]
    assert event["SUMMARY"].params["LANGUAGE"] == "fr"
    assert event["STATUS"] == "CONFIRMED"
    assert event.decoded("DTSTAMP") == STAMP
    description = str(event["DESCRIPTION"])
    assert "Langues: fr" in description
    assert "Modératrice: Kevin Ossah — Directeur exécutif, OJEDD" in description
    for speaker in seed.speakers:
        assert speaker.name is not None and speaker.name in description
    assert "Objectifs:\n1. " in description and "Questions:\n- " in description
    assert calendar.walk("VTIMEZONE") == []  # the seed is in UTC: times end in Z


def test_uids_are_stable_and_follow_the_documented_scheme(seed: Programme) -> None:
    first = programme_calendar(seed, stamp=STAMP)
    again = programme_calendar(seed, stamp=STAMP + timedelta(days=3))
    assert events(parse(first)).keys() == events(parse(again)).keys()
    (session,) = seed.sessions
    assert uid(seed.id, "sessions", session.id) == "df4da3dc-1ec2-5a3c-bffa-85dc97ae3685"


def test_the_stamp_is_now_unless_given(seed: Programme) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    (event,) = parse(programme_calendar(seed)).walk("VEVENT")
    assert before <= event.decoded("DTSTAMP") <= datetime.now(UTC)


# Every status and time shape -----------------------------------------


def test_every_shape_reads_back_at_the_same_instants(shapes: Programme) -> None:
    data = programme_calendar(shapes, stamp=STAMP)
    calendar = parse(data)
    check_instants(shapes, calendar)
    check_timezones(calendar)
    check_lines(data)
    check_no_injection(calendar)


@pytest.mark.parametrize(
    ("session_id", "status", "transparent", "prefix"),
    [
        ("pleniere-ouverture", "CONFIRMED", False, ""),
        ("atelier-finances", "TENTATIVE", False, ""),
        ("table-ronde-annulee", "CANCELLED", True, "[ANNULÉ] "),
        ("webinaire-reporte", "CANCELLED", True, "[REPORTÉ] "),
        ("visite-deplacee", "CONFIRMED", False, "[DÉPLACÉ] "),
        ("assemblee-en-ligne", "CONFIRMED", False, "[PASSÉ EN LIGNE] "),
    ],
)
def test_statuses(
    shapes: Programme, session_id: str, status: str, transparent: bool, prefix: str
) -> None:
    event = event_of(parse(programme_calendar(shapes, stamp=STAMP)), shapes, session_id)
    assert event["STATUS"] == status
    assert (event.get("TRANSP") == "TRANSPARENT") is transparent
    title = shapes.session(session_id).title.lookup("fr")
    assert str(event["SUMMARY"]) == prefix + title


def test_a_postponed_session_says_a_new_date_is_to_come(shapes: Programme) -> None:
    event = event_of(parse(programme_calendar(shapes, stamp=STAMP)), shapes, "webinaire-reporte")
    assert str(event["DESCRIPTION"]).startswith("REPORTÉ: nouvelle date à venir\n")


def test_a_cancelled_programme_cancels_every_session(shapes: Programme) -> None:
    cancelled = attrs.evolve(shapes, status=SessionStatus.CANCELLED)
    calendar = parse(programme_calendar(cancelled, stamp=STAMP))
    assert {str(e["STATUS"]) for e in calendar.walk("VEVENT")} == {"CANCELLED"}


def test_a_moved_session_bumps_its_sequence_and_tells_where_it_stood(shapes: Programme) -> None:
    calendar = parse(programme_calendar(shapes, stamp=STAMP))
    moved = event_of(calendar, shapes, "visite-deplacee")
    assert moved["SEQUENCE"] == 1
    assert "Auparavant: 2026-03-28 17:00 (Europe/Paris)" in str(moved["DESCRIPTION"])
    assert event_of(calendar, shapes, "pleniere-ouverture")["SEQUENCE"] == 0


def test_days_without_a_time_are_all_day_events_with_an_exclusive_end(shapes: Programme) -> None:
    calendar = parse(programme_calendar(shapes, stamp=STAMP))
    exhibition = event_of(calendar, shapes, "exposition")
    assert exhibition.decoded("DTSTART") == date(2026, 3, 28)
    assert exhibition.decoded("DTEND") == date(2026, 3, 31)
    assert exhibition["DTSTART"].params["VALUE"] == "DATE"
    welcome = event_of(calendar, shapes, "accueil")
    assert welcome.decoded("DTEND") - welcome.decoded("DTSTART") == timedelta(days=1)


def test_a_start_alone_has_no_end(shapes: Programme) -> None:
    event = event_of(parse(programme_calendar(shapes, stamp=STAMP)), shapes, "atelier-finances")
    assert "DTEND" not in event and "DURATION" not in event
    assert event.decoded("DTSTART") == datetime(2026, 3, 28, 13, 0, tzinfo=UTC)


def test_sessions_without_a_time_are_left_out_and_listed(shapes: Programme) -> None:
    calendar = parse(programme_calendar(shapes, stamp=STAMP))
    assert uid(shapes.id, "sessions", "cloture") not in events(calendar)
    assert untimed(calendar) == ["cloture"]


def test_times_carry_the_zone_and_its_vtimezone_across_the_dst_change(shapes: Programme) -> None:
    data = programme_calendar(shapes, stamp=STAMP)
    assert b"DTSTART;TZID=Europe/Paris:20260328T093000\r\n" in data  # +01:00
    assert b"DTSTART;TZID=Europe/Paris:20260329T093000\r\n" in data  # +02:00, the day after
    check_timezones(parse(data))


def test_places_coordinates_links_and_the_online_channel(shapes: Programme) -> None:
    calendar = parse(programme_calendar(shapes, stamp=STAMP))
    opening = event_of(calendar, shapes, "pleniere-ouverture")
    location = str(opening["LOCATION"])
    assert location.startswith("Salle des fêtes, Hôtel de Ville de Lyon — 1 place de la Comédie")
    assert "69001 Lyon" in location and "https://example.org/live" in location
    assert opening.decoded("GEO") == (45.7676, 4.8363)
    assert str(opening["CONFERENCE"]) == "https://example.org/live"
    assert "Diaporama: https://example.org/slides/ouverture.pdf" in str(opening["DESCRIPTION"])
    assert str(calendar["URL"]) == "https://example.org/ripess-2026"
    assert [str(c) for c in opening["CATEGORIES"].cats] == ["Plénière", "Territoires"]


def test_speakers_languages_and_registration_in_the_description(shapes: Programme) -> None:
    calendar = parse(programme_calendar(shapes, stamp=STAMP))
    opening = str(event_of(calendar, shapes, "pleniere-ouverture")["DESCRIPTION"])
    assert "Plénière · Langues: fr (interprétation: en, es)" in opening
    assert "Modération: Mme Amina Haddad — Coordinatrice, RIPESS Europe" in opening
    assert "Intervention: José García\n  « La economía solidaria en Cataluña »" in opening
    assert "Intervention: Mme Claire Martin (à confirmer)" in opening
    visit = str(event_of(calendar, shapes, "visite-deplacee")["DESCRIPTION"])
    assert "Inscription: obligatoire · 20 places · complet" in visit
    assert "Tarif: prix libre" in visit


def test_texts_in_the_chosen_language_with_fallback(shapes: Programme) -> None:
    calendar = parse(programme_calendar(shapes, lang="en", stamp=STAMP))
    opening = event_of(calendar, shapes, "pleniere-ouverture")
    assert str(opening["SUMMARY"]) == "Opening plenary"
    assert opening["SUMMARY"].params["LANGUAGE"] == "en"
    assert "Plenary · Languages: fr (interpretation: en, es)" in str(opening["DESCRIPTION"])
    closed = event_of(calendar, shapes, "table-ronde-annulee")  # French only: the original
    assert str(closed["SUMMARY"]) == "[CANCELLED] Table ronde : coopératives de plateforme"
    assert closed["SUMMARY"].params["LANGUAGE"] == "fr"
    assert str(calendar["NAME"]) == "RIPESS 2026 meetings: a test programme"
    spanish = parse(programme_calendar(shapes, lang="es-419", stamp=STAMP))
    opening = event_of(spanish, shapes, "pleniere-ouverture")
    assert str(opening["SUMMARY"]) == "Plenaria de apertura"
    assert "Plenaria · Idiomas: fr" in str(opening["DESCRIPTION"])


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_the_description_speaks_the_words_of_the_readable_formats(
    shapes: Programme, lang: str
) -> None:
    from essprogramme.formats._labels import FORMATS, STATUS, Words

    words = Words.of(lang)
    calendar = parse(programme_calendar(shapes, lang=lang, stamp=STAMP))
    opening = str(event_of(calendar, shapes, "pleniere-ouverture")["DESCRIPTION"])
    assert opening.startswith(f"{words.word(FORMATS, 'plenary')} · {words['languages']}: fr")
    assert f"\n{words['moderation']}: " in opening  # as the readable page heads moderators
    assert f"\n{words['speaker']}: José García\n" in opening
    postponed = event_of(calendar, shapes, "webinaire-reporte")
    status = words.word(STATUS, "postponed")
    assert str(postponed["SUMMARY"]).startswith(f"[{status}] ")
    assert str(postponed["DESCRIPTION"]).startswith(f"{status}: {words['postponed_note']}\n")


def test_a_zone_asked_for_writes_every_time_in_it(shapes: Programme) -> None:
    data = programme_calendar(shapes, zone="America/Toronto", stamp=STAMP)
    assert b"DTSTART;TZID=America/Toronto:20260328T043000\r\n" in data
    calendar = parse(data)
    assert calendar.get_used_tzids() == {"America/Toronto"}
    check_instants(shapes, calendar)
    check_timezones(calendar)
    utc = programme_calendar(shapes, zone="UTC", stamp=STAMP)
    assert b"DTSTART:20260328T083000Z\r\n" in utc and b"VTIMEZONE" not in utc
    check_instants(shapes, parse(utc))


def test_the_second_of_two_equal_wall_clock_times_is_written_in_utc(shapes: Programme) -> None:
    # 2026-10-25 in Paris: 02:30 happens twice; RFC 5545 reads a TZID time as the first.
    first = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    second = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    sessions = [
        Session(
            id=f"s{i}", title=LocalizedText({"fr": "Nuit"}), format=SessionFormat.OTHER, start=t
        )
        for i, t in enumerate((first, second))
    ]
    autumn = attrs.evolve(
        shapes,
        start_date=date(2026, 10, 24),
        end_date=date(2026, 10, 26),
        extra_days=[],
        sessions=sessions,
        registration=None,
    )
    data = programme_calendar(autumn, stamp=STAMP)
    assert b"DTSTART;TZID=Europe/Paris:20261025T023000\r\n" in data
    assert b"DTSTART:20261025T013000Z\r\n" in data
    calendar = parse(data)
    check_instants(autumn, calendar)
    check_timezones(calendar)


def test_microseconds_round_outwards_to_the_second(shapes: Programme) -> None:
    start = datetime(2026, 3, 28, 8, 30, 59, 999_999, tzinfo=UTC)
    end = datetime(2026, 3, 28, 9, 0, 0, 1, tzinfo=UTC)
    session = Session(
        id="s", title=LocalizedText({"fr": "S"}), format=SessionFormat.TALK, start=start, end=end
    )
    calendar = parse(programme_calendar(attrs.evolve(shapes, sessions=[session]), stamp=STAMP))
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("DTSTART").astimezone(UTC) == start.replace(microsecond=0)
    assert event.decoded("DTEND").astimezone(UTC) == datetime(2026, 3, 28, 9, 0, 1, tzinfo=UTC)


# Speaker and chosen sessions ----------------------------------------------


def test_a_speakers_calendar_holds_their_sessions_under_the_same_uids(shapes: Programme) -> None:
    whole = events(parse(programme_calendar(shapes, stamp=STAMP)))
    calendar = parse(speaker_calendar(shapes, "claire-martin", stamp=STAMP))
    mine = events(calendar)
    expected = {"pleniere-ouverture", "table-ronde-annulee"}
    assert set(mine) == {uid(shapes.id, "sessions", s) for s in expected}
    for key, event in mine.items():
        assert event.to_ical() == whole[key].to_ical()
    assert str(calendar["NAME"]).endswith(" — Mme Claire Martin")


def test_a_calendar_of_chosen_sessions(shapes: Programme) -> None:
    chosen = ["exposition", "cloture", "accueil"]
    calendar = parse(sessions_calendar(shapes, chosen, stamp=STAMP))
    assert [str(e["UID"]) for e in calendar.walk("VEVENT")] == [
        uid(shapes.id, "sessions", s)
        for s in ("accueil", "exposition")  # programme order
    ]
    assert untimed(calendar) == ["cloture"]


def test_the_exporter_follows_the_options(shapes: Programme) -> None:
    assert exporter("ics") is export
    data = export(shapes, ExportOptions(speaker="jose-garcia", lang="en", zone="Europe/Madrid"))
    calendar = parse(data)
    assert len(calendar.walk("VEVENT")) == 2
    assert calendar.get_used_tzids() == {"Europe/Madrid"}


@pytest.mark.parametrize(
    ("call", "code", "path"),
    [
        (lambda p: programme_calendar(p, zone="Mars/Olympus_Mons"), "time_zone", "$.zone"),
        (lambda p: programme_calendar(p, zone="localtime"), "time_zone", "$.zone"),
        (lambda p: programme_calendar(p, lang="français"), "language_tag", "$.lang"),
        (lambda p: programme_calendar(p, stamp=datetime(2026, 1, 1)), "naive_datetime", "$.stamp"),
        (lambda p: speaker_calendar(p, "nobody"), "unknown_reference", "$.speaker"),
        (lambda p: sessions_calendar(p, ["accueil", "nope"]), "unknown_reference", "$.sessions[1]"),
        (lambda p: export(p, ExportOptions(speaker="nobody")), "unknown_reference", "$.speaker"),
        (lambda p: export(p, ExportOptions(zone="Europe/Lyon")), "time_zone", "$.zone"),
    ],
)
def test_bad_options_are_validation_errors(
    shapes: Programme, call: Any, code: str, path: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        call(shapes)
    assert [(p.code, p.path) for p in raised.value.problems] == [(code, path)]


# Lines, escaping, injection -----------------------------------------------


def test_long_and_non_ascii_lines_fold_at_75_octets_without_cutting_a_character() -> None:
    for body in ("é" * 100, "🌍" * 60, "a" + "사회적경제" * 30, "x" * 74, "x" * 75, "x" * 76):
        line = "SUMMARY:" + body
        data = fold(line) + b"\r\n"
        check_lines(data)
        assert data.replace(b"\r\n ", b"").decode().rstrip("\r\n") == line


def test_seed_lines_fold(seed: Programme) -> None:
    data = programme_calendar(seed, stamp=STAMP)
    check_lines(data)
    assert max(len(line) for line in physical_lines(data)) == 75


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_cannot_make_a_property(shapes: Programme, hostile: str) -> None:
    programme = poisoned(shapes, hostile)
    data = programme_calendar(programme, stamp=STAMP)
    calendar = parse(data)
    check_no_injection(calendar)
    check_instants(programme, calendar)
    check_lines(data)
    for session in programme.sessions:
        if session.start is not None or session.start_date is not None:
            event = event_of(calendar, programme, session.id)
            summary = str(event["SUMMARY"])
            assert summary.endswith(expected_text(hostile))
            assert expected_text(hostile) in str(event["DESCRIPTION"])
    assert b"\r\nATTENDEE" not in data and b"\r\nUID:forged" not in data


def test_text_escapes_what_rfc_5545_gives_a_meaning_to() -> None:
    assert text("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"
    assert text("a\r\nb\rc\u2028d") == "a\\nb\\nc\\nd"
    assert text("tab\tstays, nul\x00 goes") == "tab\tstays\\, nul\ufffd goes"


def poisoned(programme: Programme, hostile: str) -> Programme:
    """``programme`` with ``hostile`` in every kind of text a calendar writes."""
    bad = LocalizedText({"fr": f"x {hostile}"})
    extra = Speaker(id="hostile", name=f"x {hostile}", honorific=bad)
    place = Location(
        id="hostile-place",
        name=bad,
        kind=LocationKind.ROOM,
        address=Address(street=f"x {hostile}", locality=f"x {hostile}"),
    )
    sessions = [
        attrs.evolve(
            session,
            title=LocalizedText({"fr": f"x {hostile}"}),
            description=bad,
            tags={f"x {hostile}"},
            locations=[*session.locations, "hostile-place"],
            links=[Link(kind=LinkKind.OTHER, url="https://example.org/", title=bad)],
            participants=[
                *session.participants,
                Participant(role=ParticipantRole.SPEAKER, speaker="hostile", title=bad),
            ]
            if not session.format.is_pause
            else [],
        )
        for session in programme.sessions
    ]
    return attrs.evolve(
        programme,
        title=bad,
        speakers=[*programme.speakers, extra],
        locations=[*programme.locations, place],
        sessions=sessions,
    )


# Golden files ---------------------------------------------------------------


def golden(name: str, data: bytes) -> None:
    path = GOLDEN / name
    if os.environ.get("ESSPROGRAMME_REGENERATE") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        pytest.skip(f"regenerated {path.relative_to(HERE)}")
    assert path.read_bytes() == data, f"{name} changed: see the module docstring to regenerate"


def test_golden_seed(seed: Programme) -> None:
    golden("gsef2021-partenariats.ics", programme_calendar(seed, stamp=STAMP))


def test_golden_every_shape(shapes: Programme) -> None:
    golden("every-shape.ics", programme_calendar(shapes, stamp=STAMP))


def test_golden_every_shape_in_english_for_one_speaker(shapes: Programme) -> None:
    data = speaker_calendar(
        shapes, "amina-haddad", lang="en", zone="Africa/Casablanca", stamp=STAMP
    )
    golden("every-shape-amina-haddad-en.ics", data)


# Properties ---------------------------------------------------------------


@given(strategies.programmes())
def test_any_programme_reads_back_with_the_same_instants_and_uids(programme: Programme) -> None:
    data = programme_calendar(programme, stamp=STAMP)
    calendar = parse(data)
    check_instants(programme, calendar)
    check_timezones(calendar)
    check_lines(data)
    check_no_injection(calendar)


_FRAGMENTS = st.sampled_from(
    ["\r\n", "\n", "\r", ";", ",", ":", "\\", "\\n", "=", '"', "ATTENDEE:mailto:evil",
     "END:VEVENT", "BEGIN:VALARM", "\x00", "\x1b", "\x7f", "\x85", "\u2028", "é", "🌍", " "]
)  # fmt: skip
hostile_texts = st.lists(_FRAGMENTS, min_size=1, max_size=8).map("".join)


@given(strategies.programmes(min_sessions=1, max_sessions=2), hostile_texts, st.data())
def test_hostile_strings_never_escape(
    programme: Programme, hostile: str, data: st.DataObject
) -> None:
    programme = poisoned(programme, hostile)
    lang = data.draw(st.sampled_from([None, "fr", "en"]))
    written = programme_calendar(programme, lang=lang, stamp=STAMP)
    calendar = parse(written)
    check_no_injection(calendar)
    check_instants(programme, calendar)
    check_lines(written)
    for event in calendar.walk("VEVENT"):
        assert str(event["SUMMARY"]).endswith(expected_text(hostile))


def test_the_zone_check_catches_a_wrong_vtimezone() -> None:
    """The zone check above can fail: a VTIMEZONE off by an hour is caught."""
    wrong = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n"
        b"BEGIN:STANDARD\r\nDTSTART:20250101T000000\r\nTZOFFSETFROM:+0200\r\n"
        b"TZOFFSETTO:+0200\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:u\r\n"
        b"DTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Europe/Paris:20260328T093000\r\n"
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    with pytest.raises(AssertionError):
        check_timezones(parse(wrong))
