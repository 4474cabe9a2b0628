"""The comfort policy: levels, weekends, discomfort minute by minute, the session report."""

from __future__ import annotations

import calendar
from datetime import UTC, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from essprogramme import Delivery, Participant, ParticipantRole, ValidationError
from essprogramme.scheduling import (
    DEFAULT_POLICY,
    ComfortLevel,
    ComfortPolicy,
    Hours,
    comfort_of,
    session_comfort,
)
from test_scheduling_helpers import (
    SEED_SESSION,
    discomfort_by_hand,
    level_by_hand,
    person,
    programme,
    seed,
    talk,
    utc,
)

DST_ZONES = (
    "Europe/Paris",
    "America/Toronto",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "Pacific/Chatham",
    "America/Santiago",
    "Asia/Beirut",
)


def test_the_default_policy_and_its_levels() -> None:
    policy = ComfortPolicy()
    assert policy == DEFAULT_POLICY
    levels = {hour: policy.level_at(time(hour)).value for hour in (0, 6, 7, 8, 9, 17, 19, 20, 22)}
    assert levels == {
        0: "night",
        6: "early",
        7: "early",
        8: "acceptable",
        9: "ideal",
        17: "acceptable",
        19: "acceptable",
        20: "late",
        22: "night",
    }
    assert sorted(policy.weekend_of("anyone")) == [calendar.SATURDAY, calendar.SUNDAY]


def test_the_seed_report_names_each_speaker_at_their_local_hour() -> None:
    report = session_comfort(seed(), SEED_SESSION)
    assert report.messages("fr") == (
        "11:00 à Lome pour Kevin Ossah : idéal",
        "14:00 à Mayotte pour Ben Amar Zeghadi : idéal",
        "13:00 à Paris pour Maud Caruhel : idéal",
        "Rodéric Egal : fuseau horaire inconnu",
        "07:00 à Toronto pour Johanne Lavoie : tôt",
    )
    assert report.worst_off == ("johanne-lavoie",)
    assert report.worst == 60 * 3 + 30 * 1  # an hour early, half an hour acceptable
    montreal = session_comfort(seed(), SEED_SESSION, places={"johanne-lavoie": "Montréal"})
    assert montreal.entries[-1].message("fr") == "07:00 à Montréal pour Johanne Lavoie : tôt"
    assert montreal.entries[-1].message("en") == "07:00 in Montréal for Johanne Lavoie: early"


def test_with_an_eight_to_six_policy_the_seed_is_hard_only_on_toronto() -> None:
    policy = ComfortPolicy(ideal="08:00-18:00", acceptable="08:00-18:00")
    report = session_comfort(seed(), SEED_SESSION, policy=policy)
    assert [(e.participant, e.discomfort) for e in report.entries if e.discomfort] == [
        ("johanne-lavoie", 60 * 3)
    ]


def test_recorded_contributions_are_not_judged_and_a_start_alone_is_assumed() -> None:
    recorded = Participant(role=ParticipantRole.SPEAKER, speaker="ben", delivery=Delivery.RECORDED)
    built = programme(
        [
            talk(
                "a",
                utc(30, 9),
                None,
                participants=[Participant(role=ParticipantRole.MODERATOR, speaker="ana"), recorded],
            )
        ],
        [person("ana"), person("ben", "Pacific/Chatham")],
    )
    report = session_comfort(built, "a", assumed_duration=timedelta(minutes=30))
    (entry,) = report.entries
    assert entry.participant == "ana" and entry.assumed
    assert entry.end is not None and entry.start is not None
    assert entry.end.astimezone(UTC) - entry.start.astimezone(UTC) == timedelta(minutes=30)


def test_a_session_without_hours_has_no_comfort_report() -> None:
    built = programme(
        [talk("a", None, None), talk("b", utc(28, 8), utc(29, 12))],
        start_date=datetime(2026, 3, 27).date(),
    )
    with pytest.raises(ValidationError) as caught:
        session_comfort(built, "a")
    assert caught.value.codes == {"time_shape"}
    with pytest.raises(ValidationError) as caught:
        session_comfort(built, "b")
    assert caught.value.codes == {"too_large"}
    with pytest.raises(ValidationError) as caught:
        session_comfort(built, "zz", policy="x")  # type: ignore[arg-type]
    assert caught.value.codes == {"unknown_reference", "type"}


