"""The order of a readable programme: sessions by local day, each as published.

A day holds the sessions dated that day without a time first, then the
timed ones by their instant; a session comes before its parts when they
start together; a part without a time of its own follows the part listed
before it (or its session); the sessions without a time come last.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, tzinfo

from ..model import Programme, Session
from ._phrases import day_of, midnight

__all__ = ["ordered"]

#: The local day; the sessions dated without a time (0) before the timed ones (1);
#: the instant; how deep a part is, so a session comes before its parts.
_SortKey = tuple[date, int, datetime, int, datetime, str]


def _own_key(session: Session, programme: Programme, tz: tzinfo) -> _SortKey | None:
    """Where a session sorts by its own time; ``None`` if it has none."""
    depth = programme.depth_of(session)
    if session.start is not None:
        end = session.end if session.end is not None else session.start
        return (day_of(session.start, tz), 1, session.start, depth, end, session.id)
    if session.start_date is not None:
        zone = programme.zone_of(session)
        last = session.end_date or session.start_date
        first = midnight(session.start_date, zone)
        return (session.start_date, 0, first, depth, midnight(last, zone), session.id)
    return None


def ordered(
    programme: Programme, sessions: Sequence[Session], tz: tzinfo
) -> list[tuple[date | None, Session]]:
    """Every session with the day it is listed under (``None``: no date yet).

    Sessions with a time of their own are ordered by it. A part without a
    time of its own follows the part listed before it in the programme, or
    the session it is part of: the six topics of a debate stay between its
    introduction and its conclusion. The other untimed sessions come last.
    """
    keys = {s.id: _own_key(s, programme, tz) for s in sessions}
    followers: dict[str, list[Session]] = {}
    previous: dict[str, Session] = {}  # the last session seen with this parent
    for s in sessions:
        if s.parent is None:
            continue
        if keys[s.id] is None:
            anchor = previous.get(s.parent)
            followers.setdefault(anchor.id if anchor else s.parent, []).append(s)
        previous[s.parent] = s
    placed: set[str] = set()
    result: list[tuple[date | None, Session]] = []

    def place(first: Session, day: date | None) -> None:
        stack = [first]
        while stack:
            session = stack.pop()
            if session.id in placed:
                continue
            placed.add(session.id)
            result.append((day, session))
            stack.extend(reversed(followers.get(session.id, ())))

    timed = [(key, s) for s in sessions if (key := keys[s.id]) is not None]
    for key, session in sorted(timed, key=lambda item: item[0]):
        place(session, key[0])
    for session in sessions:  # untimed, in programme order
        place(session, None)
    return result
