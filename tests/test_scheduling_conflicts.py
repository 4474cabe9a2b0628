"""Conflicts: each kind, each status and time shape, messages in three languages, the report."""

from __future__ import annotations

import json
from datetime import date, timedelta

import attrs
import pytest

from essprogramme import (
    AttendanceMode,
    Delivery,
    Interval,
    LocationKind,
    Participant,
    ParticipantRole,
    SessionStatus,
    ValidationError,
)
from essprogramme.scheduling import (
    ComfortLevel,
    ComfortPolicy,
    ConflictKind,
    ConflictReport,
    Severity,
    find_conflicts,
)
from test_scheduling_helpers import every_shape, person, place, programme, seed, talk, utc

ANA, BEN = person("ana"), person("ben", "America/Toronto")


def _kinds(report: ConflictReport) -> list[tuple[str, tuple[str, ...], str]]:
    return [(c.kind.value, c.sessions, c.severity.value) for c in report]


def test_a_speaker_in_two_sessions_at_once_is_an_error() -> None:
    built = programme(
        [
            talk("a", utc(30, 9), utc(30, 11), "ana"),
            talk("b", utc(30, 10), utc(30, 12), "ben", "ana"),
        ],
        [ANA, BEN],
    )
    report = find_conflicts(built, policy=None)
    (conflict,) = report
    assert conflict.kind is ConflictKind.DOUBLE_BOOKED and conflict.severity is Severity.ERROR
    assert (conflict.sessions, conflict.participant) == (("a", "b"), "ana")
    assert (conflict.start, conflict.end) == (utc(30, 10), utc(30, 11))  # the overlap
    assert conflict.message("en") == (
        "Ana is in two sessions at once: “Session a” and “Session b” (2026-03-30 12:00–13:00 CEST)"
    )
    assert conflict.message("fr").startswith("Ana est dans deux sessions à la fois : « Session a »")
    assert conflict.message("es").startswith("Ana está en dos sesiones a la vez: «Session a»")
    assert conflict.message("de") == conflict.message("en")  # English for other languages
    assert report.has_errors and report.errors == (conflict,) and not report.warnings


def test_every_role_counts_and_remote_delivery_too_but_not_a_recording() -> None:
    def joined(delivery: Delivery | None, role: ParticipantRole) -> object:
        return programme(
            [
                talk("a", utc(30, 9), utc(30, 10), "ana"),
                talk(
                    "b",
                    utc(30, 9),
                    utc(30, 10),
                    participants=[Participant(role=role, speaker="ana", delivery=delivery)],
                ),
            ],
            [ANA],
        )

    for role in ParticipantRole:
        assert len(find_conflicts(joined(None, role), policy=None)) == 1, role  # type: ignore[arg-type]
    assert (
        len(find_conflicts(joined(Delivery.REMOTE_LIVE, ParticipantRole.SPEAKER), policy=None)) == 1
    )  # type: ignore[arg-type]
    assert not find_conflicts(joined(Delivery.RECORDED, ParticipantRole.SPEAKER), policy=None)  # type: ignore[arg-type]


def test_touching_sessions_do_not_clash() -> None:
    built = programme(
        [
            talk("a", utc(30, 9), utc(30, 10), "ana", locations=["salle"]),
            talk("b", utc(30, 10), utc(30, 11), "ana", locations=["salle"]),
        ],
        [ANA],
        [place("salle")],
    )
    assert not find_conflicts(built, policy=None)


def test_two_sessions_in_one_room_clash_but_not_in_one_venue() -> None:
    built = programme(
        [
            talk("a", utc(30, 9), utc(30, 10), locations=["salle", "palais"]),
            talk("b", utc(30, 9, 30), utc(30, 11), locations=["salle", "palais"]),
        ],
        locations=[place("palais", LocationKind.VENUE), place("salle", parent="palais")],
    )
    (conflict,) = find_conflicts(built, policy=None)
    assert (conflict.kind, conflict.location, conflict.severity) == (
        ConflictKind.LOCATION_CLASH,
        "salle",
        Severity.ERROR,
    )
    assert conflict.message("fr") == (
        "salle accueille deux sessions à la fois : « Session a » et « Session b » "
        "(2026-03-30 09:30–10:00 UTC)"
    )


def test_an_online_channel_clashes_unless_it_carries_parallel_streams() -> None:
    def on(channel: object) -> object:
        return programme(
            [
                talk("a", utc(30, 9), utc(30, 10), locations=["live"]),
                talk("b", utc(30, 9), utc(30, 10), locations=["live"]),
            ],
            locations=[channel],
        )

    single = place("live", LocationKind.ONLINE)
    assert _kinds(find_conflicts(on(single), policy=None)) == [  # type: ignore[arg-type]
        ("location_clash", ("a", "b"), "error")
    ]
    parallel = place("live", LocationKind.ONLINE, parallel=True)
    assert not find_conflicts(on(parallel), policy=None)  # type: ignore[arg-type]