def test_weekend_days_belong_to_each_participant() -> None:
    friday = (utc(27, 10), utc(27, 11))
    policy = ComfortPolicy(weekends={"kevin": {calendar.FRIDAY, calendar.SATURDAY}})
    kevin = comfort_of("Africa/Lome", *friday, policy=policy, participant="kevin")
    other = comfort_of("Africa/Lome", *friday, policy=policy, participant="maud")
    assert (kevin.weekend, kevin.discomfort) == (True, 60 * policy.weekend_penalty)
    assert (other.weekend, other.discomfort) == (False, 0)
    assert kevin.level_words("fr") == "idéal, week-end"


@pytest.mark.parametrize(
    ("fields", "paths"),
    [
        ({"ideal": "08:00-21:00"}, {"$.ideal"}),  # beyond the acceptable hours
        ({"night": "19:00-07:00"}, {"$.night"}),  # overlaps them
        ({"weekend": {7}}, {"$.weekend"}),
        ({"weekends": {"ana": {"sat"}}}, {"$.weekends.ana"}),
        ({"acceptable": "8h-20h"}, {"$.acceptable"}),
        ({"night_penalty": -1, "weekend_penalty": True}, {"$.night_penalty", "$.weekend_penalty"}),
    ],
)
def test_a_bad_policy_names_every_problem(fields: dict[str, object], paths: set[str]) -> None:
    with pytest.raises(ValidationError) as caught:
        ComfortPolicy(**fields)  # type: ignore[arg-type]
    assert {p.path for p in caught.value.problems} == paths


def test_hours() -> None:
    assert str(Hours.parse("8:00 – 18:30")) == "08:00–18:30"
    assert Hours.parse("22:00-06:00").contains(time(3)) and not Hours.parse("22:00-06:00").contains(
        time(6)
    )
    for bad in ("25:00-06:00", "8-18", "08:00-08:00"):
        with pytest.raises(ValidationError):
            Hours.parse(bad)
    with pytest.raises(ValidationError):
        Hours(start=time(8, 0, 30), end=time(9))


def test_comfort_of_checks_its_arguments() -> None:
    with pytest.raises(ValidationError) as caught:
        comfort_of("Europe/Pariss", datetime(2026, 3, 28, 9), utc(28, 8))  # type: ignore[arg-type]
    assert {(p.path, p.code) for p in caught.value.problems} == {
        ("$.zone", "time_zone"),
        ("$.start", "naive_datetime"),
    }
    with pytest.raises(ValidationError) as caught:
        comfort_of("UTC", utc(28, 9), utc(28, 8))
    assert caught.value.codes == {"end_before_start"}
    with pytest.raises(ValidationError) as caught:
        comfort_of("UTC", utc(28, 9), utc(30, 8))
    assert caught.value.codes == {"too_large"}


@given(
    st.sampled_from(DST_ZONES),
    st.datetimes(
        min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(UTC)
    ).map(lambda d: d.replace(second=0, microsecond=0)),
    st.integers(1, 24 * 60),
    st.sampled_from(
        [
            DEFAULT_POLICY,
            ComfortPolicy(ideal="08:00-18:00", acceptable="08:00-18:00", weekend={4, 5}),
            ComfortPolicy(ideal="10:15-16:45", acceptable="07:30-21:00", night="23:00-05:00"),
        ]
    ),
)
def test_discomfort_equals_a_minute_by_minute_count(
    zone: str, start: datetime, minutes: int, policy: ComfortPolicy
) -> None:
    end = start + timedelta(minutes=minutes)
    found = comfort_of(zone, start, end, policy=policy)
    assert found.discomfort == discomfort_by_hand(zone, start, end, policy, policy.weekend)
    assert found.end is not None and found.start is not None
    # Exact time between the local ends (the same zone subtracts wall-clock time: PEP 495).
    assert found.end.astimezone(UTC) - found.start.astimezone(UTC) == end - start


@given(st.times().map(lambda t: t.replace(second=0, microsecond=0, tzinfo=None)))
def test_the_level_table_matches_the_hours(moment: time) -> None:
    for policy in (DEFAULT_POLICY, ComfortPolicy(ideal="09:30-16:00", night="21:00-07:30")):
        assert policy.level_at(moment) is ComfortLevel(level_by_hand(policy, moment))
