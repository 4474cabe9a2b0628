"""How a session's hours suit each participant, in their own zone.

>>> from essprogramme import examples
>>> programme = examples.load("gsef2021-partenariats")
>>> report = session_comfort(programme, "partenariats-innovants-ecosystemes-ess")
>>> for line in report.messages("fr"):
...     print(line)
11:00 à Lome pour Kevin Ossah : idéal
14:00 à Mayotte pour Ben Amar Zeghadi : idéal
13:00 à Paris pour Maud Caruhel : idéal
Rodéric Egal : fuseau horaire inconnu
07:00 à Toronto pour Johanne Lavoie : tôt
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

import attrs

from ..model import LocalizedText, Programme, Session
from ..model._rules import type_name
from ..model.vocab import Delivery
from ._common import Checks, clamp_add, micros, on_clock, speaker_label, zone_city, zone_info
from ._timeline import MICROS_PER_MINUTE, Timeline
from .messages import message
from .policy import DEFAULT_POLICY, ComfortLevel, ComfortPolicy

__all__ = [
    "MAX_JUDGED",
    "ParticipantComfort",
    "SessionComfort",
    "comfort_of",
    "session_comfort",
]

#: The longest stretch whose comfort is judged: nobody attends a longer
#: session in one sitting, so its hours say nothing about comfort.
MAX_JUDGED = timedelta(hours=24)


def _text(value: str | LocalizedText, lang: str) -> str:
    return value if isinstance(value, str) else value.lookup(lang)


@attrs.frozen(kw_only=True)
class ParticipantComfort:
    """One participant's local hours for one stretch of time, and what they cost.

    ``participant`` is a speaker id (or, for a plain zone, the zone key);
    ``start`` and ``end`` are on the participant's wall clock. ``level`` is
    the worst level reached, ``discomfort`` the penalty in weighted minutes
    (0 is best). Without a known zone, ``level`` is ``None`` and nothing is
    judged.
    """

    participant: str
    who: str | LocalizedText
    zone: str | None
    #: The place named in messages: the zone's city unless told otherwise.
    place: str
    start: datetime | None = None
    end: datetime | None = None
    level: ComfortLevel | None = None
    weekend: bool = False
    discomfort: int = 0
    #: Whether the end was assumed (a session published with a start only).
    assumed: bool = False

    def level_words(self, lang: str = "en") -> str:
        """``tôt``, ``idéal, week-end``...: the level and the weekend, in words."""
        if self.level is None:
            return ""
        words = message(self.level.value, lang)
        return f"{words}, {message('weekend', lang)}" if self.weekend else words

    def message(self, lang: str = "en") -> str:
        """``07:00 à Montréal pour Johanne Lavoie : tôt``, in ``lang``."""
        who = _text(self.who, lang)
        if self.level is None or self.start is None:
            return message("unknown_zone", lang, who=who)
        return message(
            "comfort",
            lang,
            time=f"{self.start:%H:%M}",
            place=self.place,
            who=who,
            level=self.level_words(lang),
        )


@attrs.frozen(kw_only=True)
class SessionComfort:
    """The comfort of every participant of one session, in programme order.

    ``worst`` is the largest discomfort, ``total`` their sum, ``worst_off``
    the participants at ``worst`` (none when everyone is at 0).
    """

    session: str
    entries: tuple[ParticipantComfort, ...]
    worst: int
    total: int
    worst_off: tuple[str, ...]

    def messages(self, lang: str = "en") -> tuple[str, ...]:
        """One line per participant, in ``lang``."""
        return tuple(entry.message(lang) for entry in self.entries)


def _judge(
    participant: str,
    who: str | LocalizedText,
    zone: str | None,
    start: datetime,
    end: datetime,
    policy: ComfortPolicy,
    *,
    place: str | None = None,
    assumed: bool = False,
    timeline: Timeline | None = None,
) -> ParticipantComfort:
    """The comfort of ``[start, end)`` (UTC) for a participant in ``zone`` (checked values).

    ``timeline``: the participant's, if already built over a stretch holding this one.
    """
    if zone is None:
        return ParticipantComfort(
            participant=participant, who=who, zone=None, place=place or "", assumed=assumed
        )
    tz = zone_info(zone)
    low, high = micros(start), micros(end)
    if timeline is None:
        timeline = Timeline(zone, policy, policy.weekend_of(participant), low, high)
    level, weekend = timeline.worst(low, high)
    return ParticipantComfort(
        participant=participant,
        who=who,
        zone=zone,
        place=place or zone_city(zone),
        start=on_clock(start, tz),
        end=on_clock(end, tz),
        level=level,
        weekend=weekend,
        discomfort=timeline.penalty(low, high) // MICROS_PER_MINUTE,
        assumed=assumed,
    )


def comfort_of(
    zone: str,
    start: datetime,
    end: datetime,
    *,
    policy: ComfortPolicy = DEFAULT_POLICY,
    participant: str | None = None,
    place: str | None = None,
) -> ParticipantComfort:
    """The comfort of the stretch ``[start, end)`` for someone in ``zone``.

    ``participant`` (an id) picks their own weekend days from the policy and
    names them in messages (default: the zone key).

    >>> from datetime import UTC, datetime
    >>> late = comfort_of("Indian/Mayotte", datetime(2021, 10, 8, 17, tzinfo=UTC),
    ...                   datetime(2021, 10, 8, 18, 30, tzinfo=UTC))
    >>> late.level, late.discomfort, late.message("en")
    (<ComfortLevel.LATE: 'late'>, 270, '20:00 in Mayotte for Indian/Mayotte: late')
    """
    checks = Checks()
    checked = checks.zone(("zone",), zone)
    low = checks.instant(("start",), start)
    high = checks.instant(("end",), end)
    if low is not None and high is not None:
        if high <= low:
            checks.add(("end",), "end_before_start", "must be after start")
        elif high - low > MAX_JUDGED:
            checks.add(("end",), "too_large", f"comfort is judged over at most {MAX_JUDGED}")
    if not isinstance(policy, ComfortPolicy):
        checks.add(("policy",), "type", f"expected a ComfortPolicy, got {type_name(policy)}")
    if participant is not None and type(participant) is not str:
        checks.add(("participant",), "type", "expected an id")
    if place is not None and type(place) is not str:
        checks.add(("place",), "type", "expected a place name")
    checks.done()
    assert checked is not None and low is not None and high is not None
    name = participant if participant is not None else checked
    return _judge(name, name, checked, low, high, policy, place=place)


def session_comfort(
    programme: Programme,
    session: Session | str,
    *,
    policy: ComfortPolicy = DEFAULT_POLICY,
    assumed_duration: timedelta = timedelta(hours=1),
    places: Mapping[str, str] | None = None,
) -> SessionComfort:
    """The comfort report of one session: each speaker's local hours, in every role.

    Speakers who send a recorded contribution are left out (they need not be
    awake); speakers without a zone are listed, unjudged. A session with a
    start alone is judged over ``assumed_duration`` (each entry says so).
    ``places`` maps speaker ids to the place to name in messages (by default
    the city of their zone key). A session published by days only, or
    lasting more than :data:`MAX_JUDGED`, has no hours to judge: a
    :class:`~essprogramme.errors.ValidationError`.
    """
    checks = Checks()
    found: Session | None = None
    if not isinstance(programme, Programme):
        checks.add(("programme",), "type", f"expected a Programme, got {type_name(programme)}")
    elif isinstance(session, Session):
        found = session
    else:
        try:
            found = programme.session(session)
        except (LookupError, TypeError):
            checks.add(("session",), "unknown_reference", f"no session {session!r}")
    duration = checks.duration(("assumed_duration",), assumed_duration, at_most=MAX_JUDGED)
    if not isinstance(policy, ComfortPolicy):
        checks.add(("policy",), "type", f"expected a ComfortPolicy, got {type_name(policy)}")
    if places is not None and not isinstance(places, Mapping):
        checks.add(("places",), "type", f"expected a mapping, got {type_name(places)}")
    if found is not None and found.start is None:
        checks.add(("session",), "time_shape", f"{found.id!r} has no published time of day")
    elif found is not None and found.duration is not None and found.duration > MAX_JUDGED:
        checks.add(("session",), "too_large", f"{found.id!r} lasts more than {MAX_JUDGED}")
    checks.done()
    assert found is not None and found.start is not None and duration is not None
    assumed = found.end is None
    end = found.end if found.end is not None else clamp_add(found.start, duration)
    skip = {p.speaker for p in found.participants if p.delivery is Delivery.RECORDED}
    live = {p.speaker for p in found.participants if p.delivery is not Delivery.RECORDED}
    entries = []
    for speaker_id in found.speaker_ids:
        if speaker_id in skip and speaker_id not in live:
            continue
        speaker = programme.speaker(speaker_id)
        entries.append(
            _judge(
                speaker_id,
                speaker_label(speaker),
                speaker.time_zone,
                found.start,
                end,
                policy,
                place=(places or {}).get(speaker_id),
                assumed=assumed,
            )
        )
    worst = max((e.discomfort for e in entries), default=0)
    return SessionComfort(
        session=found.id,
        entries=tuple(entries),
        worst=worst,
        total=sum(e.discomfort for e in entries),
        worst_off=tuple(e.participant for e in entries if worst and e.discomfort == worst),
    )
