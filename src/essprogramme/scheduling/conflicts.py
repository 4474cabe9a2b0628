"""Conflicts in a programme's schedule, and the immutable report that holds them.

Each :class:`Conflict` is data: its kind, its severity (an ``error``
blocks publishing; a ``warning`` asks for a look), the sessions, person and
place involved, the stretch of time concerned, and what was assumed. Its
message is rendered on demand, in French, English or Spanish.
:func:`~essprogramme.scheduling.find_conflicts` builds the report.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from typing import Any

import attrs

from ..model import LocalizedText
from ._common import MICROSECOND, on_clock, zone_city, zone_info
from .messages import format_duration, message, quoted
from .policy import ComfortLevel

__all__ = ["Conflict", "ConflictKind", "ConflictReport", "Severity"]


class Severity(enum.StrEnum):
    """``error``: the schedule cannot be published as it is; ``warning``: worth a look."""

    ERROR = "error"
    WARNING = "warning"


class ConflictKind(enum.StrEnum):
    """What is wrong."""

    #: A participant in two sessions at once (any role, remote included).
    DOUBLE_BOOKED = "double_booked"
    #: Two sessions in one room, stage, outdoor place or online channel.
    LOCATION_CLASH = "location_clash"
    #: Too little time between a participant's sessions (travel included).
    BUFFER = "buffer"
    #: A session outside a participant's availability.
    UNAVAILABLE = "unavailable"
    #: A session (with its assumed end) outside the programme's days.
    OUTSIDE_PROGRAMME = "outside_programme"
    #: A participant at an uncomfortable local hour (see the comfort policy).
    UNCOMFORTABLE = "uncomfortable"
    #: A session's places disagree with how it is attended (a hybrid session
    #: without its channel, a session moved online that still holds a room).
    ATTENDANCE = "attendance"


_KIND_ORDER = {kind: index for index, kind in enumerate(ConflictKind)}
_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1}


def _text(value: str | LocalizedText | None, lang: str) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else value.lookup(lang)


@attrs.frozen(kw_only=True)
class Conflict:
    """One conflict: what, how serious, who and what is involved, and when.

    ``start`` and ``end`` (UTC) are the stretch concerned: the overlap of
    two sessions, the gap between them, or the session itself. ``zone`` is
    where its message shows times. ``assumed`` is the duration assumed for
    a session published with a start alone, when the conflict depends on
    it; ``day_level`` marks a conflict found from published days only.
    """

    kind: ConflictKind
    severity: Severity
    sessions: tuple[str, ...]
    titles: tuple[LocalizedText, ...] = attrs.field(eq=False)
    participant: str | None = None
    who: str | LocalizedText | None = attrs.field(default=None, eq=False)
    location: str | None = None
    place: LocalizedText | None = attrs.field(default=None, eq=False)
    start: datetime | None = None
    end: datetime | None = None
    zone: str = "UTC"
    assumed: timedelta | None = None
    day_level: bool = False
    level: ComfortLevel | None = None
    weekend: bool = False
    gap: timedelta | None = None
    needed: timedelta | None = None
    travel: bool = False
    #: For ``attendance``: ``moved_online_room``, ``room_while_online``,
    #: ``channel_while_in_person``, ``hybrid_without_channel`` or ``hybrid_without_room``.
    reason: str | None = None

    def _when(self) -> str:
        if self.start is None or self.end is None:
            return ""
        tz = zone_info(self.zone)
        start, end = on_clock(self.start, tz), on_clock(self.end, tz)
        if self.day_level:
            last = on_clock(self.end - MICROSECOND, tz).date()
            first = start.date()
            return first.isoformat() if first == last else f"{first} – {last}"
        tail = f"{end:%H:%M}" if end.date() == start.date() else f"{end:%Y-%m-%d %H:%M}"
        return f"{start:%Y-%m-%d %H:%M}–{tail} {start.tzname()}"

    def message(self, lang: str = "en") -> str:
        """The conflict in words, in ``lang`` (French, English, Spanish; else English)."""
        titles = [quoted(title.lookup(lang), lang) for title in self.titles]
        a, b = [*titles, "", ""][:2]
        who, place = _text(self.who, lang), _text(self.place, lang)
        kind = self.kind
        if kind is ConflictKind.DOUBLE_BOOKED:
            text = message("double_booked", lang, who=who, a=a, b=b, when=self._when())
        elif kind is ConflictKind.LOCATION_CLASH:
            text = message("location_clash", lang, place=place, a=a, b=b, when=self._when())
        elif kind is ConflictKind.BUFFER:
            assert self.gap is not None and self.needed is not None
            text = message(
                "buffer_travel" if self.travel else "buffer",
                lang,
                who=who,
                a=a,
                b=b,
                gap=format_duration(self.gap),
                needed=format_duration(self.needed),
            )
        elif kind is ConflictKind.UNAVAILABLE:
            code = "unavailable_day" if self.day_level else "unavailable"
            text = message(code, lang, who=who, a=a, when=self._when())
        elif kind is ConflictKind.OUTSIDE_PROGRAMME:
            text = message("outside_programme", lang, a=a, when=self._when())
        elif kind is ConflictKind.UNCOMFORTABLE:
            assert self.start is not None and self.level is not None
            level = message(self.level.value, lang)
            if self.weekend:
                level = f"{level}, {message('weekend', lang)}"
            local = on_clock(self.start, zone_info(self.zone))
            text = message(
                "uncomfortable",
                lang,
                time=f"{local:%H:%M}",
                place=zone_city(self.zone),
                who=who,
                level=level,
                a=a,
            )
        else:
            text = message(self.reason or "hybrid_without_channel", lang, a=a, place=place)
        notes = []
        if self.assumed is not None:
            notes.append(message("assumed", lang, duration=format_duration(self.assumed)))
        if self.day_level and kind is not ConflictKind.UNAVAILABLE:
            notes.append(message("day_level", lang))
        return f"{text} [{'; '.join(notes)}]" if notes else text

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The conflict as JSON data (instants in RFC 3339, durations in minutes)."""

        def minutes(delta: timedelta | None) -> int | None:
            return None if delta is None else int(delta.total_seconds() // 60)

        def instant(moment: datetime | None) -> str | None:
            return None if moment is None else moment.isoformat().replace("+00:00", "Z")

        data: dict[str, Any] = {
            "kind": self.kind.value,
            "severity": self.severity.value,
            "sessions": list(self.sessions),
            "participant": self.participant,
            "location": self.location,
            "start": instant(self.start),
            "end": instant(self.end),
            "zone": self.zone,
            "assumed_minutes": minutes(self.assumed),
            "day_level": self.day_level,
            "level": None if self.level is None else self.level.value,
            "weekend": self.weekend,
            "gap_minutes": minutes(self.gap),
            "needed_minutes": minutes(self.needed),
            "travel": self.travel,
            "reason": self.reason,
            "message": self.message(lang),
        }
        return data


def _sort_key(conflict: Conflict) -> tuple[Any, ...]:
    """Errors first, then by time, kind, sessions, person, place: independent of input order."""
    return (
        _SEVERITY_ORDER[conflict.severity],
        conflict.start is None,
        conflict.start or datetime.min,
        _KIND_ORDER[conflict.kind],
        conflict.sessions,
        conflict.participant or "",
        conflict.location or "",
        conflict.reason or "",
    )


@attrs.frozen(kw_only=True)
class ConflictReport:
    """Every conflict found, in a fixed order: errors first, then by time, kind and ids.

    Iterate over it, or ask: ``errors``, ``warnings``, ``of_kind(...)``,
    ``of_session(id)``, ``of_participant(id)``, ``of_location(id)``.
    """

    conflicts: tuple[Conflict, ...]

    @classmethod
    def of(cls, conflicts: Iterable[Conflict]) -> ConflictReport:
        """A report of ``conflicts``, each once, in the report's order."""
        return cls(conflicts=tuple(sorted(dict.fromkeys(conflicts), key=_sort_key)))

    def __iter__(self) -> Iterator[Conflict]:
        return iter(self.conflicts)

    def __len__(self) -> int:
        return len(self.conflicts)

    def __bool__(self) -> bool:
        return bool(self.conflicts)

    @property
    def errors(self) -> tuple[Conflict, ...]:
        """The conflicts that block publishing."""
        return tuple(c for c in self.conflicts if c.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Conflict, ...]:
        """The conflicts worth a look."""
        return tuple(c for c in self.conflicts if c.severity is Severity.WARNING)

    @property
    def has_errors(self) -> bool:
        """Whether any conflict blocks publishing."""
        return any(c.severity is Severity.ERROR for c in self.conflicts)

    def of_kind(self, kind: ConflictKind | str) -> tuple[Conflict, ...]:
        """The conflicts of one kind."""
        return tuple(c for c in self.conflicts if c.kind == kind)

    def of_session(self, session: str) -> tuple[Conflict, ...]:
        """The conflicts a session is involved in."""
        return tuple(c for c in self.conflicts if session in c.sessions)

    def of_participant(self, participant: str) -> tuple[Conflict, ...]:
        """The conflicts of one speaker (or organisation)."""
        return tuple(c for c in self.conflicts if c.participant == participant)

    def of_location(self, location: str) -> tuple[Conflict, ...]:
        """The conflicts of one place or channel."""
        return tuple(c for c in self.conflicts if c.location == location)

    def summary(self, lang: str = "en") -> str:
        """``2 error(s), 1 warning(s)``, or ``no conflicts``, in ``lang``."""
        if not self.conflicts:
            return message("no_conflicts", lang)
        errors = len(self.errors)
        return message("summary", lang, errors=errors, warnings=len(self.conflicts) - errors)

    def messages(self, lang: str = "en") -> tuple[str, ...]:
        """Every conflict's message, in order, prefixed by its severity."""
        return tuple(f"{message(c.severity.value, lang)}: {c.message(lang)}" for c in self)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The report as JSON data: counts and every conflict."""
        errors = len(self.errors)
        return {
            "errors": errors,
            "warnings": len(self.conflicts) - errors,
            "conflicts": [c.to_dict(lang) for c in self.conflicts],
        }
