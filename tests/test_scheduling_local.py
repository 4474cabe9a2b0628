"""Local views and agendas: the seed on four wall clocks, every time shape, logical days."""

from __future__ import annotations

from datetime import UTC, date, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from essprogramme import LocationKind, Session, SessionFormat, ValidationError, strategies
from essprogramme.scheduling import agenda, languages_used, local_view, speaker_agenda
from test_scheduling_helpers import (
    SEED_SESSION,
    every_shape,
    person,
    place,
    programme,
    seed,
    talk,
    utc,
)

SEED_ZONES = {
    "Indian/Mayotte": ("14:00", "15:30", "EAT", timedelta(hours=3)),
    "Europe/Paris": ("13:00", "14:30", "CEST", timedelta(hours=2)),
    "America/Toronto": ("07:00", "08:30", "EDT", timedelta(hours=-4)),
    "Africa/Lome": ("11:00", "12:30", "GMT", timedelta(0)),
}


@pytest.mark.parametrize("zone", sorted(SEED_ZONES))
def test_the_seed_workshop_on_each_speakers_wall_clock(zone: str) -> None:
    start, end, abbreviation, offset = SEED_ZONES[zone]
    view = local_view(seed().session(SEED_SESSION), zone)
    assert view.start is not None and view.end is not None
    assert (f"{view.start:%H:%M}", f"{view.end:%H:%M}") == (start, end)
    assert view.abbreviation == abbreviation
    assert view.offset == offset
    assert view.first_day == view.last_day == date(2021, 10, 8)
    assert view.clock() == f"{start}–{end}"


def test_in_the_dst_gap_week_paris_is_plus_one_and_toronto_still_minus_four() -> None:
    session = talk("dst", utc(1, 12, month=11, year=2021), utc(1, 13, month=11, year=2021))
    paris, toronto = local_view(session, "Europe/Paris"), local_view(session, "America/Toronto")
    assert paris.offset == timedelta(hours=1) and paris.abbreviation == "CET"
    assert toronto.offset == timedelta(hours=-4) and toronto.abbreviation == "EDT"
    assert (paris.clock(), toronto.clock()) == ("13:00–14:00", "08:00–09:00")


def test_a_session_across_local_midnight_shows_its_day_shift() -> None:
    view = local_view(talk("late", utc(28, 21), utc(28, 23, 30)), "Asia/Kathmandu")
    assert view.clock() == "02:45–05:15"
    assert view.first_day == view.last_day == date(2026, 3, 29)
    view = local_view(talk("late", utc(28, 17), utc(28, 19)), "Asia/Kathmandu")
    assert view.clock() == "22:45–00:45 (+1)"
    assert view.day_shift == 1


def test_a_session_ending_at_midnight_stays_on_its_day() -> None:
    view = local_view(talk("eve", utc(28, 22), utc(29, 0)), "UTC")
    assert view.day_shift == 0 and view.clock() == "22:00–00:00"


def test_a_session_across_a_dst_change_has_two_offsets() -> None:
    view = local_view(talk("night", utc(29, 0), utc(29, 2)), "Europe/Paris")
    assert (view.offset, view.end_offset) == (timedelta(hours=1), timedelta(hours=2))
    assert view.clock() == "01:00–04:00"


def test_every_time_shape_has_its_view() -> None:
    shapes = every_shape()
    views = {
        s.id: local_view(s, "America/Toronto", home_zone=shapes.zone_of(s)) for s in shapes.sessions
    }
    exact = views["pleniere-ouverture"]
    assert exact.shape == "exact" and exact.clock() == "04:30–06:00"
    start_only = views["atelier-finances"]
    assert start_only.shape == "start" and start_only.end is None
    assert start_only.clock("fr") == "à partir de 09:00"
    assert start_only.utc_span() is None  # no end is invented
    dated = views["exposition"]
    assert dated.shape == "date" and dated.start is None
    assert dated.clock() == "2026-03-28 – 2026-03-30"
    assert dated.home_zone == "Europe/Paris"
    span = dated.utc_span()
    assert span == (utc(27, 23), utc(30, 22))  # Paris days, across the change to summer time
    unscheduled = views["cloture"]
    assert unscheduled.shape == "none" and not unscheduled.is_scheduled
    assert unscheduled.clock("es") == "hora por anunciar"


def test_local_view_refuses_a_bad_zone_and_a_bad_session() -> None:
    with pytest.raises(ValidationError) as caught:
        local_view("session", "Europe/Pariss")  # type: ignore[arg-type]
    assert {(p.path, p.code) for p in caught.value.problems} == {
        ("$.session", "type"),
        ("$.zone", "time_zone"),
    }
    assert "did you mean 'Europe/Paris'" in str(caught.value)