def test_cancelled_and_postponed_sessions_never_conflict() -> None:
    for status in SessionStatus:
        built = programme(
            [
                talk("a", utc(30, 9), utc(30, 10), "ana", locations=["salle"]),
                talk("b", utc(30, 9), utc(30, 10), "ana", locations=["salle"], status=status),
            ],
            [ANA],
            [place("salle")],
        )
        kinds = {c.kind for c in find_conflicts(built, policy=None)}
        if status in (SessionStatus.CANCELLED, SessionStatus.POSTPONED):
            assert not kinds, status
        elif status is SessionStatus.MOVED_ONLINE:  # the room is free, the speaker is not
            assert kinds == {ConflictKind.DOUBLE_BOOKED, ConflictKind.ATTENDANCE}, status
        else:
            assert kinds == {ConflictKind.DOUBLE_BOOKED, ConflictKind.LOCATION_CLASH}, status


def test_a_start_alone_uses_the_assumed_duration_and_says_so() -> None:
    built = programme(
        [talk("a", utc(30, 9), None, "ana"), talk("b", utc(30, 9, 45), utc(30, 11), "ana")],
        [ANA],
    )
    (conflict,) = find_conflicts(built, policy=None)
    assert conflict.severity is Severity.WARNING and conflict.assumed == timedelta(hours=1)
    assert conflict.message("en").endswith("[end assumed 1 h after the start]")
    assert conflict.message("fr").endswith("[fin supposée 1 h après le début]")
    assert not find_conflicts(built, policy=None, assumed_duration=timedelta(minutes=45))
    # Starting together is a clash whatever the end: certain, an error.
    together = programme(
        [talk("a", utc(30, 9), None, "ana"), talk("b", utc(30, 9), utc(30, 11), "ana")], [ANA]
    )
    (certain,) = find_conflicts(together, policy=None, assumed_duration=timedelta(minutes=5))
    assert certain.severity is Severity.ERROR and certain.assumed is None
    # Starting while a published session runs is certain too.
    inside = programme(
        [talk("a", utc(30, 9), utc(30, 11), "ana"), talk("b", utc(30, 10), None, "ana")], [ANA]
    )
    assert [c.severity for c in find_conflicts(inside, policy=None)] == [Severity.ERROR]


def test_days_without_hours_are_checked_at_day_level() -> None:
    built = programme(
        [
            talk("expo", None, None, "ana", start_date=date(2026, 3, 29)),
            talk("atelier", utc(29, 14), utc(29, 15), "ana"),
            talk("lendemain", utc(30, 9), utc(30, 10), "ana"),
        ],
        [ANA],
        time_zone="Europe/Paris",
    )
    (conflict,) = find_conflicts(built, policy=None, buffer=timedelta(hours=2))
    assert conflict.day_level and conflict.severity is Severity.WARNING
    assert conflict.sessions == ("expo", "atelier")
    assert conflict.message("en").endswith("(2026-03-29) [times not published: same day]")


def test_parts_of_a_session_do_not_clash_with_it() -> None:
    built = programme(
        [
            talk("pleniere", utc(30, 9), utc(30, 12), "ana", locations=["salle"]),
            talk("prix", utc(30, 10), utc(30, 11), "ana", locations=["salle"], parent="pleniere"),
            talk("remise", utc(30, 10), utc(30, 10, 30), "ana", locations=["salle"], parent="prix"),
        ],
        [ANA],
        [place("salle")],
    )
    assert not find_conflicts(built, policy=None)


def test_too_little_buffer_and_travel_between_sites() -> None:
    built = programme(
        [
            talk("a", utc(30, 9), utc(30, 10), "ana", locations=["salle-1"]),
            talk("b", utc(30, 10, 10), utc(30, 11), "ana", locations=["salle-2"]),
            talk("c", utc(30, 11, 20), utc(30, 12), "ana", locations=["amphi"]),
        ],
        [ANA],
        [
            place("palais", LocationKind.VENUE),
            place("salle-1", parent="palais"),
            place("salle-2", parent="palais"),
            place("campus", LocationKind.VENUE),
            place("amphi", parent="campus"),
        ],
    )
    report = find_conflicts(built, policy=None, buffer=timedelta(minutes=15))
    (near,) = report
    assert (near.kind, near.sessions, near.gap, near.needed, near.travel) == (
        ConflictKind.BUFFER,
        ("a", "b"),
        timedelta(minutes=10),
        timedelta(minutes=15),
        False,
    )
    assert near.message("en") == "Ana has 10 min between “Session a” and “Session b”; 15 min needed"
    assert not find_conflicts(built, policy=None, buffer=timedelta(minutes=10))  # just enough
    report = find_conflicts(
        built, policy=None, buffer=timedelta(minutes=5), travel=timedelta(minutes=30)
    )
    (far,) = report
    assert (far.sessions, far.travel, far.needed) == (("b", "c"), True, timedelta(minutes=35))
    assert "deux sites différents" in far.message("fr")


def test_a_session_outside_a_speakers_availability() -> None:
    morning = Interval(start=utc(30, 8), end=utc(30, 12))
    built = programme(
        [
            talk("ok", utc(30, 9), utc(30, 10), "ana"),
            talk("late", utc(30, 11), utc(30, 13), "ana"),
            talk("guess", utc(30, 11, 30), None, "ana"),
            talk("day", None, None, "ana", start_date=date(2026, 3, 29)),
        ],
        [person("ana", availability=[morning])],
    )
    report = find_conflicts(built, policy=None).of_kind(ConflictKind.UNAVAILABLE)
    assert [(c.sessions, c.severity.value, c.day_level) for c in report] == [
        (("late",), "error", False),
        (("day",), "warning", True),
        (("guess",), "warning", False),
    ]
    assert report[0].message("es") == (
        "Ana no está disponible para «Session late» (2026-03-30 13:00–15:00 CEST)"
    )


def test_an_uncomfortable_hour_in_the_seed() -> None:
    report = find_conflicts(seed())
    (early,) = report
    assert (early.kind, early.participant, early.level) == (
        ConflictKind.UNCOMFORTABLE,
        "johanne-lavoie",
        ComfortLevel.EARLY,
    )
    assert early.message("fr").startswith("07:00 à Toronto pour Johanne Lavoie : tôt (« Des")
    assert early.message("es").startswith("07:00 en Toronto para Johanne Lavoie: temprano")
    relaxed = ComfortPolicy(ideal="07:00-17:00", acceptable="07:00-20:00")
    assert not find_conflicts(seed(), policy=relaxed)
    assert not find_conflicts(seed(), policy=None)


def test_weekend_days_per_participant() -> None:
    friday = programme([talk("a", utc(27, 10), utc(27, 11), "ana")], [ANA])
    assert not find_conflicts(friday)
    policy = ComfortPolicy(weekends={"ana": {4, 5}})  # Friday and Saturday
    (conflict,) = find_conflicts(friday, policy=policy)
    assert conflict.weekend and conflict.level is ComfortLevel.IDEAL
    assert conflict.message("en").startswith("11:00 in Paris for Ana: ideal, weekend")


def test_attendance_against_places() -> None:
    places = [place("salle"), place("live", LocationKind.ONLINE)]
    cases = {
        "moved_online_room": {"status": SessionStatus.MOVED_ONLINE, "locations": ["salle"]},
        "room_while_online": {"attendance_mode": AttendanceMode.ONLINE, "locations": ["salle"]},
        "channel_while_in_person": {
            "attendance_mode": AttendanceMode.IN_PERSON,
            "locations": ["live"],
        },
        "hybrid_without_channel": {"attendance_mode": AttendanceMode.MIXED, "locations": ["salle"]},
        "hybrid_without_room": {"attendance_mode": AttendanceMode.MIXED, "locations": ["live"]},
    }
    for reason, fields in cases.items():
        built = programme([talk("a", utc(30, 9), utc(30, 10), **fields)], locations=places)
        (conflict,) = find_conflicts(built)
        assert (conflict.kind, conflict.reason) == (ConflictKind.ATTENDANCE, reason)
        assert conflict.message("fr") and conflict.message("es") != conflict.message("en")
    hybrid = programme(
        [
            talk(
                "a",
                utc(30, 9),
                utc(30, 10),
                attendance_mode=AttendanceMode.MIXED,
                locations=["salle", "live"],
            )
        ],
        locations=places,
    )
    assert not find_conflicts(hybrid)


def test_an_assumed_end_past_the_last_day() -> None:
    built = programme(
        [talk("tard", utc(30, 23, 30), None)],
        start_date=date(2026, 3, 27),
        end_date=date(2026, 3, 30),
    )
    (conflict,) = find_conflicts(built)
    assert (conflict.kind, conflict.severity) == (ConflictKind.OUTSIDE_PROGRAMME, Severity.WARNING)
    assert conflict.message("en").startswith("“Session tard” falls outside the programme's days")
    within = attrs.evolve(built, extra_days=[date(2026, 3, 31)])
    assert not find_conflicts(within)