@given(strategies.sessions(), st.sampled_from(strategies.ZONES))
def test_a_local_view_gives_back_the_instant_and_the_duration(session: Session, zone: str) -> None:
    view = local_view(session, zone)
    if session.start is not None:
        assert view.start is not None and view.start.astimezone(UTC) == session.start
        assert view.start.tzinfo == ZoneInfo(zone) or view.start.tzinfo == UTC
    if session.end is not None:
        assert view.end is not None and view.start is not None
        exact = view.end.astimezone(UTC) - view.start.astimezone(UTC)
        assert exact == session.duration  # the same exact duration in every zone
        assert view.day_shift >= 0


def test_an_agenda_groups_by_local_day_whole_days_first() -> None:
    built = programme(
        [
            talk("matin", utc(28, 8), utc(28, 9), "ana", locations=["salle"]),
            talk("concert", utc(28, 23, 30), utc(29, 1), format=SessionFormat.CULTURAL),
            talk("expo", None, None, start_date=date(2026, 3, 28), end_date=date(2026, 3, 29)),
            talk("a-venir", None, None, "ana"),
        ],
        [person("ana")],
        [place("palais", LocationKind.VENUE), place("salle", parent="palais")],
    )
    midnight = agenda(built, "UTC")
    assert [(d.day.day, [v.session.id for v in d.views]) for d in midnight.days] == [
        (28, ["expo", "matin", "concert"]),
        (29, ["expo"]),
    ]
    assert [v.session.id for v in midnight.unscheduled] == ["a-venir"]
    logical = agenda(built, "Europe/Paris", day_starts=time(4))
    assert [v.session.id for v in logical.on(date(2026, 3, 28))] == ["expo", "matin", "concert"]
    plain = agenda(built, "Europe/Paris")
    assert [v.session.id for v in plain.on(date(2026, 3, 29))] == ["expo", "concert"]
    assert [v.session.id for v in plain.by_location("palais")] == ["matin"]
    assert [v.session.id for v in plain.by_speaker("ana")] == ["matin", "a-venir"]
    assert plain.on(date(2030, 1, 1)) == ()


def test_the_agenda_of_every_shape_in_toronto() -> None:
    shapes = every_shape()
    seen = agenda(shapes, "America/Toronto")
    days = {d.day.isoformat(): [v.session.id for v in d.views] for d in seen.days}
    assert days["2026-03-27"] == ["accueil"]
    assert days["2026-03-28"][:2] == ["exposition", "pleniere-ouverture"]  # whole days first
    assert "table-ronde-annulee" in days["2026-03-28"]  # listed with its status
    assert [v.session.id for v in seen.unscheduled] == ["cloture"]
    assert [v.session.id for v in seen.by_track("international")] == ["webinaire-reporte"]
    kept = agenda(shapes, "America/Toronto", include_cancelled=False)
    assert "table-ronde-annulee" not in {v.session.id for v in kept.views}
    assert "webinaire-reporte" not in {v.session.id for v in kept.views}


def test_each_speaker_sees_their_own_sessions_on_their_own_clock() -> None:
    mine = speaker_agenda(seed(), "johanne-lavoie")
    assert mine.zone == "America/Toronto"
    assert [v.clock() for v in mine.views] == ["07:00–08:30"]
    roderic = speaker_agenda(seed(), "roderic-egal")  # no zone of his own
    assert roderic.zone == "UTC"
    moderator = speaker_agenda(every_shape(), "amina-haddad", zone="Africa/Casablanca")
    assert [v.session.id for v in moderator.views] == ["pleniere-ouverture", "webinaire-reporte"]
    with pytest.raises(ValidationError) as caught:
        speaker_agenda(seed(), "nobody")
    assert caught.value.codes == {"unknown_reference"}


def test_languages_used_against_those_declared() -> None:
    use = languages_used(every_shape())
    assert use.declared == ("fr", "en", "es")
    assert use.floor == ("fr", "en")
    assert use.interpretation == ("en", "es")
    assert use.undeclared == ()  # Arabic is only in the postponed webinar
    assert use.unused == ()
    counted = languages_used(every_shape(), include_cancelled=True)
    assert counted.undeclared == ("ar",)


def test_agenda_arguments_are_checked_together() -> None:
    with pytest.raises(ValidationError) as caught:
        agenda("programme", "Mars/Olympus", day_starts="04:00")  # type: ignore[arg-type]
    assert {p.path for p in caught.value.problems} == {"$.programme", "$.zone", "$.day_starts"}


def test_a_long_range_of_days_is_listed_on_its_first_day_only() -> None:
    built = programme(
        [talk("annee", None, None, start_date=date(2026, 1, 1), end_date=date(2027, 6, 1))],
        start_date=date(2026, 1, 1),
        end_date=date(2027, 6, 1),
    )
    assert [d.day for d in agenda(built).days] == [date(2026, 1, 1)]