def test_organisations_on_request() -> None:
    host = Participant(role=ParticipantRole.HOST, organisation="reseau")
    from essprogramme import Organisation, OrganisationKind

    built = programme(
        [
            talk("a", utc(30, 9), utc(30, 10), participants=[host]),
            talk("b", utc(30, 9), utc(30, 10), participants=[host]),
        ],
        organisations=[
            Organisation(id="reseau", name=talk("x").title, kind=OrganisationKind.NETWORK)
        ],
    )
    assert not find_conflicts(built)
    (conflict,) = find_conflicts(built, organisations=True)
    assert (conflict.participant, conflict.severity) == ("reseau", Severity.WARNING)


def test_every_shape_programme_reports_only_what_it_holds() -> None:
    report = find_conflicts(every_shape(), buffer=timedelta(minutes=30))
    assert not report.has_errors
    assert {c.kind for c in report} == {
        ConflictKind.UNCOMFORTABLE
    }  # a Saturday, a night in Toronto
    claire = report.of_participant("claire-martin")
    assert [(c.level, c.weekend) for c in claire] == [(ComfortLevel.NIGHT, True)]
    assert report.of_session("table-ronde-annulee") == ()  # cancelled
    assert report.of_session("webinaire-reporte") == ()  # postponed
    assert report.of_location("stream") == ()


def test_the_report_is_ordered_queryable_and_serialisable() -> None:
    built = programme(
        [
            talk("a", utc(30, 9), utc(30, 10), "ana", "ben", locations=["salle"]),
            talk("b", utc(30, 9), utc(30, 10), "ben", locations=["salle"]),
            talk("c", utc(30, 8), None, "ana"),
        ],
        [ANA, BEN],
        [place("salle")],
    )
    report = find_conflicts(built)
    assert [c.severity for c in report] == sorted(
        (c.severity for c in report), key=[Severity.ERROR, Severity.WARNING].index
    )
    assert len(report.errors) + len(report.warnings) == len(report)
    assert report.of_location("salle")[0].kind is ConflictKind.LOCATION_CLASH
    assert {c.participant for c in report.of_kind("double_booked")} == {"ben"}
    data = json.loads(json.dumps(report.to_dict("fr")))
    assert data["errors"] == len(report.errors)
    assert data["conflicts"][0]["start"].endswith("Z")
    assert report.summary("fr") == "2 erreur(s), 2 avertissement(s)"  # Ben at 05:00, twice
    assert find_conflicts(programme()).summary("es") == "ningún conflicto"
    reordered = attrs.evolve(built, sessions=list(reversed(built.sessions)))
    assert find_conflicts(reordered) == report
    assert ConflictReport.of([*report, *report]) == report


def test_bad_options_are_reported_together() -> None:
    with pytest.raises(ValidationError) as caught:
        find_conflicts(
            seed(),
            buffer=timedelta(minutes=-5),
            travel=30,  # type: ignore[arg-type]
            assumed_duration=timedelta(days=2),
            policy="strict",  # type: ignore[arg-type]
            organisations="yes",  # type: ignore[arg-type]
        )
    assert {(p.path, p.code) for p in caught.value.problems} == {
        ("$.buffer", "duration"),
        ("$.travel", "type"),
        ("$.assumed_duration", "too_large"),
        ("$.policy", "type"),
        ("$.organisations", "type"),
    }
    with pytest.raises(ValidationError):
        find_conflicts({"sessions": []})  # type: ignore[arg-type]


def test_instants_at_the_ends_of_the_calendar_do_not_crash() -> None:
    from datetime import UTC, datetime

    last = datetime(9999, 12, 30, 23, tzinfo=UTC)
    built = programme(
        [talk("fin", last, None, "ana"), talk("fin-2", last, None, "ana")],
        [person("ana", "Pacific/Kiritimati")],
        start_date=date(9999, 12, 28),
        end_date=date(9999, 12, 31),
        time_zone="UTC",
    )
    report = find_conflicts(built, assumed_duration=timedelta(hours=24))
    assert ConflictKind.DOUBLE_BOOKED in {c.kind for c in report}
    assert all(c.message("fr") for c in report)


def test_a_schedule_with_too_many_clashes_is_refused_not_swept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from essprogramme.scheduling import detect

    monkeypatch.setattr(detect, "MAX_PAIRS", 10)
    crowd = [talk(f"s{n}", utc(30, 9), utc(30, 10), locations=["salle"]) for n in range(6)]
    built = programme(crowd, locations=[place("salle")])
    with pytest.raises(ValidationError) as caught:
        find_conflicts(built)
    assert caught.value.codes == {"too_large"}
    assert len(find_conflicts(programme(crowd[:5], locations=[place("salle")]))) == 10
